import os from 'node:os';
import path from 'node:path';

// The browser tests' handle on the mail peers that e2e/support/serve.ts runs beside the app.

export const E2E_CONTROL_PORT = Number(process.env.E2E_CONTROL_PORT ?? 3108);
export const E2E_SERVER_LOG = path.join(os.tmpdir(), `e2e-next-server-${E2E_CONTROL_PORT}.log`);

export type PeerCommand =
  | { type: 'set-code'; address: string; code: string }
  | { type: 'revoke'; address: string }
  | { type: 'smtp-scenario'; scenario: 'ok' | 'auth_550' | 'mailfrom_550' | 'mailfrom_553' | 'ip_rejected_554' | 'too_much_fail_451' | 'no_auth' }
  // The scripted peers of the providers after NetEase (qq.com, sohu.com, icloud.com...): `set-code`
  // reaches them by the address's domain; these play the rest of their scripts.
  | { type: 'web-password'; address: string; password: string }
  | { type: 'provider-refusal'; provider: 'qq' | 'sohu' | 'icloud' | 'netease-enterprise'; refusal: string | null }
  | { type: 'imap-login-names'; provider: 'qq' | 'sohu' | 'icloud'; rule: 'address' | 'local_part' | 'either' };

export async function controlPeers(command: PeerCommand): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/`, {
    method: 'POST',
    body: JSON.stringify(command),
  });
  if (!response.ok) throw new Error(`peer control failed: ${response.status} ${await response.text()}`);
}

/** A fresh mailbox on the peers, with its own authorization code. */
export async function createMailbox(domain: string, code = randomCode()): Promise<{ address: string; code: string }> {
  const address = `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@${domain}`;
  await controlPeers({ type: 'set-code', address, code });
  return { address, code };
}

/** 16 letters, as NetEase hands them out. */
export function randomCode(): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: 16 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
}

/** Support staff the e2e server creates before the app starts (scripts/staff-create.ts). */
export const E2E_STAFF = { email: 'staff@e2e.test', password: 'staff-password-e2e' } as const;
/** A colleague of E2E_STAFF, for what one staff member may not see of another's session. */
export const E2E_SECOND_STAFF = { email: 'colleague@e2e.test', password: 'colleague-password-e2e' } as const;

/**
 * On PostgreSQL the e2e server runs a second app instance on the same database here, for tests
 * that need two instances (a customer on one, staff on the other).
 */
/**
 * The one address the browser tests' servers trust forwarded headers from: a test connecting from
 * it plays a proxy (e2e/client-address.spec.ts). Everything else arrives from 127.0.0.1, whose
 * X-Forwarded-For the server ignores.
 */
export const E2E_TRUSTED_PROXY = '127.0.0.2';
export const E2E_SECOND_APP_PORT = Number(process.env.E2E_PORT ?? 3107) + 2;

/** The logins that reached the NetEase peers for `address` (see loginsAtPeer in serve.ts). */
export async function loginsAtPeer(address: string): Promise<{ imapLogins: number; imapRefused: number; smtpAuths: number; smtpRefused: number }> {
  const response = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/logins?address=${encodeURIComponent(address)}`);
  if (!response.ok) throw new Error(`the peers' control endpoint answered ${response.status}`);
  return (await response.json()) as { imapLogins: number; imapRefused: number; smtpAuths: number; smtpRefused: number };
}
