import 'server-only';
import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import type { AppDatabase } from '@/lib/db/client';
import { format } from '@/lib/i18n/locale';
import { ACCOUNT_MESSAGES } from '@/lib/i18n/messages/account';
import { takeAddressLimit, type RequestLimitRule } from '@/lib/limits/address-limit';
import type { MailSender, OutgoingMail } from '@/lib/mail/relay';
import { addressLimitKey, clientAddressFrom } from '@/lib/net/client';
import { tooManyRequests } from './limit-answer';
import { MAX_EMAIL_LENGTH } from './schema';
import type { AppAuth } from './server';
import { normaliseEmail } from './sign-in-throttle';

// Password reset through the library's own flow (better-auth's /request-password-reset and
// /reset-password), with what this app adds around it:
//  - the reset mail, in both languages, with a link to this app's /reset-password page;
//  - limits on asking for it, per client address and per email address, taken before the
//    library looks anything up: our relay must not be a way to bomb someone's inbox. Both are
//    the app's one atomic limiter (lib/limits/address-limit.ts), so 30 requests at once, on any
//    number of instances, send at most the allowance. They hold for every address typed,
//    registered or not, so a refusal says nothing about who has an account;
//  - one answer time for every address: a registered one makes the library write a token row,
//    an unknown one only reads, so the request is answered no sooner than a floor with a little
//    jitter (RESET_ANSWER_FLOOR), for the HTTP route and the server action alike;
//  - a limit on password checks by a signed-in user (changing the password, confirming it to
//    delete the account), so a stolen session cannot try passwords without end.

export interface PasswordResetSettings {
  /** How long a reset link works. */
  linkSeconds: number;
  /** Reset mails one client address may ask for (any email addresses) per window. */
  perClientAddress: { max: number; windowSeconds: number };
  /** Reset mails one email address may be sent (from any client) per window. */
  perEmail: { max: number; windowSeconds: number };
  /**
   * Where the mail goes (lib/mail/relay.ts). It is handed over in the background (never awaited,
   * never throwing), so a known address answers as fast as an unknown one, and a relay that is
   * down changes nothing in the answer.
   */
  mailer: MailSender;
  /** The answer's floor; RESET_ANSWER_FLOOR when absent. */
  answerFloor?: AnswerFloor;
}

/** No answer to a reset request comes sooner than `minMs` plus a random part of `jitterMs`. */
export interface AnswerFloor {
  minMs: number;
  jitterMs: number;
}

/**
 * Well above what the library's work takes on either database (a user lookup, then a row written
 * or a row read), so the difference between the two disappears under the floor and its jitter.
 */
export const RESET_ANSWER_FLOOR: AnswerFloor = { minMs: 300, jitterMs: 100 };

export const PASSWORD_RESET_PATH = '/request-password-reset';

/** Password checks one signed-in user may make (change password, confirm a deletion) per window. */
export const PASSWORD_CHECK_LIMIT = { scope: 'password_check:user', max: 10, windowSeconds: 15 * 60 } as const;

/** The link in the mail: this app's page, the token in the query (never logged: the request log drops queries). */
export function resetLink(appOrigin: string, token: string): string {
  const url = new URL('/reset-password', appOrigin);
  url.searchParams.set('token', token);
  return url.toString();
}

/** The reset mail: Chinese first, then English, as the app speaks; the same link in both. */
export function passwordResetMail(input: { to: string; link: string; minutes: number }): OutgoingMail {
  const values = { email: input.to, link: input.link, minutes: input.minutes };
  const { zh, en } = ACCOUNT_MESSAGES;
  return {
    to: input.to,
    subject: `${zh.mail.subject} / ${en.mail.subject}`,
    text: `${format(zh.mail.body, values)}\n\n----------------------------------------\n\n${format(en.mail.body, values)}\n`,
  };
}

/** An address longer than any address can be (RFC 5321): refused before anything is counted or looked up. */
function overLongAddress(): APIError {
  return new APIError('BAD_REQUEST', { code: 'INVALID_EMAIL', message: 'Invalid email' });
}

/**
 * The reset-mail limits as a library hook, so they hold for the HTTP route (/api/auth is open to
 * anyone), for the server action and for auth.api alike: first the client address (as the server
 * decided it, lib/net/client.ts), then, only if that let it through, the email address typed.
 * The same hooks hold every answer to the request back until its floor has passed (the time is
 * taken when the request reaches the first hook and kept per request by the library's context).
 */
export function passwordResetLimitPlugin(
  db: AppDatabase,
  settings: Pick<PasswordResetSettings, 'perClientAddress' | 'perEmail' | 'answerFloor'>,
): BetterAuthPlugin {
  const byAddress: Omit<RequestLimitRule, 'max' | 'windowSeconds'> = { scope: 'password_reset:address' };
  const byEmail: Omit<RequestLimitRule, 'max' | 'windowSeconds'> = { scope: 'password_reset:email' };
  const floor = settings.answerFloor ?? RESET_ANSWER_FLOOR;
  // When each request in flight may be answered, by its endpoint context (one per request).
  const answerAt = new WeakMap<object, number>();
  const untilAnswer = async (at: number | undefined) => {
    const wait = at === undefined ? 0 : at - performance.now();
    if (wait > 0) await sleep(wait);
  };
  const limit = async (ctx: { headers?: Headers; request?: Request; body?: unknown }) => {
    const requestHeaders = ctx.headers ?? ctx.request?.headers;
    // A call from the server itself (no headers) has no client; it is still limited per email.
    if (requestHeaders) {
      const key = addressLimitKey(clientAddressFrom(requestHeaders));
      const decision = await takeAddressLimit(db, { ...byAddress, ...settings.perClientAddress, key });
      if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
    }
    const email = (ctx.body as { email?: unknown } | undefined)?.email;
    // Not a string: the library answers 400 and sends nothing.
    if (typeof email !== 'string') return;
    // Longer than an address can be: no key of the per-email limit, and no mail either.
    if (email.length > MAX_EMAIL_LENGTH) throw overLongAddress();
    const decision = await takeAddressLimit(db, { ...byEmail, ...settings.perEmail, key: normaliseEmail(email) });
    if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
  };
  return {
    id: 'password-reset-limit',
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === PASSWORD_RESET_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            const at = performance.now() + floor.minMs + (floor.jitterMs > 0 ? randomInt(floor.jitterMs + 1) : 0);
            answerAt.set(ctx.context, at);
            try {
              await limit(ctx);
            } catch (refusal) {
              // A refusal here ends the request without the after hook: it waits for its floor too.
              await untilAnswer(at);
              throw refusal;
            }
          }),
        },
      ],
      after: [
        {
          // Every answer the endpoint gave (200, or 400 for no address at all).
          matcher: (ctx) => ctx.path === PASSWORD_RESET_PATH,
          handler: createAuthMiddleware(async (ctx) => {
            await untilAnswer(answerAt.get(ctx.context));
            answerAt.delete(ctx.context);
          }),
        },
      ],
    },
  };
}

/**
 * Password checks of a signed-in user, limited per user before the library checks anything: a
 * changed password (/change-password) and a deletion's confirmation (/verify-password). Without a
 * session the library answers 401 itself.
 */
export function passwordCheckLimitPlugin(db: AppDatabase): BetterAuthPlugin {
  const { scope, max, windowSeconds } = PASSWORD_CHECK_LIMIT;
  return {
    id: 'password-check-limit',
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === '/change-password' || ctx.path === '/verify-password',
          handler: createAuthMiddleware(async (ctx) => {
            const session = await getSessionFromCtx(ctx);
            if (!session) return;
            const decision = await takeAddressLimit(db, { scope, max, windowSeconds, key: session.user.id });
            if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
          }),
        },
      ],
    },
  };
}

/**
 * Whether a reset link can still be used (issued, not used, not expired), so its page can say at
 * once that it cannot rather than after the new password is typed twice. Setting the password asks
 * the library again, which spends the token in the same transaction.
 */
export async function resetTokenIsUsable(auth: AppAuth, token: string): Promise<boolean> {
  const context = await auth.$context;
  const verification = await context.internalAdapter.findVerificationValue(`reset-password:${token}`);
  return verification !== null && verification !== undefined && verification.expiresAt > new Date();
}
