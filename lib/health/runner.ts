import 'server-only';
import { and, asc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { checkAccountNow } from '@/lib/accounts/manage';
import type { SealingOptions } from '@/lib/accounts/queries';
import { getDatabase, type AppDatabase } from '@/lib/db/client';
import { mailAccounts, type MailAccountStatus } from '@/lib/db/schema';
import { env, type AppEnv } from '@/lib/env';
import { logger } from '@/lib/log/logger.mjs';
import type { CheckMailboxOptions } from '@/lib/mail-check/check-mailbox';
import { HOLDING_CODES, retriesSooner } from './hold';

// Scheduled health checks: every account that is not paused is checked again about once per
// interval, so that a code revoked in webmail turns it 「异常」 without the user asking. The
// check is the user's "check now" (lib/accounts/manage.ts), so the lockout limits and provider
// pauses hold, and a refused check changes nothing.
//
// Several app instances may share one PostgreSQL database, and each runs this scheduler. A
// round claims due accounts with one UPDATE whose subquery locks them FOR UPDATE SKIP LOCKED
// and moves their next_check_at past the round: a concurrent round skips the locked rows, and
// one that starts later sees them no longer due. So each account is checked once per round by
// exactly one instance, without any instance being "the" runner. (PGlite has one process.)
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

export interface HealthRoundOptions extends CheckMailboxOptions, SealingOptions {
  /** The round's time: accounts due at or before it are checked. Default: now. */
  now?: Date;
  /** Default: HEALTH_CHECK_INTERVAL_SECONDS, or HEALTH_CHECK_INTERVAL_MINUTES. */
  intervalMs?: number;
  /** Accounts claimed at a time; the round claims batches until none is due. */
  batchSize?: number;
  /** Checks running at once within this instance. */
  concurrency?: number;
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
  errors: number;
  /** Ids of the accounts this instance claimed. */
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

/** The SQL form of `isHeldFromBackground`: accounts whose last result has no verdict on the login. */
const notHeld = sql`not coalesce(
  (${mailAccounts.lastCheckResult}->>'ok')::boolean = false and (
    ${mailAccounts.lastCheckResult}->'imap'->>'code' in (${sql.join(HOLDING_CODES.map((code) => sql`${code}`), sql`, `)})
    or ${mailAccounts.lastCheckResult}->'smtp'->>'code' in (${sql.join(HOLDING_CODES.map((code) => sql`${code}`), sql`, `)})
  ), false)`;

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

/** Moves an account's next health check to `at` (sooner after a transient failure, later after a refusal). */
async function rescheduleAccount(db: AppDatabase, accountId: string, at: Date, healthFailures?: number): Promise<void> {
  await db
    .update(mailAccounts)
    .set({ nextCheckAt: at, ...(healthFailures !== undefined ? { healthFailures } : {}) })
    .where(eq(mailAccounts.id, accountId));
}

/** Claims up to `limit` due accounts for this instance, moving each to its next slot. */
export async function claimDueAccounts(
  db: AppDatabase,
  now: Date,
  intervalSeconds: number,
  limit: number,
): Promise<{ id: string; ownerId: string; status: MailAccountStatus; healthFailures: number }[]> {
  const due = db
    .select({ id: mailAccounts.id })
    .from(mailAccounts)
    .where(and(inArray(mailAccounts.status, ['ok', 'failed']), lte(mailAccounts.nextCheckAt, now), notHeld))
    .orderBy(asc(mailAccounts.nextCheckAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(mailAccounts)
    .set({
      nextCheckAt: sql`${now.toISOString()}::timestamptz
        + make_interval(secs => ${intervalSeconds}::double precision * (${1 - RESCHEDULE_JITTER}::double precision + random() * ${2 * RESCHEDULE_JITTER}::double precision))`,
    })
    .where(inArray(mailAccounts.id, due))
    .returning({ id: mailAccounts.id, ownerId: mailAccounts.ownerId, status: mailAccounts.status, healthFailures: mailAccounts.healthFailures });
}

async function forEachWithLimit<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) {
      const item = items[index];
      if (item !== undefined) await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/**
 * One round: checks every account due at `now` that no other instance has claimed. Call it
 * directly in tests and scripts; the scheduler below calls it every poll. Stops claiming when
 * `signal` aborts (checks in flight are cut short and recorded as nothing).
 */
export async function runHealthRound(db: AppDatabase, options: HealthRoundOptions = {}): Promise<HealthRoundSummary> {
  const { now = new Date(), batchSize = DEFAULT_BATCH_SIZE, concurrency = DEFAULT_CONCURRENCY, ...checkOptions } = options;
  const intervalSeconds = (options.intervalMs ?? intervalFromEnv()) / 1000;
  const summary: HealthRoundSummary = {
    scheduled: await scheduleNewAccounts(db, now, intervalSeconds),
    claimed: 0,
    checked: 0,
    changed: 0,
    refused: 0,
    retrying: 0,
    skipped: 0,
    errors: 0,
    accountIds: [],
  };

  while (!checkOptions.signal?.aborted) {
    const claimed = await claimDueAccounts(db, now, intervalSeconds, batchSize);
    if (claimed.length === 0) break;
    summary.claimed += claimed.length;
    summary.accountIds.push(...claimed.map((account) => account.id));
    await forEachWithLimit(claimed, concurrency, async (account) => {
      if (checkOptions.signal?.aborted) return;
      try {
        const result = await checkAccountNow(db, account.ownerId, account.id, { ...checkOptions, reason: 'health_check' });
        if (result.status === 'done') {
          summary.checked += 1;
          if (result.account.status !== account.status) summary.changed += 1;
          const last = result.account.lastCheck;
          if (retriesSooner(last)) {
            // Failed before any login was judged: try again sooner than the interval, backing off.
            summary.retrying += 1;
            const failures = account.healthFailures + 1;
            await rescheduleAccount(db, account.id, new Date(now.getTime() + jitteredBackoffMs(failures, intervalSeconds * 1000)), failures);
          } else if (account.healthFailures !== 0) {
            await rescheduleAccount(db, account.id, new Date(now.getTime() + intervalSeconds * 1000), 0);
          }
        } else if (result.status === 'refused' && result.reason !== 'paused') {
          // Deferred, not dropped: due again when the limit lifts (never within this round),
          // spread over a few seconds so that the deferred accounts do not all knock at once.
          summary.refused += 1;
          const retryAt = result.retryAt ? new Date(result.retryAt).getTime() : now.getTime() + intervalSeconds * 1000;
          await rescheduleAccount(db, account.id, new Date(Math.max(retryAt, now.getTime()) + 1_000 + Math.random() * DEFER_SPREAD_MS));
        } else {
          summary.skipped += 1;
        }
      } catch (error) {
        // One account's trouble (a key no longer configured, say) must not stop the others.
        summary.errors += 1;
        logger('health').error({ err: error, accountId: account.id }, `the check of account ${account.id} failed`);
      }
    });
  }
  return summary;
}

export interface HealthRunner {
  /** Stops scheduling, cuts checks in flight short, and waits for the current round to end. */
  stop(): Promise<void>;
}

export interface HealthRunnerOptions extends Omit<HealthRoundOptions, 'now' | 'signal'> {
  /** The database, opened lazily so a failed open is retried at the next poll. */
  database: () => Promise<AppDatabase>;
  /** How often to look for due accounts. Default: HEALTH_CHECK_POLL_SECONDS, or the interval when shorter. */
  pollMs?: number;
}

/** Runs a round every `pollMs` until stopped. Its timer never keeps the process alive. */
export function startHealthRunner(options: HealthRunnerOptions): HealthRunner {
  const { database, pollMs: pollOption, ...roundOptions } = options;
  const intervalMs = roundOptions.intervalMs ?? intervalFromEnv();
  const pollMs = pollOption ?? Math.min(env().HEALTH_CHECK_POLL_SECONDS * 1000, intervalMs);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> | undefined;

  const schedule = () => {
    if (controller.signal.aborted) return;
    timer = setTimeout(tick, pollMs);
    timer.unref();
  };
  const tick = () => {
    round = (async () => {
      try {
        const summary = await runHealthRound(await database(), { ...roundOptions, intervalMs, signal: controller.signal });
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
    async stop() {
      controller.abort();
      clearTimeout(timer);
      await round;
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
    cache[RUNNER_KEY] = startHealthRunner({ database: async () => (await getDatabase()).db, intervalMs: intervalFromEnv() });
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
