import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { authAccounts, authUsers } from '@/lib/db/schema';
import { normaliseEmail } from './sign-in-throttle';

// The device cookie (OWASP, "Slow down online guessing attacks with device cookies"): after a
// successful sign-in the browser keeps a cookie that proves "this browser has signed in to this
// email, with its current password". The per-account throttle (sign-in-throttle.ts) counts a
// browser that presents one under a key of its own, so failures typed by strangers against the
// address, which lock the address's key, never delay the owner's own browser.
//
// The cookie is `<device id>.<credential tag>.<mac>`, all base64url:
// - the device id: 16 random bytes, new for a browser the first time it signs in to the email;
// - the credential tag: an HMAC of the account's password hash, so that a password change (or a
//   staff reset) retires every cookie issued before it. Otherwise someone who once knew the
//   password could mint cookies by the thousand, and after the change have a throttle key per
//   cookie to guess the new password with; now the count of live device keys per email is bounded
//   by the browsers that signed in with the current password;
// - the mac: an HMAC, keyed by the auth secret, over the normalised email, the device id and the
//   tag. Without the secret nobody can make one, and one made for another email does not fit.
// The email itself is not in the cookie: it is checked against the address typed.
//
// The mac is checked first, with no database work, so a forged cookie costs nothing and tells
// nothing (only a cookie the server made leads to looking the account up, and whoever holds one
// already knows the address is registered).

/** httpOnly, so no script can read it; not `__Host-`, since the embedded default serves plain http. */
export const KNOWN_DEVICE_COOKIE = 'known_device';
/**
 * A year: the owner's browser should stay recognised between rare sign-ins (a session lasts far
 * less), and browsers cap cookies at 400 days anyway. Each successful sign-in renews it.
 */
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/; // 16 bytes
const CREDENTIAL_TAG = /^[A-Za-z0-9_-]{16}$/; // 12 bytes: enough to tell one password hash from the next
const MAC = /^[A-Za-z0-9_-]{43}$/; // 32 bytes

// Each HMAC names its purpose, so neither can stand for the other nor for the library's own
// signatures made with the same secret.
const macOf = (secret: string, ...parts: string[]) =>
  createHmac('sha256', secret).update(JSON.stringify(['known-device/v1', ...parts])).digest();
const credentialTagOf = (secret: string, passwordHash: string) =>
  createHmac('sha256', secret).update(JSON.stringify(['known-device/credential/v1', passwordHash])).digest().subarray(0, 12).toString('base64url');

/** A new browser's device id. */
export function newDeviceId(): string {
  return randomBytes(16).toString('base64url');
}

/** The cookie's value for `deviceId` on `email`, whose account's password hash is `passwordHash`. */
export function issueKnownDeviceToken(secret: string, email: string, passwordHash: string, deviceId: string): string {
  const tag = credentialTagOf(secret, passwordHash);
  return `${deviceId}.${tag}.${macOf(secret, normaliseEmail(email), deviceId, tag).toString('base64url')}`;
}

/**
 * The first check, without the database: whether the server made `token` for `email`. Anything
 * else (no cookie, a forged or altered one, one for another address) is null.
 */
export function readKnownDeviceToken(
  secret: string,
  email: string,
  token: string | null | undefined,
): { deviceId: string; credentialTag: string } | null {
  const [deviceId, credentialTag, mac, ...rest] = (token ?? '').split('.');
  if (rest.length > 0 || !deviceId || !credentialTag || !mac) return null;
  if (!DEVICE_ID.test(deviceId) || !CREDENTIAL_TAG.test(credentialTag) || !MAC.test(mac)) return null;
  const expected = macOf(secret, normaliseEmail(email), deviceId, credentialTag);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { deviceId, credentialTag };
}

/** The password hash of the account with this email, or null (no account, or none with a password). */
export async function findPasswordHash(db: AppDatabase, email: string): Promise<string | null> {
  const [row] = await db
    .select({ password: authAccounts.password })
    .from(authAccounts)
    .innerJoin(authUsers, eq(authUsers.id, authAccounts.userId))
    .where(and(eq(authUsers.email, normaliseEmail(email)), eq(authAccounts.providerId, 'credential')))
    .limit(1);
  return row?.password ?? null;
}

/**
 * The device id of a browser whose cookie proves it signed in to `email` with the current
 * password, or null: then the attempt is a stranger's, throttled by the address like any other.
 */
export async function recogniseKnownDevice(
  db: AppDatabase,
  secret: string,
  email: string,
  token: string | null | undefined,
): Promise<string | null> {
  const read = readKnownDeviceToken(secret, email, token);
  if (!read) return null;
  const passwordHash = await findPasswordHash(db, email);
  if (!passwordHash) return null;
  const expected = Buffer.from(credentialTagOf(secret, passwordHash));
  const given = Buffer.from(read.credentialTag);
  return given.length === expected.length && timingSafeEqual(given, expected) ? read.deviceId : null;
}

/** The attributes the cookie is set with; Secure when the browser reached the app over https. */
export function knownDeviceCookieOptions(https: boolean) {
  return { maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS, path: '/', httpOnly: true, secure: https, sameSite: 'lax' } as const;
}

/** The device cookie's value in a Cookie request header, if there is one. */
export function knownDeviceTokenIn(cookieHeader: string | null | undefined): string | undefined {
  for (const pair of (cookieHeader ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === KNOWN_DEVICE_COOKIE) return pair.slice(separator + 1).trim();
  }
  return undefined;
}
