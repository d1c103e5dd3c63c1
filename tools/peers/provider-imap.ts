import tls from 'node:tls';
import { asText, openImapWire, type ImapToken } from '../../lib/practice/imap-wire';
import { ensureTestPki } from './pki';
import { LOOPBACK, listenOnLoopback, trackSockets } from './server-lifecycle';

// A scripted IMAP responder for the providers after NetEase (QQ, Sohu, iCloud, NetEase
// enterprise): implicit TLS with the test CA, and each provider's own words where a check meets
// them, at LOGIN. It speaks as much IMAP as a mail client's first minute needs (CAPABILITY, ID,
// LOGIN, LIST/LSUB, SELECT/EXAMINE INBOX, NOOP, LOGOUT), and holds no mail; NetEase's richer rules (folders, ID before
// SELECT) stay with its own simulator, which is practice mode's server (lib/practice).

/** Which login names the server takes for an account. */
export type LoginNameRule = 'address' | 'local_part' | 'either';

export interface ImapScript {
  /** Provider id, for test names. */
  provider: string;
  /** The whole greeting line, `* OK ...`. */
  greeting: string;
  capabilities: string;
  /** The untagged ID reply; absent: ID is not offered and is answered BAD. */
  idReply?: string;
  /** What follows `NO ` when the code (or the login name) is wrong. */
  loginFailed: string;
  /** What follows `NO ` when the account's own web password is typed; default `loginFailed`. */
  webPasswordUsed?: string;
  /** What follows `NO ` when the account's domain lives on another server group. */
  domainNotServed?: string;
  /** Named refusals a test can switch on; every LOGIN then gets `NO <text>`. */
  refusals: Record<string, string>;
  loginNames: LoginNameRule;
}

export interface ProviderImapOptions {
  script: ImapScript;
  /** address -> code (the app-specific password, authorization code...). */
  users: Record<string, string>;
  /** address -> the account's own (web) password, to play a user who typed it. */
  webPasswords?: Record<string, string>;
  /** Overrides the script's rule (iCloud's is not settled). */
  loginNames?: LoginNameRule;
  /** Domains this server group hosts; others get the script's `domainNotServed`. Default: all. */
  servedDomains?: readonly string[];
  /** A key of `script.refusals` to answer every LOGIN with, from the start. */
  refusal?: string;
}

export interface ImapLoginRecord {
  name: string;
  /** `OK` or the `NO ...` reply. */
  reply: string;
}

export interface ProviderImapConnection {
  id: number;
  /** Command names, in order. */
  commands: string[];
  logins: ImapLoginRecord[];
  /** Address of the account the last successful LOGIN opened. */
  user: string | null;
  idAfterLogin: boolean;
  examined: string | null;
  closed: boolean;
}

export interface ProviderImapServer {
  host: typeof LOOPBACK;
  port: number;
  script: ImapScript;
  connections: ProviderImapConnection[];
  setRefusal(name: string | null): void;
  setLoginNames(rule: LoginNameRule): void;
  /** Gives `address` this code (a new mailbox, or a new code for one), for tests driving a running app. */
  setCode(address: string, code: string): void;
  /** The account's own (web) password, to play a user who types it instead of the code. */
  setWebPassword(address: string, password: string): void;
  stop(): Promise<void>;
}

const normalise = (text: string) => text.trim().toLowerCase();

export async function startProviderImap(options: ProviderImapOptions): Promise<ProviderImapServer> {
  const { script } = options;
  const pki = ensureTestPki();
  const codes = new Map(Object.entries(options.users).map(([address, code]) => [normalise(address), code]));
  const webPasswords = new Map(Object.entries(options.webPasswords ?? {}).map(([a, p]) => [normalise(a), p]));
  const served = options.servedDomains?.map(normalise);
  let loginNames = options.loginNames ?? script.loginNames;
  let refusal: string | null = null;
  const setRefusal = (name: string | null) => {
    if (name !== null && !Object.hasOwn(script.refusals, name)) throw new Error(`${script.provider} has no IMAP refusal ${name}`);
    refusal = name;
  };
  setRefusal(options.refusal ?? null);
  const connections: ProviderImapConnection[] = [];

  /** The account a login name stands for under the current rule, if any. */
  const accountFor = (name: string): string | undefined => {
    const login = normalise(name);
    const isAddress = login.includes('@');
    if (isAddress && loginNames === 'local_part') return undefined;
    if (!isAddress && loginNames === 'address') return undefined;
    if (isAddress) return codes.has(login) ? login : undefined;
    return [...codes.keys()].find((address) => address.slice(0, address.lastIndexOf('@')) === login);
  };

  /** The account the login opens, or what follows `NO `. */
  const judgeLogin = (name: string, password: string): { account: string } | { refusal: string } => {
    if (refusal !== null) return { refusal: script.refusals[refusal]! };
    const account = accountFor(name);
    if (account && served && script.domainNotServed && !served.includes(account.slice(account.lastIndexOf('@') + 1))) {
      return { refusal: script.domainNotServed };
    }
    if (account && codes.get(account) === password) return { account };
    if (account && webPasswords.get(account) === password) return { refusal: script.webPasswordUsed ?? script.loginFailed };
    return { refusal: script.loginFailed };
  };

  const server = tls.createServer({ cert: pki.server.cert, key: pki.server.key }, (socket) => {
    const record: ProviderImapConnection = {
      id: connections.length + 1,
      commands: [],
      logins: [],
      user: null,
      idAfterLogin: false,
      examined: null,
      closed: false,
    };
    connections.push(record);
    socket.on('error', () => {});
    socket.on('close', () => (record.closed = true));
    const { send, flush } = openImapWire(socket, (tokens) => handle(tokens));

    const handle = (tokens: ImapToken[]) => {
      // Lists (an ID's fields) are not looked into: they read as ''.
      const [tag, verb = '', ...args] = tokens.map((token) => asText(token) ?? '');
      const name = verb.toUpperCase();
      if (!tag || !name) {
        send('* BAD Invalid command');
        return;
      }
      record.commands.push(name);
      switch (name) {
        case 'CAPABILITY':
          send(`* CAPABILITY ${script.capabilities}`);
          send(`${tag} OK CAPABILITY completed`);
          return;
        case 'NOOP':
          send(`${tag} OK NOOP completed`);
          return;
        case 'ID':
          if (!script.idReply) {
            send(`${tag} BAD Unknown command`);
            return;
          }
          if (record.user) record.idAfterLogin = true;
          send(script.idReply);
          send(`${tag} OK ID completed`);
          return;
        case 'LOGIN': {
          if (record.user) {
            send(`${tag} BAD Already logged in`);
            return;
          }
          const [user, password] = args;
          if (user === undefined || password === undefined) {
            send(`${tag} BAD LOGIN needs a user name and a password`);
            return;
          }
          const verdict = judgeLogin(user, password);
          if ('refusal' in verdict) {
            record.logins.push({ name: user, reply: `NO ${verdict.refusal}` });
            send(`${tag} NO ${verdict.refusal}`);
            return;
          }
          record.logins.push({ name: user, reply: 'OK' });
          record.user = verdict.account;
          send(`${tag} OK LOGIN completed`);
          return;
        }
        case 'SELECT':
        case 'EXAMINE': {
          if (!record.user) {
            send(`${tag} BAD Not logged in`);
            return;
          }
          if ((args[0] ?? '').toUpperCase() !== 'INBOX') {
            send(`${tag} NO Mailbox does not exist`);
            return;
          }
          record.examined = 'INBOX';
          send('* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)');
          send('* 0 EXISTS');
          send('* 0 RECENT');
          send('* OK [UIDVALIDITY 1] UIDs valid');
          send('* OK [UIDNEXT 1] Predicted next UID');
          send(`${tag} OK [${name === 'SELECT' ? 'READ-WRITE' : 'READ-ONLY'}] ${name} completed`);
          return;
        }
        case 'LIST':
        case 'LSUB': {
          // Enough for a client's session set-up: the hierarchy delimiter, and INBOX.
          if (!record.user) {
            send(`${tag} BAD Not logged in`);
            return;
          }
          const pattern = args[1] ?? '';
          if (pattern === '') {
            if (name === 'LIST') send('* LIST (\\Noselect) "/" ""');
          } else if (/^(INBOX|\*|%)$/i.test(pattern)) {
            send(`* ${name} () "/" "INBOX"`);
          }
          send(`${tag} OK ${name} completed`);
          return;
        }
        case 'LOGOUT':
          send('* BYE Logging out');
          send(`${tag} OK LOGOUT completed`);
          flush();
          socket.end();
          return;
        default:
          send(`${tag} BAD Unknown command`);
      }
    };

    send(script.greeting);
    flush();
  });
  server.on('tlsClientError', () => {});
  const sockets = trackSockets(server);
  const port = await listenOnLoopback(server);

  return {
    host: LOOPBACK,
    port,
    script,
    connections,
    setRefusal,
    setCode: (address, code) => void codes.set(normalise(address), code),
    setWebPassword: (address, password) => void webPasswords.set(normalise(address), password),
    setLoginNames(rule) {
      loginNames = rule;
    },
    stop: () => sockets.closeNow(),
  };
}
