import 'server-only';
import { eq, lte, sql } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { signInThrottle } from '@/lib/db/schema';

// The per-account sign-in throttle. The per-address limit (lib/auth/server.ts, by client address)
// stops one machine; this stops many machines guessing one account's password, e.g. a staff member's.
//
// Every attempt is *taken* before the password is checked: one upsert counts it as a failure and,
// from the Nth on, sets a lock, in a single statement under the row's lock. So 30 concurrent
// wrong passwords, on any number of instances, get at most N password checks; the rest are
// refused without one. A successful sign-in deletes the row.
//
// Keyed by the email typed, whether or not an account has it: the throttle behaves the same for
// every address, so it tells nobody which addresses are registered.

export interface SignInThrottlePolicy {
  /** Attempts let through freely; the Nth failure starts the lock. */
  maxFailures: number;
  /** The first lock; each further failure doubles it. */
  baseDelaySeconds: number;
  /**
   * The longest lock. The trade-off: anyone can fail on purpose against someone else's address,
   * so a longer cap would let a stranger keep a real user out for longer with one request each
   * time the lock lifts. 15 minutes still holds a guesser to about 100 tries a day per account,
   * far too few for any password worth the name, while a locked-out user waits at most 15
   * minutes after the last failure (and a signed-in session is never touched).
   */
  maxDelaySeconds: number;
  /** After this long without an attempt (counted from the end of any lock), failures are forgotten. */
  forgetAfterSeconds: number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottlePolicy = {
  maxFailures: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  forgetAfterSeconds: 60 * 60,
};

export type SignInReservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The key the throttle counts under: the address as the library looks accounts up, trimmed. */
export function throttleKeyFor(email: string): string {
  return email.trim().toLowerCase();
}

/** The lock set by the `failures`-th failure, in seconds (0: none yet). */
export function lockSecondsAfter(failures: number, policy: SignInThrottlePolicy): number {
  if (failures < policy.maxFailures) return 0;
  // The exponent is capped so the number stays finite; the cap is reached long before.
  const doublings = Math.min(failures - policy.maxFailures, 30);
  return Math.min(policy.baseDelaySeconds * 2 ** doublings, policy.maxDelaySeconds);
}

/**
 * Takes one sign-in attempt for `email`, or refuses it while the address is locked. Call before
 * the password is checked; the attempt counts as a failure until clearSignInFailures() says
 * otherwise.
 */
export async function reserveSignInAttempt(
  db: AppDatabase,
  email: string,
  now: Date,
  policy: SignInThrottlePolicy = DEFAULT_SIGN_IN_THROTTLE,
): Promise<SignInReservation> {
  const key = throttleKeyFor(email);
  const at = sql`${now.toISOString()}::timestamptz`;
  const t = signInThrottle;
  const firstLock = lockSecondsAfter(1, policy);
  const firstLockedUntil = firstLock > 0 ? new Date(now.getTime() + firstLock * 1000) : null;

  // The same arithmetic as lockSecondsAfter(), in SQL, on the row as it is under the lock.
  const forgotten = sql`${t.forgetAt} <= ${at}`;
  const nextFailures = sql`(case when ${forgotten} then 1 else ${t.failures} + 1 end)`;
  const nextLockedUntil = sql`(case when ${nextFailures} >= ${policy.maxFailures}::int
      then ${at} + make_interval(secs => least(${policy.baseDelaySeconds}::float8 * power(2::float8, least(${nextFailures} - ${policy.maxFailures}::int, 30)), ${policy.maxDelaySeconds}::float8))
      end)`;
  const forgetAfter = sql`make_interval(secs => ${policy.forgetAfterSeconds}::float8)`;

  const taken = await db
    .insert(t)
    .values({
      email: key,
      failures: 1,
      lockedUntil: firstLockedUntil,
      forgetAt: new Date((firstLockedUntil ?? now).getTime() + policy.forgetAfterSeconds * 1000),
    })
    .onConflictDoUpdate({
      target: t.email,
      set: {
        failures: nextFailures,
        lockedUntil: nextLockedUntil,
        forgetAt: sql`coalesce(${nextLockedUntil}, ${at}) + ${forgetAfter}`,
      },
      // A locked row is left as it is: refused attempts neither count nor lengthen the lock.
      setWhere: sql`${t.lockedUntil} is null or ${t.lockedUntil} <= ${at}`,
    })
    .returning({ failures: t.failures });
  if (taken.length > 0) return { allowed: true };

  const [row] = await db.select({ lockedUntil: t.lockedUntil }).from(t).where(eq(t.email, key));
  const remainingMs = (row?.lockedUntil?.getTime() ?? now.getTime()) - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
}

/** After a successful sign-in: the address starts afresh. */
export async function clearSignInFailures(db: AppDatabase, email: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.email, throttleKeyFor(email)));
}

/** Deletes the rows whose failures are forgotten anyway, so typed-in nonsense does not pile up. */
export async function pruneSignInThrottle(db: AppDatabase, now: Date): Promise<void> {
  await db.delete(signInThrottle).where(lte(signInThrottle.forgetAt, now));
}
