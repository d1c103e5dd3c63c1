import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { ensureTestPki } from './pki';
import type { LoginNameRule } from './provider-imap';
import { LOOPBACK, listenOnLoopback, trackSockets } from './server-lifecycle';

// smtp-server scripted with a provider's replies at AUTH, for the providers after NetEase
// (whose own script is netease-smtp.ts). Implicit TLS, or a plain submission port that offers
// STARTTLS and hides AUTH until the upgrade, as iCloud's 587 does. It never accepts a message.

export interface SmtpReply {
  code: number;
  text: string;
}

export interface SmtpScript {
  provider: string;
  /** The name in the greeting and the EHLO reply. */
  name: string;
  banner: string;
  /** The reply to AUTH with a wrong code or login name. */
  authFailed: SmtpReply;
  /** The reply when the account's own web password is typed; default `authFailed`. */
  webPasswordUsed?: SmtpReply;
  /** The reply when the account's domain lives on another server group. */
  domainNotServed?: SmtpReply;
  /** Named refusals a test can switch on; every AUTH then gets this reply. */
  refusals: Record<string, SmtpReply>;
  loginNames: LoginNameRule;
}

export interface ProviderSmtpOptions {
  script: SmtpScript;
  /** address -> code */
  users: Record<string, string>;
  /** address -> the account's own (web) password, to play a user who typed it. */
  webPasswords?: Record<string, string>;
  tls: 'implicit' | 'starttls';
  servedDomains?: readonly string[];
  refusal?: string;
}

export interface ProviderSmtpSession {
  id: string;
  /** Command verbs, in order. */
  commands: string[];
  startTlsUsed: boolean;
  /** Whether the connection was already encrypted when AUTH arrived. */
  authOverTls: boolean[];
  authAttempts: Array<{ username: string; reply: string }>;
  mailFrom: string[];
  dataStarted: boolean;
}

export interface ProviderSmtpServer {
  host: typeof LOOPBACK;
  port: number;
  script: SmtpScript;
  sessions: ProviderSmtpSession[];
  setRefusal(name: string | null): void;
  /** Gives `address` this code (a new mailbox, or a new code for one), for tests driving a running app. */
  setCode(address: string, code: string): void;
  /** The account's own (web) password, to play a user who types it instead of the code. */
  setWebPassword(address: string, password: string): void;
  stop(): Promise<void>;
}

const normalise = (text: string) => text.trim().toLowerCase();

const smtpError = (reply: SmtpReply) => Object.assign(new Error(reply.text), { responseCode: reply.code });

interface SessionWithPolicy extends SMTPServerSession {
  disabledCommands?: string[];
}

export async function startProviderSmtp(options: ProviderSmtpOptions): Promise<ProviderSmtpServer> {
  const { script } = options;
  const pki = ensureTestPki();
  const codes = new Map(Object.entries(options.users).map(([address, code]) => [normalise(address), code]));
  const webPasswords = new Map(Object.entries(options.webPasswords ?? {}).map(([a, p]) => [normalise(a), p]));
  const served = options.servedDomains?.map(normalise);
  const implicit = options.tls === 'implicit';
  let refusal: string | null = null;
  const setRefusal = (name: string | null) => {
    if (name !== null && !Object.hasOwn(script.refusals, name)) throw new Error(`${script.provider} has no SMTP refusal ${name}`);
    refusal = name;
  };
  setRefusal(options.refusal ?? null);

  const sessions: ProviderSmtpSession[] = [];
  const byId = new Map<string, ProviderSmtpSession>();
  const recordFor = (id: string) => {
    let record = byId.get(id);
    if (!record) {
      record = { id, commands: [], startTlsUsed: false, authOverTls: [], authAttempts: [], mailFrom: [], dataStarted: false };
      byId.set(id, record);
      sessions.push(record);
    }
    return record;
  };

  const accountFor = (name: string): string | undefined => {
    const login = normalise(name);
    const isAddress = login.includes('@');
    if (isAddress && script.loginNames === 'local_part') return undefined;
    if (!isAddress && script.loginNames === 'address') return undefined;
    if (isAddress) return codes.has(login) ? login : undefined;
    return [...codes.keys()].find((address) => address.slice(0, address.lastIndexOf('@')) === login);
  };

  const judge = (name: string, password: string): { account: string } | { refusal: SmtpReply } => {
    if (refusal !== null) return { refusal: script.refusals[refusal]! };
    const account = accountFor(name);
    if (account && served && script.domainNotServed && !served.includes(account.slice(account.lastIndexOf('@') + 1))) {
      return { refusal: script.domainNotServed };
    }
    if (account && codes.get(account) === password) return { account };
    if (account && webPasswords.get(account) === password) return { refusal: script.webPasswordUsed ?? script.authFailed };
    return { refusal: script.authFailed };
  };

  // smtp-server has no hook for STARTTLS, RSET or DATA; its command log does.
  const commandLogger = {
    debug(entry: { tnx?: string; cid?: string }, _label: unknown, line: unknown) {
      if (entry.tnx !== 'command' || !entry.cid || typeof line !== 'string') return;
      const record = recordFor(entry.cid);
      const verb = line.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
      record.commands.push(verb);
      if (verb === 'STARTTLS') record.startTlsUsed = true;
      if (verb === 'DATA') record.dataStarted = true;
    },
    trace() {},
    info() {},
    warn() {},
    error() {},
    fatal() {},
  };

  // AUTH is not offered before TLS, as on every provider's submission port.
  const applyAuthPolicy = (session: SessionWithPolicy, secure: boolean) => {
    session.disabledCommands = secure ? [] : ['AUTH'];
  };

  const serverOptions: SMTPServerOptions = {
    secure: implicit,
    key: pki.server.key,
    cert: pki.server.cert,
    name: script.name,
    banner: script.banner,
    authMethods: ['PLAIN', 'LOGIN'],
    disableReverseLookup: true,
    logger: commandLogger as unknown as SMTPServerOptions['logger'],
    onConnect(session, callback) {
      recordFor(session.id);
      applyAuthPolicy(session, implicit);
      callback();
    },
    onSecure(_socket, session, callback) {
      applyAuthPolicy(session, true);
      callback();
    },
    onAuth(auth, session, callback) {
      const record = recordFor(session.id);
      const username = auth.username ?? '';
      record.authOverTls.push(session.secure);
      const verdict = judge(username, auth.password ?? '');
      if ('refusal' in verdict) {
        record.authAttempts.push({ username, reply: `${verdict.refusal.code} ${verdict.refusal.text}` });
        return callback(smtpError(verdict.refusal));
      }
      record.authAttempts.push({ username, reply: '235' });
      callback(null, { user: verdict.account });
    },
    onMailFrom(address, session, callback) {
      recordFor(session.id).mailFrom.push(address.address);
      callback();
    },
    onRcptTo(_address, _session, callback) {
      callback(smtpError({ code: 550, text: 'This peer accepts no recipients' }));
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback(smtpError({ code: 554, text: 'This peer accepts no messages' })));
    },
  };

  const smtp = new SMTPServer(serverOptions);
  smtp.on('error', () => {});
  const sockets = trackSockets(smtp.server);
  const port = await listenOnLoopback(smtp.server);

  return {
    host: LOOPBACK,
    port,
    script,
    sessions,
    setRefusal,
    setCode: (address, code) => void codes.set(normalise(address), code),
    setWebPassword: (address, password) => void webPasswords.set(normalise(address), password),
    async stop() {
      smtp.close();
      await sockets.closeNow();
    },
  };
}
