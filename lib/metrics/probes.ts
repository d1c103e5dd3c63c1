import 'server-only';
import { sql } from 'drizzle-orm';
import { getDatabase, type DatabaseKind } from '@/lib/db/client';
import { logger } from '@/lib/log/logger.mjs';
import { readinessPhase, type ReadinessPhase } from '@/lib/net/server-context';
import { readDatabaseGauges, setDatabaseGauges } from './database-gauges';
import { appMetrics } from './registry';

// The probes a deployment asks: readiness (/api/ready: send this instance traffic?) and the
// metrics scrape (/metrics). Liveness stays /api/health. Each answers within a few seconds
// whatever the database does: a probe that hangs is read as a dead instance.

/** How long a probe waits for the database before it answers that the database did not. */
export const PROBE_DATABASE_TIMEOUT_MS = 3_000;

class ProbeTimeout extends Error {
  constructor(what: string, ms: number) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'ProbeTimeout';
  }
}

/** `work`, or a ProbeTimeout after `ms` (the work goes on; its outcome is then ignored). */
async function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(what, ms)), ms);
  });
  work.catch(() => {}); // a failure after the timeout must not become an unhandled rejection
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

export type Readiness =
  | { ready: true; phase: 'ready'; database: DatabaseKind }
  | { ready: false; phase: ReadinessPhase; reason: 'starting' | 'stopping' | 'database_opening' | 'database_unavailable' };

/**
 * Whether this instance should be sent requests: started (the database opened and migrated, the
 * start-up work done), not stopping, and its database answering a query now.
 */
export async function checkReadiness(timeoutMs = PROBE_DATABASE_TIMEOUT_MS): Promise<Readiness> {
  const phase = readinessPhase();
  if (phase !== 'ready') return { ready: false, phase, reason: phase === 'stopping' ? 'stopping' : 'starting' };
  let opened;
  try {
    // Opening includes migrating: an instance still migrating is not ready.
    opened = await within(getDatabase(), timeoutMs, 'opening the database');
  } catch (error) {
    logger('probe').warn({ err: error }, 'not ready: the database is not open');
    return { ready: false, phase, reason: error instanceof ProbeTimeout ? 'database_opening' : 'database_unavailable' };
  }
  try {
    await within(opened.db.execute(sql`select 1`), timeoutMs, 'the database');
  } catch (error) {
    logger('probe').warn({ err: error }, 'not ready: the database does not answer');
    return { ready: false, phase, reason: 'database_unavailable' };
  }
  return { ready: true, phase: 'ready', database: opened.kind };
}

/**
 * The metrics in Prometheus' text format: this process's counters, and the shared state read
 * from the database now. When the database does not answer, its gauges are left out and
 * mailbox_metrics_database_up says 0; the process's own metrics are still served.
 */
export async function scrapeMetrics(timeoutMs = PROBE_DATABASE_TIMEOUT_MS): Promise<{ text: string; contentType: string }> {
  const metrics = appMetrics();
  try {
    const { db } = await within(getDatabase(), timeoutMs, 'opening the database');
    setDatabaseGauges(metrics, await within(readDatabaseGauges(db), timeoutMs, 'the database'));
    metrics.databaseUp.set(1);
  } catch (error) {
    for (const gauge of [metrics.providerBudgetUsed, metrics.providerBudgetChecks, metrics.providerPaused, metrics.healthRoundLag, metrics.helpSessions]) gauge.reset();
    metrics.databaseUp.set(0);
    logger('metrics').warn({ err: error }, 'could not read the database for the metrics');
  }
  return { text: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
