import os from 'node:os';
import path from 'node:path';

// What tools/serve-with-peers.ts and the browser tests agree on: where the peers' control
// endpoint listens, what it can be told, the staff accounts and the addresses the server is
// started with. The server starter reads it to set things up; e2e/support/mail-peers.ts, the
// tests' handle on the peers, to reach them.

export const E2E_CONTROL_PORT = Number(process.env.E2E_CONTROL_PORT ?? 3108);
export const E2E_SERVER_LOG = path.join(os.tmpdir(), `e2e-next-server-${E2E_CONTROL_PORT}.log`);

export type PeerCommand =
  // `login`: the mailbox logs in as this name, not its address (Dovecot and the SMTP peer, for manual setup).
  | { type: 'set-code'; address: string; code: string; login?: string }
  | { type: 'revoke'; address: string }
  | { type: 'smtp-scenario'; scenario: 'ok' | 'auth_550' | 'mailfrom_550' | 'mailfrom_553' | 'ip_rejected_554' | 'too_much_fail_451' | 'no_auth' }
  // The scripted peers of the providers after NetEase (qq.com, sohu.com, icloud.com...): `set-code`
  // reaches them by the address's domain; these play the rest of their scripts.
  | { type: 'web-password'; address: string; password: string }
  | { type: 'provider-refusal'; provider: 'qq' | 'sohu' | 'icloud' | 'netease-enterprise'; refusal: string | null }
  | { type: 'imap-login-names'; provider: 'qq' | 'sohu' | 'icloud'; rule: 'address' | 'local_part' | 'either' };

/** Support staff the e2e server creates before the app starts (scripts/staff-create.ts). */
export const E2E_STAFF = { email: 'staff@e2e.test', password: 'staff-password-e2e' } as const;
/** A colleague of E2E_STAFF, for what one staff member may not see of another's session. */
export const E2E_SECOND_STAFF = { email: 'colleague@e2e.test', password: 'colleague-password-e2e' } as const;

/**
 * The one address the browser tests' servers trust forwarded headers from: a test connecting from
 * it plays a proxy (e2e/client-address.spec.ts). Everything else arrives from 127.0.0.1, whose
 * X-Forwarded-For the server ignores.
 */
export const E2E_TRUSTED_PROXY = '127.0.0.2';
/**
 * On PostgreSQL the e2e server runs a second app instance on the same database here, for tests
 * that need two instances (a customer on one, staff on the other).
 */
export const E2E_SECOND_APP_PORT = Number(process.env.E2E_PORT ?? 3107) + 2;

/** What GET /logins?address=... on the control endpoint answers (loginsAtPeer in serve-with-peers.ts). */
export interface LoginsAtPeer {
  imapLogins: number;
  imapRefused: number;
  smtpAuths: number;
  smtpRefused: number;
}
