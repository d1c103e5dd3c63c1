import 'server-only';
import { and, count, countDistinct, desc, eq, gt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { checkAttempts, mailAccounts, providerPauses } from '@/lib/db/schema';
import { env, type AppEnv } from '@/lib/env';
import type { LockoutReason } from './types';

// Every connection test leaves from our server's IP. NetEase answers too many failed logins
// by banning that IP (`554 IP is rejected, smtp auth error limit exceed`, `451 ... too much
// fail authentication`), which breaks the check for every user at once. So failures are
// limited per mailbox, per user and per provider, and a ban signal stops all checks against
// that provider for a while. The counts live in the database so that they survive a restart
// and hold across app instances sharing one PostgreSQL.
//
// A limit read before the work and recorded after it is no limit: thirty requests at once would
// all read "allowed". So a check takes its place first (`reserveCheck`: a pending row, inserted
// under a lock that every instance takes, and counted as a failure while it runs), dials only
// then, and completes its row with the outcome (`completeCheck`).

export type LockoutPolicy = {
  /**
   * Failed checks of one mailbox within `windowMs` after which it is locked: all users' failures
   * together, except for a user who saved that mailbox, whom only their own failures lock.
   */
  maxFailuresPerMailbox: number;
  windowMs: number;
  /** How long a provider is left alone after a ban signal or too many failures. */
  providerPauseMs: number;
  /**
   * Failed checks against one provider (all mailboxes) within `windowMs` that pause it, when they
   * come from at least `minUsersForPause` different users.
   */
  maxFailuresPerProvider: number;
  /** Distinct users whose failures it takes to pause a provider; left out: 1. */
  minUsersForPause?: number;
  /**
   * Failed manual-setup checks one user may run within `windowMs` (default
   * MANUAL_FAILURES_PER_OWNER). Manual setup dials whatever public host and port is typed, so
   * without a limit a signed-in user could map which ports answer anywhere on the internet from
   * our server's address; a person fixing a typo needs far fewer.
   */
  maxManualFailuresPerOwner?: number;
  /** Failed checks one user may run within `windowMs`, all mailboxes together; left out: no such limit. */
  maxFailuresPerOwner?: number;
  /**
   * Failed checks with a login verdict (checks in flight included) that one provider may get from
   * all instances together within `windowMs`; when spent, checks wait. Left out: no budget.
   */
  providerLoginBudget?: number;
  /** The part of `providerLoginBudget` background health checks may use, in (0, 1]; default 0.5. */
  healthBudgetShare?: number;
  /** Checks one user may have in flight at once; default MAX_CHECKS_IN_FLIGHT_PER_OWNER. */
  maxChecksInFlightPerOwner?: number;
};

/** Default of `LockoutPolicy.maxManualFailuresPerOwner`. */
export const MANUAL_FAILURES_PER_OWNER = 10;
/** Default of `LockoutPolicy.maxChecksInFlightPerOwner`: a person checks one or two mailboxes at a time. */
export const MAX_CHECKS_IN_FLIGHT_PER_OWNER = 3;
const DEFAULT_HEALTH_SHARE = 0.5;

const MINUTE_MS = 60_000;

/** The policy from the LOCKOUT_*, PROVIDER_* and HEALTH_BUDGET_PERCENT settings (.env.example). */
export function lockoutPolicyFromEnv(): LockoutPolicy {
  return lockoutPolicyFrom(env());
}

/** The policy that these settings describe (`parseEnv({})` gives the defaults). */
export function lockoutPolicyFrom(e: AppEnv): LockoutPolicy {
  return {
    maxFailuresPerMailbox: e.LOCKOUT_MAX_FAILURES,
    windowMs: e.LOCKOUT_WINDOW_MINUTES * MINUTE_MS,
    providerPauseMs: e.PROVIDER_PAUSE_MINUTES * MINUTE_MS,
    maxFailuresPerProvider: e.PROVIDER_MAX_FAILURES,
    minUsersForPause: e.PROVIDER_PAUSE_MIN_USERS,
    maxFailuresPerOwner: e.LOCKOUT_MAX_FAILURES_PER_USER,
    providerLoginBudget: e.PROVIDER_LOGIN_BUDGET,
    healthBudgetShare: e.HEALTH_BUDGET_PERCENT / 100,
  };
}

export type { LockoutReason } from './types';

export type Allowance = { allowed: true } | { allowed: false; reason: LockoutReason; retryAt: Date };

/** What started a check: health checks get only a share of the provider's budget. */
export type CheckKind = 'wizard' | 'check_now' | 'replace_code' | 'health';

/** The same mailbox however the user typed it; the schema refuses anything else. */
function normaliseAddress(address: string): string {
  return address.trim().toLowerCase();
}

type Reader = Pick<AppDatabase, 'select'>;

/**
 * When the `limit`-th most recent attempt matching `where` leaves the window: it exists only
 * when `limit` or more match, and the limit lifts when it leaves (with exactly `limit` matching
 * it is the oldest one).
 */
async function limitReachedUntil(db: Reader, where: SQL | undefined, limit: number, windowMs: number, now: Date): Promise<Date | undefined> {
  // A limit of nothing at all is reached now and lifts a window later, like any other.
  if (limit <= 0) return new Date(now.getTime() + windowMs);
  const [row] = await db
    .select({ startedAt: checkAttempts.startedAt })
    .from(checkAttempts)
    .where(where)
    .orderBy(desc(checkAttempts.startedAt))
    .limit(1)
    .offset(limit - 1);
  return row ? new Date(row.startedAt.getTime() + windowMs) : undefined;
}

/** Whether `ownerId` has saved the mailbox `address` (normalised). */
async function savedBy(db: Reader, ownerId: string | null | undefined, address: string): Promise<boolean> {
  if (ownerId == null) return false;
  const rows = await db
    .select({ id: mailAccounts.id })
    .from(mailAccounts)
    .where(and(eq(mailAccounts.ownerId, ownerId), eq(mailAccounts.address, address)))
    .limit(1);
  return rows.length > 0;
}

export interface AllowanceQuery {
  address: string;
  providerId: string;
  now?: Date;
  policy?: LockoutPolicy;
  /** The user the check runs for: their own failures are limited, and a mailbox they saved is theirs to check. */
  ownerId?: string | null;
  /** Manual setup: the user's failed manual checks in the window are limited too (see the policy). */
  manualOwnerId?: string;
  /** Health checks get `healthBudgetShare` of the provider's budget. */
  kind?: CheckKind;
  /** Whether the provider-wide budget applies (not to 'manual', which stands for every typed server). */
  providerBudget?: boolean;
  /** Whether `ownerId` saved this mailbox; looked up when left out. */
  ownsMailbox?: boolean;
  /**
   * Refused logins one wrong code costs at this provider (default 1; iCloud's second login name
   * and QQ's SMTP login make 2): the budget counts logins, so it allows that many times fewer checks.
   */
  loginsPerCheck?: number;
}

/**
 * How many failed checks a provider's budget of refused logins allows within the window, for
 * checks of `kind` that each cost `loginsPerCheck` refused logins; undefined without a budget.
 * Health checks get their share, never less than one check (else they could never run).
 */
export function budgetedChecks(policy: LockoutPolicy, kind: 'any' | 'health', loginsPerCheck: number): number | undefined {
  const budget = policy.providerLoginBudget;
  if (budget === undefined) return undefined;
  const share = Math.min(1, Math.max(0, policy.healthBudgetShare ?? DEFAULT_HEALTH_SHARE));
  return Math.max(1, Math.floor((kind === 'health' ? budget * share : budget) / Math.max(1, loginsPerCheck)));
}

/**
 * Whether a check of this mailbox may run now, from the attempts recorded so far (checks in
 * flight count as failures). Only `reserveCheck` acts on it, under a lock; called on its own it
 * is a preview that another request may overtake. When several blocks hold, the answer names
 * whichever lasts longest, since that is when a retry can work.
 */
export async function checkAllowance(db: Reader, options: AllowanceQuery): Promise<Allowance> {
  const { providerId, now = new Date(), policy = lockoutPolicyFromEnv(), manualOwnerId, ownerId } = options;
  const address = normaliseAddress(options.address);
  const windowStart = new Date(now.getTime() - policy.windowMs);
  const counted = and(eq(checkAttempts.ok, false), eq(checkAttempts.countsTowardLimit, true), gt(checkAttempts.startedAt, windowStart));

  const ownsMailbox = options.ownsMailbox ?? (await savedBy(db, ownerId, address));

  const budgetLimit =
    options.providerBudget === false ? undefined : budgetedChecks(policy, options.kind === 'health' ? 'health' : 'any', options.loginsPerCheck ?? 1);
  const manualLimit = policy.maxManualFailuresPerOwner ?? MANUAL_FAILURES_PER_OWNER;
  const { windowMs } = policy;

  // One query after the other: inside reserveCheck's transaction they share one connection,
  // which runs one at a time anyway (node-postgres deprecates queueing them on it).
  const pauseRows = await db
    .select({ pausedUntil: providerPauses.pausedUntil })
    .from(providerPauses)
    .where(and(eq(providerPauses.providerId, providerId), gt(providerPauses.pausedUntil, now)));
  // A user who saved the mailbox is locked only by their own failures: someone else typing
  // wrong codes for that address must not stop its owner from checking it.
  const mailboxUntil = await limitReachedUntil(
    db,
    and(counted, eq(checkAttempts.address, address), ownsMailbox && ownerId != null ? eq(checkAttempts.ownerId, ownerId) : undefined),
    policy.maxFailuresPerMailbox,
    windowMs,
    now,
  );
  const ownerUntil =
    ownerId == null || policy.maxFailuresPerOwner === undefined
      ? undefined
      : await limitReachedUntil(db, and(counted, eq(checkAttempts.ownerId, ownerId)), policy.maxFailuresPerOwner, windowMs, now);
  // Every failure counts here, timeouts and refused ports included: those are what a scan
  // of someone else's machines would produce.
  const manualUntil =
    manualOwnerId === undefined
      ? undefined
      : await limitReachedUntil(
          db,
          and(
            eq(checkAttempts.ownerId, manualOwnerId),
            eq(checkAttempts.providerId, providerId),
            eq(checkAttempts.ok, false),
            gt(checkAttempts.startedAt, windowStart),
          ),
          manualLimit,
          windowMs,
          now,
        );
  const budgetUntil =
    budgetLimit === undefined
      ? undefined
      : await limitReachedUntil(db, and(counted, eq(checkAttempts.providerId, providerId)), budgetLimit, windowMs, now);

  const blocks: { reason: LockoutReason; retryAt: Date }[] = [];
  const pause = pauseRows[0];
  if (pause) blocks.push({ reason: 'provider_paused', retryAt: pause.pausedUntil });
  if (mailboxUntil) blocks.push({ reason: 'mailbox_locked', retryAt: mailboxUntil });
  if (ownerUntil) blocks.push({ reason: 'account_limited', retryAt: ownerUntil });
  if (manualUntil) blocks.push({ reason: 'manual_limited', retryAt: manualUntil });
  if (budgetUntil) blocks.push({ reason: 'provider_busy', retryAt: budgetUntil });

  const longest = blocks.reduce<(typeof blocks)[number] | undefined>(
    (worst, block) => (worst === undefined || block.retryAt > worst.retryAt ? block : worst),
    undefined,
  );
  return longest ? { allowed: false, ...longest } : { allowed: true };
}

/** A check's place in the limits, taken before it dials; `completeCheck` or `releaseCheck` ends it. */
export interface CheckReservation {
  id: number;
  address: string;
  providerId: string;
  startedAt: Date;
}

export type Reservation = { ok: true; reservation: CheckReservation } | { ok: false; reason: LockoutReason; retryAt: Date };

export interface ReserveOptions extends AllowanceQuery {
  /** How long the check may take before its row is taken for abandoned (its instance died). */
  leaseMs: number;
}

async function databaseNow(tx: Pick<AppDatabase, 'execute'>): Promise<Date> {
  const result = (await tx.execute(sql`select clock_timestamp() as now`)) as unknown as { rows: { now: Date | string }[] };
  const value = result.rows[0]?.now;
  if (value === undefined) throw new Error('reserveCheck: the database did not say what time it is');
  return new Date(value);
}

/** Every reservation, on any instance, takes this lock for the few statements it needs. */
const RESERVATION_LOCK = sql`select pg_advisory_xact_lock(hashtext('check_attempts.reserve'))`;

/**
 * Takes a check's place in every limit atomically, before anything is dialled: under one
 * transaction-scoped advisory lock (PostgreSQL: across instances; PGlite: one connection, whose
 * transactions already run one at a time) it closes abandoned checks, refuses a second check of
 * a mailbox while one runs, enforces the user's in-flight cap and every failure limit, and
 * inserts the pending attempt, which counts as a failure until `completeCheck` says otherwise.
 * Nothing slow runs inside: the lock is held for a handful of indexed queries.
 */
export async function reserveCheck(db: AppDatabase, options: ReserveOptions): Promise<Reservation> {
  const policy = options.policy ?? lockoutPolicyFromEnv();
  const address = normaliseAddress(options.address);
  const ownerId = options.ownerId ?? null;
  return db.transaction(async (tx) => {
    await tx.execute(RESERVATION_LOCK);
    // The database's clock, read once the lock is held: instances whose clocks differ still
    // agree on every window and lease.
    const now = options.now ?? (await databaseNow(tx));
    const ownsMailbox = await savedBy(tx, ownerId, address);
    // A pending check whose lease ran out belongs to an instance that stopped mid-check: it is
    // closed as the failure it may have been (nobody knows whether its login was refused).
    await tx
      .update(checkAttempts)
      .set({ state: 'done', finishedAt: checkAttempts.leaseUntil })
      .where(and(eq(checkAttempts.state, 'pending'), lte(checkAttempts.leaseUntil, now)));

    const running = await tx
      .select({ address: checkAttempts.address, ownerId: checkAttempts.ownerId, leaseUntil: checkAttempts.leaseUntil })
      .from(checkAttempts)
      .where(
        and(
          eq(checkAttempts.state, 'pending'),
          ownerId === null ? eq(checkAttempts.address, address) : or(eq(checkAttempts.address, address), eq(checkAttempts.ownerId, ownerId)),
        ),
      );
    const leaseEnd = (rows: typeof running) =>
      new Date(Math.min(...rows.map((r) => (r.leaseUntil ?? now).getTime())));
    // One check of a mailbox at a time; its owner's own check is never kept waiting by others'.
    const sameMailbox = running.filter((r) => r.address === address && (!ownsMailbox || r.ownerId === ownerId));
    if (sameMailbox.length > 0) return { ok: false, reason: 'check_running', retryAt: leaseEnd(sameMailbox) } as const;
    const mine = running.filter((r) => ownerId !== null && r.ownerId === ownerId);
    if (mine.length > 0 && mine.length >= Math.max(1, policy.maxChecksInFlightPerOwner ?? MAX_CHECKS_IN_FLIGHT_PER_OWNER)) {
      return { ok: false, reason: 'too_many_running', retryAt: leaseEnd(mine) } as const;
    }

    const allowance = await checkAllowance(tx, { ...options, address, now, policy, ownerId, ownsMailbox });
    if (!allowance.allowed) return { ok: false, reason: allowance.reason, retryAt: allowance.retryAt } as const;

    const [row] = await tx
      .insert(checkAttempts)
      .values({
        address,
        providerId: options.providerId,
        startedAt: now,
        finishedAt: null,
        state: 'pending',
        leaseUntil: new Date(now.getTime() + options.leaseMs),
        kind: options.kind ?? null,
        ok: false,
        countsTowardLimit: true,
        banSignal: false,
        durationMs: 0,
        ownerId,
      })
      .returning({ id: checkAttempts.id });
    if (!row) throw new Error('reserveCheck: insert returned no row');
    return { ok: true, reservation: { id: row.id, address, providerId: options.providerId, startedAt: now } } as const;
  });
}

/** Gives a reservation back when nothing was dialled (the check could not start): it never happened. */
export async function releaseCheck(db: AppDatabase, reservation: CheckReservation): Promise<void> {
  await db.delete(checkAttempts).where(and(eq(checkAttempts.id, reservation.id), eq(checkAttempts.state, 'pending')));
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

/** The columns an outcome fills, the same for a completed reservation and a recorded attempt. */
function outcomeColumns(attempt: CheckAttemptRecord) {
  const { ok, startedAt, finishedAt } = attempt;
  return {
    finishedAt,
    ok,
    imapCode: attempt.imapCode ?? null,
    smtpCode: attempt.smtpCode ?? null,
    banSignal: attempt.banSignal,
    countsTowardLimit: !ok && (attempt.countsTowardLimit ?? true),
    durationMs: Math.max(0, Math.round(finishedAt.getTime() - startedAt.getTime())),
    imapStage: attempt.imapStage ?? null,
    smtpStage: attempt.smtpStage ?? null,
    imapServerText: storedText(attempt.imapServerText),
    smtpServerText: storedText(attempt.smtpServerText),
  };
}

/**
 * Stores the outcome of a check that took no reservation (tests and data imports write history
 * this way; checks themselves go through `reserveCheck` and `completeCheck`), and pauses the
 * provider as `completeCheck` does.
 */
export async function recordCheckAttempt(db: AppDatabase, attempt: CheckAttemptRecord): Promise<void> {
  await db.insert(checkAttempts).values({
    address: normaliseAddress(attempt.address),
    providerId: attempt.providerId,
    startedAt: attempt.startedAt,
    ownerId: attempt.ownerId ?? null,
    ...outcomeColumns(attempt),
  });
  await pauseIfNeeded(db, attempt);
}

export type CheckOutcome = Omit<CheckAttemptRecord, 'address' | 'providerId' | 'startedAt' | 'ownerId' | 'finishedAt'> & {
  /** When the outcome was known; default: the database's clock, as for the reservation's start. */
  finishedAt?: Date;
};

/**
 * Completes a reserved check with its outcome (never the code itself): its row stops counting
 * as a failure unless it was one, and the provider is paused when it signalled a ban or when
 * too many checks against it failed in the window. Pauses are measured from `finishedAt`, the
 * moment we learnt of them.
 */
export async function completeCheck(db: AppDatabase, reservation: CheckReservation, outcome: CheckOutcome): Promise<void> {
  // The same clock as the reservation's start: windows, durations and pauses never mix clocks.
  const finishedAt = outcome.finishedAt ?? (await databaseNow(db));
  const attempt: CheckAttemptRecord = {
    ...outcome,
    finishedAt,
    address: reservation.address,
    providerId: reservation.providerId,
    startedAt: reservation.startedAt,
  };
  await db
    .update(checkAttempts)
    .set({ state: 'done', leaseUntil: null, ...outcomeColumns(attempt) })
    .where(eq(checkAttempts.id, reservation.id));
  await pauseIfNeeded(db, attempt);
}

async function pauseIfNeeded(db: AppDatabase, attempt: CheckAttemptRecord): Promise<void> {
  const { providerId, ok, banSignal, finishedAt, policy = lockoutPolicyFromEnv() } = attempt;
  if (attempt.pausesProvider === false) return;
  const pausedUntil = new Date(finishedAt.getTime() + policy.providerPauseMs);

  if (banSignal) {
    const codes = [attempt.imapCode && `imap ${attempt.imapCode}`, attempt.smtpCode && `smtp ${attempt.smtpCode}`].filter(Boolean).join(', ');
    await pauseProvider(db, {
      providerId,
      pausedUntil,
      setAt: finishedAt,
      reason: `ban_signal: the provider signalled an IP ban or rate limit${codes ? ` (${codes})` : ''}`,
    });
  }

  if (!ok && attempt.countsTowardLimit !== false) {
    // Finished failures only: checks still in flight may yet pass. The users are counted
    // too, so that one user's failures (or a script's) cannot pause a provider for everyone.
    const windowStart = new Date(finishedAt.getTime() - policy.windowMs);
    const [row] = await db
      .select({ failures: count(), users: countDistinct(sql`coalesce(${checkAttempts.ownerId}, '')`) })
      .from(checkAttempts)
      .where(
        and(
          eq(checkAttempts.providerId, providerId),
          eq(checkAttempts.state, 'done'),
          eq(checkAttempts.ok, false),
          eq(checkAttempts.countsTowardLimit, true),
          gt(checkAttempts.startedAt, windowStart),
        ),
      );
    const failures = row?.failures ?? 0;
    const users = row?.users ?? 0;
    if (failures >= policy.maxFailuresPerProvider && users >= (policy.minUsersForPause ?? 1)) {
      await pauseProvider(db, {
        providerId,
        pausedUntil,
        setAt: finishedAt,
        reason:
          `failure_limit: ${failures} failed checks from ${users} users within ${Math.round(policy.windowMs / MINUTE_MS)} min ` +
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
