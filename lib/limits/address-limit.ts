import 'server-only';
import { lte, sql } from 'drizzle-orm';
import type { AppDatabase } from '@/lib/db/client';
import { requestLimits } from '@/lib/db/schema';
import { addressLimitKey } from '@/lib/net/client';

// Request limits per client address (and per signed-in user): sign-in and sign-up attempts, help
// requests, MX lookups. A limit that is read before the work and recorded after it is no limit:
// thirty requests at once would all read "allowed". So each request *takes* its place first, in
// one INSERT ... ON CONFLICT DO UPDATE that restarts the window when it has ended and otherwise
// adds one, under the row's lock, and the work runs only when the count it got back is within
// the limit. Thirty concurrent takes on any number of instances let exactly `max` through.
//
// The windows are timed by the database's clock (clock_timestamp()), not the instances' own, so
// two instances whose clocks disagree still count one window.

export interface RequestLimitRule {
  /** Which limit, e.g. 'help_request:address'; each scope counts on its own. */
  scope: string;
  /** Requests let through per window. */
  max: number;
  windowSeconds: number;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes one request under `key` for the limit `scope`, or refuses it when `max` have been taken in
 * the current window. Call before the work; a refused request is counted too (up to max + 1), so
 * hammering does not help, but it never lengthens the window.
 */
export async function takeAddressLimit(
  db: AppDatabase,
  limit: RequestLimitRule & { key: string },
): Promise<LimitDecision> {
  const t = requestLimits;
  const windowLength = sql`make_interval(secs => ${limit.windowSeconds}::float8)`;
  // The proposed row's start is the statement's one reading of the clock: comparing against it
  // (rather than calling clock_timestamp() again) keeps the decision and the new window in step.
  const windowOver = sql`${t.windowEnd} <= excluded.window_start`;
  const [taken] = await db
    .insert(t)
    .values({
      scope: limit.scope,
      key: limit.key,
      count: 1,
      windowStart: sql`clock_timestamp()`,
      windowEnd: sql`clock_timestamp() + ${windowLength}`,
    })
    .onConflictDoUpdate({
      target: [t.scope, t.key],
      set: {
        count: sql`case when ${windowOver} then 1 else least(${t.count} + 1, ${limit.max + 1}::int) end`,
        windowStart: sql`case when ${windowOver} then excluded.window_start else ${t.windowStart} end`,
        windowEnd: sql`case when ${windowOver} then excluded.window_end else ${t.windowEnd} end`,
      },
    })
    .returning({
      count: t.count,
      secondsLeft: sql<number>`ceil(extract(epoch from ${t.windowEnd} - clock_timestamp()))::int`,
    });
  if (!taken) throw new Error('takeAddressLimit: the upsert returned no row');
  // The first request of a window: a good moment to drop the windows that are over everywhere.
  if (taken.count === 1) await pruneRequestLimits(db);
  if (taken.count <= limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Number(taken.secondsLeft)) };
}

/** Who a request comes from: the client address as the server decided it, and the signed-in user if any. */
export interface RequestClient {
  address: string;
  userId?: string | null;
}

/**
 * Takes one request for the client's address (IPv6 by its /64, lib/net/client.ts) under
 * `<prefix>:address`, then, for a signed-in user, one under `<prefix>:user`, each `max` per window.
 * The user's limit stops one person spread over many addresses. A request the address limit
 * refuses takes nothing from the user's.
 */
export async function takeClientLimits(
  db: AppDatabase,
  rule: { prefix: string; max: number; windowSeconds: number },
  client: RequestClient,
): Promise<LimitDecision> {
  const { prefix, max, windowSeconds } = rule;
  const byAddress = await takeAddressLimit(db, { scope: `${prefix}:address`, key: addressLimitKey(client.address), max, windowSeconds });
  if (!byAddress.allowed || !client.userId) return byAddress;
  return takeAddressLimit(db, { scope: `${prefix}:user`, key: client.userId, max, windowSeconds });
}

/** Deletes the counters whose window is over: the next request starts afresh without them. */
export async function pruneRequestLimits(db: AppDatabase): Promise<void> {
  await db.delete(requestLimits).where(lte(requestLimits.windowEnd, sql`clock_timestamp()`));
}
