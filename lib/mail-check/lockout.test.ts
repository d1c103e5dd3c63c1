import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from '@/lib/db/client';
import { checkAttempts, providerPauses } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { checkAllowance, recordCheckAttempt, type CheckAttemptRecord, type LockoutPolicy } from '@/lib/mail-check/lockout';

const MINUTE = 60_000;
const policy: LockoutPolicy = {
  maxFailuresPerMailbox: 5,
  windowMs: 15 * MINUTE,
  providerPauseMs: 30 * MINUTE,
  maxFailuresPerProvider: 30,
};

const T0 = new Date('2030-03-01T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);

// Every test uses its own mailboxes and provider ids, so they share one database without
// seeing each other's rows.
const unique = () => randomBytes(4).toString('hex');
const mailbox = () => `user-${unique()}@163.com`;
const provider = () => `netease-${unique()}`;

function attempt(
  fields: Pick<CheckAttemptRecord, 'address' | 'providerId'> & Partial<CheckAttemptRecord> & { minute: number },
): CheckAttemptRecord {
  const { minute, ...rest } = fields;
  return {
    ok: false,
    imapCode: 'auth_failed',
    smtpCode: null,
    banSignal: false,
    startedAt: at(minute),
    finishedAt: new Date(at(minute).getTime() + 1_500),
    policy,
    ...rest,
  };
}

describe.each(availableBackends())('lockout on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  const db = () => opened.db;

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
  });
  afterAll(async () => {
    await opened.close();
    await store.dispose();
  });

  async function fail(address: string, providerId: string, minutes: number[]) {
    for (const minute of minutes) await recordCheckAttempt(db(), attempt({ address, providerId, minute }));
  }

  it('allows a mailbox with no history', async () => {
    await expect(checkAllowance(db(), { address: mailbox(), providerId: provider(), now: T0, policy })).resolves.toEqual({
      allowed: true,
    });
  });

  it('locks a mailbox after 5 failures until the oldest one leaves the window', async () => {
    const address = mailbox();
    const providerId = provider();
    await fail(address, providerId, [0, 1, 2, 3]);
    expect(await checkAllowance(db(), { address, providerId, now: at(4), policy })).toEqual({ allowed: true });

    await fail(address, providerId, [4]);
    expect(await checkAllowance(db(), { address, providerId, now: at(5), policy })).toEqual({
      allowed: false,
      reason: 'mailbox_locked',
      retryAt: at(15), // the failure at minute 0, plus the 15-minute window
    });
    // Still locked a moment before retryAt, open again at it.
    expect((await checkAllowance(db(), { address, providerId, now: new Date(at(15).getTime() - 1), policy })).allowed).toBe(
      false,
    );
    expect(await checkAllowance(db(), { address, providerId, now: at(15), policy })).toEqual({ allowed: true });
  });

  it('counts the address however it was typed', async () => {
    const address = mailbox();
    const providerId = provider();
    await fail(`  ${address.toUpperCase()} `, providerId, [0, 1, 2, 3, 4]);
    const rows = await db().select({ address: checkAttempts.address }).from(checkAttempts).where(eq(checkAttempts.providerId, providerId));
    expect(new Set(rows.map((row) => row.address))).toEqual(new Set([address]));
    expect(await checkAllowance(db(), { address, providerId, now: at(5), policy })).toMatchObject({
      allowed: false,
      reason: 'mailbox_locked',
    });
  });

  it('keeps a mailbox locked while more than the limit of failures are in the window', async () => {
    // Concurrent checks can push a mailbox past the limit; the lock lifts only once fewer
    // than 5 failures remain in the window, i.e. when the 5th most recent one leaves it.
    const address = mailbox();
    const providerId = provider();
    await fail(address, providerId, [0, 1, 2, 3, 4, 5, 6]);
    expect(await checkAllowance(db(), { address, providerId, now: at(7), policy })).toEqual({
      allowed: false,
      reason: 'mailbox_locked',
      retryAt: at(17),
    });
  });

  it('does not count successful checks', async () => {
    const address = mailbox();
    const providerId = provider();
    await fail(address, providerId, [0, 1, 2, 3]);
    for (const minute of [4, 5, 6]) {
      await recordCheckAttempt(db(), attempt({ address, providerId, minute, ok: true, imapCode: null }));
    }
    expect(await checkAllowance(db(), { address, providerId, now: at(7), policy })).toEqual({ allowed: true });
  });

  it('does not count failures older than the window', async () => {
    const address = mailbox();
    const providerId = provider();
    await fail(address, providerId, [0, 1, 2]); // these fall out of the window by minute 20
    await fail(address, providerId, [16, 17, 18, 19]);
    expect(await checkAllowance(db(), { address, providerId, now: at(20), policy })).toEqual({ allowed: true });
  });

  it('does not count failures that never reached a verdict on the code (e.g. timeouts)', async () => {
    const address = mailbox();
    const providerId = provider();
    const limits = { ...policy, maxFailuresPerProvider: 3 };
    for (const minute of [1, 2, 3, 4, 5, 6]) {
      await recordCheckAttempt(
        db(),
        attempt({ address, providerId, minute, imapCode: 'timeout', countsTowardLimit: false, policy: limits }),
      );
    }
    expect(await checkAllowance(db(), { address, providerId, now: at(7), policy: limits })).toEqual({ allowed: true });
    await fail(address, providerId, [8, 9, 10, 11, 12]);
    expect(await checkAllowance(db(), { address, providerId, now: at(13), policy })).toMatchObject({
      allowed: false,
      reason: 'mailbox_locked',
      retryAt: at(8 + 15),
    });
  });

  it('leaves other mailboxes of the same provider alone', async () => {
    const locked = mailbox();
    const providerId = provider();
    await fail(locked, providerId, [0, 1, 2, 3, 4]);
    expect((await checkAllowance(db(), { address: locked, providerId, now: at(5), policy })).allowed).toBe(false);
    expect(await checkAllowance(db(), { address: mailbox(), providerId, now: at(5), policy })).toEqual({ allowed: true });
  });

  it('pauses the whole provider for the pause time after a ban signal', async () => {
    const providerId = provider();
    const banned = attempt({
      address: mailbox(),
      providerId,
      minute: 0,
      imapCode: null,
      smtpCode: 'ip_banned',
      banSignal: true,
    });
    await recordCheckAttempt(db(), banned);
    const retryAt = new Date(banned.finishedAt.getTime() + 30 * MINUTE);

    for (const address of [mailbox(), mailbox()]) {
      expect(await checkAllowance(db(), { address, providerId, now: at(1), policy })).toEqual({
        allowed: false,
        reason: 'provider_paused',
        retryAt,
      });
    }
    expect(await checkAllowance(db(), { address: mailbox(), providerId, now: retryAt, policy })).toEqual({ allowed: true });
    // Another provider is not affected.
    expect(await checkAllowance(db(), { address: mailbox(), providerId: provider(), now: at(1), policy })).toEqual({
      allowed: true,
    });

    const [pause] = await db().select().from(providerPauses).where(eq(providerPauses.providerId, providerId));
    expect(pause?.reason).toMatch(/^ban_signal/);
    expect(pause?.reason).toContain('smtp ip_banned');
  });

  it('never shortens a longer pause', async () => {
    const providerId = provider();
    await recordCheckAttempt(db(), attempt({ address: mailbox(), providerId, minute: 0, banSignal: true }));
    const long = new Date(at(0).getTime() + 1_500 + 30 * MINUTE);

    // A later ban under a shorter pause would end sooner: the longer pause stays.
    await recordCheckAttempt(
      db(),
      attempt({ address: mailbox(), providerId, minute: 5, banSignal: true, policy: { ...policy, providerPauseMs: 5 * MINUTE } }),
    );
    expect(await checkAllowance(db(), { address: mailbox(), providerId, now: at(11), policy })).toEqual({
      allowed: false,
      reason: 'provider_paused',
      retryAt: long,
    });

    // A ban that ends later extends it.
    await recordCheckAttempt(db(), attempt({ address: mailbox(), providerId, minute: 20, banSignal: true }));
    expect(await checkAllowance(db(), { address: mailbox(), providerId, now: at(21), policy })).toMatchObject({
      retryAt: new Date(at(20).getTime() + 1_500 + 30 * MINUTE),
    });
  });

  it('pauses the provider when too many of its checks fail in the window, across mailboxes', async () => {
    const providerId = provider();
    const strict = { ...policy, maxFailuresPerProvider: 6 };
    // Six different mailboxes, one failure each: no mailbox is locked, but the provider is.
    for (let i = 0; i < 5; i += 1) {
      await recordCheckAttempt(db(), attempt({ address: mailbox(), providerId, minute: i, policy: strict }));
    }
    expect(await checkAllowance(db(), { address: mailbox(), providerId, now: at(5), policy: strict })).toEqual({
      allowed: true,
    });

    const last = attempt({ address: mailbox(), providerId, minute: 5, policy: strict });
    await recordCheckAttempt(db(), last);
    expect(await checkAllowance(db(), { address: mailbox(), providerId, now: at(6), policy: strict })).toEqual({
      allowed: false,
      reason: 'provider_paused',
      retryAt: new Date(last.finishedAt.getTime() + 30 * MINUTE),
    });
    const [pause] = await db().select().from(providerPauses).where(eq(providerPauses.providerId, providerId));
    expect(pause?.reason).toMatch(/^failure_limit: 6 failed checks from 1 users within 15 min/);
  });

  it('does not pause the provider for failures spread beyond the window', async () => {
    const providerId = provider();
    const strict = { ...policy, maxFailuresPerProvider: 3 };
    for (const minute of [0, 20, 40, 60]) {
      await recordCheckAttempt(db(), attempt({ address: mailbox(), providerId, minute, policy: strict }));
    }
    expect(await checkAllowance(db(), { address: mailbox(), providerId, now: at(61), policy: strict })).toEqual({
      allowed: true,
    });
  });

  it('names the block that lasts longer when mailbox and provider are both blocked', async () => {
    const address = mailbox();
    const providerId = provider();
    await fail(address, providerId, [0, 1, 2, 3, 4]); // locked until minute 15
    await recordCheckAttempt(db(), attempt({ address: mailbox(), providerId, minute: 5, banSignal: true })); // paused ~35
    expect(await checkAllowance(db(), { address, providerId, now: at(6), policy })).toMatchObject({
      allowed: false,
      reason: 'provider_paused',
    });

    const lockedLonger = mailbox();
    const shortlyPaused = provider();
    await fail(lockedLonger, shortlyPaused, [0, 1, 2, 3, 4]); // locked until minute 15
    const shortPause = { ...policy, providerPauseMs: 2 * MINUTE };
    await recordCheckAttempt(db(), attempt({ address: mailbox(), providerId: shortlyPaused, minute: 5, banSignal: true, policy: shortPause }));
    expect(await checkAllowance(db(), { address: lockedLonger, providerId: shortlyPaused, now: at(6), policy })).toEqual({
      allowed: false,
      reason: 'mailbox_locked',
      retryAt: at(15),
    });
  });

  it('stores what happened, and nothing secret', async () => {
    const address = mailbox();
    const providerId = provider();
    await recordCheckAttempt(db(), attempt({ address, providerId, minute: 0, smtpCode: 'smtp_not_enabled' }));
    const [row] = await db().select().from(checkAttempts).where(eq(checkAttempts.address, address));
    expect(row).toMatchObject({
      address,
      providerId,
      ok: false,
      imapCode: 'auth_failed',
      smtpCode: 'smtp_not_enabled',
      banSignal: false,
      durationMs: 1_500,
      startedAt: at(0),
    });
    // The columns are the whole record: none of them can hold a code (server texts arrive
    // redacted by the check, and support staff read them).
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        'address', 'banSignal', 'countsTowardLimit', 'durationMs', 'finishedAt', 'id', 'imapCode', 'ok', 'providerId', 'smtpCode', 'startedAt',
        'ownerId', 'imapStage', 'smtpStage', 'imapServerText', 'smtpServerText', 'state', 'leaseUntil', 'kind',
      ].sort(),
    );
  });

  it('keeps who the check was for, where it stopped and the server words, trimmed', async () => {
    const address = mailbox();
    await recordCheckAttempt(db(), {
      ...attempt({ address, providerId: provider(), minute: 0 }),
      ownerId: 'user-1',
      imapStage: 'login',
      imapServerText: `NO ${'x'.repeat(2000)}`,
    });
    const [row] = await db().select().from(checkAttempts).where(eq(checkAttempts.address, address));
    expect(row).toMatchObject({ ownerId: 'user-1', imapStage: 'login', smtpStage: null, smtpServerText: null });
    expect(row?.imapServerText).toHaveLength(500);
  });

  it('keeps locks and pauses when the database is closed and opened again', async () => {
    const address = mailbox();
    const providerId = provider();
    const pausedProvider = provider();
    await fail(address, providerId, [0, 1, 2, 3, 4]);
    await recordCheckAttempt(db(), attempt({ address: mailbox(), providerId: pausedProvider, minute: 0, banSignal: true }));

    await opened.close();
    opened = await store.open();

    expect(await checkAllowance(db(), { address, providerId, now: at(5), policy })).toMatchObject({
      allowed: false,
      reason: 'mailbox_locked',
    });
    expect(await checkAllowance(db(), { address: mailbox(), providerId: pausedProvider, now: at(5), policy })).toMatchObject({
      allowed: false,
      reason: 'provider_paused',
    });
  });

  it.runIf(kind === 'postgres')('records concurrent attempts from two app instances without losing any', async () => {
    const other = await store.open(); // a second pool: another instance on the same database
    try {
      const providerId = provider();
      const address = mailbox();
      const strict = { ...policy, maxFailuresPerProvider: 10 };
      const writes = Array.from({ length: 40 }, (_, i) =>
        recordCheckAttempt(i % 2 === 0 ? db() : other.db, {
          ...attempt({ address, providerId, minute: i / 10, policy: strict }),
          banSignal: i % 4 === 0,
        }),
      );
      await Promise.all(writes);

      const rows = await other.db.select().from(checkAttempts).where(eq(checkAttempts.providerId, providerId));
      expect(rows).toHaveLength(40);
      const pauses = await db().select().from(providerPauses).where(eq(providerPauses.providerId, providerId));
      expect(pauses).toHaveLength(1);
      // Whatever order the upserts landed in, the pause runs at least 30 minutes past the latest
      // ban signal and no further than 30 minutes past the latest attempt.
      const finishes = (rows_: typeof rows) => rows_.map((row) => row.finishedAt?.getTime() ?? Number.NaN);
      const latestBan = Math.max(...finishes(rows.filter((row) => row.banSignal)));
      const latestAttempt = Math.max(...finishes(rows));
      const pausedUntil = pauses[0]?.pausedUntil.getTime() ?? 0;
      expect(pausedUntil).toBeGreaterThanOrEqual(latestBan + 30 * MINUTE);
      expect(pausedUntil).toBeLessThanOrEqual(latestAttempt + 30 * MINUTE);
    } finally {
      await other.close();
    }
  });
});
