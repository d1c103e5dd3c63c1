import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '@/lib/db/client';
import { authUsers, checkAttempts, mailAccounts, providerPauses } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import {
  completeCheck,
  releaseCheck,
  reserveCheck,
  type CheckOutcome,
  type LockoutPolicy,
  type Reservation,
  type ReserveOptions,
} from '@/lib/mail-check/lockout';

// The limits taken before a check dials. Each test fires 30 reservations at once (the attack
// the issue describes: a script replaying the check action), on each database, and on
// PostgreSQL also through two connection pools as two app instances would: exactly as many
// get through as the limit allows.

const MINUTE = 60_000;
const BURST = 30;
const LEASE_MS = 45_000;
const policy: LockoutPolicy = {
  maxFailuresPerMailbox: 5,
  windowMs: 15 * MINUTE,
  providerPauseMs: 30 * MINUTE,
  maxFailuresPerProvider: 20,
  minUsersForPause: 3,
  maxFailuresPerOwner: 15,
  providerLoginBudget: 30,
  healthBudgetShare: 0.5,
};

const unique = () => randomBytes(4).toString('hex');
const mailbox = () => `user-${unique()}@163.com`;
const provider = () => `netease-${unique()}`;
const T0 = new Date('2031-05-01T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

const wrongCode = (finishedAt: Date): CheckOutcome => ({
  ok: false,
  imapCode: 'auth_failed',
  smtpCode: null,
  banSignal: false,
  countsTowardLimit: true,
  finishedAt,
  policy,
});
const passed = (finishedAt: Date): CheckOutcome => ({ ok: true, imapCode: null, smtpCode: null, banSignal: false, finishedAt, policy });

const granted = (results: Reservation[]) => results.filter((r) => r.ok);
const reasons = (results: Reservation[]) => [...new Set(results.flatMap((r) => (r.ok ? [] : [r.reason])))].sort();

describe.each(availableBackends())('check reservations on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  /** A second pool on the same database: another app instance (PostgreSQL only). */
  let second: OpenedDatabase | undefined;
  const db = () => opened.db;
  /** Alternates the two instances where there are two. */
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

  const base = (fields: Partial<ReserveOptions> & Pick<ReserveOptions, 'address' | 'providerId'>): ReserveOptions => ({
    ownerId: `owner-${unique()}`,
    policy,
    leaseMs: LEASE_MS,
    now: at(0),
    ...fields,
  });

  const burst = (make: (i: number) => ReserveOptions) =>
    Promise.all(Array.from({ length: BURST }, (_, i) => reserveCheck(instance(i), make(i))));

  it(`lets one of ${BURST} simultaneous checks of one mailbox through; the others hear that it is running`, async () => {
    const address = mailbox();
    const providerId = provider();
    const ownerId = `owner-${unique()}`;
    const results = await burst(() => base({ address, providerId, ownerId }));
    expect(granted(results)).toHaveLength(1);
    expect(reasons(results)).toEqual(['check_running']);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.retryAt.getTime()).toBe(at(0).getTime() + LEASE_MS);

    // Completed, the mailbox may be checked again; the pending row became the outcome.
    const first = granted(results)[0];
    if (!first?.ok) throw new Error('unreachable');
    await completeCheck(db(), first.reservation, wrongCode(at(0.1)));
    const rows = await db().select().from(checkAttempts).where(eq(checkAttempts.address, address));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'done', ok: false, countsTowardLimit: true, leaseUntil: null, imapCode: 'auth_failed' });
    expect((await reserveCheck(db(), base({ address, providerId, ownerId, now: at(1) }))).ok).toBe(true);
  });

  it('holds the mailbox limit against bursts: never more than five wrong-code checks, from one user or two', async () => {
    const address = mailbox();
    const providerId = provider();
    const users = [`owner-${unique()}`, `owner-${unique()}`];
    let dialled = 0;
    // Ten bursts in a row, each completing what got through with a wrong code.
    for (let round = 0; round < 10; round += 1) {
      const results = await burst((i) => base({ address, providerId, ownerId: users[i % 2], now: at(round * 0.5) }));
      for (const result of granted(results)) {
        if (!result.ok) continue;
        dialled += 1;
        await completeCheck(instance(round), result.reservation, wrongCode(at(round * 0.5 + 0.1)));
      }
    }
    expect(dialled).toBe(policy.maxFailuresPerMailbox);
    const locked = await reserveCheck(db(), base({ address, providerId, now: at(6) }));
    expect(locked).toMatchObject({ ok: false, reason: 'mailbox_locked', retryAt: new Date(at(0).getTime() + policy.windowMs) });
  });

  it('caps the checks one user has in flight, and their failures across mailboxes', async () => {
    const providerId = provider();
    const ownerId = `owner-${unique()}`;
    const inFlight = await burst(() => base({ address: mailbox(), providerId, ownerId }));
    expect(granted(inFlight)).toHaveLength(3);
    expect(reasons(inFlight)).toEqual(['too_many_running']);

    // With a high in-flight cap, pending checks count as failures: the per-user limit holds.
    const spender = `owner-${unique()}`;
    const loose = { ...policy, maxChecksInFlightPerOwner: 100 };
    const spread = await burst(() => base({ address: mailbox(), providerId, ownerId: spender, policy: loose }));
    expect(granted(spread)).toHaveLength(15);
    expect(reasons(spread)).toEqual(['account_limited']);
  });

  it("spends the provider's budget at most once, and health checks only their share", async () => {
    const providerId = provider();
    const small = { ...policy, providerLoginBudget: 10 };
    const health = await burst(() => base({ address: mailbox(), providerId, policy: small, kind: 'health' }));
    expect(granted(health)).toHaveLength(5);
    expect(reasons(health)).toEqual(['provider_busy']);
    const wizard = await burst(() => base({ address: mailbox(), providerId, policy: small, kind: 'wizard' }));
    expect(granted(wizard)).toHaveLength(5);
    expect(reasons(wizard)).toEqual(['provider_busy']);
    // Checks that pass give their place back.
    for (const result of [...granted(health), ...granted(wizard)]) {
      if (result.ok) await completeCheck(db(), result.reservation, passed(at(0.2)));
    }
    expect(granted(await burst(() => base({ address: mailbox(), providerId, policy: small, now: at(1) })))).toHaveLength(10);
  });

  it('counts the budget in refused logins: where a wrong code costs two (iCloud, QQ), half as many checks', async () => {
    const providerId = provider();
    const small = { ...policy, providerLoginBudget: 10 };
    const results = await burst(() => base({ address: mailbox(), providerId, policy: small, loginsPerCheck: 2 }));
    expect(granted(results)).toHaveLength(5);
    expect(reasons(results)).toEqual(['provider_busy']);
  });

  it('limits failed manual checks per user under a burst, timeouts included', async () => {
    const ownerId = `owner-${unique()}`;
    const loose = { ...policy, maxChecksInFlightPerOwner: 100, maxFailuresPerOwner: 100 };
    const results = await burst(() =>
      base({ address: mailbox(), providerId: 'manual', ownerId, manualOwnerId: ownerId, providerBudget: false, policy: loose }),
    );
    expect(granted(results)).toHaveLength(10);
    expect(reasons(results)).toEqual(['manual_limited']);
  });

  it('never locks a saved mailbox out for its owner because of other users’ failures', async () => {
    const owner = `owner-${unique()}`;
    const address = mailbox();
    const providerId = provider();
    await db().insert(authUsers).values({ id: owner, name: 'Qian', email: `${owner}@example.com` });
    await db().insert(mailAccounts).values({
      ownerId: owner,
      address,
      providerId,
      domain: '163.com',
      imapHost: 'imap.163.com',
      imapPort: 993,
      imapTls: 'implicit',
      smtpHost: 'smtp.163.com',
      smtpPort: 465,
      smtpTls: 'implicit',
      status: 'ok',
      sealedCode: Buffer.from('not a real sealed code'),
      codeKeyId: 'k1',
    });
    for (let i = 0; i < 5; i += 1) {
      const other = await reserveCheck(db(), base({ address, providerId, now: at(i * 0.1) }));
      if (!other.ok) throw new Error(`reservation ${i} refused: ${other.reason}`);
      await completeCheck(db(), other.reservation, wrongCode(at(i * 0.1 + 0.05)));
    }
    expect(await reserveCheck(db(), base({ address, providerId, now: at(1) }))).toMatchObject({ ok: false, reason: 'mailbox_locked' });
    const mine = await reserveCheck(db(), base({ address, providerId, ownerId: owner, now: at(1) }));
    expect(mine.ok).toBe(true);
  });

  it('pauses a provider for failures from several users, never for one user’s alone', async () => {
    const providerId = provider();
    const loose = { ...policy, maxFailuresPerOwner: 100, maxFailuresPerMailbox: 100, maxChecksInFlightPerOwner: 100, providerLoginBudget: 100 };
    const fail = async (ownerId: string, n: number) => {
      for (let i = 0; i < n; i += 1) {
        const r = await reserveCheck(db(), base({ address: mailbox(), providerId, ownerId, policy: loose, now: at(i * 0.01) }));
        if (!r.ok) throw new Error(`refused: ${r.reason}`);
        await completeCheck(db(), r.reservation, { ...wrongCode(at(1)), policy: loose });
      }
    };
    const paused = async () => (await db().select().from(providerPauses).where(eq(providerPauses.providerId, providerId))).length > 0;
    await fail('lone-script', 25);
    expect(await paused()).toBe(false);
    await fail(`owner-${unique()}`, 1);
    expect(await paused()).toBe(false);
    await fail(`owner-${unique()}`, 1);
    expect(await paused()).toBe(true);
  });

  it('closes a check whose instance died as a failure once its lease runs out, and gives back one that never dialled', async () => {
    const address = mailbox();
    const providerId = provider();
    const ownerId = `owner-${unique()}`;
    const first = await reserveCheck(db(), base({ address, providerId, ownerId }));
    expect(first.ok).toBe(true);
    expect(await reserveCheck(db(), base({ address, providerId, ownerId, now: new Date(at(0).getTime() + LEASE_MS - 1) }))).toMatchObject({
      ok: false,
      reason: 'check_running',
    });
    const after = await reserveCheck(db(), base({ address, providerId, ownerId, now: new Date(at(0).getTime() + LEASE_MS) }));
    if (!after.ok) throw new Error(`refused: ${after.reason}`);
    const rows = await db()
      .select()
      .from(checkAttempts)
      .where(and(eq(checkAttempts.address, address), eq(checkAttempts.state, 'done')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ ok: false, countsTowardLimit: true, finishedAt: new Date(at(0).getTime() + LEASE_MS) });

    await releaseCheck(db(), after.reservation);
    const left = await db().select().from(checkAttempts).where(eq(checkAttempts.address, address));
    expect(left).toHaveLength(1);
  });
});
