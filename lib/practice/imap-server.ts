import tls from 'node:tls';
import { asText, openImapWire, quote, render, type ImapToken } from './imap-wire';
import { LOOPBACK, listenOnLoopback, trackSockets } from './loopback';

// An IMAP server that behaves the way NetEase's does where it matters to a mail client: the
// Coremail greeting and capability list (no AUTH=, so clients use LOGIN), a 3-field ID reply,
// the one LOGIN failure text for every cause, and "Unsafe Login" on SELECT/EXAMINE until the
// client sends ID. No packaged server reproduces that last rule. Practice mode serves its
// mailboxes with it, and the tests use it (through tools/peers/netease-imap.ts) as NetEase's
// stand-in. It holds no mail: INBOX only claims a number of messages.

/**
 * Which ID satisfies NetEase's "Unsafe Login" rule is unconfirmed, so the server offers each
 * reading: only an ID sent after a successful LOGIN ('after-login', the one the product must
 * pass), an ID at any point ('any'), or no rule at all ('none').
 */
export type IdRule = 'after-login' | 'any' | 'none';

/** What one mailbox allows; 'refuse' answers every SELECT/EXAMINE with the Unsafe Login text. */
export type MailboxIdRule = IdRule | 'refuse';

export interface NeteaseImapBehaviour {
  /** Whether `password` opens `user` (trimmed and lower-cased); `false` gets NetEase's LOGIN text. */
  acceptsLogin(user: string, password: string): boolean;
  /** The rule for the logged-in `user`, asked at each SELECT/EXAMINE. */
  idRule(user: string): MailboxIdRule;
  /** Messages INBOX claims to hold (EXISTS); nothing can be fetched. */
  inboxMessages(user: string): number;
}

export interface NeteaseStyleImapOptions {
  /** PEM certificate (chain) and key for the implicit-TLS port. */
  cert: string;
  key: string;
  behaviour: NeteaseImapBehaviour;
  /**
   * Keep a record of every connection and command in `connections` (tests read it). Off for a
   * long-running server, which would otherwise grow without end.
   */
  keepRecords?: boolean;
  /** Close a connection that sends nothing for this long. */
  idleTimeoutMs?: number;
}

export interface ImapCommandRecord {
  tag: string;
  /** Upper-case command name; `UID FETCH` style for UID commands. */
  name: string;
  /** The command as received, literals inlined, the LOGIN password replaced by `***`. */
  line: string;
  at: number;
}

export interface ImapConnectionRecord {
  id: number;
  commands: ImapCommandRecord[];
  /** Address of the last successful LOGIN. */
  user: string | null;
  idBeforeLogin: boolean;
  idAfterLogin: boolean;
  /** Fields of the last ID the client sent (null for `ID NIL`). */
  clientId: Record<string, string | null> | null;
  /** SELECT/EXAMINE refused with the Unsafe Login text. */
  unsafeLoginRefusals: number;
  selected: string | null;
  loggedOut: boolean;
  closed: boolean;
}

export interface NeteaseStyleImapServer {
  host: typeof LOOPBACK;
  port: number;
  /** Empty unless `keepRecords` was set. */
  connections: ImapConnectionRecord[];
  stop(): Promise<void>;
}

export const NETEASE_IMAP_GREETING = '* OK Coremail System IMap Server Ready(163com[20150101])';
export const NETEASE_IMAP_CAPABILITIES =
  'IMAP4rev1 XLIST SPECIAL-USE ID LITERAL+ STARTTLS XAPPLEPUSHSERVICE UIDPLUS X-CM-EXT-1';
export const NETEASE_LOGIN_FAILED = 'LOGIN Login error or password error';
export const NETEASE_UNSAFE_LOGIN = 'SELECT Unsafe Login. Please contact kefu@188.com for help';

// NetEase's folders, in IMAP's modified UTF-7 (草稿箱, 已发送, 已删除, 垃圾邮件, 病毒文件夹).
const FOLDERS: ReadonlyArray<{ name: string; flags: string }> = [
  { name: 'INBOX', flags: '' },
  { name: '&g0l6P3ux-', flags: '\\Drafts' },
  { name: '&XfJT0ZAB-', flags: '\\Sent' },
  { name: '&XfJSIJZk-', flags: '\\Trash' },
  { name: '&V4NXPpCuTvY-', flags: '\\Junk' },
  { name: '&dcVr0mWHTvZZOQ-', flags: '' },
];

function listPattern(reference: string, pattern: string): RegExp {
  const full = reference + pattern;
  const source = full
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '%' ? '[^/]*' : c.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

export const normaliseAddress = (address: string) => address.trim().toLowerCase();

/** Starts the server on an ephemeral port of 127.0.0.1, implicit TLS. */
export async function startNeteaseStyleImap(options: NeteaseStyleImapOptions): Promise<NeteaseStyleImapServer> {
  const { behaviour } = options;
  const connections: ImapConnectionRecord[] = [];
  let connectionCount = 0;

  const server = tls.createServer({ cert: options.cert, key: options.key }, (socket) => {
    const record: ImapConnectionRecord = {
      id: ++connectionCount,
      commands: [],
      user: null,
      idBeforeLogin: false,
      idAfterLogin: false,
      clientId: null,
      unsafeLoginRefusals: 0,
      selected: null,
      loggedOut: false,
      closed: false,
    };
    if (options.keepRecords) connections.push(record);
    socket.on('error', () => {});
    if (options.idleTimeoutMs) {
      socket.setTimeout(options.idleTimeoutMs, () => {
        if (socket.writable) socket.end('* BYE Autologout; idle for too long\r\n');
        socket.destroy();
      });
    }
    socket.on('close', () => (record.closed = true));

    const { send, flush } = openImapWire(socket, (tokens, raw) => handle(tokens, raw));

    const mayOpenMailbox = (user: string) => {
      const idRule = behaviour.idRule(user);
      return (
        idRule === 'none' ||
        (idRule === 'any' && (record.idBeforeLogin || record.idAfterLogin)) ||
        (idRule === 'after-login' && record.idAfterLogin)
      );
    };

    const handle = (tokens: ImapToken[], rawLine: string) => {
      const tag = asText(tokens[0]);
      let name = (asText(tokens[1]) ?? '').toUpperCase();
      let args = tokens.slice(2);
      if (!tag || !name || tokens[0]!.kind !== 'atom') {
        send('* BAD Invalid tag');
        return;
      }
      if (name === 'UID') {
        name = `UID ${(asText(args[0]) ?? '').toUpperCase()}`;
        args = args.slice(1);
      }
      const loggedLine =
        name === 'LOGIN'
          ? `${tag} LOGIN ${args[0] ? render([args[0]]) : ''} ***`.trimEnd()
          : name === 'AUTHENTICATE'
            ? `${tag} AUTHENTICATE ***`
            : rawLine;
      record.commands.push({ tag, name, line: loggedLine, at: Date.now() });

      const authenticated = record.user !== null;
      switch (name) {
        case 'CAPABILITY':
          send(`* CAPABILITY ${NETEASE_IMAP_CAPABILITIES}`);
          send(`${tag} OK CAPABILITY completed`);
          return;
        case 'NOOP':
          send(`${tag} OK NOOP completed`);
          return;
        case 'ID': {
          const params = args[0];
          if (params?.kind === 'list') {
            const fields: Record<string, string | null> = {};
            for (let i = 0; i + 1 < params.items.length; i += 2) {
              const key = asText(params.items[i]);
              const value = params.items[i + 1];
              if (key) fields[key] = value?.kind === 'atom' && value.value.toUpperCase() === 'NIL' ? null : asText(value);
            }
            record.clientId = fields;
          } else {
            record.clientId = null;
          }
          if (authenticated) record.idAfterLogin = true;
          else record.idBeforeLogin = true;
          send(`* ID ("name" "Coremail Imap" "vendor" "Mailtech" "TransID" "DsCowADnpe8Zp2Zm${record.id}Q--")`);
          send(`${tag} OK ID completed`);
          return;
        }
        case 'LOGIN': {
          const login = asText(args[0]);
          const password = asText(args[1]);
          if (authenticated) {
            send(`${tag} BAD LOGIN already authenticated`);
            return;
          }
          if (login === null || password === null) {
            send(`${tag} BAD LOGIN invalid arguments`);
            return;
          }
          if (!behaviour.acceptsLogin(normaliseAddress(login), password)) {
            send(`${tag} NO ${NETEASE_LOGIN_FAILED}`);
            return;
          }
          record.user = normaliseAddress(login);
          send(`${tag} OK LOGIN completed`);
          return;
        }
        case 'LOGOUT':
          record.loggedOut = true;
          send('* BYE IMAP4rev1 Server logging out');
          send(`${tag} OK LOGOUT completed`);
          flush();
          socket.end();
          return;
        case 'STARTTLS':
          // Advertised by NetEase although this port is already TLS.
          send(`${tag} BAD STARTTLS not allowed in current state`);
          return;
        case 'AUTHENTICATE':
          send(`${tag} NO AUTHENTICATE not supported`);
          return;
      }

      const user = record.user;
      if (user === null) {
        send(`${tag} BAD ${name} Please login first`);
        return;
      }

      switch (name) {
        case 'SELECT':
        case 'EXAMINE': {
          const mailbox = asText(args[0]) ?? '';
          record.selected = null;
          if (!mayOpenMailbox(user)) {
            record.unsafeLoginRefusals++;
            send(`${tag} NO ${NETEASE_UNSAFE_LOGIN}`);
            return;
          }
          const folder = FOLDERS.find((f) =>
            f.name === 'INBOX' ? mailbox.toUpperCase() === 'INBOX' : f.name === mailbox,
          );
          if (!folder) {
            send(`${tag} NO ${name} Mailbox does not exist`);
            return;
          }
          const exists = folder.name === 'INBOX' ? behaviour.inboxMessages(user) : 0;
          send('* FLAGS (\\Answered \\Seen \\Deleted \\Draft \\Flagged)');
          send(`* ${exists} EXISTS`);
          send('* 0 RECENT');
          send('* OK [UIDVALIDITY 1] UID validity status');
          send(`* OK [UIDNEXT ${exists + 1}] Predicted next UID`);
          send(
            name === 'SELECT'
              ? '* OK [PERMANENTFLAGS (\\Answered \\Seen \\Deleted \\Draft \\Flagged)] Permanent flags'
              : '* OK [PERMANENTFLAGS ()] No permanent flags permitted',
          );
          record.selected = folder.name;
          send(name === 'SELECT' ? `${tag} OK [READ-WRITE] SELECT completed` : `${tag} OK [READ-ONLY] EXAMINE completed`);
          return;
        }
        case 'LIST':
        case 'XLIST':
        case 'LSUB': {
          const reference = asText(args[0]) ?? '';
          const pattern = asText(args[1]) ?? '';
          if (pattern === '') {
            if (name !== 'LSUB') send(`* ${name} (\\Noselect) "/" ""`);
          } else {
            const match = listPattern(reference, pattern);
            for (const folder of FOLDERS) {
              if (!match.test(folder.name)) continue;
              const flags = name === 'XLIST' && folder.name === 'INBOX' ? '\\Inbox' : folder.flags;
              send(`* ${name} (${flags}) "/" ${quote(folder.name)}`);
            }
          }
          send(`${tag} OK ${name} completed`);
          return;
        }
        case 'STATUS': {
          const mailbox = asText(args[0]) ?? '';
          const isInbox = mailbox.toUpperCase() === 'INBOX';
          if (!isInbox && !FOLDERS.some((f) => f.name === mailbox)) {
            send(`${tag} NO STATUS Mailbox does not exist`);
            return;
          }
          const count = isInbox ? behaviour.inboxMessages(user) : 0;
          const items = args[1]?.kind === 'list' ? args[1].items.map((t) => (asText(t) ?? '').toUpperCase()) : [];
          const values: Record<string, number> = {
            MESSAGES: count,
            RECENT: 0,
            UIDNEXT: count + 1,
            UIDVALIDITY: 1,
            UNSEEN: 0,
          };
          const parts = items.filter((item) => item in values).map((item) => `${item} ${values[item]}`);
          send(`* STATUS ${quote(isInbox ? 'INBOX' : mailbox)} (${parts.join(' ')})`);
          send(`${tag} OK STATUS completed`);
          return;
        }
        case 'CLOSE':
          if (!record.selected) {
            send(`${tag} BAD CLOSE No mailbox selected`);
            return;
          }
          record.selected = null;
          send(`${tag} OK CLOSE completed`);
          return;
        default:
          // NAMESPACE, ENABLE, IDLE, UNSELECT, COMPRESS...: not advertised, so refused like any unknown command.
          send(`${tag} BAD Unknown command`);
      }
    };

    send(NETEASE_IMAP_GREETING);
    flush();
  });
  server.on('tlsClientError', () => {});

  const sockets = trackSockets(server);
  const port = await listenOnLoopback(server);

  return { host: LOOPBACK, port, connections, stop: () => sockets.closeNow() };
}
