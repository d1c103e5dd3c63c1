import 'server-only';
import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { checkAttempts, providerPauses } from '@/lib/db/schema';
import { env } from '@/lib/env';

// Every connection test leaves from our server's IP. NetEase answers too many failed logins
// by banning that IP (`554 IP is rejected, smtp auth error limit exceed`, `451 ... too much
// fail authentication`), which breaks the check for every user at once. So failures are
// limited per mailbox and per provider, and a ban signal stops all checks against that
// provider for a while. The counts live in the database so that they survive a restart and
// hold across app instances sharing one PostgreSQL.

export type LockoutPolicy = {
  /** Failed checks of one mailbox within `windowMs` after which it is locked. */
  maxFailuresPerMailbox: number;
  windowMs: number;
  /** How long a provider is left alone after a ban signal or too many failures. */
  providerPauseMs: number;
  /** Failed checks against one provider (all mailboxes) within `windowMs` that pause it. */
  maxFailuresPerProvider: number;
  /**
   * Failed manual-setup checks one user may run within `windowMs` (default
   * MANUAL_FAILURES_PER_OWNER). Manual setup dials whatever public host and port is typed, so
   * without a limit a signed-in user could map which ports answer anywhere on the internet from
   * our server's address; a person fixing a typo needs far fewer.
   */
  maxManualFailuresPerOwner?: number;
};

/** Default of `LockoutPolicy.maxManualFailuresPerOwner`. */
export const MANUAL_FAILURES_PER_OWNER = 10;

const MINUTE_MS = 60_000;

/** The policy from LOCKOUT_MAX_FAILURES, LOCKOUT_WINDOW_MINUTES, PROVIDER_PAUSE_MINUTES, PROVIDER_MAX_FAILURES. */
export function lockoutPolicyFromEnv(): LockoutPolicy {
  const e = env();
  return {
    maxFailuresPerMailbox: e.LOCKOUT_MAX_FAILURES,
    windowMs: e.LOCKOUT_WINDOW_MINUTES * MINUTE_MS,
    providerPauseMs: e.PROVIDER_PAUSE_MINUTES * MINUTE_MS,
    maxFailuresPerProvider: e.PROVIDER_MAX_FAILURES,
  };
}

export type LockoutReason = 'mailbox_locked' | 'provider_paused' | 'manual_limited';

export type Allowance = { allowed: true } | { allowed: false; reason: LockoutReason; retryAt: Date };

/** The same mailbox however the user typed it; the schema refuses anything else. */
function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * Whether a check of this mailbox may run now. When both the mailbox and its provider are
 * blocked, the answer names whichever block lasts longer, since that is when a retry can work.
 */
export async function checkAllowance(
  db: AppDatabase,
  options: {
    address: string;
    providerId: string;
    now?: Date;
    policy?: LockoutPolicy;
    /** Manual setup: the user's failed manual checks in the window are limited too (see the policy). */
    manualOwnerId?: string;
  },
): Promise<Allowance> {
  const { providerId, now = new Date(), policy = lockoutPolicyFromEnv(), manualOwnerId } = options;
  const address = normaliseAddress(options.address);
  const windowStart = new Date(now.getTime() - policy.windowMs);

  const manualLimit = policy.maxManualFailuresPerOwner ?? MANUAL_FAILURES_PER_OWNER;
  const [pauseRows, lockingRows, ownerRows] = await Promise.all([
    db
      .select({ pausedUntil: providerPauses.pausedUntil })
      .from(providerPauses)
      .where(and(eq(providerPauses.providerId, providerId), gt(providerPauses.pausedUntil, now))),
    // The max-th most recent failure in the window exists only when the mailbox has reached the
    // limit, and the lock lifts when that failure leaves the window (with exactly max failures
    // it is the oldest one).
    db
      .select({ startedAt: checkAttempts.startedAt })
      .from(checkAttempts)
      .where(
        and(
          eq(checkAttempts.address, address),
          eq(checkAttempts.ok, false),
          eq(checkAttempts.countsTowardLimit, true),
          gt(checkAttempts.startedAt, windowStart),
        ),
      )
      .orderBy(desc(checkAttempts.startedAt))
      .limit(1)
      .offset(Math.max(policy.maxFailuresPerMailbox - 1, 0)),
    // Every failure counts here, timeouts and refused ports included: those are what a scan
    // of someone else's machines would produce.
    manualOwnerId === undefined
      ? Promise.resolve([])
      : db
          .select({ startedAt: checkAttempts.startedAt })
          .from(checkAttempts)
          .where(
            and(
              eq(checkAttempts.ownerId, manualOwnerId),
              eq(checkAttempts.providerId, providerId),
              eq(checkAttempts.ok, false),
              gt(checkAttempts.startedAt, windowStart),
            ),
          )
          .orderBy(desc(checkAttempts.startedAt))
          .limit(1)
          .offset(Math.max(manualLimit - 1, 0)),
  ]);

  const blocks: { reason: LockoutReason; retryAt: Date }[] = [];
  const pause = pauseRows[0];
  if (pause) blocks.push({ reason: 'provider_paused', retryAt: pause.pausedUntil });
  const locking = lockingRows[0];
  if (locking) {
    blocks.push({ reason: 'mailbox_locked', retryAt: new Date(locking.startedAt.getTime() + policy.windowMs) });
  }
  const ownerLimit = ownerRows[0];
  if (ownerLimit) {
    blocks.push({ reason: 'manual_limited', retryAt: new Date(ownerLimit.startedAt.getTime() + policy.windowMs) });
  }

  const longest = blocks.reduce<(typeof blocks)[number] | undefined>(
    (worst, block) => (worst === undefined || block.retryAt > worst.retryAt ? block : worst),
    undefined,
  );
  return longest ? { allowed: false, ...longest } : { allowed: true };
}

export type CheckAttemptRecord = {
  address: string;
  providerId: string;
  ok: boolean;
  /** Stable failure code of the IMAP stage, or null when it passed or did not run. */
  imapCode?: string | null;
  /** Stable failure code of the SMTP stage, or null when it passed or did not run. */
  smtpCode?: string | null;
  /** The provider said, in its own words, that it is limiting or banning our IP. */
  banSignal: boolean;
  /**
   * Whether a failure counts toward the limits (default: every failure does). The caller passes
   * false for failures that never reached the server's verdict on the code, e.g. a timeout.
   */
  countsTowardLimit?: boolean;
  startedAt: Date;
  finishedAt: Date;
  policy?: LockoutPolicy;
  /** The signed-in user the check ran for, so support staff can follow their attempts. */
  ownerId?: string | null;
  /**
   * Whether this attempt may pause every check to its provider (a ban signal, too many failures
   * within the window); default true. Manual setup passes false: its 'manual' id covers every
   * server users type, and one user's server refusing them says nothing about anyone else's.
   */
  pausesProvider?: boolean;
  /** Where each protocol stopped, and the server's words as the check redacted them. */
  imapStage?: string | null;
  smtpStage?: string | null;
  imapServerText?: string | null;
  smtpServerText?: string | null;
};

/** Server texts are kept for support, trimmed: a hostile server could send megabytes. */
const MAX_STORED_SERVER_TEXT = 500;
const storedText = (text: string | null | undefined) => (text ? text.slice(0, MAX_STORED_SERVER_TEXT) : null);

/**
 * Stores the outcome of one check (never the code itself) and pauses the provider when it
 * signalled a ban or when too many checks against it failed in the window. Pauses are measured
 * from `finishedAt`, the moment we learnt of them.
 */
export async function recordCheckAttempt(db: AppDatabase, attempt: CheckAttemptRecord): Promise<void> {
  const { providerId, ok, banSignal, startedAt, finishedAt, policy = lockoutPolicyFromEnv() } = attempt;
  const imapCode = attempt.imapCode ?? null;
  const smtpCode = attempt.smtpCode ?? null;

  await db.insert(checkAttempts).values({
    address: normaliseAddress(attempt.address),
    providerId,
    startedAt,
    finishedAt,
    ok,
    imapCode,
    smtpCode,
    banSignal,
    countsTowardLimit: !ok && (attempt.countsTowardLimit ?? true),
    durationMs: Math.max(0, Math.round(finishedAt.getTime() - startedAt.getTime())),
    ownerId: attempt.ownerId ?? null,
    imapStage: attempt.imapStage ?? null,
    smtpStage: attempt.smtpStage ?? null,
    imapServerText: storedText(attempt.imapServerText),
    smtpServerText: storedText(attempt.smtpServerText),
  });

  if (attempt.pausesProvider === false) return;
  const pausedUntil = new Date(finishedAt.getTime() + policy.providerPauseMs);

  if (banSignal) {
    const codes = [imapCode && `imap ${imapCode}`, smtpCode && `smtp ${smtpCode}`].filter(Boolean).join(', ');
    await pauseProvider(db, {
      providerId,
      pausedUntil,
      setAt: finishedAt,
      reason: `ban_signal: the provider signalled an IP ban or rate limit${codes ? ` (${codes})` : ''}`,
    });
  }

  if (!ok && attempt.countsTowardLimit !== false) {
    const windowStart = new Date(finishedAt.getTime() - policy.windowMs);
    const [row] = await db
      .select({ failures: count() })
      .from(checkAttempts)
      .where(
        and(
          eq(checkAttempts.providerId, providerId),
          eq(checkAttempts.ok, false),
          eq(checkAttempts.countsTowardLimit, true),
          gt(checkAttempts.startedAt, windowStart),
        ),
      );
    const failures = row?.failures ?? 0;
    if (failures >= policy.maxFailuresPerProvider) {
      await pauseProvider(db, {
        providerId,
        pausedUntil,
        setAt: finishedAt,
        reason:
          `failure_limit: ${failures} failed checks within ${Math.round(policy.windowMs / MINUTE_MS)} min ` +
          `(limit ${policy.maxFailuresPerProvider})`,
      });
    }
  }
}

/**
 * Creates or extends the provider's pause. A single upsert, so concurrent instances cannot
 * trip over each other, and its WHERE keeps the later end: a pause is never shortened.
 */
async function pauseProvider(
  db: AppDatabase,
  pause: { providerId: string; pausedUntil: Date; reason: string; setAt: Date },
): Promise<void> {
  await db
    .insert(providerPauses)
    .values(pause)
    .onConflictDoUpdate({
      target: providerPauses.providerId,
      set: {
        pausedUntil: sql`excluded.paused_until`,
        reason: sql`excluded.reason`,
        setAt: sql`excluded.set_at`,
      },
      setWhere: sql`${providerPauses.pausedUntil} < excluded.paused_until`,
    });
}
