import tls from 'node:tls';
import { startNeteaseStyleImap, normaliseAddress, type IdRule, type ImapConnectionRecord } from '../../lib/practice/imap-server';
import { asText, openImapWire } from '../../lib/practice/imap-wire';
import type { BanRule } from './ban-rule';
import { ensureTestPki } from './pki';
import { LOOPBACK, listenOnLoopback, trackSockets } from './server-lifecycle';

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
  /**
   * NetEase's IP ban (ban-rule.ts): wrong codes at LOGIN count against the client's address, and
   * a banned address gets the rule's ban text at every LOGIN. Off when absent.
   */
  banRule?: BanRule;
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

  const front = options.banRule
    ? await startBanFront(server.port, options.banRule, (user, password) => codes.get(normaliseAddress(user)) === password)
    : undefined;

  return {
    ...server,
    port: front?.port ?? server.port,
    async stop() {
      await front?.stop();
      await server.stop();
    },
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

/**
 * The simulator's LOGIN hook (lib/practice) sees neither the client's address nor chooses its
 * reply, so the ban rule sits in a TLS front on a port of its own that passes everything through
 * to the simulator, reading the client's commands on the way. A LOGIN from a banned address goes
 * on as a NOOP, so the simulator stays logged out and replies keep their order, and that NOOP's
 * tagged reply comes back as the ban text. Other LOGINs are judged against the same codes the
 * simulator uses, and a wrong one is counted.
 */
async function startBanFront(
  simulatorPort: number,
  rule: BanRule,
  acceptsLogin: (user: string, password: string) => boolean,
): Promise<{ port: number; stop(): Promise<void> }> {
  const pki = ensureTestPki();
  const server = tls.createServer({ cert: pki.server.cert, key: pki.server.key }, (client) => {
    const remoteAddress = client.remoteAddress ?? '';
    // Trusts the test CA by option: this hop is the peer's own, not a client under test.
    const simulator = tls.connect({ host: LOOPBACK, port: simulatorPort, servername: 'localhost', ca: pki.ca.cert });
    const banTags = new Set<string>();
    let loggedIn = false;
    client.on('error', () => {});
    simulator.on('error', () => {});
    client.on('close', () => simulator.destroy());
    simulator.on('end', () => client.end());
    simulator.on('close', () => client.destroy());

    // The simulator never sends literals, so its replies are lines.
    let partial = '';
    simulator.setEncoding('utf8');
    simulator.on('data', (chunk: string) => {
      partial += chunk;
      const end = partial.lastIndexOf('\r\n') + 2;
      if (end < 2) return;
      const lines = partial.slice(0, end - 2).split('\r\n');
      partial = partial.slice(end);
      const rewritten = lines.map((line) => {
        const tag = line.slice(0, line.indexOf(' '));
        if (!banTags.delete(tag)) return line;
        return `${tag} NO ${rule.imapText}`;
      });
      if (client.writable) client.write(`${rewritten.join('\r\n')}\r\n`);
    });

    // The wire answers a synchronising literal itself and hands over the command with its
    // literals inlined as quoted strings, which the simulator reads the same way.
    openImapWire(client, (tokens, raw) => {
      const tag = asText(tokens[0]);
      const verb = (asText(tokens[1]) ?? '').toUpperCase();
      const user = asText(tokens[2]);
      const password = asText(tokens[3]);
      if (tag && verb === 'LOGIN' && !loggedIn && user !== null && password !== null) {
        if (!rule.admitLogin('imap', remoteAddress)) {
          banTags.add(tag);
          simulator.write(`${tag} NOOP\r\n`);
          return;
        }
        if (acceptsLogin(user, password)) loggedIn = true;
        else rule.recordRefusal('imap', remoteAddress);
      }
      simulator.write(`${raw}\r\n`);
    });
  });
  server.on('tlsClientError', () => {});
  const sockets = trackSockets(server);
  const port = await listenOnLoopback(server);
  return { port, stop: () => sockets.closeNow() };
}
