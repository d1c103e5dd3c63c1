import { randomBytes } from 'node:crypto';
import { and, count, gt, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase, OpenedDatabase } from '@/lib/db/client';
import { authUsers, helpSessions } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv } from '@/lib/env';
import { enterHelpCode } from './console';
import {
  endHelpSession,
  HELP_CODE_TTL_MS,
  helpRequestPolicyFrom,
  newBrowserToken,
  requestHelpSession,
  type HelpRequestPolicy,
  type HelpRequestStart,
} from './help-sessions';

// Asking for help is open to anyone, and each request holds a row and the code lock. Limited per
// client address and per signed-in user (taken before the request is made), with a cap on the
// requests waiting for staff (counted under the code lock). Each test fires 30 requests at once,
// on each database, and on PostgreSQL through two pools as two app instances would.

const BURST = 30;
const unique = () => randomBytes(4).toString('hex');
const newIp = () => `203.0.113.${randomBytes(1)[0]}`;
const started = (results: HelpRequestStart[]) => results.filter((r) => r.ok).length;
const refusals = (results: HelpRequestStart[]) => [...new Set(results.flatMap((r) => (r.ok ? [] : [r.refusal.reason])))];

describe('helpRequestPolicyFrom', () => {
  it('defaults to 5 requests per hour per address and 200 waiting, and reads the settings', () => {
    expect(helpRequestPolicyFrom(parseEnv({}))).toEqual({ maxPerHour: 5, maxLive: 200 });
    expect(helpRequestPolicyFrom(parseEnv({ HELP_MAX_REQUESTS_PER_HOUR: '2', HELP_MAX_LIVE_REQUESTS: '9' }))).toEqual({ maxPerHour: 2, maxLive: 9 });
  });
});

describe.each(availableBackends())('help requests on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  /** A second pool on the same database: another app instance (PostgreSQL only). */
  let second: OpenedDatabase | undefined;
  const db = () => opened.db;
  const instance = (i: number): AppDatabase => (second && i % 2 === 1 ? second.db : opened.db);
  const roomy: HelpRequestPolicy = { maxPerHour: 5, maxLive: 100_000 };

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

  const ask = (i: number, clientAddress: string, policy: HelpRequestPolicy, customerId: string | null = null, now?: Date) =>
    requestHelpSession(instance(i), { token: newBrowserToken(), customerId, clientAddress }, policy, now);

  async function newUser(): Promise<string> {
    const id = `user-${unique()}`;
    await db().insert(authUsers).values({ id, name: 'Zhao', email: `${id}@example.com` });
    return id;
  }

  const waiting = async (now = new Date()) =>
    (
      await db()
        .select({ n: count() })
        .from(helpSessions)
        .where(and(isNull(helpSessions.revokedAt), isNull(helpSessions.claimedBy), gt(helpSessions.codeExpiresAt, now)))
    )[0]!.n;

  it(`starts exactly 5 of ${BURST} requests from one address at once; the rest are told when to come back; another address is unaffected`, async () => {
    const ip = newIp();
    const before = await waiting();
    const results = await Promise.all(Array.from({ length: BURST }, (_, i) => ask(i, ip, roomy)));
    expect(started(results)).toBe(5);
    expect(refusals(results)).toEqual(['rate_limited']);
    for (const r of results) {
      if (!r.ok && r.refusal.reason === 'rate_limited') {
        expect(r.refusal.retryAfterSeconds).toBeGreaterThan(3500);
        expect(r.refusal.retryAfterSeconds).toBeLessThanOrEqual(3600);
      }
    }
    // Only the started ones hold a row.
    expect(await waiting()).toBe(before + 5);
    expect((await ask(0, ip, roomy)).ok).toBe(false);

    const elsewhere = await ask(1, `198.51.100.${randomBytes(1)[0]}`, roomy);
    expect(elsewhere.ok).toBe(true);
  });

  it('counts an IPv6 client by its /64', async () => {
    const net = `2001:db8:${randomBytes(2).toString('hex')}:5`;
    const results = await Promise.all(Array.from({ length: BURST }, (_, i) => ask(i, `${net}::${(i + 1).toString(16)}`, roomy)));
    expect(started(results)).toBe(5);
  });

  it('limits a signed-in customer across many addresses', async () => {
    const customerId = await newUser();
    const results = await Promise.all(Array.from({ length: BURST }, (_, i) => ask(i, `192.0.2.${i + 1}`, roomy, customerId)));
    expect(started(results)).toBe(5);
    expect(refusals(results)).toEqual(['rate_limited']);
    // Signed out, those addresses still have their own allowance.
    expect((await ask(0, '192.0.2.30', roomy)).ok).toBe(true);
  });

  it(`refuses new requests while the cap of waiting ones is reached (${BURST} at once from ${BURST} addresses)`, async () => {
    const room = 7;
    const policy: HelpRequestPolicy = { maxPerHour: 1000, maxLive: (await waiting()) + room };
    const results = await Promise.all(Array.from({ length: BURST }, (_, i) => ask(i, `198.18.${i}.${randomBytes(1)[0]}`, policy)));
    expect(started(results)).toBe(room);
    expect(refusals(results)).toEqual(['busy']);
    expect(await waiting()).toBe(policy.maxLive);
    expect((await ask(0, newIp(), policy)).ok).toBe(false);

    // A request that ends, or whose code staff entered, no longer waits: room for one more each.
    const mine = results.filter((r): r is Extract<HelpRequestStart, { ok: true }> => r.ok);
    const token = newBrowserToken();
    const own = await requestHelpSession(db(), { token, customerId: null, clientAddress: newIp() }, { ...policy, maxLive: policy.maxLive + 1 });
    expect(own.ok).toBe(true);
    expect(await endHelpSession(db(), token)).toBe(true);
    const staffId = await newUser();
    const claimed = await enterHelpCode(db(), { id: staffId, email: `${staffId}@example.com` }, mine[0]!.session.code);
    expect(claimed.ok).toBe(true);
    expect((await ask(0, newIp(), policy)).ok).toBe(true);
    expect((await ask(1, newIp(), policy)).ok).toBe(false);

    // Codes that ran out no longer wait either.
    const later = new Date(Date.now() + HELP_CODE_TTL_MS + 60_000);
    expect((await ask(0, newIp(), policy, null, later)).ok).toBe(true);
  });
});
