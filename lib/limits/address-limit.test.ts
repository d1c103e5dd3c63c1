import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '@/lib/db/client';
import { requestLimits } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { pruneRequestLimits, takeAddressLimit, takeClientLimits, type LimitDecision } from './address-limit';

// The one counter every per-address limit takes before its work. Each test fires 30 takes at
// once (a script replaying a request), on each database, and on PostgreSQL through two connection
// pools as two app instances would: exactly `max` get through, whatever the interleaving.

const BURST = 30;
const unique = () => randomBytes(4).toString('hex');
const newIp = () => `203.0.113.${randomBytes(1)[0]}`;
const allowed = (decisions: LimitDecision[]) => decisions.filter((d) => d.allowed).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(availableBackends())('takeAddressLimit on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  /** A second pool on the same database: another app instance (PostgreSQL only). */
  let second: OpenedDatabase | undefined;
  const instance = (i: number) => (second && i % 2 === 1 ? second.db : opened.db);

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    if (kind === 'postgres') second = await store.open();
  });
  afterAll(async () => {
    await second?.close();
    await opened.close();
    await store.dispose();
  });

  const burst = (limit: { scope: string; key: string; max: number; windowSeconds: number }) =>
    Promise.all(Array.from({ length: BURST }, (_, i) => takeAddressLimit(instance(i), limit)));

  const rowOf = async (scope: string, key: string) =>
    (await opened.db.select().from(requestLimits).where(and(eq(requestLimits.scope, scope), eq(requestLimits.key, key))))[0];

  it(`lets exactly max of ${BURST} concurrent takes through${kind === 'postgres' ? ', across two instances' : ''}; the rest hear when to come back`, async () => {
    const scope = `test:${unique()}`;
    const key = newIp();
    const decisions = await burst({ scope, key, max: 5, windowSeconds: 600 });
    expect(allowed(decisions)).toBe(5);
    const refused = decisions.filter((d): d is Extract<LimitDecision, { allowed: false }> => !d.allowed);
    expect(refused).toHaveLength(BURST - 5);
    for (const d of refused) {
      expect(d.retryAfterSeconds).toBeGreaterThan(590);
      expect(d.retryAfterSeconds).toBeLessThanOrEqual(600);
    }
    // Refused takes are counted no further than one past the limit.
    expect(await rowOf(scope, key)).toMatchObject({ count: 6 });
    expect((await takeAddressLimit(opened.db, { scope, key, max: 5, windowSeconds: 600 })).allowed).toBe(false);
  });

  it('counts each key and each scope on its own', async () => {
    const scope = `test:${unique()}`;
    const key = newIp();
    await burst({ scope, key, max: 3, windowSeconds: 600 });
    expect((await takeAddressLimit(opened.db, { scope, key, max: 3, windowSeconds: 600 })).allowed).toBe(false);
    expect(allowed(await burst({ scope, key: `${key}0`, max: 3, windowSeconds: 600 }))).toBe(3);
    expect(allowed(await burst({ scope: `${scope}:other`, key, max: 3, windowSeconds: 600 }))).toBe(3);
  });

  it('starts a new window once the old one is over, by the database clock', async () => {
    const scope = `test:${unique()}`;
    const key = newIp();
    const limit = { scope, key, max: 2, windowSeconds: 1 };
    expect(allowed(await burst(limit))).toBe(2);
    const refused = await takeAddressLimit(opened.db, limit);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await sleep(1_100);
    expect(allowed(await burst(limit))).toBe(2);
    expect(await rowOf(scope, key)).toMatchObject({ count: 3 });
  });

  it('prunes the counters whose window is over, and only those', async () => {
    const scope = `test:${unique()}`;
    const ended = newIp();
    const running = `${newIp()}1`;
    await takeAddressLimit(opened.db, { scope, key: ended, max: 1, windowSeconds: 1 });
    await takeAddressLimit(opened.db, { scope, key: running, max: 1, windowSeconds: 600 });
    await sleep(1_100);
    await pruneRequestLimits(opened.db);
    expect(await rowOf(scope, ended)).toBeUndefined();
    expect(await rowOf(scope, running)).toMatchObject({ count: 1 });
    // A window that starts prunes on the way: the ended counter of another limit goes too.
    await takeAddressLimit(opened.db, { scope, key: ended, max: 1, windowSeconds: 1 });
    await sleep(1_100);
    await takeAddressLimit(opened.db, { scope: `${scope}:fresh`, key: newIp(), max: 1, windowSeconds: 600 });
    expect(await rowOf(scope, ended)).toBeUndefined();
    const [{ n }] = (await opened.db.select({ n: sql<number>`count(*)::int` }).from(requestLimits).where(sql`${requestLimits.windowEnd} <= clock_timestamp()`)) as [{ n: number }];
    expect(n).toBe(0);
  });

  describe('takeClientLimits', () => {
    const rule = () => ({ prefix: `test:${unique()}`, max: 4, windowSeconds: 600 });

    it(`refuses one address after the limit (${BURST} at once) while another address is unaffected`, async () => {
      const r = rule();
      const ip = newIp();
      const decisions = await Promise.all(Array.from({ length: BURST }, (_, i) => takeClientLimits(instance(i), r, { address: ip })));
      expect(allowed(decisions)).toBe(4);
      expect((await takeClientLimits(opened.db, r, { address: `198.51.100.${randomBytes(1)[0]}` })).allowed).toBe(true);
    });

    it('counts an IPv6 client by its /64: another address in the same network is the same client', async () => {
      const r = rule();
      const net = `2001:db8:${randomBytes(2).toString('hex')}:1`;
      const decisions = await Promise.all(
        Array.from({ length: BURST }, (_, i) => takeClientLimits(instance(i), r, { address: `${net}::${(i + 1).toString(16)}` })),
      );
      expect(allowed(decisions)).toBe(4);
      expect((await takeClientLimits(opened.db, r, { address: `${net}:ffff::1` })).allowed).toBe(false);
      expect((await takeClientLimits(opened.db, r, { address: `2001:db8:${randomBytes(2).toString('hex')}:2::1` })).allowed).toBe(true);
    });

    it('limits a signed-in user across many addresses, and a refused address takes nothing from the user', async () => {
      const r = rule();
      const userId = `user-${unique()}`;
      const decisions = await Promise.all(
        Array.from({ length: BURST }, (_, i) => takeClientLimits(instance(i), r, { address: `192.0.2.${i + 1}`, userId })),
      );
      expect(allowed(decisions)).toBe(4);
      // Without the session, each of those addresses still has its own allowance.
      expect((await takeClientLimits(opened.db, r, { address: '192.0.2.30' })).allowed).toBe(true);

      const ip = newIp();
      const other = `user-${unique()}`;
      for (let i = 0; i < 4; i++) expect((await takeClientLimits(opened.db, r, { address: ip })).allowed).toBe(true);
      expect((await takeClientLimits(opened.db, r, { address: ip, userId: other })).allowed).toBe(false);
      expect(await rowOf(`${r.prefix}:user`, other)).toBeUndefined();
    });
  });
});
