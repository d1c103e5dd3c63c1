import { randomBytes } from 'node:crypto';
import { eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy } from '@/tools/peers/delay-proxy';
import { startNeteaseImap, type NeteaseImapServer } from '@/tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { connectMailboxForOwner } from '@/lib/accounts/connect-mailbox';
import { checkAccountNow, getAccountView, pauseAccount } from '@/lib/accounts/manage';
import { listMailAccounts } from '@/lib/accounts/queries';
import { createKeyring } from '@/lib/accounts/seal';
import type { AppDatabase, OpenedDatabase } from '@/lib/db/client';
import { accountStatusEvents, authUsers, checkAttempts, mailAccounts, providerPauses } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv } from '@/lib/env';
import type { LockoutPolicy } from '@/lib/mail-check/lockout';
import { claimDueAccounts, healthCheckIntervalMs, healthClaimLeaseMs, runHealthRound, startHealthRunner, type HealthRoundOptions } from './runner';

// Scheduled health checks against the NetEase simulators on a real database: a code revoked at
// the server turns the account 「异常」 at the next round and a fixed one turns it back, paused
// accounts and provider pauses are respected, and two instances sharing one database check
// each due account exactly once per round.

const CODE = 'PoIuYtReWqLkJhGf';
const HOUR_MS = 3_600_000;
const INTERVAL_MS = 6 * HOUR_MS;
const policy: LockoutPolicy = { maxFailuresPerMailbox: 1000, windowMs: 60_000, providerPauseMs: 60_000, maxFailuresPerProvider: 1000, maxChecksInFlightPerOwner: 100 };

describe('health check settings', () => {
  it('are on by default, every 6 hours', () => {
    expect(parseEnv({})).toMatchObject({ HEALTH_CHECKS_ENABLED: true, HEALTH_CHECK_INTERVAL_MINUTES: 360, HEALTH_CHECK_POLL_SECONDS: 60 });
  });

  it('can be turned off and given another interval; nonsense stops the start', () => {
    expect(parseEnv({ HEALTH_CHECKS_ENABLED: '0', HEALTH_CHECK_INTERVAL_MINUTES: '30' })).toMatchObject({
      HEALTH_CHECKS_ENABLED: false,
      HEALTH_CHECK_INTERVAL_MINUTES: 30,
    });
    expect(parseEnv({ HEALTH_CHECKS_ENABLED: 'false' }).HEALTH_CHECKS_ENABLED).toBe(false);
    expect(parseEnv({ HEALTH_CHECKS_ENABLED: '1' }).HEALTH_CHECKS_ENABLED).toBe(true);
    expect(() => parseEnv({ HEALTH_CHECKS_ENABLED: 'sometimes' })).toThrow(/HEALTH_CHECKS_ENABLED/);
    expect(() => parseEnv({ HEALTH_CHECK_INTERVAL_MINUTES: '0' })).toThrow(/HEALTH_CHECK_INTERVAL_MINUTES/);
  });

  it('take the interval in seconds over the minutes when both are given (sub-minute rounds for tests)', () => {
    expect(healthCheckIntervalMs(parseEnv({}))).toBe(INTERVAL_MS);
    expect(healthCheckIntervalMs(parseEnv({ HEALTH_CHECK_INTERVAL_MINUTES: '30' }))).toBe(30 * 60_000);
    expect(healthCheckIntervalMs(parseEnv({ HEALTH_CHECK_INTERVAL_MINUTES: '30', HEALTH_CHECK_INTERVAL_SECONDS: '10' }))).toBe(10_000);
    expect(() => parseEnv({ HEALTH_CHECK_INTERVAL_SECONDS: '0' })).toThrow(/HEALTH_CHECK_INTERVAL_SECONDS/);
    expect(() => parseEnv({ HEALTH_CHECK_INTERVAL_SECONDS: '2.5' })).toThrow(/HEALTH_CHECK_INTERVAL_SECONDS/);
  });
});

describe.each(availableBackends())('health checks on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let db: AppDatabase;
  let imap: NeteaseImapServer;
  let smtp: NeteaseSmtpServer;
  let roundOptions: HealthRoundOptions;
  const keyring = createKeyring([{ id: 'test', key: randomBytes(32) }]);
  const owner = `user-${randomBytes(4).toString('hex')}`;
  let serial = 0;
  // Each round of a test is a full interval after the last, so every active account is due.
  let clock = Date.now();
  const nextRound = () => new Date((clock += INTERVAL_MS + HOUR_MS));

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    db = opened.db;
    await db.insert(authUsers).values({ id: owner, name: 'Zhao', email: `${owner}@example.com` });
    imap = await startNeteaseImap({ users: {}, idRule: 'after-login' });
    smtp = await startNeteaseSmtp({ users: {} });
    const overrides = parseEnv({
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '126.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` } }),
    }).MAIL_ENDPOINT_OVERRIDES!;
    roundOptions = { overrides, policy, keyring, timeoutMs: 10_000, intervalMs: INTERVAL_MS };
  });
  afterAll(async () => {
    await Promise.all([imap?.stop(), smtp?.stop()]);
    await opened?.close();
    await store?.dispose();
  });

  const setPeerCode = (address: string, code: string) => {
    imap.setCode(address, code);
    smtp.setCode(address, code);
  };

  async function connect(): Promise<{ id: string; address: string }> {
    const address = `health${++serial}-${randomBytes(3).toString('hex')}@126.com`;
    setPeerCode(address, CODE);
    const result = await connectMailboxForOwner(db, owner, { address, code: CODE }, roundOptions);
    expect(result).toMatchObject({ ok: true, data: { saved: true } });
    const account = (await listMailAccounts(db, owner)).find((a) => a.address === address);
    if (!account) throw new Error('the account was not saved');
    return { id: account.id, address };
  }

  /** Check attempts per address, as the lockout records them: one per check that ran. */
  async function attemptsByAddress(addresses: string[], on: AppDatabase = db): Promise<Record<string, number>> {
    const rows = await on
      .select({ address: checkAttempts.address, n: sql<number>`count(*)`.mapWith(Number) })
      .from(checkAttempts)
      .where(inArray(checkAttempts.address, addresses))
      .groupBy(checkAttempts.address);
    return Object.fromEntries(addresses.map((a) => [a, rows.find((r) => r.address === a)?.n ?? 0]));
  }

  it('turns a code revoked at the server 「异常」 at the next round, and a fixed one back, recording each change', async () => {
    const { id, address } = await connect();

    const first = await runHealthRound(db, { ...roundOptions, now: nextRound() });
    expect(first.accountIds).toContain(id);
    expect(first.errors).toBe(0);
    expect(await getAccountView(db, owner, id)).toMatchObject({ status: 'ok', history: [{ reason: 'created' }] });

    imap.removeUser(address);
    smtp.removeUser(address);
    const second = await runHealthRound(db, { ...roundOptions, now: nextRound() });
    expect(second.changed).toBeGreaterThanOrEqual(1);
    expect(await getAccountView(db, owner, id)).toMatchObject({
      status: 'failed',
      diagnosis: { code: 'auth_failed' },
      history: [{ from: 'ok', to: 'failed', reason: 'health_check', failureCode: 'auth_failed', at: expect.any(String) }, { reason: 'created' }],
    });

    // Refused on the login: held from background checks until the owner acts, however many
    // rounds pass (the same code would only be refused again).
    expect(await getAccountView(db, owner, id)).toMatchObject({ heldFromBackground: true });
    setPeerCode(address, CODE);
    const held = await attemptsByAddress([address]);
    for (let i = 0; i < 3; i += 1) {
      expect((await runHealthRound(db, { ...roundOptions, now: nextRound() })).accountIds).not.toContain(id);
    }
    expect(await attemptsByAddress([address])).toEqual(held);

    // The owner checks by hand: it passes, and background checks resume.
    expect(await checkAccountNow(db, owner, id, roundOptions)).toMatchObject({ status: 'done', account: { status: 'ok', heldFromBackground: false } });
    expect((await runHealthRound(db, { ...roundOptions, now: nextRound() })).accountIds).toContain(id);
    const fixed = await getAccountView(db, owner, id);
    expect(fixed).toMatchObject({ status: 'ok', diagnosis: null, history: [{ from: 'failed', to: 'ok', reason: 'check_passed' }, { to: 'failed' }, { reason: 'created' }] });
    expect(JSON.stringify(fixed)).not.toContain(CODE);
  });

  it('sends a round over revoked codes one refused login each, within the health share of the provider budget, deferring the rest', async () => {
    const accounts = await Promise.all(Array.from({ length: 12 }, () => connect()));
    const addresses = accounts.map((a) => a.address);
    // The budget counts every failure at the provider in its window: start from none.
    await db.delete(checkAttempts);
    for (const address of addresses) {
      imap.removeUser(address);
      smtp.removeUser(address);
    }
    // A budget of 10 refused logins, half of it for health checks.
    const budgeted: HealthRoundOptions = { ...roundOptions, policy: { ...policy, providerLoginBudget: 10, healthBudgetShare: 0.5 } };
    // Other tests' accounts are due too (and pass); only these twelve's logins are counted.
    const mineOnly = new Set(addresses);
    const logins = () => imap.connections.filter((c) => c.commands.some((cmd) => cmd.name === 'LOGIN' && [...mineOnly].some((a) => cmd.line.toLowerCase().includes(a)))).length;
    const smtpAuths = () =>
      smtp.sessions.reduce((n, session) => n + session.authAttempts.filter((a) => mineOnly.has(a.username.toLowerCase())).length, 0);
    const [imapBefore, smtpBefore] = [logins(), smtpAuths()];
    const now = nextRound();
    const round = await runHealthRound(db, { ...budgeted, now });
    const mine = round.accountIds.filter((id) => accounts.some((a) => a.id === id));
    expect(mine).toHaveLength(12);
    // At most five ran (a refused IMAP login each, no SMTP AUTH after it); the rest were
    // deferred. (Fewer than five when a passing check of another test's account held a place
    // in the budget while it ran: checks in flight count until they pass.)
    const ran = logins() - imapBefore;
    expect(ran).toBeGreaterThanOrEqual(1);
    expect(ran).toBeLessThanOrEqual(5);
    expect(smtpAuths() - smtpBefore).toBe(0);
    expect(round.refused).toBeGreaterThanOrEqual(12 - ran);
    const rows = await db
      .select({ id: mailAccounts.id, nextCheckAt: mailAccounts.nextCheckAt, status: mailAccounts.status })
      .from(mailAccounts)
      .where(inArray(mailAccounts.id, accounts.map((a) => a.id)));
    const deferred = rows.filter((r) => r.status === 'ok');
    expect(deferred).toHaveLength(12 - ran);
    for (const row of deferred) {
      // Due again when the budget's window lets them, not an interval later.
      expect(row.nextCheckAt!.getTime()).toBeGreaterThan(now.getTime());
      expect(row.nextCheckAt!.getTime()).toBeLessThan(now.getTime() + INTERVAL_MS / 2);
    }
    await db.delete(checkAttempts).where(inArray(checkAttempts.address, addresses));
  });

  it('tries an account whose server could not be reached again sooner, doubling the wait up to the interval', async () => {
    const { id } = await connect();
    const unreachable = parseEnv({
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '126.com': { imap: '127.0.0.1:9', smtp: '127.0.0.1:9' } }),
    }).MAIL_ENDPOINT_OVERRIDES!;
    const waits: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const now = nextRound();
      const round = await runHealthRound(db, { ...roundOptions, overrides: unreachable, now });
      expect(round.accountIds).toContain(id);
      const [row] = await db.select().from(mailAccounts).where(eq(mailAccounts.id, id));
      waits.push(row!.nextCheckAt!.getTime() - now.getTime());
      expect(row).toMatchObject({ status: 'failed', healthFailures: i + 1 });
    }
    [1, 2, 4, 8, 16, 32, 32].forEach((n, i) => {
      // Within the ±10% jitter of interval/32 doubling, never past the interval's jitter.
      expect(waits[i]).toBeGreaterThanOrEqual((INTERVAL_MS / 32) * n * 0.9);
      expect(waits[i]).toBeLessThanOrEqual((INTERVAL_MS / 32) * n * 1.1);
    });
    expect(await getAccountView(db, owner, id)).toMatchObject({ heldFromBackground: false });
    // Reachable again: the next round passes, and the count starts over.
    await runHealthRound(db, { ...roundOptions, now: nextRound() });
    const [row] = await db.select().from(mailAccounts).where(eq(mailAccounts.id, id));
    expect(row).toMatchObject({ status: 'ok', healthFailures: 0 });
  });

  it('checks an account once per round, and never a paused one', async () => {
    const active = await connect();
    const paused = await connect();
    await pauseAccount(db, owner, paused.id);
    const before = await attemptsByAddress([active.address, paused.address]);

    const now = nextRound();
    const round = await runHealthRound(db, { ...roundOptions, now });
    expect(round.accountIds).toContain(active.id);
    expect(round.accountIds).not.toContain(paused.id);
    // The same round again finds nothing left to do.
    expect(await runHealthRound(db, { ...roundOptions, now })).toMatchObject({ claimed: 0 });

    const after = await attemptsByAddress([active.address, paused.address]);
    expect(after[active.address]).toBe((before[active.address] ?? 0) + 1);
    expect(after[paused.address]).toBe(before[paused.address]);
    expect(await getAccountView(db, owner, paused.id)).toMatchObject({ status: 'paused' });
  });

  it('spreads new accounts across the interval instead of checking them all at once', async () => {
    const accounts = await Promise.all(Array.from({ length: 6 }, () => connect()));
    const now = new Date();
    const round = await runHealthRound(db, { ...roundOptions, now });
    expect(round.scheduled).toBeGreaterThanOrEqual(accounts.length);
    const rows = await db
      .select({ nextCheckAt: mailAccounts.nextCheckAt, lastCheckedAt: mailAccounts.lastCheckedAt })
      .from(mailAccounts)
      .where(inArray(mailAccounts.id, accounts.map((a) => a.id)));
    const offsets = rows.map((r) => r.nextCheckAt!.getTime() - r.lastCheckedAt!.getTime());
    for (const offset of offsets) {
      expect(offset).toBeGreaterThanOrEqual(0);
      expect(offset).toBeLessThanOrEqual(INTERVAL_MS);
    }
    expect(new Set(offsets).size).toBe(offsets.length);
  });

  it('leaves accounts as they are while the provider is paused: a refused check is no status change', async () => {
    const { id, address } = await connect();
    imap.removeUser(address);
    smtp.removeUser(address);
    const now = nextRound();
    await db.insert(providerPauses).values({ providerId: 'netease', pausedUntil: new Date(Date.now() + HOUR_MS), reason: 'test' });
    try {
      const before = await attemptsByAddress([address]);
      const round = await runHealthRound(db, { ...roundOptions, now });
      expect(round.refused).toBe(round.claimed);
      expect(round.changed).toBe(0);
      expect(await attemptsByAddress([address])).toEqual(before);
      expect(await getAccountView(db, owner, id)).toMatchObject({ status: 'ok', history: [{ reason: 'created' }] });
    } finally {
      await db.delete(providerPauses).where(eq(providerPauses.providerId, 'netease'));
      setPeerCode(address, CODE);
    }
  });

  it('two instances on one database check each due account exactly once per round', async () => {
    // A second app instance: its own connection pool on PostgreSQL. PGlite has one process,
    // so there the two runners share it, which must hold just as well.
    const second = kind === 'postgres' ? await store.open() : undefined;
    try {
      const otherDb = second?.db ?? db;
      const accounts = await Promise.all(Array.from({ length: 12 }, () => connect()));
      const addresses = accounts.map((a) => a.address);
      for (let round = 1; round <= 2; round += 1) {
        const before = await attemptsByAddress(addresses);
        const imapBefore = imap.connections.length;
        const now = nextRound();
        // Small batches, so the two runners interleave their claims.
        const [a, b] = await Promise.all([
          runHealthRound(db, { ...roundOptions, now, batchSize: 2, concurrency: 3 }),
          runHealthRound(otherDb, { ...roundOptions, now, batchSize: 2, concurrency: 3 }),
        ]);
        const claimed = [...a.accountIds, ...b.accountIds];
        expect(new Set(claimed).size).toBe(claimed.length);
        for (const account of accounts) expect(claimed).toContain(account.id);
        expect(a.errors + b.errors).toBe(0);

        const after = await attemptsByAddress(addresses, otherDb);
        for (const address of addresses) expect(after[address], address).toBe((before[address] ?? 0) + 1);
        // The server saw one IMAP login per account of this test, too.
        const logins = imap.connections.slice(imapBefore).filter((c) => c.user !== null && addresses.includes(c.user));
        expect(logins).toHaveLength(accounts.length);
        if (kind === 'postgres') {
          // Both instances really took part.
          expect(a.claimed).toBeGreaterThan(0);
          expect(b.claimed).toBeGreaterThan(0);
        }
      }
      expect(
        await db.select().from(accountStatusEvents).where(inArray(accountStatusEvents.accountId, accounts.map((a) => a.id))),
      ).toEqual([]);
    } finally {
      await second?.close();
    }
  });

  it('a round stopped mid-check leaves the account’s status alone: being cut short says nothing about the code', async () => {
    const { id, address } = await connect();
    imap.removeUser(address);
    smtp.removeUser(address);
    const slow = await Promise.all([
      startDelayProxy({ target: { host: '127.0.0.1', port: imap.port }, delayMs: 500 }),
      startDelayProxy({ target: { host: '127.0.0.1', port: smtp.port }, delayMs: 500 }),
    ]);
    try {
      const overrides = parseEnv({
        MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '126.com': { imap: `127.0.0.1:${slow[0].port}`, smtp: `127.0.0.1:${slow[1].port}` } }),
      }).MAIL_ENDPOINT_OVERRIDES!;
      // Only this account is due, so its check is the one in flight when the round stops.
      const now = nextRound();
      await db.update(mailAccounts).set({ nextCheckAt: new Date(now.getTime() + INTERVAL_MS) }).where(ne(mailAccounts.id, id));
      await db.update(mailAccounts).set({ nextCheckAt: now }).where(eq(mailAccounts.id, id));
      const controller = new AbortController();
      const round = runHealthRound(db, { ...roundOptions, overrides, now, signal: controller.signal });
      setTimeout(() => controller.abort(), 300);
      const summary = await round;
      expect(summary.accountIds).toEqual([id]);
      expect(summary).toMatchObject({ changed: 0, checked: 0, released: 1 });
      expect(await getAccountView(db, owner, id)).toMatchObject({ status: 'ok', history: [{ reason: 'created' }] });
      // Given back as it was: due again at once, for this round's other instances.
      const [row] = await db.select({ nextCheckAt: mailAccounts.nextCheckAt }).from(mailAccounts).where(eq(mailAccounts.id, id));
      expect(row?.nextCheckAt?.getTime()).toBe(now.getTime());
    } finally {
      await Promise.all(slow.map((proxy) => proxy.stop()));
      setPeerCode(address, CODE);
    }
  });

  /** Makes every account but `ids` not due at `now`, so that a round's batch holds only these. */
  async function onlyDue(ids: string[], now: Date): Promise<void> {
    await db.update(mailAccounts).set({ nextCheckAt: new Date(now.getTime() + INTERVAL_MS) }).where(notInArray(mailAccounts.id, ids));
    await db.update(mailAccounts).set({ nextCheckAt: now }).where(inArray(mailAccounts.id, ids));
  }

  it('an instance stopped mid-round gives back what it has not started; the other checks it in that round, each account once', async () => {
    const second = kind === 'postgres' ? await store.open() : undefined;
    const slow = await Promise.all([
      startDelayProxy({ target: { host: '127.0.0.1', port: imap.port }, delayMs: 300 }),
      startDelayProxy({ target: { host: '127.0.0.1', port: smtp.port }, delayMs: 300 }),
    ]);
    try {
      const otherDb = second?.db ?? db;
      const accounts = await Promise.all(Array.from({ length: 8 }, () => connect()));
      const ids = accounts.map((a) => a.id);
      const addresses = accounts.map((a) => a.address);
      const now = nextRound();
      await onlyDue(ids, now);
      const before = await attemptsByAddress(addresses);

      // The stopping instance reaches the mail servers slowly, so its first checks are in flight
      // when it is told to stop; it claimed all eight in one batch.
      const slowOverrides = parseEnv({
        MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '126.com': { imap: `127.0.0.1:${slow[0].port}`, smtp: `127.0.0.1:${slow[1].port}` } }),
      }).MAIL_ENDPOINT_OVERRIDES!;
      const stopping = new AbortController();
      const first = runHealthRound(db, { ...roundOptions, overrides: slowOverrides, now, batchSize: 8, concurrency: 2, stopSignal: stopping.signal });
      const slots = async () =>
        (await otherDb.select({ nextCheckAt: mailAccounts.nextCheckAt }).from(mailAccounts).where(inArray(mailAccounts.id, ids))).filter(
          (row) => row.nextCheckAt!.getTime() > now.getTime(),
        ).length;
      await expect.poll(slots, { timeout: 5_000, interval: 20 }).toBe(8);
      stopping.abort();
      // Given back at once, while its two checks are still in flight.
      await expect.poll(slots, { timeout: 1_000, interval: 20 }).toBe(2);

      const other = await runHealthRound(otherDb, { ...roundOptions, now, batchSize: 3, concurrency: 3 });
      const stopped = await first;
      expect(stopped).toMatchObject({ claimed: 8, checked: 2, released: 6, errors: 0 });
      expect(other).toMatchObject({ claimed: 6, checked: 6, errors: 0 });
      const checkedBy = [...other.accountIds, ...stopped.accountIds.filter((id) => !other.accountIds.includes(id))];
      expect(checkedBy.sort()).toEqual([...ids].sort());
      // Each mailbox was checked exactly once in the round: the two in flight finished and were
      // recorded, and the other instance took the six given back.
      const after = await attemptsByAddress(addresses, otherDb);
      for (const address of addresses) expect(after[address], address).toBe((before[address] ?? 0) + 1);
      const rows = await otherDb
        .select({ lastCheckedAt: mailAccounts.lastCheckedAt, nextCheckAt: mailAccounts.nextCheckAt })
        .from(mailAccounts)
        .where(inArray(mailAccounts.id, ids));
      for (const row of rows) {
        expect(row.lastCheckedAt).not.toBeNull();
        expect(row.nextCheckAt!.getTime()).toBeGreaterThanOrEqual(now.getTime() + INTERVAL_MS * 0.9);
      }
      // Nothing is left for this round.
      expect(await runHealthRound(otherDb, { ...roundOptions, now })).toMatchObject({ claimed: 0 });
    } finally {
      await Promise.all(slow.map((proxy) => proxy.stop()));
      await second?.close();
    }
  });

  it('an account claimed by an instance that died is due again when the claim’s lease ends, and not before', async () => {
    const { id, address } = await connect();
    const now = nextRound();
    await onlyDue([id], now);
    // The lease covers a whole batch at its check budget, and stays well within a round.
    const leaseMs = healthClaimLeaseMs({ timeoutMs: 10_000, batchSize: 20, concurrency: 4 });
    expect(leaseMs).toBeGreaterThanOrEqual(5 * 10_000);
    expect(leaseMs).toBeLessThan(INTERVAL_MS / 60);
    const leaseUntil = new Date(now.getTime() + leaseMs);
    // The instance claims it, then dies: it neither checks it nor gives it back.
    expect(await claimDueAccounts(db, now, leaseUntil, 20)).toEqual([expect.objectContaining({ id, dueAt: now })]);
    const before = await attemptsByAddress([address]);

    for (const at of [now, new Date(leaseUntil.getTime() - 1_000)]) {
      expect(await runHealthRound(db, { ...roundOptions, now: at })).toMatchObject({ claimed: 0 });
    }
    expect(await attemptsByAddress([address])).toEqual(before);
    const expired = await runHealthRound(db, { ...roundOptions, now: leaseUntil });
    expect(expired).toMatchObject({ accountIds: [id], checked: 1 });
    expect(await attemptsByAddress([address])).toEqual({ [address]: (before[address] ?? 0) + 1 });
  });

  it('stopping the scheduler lets the check in flight finish, and its result is recorded', async () => {
    const { id, address } = await connect();
    imap.removeUser(address);
    smtp.removeUser(address);
    const slow = await Promise.all([
      startDelayProxy({ target: { host: '127.0.0.1', port: imap.port }, delayMs: 300 }),
      startDelayProxy({ target: { host: '127.0.0.1', port: smtp.port }, delayMs: 300 }),
    ]);
    try {
      const overrides = parseEnv({
        MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '126.com': { imap: `127.0.0.1:${slow[0].port}`, smtp: `127.0.0.1:${slow[1].port}` } }),
      }).MAIL_ENDPOINT_OVERRIDES!;
      // The scheduler's rounds run at the clock's time: only this account is due then.
      await onlyDue([id], new Date(0));
      const runner = startHealthRunner({ ...roundOptions, overrides, database: async () => db, pollMs: 50 });
      expect(runner.stopWithinMs).toBeGreaterThan(roundOptions.timeoutMs!);
      const claimed = async () =>
        (await db.select({ nextCheckAt: mailAccounts.nextCheckAt }).from(mailAccounts).where(eq(mailAccounts.id, id)))[0]!.nextCheckAt!.getTime();
      await expect.poll(claimed, { timeout: 5_000, interval: 20 }).toBeGreaterThan(Date.now());
      // Still in flight (the slow link takes seconds) when the stop is asked.
      expect(await getAccountView(db, owner, id)).toMatchObject({ status: 'ok', history: [{ reason: 'created' }] });
      await runner.stop();
      expect(await getAccountView(db, owner, id)).toMatchObject({
        status: 'failed',
        diagnosis: { code: 'auth_failed' },
        history: [{ from: 'ok', to: 'failed', reason: 'health_check' }, { reason: 'created' }],
      });
      expect(await claimed()).toBeGreaterThan(Date.now() + INTERVAL_MS * 0.8);
    } finally {
      await Promise.all(slow.map((proxy) => proxy.stop()));
      setPeerCode(address, CODE);
    }
  });

  it('the scheduler runs rounds until stopped, and stopping waits for the round in flight', async () => {
    const { id } = await connect();
    // Due right away.
    await db.update(mailAccounts).set({ nextCheckAt: new Date(0) }).where(eq(mailAccounts.id, id));
    const [{ lastCheckedAt: before } = { lastCheckedAt: null }] = await db
      .select({ lastCheckedAt: mailAccounts.lastCheckedAt })
      .from(mailAccounts)
      .where(eq(mailAccounts.id, id));
    const runner = startHealthRunner({ ...roundOptions, database: async () => db, pollMs: 50 });
    try {
      await expect
        .poll(async () => (await getAccountView(db, owner, id))?.lastCheckedAt, { timeout: 15_000 })
        .not.toBe(before?.toISOString());
    } finally {
      await runner.stop();
    }
    const [row] = await db.select({ nextCheckAt: mailAccounts.nextCheckAt }).from(mailAccounts).where(eq(mailAccounts.id, id));
    expect(row?.nextCheckAt?.getTime()).toBeGreaterThan(Date.now() + INTERVAL_MS * 0.8);
  });
});
