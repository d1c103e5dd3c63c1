import 'server-only';
import { isAPIError } from 'better-auth/api';
import { headers } from 'next/headers';
import { retryAfterIn } from './limit-answer';
import { dispatchAuthRequest, getAuth } from './server';

// What the password actions ask of the auth library, as coded answers. Asking for a reset mail
// and setting a password from a link go through the library's HTTP handler with a real Request,
// as sign-in does (the same client address, so the same limits); changing the password and
// confirming it act on the signed-in session through auth.api (whose cookies nextCookies hands to
// Next). Expected refusals are values; anything else is a bug and throws.

export type Refusal =
  | { ok: false; code: 'rate_limited'; retryAfterSeconds: number }
  | { ok: false; code: 'wrong_password' | 'weak_password' | 'invalid_token' | 'signed_out' | 'invalid_input' };

export type Outcome = { ok: true } | Refusal;

/** A limit's refusal, read as sign-in reads it (lib/auth/limit-answer.ts); a minute when it names no wait. */
const rateLimited = (headers: Pick<Headers, 'get'> | undefined): Refusal => ({ ok: false, code: 'rate_limited', retryAfterSeconds: retryAfterIn(headers) ?? 60 });

const WEAK_PASSWORD_CODES = new Set(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG']);

async function readHandlerAnswer(response: Response): Promise<Outcome> {
  if (response.ok) return { ok: true };
  if (response.status === 429) return rateLimited(response.headers);
  const { code } = ((await response.json().catch(() => ({}))) ?? {}) as { code?: string };
  // USER_NOT_FOUND: the account went away after the mail was sent; for the link, the same as used.
  if (code === 'INVALID_TOKEN' || code === 'USER_NOT_FOUND') return { ok: false, code: 'invalid_token' };
  if (code && WEAK_PASSWORD_CODES.has(code)) return { ok: false, code: 'weak_password' };
  if (response.status === 400) return { ok: false, code: 'invalid_input' };
  throw new Error(`auth: unexpected ${response.status} ${code ?? ''}`.trim());
}

/**
 * Asks the library for a reset mail to `email`. `ok` for every address, registered or not: only
 * a registered one gets a mail, and nothing in the answer or its timing says which.
 */
export async function requestPasswordResetMail(email: string): Promise<Outcome> {
  const auth = await getAuth();
  return readHandlerAnswer(await dispatchAuthRequest(auth, '/request-password-reset', { email }, await headers()));
}

/** Sets a new password with the token from the mail; the token is spent and every session ended. */
export async function resetPasswordWithToken(token: string, newPassword: string): Promise<Outcome> {
  const auth = await getAuth();
  return readHandlerAnswer(await dispatchAuthRequest(auth, '/reset-password', { token, newPassword }, await headers()));
}

function refusalOf(error: unknown): Refusal {
  if (!isAPIError(error)) throw error;
  if (error.status === 'TOO_MANY_REQUESTS') return rateLimited(new Headers(error.headers));
  if (error.status === 'UNAUTHORIZED') return { ok: false, code: 'signed_out' };
  const code = String(error.body?.code ?? '');
  if (code === 'INVALID_PASSWORD') return { ok: false, code: 'wrong_password' };
  if (WEAK_PASSWORD_CODES.has(code)) return { ok: false, code: 'weak_password' };
  throw error;
}

/**
 * Changes the signed-in user's password when `currentPassword` is right, and ends their other
 * sessions; this browser gets a fresh session cookie (the library's revokeOtherSessions).
 */
export async function changeOwnPassword(currentPassword: string, newPassword: string): Promise<Outcome> {
  const auth = await getAuth();
  try {
    await auth.api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: await headers() });
    return { ok: true };
  } catch (error) {
    return refusalOf(error);
  }
}

/** Whether `password` is the signed-in user's, asked of the library (limited per user like a change). */
export async function confirmOwnPassword(password: string): Promise<Outcome> {
  const auth = await getAuth();
  try {
    await auth.api.verifyPassword({ body: { password }, headers: await headers() });
    return { ok: true };
  } catch (error) {
    return refusalOf(error);
  }
}
