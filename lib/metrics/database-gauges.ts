import 'server-only';
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { checkAttempts, helpSessions, mailAccounts, providerPauses } from '@/lib/db/schema';
import { claimableAt } from '@/lib/health/claimable';
import { budgetedChecks, lockoutPolicyFromEnv, type LockoutPolicy } from '@/lib/mail-check/lockout';
import { PRACTICE_PROVIDER_ID } from '@/lib/practice/provider';
import { getProvider, PROVIDERS } from '@/lib/providers/registry';
import type { AppMetrics } from './registry';

// What /metrics reads from the database when it is scraped: state every instance shares. Each
// query is one indexed look-up (or a count over a small table), so a scrape every 15 s costs
// the database nothing worth measuring. Times are the database's clock, as the limits use it.

/** The providers with a budget: every provider but manual setup, whose id covers every typed server. */
function budgetedProviderIds(): string[] {
  return [...PROVIDERS.map((provider) => provider.id), PRACTICE_PROVIDER_ID];
}

/**
 * Refused logins one wrong code costs at the provider (lib/mail-check/check-mailbox.ts): the IMAP
 * login, a second IMAP login name where there is one (iCloud), SMTP's AUTH where it still runs
 * after an IMAP refusal (QQ). The budget counts logins, so it allows that many times fewer checks.
 */
function loginsPerWrongCode(providerId: string): number {
  const provider = getProvider(providerId);
  if (!provider) return 1;
  return 1 + (provider.usernameForm.imapFallback !== undefined ? 1 : 0) + (provider.smtpLoginAfterImapRefusal ? 1 : 0);
}

/** The limit checkAllowance (lib/mail-check/lockout.ts) compares the failures with. */
export function budgetChecks(policy: LockoutPolicy, providerId: string, kind: 'any' | 'health'): number | undefined {
  return budgetedChecks(policy, kind, loginsPerWrongCode(providerId));
}

export interface DatabaseGauges {
  /** Counted failures in the window, per budgeted provider (0 for one with none). */
  budgetUsed: Map<string, number>;
  pausedProviders: Set<string>;
  /** Seconds the oldest due, unheld account has waited; 0 when none is due. */
  healthRoundLagSeconds: number;
  helpSessions: { waiting: number; followed: number };
}

/** Reads the shared state the gauges show, one query after the other (PGlite has one connection). */
export async function readDatabaseGauges(db: AppDatabase, policy: LockoutPolicy = lockoutPolicyFromEnv()): Promise<DatabaseGauges> {
  const providers = budgetedProviderIds();
  const windowStart = sql`now() - make_interval(secs => ${policy.windowMs / 1000}::double precision)`;
  // As checkAllowance counts them: failed, counting toward the limits, started within the window.
  // The (provider_id, started_at) index serves each provider's range.
  const used = await db
    .select({ providerId: checkAttempts.providerId, n: count() })
    .from(checkAttempts)
    .where(
      and(
        inArray(checkAttempts.providerId, providers),
        gt(checkAttempts.startedAt, windowStart),
        eq(checkAttempts.ok, false),
        eq(checkAttempts.countsTowardLimit, true),
      ),
    )
    .groupBy(checkAttempts.providerId);
  const paused = await db
    .select({ providerId: providerPauses.providerId })
    .from(providerPauses)
    .where(gt(providerPauses.pausedUntil, sql`now()`));
  // The oldest account the health runner would claim now (its claim's own filter), found through
  // the next_check_at index.
  const [oldest] = await db
    .select({ lagSeconds: sql<number>`extract(epoch from (now() - ${mailAccounts.nextCheckAt}))::double precision` })
    .from(mailAccounts)
    .where(claimableAt(sql`now()`))
    .orderBy(asc(mailAccounts.nextCheckAt))
    .limit(1);
  const live = and(isNull(helpSessions.revokedAt), gt(helpSessions.endsAt, sql`now()`));
  const [waiting] = await db
    .select({ n: count() })
    .from(helpSessions)
    .where(and(live, isNull(helpSessions.claimedBy), gt(helpSessions.codeExpiresAt, sql`now()`)));
  const [followed] = await db
    .select({ n: count() })
    .from(helpSessions)
    .where(and(live, isNotNull(helpSessions.claimedBy)));

  const budgetUsed = new Map(providers.map((id) => [id, 0]));
  for (const row of used) budgetUsed.set(row.providerId, Number(row.n));
  return {
    budgetUsed,
    pausedProviders: new Set(paused.map((row) => row.providerId)),
    healthRoundLagSeconds: Math.max(0, Number(oldest?.lagSeconds ?? 0)),
    helpSessions: { waiting: Number(waiting?.n ?? 0), followed: Number(followed?.n ?? 0) },
  };
}

/** Sets the database gauges from `gauges` (a scrape's reading). */
export function setDatabaseGauges(metrics: AppMetrics, gauges: DatabaseGauges, policy: LockoutPolicy = lockoutPolicyFromEnv()): void {
  metrics.providerBudgetUsed.reset();
  metrics.providerBudgetChecks.reset();
  metrics.providerPaused.reset();
  for (const [provider, used] of gauges.budgetUsed) {
    metrics.providerBudgetUsed.set({ provider }, used);
    for (const kind of ['any', 'health'] as const) {
      const checks = budgetChecks(policy, provider, kind);
      if (checks !== undefined) metrics.providerBudgetChecks.set({ provider, kind }, checks);
    }
    metrics.providerPaused.set({ provider }, gauges.pausedProviders.has(provider) ? 1 : 0);
  }
  metrics.healthRoundLag.set(gauges.healthRoundLagSeconds);
  metrics.helpSessions.set({ state: 'waiting' }, gauges.helpSessions.waiting);
  metrics.helpSessions.set({ state: 'followed' }, gauges.helpSessions.followed);
}
