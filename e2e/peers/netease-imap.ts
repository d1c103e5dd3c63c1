import { startNeteaseStyleImap, normaliseAddress, type IdRule, type ImapConnectionRecord } from '../../lib/practice/imap-server';
import { ensureTestPki } from './pki';
import type { LOOPBACK } from './server-lifecycle';

// The NetEase IMAP simulator is practice mode's own server (lib/practice/imap-server.ts), so the
// app's practice mailboxes and the tests run one implementation. Here it gets the test CA's
// certificate, a table of mailboxes and an ID rule the tests can change.

export {
  NETEASE_IMAP_CAPABILITIES,
  NETEASE_IMAP_GREETING,
  NETEASE_LOGIN_FAILED,
  NETEASE_UNSAFE_LOGIN,
  type IdRule,
  type ImapCommandRecord,
  type ImapConnectionRecord,
} from '../../lib/practice/imap-server';

export interface NeteaseImapOptions {
  /** address -> authorization code */
  users: Record<string, string>;
  idRule?: IdRule;
  /** Messages INBOX claims to hold (EXISTS); nothing can be fetched. */
  inboxMessages?: number;
}

export interface NeteaseImapServer {
  host: typeof LOOPBACK;
  port: number;
  connections: ImapConnectionRecord[];
  setCode(address: string, code: string): void;
  removeUser(address: string): void;
  setIdRule(rule: IdRule): void;
  stop(): Promise<void>;
}

export async function startNeteaseImap(options: NeteaseImapOptions): Promise<NeteaseImapServer> {
  const pki = ensureTestPki();
  const codes = new Map<string, string>();
  for (const [address, code] of Object.entries(options.users)) codes.set(normaliseAddress(address), code);
  let idRule: IdRule = options.idRule ?? 'after-login';
  const inboxMessages = options.inboxMessages ?? 0;

  const server = await startNeteaseStyleImap({
    cert: pki.server.cert,
    key: pki.server.key,
    keepRecords: true,
    behaviour: {
      acceptsLogin: (user, password) => codes.get(user) === password,
      idRule: () => idRule,
      inboxMessages: () => inboxMessages,
    },
  });

  return {
    ...server,
    setCode(address, code) {
      codes.set(normaliseAddress(address), code);
    },
    removeUser(address) {
      codes.delete(normaliseAddress(address));
    },
    setIdRule(rule) {
      idRule = rule;
    },
  };
}
