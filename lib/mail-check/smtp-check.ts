import 'server-only';
import type net from 'node:net';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { classifyServerReply, failedResult } from './diagnosis';
import type { ProtocolCheckParams } from './imap-check';
import type { CheckStage, FailureCode, ProtocolCheckResult } from './types';
import { CheckFailure, SocketSet, StageClock, classifyTransportError, elapsedSince, openConnection } from './with-budget';

// The SMTP half of the check: proves the account may send, without sending anything.
// TLS (implicit, or STARTTLS where the endpoint says so), EHLO, an AUTH that really happens
// (a server offering none is a failure: nodemailer's verify() would pass it) and only once
// IMAP accepted the same code (run-check.ts: one refused login per wrong code, not two), then
// `MAIL FROM:<address>`, which is where NetEase refuses an account whose SMTP service is off
// (550) or a sender that is not the login (553). RSET and QUIT follow; RCPT and DATA never.
//
// With PIPELINING (NetEase and smtp-server both offer it) MAIL FROM, RSET and QUIT leave in
// one segment, so the whole check costs EHLO, AUTH PLAIN and one more round trip after the
// greeting, and the server's QUIT reply and close arrive in that same flight.

/** What the check uses of nodemailer's SMTPConnection beyond its typings (stable since 0.x). */
interface SmtpConnectionInternals {
  _sendCommand(command: string): void;
  _responseActions: Array<(reply: string) => void>;
  /** The mechanisms listed on the EHLO reply's own `AUTH` line; empty after a HELO fallback. */
  _supportedAuth: string[];
}

interface NodemailerError {
  code?: string;
  originalCode?: string;
  response?: string;
  responseCode?: number;
  message?: string;
}

function internalsOf(connection: SMTPConnection): SmtpConnectionInternals {
  const candidate = connection as unknown as Partial<SmtpConnectionInternals>;
  if (typeof candidate._sendCommand !== 'function' || !Array.isArray(candidate._responseActions) || !Array.isArray(candidate._supportedAuth)) {
    throw new Error('nodemailer SMTPConnection no longer exposes _sendCommand/_responseActions/_supportedAuth; update lib/mail-check/smtp-check.ts');
  }
  return candidate as SmtpConnectionInternals;
}

const replyCodeOf = (reply: string): number | undefined => {
  const match = /^(\d{3})/.exec(reply);
  return match ? Number(match[1]) : undefined;
};

function toFailure(err: unknown, stage: CheckStage, params: ProtocolCheckParams): CheckFailure {
  if (err instanceof CheckFailure) return err;
  const e = (err ?? {}) as NodemailerError;
  const reply = typeof e.response === 'string' ? e.response.trim() : undefined;
  const replyCode = reply ? replyCodeOf(reply) : undefined;
  if (reply) {
    // A reply without a code is not SMTP at all (another protocol on this port, say).
    let code: FailureCode =
      replyCode === undefined ? 'unexpected' : classifyServerReply({ protocol: 'smtp', stage, text: reply, replyCode }, params.knownErrors);
    if (code === 'unexpected' && stage === 'starttls') code = 'tls_failed';
    return new CheckFailure(code, stage, params.redact(reply));
  }
  // nodemailer replaces a socket error's code with its own (ESOCKET, ETLS...) and keeps the
  // original as originalCode.
  const transportError = Object.assign(new Error(e.message ?? String(err)), { code: e.originalCode ?? e.code });
  const failure = classifyTransportError(transportError, stage);
  const tlsStage = stage === 'starttls' || e.code === 'ETLS';
  const code = tlsStage && failure.code === 'unexpected' ? 'tls_failed' : failure.code;
  return new CheckFailure(code, failure.stage, undefined, failure.detail && params.redact(failure.detail));
}

/**
 * Follows one SMTP session as nodemailer runs it: every server reply passes through
 * `lastServerResponse` (a public field), which is where the check learns that a stage ended;
 * every session error rejects whatever stage is waiting.
 */
class SessionWatch {
  #waiter: { accept: (reply: string) => boolean; resolve: (reply: string) => void; reject: (err: unknown) => void } | undefined;
  #error: unknown;
  #last: string | false = false;

  constructor(connection: SMTPConnection) {
    Object.defineProperty(connection, 'lastServerResponse', {
      configurable: true,
      enumerable: true,
      get: () => this.#last,
      set: (reply: string | false) => {
        this.#last = reply;
        if (typeof reply === 'string' && this.#waiter?.accept(reply)) {
          const waiter = this.#waiter;
          this.#waiter = undefined;
          waiter.resolve(reply);
        }
      },
    });
    connection.on('error', (err: unknown) => this.fail(err));
    connection.on('end', () => this.fail(Object.assign(new Error('connection closed by the server'), { code: 'ECONNRESET' })));
  }

  get lastReply(): string | false {
    return this.#last;
  }

  fail(err: unknown): void {
    this.#error ??= err;
    const waiter = this.#waiter;
    this.#waiter = undefined;
    waiter?.reject(err);
  }

  /** The next reply `accept` takes; a reply it refuses is left to nodemailer to turn into an error. */
  nextReply(accept: (reply: string) => boolean = () => true): Promise<string> {
    if (this.#error !== undefined) return Promise.reject(this.#error);
    return new Promise((resolve, reject) => {
      this.#waiter = { accept, resolve, reject };
    });
  }

  /** `work`, unless the session fails first. */
  race<T>(work: Promise<T>): Promise<T> {
    if (this.#error !== undefined) return Promise.reject(this.#error);
    const failed = this.nextReply(() => false);
    return Promise.race([work, failed]).finally(() => {
      // Drop the guard so the next stage can install its own.
      this.#waiter = undefined;
    }) as Promise<T>;
  }
}

export interface SmtpCheckParams extends ProtocolCheckParams {
  /**
   * Whether the IMAP side's LOGIN was accepted (run-check.ts). Awaited after EHLO, just before
   * AUTH: a code IMAP refused is not sent again to be refused a second time, so a wrong code
   * costs one refused login. Absent: AUTH goes as soon as EHLO allows.
   */
  loginGate?: Promise<boolean>;
}

/** Proves the account may send: TLS, EHLO, AUTH, MAIL FROM, then RSET and QUIT. */
export async function checkSmtpSubmission(params: SmtpCheckParams): Promise<ProtocolCheckResult> {
  const started = performance.now();
  const { endpoint } = params;
  const clock = new StageClock(params.signal, params.stageTimeoutMs);
  const sockets = new SocketSet();
  let connection: SMTPConnection | undefined;
  let passed = false;
  try {
    const socket = await openConnection(endpoint, clock, sockets, params.pinned);
    const implicit = endpoint.tls === 'implicit';
    const slack = params.stageTimeoutMs + 60_000;
    const smtp = new SMTPConnection({
      connection: socket,
      host: endpoint.host,
      port: endpoint.port,
      secure: implicit,
      secured: implicit,
      requireTLS: !implicit,
      logger: false,
      debug: false,
      transactionLog: false,
      connectionTimeout: slack,
      greetingTimeout: slack,
      socketTimeout: slack,
      socketCloseTimeout: 1_000,
    });
    connection = smtp;
    const session = new SessionWatch(smtp);
    const internals = internalsOf(smtp);

    const connected = new Promise<void>((resolve, reject) => smtp.connect((err) => (err ? reject(err) : resolve())));
    connected.catch(() => {});
    await clock.run('greeting', () => session.nextReply((reply) => reply.startsWith('220')));
    if (!implicit) {
      await clock.run('ehlo', () => session.nextReply((reply) => reply.startsWith('2')));
      await clock.run('starttls', () => session.nextReply((reply) => reply.startsWith('2')));
      // nodemailer has just replaced its socket with the TLS one; it must be closed too.
      const upgraded = smtp._socket;
      if (!upgraded) throw new CheckFailure('tls_failed', 'starttls', undefined, 'no TLS socket after STARTTLS');
      sockets.add(upgraded);
      const secured = new Promise<void>((resolve) => upgraded.once('secureConnect', () => resolve()));
      await clock.run('tls', () => session.race(secured));
    }
    await clock.run('ehlo', () => session.race(connected));
    const ehloReply = session.lastReply || '';
    // The secret goes only to a server whose EHLO reply has an AUTH line offering PLAIN or LOGIN
    // (what the mail client uses). nodemailer's own `allowsAuth` is set by "AUTH" anywhere in
    // the reply, and always after a fallback to HELO: such a server, or one offering only
    // XOAUTH2 or CRAM-MD5, would be sent the code and its refusal taken for a wrong code.
    const offered = internals._supportedAuth;
    const method = offered.includes('PLAIN') ? 'PLAIN' : offered.includes('LOGIN') ? 'LOGIN' : undefined;
    if (!method) {
      throw new CheckFailure('no_auth_offered', 'auth', params.redact(ehloReply.replace(/\n/g, ' | ')));
    }
    const gate = params.loginGate;
    if (gate) {
      // Set up in parallel, logged in one after the other. The wait is bounded by the overall
      // deadline, not one stage's budget: the IMAP side has a budget for each of its stages up
      // to LOGIN, and settles the gate however it ends.
      const waitMs = Math.max(0, params.deadline - performance.now());
      const accepted = await clock.run('auth', () => session.race(gate), waitMs).catch((err: unknown) => {
        // The budget ran out while IMAP was still on its way to a LOGIN verdict: this side was
        // ready and waiting, so the IMAP result tells what was slow.
        if (err instanceof CheckFailure && err.code === 'timeout' && err.stage === 'auth') return false;
        throw err;
      });
      if (!accepted) throw new CheckFailure('not_attempted', 'auth');
    }
    // nodemailer reads `method` (its typings do not list it) instead of choosing one itself.
    const credentials: SMTPConnection.AuthenticationTypeLogin & { method: typeof method } = { user: params.username, pass: params.code, method };
    await clock.run('auth', () =>
      session.race(new Promise<void>((resolve, reject) => smtp.login(credentials, (err) => (err ? reject(err) : resolve())))),
    );

    const pipelining = /[ -]PIPELINING\b/im.test(ehloReply);
    const mailReply = new Promise<string>((resolve) => internals._responseActions.push(resolve));
    const wire = smtp._socket as net.Socket;
    wire.cork();
    internals._sendCommand(`MAIL FROM:<${params.address}>`);
    if (pipelining) {
      smtp.reset(() => {});
      smtp.quit();
    }
    wire.uncork();
    const reply = (await clock.run('mail_from', () => session.race(mailReply))).trim();
    if (!pipelining) {
      smtp.reset(() => smtp.quit());
    }
    if (!reply.startsWith('2')) throw Object.assign(new Error('MAIL FROM refused'), { response: reply });
    passed = true;
    return { ok: true, durationMs: elapsedSince(started), endpoint, loginName: params.username };
  } catch (err) {
    return failedResult(toFailure(err, clock.stage, params), endpoint, elapsedSince(started), params.provider);
  } finally {
    if (passed) {
      // RSET and QUIT are on their way; the server's 221 and close normally follow at once.
      const graceMs = Math.max(0, Math.min(1_000, params.deadline - performance.now()));
      await sockets.closeAll(graceMs);
      connection?.close();
    } else {
      connection?.close();
      await sockets.closeAll();
    }
  }
}
