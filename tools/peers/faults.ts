import net from 'node:net';
import tls from 'node:tls';
import { NETEASE_IMAP_CAPABILITIES, NETEASE_IMAP_GREETING } from './netease-imap';
import { ensureTestPki, type CertAndKey } from './pki';
import { LOOPBACK, listenOnLoopback, trackSockets } from './server-lifecycle';

/**
 * Servers that misbehave the ways a connection check must survive, each a
 * failure code of the check: timeouts at every stage, a reset, a slow peer,
 * certificates a verifying client must refuse.
 */
export type FaultKind =
  /** TLS handshake completes, then nothing is ever sent. */
  | 'silent'
  /** TCP is accepted, nothing else happens, not even TLS. */
  | 'silent-tcp'
  /** Greets over TLS, then never answers a command. */
  | 'greet-then-stall'
  /** Reads the ClientHello and resets the connection (RST). */
  | 'reset-during-tls'
  /** Sends the greeting one byte at a time, `trickleIntervalMs` apart, then stalls. */
  | 'trickle'
  /** Normal greeting, but the certificate names only wrong.example (signed by the trusted CA). */
  | 'wrong-name'
  /** Normal greeting, but the certificate comes from a CA nobody trusts. */
  | 'unknown-ca'
  /** Greets and answers until the client sends its credentials, then closes the connection. */
  | 'close-after-login';

export type FaultProtocol = 'imap' | 'smtp';

export interface FaultServerOptions {
  protocol?: FaultProtocol;
  trickleIntervalMs?: number;
}

export interface FaultServer {
  host: typeof LOOPBACK;
  port: number;
  kind: FaultKind;
  /** TCP connections accepted so far. */
  readonly connections: number;
  /** Command verbs received by 'close-after-login', in order (arguments, credentials included, are not kept). */
  commandsSeen: string[];
  stop(): Promise<void>;
}

/** Reserved by RFC 2606: never resolves, anywhere. */
export const UNRESOLVABLE_HOST = 'no-such-host.invalid';

export const NETEASE_SMTP_GREETING = '220 163.com Anti-spam GT for Coremail System (163com[20141201])';

const greetingFor = (protocol: FaultProtocol) =>
  `${protocol === 'imap' ? NETEASE_IMAP_GREETING : NETEASE_SMTP_GREETING}\r\n`;

/** Speaks just enough IMAP or SMTP to reach the login, then hangs up. */
function closeAtLogin(socket: tls.TLSSocket, protocol: FaultProtocol, commandsSeen: string[]): void {
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, newline).replace(/\r$/, '');
      pending = pending.slice(newline + 1);
      if (protocol === 'imap') {
        const [tag, command = ''] = line.split(' ');
        const verb = command.toUpperCase();
        commandsSeen.push(verb);
        if (verb === 'LOGIN' || verb === 'AUTHENTICATE') return void socket.end();
        if (verb === 'CAPABILITY') socket.write(`* CAPABILITY ${NETEASE_IMAP_CAPABILITIES}\r\n${tag} OK CAPABILITY completed\r\n`);
        else if (verb === 'ID') socket.write(`* ID ("name" "Coremail Imap")\r\n${tag} OK ID completed\r\n`);
        else socket.write(`${tag} BAD Unknown command\r\n`);
      } else {
        const verb = line.split(' ')[0]!.toUpperCase();
        commandsSeen.push(verb);
        if (verb === 'AUTH') return void socket.end();
        if (verb === 'EHLO') socket.write('250-mail\r\n250-PIPELINING\r\n250 AUTH LOGIN PLAIN\r\n');
        else socket.write('502 Error: command not implemented\r\n');
      }
    }
  });
}

export async function startFaultServer(kind: FaultKind, options: FaultServerOptions = {}): Promise<FaultServer> {
  const protocol = options.protocol ?? 'imap';
  const trickleIntervalMs = options.trickleIntervalMs ?? 500;
  const pki = ensureTestPki();
  const timers = new Set<NodeJS.Timeout>();
  let connections = 0;
  const commandsSeen: string[] = [];

  let server: net.Server;
  if (kind === 'silent-tcp') {
    server = net.createServer((socket) => {
      socket.on('error', () => {});
    });
  } else if (kind === 'reset-during-tls') {
    server = net.createServer((socket) => {
      socket.on('error', () => {});
      socket.once('data', () => socket.resetAndDestroy());
    });
  } else {
    const pair: CertAndKey =
      kind === 'wrong-name' ? pki.wrongName : kind === 'unknown-ca' ? pki.unknownCaServer : pki.server;
    server = tls.createServer({ cert: pair.cert, key: pair.key }, (socket) => {
      socket.on('error', () => {});
      const greeting = greetingFor(protocol);
      switch (kind) {
        case 'silent':
          return;
        case 'trickle': {
          let sent = 0;
          const timer = setInterval(() => {
            if (socket.destroyed || sent >= greeting.length) {
              clearInterval(timer);
              timers.delete(timer);
              return;
            }
            socket.write(greeting[sent++]!);
          }, trickleIntervalMs);
          timers.add(timer);
          socket.once('close', () => {
            clearInterval(timer);
            timers.delete(timer);
          });
          return;
        }
        case 'close-after-login':
          socket.write(greeting);
          closeAtLogin(socket, protocol, commandsSeen);
          return;
        default:
          // greet-then-stall, wrong-name, unknown-ca: the latter two never get this far with a verifying client.
          socket.write(greeting);
      }
    });
    server.on('tlsClientError', () => {});
  }
  server.on('connection', () => connections++);

  const sockets = trackSockets(server);
  const port = await listenOnLoopback(server);
  return {
    host: LOOPBACK,
    port,
    kind,
    get connections() {
      return connections;
    },
    commandsSeen,
    async stop() {
      for (const timer of timers) clearInterval(timer);
      timers.clear();
      await sockets.closeNow();
    },
  };
}

/** A port that was free a moment ago and has no listener, so connecting gets ECONNREFUSED. */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listenOnLoopback(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}
