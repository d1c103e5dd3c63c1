import { randomBytes } from 'node:crypto';
import { domainToASCII } from 'node:url';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import type { BanRule } from './ban-rule';
import { ensureTestPki } from './pki';
import { LOOPBACK, listenOnLoopback, trackSockets } from './server-lifecycle';

/**
 * NetEase's SMTP failure modes. Where each answer comes (AUTH or MAIL FROM)
 * follows the provider notes; 553 for a sender other than the login address
 * applies in every scenario, as it does at NetEase.
 */
export type SmtpScenario =
  | 'ok'
  | 'auth_550'
  | 'mailfrom_550'
  | 'mailfrom_553'
  | 'ip_rejected_554'
  | 'too_much_fail_451'
  | 'no_auth';

export interface NeteaseSmtpOptions {
  /** address -> authorization code */
  users: Record<string, string>;
  scenario?: SmtpScenario;
  /**
   * 'implicit' (NetEase on 465) or 'starttls' (plain port offering STARTTLS,
   * AUTH only after it, as iCloud's 587 does).
   */
  tls?: 'implicit' | 'starttls';
  /**
   * NetEase's IP ban (ban-rule.ts): wrong codes at AUTH count against the client's address, and
   * a banned address gets the rule's ban reply at every AUTH. Off when absent.
   */
  banRule?: BanRule;
  /**
   * Logins whose own address is another (login name -> address), as on a company's server where
   * one logs in as `li.wei` and sends as `li@corp.test`: `users` then holds the login name, and
   * MAIL FROM with that address is the user's own. Others may send only as their login.
   */
  senders?: Record<string, string>;
}

export interface SmtpAuthAttempt {
  method: string;
  username: string;
  /** The reply the server gave, e.g. `235` or `535 Error: authentication failed`; empty while it is held (holdAuth). */
  reply: string;
  /** When the AUTH arrived (ms since the epoch). */
  at: number;
}

export interface SmtpSessionRecord {
  id: string;
  /** Commands as received; smtp-server already replaces AUTH credentials with `/* secured *\/`. */
  commands: string[];
  startTlsUsed: boolean;
  authAttempts: SmtpAuthAttempt[];
  authenticatedUser: string | null;
  mailFrom: string[];
  rcptTo: string[];
  rsetSeen: boolean;
  quitSeen: boolean;
  /** The client sent DATA at all, whether or not it was accepted. */
  dataStarted: boolean;
  messagesReceived: number;
  closed: boolean;
}

export interface NeteaseSmtpServer {
  host: typeof LOOPBACK;
  port: number;
  secure: boolean;
  sessions: SmtpSessionRecord[];
  setScenario(scenario: SmtpScenario): void;
  setCode(address: string, code: string): void;
  removeUser(address: string): void;
  /** `login` logs in with its own code (setCode) and sends as `address` (see `senders`). */
  setSender(login: string, address: string): void;
  /** Holds every AUTH from now on this long before answering it (0: at once), as a slow server would. */
  holdAuth(ms: number): void;
  stop(): Promise<void>;
}

export const NETEASE_SMTP_TEXTS = {
  authFailed: 'Error: authentication failed',
  noPermission: 'User has no permission',
  localUserOnly: 'Local user only,smtp14,EsCowAD3LpfTgWVmexkAAA--.1234S2 1717928403',
  ipRejected: 'IP is rejected, smtp auth error limit exceed',
  tooMuchFail: 'Requested mail action not taken: too much fail authentication',
} as const;

const AUTH_REFUSALS: Partial<Record<SmtpScenario, { code: number; text: string }>> = {
  auth_550: { code: 550, text: NETEASE_SMTP_TEXTS.noPermission },
  ip_rejected_554: { code: 554, text: NETEASE_SMTP_TEXTS.ipRejected },
  too_much_fail_451: { code: 451, text: NETEASE_SMTP_TEXTS.tooMuchFail },
};

function smtpError(code: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode: code });
}

// smtp-server hands MAIL FROM over with an xn-- domain turned to Unicode; the login keeps the
// ASCII form the client sent. Both are compared in ASCII, as a mail server compares them.
const normaliseAddress = (address: string) => {
  const text = address.trim().toLowerCase();
  const at = text.lastIndexOf('@');
  return at === -1 ? text : `${text.slice(0, at + 1)}${domainToASCII(text.slice(at + 1)) || text.slice(at + 1)}`;
};

interface SessionWithPolicy extends SMTPServerSession {
  disabledCommands?: string[];
}

export async function startNeteaseSmtp(options: NeteaseSmtpOptions): Promise<NeteaseSmtpServer> {
  const pki = ensureTestPki();
  const codes = new Map<string, string>();
  for (const [address, code] of Object.entries(options.users)) codes.set(normaliseAddress(address), code);
  const senders = new Map<string, string>();
  for (const [login, address] of Object.entries(options.senders ?? {})) senders.set(normaliseAddress(login), normaliseAddress(address));
  let scenario: SmtpScenario = options.scenario ?? 'ok';
  const implicitTls = (options.tls ?? 'implicit') === 'implicit';
  const sessions: SmtpSessionRecord[] = [];
  const byId = new Map<string, SmtpSessionRecord>();

  const recordFor = (id: string): SmtpSessionRecord => {
    let record = byId.get(id);
    if (!record) {
      record = {
        id,
        commands: [],
        startTlsUsed: false,
        authAttempts: [],
        authenticatedUser: null,
        mailFrom: [],
        rcptTo: [],
        rsetSeen: false,
        quitSeen: false,
        dataStarted: false,
        messagesReceived: 0,
        closed: false,
      };
      byId.set(id, record);
      sessions.push(record);
    }
    return record;
  };

  // AUTH disappears from EHLO and is refused when the scenario has none, and
  // before STARTTLS on a plain port, the way providers hide it there.
  const applyAuthPolicy = (session: SessionWithPolicy, secure: boolean) => {
    session.disabledCommands = scenario === 'no_auth' || !secure ? ['AUTH'] : [];
  };

  // smtp-server has no hook for RSET, QUIT or a refused DATA; its command log does.
  const commandLogger = {
    debug(entry: { tnx?: string; cid?: string }, _label: unknown, line: unknown) {
      if (entry.tnx !== 'command' || !entry.cid || typeof line !== 'string') return;
      const record = recordFor(entry.cid);
      record.commands.push(line);
      const verb = line.trim().split(/\s+/)[0]?.toUpperCase();
      if (verb === 'RSET') record.rsetSeen = true;
      else if (verb === 'QUIT') record.quitSeen = true;
      else if (verb === 'DATA') record.dataStarted = true;
      else if (verb === 'STARTTLS') record.startTlsUsed = true;
    },
    trace() {},
    info() {},
    warn() {},
    error() {},
    fatal() {},
  };

  // The answer to one AUTH: the ban rule first, then the scenario, then the code.
  let authHoldMs = 0;
  type AuthHook = NonNullable<SMTPServerOptions['onAuth']>;
  const answerAuth = (
    auth: Parameters<AuthHook>[0],
    session: Parameters<AuthHook>[1],
    record: SmtpSessionRecord,
    attempt: SmtpAuthAttempt,
    callback: Parameters<AuthHook>[2],
  ) => {
    const username = auth.username ?? '';
    const remoteAddress = session.remoteAddress;
    if (options.banRule && !options.banRule.admitLogin('smtp', remoteAddress)) {
      const { code, text } = options.banRule.smtpReply;
      attempt.reply = `${code} ${text}`;
      return callback(smtpError(code, text));
    }
    const refusal = AUTH_REFUSALS[scenario];
    if (refusal) {
      attempt.reply = `${refusal.code} ${refusal.text}`;
      return callback(smtpError(refusal.code, refusal.text));
    }
    const expected = codes.get(normaliseAddress(username));
    if (expected === undefined || expected !== auth.password) {
      options.banRule?.recordRefusal('smtp', remoteAddress);
      attempt.reply = `535 ${NETEASE_SMTP_TEXTS.authFailed}`;
      return callback(smtpError(535, NETEASE_SMTP_TEXTS.authFailed));
    }
    attempt.reply = '235';
    record.authenticatedUser = normaliseAddress(username);
    callback(null, { user: record.authenticatedUser });
  };

  const serverOptions: SMTPServerOptions = {
    secure: implicitTls,
    key: pki.server.key,
    cert: pki.server.cert,
    name: '163.com',
    banner: 'Anti-spam GT for Coremail System (163com[20141201])',
    heloResponse: 'mail',
    authMethods: ['LOGIN', 'PLAIN'],
    disableReverseLookup: true,
    logger: commandLogger as unknown as SMTPServerOptions['logger'],
    onConnect(session, callback) {
      recordFor(session.id);
      applyAuthPolicy(session, implicitTls);
      callback();
    },
    onSecure(_socket, session, callback) {
      applyAuthPolicy(session, true);
      callback();
    },
    onAuth(auth, session, callback) {
      const record = recordFor(session.id);
      const username = auth.username ?? '';
      const attempt: SmtpAuthAttempt = { method: auth.method, username, reply: '', at: Date.now() };
      record.authAttempts.push(attempt);
      if (authHoldMs > 0) setTimeout(() => answerAuth(auth, session, record, attempt, callback), authHoldMs);
      else answerAuth(auth, session, record, attempt, callback);
    },
    onMailFrom(address, session, callback) {
      const record = recordFor(session.id);
      record.mailFrom.push(address.address);
      if (!session.secure) return callback(smtpError(530, 'Must issue a STARTTLS command first'));
      if (scenario === 'mailfrom_550') return callback(smtpError(550, NETEASE_SMTP_TEXTS.noPermission));
      const user = typeof session.user === 'string' ? session.user : null;
      const foreignSender = user !== null && normaliseAddress(address.address) !== (senders.get(user) ?? user);
      if (scenario === 'mailfrom_553' || foreignSender) {
        return callback(smtpError(553, NETEASE_SMTP_TEXTS.localUserOnly));
      }
      callback();
    },
    onRcptTo(address, session, callback) {
      recordFor(session.id).rcptTo.push(address.address);
      callback();
    },
    onData(stream, session, callback) {
      const record = recordFor(session.id);
      stream.on('data', () => {});
      stream.on('end', () => {
        record.messagesReceived++;
        callback(null, `Mail OK queued as smtp14,${randomBytes(8).toString('hex')}`);
      });
    },
    onClose(session) {
      recordFor(session.id).closed = true;
    },
  };

  const smtp = new SMTPServer(serverOptions);
  smtp.on('error', () => {});
  const sockets = trackSockets(smtp.server);
  const port = await listenOnLoopback(smtp.server);

  return {
    host: LOOPBACK,
    port,
    secure: implicitTls,
    sessions,
    setScenario(next) {
      scenario = next;
    },
    holdAuth(ms) {
      authHoldMs = ms;
    },
    setCode(address, code) {
      codes.set(normaliseAddress(address), code);
    },
    removeUser(address) {
      codes.delete(normaliseAddress(address));
    },
    setSender(login, address) {
      senders.set(normaliseAddress(login), normaliseAddress(address));
    },
    async stop() {
      // smtp-server's own close() waits up to 30 s for sessions; it is only
      // called for its clean-up of sockets still in the TLS handshake.
      smtp.close();
      await sockets.closeNow();
    },
  };
}
