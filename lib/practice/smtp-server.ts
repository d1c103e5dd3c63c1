import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { LOOPBACK, listenOnLoopback, trackSockets } from './loopback';

// Practice mode's SMTP server: implicit TLS, AUTH LOGIN/PLAIN, and NetEase's words for each
// refusal, so the check and its diagnosis meet exactly what they would meet at NetEase.

/** NetEase's SMTP replies, as the provider notes record them (lib/providers/netease.ts matches them). */
export const NETEASE_SMTP_REPLIES = {
  authFailed: { code: 535, text: 'Error: authentication failed' },
  noPermission: { code: 550, text: 'User has no permission' },
  localUserOnly: { code: 553, text: 'Local user only,smtp14,EsCowAD3LpfTgWVmexkAAA--.1234S2 1717928403' },
} as const;

export interface NeteaseSmtpBehaviour {
  /** Whether `password` opens `user` (trimmed and lower-cased); `false` gets 535. */
  acceptsLogin(user: string, password: string): boolean;
  /** Whether the logged-in `user` may send; `false` gets 550 User has no permission at MAIL FROM. */
  maySend(user: string): boolean;
}

export interface NeteaseStyleSmtpOptions {
  cert: string;
  key: string;
  /** The name in the greeting and the EHLO reply. */
  name: string;
  behaviour: NeteaseSmtpBehaviour;
}

export interface NeteaseStyleSmtpServer {
  host: typeof LOOPBACK;
  port: number;
  stop(): Promise<void>;
}

function smtpError(reply: { code: number; text: string }): Error {
  return Object.assign(new Error(reply.text), { responseCode: reply.code });
}

const normaliseAddress = (address: string) => address.trim().toLowerCase();

/** Starts the server on an ephemeral port of 127.0.0.1, implicit TLS. Nothing is ever delivered. */
export async function startNeteaseStyleSmtp(options: NeteaseStyleSmtpOptions): Promise<NeteaseStyleSmtpServer> {
  const { behaviour } = options;
  const smtp = new SMTPServer({
    secure: true,
    key: options.key,
    cert: options.cert,
    name: options.name,
    banner: `Anti-spam GT for Coremail System (${options.name})`,
    heloResponse: 'mail',
    authMethods: ['LOGIN', 'PLAIN'],
    disableReverseLookup: true,
    logger: false,
    // Only the app's own checks connect, each with one session at a time.
    maxClients: 64,
    socketTimeout: 60_000,
    size: 1024 * 1024,
    onAuth(auth, _session, callback) {
      const user = normaliseAddress(auth.username ?? '');
      if (!behaviour.acceptsLogin(user, auth.password ?? '')) {
        return callback(smtpError(NETEASE_SMTP_REPLIES.authFailed));
      }
      callback(null, { user });
    },
    onMailFrom(address, session, callback) {
      const user = typeof session.user === 'string' ? session.user : null;
      if (user === null) return callback(smtpError({ code: 530, text: 'Authentication required' }));
      if (!behaviour.maySend(user)) return callback(smtpError(NETEASE_SMTP_REPLIES.noPermission));
      if (normaliseAddress(address.address) !== user) return callback(smtpError(NETEASE_SMTP_REPLIES.localUserOnly));
      callback();
    },
    onData(stream, _session, callback) {
      // The check never sends a message; anything that does is read and dropped.
      stream.on('data', () => {});
      stream.on('end', () => callback(null, `Mail OK queued as smtp14,${randomBytes(8).toString('hex')}`));
    },
  });
  smtp.on('error', () => {});
  const sockets = trackSockets(smtp.server);
  const port = await listenOnLoopback(smtp.server);
  return {
    host: LOOPBACK,
    port,
    async stop() {
      // smtp-server's own close() waits up to 30 s for sessions; it is called only for its
      // clean-up of sockets still in the TLS handshake.
      smtp.close();
      await sockets.closeNow();
    },
  };
}
