import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { ensureTestPki } from './pki';
import { LOOPBACK, listenOnLoopback, trackSockets } from './server-lifecycle';

// A mail relay on loopback for the app's outgoing mail (lib/mail/relay.ts): a real smtp-server
// with the test CA's certificate, one user and password, that keeps every message it accepted so
// a test can read it (a password reset link, say). Implicit TLS as on 465, or a plain port that
// offers STARTTLS and takes AUTH only after it, as on 587.

export interface RelayedMessage {
  /** MAIL FROM and RCPT TO, as the client sent them. */
  from: string;
  to: string[];
  /** The message as received (headers and body). */
  raw: string;
  /** The session had switched to TLS when the message came. */
  secure: boolean;
  /** The user the session logged in as. */
  user: string | null;
}

export interface RelayPeer {
  host: typeof LOOPBACK;
  port: number;
  tls: 'implicit' | 'starttls';
  messages: RelayedMessage[];
  /** Logins tried, with the user name and whether they passed (never the password). */
  logins: { user: string; accepted: boolean }[];
  /** The `smtps://` or `smtp://` URL a client reaches it with, the password URL-encoded. */
  url(credentials?: { user: string; pass: string }): string;
  stop(): Promise<void>;
}

export interface RelayPeerOptions {
  user: string;
  pass: string;
  tls?: 'implicit' | 'starttls';
  /** No STARTTLS on the plain port, and AUTH taken in clear: a relay a client must refuse to log in to. */
  noStartTls?: boolean;
}

export async function startRelayPeer(options: RelayPeerOptions): Promise<RelayPeer> {
  const pki = ensureTestPki();
  const tls = options.tls ?? 'implicit';
  const messages: RelayedMessage[] = [];
  const logins: RelayPeer['logins'] = [];

  const serverOptions: SMTPServerOptions = {
    secure: tls === 'implicit',
    key: pki.server.key,
    cert: pki.server.cert,
    name: 'relay.test',
    authMethods: ['PLAIN', 'LOGIN'],
    // On the plain port AUTH is offered only once the session is encrypted; a relay without
    // STARTTLS takes it in clear, and only the client can refuse to send it.
    allowInsecureAuth: options.noStartTls === true,
    disableReverseLookup: true,
    ...(options.noStartTls ? { disabledCommands: ['STARTTLS'] } : {}),
    logger: false,
    onAuth(auth, _session, callback) {
      const accepted = auth.username === options.user && auth.password === options.pass;
      logins.push({ user: auth.username ?? '', accepted });
      if (!accepted) return callback(Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 }));
      callback(null, { user: auth.username });
    },
    onMailFrom(_address, session, callback) {
      // A relay takes mail from logged-in clients only.
      if (!session.user) return callback(Object.assign(new Error('Authentication required'), { responseCode: 530 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : null,
        });
        callback(null, 'queued');
      });
    },
  };

  const smtp = new SMTPServer(serverOptions);
  smtp.on('error', () => {});
  const sockets = trackSockets(smtp.server);
  const port = await listenOnLoopback(smtp.server);
  const scheme = tls === 'implicit' ? 'smtps' : 'smtp';
  return {
    host: LOOPBACK,
    port,
    tls,
    messages,
    logins,
    url: (credentials = options) => `${scheme}://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@localhost:${port}`,
    async stop() {
      smtp.close();
      await sockets.closeNow();
    },
  };
}

/** The plain-text body of a single-part message as received: quoted-printable and base64 undone, lines joined. */
export function messageText(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const encoding = /^content-transfer-encoding:\s*([\w-]+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    // Soft line breaks go; a literal "%" is escaped before each =XX becomes %XX, so one
    // decodeURIComponent turns the bytes back into UTF-8 text.
    return decodeURIComponent(body.replace(/=\r?\n/g, '').replace(/%/g, '%25').replace(/=([0-9A-F]{2})/gi, '%$1'));
  }
  return body;
}

/** A header of a message as received, its encoded words (`=?UTF-8?B?...?=`) decoded. */
export function messageHeader(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const line = unfolded.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (!line) return undefined;
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeURIComponent(text.replace(/_/g, ' ').replace(/%/g, '%25').replace(/=([0-9A-F]{2})/gi, '%$1')),
    );
}
