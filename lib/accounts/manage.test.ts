import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDelayProxy } from '@/tools/peers/delay-proxy';
import { startNeteaseImap, type NeteaseImapServer } from '@/tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { connectMailboxForOwner } from '@/lib/accounts/connect-mailbox';
import { listMailAccounts, openMailAccountCode } from '@/lib/accounts/queries';
import { createKeyring } from '@/lib/accounts/seal';
import type { AppDatabase, OpenedDatabase } from '@/lib/db/client';
import { accountAuditLog, accountStatusEvents, authUsers, checkAttempts, mailAccounts } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv, type EndpointOverrides } from '@/lib/env';
import type { LockoutPolicy } from '@/lib/mail-check/lockout';
import {
  checkAccountNow,
  deleteAccount,
  getAccountView,
  listAccountViews,
  pauseAccount,
  replaceAccountCode,
  resumeAccount,
  type ManageOptions,
} from './manage';

// The /accounts operations against the NetEase simulators and a real database: what the user
// sees after each one, what is recorded, and that nobody reaches another owner's mailbox.

const CODE = 'PoIuYtReWqLkJhGf';
const NEW_CODE = 'MnBvCxZaSdFgHjKl';
const WRONG_CODE = 'AAAAAAAAAAAAAAAA';
// Generous limits: these tests fail checks on purpose and must not lock themselves out.
const policy: LockoutPolicy = { maxFailuresPerMailbox: 1000, windowMs: 60_000, providerPauseMs: 60_000, maxFailuresPerProvider: 1000 };

/** Rows of a raw query; both drivers answer with `{ rows }`. */
function rowsOf<Row>(result: unknown): Row[] {
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error('query result has no rows');
  return rows as Row[];
}

describe.each(availableBackends())('managing accounts on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let db: AppDatabase;
  let imap: NeteaseImapServer;
  let smtp: NeteaseSmtpServer;
  let options: ManageOptions;
  const keyring = createKeyring([{ id: 'test', key: randomBytes(32) }]);
  const owner = `user-${randomBytes(4).toString('hex')}`;
  const intruder = `user-${randomBytes(4).toString('hex')}`;
  let serial = 0;

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    db = opened.db;
    await db.insert(authUsers).values([
      { id: owner, name: 'Zhao', email: `${owner}@example.com` },
      { id: intruder, name: 'Mallory', email: `${intruder}@example.com` },
    ]);
    imap = await startNeteaseImap({ users: {}, idRule: 'after-login' });
    smtp = await startNeteaseSmtp({ users: {} });
    const overrides: EndpointOverrides = parseEnv({
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '126.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` } }),
    }).MAIL_ENDPOINT_OVERRIDES!;
    options = { overrides, policy, timeoutMs: 10_000, keyring, locale: 'en' };
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
  const revokeAtPeer = (address: string) => {
    imap.removeUser(address);
    smtp.removeUser(address);
  };

  /** A fresh mailbox connected through the wizard's own path; its id. */
  async function connect(ownerId = owner, code = CODE): Promise<{ id: string; address: string }> {
    const address = `box${++serial}-${randomBytes(3).toString('hex')}@126.com`;
    setPeerCode(address, code);
    const result = await connectMailboxForOwner(db, ownerId, { address, code }, options);
    expect(result).toMatchObject({ ok: true, data: { saved: true } });
    const account = (await listMailAccounts(db, ownerId)).find((a) => a.address === address);
    if (!account) throw new Error('the account was not saved');
    return { id: account.id, address };
  }

  /** Runs `run` with options whose checks go through links that add 150 ms each way. */
  async function withSlowPeers<T>(run: (slowOptions: ManageOptions) => Promise<T>): Promise<T> {
    const [slowImap, slowSmtp] = await Promise.all([
      startDelayProxy({ target: { host: '127.0.0.1', port: imap.port }, delayMs: 150 }),
      startDelayProxy({ target: { host: '127.0.0.1', port: smtp.port }, delayMs: 150 }),
    ]);
    try {
      const overrides = parseEnv({
        MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '126.com': { imap: `127.0.0.1:${slowImap.port}`, smtp: `127.0.0.1:${slowSmtp.port}` } }),
      }).MAIL_ENDPOINT_OVERRIDES!;
      return await run({ ...options, overrides });
    } finally {
      await Promise.all([slowImap.stop(), slowSmtp.stop()]);
    }
  }

  const attemptsFor = async (address: string) =>
    (await db.select().from(checkAttempts).where(sql`${checkAttempts.address} = ${address}`)).length;

  describe('reading', () => {
    it('lists the owner’s mailboxes, oldest first, each 「正常」 with its creation in the history', async () => {
      const lister = `user-${randomBytes(4).toString('hex')}`;
      await db.insert(authUsers).values({ id: lister, name: 'Sun', email: `${lister}@example.com` });
      const first = await connect(lister);
      const second = await connect(lister);
      const views = await listAccountViews(db, lister);
      expect(views.map((v) => v.id)).toEqual([first.id, second.id]);
      const [view] = views;
      expect(view).toMatchObject({
        address: first.address,
        providerId: 'netease',
        status: 'ok',
        diagnosis: null,
        lastCheck: { ok: true, imap: { ok: true }, smtp: { ok: true } },
        history: [{ from: null, to: 'ok', reason: 'created' }],
      });
      expect(view?.lastCheckedAt).toEqual(expect.any(String));
      expect(JSON.stringify(views)).not.toContain(CODE);
      expect(await getAccountView(db, lister, second.id)).toEqual(views[1]);
    });
  });

  describe('check now', () => {
    it('turns a revoked code 「异常」 with the diagnosis, and a fixed one back to 「正常」, recording both changes', async () => {
      const { id, address } = await connect();
      const before = await getAccountView(db, owner, id);

      revokeAtPeer(address);
      const failed = await checkAccountNow(db, owner, id, options);
      expect(failed).toMatchObject({
        status: 'done',
        account: {
          status: 'failed',
          lastCheck: { ok: false, imap: { ok: false, code: 'auth_failed' } },
          diagnosis: { code: 'auth_failed', guideStep: 'enable-service-and-get-code' },
          history: [{ from: 'ok', to: 'failed', reason: 'check_failed', failureCode: 'auth_failed' }, { reason: 'created' }],
        },
      });
      if (failed.status !== 'done') throw new Error('unreachable');
      expect(new Date(failed.account.lastCheckedAt!).getTime()).toBeGreaterThan(new Date(before!.lastCheckedAt!).getTime());

      // Failing again is no change of status, so no new history entry.
      expect(await checkAccountNow(db, owner, id, options)).toMatchObject({ status: 'done', account: { status: 'failed', history: { length: 2 } } });

      setPeerCode(address, CODE);
      const fixed = await checkAccountNow(db, owner, id, options);
      expect(fixed).toMatchObject({
        status: 'done',
        account: { status: 'ok', diagnosis: null, history: [{ from: 'failed', to: 'ok', reason: 'check_passed' }, { to: 'failed' }, { reason: 'created' }] },
      });
      expect(JSON.stringify(fixed)).not.toContain(CODE);
    });

    it('is refused under the lockout, as the wizard’s check is, and the refusal changes nothing', async () => {
      const { id, address } = await connect();
      const strict = { ...options, policy: { ...policy, maxFailuresPerMailbox: 2 } };
      revokeAtPeer(address);
      await checkAccountNow(db, owner, id, strict);
      await checkAccountNow(db, owner, id, strict);
      const before = await getAccountView(db, owner, id);
      const attempts = await attemptsFor(address);
      const refused = await checkAccountNow(db, owner, id, strict);
      expect(refused).toMatchObject({ status: 'refused', reason: 'mailbox_locked', retryAt: expect.any(String) });
      expect(await attemptsFor(address)).toBe(attempts);
      expect(await getAccountView(db, owner, id)).toEqual(before);
    });
  });

  describe('pause and resume', () => {
    it('pauses: no check runs, nothing is sent to the server; resuming returns to what the last check said without checking', async () => {
      const { id, address } = await connect();
      revokeAtPeer(address);
      await checkAccountNow(db, owner, id, options);

      const paused = await pauseAccount(db, owner, id);
      expect(paused).toMatchObject({ status: 'done', account: { status: 'paused', history: [{ from: 'failed', to: 'paused', reason: 'paused_by_user' }, { to: 'failed' }, { reason: 'created' }] } });
      expect(await pauseAccount(db, owner, id)).toEqual(paused); // a second click is no change

      const attempts = await attemptsFor(address);
      const connections = imap.connections.length;
      expect(await checkAccountNow(db, owner, id, options)).toEqual({ status: 'refused', reason: 'paused' });
      expect(await replaceAccountCode(db, owner, id, NEW_CODE, options)).toEqual({ status: 'refused', reason: 'paused' });
      expect(await attemptsFor(address)).toBe(attempts);
      expect(imap.connections.length).toBe(connections);

      const resumed = await resumeAccount(db, owner, id);
      expect(resumed).toMatchObject({ status: 'done', account: { status: 'failed', history: [{ from: 'paused', to: 'failed', reason: 'resumed_by_user' }, { to: 'paused' }, { to: 'failed' }, { reason: 'created' }] } });
      expect(await attemptsFor(address)).toBe(attempts);
      expect(await resumeAccount(db, owner, id)).toEqual(resumed);

      const audit = await db.select().from(accountAuditLog).where(sql`${accountAuditLog.accountId} = ${id}`);
      expect(audit.map((entry) => entry.action).sort()).toEqual(['paused', 'resumed']);
    });

    it('resumes a paused healthy account to 「正常」', async () => {
      const { id } = await connect();
      await pauseAccount(db, owner, id);
      expect(await resumeAccount(db, owner, id)).toMatchObject({ status: 'done', account: { status: 'ok' } });
    });
  });

  describe('replace the code', () => {
    it('keeps the old code when the new one fails, and says why', async () => {
      const { id } = await connect();
      const [rowBefore] = await db.select().from(mailAccounts).where(sql`${mailAccounts.id} = ${id}`);

      const result = await replaceAccountCode(db, owner, id, WRONG_CODE, options);
      expect(result).toMatchObject({
        status: 'check_failed',
        account: { id, status: 'ok' },
        diagnosis: { code: 'auth_failed', guideStep: 'enable-service-and-get-code' },
        serverText: expect.stringContaining('password error'),
      });
      expect(JSON.stringify(result)).not.toContain(WRONG_CODE);
      const [rowAfter] = await db.select().from(mailAccounts).where(sql`${mailAccounts.id} = ${id}`);
      expect(rowAfter).toEqual(rowBefore);
      expect(await openMailAccountCode(db, { ownerId: owner, accountId: id }, { keyring })).toBe(CODE);
      // The old code still works at the server, so the account stays 「正常」.
      expect(await checkAccountNow(db, owner, id, options)).toMatchObject({ status: 'done', account: { status: 'ok' } });
    });

    it('replaces the code once the new one passes, turning a failed account 「正常」', async () => {
      const { id, address } = await connect();
      setPeerCode(address, NEW_CODE); // the user generated a new code in webmail; the old one is revoked
      await checkAccountNow(db, owner, id, options);

      const result = await replaceAccountCode(db, owner, id, `  ${NEW_CODE.slice(0, 8)} ${NEW_CODE.slice(8)}\n`, options);
      expect(result).toMatchObject({
        status: 'done',
        account: { id, status: 'ok', diagnosis: null, history: [{ from: 'failed', to: 'ok', reason: 'code_replaced' }, { to: 'failed' }, { reason: 'created' }] },
      });
      expect(JSON.stringify(result)).not.toContain(NEW_CODE);
      expect(await openMailAccountCode(db, { ownerId: owner, accountId: id }, { keyring })).toBe(NEW_CODE);
      expect((await listMailAccounts(db, owner)).filter((a) => a.address === address)).toHaveLength(1);
      const audit = await db.select().from(accountAuditLog).where(sql`${accountAuditLog.accountId} = ${id}`);
      expect(audit).toMatchObject([{ ownerId: owner, address, action: 'code_replaced' }]);
    });

    it('runs one check of a mailbox at a time: a replacement during a check-now is refused, or its result is never undone', async () => {
      const { id, address } = await connect();
      setPeerCode(address, NEW_CODE); // the old code is revoked, the new one works
      // The check-now goes through slow links; the replacement arrives while it runs.
      const [checked, replaced] = await withSlowPeers((slow) =>
        Promise.all([checkAccountNow(db, owner, id, slow), replaceAccountCode(db, owner, id, NEW_CODE, options)]),
      );
      const ran = [checked, replaced].filter((r) => r.status !== 'refused');
      expect(ran.length).toBeGreaterThanOrEqual(1);
      if (replaced.status === 'refused') {
        // The check-now held the mailbox: the replacement never dialled, the old code stays.
        expect(replaced).toMatchObject({ reason: 'check_running' });
        expect(checked).toMatchObject({ status: 'done', account: { status: 'failed' } });
        expect(await openMailAccountCode(db, { ownerId: owner, accountId: id }, { keyring })).not.toBe(NEW_CODE);
      } else {
        // The replacement ran (before the check-now took its place, or after it): whichever
        // finished last, the account ends with the new code and 「正常」.
        expect(replaced).toMatchObject({ status: 'done', account: { status: 'ok' } });
        expect(await getAccountView(db, owner, id)).toMatchObject({ status: 'ok', diagnosis: null });
        expect(await openMailAccountCode(db, { ownerId: owner, accountId: id }, { keyring })).toBe(NEW_CODE);
      }
    });

    it('does not bring back an account deleted while its new code was being checked', async () => {
      const { id, address } = await connect();
      setPeerCode(address, NEW_CODE);
      const [replaced, deleted] = await withSlowPeers((slow) =>
        Promise.all([replaceAccountCode(db, owner, id, NEW_CODE, slow), deleteAccount(db, owner, id)]),
      );
      expect(deleted).toEqual({ status: 'deleted' });
      expect(replaced).toEqual({ status: 'not_found' });
      expect((await listMailAccounts(db, owner)).filter((a) => a.address === address)).toEqual([]);
    });

    it('answers an empty code as an input error in the reader’s language, without asking the server', async () => {
      const { id } = await connect();
      const connections = imap.connections.length;
      expect(await replaceAccountCode(db, owner, id, ' \n ', options)).toEqual({ status: 'invalid', fieldErrors: { code: ['Please paste the code.'] } });
      expect(imap.connections.length).toBe(connections);
    });
  });

  describe('delete', () => {
    it('removes the account, its sealed code and history, and leaves an audit entry with no secret anywhere', async () => {
      const secret = 'QwErTyUiOpAsDfGh';
      const { id, address } = await connect(owner, secret);
      await pauseAccount(db, owner, id);
      await resumeAccount(db, owner, id);

      expect(await deleteAccount(db, owner, id)).toEqual({ status: 'deleted' });
      expect(await getAccountView(db, owner, id)).toBeNull();
      expect(await db.select().from(mailAccounts).where(sql`${mailAccounts.id} = ${id}`)).toEqual([]);
      expect(await db.select().from(accountStatusEvents).where(sql`${accountStatusEvents.accountId} = ${id}`)).toEqual([]);
      const audit = await db.select().from(accountAuditLog).where(sql`${accountAuditLog.accountId} = ${id}`);
      expect(audit.map((entry) => entry.action)).toEqual(['paused', 'resumed', 'deleted']);
      expect(audit[2]).toMatchObject({ ownerId: owner, address, action: 'deleted', at: expect.any(Date) });

      // Every row of every table, as JSON: the code appears nowhere.
      const tables = await db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      );
      const tableNames = rowsOf<{ table_name: string }>(tables).map((t) => t.table_name);
      expect(tableNames).toEqual(expect.arrayContaining(['account_audit_log', 'account_status_events', 'mail_accounts', 'check_attempts']));
      for (const name of tableNames) {
        const rows = await db.execute(sql`select row_to_json(t)::text as row from ${sql.identifier(name)} t`);
        for (const { row } of rowsOf<{ row: string }>(rows)) expect(row).not.toContain(secret);
      }

      expect(await deleteAccount(db, owner, id)).toEqual({ status: 'not_found' });
    });
  });

  describe('isolation', () => {
    beforeEach(() => setPeerCode('never-used@126.com', CODE));

    it('answers another owner’s id exactly like an unknown or malformed id, and leaves the account untouched', async () => {
      const victim = await connect();
      const [rowBefore] = await db.select().from(mailAccounts).where(sql`${mailAccounts.id} = ${victim.id}`);
      const historyBefore = await db.select().from(accountStatusEvents).where(sql`${accountStatusEvents.accountId} = ${victim.id}`);
      const attempts = await db.select().from(checkAttempts);
      const imapConnections = imap.connections.length;
      const smtpSessions = smtp.sessions.length;

      const ids = {
        replayed: victim.id,
        replayedUpperCase: victim.id.toUpperCase(),
        random: randomUUID(),
        nil: '00000000-0000-0000-0000-000000000000',
        malformed: 'not-a-uuid',
        empty: '',
        injection: `${victim.id}' or '1'='1`,
        tooLong: `${victim.id}0`,
      };
      const answers: Record<string, unknown[]> = {};
      for (const [name, id] of Object.entries(ids)) {
        answers[name] = [
          await getAccountView(db, intruder, id),
          await checkAccountNow(db, intruder, id, options),
          await pauseAccount(db, intruder, id),
          await resumeAccount(db, intruder, id),
          await replaceAccountCode(db, intruder, id, NEW_CODE, options),
          await deleteAccount(db, intruder, id),
        ];
      }
      const expected = [null, ...Array(5).fill({ status: 'not_found' })];
      for (const answer of Object.values(answers)) expect(answer).toEqual(expected);

      expect(await listAccountViews(db, intruder)).toEqual([]);
      const [rowAfter] = await db.select().from(mailAccounts).where(sql`${mailAccounts.id} = ${victim.id}`);
      expect(rowAfter).toEqual(rowBefore);
      expect(await db.select().from(accountStatusEvents).where(sql`${accountStatusEvents.accountId} = ${victim.id}`)).toEqual(historyBefore);
      expect(await db.select().from(accountAuditLog).where(sql`${accountAuditLog.ownerId} = ${intruder}`)).toEqual([]);
      // Nothing was checked: no attempt recorded, no connection to either server.
      expect(await db.select().from(checkAttempts)).toEqual(attempts);
      expect(imap.connections.length).toBe(imapConnections);
      expect(smtp.sessions.length).toBe(smtpSessions);
      // And the owner still has it, as it was.
      expect(await getAccountView(db, owner, victim.id)).toMatchObject({ id: victim.id, status: 'ok' });
    });
  });
});
