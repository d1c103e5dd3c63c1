import 'server-only';
import type net from 'node:net';
import tls from 'node:tls';
import { ImapFlow, type ImapFlowOptions, type ImapTransport } from 'imapflow';
import type { KnownServerError, ServerEndpoint } from '@/lib/providers/types';
import { classifyServerReply, failedResult, type DiagnosisSource } from './diagnosis';
import type { CheckStage, ImapClientInfo, MailDelivery, PinnedAddresses, ProtocolCheckResult } from './types';
import {
  CheckFailure,
  SocketSet,
  StageClock,
  classifyTransportError,
  elapsedSince,
  openConnection,
  tlsNameOptions,
} from './with-budget';

// The IMAP half of the check: what a mail client must do before it can show the inbox.
// TLS (verified), LOGIN with the address and code, ID after LOGIN (NetEase refuses to open a
// mailbox for a client that did not identify itself after logging in), EXAMINE INBOX
// read-only, then the socket is closed without waiting for a LOGOUT reply.
//
// imapflow is the client, but its connect() runs a whole session set-up (CAPABILITY, ID,
// LOGIN, CAPABILITY, NAMESPACE or LIST, ENABLE), one round trip each, and mailboxOpen() adds
// LIST and LSUB. The check lets connect() stop at the greeting and sends exactly the three
// commands it needs: 3 round trips after the TLS greeting instead of about 9. imapflow sends
// one command at a time, so the three cannot be pipelined.

export interface ProtocolCheckParams {
  address: string;
  username: string;
  code: string;
  endpoint: ServerEndpoint;
  knownErrors: readonly KnownServerError[];
  signal: AbortSignal;
  stageTimeoutMs: number;
  /** `performance.now()` by which everything, closing included, should be over. */
  deadline: number;
  redact: (text: string) => string;
  /** Whose wording the diagnosis of a failure uses. */
  provider?: DiagnosisSource;
  /** Connect to these addresses instead of resolving `endpoint.host` (a host the user typed). */
  pinned?: PinnedAddresses;
}

export interface ImapCheckParams extends ProtocolCheckParams {
  clientInfo: ImapClientInfo;
  /** A second login name, tried once only if the server refused `username`'s login (iCloud). */
  fallbackUsername?: string;
  /** Told the moment the server accepted a LOGIN: what lets the SMTP side send its AUTH (run-check.ts). */
  onLoginAccepted?: () => void;
}

type ImapAttribute = string | { type: 'ATOM' | 'STRING'; value: string; sensitive?: boolean } | ImapAttribute[];

interface ImapResponse {
  next: () => void;
}

/** What the check uses of imapflow beyond its typings; present in imapflow 1.x and 2.x. */
interface ImapFlowInternals {
  exec(command: string, attributes?: ImapAttribute[]): Promise<ImapResponse>;
  run(command: string, ...args: unknown[]): Promise<unknown>;
  upgradeToSTARTTLS(): Promise<boolean>;
}

interface ImapCommandError {
  responseStatus?: 'NO' | 'BAD' | 'BYE';
  responseText?: string;
  reason?: string;
  response?: { attributes?: Array<{ section?: Array<{ value?: unknown }> }> };
}

/**
 * imapflow whose connect() resolves on the server's greeting. `startSession` is imapflow's
 * internal hook that runs after the greeting; replacing it is what keeps connect() from
 * issuing its own CAPABILITY, pre-login ID, NAMESPACE and ENABLE round trips.
 */
class GreetingOnlyImapFlow extends ImapFlow {
  async startSession(): Promise<void> {}
}

function internalsOf(client: ImapFlow): ImapFlowInternals {
  const candidate = client as unknown as Partial<ImapFlowInternals>;
  const hooked = typeof (ImapFlow.prototype as unknown as { startSession?: unknown }).startSession === 'function';
  if (!hooked || typeof candidate.exec !== 'function' || typeof candidate.run !== 'function' || typeof candidate.upgradeToSTARTTLS !== 'function') {
    // A newer imapflow renamed what the check relies on; fail loudly instead of passing.
    throw new Error('imapflow no longer has startSession/exec/run/upgradeToSTARTTLS; update lib/mail-check/imap-check.ts');
  }
  return candidate as ImapFlowInternals;
}

/**
 * Hands imapflow the socket the check already opened (and timed stage by stage), and runs a
 * STARTTLS upgrade through the same socket registry so that it, too, is closed at the end.
 */
function handOverTransport(socket: net.Socket, sockets: SocketSet): ImapTransport {
  return {
    connect(_options, onConnect) {
      // imapflow stores the returned socket before it may use onConnect.
      setImmediate(onConnect);
      return socket;
    },
    upgrade(plain, options, onSecure) {
      return sockets.add(
        tls.connect({ socket: plain as net.Socket, host: options.host, ...tlsNameOptions(options.host) }, onSecure),
      );
    },
  };
}

function responseCodeOf(err: ImapCommandError): string | undefined {
  const section = err.response?.attributes?.[0]?.section;
  const code = section?.[0]?.value;
  return typeof code === 'string' ? code : undefined;
}

/** `NO [CODE] text`, as the server put it. */
function replyText(err: ImapCommandError): string {
  const code = responseCodeOf(err);
  const text = err.responseText ?? err.reason ?? '';
  return [err.responseStatus, code ? `[${code}]` : undefined, text].filter(Boolean).join(' ');
}

function isServerRefusal(err: unknown): err is ImapCommandError & { responseStatus: 'NO' | 'BAD' } {
  const status = (err as ImapCommandError | null)?.responseStatus;
  return status === 'NO' || status === 'BAD';
}

function toFailure(err: unknown, stage: CheckStage, params: ImapCheckParams): CheckFailure {
  if (err instanceof CheckFailure) return err;
  if (isServerRefusal(err)) {
    const text = replyText(err);
    const responseCode = responseCodeOf(err);
    const code = classifyServerReply(
      { protocol: 'imap', stage, text, status: err.responseStatus, ...(responseCode !== undefined ? { responseCode } : {}) },
      params.knownErrors,
    );
    return new CheckFailure(code, stage, params.redact(text));
  }
  // imapflow's "connection not available" carries the server's BYE text, if there was one.
  // (Node's TLS errors have a `reason` too, hence the code check.)
  const bye = (err as ImapCommandError & { code?: unknown } | null)?.code === 'NoConnection' ? (err as ImapCommandError).reason : undefined;
  if (typeof bye === 'string' && bye) {
    // The server said BYE (at the greeting, or instead of answering).
    const text = `BYE ${bye}`;
    const code = classifyServerReply({ protocol: 'imap', stage, text, status: 'BYE' }, params.knownErrors);
    return new CheckFailure(code, stage, params.redact(text));
  }
  const failure = classifyTransportError(err, stage);
  if (stage === 'starttls' && failure.code === 'unexpected') {
    return new CheckFailure('tls_failed', stage, failure.serverText, failure.detail && params.redact(failure.detail));
  }
  return new CheckFailure(failure.code, failure.stage, failure.serverText, failure.detail && params.redact(failure.detail));
}

/**
 * Push or polling, from the capability lists the server sent without being asked (see
 * MailDelivery): no command is sent for it. imapflow reads a list from the greeting's and any
 * reply's `[CAPABILITY ...]` and from untagged CAPABILITY replies, and puts each new list in a
 * new `capabilities` map: a map other than the one held before LOGIN is a list sent after it,
 * the one that counts (a server may offer more once a user is logged in, or less).
 */
function deliveryOf(beforeLogin: ReadonlyMap<string, unknown>, atEnd: ReadonlyMap<string, unknown>): MailDelivery {
  if (atEnd.has('IDLE')) return 'push';
  if (atEnd !== beforeLogin && atEnd.size > 0) return 'polling';
  return 'unknown';
}

function idAttributes(clientInfo: ImapClientInfo): ImapAttribute[] {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(clientInfo)) {
    // RFC 2971: strings of at most 1024 octets, no line breaks.
    if (value !== null) fields.push(key, value.replace(/\s+/g, ' ').slice(0, 1024));
  }
  return [fields.length ? fields : { type: 'ATOM', value: 'NIL' }];
}

/** Proves the mailbox can be opened by a mail client: TLS, LOGIN, ID, EXAMINE INBOX. */
export async function checkImapAccess(params: ImapCheckParams): Promise<ProtocolCheckResult> {
  const started = performance.now();
  const { endpoint } = params;
  const clock = new StageClock(params.signal, params.stageTimeoutMs);
  const sockets = new SocketSet();
  let client: GreetingOnlyImapFlow | undefined;
  try {
    const socket = await openConnection(endpoint, clock, sockets, params.pinned);
    // imapflow's own timers are left long: the clock's stage budgets fire first.
    const slack = params.stageTimeoutMs + 60_000;
    const options: ImapFlowOptions = {
      host: endpoint.host,
      port: endpoint.port,
      secure: endpoint.tls === 'implicit',
      doSTARTTLS: endpoint.tls === 'starttls' ? true : undefined,
      ...tlsNameOptions(endpoint.host),
      // No `auth` and no `clientInfo`: imapflow's own session set-up, which would use them, is
      // skipped, and LOGIN and ID are sent below.
      transport: handOverTransport(socket, sockets),
      logger: false,
      emitLogs: false,
      logRaw: false,
      disableAutoIdle: true,
      disableCompression: true,
      disableAutoEnable: true,
      connectionTimeout: slack,
      greetingTimeout: slack,
      socketTimeout: slack,
    };
    client = new GreetingOnlyImapFlow(options);
    client.on('error', () => {
      // Reported through the command that was in flight; nothing to add here.
    });
    const imap = internalsOf(client);
    const connecting = client;
    await clock.run('greeting', () => connecting.connect());
    if (endpoint.tls === 'starttls') {
      await clock.run('starttls', async () => {
        await imap.run('CAPABILITY');
        // doSTARTTLS: true makes imapflow refuse a server without STARTTLS.
        await imap.upgradeToSTARTTLS();
      });
    }
    const login = (name: string) =>
      clock.run('login', async () => {
        const response = await imap.exec('LOGIN', [
          { type: 'STRING', value: name },
          { type: 'STRING', value: params.code, sensitive: true },
        ]);
        response.next();
      });
    const capabilitiesBeforeLogin = client.capabilities;
    let loginName = params.username;
    try {
      await login(loginName);
    } catch (err) {
      const fallback = params.fallbackUsername;
      if (fallback === undefined || fallback === loginName || toFailure(err, 'login', params).code !== 'auth_failed') throw err;
      // Not a retry, so no step towards a lockout: a retry sends the same name and code again
      // and can only fail again, one more failure for nothing. This is the other name the
      // provider's data gives for the same account (iCloud: the local part, then the address),
      // sent once, on the same connection, and only after the server judged the first name's
      // login (never after a timeout or a broken connection); SMTP never gets one. A check thus
      // costs at most two refused logins, and the lockout layer limits how many checks a
      // mailbox and a provider get. iCloud is not known to ban an IP for failed logins the way
      // NetEase does: no such reply of theirs is on record.
      loginName = fallback;
      await login(loginName);
    }
    params.onLoginAccepted?.();
    await clock.run('id', async () => {
      try {
        const response = await imap.exec('ID', idAttributes(params.clientInfo));
        response.next();
      } catch (err) {
        // A server without ID answers BAD; whether that matters shows at EXAMINE.
        if (!isServerRefusal(err)) throw err;
      }
    });
    await clock.run('examine', async () => {
      const response = await imap.exec('EXAMINE', [{ type: 'ATOM', value: 'INBOX' }]);
      response.next();
    });
    return { ok: true, durationMs: elapsedSince(started), endpoint, loginName, delivery: deliveryOf(capabilitiesBeforeLogin, client.capabilities) };
  } catch (err) {
    return failedResult(toFailure(err, clock.stage, params), endpoint, elapsedSince(started), params.provider);
  } finally {
    // No LOGOUT round trip: the verdict is in, and closing is all the server needs.
    client?.close();
    await sockets.closeAll();
  }
}
