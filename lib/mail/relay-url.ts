// MAIL_RELAY_URL, read by lib/env.ts at start-up and used by lib/mail/relay.ts. Kept apart from
// the sender (no nodemailer, no server-only) so the environment's schema can use it.
//
//   smtps://user:pass@host:465   TLS from the first byte (port 465 unless given)
//   smtp://user:pass@host:587    plain connection that must switch to TLS with STARTTLS before
//                                anything else is sent: no relay password ever crosses in clear
//                                (port 587 unless given)
//
// The user and password are URL-encoded in the URL (`%40` for "@"), as in every URL. Problems are
// reported without the URL itself: it carries the relay's password.

export interface RelaySettings {
  /** `implicit`: smtps://; `starttls`: smtp://, with STARTTLS required. */
  tls: 'implicit' | 'starttls';
  host: string;
  port: number;
  /** Absent for a relay that takes mail without a login (one on the same machine, say). */
  auth?: { user: string; pass: string };
}

export type RelayUrlResult = { ok: true; relay: RelaySettings } | { ok: false; problem: string };

const DEFAULT_PORTS = { implicit: 465, starttls: 587 } as const;

/** Reads a relay URL; the problem, if any, never quotes the URL. */
export function parseRelayUrl(text: string): RelayUrlResult {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, problem: 'is not a URL; expected smtps://user:password@host:465 or smtp://user:password@host:587' };
  }
  const tls = url.protocol === 'smtps:' ? 'implicit' : url.protocol === 'smtp:' ? 'starttls' : undefined;
  if (!tls) return { ok: false, problem: `must start with smtps:// (TLS) or smtp:// (STARTTLS required), not ${url.protocol}//` };
  // Brackets around an IPv6 literal belong to the URL, not the host name.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) return { ok: false, problem: 'names no host' };
  if (url.pathname !== '' && url.pathname !== '/') return { ok: false, problem: 'must end after host:port (no path)' };
  if (url.search || url.hash) return { ok: false, problem: 'must end after host:port (no query or fragment)' };
  const port = url.port ? Number(url.port) : DEFAULT_PORTS[tls];
  let user: string;
  let pass: string;
  try {
    user = decodeURIComponent(url.username);
    pass = decodeURIComponent(url.password);
  } catch {
    return { ok: false, problem: 'has a user or password that is not valid URL encoding (write "%40" for "@", "%3A" for ":")' };
  }
  if (pass && !user) return { ok: false, problem: 'has a password without a user name' };
  return { ok: true, relay: { tls, host, port, ...(user ? { auth: { user, pass } } : {}) } };
}

/** The relay as it may be shown and logged: scheme, user, host and port, never the password. */
export function describeRelay(relay: RelaySettings): string {
  const scheme = relay.tls === 'implicit' ? 'smtps' : 'smtp';
  const host = relay.host.includes(':') ? `[${relay.host}]` : relay.host;
  const user = relay.auth ? `${encodeURIComponent(relay.auth.user)}@` : '';
  return `${scheme}://${user}${host}:${relay.port}`;
}

/** `MAIL_FROM`: an address, or `Name <address>`. Loose on purpose: `no-reply@localhost` is fine. */
export function isMailFrom(text: string): boolean {
  return /^[^\s@<>]+@[^\s@<>]+$/.test(text) || /^[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>$/.test(text);
}
