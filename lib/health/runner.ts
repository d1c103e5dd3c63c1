import 'server-only';
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { checkAccountNow } from '@/lib/accounts/manage';
import type { SealingOptions } from '@/lib/accounts/queries';
import { getDatabase, type AppDatabase } from '@/lib/db/client';
import { mailAccounts, type MailAccountStatus } from '@/lib/db/schema';
import { env, type AppEnv } from '@/lib/env';
import { logger } from '@/lib/log/logger.mjs';
import type { CheckMailboxOptions } from '@/lib/mail-check/check-mailbox';
import { claimableAt } from './claimable';
import { retriesSooner } from './hold';

// Scheduled health checks: every account that is not paused is checked again about once per
// interval, so that a code revoked in webmail turns it 「异常」 without the user asking. The
// check is the user's "check now" (lib/accounts/manage.ts), so the lockout limits and provider
// pauses hold, and a refused check changes nothing.
//
// Several app instances may share one PostgreSQL database, and each runs this scheduler. A
// round claims due accounts with one UPDATE whose subquery locks them FOR UPDATE SKIP LOCKED
// and moves their next_check_at to the end of a lease: a concurrent round skips the locked rows,
// and one that starts later sees them not due until the lease ends. The lease covers the whole
// batch's checks at their budget (healthClaimLeaseMs), so an instance that is alive always
// finishes (or gives back) its claims before the lease ends, and each account is checked once
// per round by exactly one instance, without any instance being "the" runner. A finished check
// moves the account to its next slot, about one interval on. (PGlite has one process.)
//
// An instance that stops (SIGTERM: scripts/serve.mjs) claims no more, gives back at once the
// accounts it claimed but has not started (their due time as it was, so another instance takes
// them in the same round) and lets the checks in flight finish within their budget. One that
// dies gives back nothing: its claims come due again when their lease ends, a few minutes at
// most, well within a round.
//
// The runner never hammers a provider: an account whose last check was refused on the login is
// not claimed at all until its owner acts (lib/health/hold.ts); a check that failed without a
// verdict (timeout, unreachable) is tried again sooner, the wait doubling up to the interval;
// and a check the limits refused (the provider's budget, of which health checks get only a
// share, or a pause) is deferred to when they lift, not dropped until the next interval.

/** Each later check lands within ±10% of one interval after the previous one. */
const RESCHEDULE_JITTER = 0.1;
const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_CONCURRENCY = 4;
/** Deferred accounts come due again within this long after their limit lifts. */
const DEFER_SPREAD_MS = 30_000;
/**
 * What a claim's lease allows past its checks' own budgets: the database work around each check
 * and the clocks of instances that disagree by a few seconds. The check reservations
 * (lib/mail-check/check-mailbox.ts) allow as much.
 */
const LEASE_SLACK_MS = 30_000;

export interface HealthRoundOptions extends CheckMailboxOptions, SealingOptions {
  /** The round's time: accounts due at or before it are checked. Default: now. */
  now?: Date;
  /** Default: HEALTH_CHECK_INTERVAL_SECONDS, or HEALTH_CHECK_INTERVAL_MINUTES. */
  intervalMs?: number;
  /** Accounts claimed at a time; the round claims batches until none is due. */
  batchSize?: number;
  /** Checks running at once within this instance. */
  concurrency?: number;
  /**
   * Stops the round without cutting checks short: no more accounts are claimed, those claimed
   * but not started are given back at once, and the checks in flight finish. (`signal` stops the
   * round too, and cuts the checks in flight short: a check cut short records nothing, and its
   * account is given back as well.)
   */
  stopSignal?: AbortSignal;
}

export interface HealthRoundSummary {
  /** Accounts given their first slot in the schedule this round. */
  scheduled: number;
  /** Accounts this instance claimed and checked (or tried to). */
  claimed: number;
  checked: number;
  /** Checks whose result changed the account's status. */
  changed: number;
  /** Checks the limits refused; each account is deferred to when its limit lifts. */
  refused: number;
  /** Checks that failed without a verdict on the login; each is tried again after a backoff. */
  retrying: number;
  /** Paused or deleted between the claim and the check. */
  skipped: number;
  /** Claimed, then given back unchecked because the round stopped (or a check was cut short). */
  released: number;
  errors: number;
  /** Ids of the accounts this instance claimed (the released ones included). */
  accountIds: string[];
}

/** The configured interval: HEALTH_CHECK_INTERVAL_SECONDS when set, else the minutes. */
export function healthCheckIntervalMs(settings: Pick<AppEnv, 'HEALTH_CHECK_INTERVAL_MINUTES' | 'HEALTH_CHECK_INTERVAL_SECONDS'>): number {
  return (settings.HEALTH_CHECK_INTERVAL_SECONDS ?? settings.HEALTH_CHECK_INTERVAL_MINUTES * 60) * 1000;
}

const intervalFromEnv = () => healthCheckIntervalMs(env());

/**
 * Accounts never scheduled (new, or resumed after a pause) get a slot at a random point within
 * one interval of their last check, so that many accounts connected at once are not checked at
 * once. Concurrent instances do this harmlessly: the second sees the slot already set.
 */
async function scheduleNewAccounts(db: AppDatabase, now: Date, intervalSeconds: number): Promise<number> {
  const rows = await db
    .update(mailAccounts)
    .set({
      nextCheckAt: sql`coalesce(${mailAccounts.lastCheckedAt}, ${now.toISOString()}::timestamptz)
        + make_interval(secs => ${intervalSeconds}::double precision * random())`,
    })
    .where(and(isNull(mailAccounts.nextCheckAt), ne(mailAccounts.status, 'paused')))
    .returning({ id: mailAccounts.id });
  return rows.length;
}

/**
 * The wait before trying again after `failures` health checks in a row failed without a verdict
 * on the login: 1/32 of the interval, doubling each time, never more than the interval.
 */
export function healthBackoffMs(failures: number, intervalMs: number): number {
  return Math.min(intervalMs, (intervalMs / 32) * 2 ** Math.max(0, failures - 1));
}

/** The backoff with ±10% jitter, so that accounts that failed together do not retry together. */
const jitteredBackoffMs = (failures: number, intervalMs: number) =>
  healthBackoffMs(failures, intervalMs) * (1 - RESCHEDULE_JITTER + Math.random() * 2 * RESCHEDULE_JITTER);

/** One interval on from `now`, within ±10%: the slot after a check that came to an end. */
const nextSlot = (now: Date, intervalMs: number) =>
  new Date(now.getTime() + intervalMs * (1 - RESCHEDULE_JITTER + Math.random() * 2 * RESCHEDULE_JITTER));

/**
 * How long a claim holds its accounts: every check of a batch at its whole budget, one after the
 * other as `concurrency` allows, plus slack. A dead instance's claims come due again after this
 * (1 min 45 s with the defaults: 20 a batch, 4 at once, 15 s a check).
 */
export function healthClaimLeaseMs(options: { timeoutMs: number; batchSize: number; concurrency: number }): number {
  const rounds = Math.ceil(options.batchSize / Math.max(1, Math.min(options.concurrency, options.batchSize)));
  return rounds * options.timeoutMs + LEASE_SLACK_MS;
}

/** An account as a claim hands it to the round. */
export interface ClaimedAccount {
  id: string;
  ownerId: string;
  status: MailAccountStatus;
  healthFailures: number;
  lastCheckedAt: Date | null;
  /** When it was due before the claim: where it goes back to when it is given back unchecked. */
  dueAt: Date;
}

/**
 * Claims up to `limit` accounts due at `now` for this instance, leasing them until `leaseUntil`.
 * The subquery's condition is the one the partial index mail_accounts_due_idx is built on
 * (lib/db/schema.ts): keep them the same, term for term.
 */
export async function claimDueAccounts(db: AppDatabase, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedAccount[]> {
  const due = db
    .select({ id: mailAccounts.id, dueAt: sql<Date>`${mailAccounts.nextCheckAt}`.mapWith(mailAccounts.nextCheckAt).as('due_at') })
    .from(mailAccounts)
    .where(claimableAt(now))
    .orderBy(asc(mailAccounts.nextCheckAt))
    .limit(limit)
    .for('update', { skipLocked: true })
    .as('due');
  return db
    .update(mailAccounts)
    .set({ nextCheckAt: leaseUntil })
    .from(due)
    .where(eq(mailAccounts.id, due.id))
    .returning({
      id: mailAccounts.id,
      ownerId: mailAccounts.ownerId,
      status: mailAccounts.status,
      healthFailures: mailAccounts.healthFailures,
      lastCheckedAt: mailAccounts.lastCheckedAt,
      dueAt: due.dueAt,
    });
}

/**
 * Ends this instance's claim of an account: its next slot is `at`. Only while the claim is still
 * this one's (the slot still the lease's end): had the lease run out and another instance
 * claimed the account, that instance's claim stands.
 */
async function rescheduleAccount(db: AppDatabase, accountId: string, leaseUntil: Date, at: Date, healthFailures?: number): Promise<void> {
  await db
    .update(mailAccounts)
    .set({ nextCheckAt: at, ...(healthFailures !== undefined ? { healthFailures } : {}) })
    .where(and(eq(mailAccounts.id, accountId), eq(mailAccounts.nextCheckAt, leaseUntil)));
}

/** Gives claimed accounts back unchecked, in one UPDATE: each is due again when it was before. */
async function releaseClaims(db: AppDatabase, accounts: readonly ClaimedAccount[], leaseUntil: Date): Promise<void> {
  if (accounts.length === 0) return;
  const dueAt = sql.join(
    accounts.map((account) => sql`when ${mailAccounts.id} = ${account.id} then ${account.dueAt.toISOString()}::timestamptz`),
    sql` `,
  );
  await db
    .update(mailAccounts)
    .set({ nextCheckAt: sql`case ${dueAt} end` })
    .where(and(inArray(mailAccounts.id, accounts.map((account) => account.id)), eq(mailAccounts.nextCheckAt, leaseUntil)));
}

/**
 * Runs `run` over `items`, `limit` at a time, until `stopped` aborts: from then on none is
 * started, and the ones not started are handed to `giveBack` at once (not after the ones in
 * flight, which finish), so that another instance can take them while these run.
 */
async function forEachUntilStopped<T>(
  items: readonly T[],
  limit: number,
  stopped: AbortSignal,
  run: (item: T) => Promise<void>,
  giveBack: (rest: T[]) => Promise<void>,
): Promise<void> {
  let next = 0;
  let givenBack: Promise<void> = Promise.resolve();
  const stop = () => {
    const rest = items.slice(next);
    next = items.length;
    if (rest.length > 0) givenBack = giveBack(rest);
  };
  if (stopped.aborted) stop();
  else stopped.addEventListener('abort', stop, { once: true });
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      const item = items[index];
      if (item !== undefined) await run(item);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  } finally {
    stopped.removeEventListener('abort', stop);
  }
  await givenBack;
}

/**
 * One round: checks every account due at `now` that no other instance has claimed. Call it
 * directly in tests and scripts; the scheduler below calls it every poll. `stopSignal` stops it
 * gracefully, `signal` cuts its checks short too (see HealthRoundOptions).
 */
export async function runHealthRound(db: AppDatabase, options: HealthRoundOptions = {}): Promise<HealthRoundSummary> {
  const { now = new Date(), batchSize = DEFAULT_BATCH_SIZE, concurrency = DEFAULT_CONCURRENCY, stopSignal, ...checkOptions } = options;
  const intervalMs = options.intervalMs ?? intervalFromEnv();
  const timeoutMs = checkOptions.timeoutMs ?? env().CHECK_TIMEOUT_MS;
  const leaseMs = healthClaimLeaseMs({ timeoutMs, batchSize, concurrency });
  const stopped = AbortSignal.any([stopSignal, checkOptions.signal].filter((signal) => signal !== undefined));
  const summary: HealthRoundSummary = {
    scheduled: await scheduleNewAccounts(db, now, intervalMs / 1000),
    claimed: 0,
    checked: 0,
    changed: 0,
    refused: 0,
    retrying: 0,
    skipped: 0,
    released: 0,
    errors: 0,
    accountIds: [],
  };

  while (!stopped.aborted) {
    // From the later of the round's time and the clock's: a round's time stays where it began
    // while its batches go on (and tests set it ahead), and a lease must run from its claim.
    const leaseUntil = new Date(Math.max(now.getTime(), Date.now()) + leaseMs);
    const claimed = await claimDueAccounts(db, now, leaseUntil, batchSize);
    if (claimed.length === 0) break;
    summary.claimed += claimed.length;
    summary.accountIds.push(...claimed.map((account) => account.id));
    const giveBack = async (accounts: ClaimedAccount[]) => {
      summary.released += accounts.length;
      await releaseClaims(db, accounts, leaseUntil);
    };
    const late: ClaimedAccount[] = [];
    await forEachUntilStopped(
      claimed,
      concurrency,
      stopped,
      async (account) => {
        // A check started now could outlast the lease, and another instance could take the
        // account meanwhile; it is given back instead (the lease allows for this not to happen).
        if (Date.now() + timeoutMs > leaseUntil.getTime()) {
          late.push(account);
          return;
        }
        try {
          const result = await checkAccountNow(db, account.ownerId, account.id, { ...checkOptions, reason: 'health_check' });
          if (result.status === 'done') {
            if (checkOptions.signal?.aborted && result.account.lastCheckedAt === (account.lastCheckedAt?.toISOString() ?? null)) {
              // Cut short, so nothing was recorded: due again as it was, for another instance.
              await giveBack([account]);
              return;
            }
            summary.checked += 1;
            if (result.account.status !== account.status) summary.changed += 1;
            if (retriesSooner(result.account.lastCheck)) {
              // Failed before any login was judged: try again sooner than the interval, backing off.
              summary.retrying += 1;
              const failures = account.healthFailures + 1;
              await rescheduleAccount(db, account.id, leaseUntil, new Date(now.getTime() + jitteredBackoffMs(failures, intervalMs)), failures);
            } else {
              await rescheduleAccount(db, account.id, leaseUntil, nextSlot(now, intervalMs), 0);
            }
          } else if (result.status === 'refused' && result.reason !== 'paused') {
            // Deferred, not dropped: due again when the limit lifts (never within this round),
            // spread over a few seconds so that the deferred accounts do not all knock at once.
            summary.refused += 1;
            const retryAt = result.retryAt ? new Date(result.retryAt).getTime() : now.getTime() + intervalMs;
            await rescheduleAccount(db, account.id, leaseUntil, new Date(Math.max(retryAt, now.getTime()) + 1_000 + Math.random() * DEFER_SPREAD_MS));
          } else {
            summary.skipped += 1;
            await rescheduleAccount(db, account.id, leaseUntil, nextSlot(now, intervalMs));
          }
        } catch (error) {
          // One account's trouble (a key no longer configured, say) must not stop the others,
          // nor come back before the next interval.
          summary.errors += 1;
          logger('health').error({ err: error, accountId: account.id }, `the check of account ${account.id} failed`);
          // The lease runs out if this fails too: the account is then due again a little early.
          await rescheduleAccount(db, account.id, leaseUntil, nextSlot(now, intervalMs)).catch(() => {});
        }
      },
      giveBack,
    );
    await giveBack(late);
  }
  return summary;
}

export interface HealthRunner {
  /**
   * Stops gracefully and waits for the round in flight to end: claims no more accounts, gives
   * back at once those claimed and not started, and lets the checks in flight finish within their
   * budget; any still running after it (plus slack) is cut short, recording nothing.
   */
  stop(): Promise<void>;
  /** The longest stop() takes: what a server's shutdown must allow it (scripts/serve.mjs). */
  readonly stopWithinMs: number;
}

export interface HealthRunnerOptions extends Omit<HealthRoundOptions, 'now' | 'signal' | 'stopSignal'> {
  /** The database, opened lazily so a failed open is retried at the next poll. */
  database: () => Promise<AppDatabase>;
  /** How often to look for due accounts. Default: HEALTH_CHECK_POLL_SECONDS, or the interval when shorter. */
  pollMs?: number;
}

/** A check's budget bounds it; this covers the database work around it when it stops. */
const STOP_SLACK_MS = 5_000;

/** Runs a round every `pollMs` until stopped. Its timer never keeps the process alive. */
export function startHealthRunner(options: HealthRunnerOptions): HealthRunner {
  const { database, pollMs: pollOption, ...roundOptions } = options;
  const intervalMs = roundOptions.intervalMs ?? intervalFromEnv();
  const pollMs = pollOption ?? Math.min(env().HEALTH_CHECK_POLL_SECONDS * 1000, intervalMs);
  const graceMs = (roundOptions.timeoutMs ?? env().CHECK_TIMEOUT_MS) + STOP_SLACK_MS;
  // Two ways to stop: `stopping` ends the round gracefully, `cutting` cuts its checks short.
  const stopping = new AbortController();
  const cutting = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;

  const schedule = () => {
    if (stopping.signal.aborted) return;
    timer = setTimeout(tick, pollMs);
    timer.unref();
  };
  const tick = () => {
    round = (async () => {
      try {
        const summary = await runHealthRound(await database(), {
          ...roundOptions,
          intervalMs,
          stopSignal: stopping.signal,
          signal: cutting.signal,
        });
        if (summary.claimed > 0) {
          const { accountIds, ...counts } = summary;
          // One line per round: with short intervals (tests) the log is mostly these.
          logger('health').info({ round: counts }, `checked ${accountIds.length} account(s)`);
        }
      } catch (error) {
        logger('health').error({ err: error }, 'a round failed; trying again at the next poll');
      }
    })().finally(() => {
      round = undefined;
      schedule();
    });
  };
  schedule();

  return {
    stopWithinMs: graceMs + STOP_SLACK_MS,
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      const cut = setTimeout(() => cutting.abort(), graceMs);
      cut.unref();
      try {
        await round;
      } finally {
        clearTimeout(cut);
      }
    },
  };
}

// One scheduler per process, kept on globalThis: Next's dev server re-evaluates modules on
// edits, and a second scheduler in the same process would only double the polling.
const RUNNER_KEY = Symbol.for('mailbox-onboarding.health.runner');
type RunnerCache = { [RUNNER_KEY]?: HealthRunner };

/** Starts this process's scheduler (server start-up calls this when HEALTH_CHECKS_ENABLED). */
export function startHealthChecks(): HealthRunner {
  const cache = globalThis as RunnerCache;
  if (!cache[RUNNER_KEY]) {
    const intervalSeconds = intervalFromEnv() / 1000;
    const every = intervalSeconds % 60 === 0 ? `${intervalSeconds / 60} min` : `${intervalSeconds} s`;
    logger('health').info(
      `each mailbox is checked about every ${every}; ` +
        `looking for due ones every ${Math.min(env().HEALTH_CHECK_POLL_SECONDS, intervalSeconds)} s.`,
    );
    cache[RUNNER_KEY] = startHealthRunner({
      database: async () => (await getDatabase()).db,
      intervalMs: intervalFromEnv(),
      concurrency: env().HEALTH_CHECK_CONCURRENCY,
    });
  }
  return cache[RUNNER_KEY];
}

/** Stops this process's scheduler, if it runs. */
export async function stopHealthChecks(): Promise<void> {
  const cache = globalThis as RunnerCache;
  const runner = cache[RUNNER_KEY];
  delete cache[RUNNER_KEY];
  await runner?.stop();
}
