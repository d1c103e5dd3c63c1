import 'server-only';
import { eq, lte, sql, type SQL } from 'drizzle-orm';
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
// every address, so it tells nobody which addresses are registered. A browser that proves it has
// signed in to that email before (a device cookie, lib/auth/known-device.ts) is counted under a key
// of its own, so a stranger failing on purpose against someone's address locks out strangers, not
// the owner's browser (OWASP's "device cookies"). Locks and forgetting are timed by the database's
// clock, the one clock every instance shares.

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

/** The address as the library looks accounts up: trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The key the throttle counts an attempt under: the address, or, for a browser that proved it
 * signed in to that address before (lib/auth/known-device.ts), the address and that browser's
 * device id. Strangers' failures fill the address's key and never touch the device's, so nobody
 * can keep the owner's own browser out; a wrong password on that browser still counts, on its key.
 * The device id is random and unknown to anyone without the cookie, so no typed address can name
 * another's device key.
 */
export function throttleKeyFor(email: string, knownDeviceId?: string | null): string {
  const address = normaliseEmail(email);
  return knownDeviceId ? `${address}#${knownDeviceId}` : address;
}

/** The lock set by the `failures`-th failure, in seconds (0: none yet). */
export function lockSecondsAfter(failures: number, policy: SignInThrottlePolicy): number {
  if (failures < policy.maxFailures) return 0;
  // The exponent is capped so the number stays finite; the cap is reached long before.
  const doublings = Math.min(failures - policy.maxFailures, 30);
  return Math.min(policy.baseDelaySeconds * 2 ** doublings, policy.maxDelaySeconds);
}

/**
 * Takes one sign-in attempt under `key` (throttleKeyFor()), or refuses it while the key is locked.
 * Call before the password is checked; the attempt counts as a failure until clearSignInFailures()
 * says otherwise.
 *
 * Timed by the database's clock, never the instance's: with each instance's own clock, one whose
 * clock ran two minutes ahead would see every lock set by the others as long over. The statement's
 * one reading of it (statement_timestamp()) serves for the whole decision, so the lock, its end and
 * the forgetting time all agree.
 */
export async function reserveSignInAttempt(
  db: AppDatabase,
  key: string,
  policy: SignInThrottlePolicy = DEFAULT_SIGN_IN_THROTTLE,
): Promise<SignInReservation> {
  const at = sql`statement_timestamp()`;
  const t = signInThrottle;
  const seconds = (value: number | SQL) => sql`make_interval(secs => ${value}::float8)`;
  const firstLock = lockSecondsAfter(1, policy);

  // The same arithmetic as lockSecondsAfter(), in SQL, on the row as it is under the lock.
  const forgotten = sql`${t.forgetAt} <= ${at}`;
  const nextFailures = sql`(case when ${forgotten} then 1 else ${t.failures} + 1 end)`;
  const nextLockedUntil = sql`(case when ${nextFailures} >= ${policy.maxFailures}::int
      then ${at} + ${seconds(sql`least(${policy.baseDelaySeconds}::float8 * power(2::float8, least(${nextFailures} - ${policy.maxFailures}::int, 30)), ${policy.maxDelaySeconds}::float8)`)}
      end)`;

  const taken = await db
    .insert(t)
    .values({
      email: key,
      failures: 1,
      lockedUntil: firstLock > 0 ? sql`${at} + ${seconds(firstLock)}` : null,
      forgetAt: sql`${at} + ${seconds(firstLock + policy.forgetAfterSeconds)}`,
    })
    .onConflictDoUpdate({
      target: t.email,
      set: {
        failures: nextFailures,
        lockedUntil: nextLockedUntil,
        forgetAt: sql`coalesce(${nextLockedUntil}, ${at}) + ${seconds(policy.forgetAfterSeconds)}`,
      },
      // A locked row is left as it is: refused attempts neither count nor lengthen the lock.
      setWhere: sql`${t.lockedUntil} is null or ${t.lockedUntil} <= ${at}`,
    })
    .returning({ failures: t.failures });
  if (taken.length > 0) return { allowed: true };

  // No row: a success deleted it in the meantime; "try again in a second" is still true.
  const [row] = await db
    .select({ secondsLeft: sql<number>`ceil(extract(epoch from ${t.lockedUntil} - clock_timestamp()))::int` })
    .from(t)
    .where(eq(t.email, key));
  return { allowed: false, retryAfterSeconds: Math.max(1, Number(row?.secondsLeft ?? 1)) };
}

/** After a successful sign-in: the key it was taken under starts afresh. */
export async function clearSignInFailures(db: AppDatabase, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.email, key));
}

/**
 * Deletes the rows whose failures are forgotten anyway, so typed-in nonsense does not pile up.
 * Device keys go the same way: one exists only while a browser that once signed in has recent
 * failures, and an hour after its last one it is gone.
 */
export async function pruneSignInThrottle(db: AppDatabase): Promise<void> {
  await db.delete(signInThrottle).where(lte(signInThrottle.forgetAt, sql`clock_timestamp()`));
}
