import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getMailAccount,
  listMailAccounts,
  openMailAccountCode,
  resealMailAccountCodes,
  saveCheckedMailAccount,
  type CheckedMailAccount,
} from '@/lib/accounts/queries';
import { createKeyring, SealError, type Keyring } from '@/lib/accounts/seal';
import type { OpenedDatabase } from '@/lib/db/client';
import { authUsers, mailAccounts } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { diagnose } from '@/lib/mail-check/diagnosis';
import type { CheckReport } from '@/lib/mail-check/types';
import type { MailEndpoints } from '@/lib/providers/types';

const unique = () => randomBytes(4).toString('hex');
/** A code shaped like NetEase's: 16 letters. */
const newCode = () =>
  Array.from(randomBytes(16), (b) => String.fromCharCode(65 + (b % 26)))
    .join('')
    .replace(/^(.)/, (c) => c.toLowerCase());

const endpoints: MailEndpoints = {
  imap: { host: 'imap.163.com', port: 993, tls: 'implicit' },
  smtp: { host: 'smtp.163.com', port: 465, tls: 'implicit' },
};

function passingReport(eps: MailEndpoints = endpoints): CheckReport {
  return {
    ok: true,
    durationMs: 812,
    banSignal: false,
    imap: { ok: true, durationMs: 640, endpoint: eps.imap },
    smtp: { ok: true, durationMs: 790, endpoint: eps.smtp },
  };
}

function failingReport(code: string): CheckReport {
  return {
    ok: false,
    durationMs: 500,
    banSignal: false,
    imap: {
      ok: false,
      durationMs: 450,
      endpoint: endpoints.imap,
      code: 'auth_failed',
      stage: 'login',
      serverText: `NO LOGIN failed for ${code}`,
      diagnosis: diagnose('auth_failed', 'login'),
    },
    smtp: { ok: true, durationMs: 300, endpoint: endpoints.smtp },
  };
}

const keyOld = { id: 'old', key: randomBytes(32) };
const keyNew = { id: 'new', key: randomBytes(32) };

describe.each(availableBackends())('mail accounts on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  const db = () => opened.db;
  const keyring: Keyring = createKeyring([keyOld]);

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
  });
  afterAll(async () => {
    await opened.close();
    await store.dispose();
  });

  async function newOwner(): Promise<string> {
    const id = `user-${unique()}`;
    await db().insert(authUsers).values({ id, name: 'Zhang San', email: `${id}@example.com` });
    return id;
  }

  function account(ownerId: string, fields: Partial<CheckedMailAccount> = {}): CheckedMailAccount {
    return {
      ownerId,
      address: `zhangsan.${unique()}@163.com`,
      providerId: 'netease',
      endpoints,
      code: newCode(),
      report: passingReport(),
      ...fields,
    };
  }

  it('saves a checked account, normalised, and opens its code for its owner only', async () => {
    const owner = await newOwner();
    const input = account(owner, { address: `  ZhangSan.${unique()}@163.COM ` });
    const { account: saved, created } = await saveCheckedMailAccount(db(), input, { keyring });
    expect(created).toBe(true);
    expect(saved).toMatchObject({
      ownerId: owner,
      address: input.address.trim().toLowerCase(),
      providerId: 'netease',
      domain: '163.com',
      imapHost: 'imap.163.com',
      imapPort: 993,
      imapTls: 'implicit',
      smtpHost: 'smtp.163.com',
      smtpPort: 465,
      smtpTls: 'implicit',
      status: 'ok',
    });
    expect(saved.lastCheckedAt).toBeInstanceOf(Date);
    expect(saved.lastCheckResult).toMatchObject({ ok: true, imap: { ok: true, endpoint: endpoints.imap }, smtp: { ok: true } });

    expect(await openMailAccountCode(db(), { ownerId: owner, accountId: saved.id }, { keyring })).toBe(input.code);
    const stranger = await newOwner();
    expect(await openMailAccountCode(db(), { ownerId: stranger, accountId: saved.id }, { keyring })).toBeNull();
    expect(await getMailAccount(db(), { ownerId: stranger, accountId: saved.id })).toBeNull();
    expect(await getMailAccount(db(), { ownerId: owner, accountId: saved.id })).toEqual(saved);
    expect(await getMailAccount(db(), { ownerId: owner, accountId: 'not-a-uuid' })).toBeNull();
    expect(await getMailAccount(db(), { ownerId: owner, accountId: randomUUID() })).toBeNull();
  });

  it('stores the code only sealed', async () => {
    const owner = await newOwner();
    const input = account(owner);
    const { account: saved } = await saveCheckedMailAccount(db(), input, { keyring });
    const [row] = await db().select().from(mailAccounts).where(eq(mailAccounts.id, saved.id));
    expect(row!.codeKeyId).toBe('old');
    expect(Buffer.isBuffer(row!.sealedCode)).toBe(true);
    expect(row!.sealedCode.includes(Buffer.from(input.code))).toBe(false);
    expect(JSON.stringify(row)).not.toContain(input.code);
  });

  it('lists accounts without the sealed value or the code', async () => {
    const owner = await newOwner();
    const inputs = [account(owner), account(owner)];
    for (const input of inputs) await saveCheckedMailAccount(db(), input, { keyring });
    const rows = await db().select().from(mailAccounts).where(eq(mailAccounts.ownerId, owner));

    const listed = await listMailAccounts(db(), owner);
    expect(listed.map((a) => a.address)).toEqual(inputs.map((i) => i.address));
    const json = JSON.stringify(listed);
    for (const input of inputs) expect(json).not.toContain(input.code);
    for (const row of rows) {
      for (const form of ['base64', 'hex', 'latin1'] as const) expect(json).not.toContain(row.sealedCode.toString(form));
    }
    for (const item of listed) {
      expect(Object.keys(item)).not.toContain('sealedCode');
      expect(Object.keys(item)).not.toContain('codeKeyId');
    }
    expect(await listMailAccounts(db(), await newOwner())).toEqual([]);
  });

  it('connecting the same address again replaces the code, endpoints and result of the same row', async () => {
    const owner = await newOwner();
    const first = account(owner);
    const { account: before } = await saveCheckedMailAccount(db(), first, { keyring });

    const other: MailEndpoints = {
      imap: { host: 'imap.ym.163.com', port: 993, tls: 'implicit' },
      smtp: { host: 'smtp.ym.163.com', port: 465, tls: 'implicit' },
    };
    const second = { ...first, code: newCode(), endpoints: other, report: passingReport(other) };
    const { account: after, created } = await saveCheckedMailAccount(db(), second, { keyring });

    expect(created).toBe(false);
    expect(after.id).toBe(before.id);
    expect(after.createdAt).toEqual(before.createdAt);
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    expect(after).toMatchObject({ imapHost: 'imap.ym.163.com', smtpHost: 'smtp.ym.163.com' });
    expect(after.lastCheckResult?.imap.endpoint.host).toBe('imap.ym.163.com');
    expect(await openMailAccountCode(db(), { ownerId: owner, accountId: after.id }, { keyring })).toBe(second.code);
    expect(await listMailAccounts(db(), owner)).toHaveLength(1);
  });

  it('two submits at once for the same owner and address make exactly one row', async () => {
    const owner = await newOwner();
    const address = `race.${unique()}@126.com`;
    const attempts = Array.from({ length: 6 }, () => account(owner, { address, code: newCode() }));
    const results = await Promise.all(attempts.map((input) => saveCheckedMailAccount(db(), input, { keyring })));

    expect(new Set(results.map((r) => r.account.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await db().select().from(mailAccounts).where(eq(mailAccounts.ownerId, owner));
    expect(rows).toHaveLength(1);
    // Whichever submit came last, the row holds one of the submitted codes, intact.
    const code = await openMailAccountCode(db(), { ownerId: owner, accountId: rows[0]!.id }, { keyring });
    expect(attempts.map((a) => a.code)).toContain(code);
  });

  it('the database itself refuses a second row for the same owner and address', async () => {
    const owner = await newOwner();
    const input = account(owner);
    const { account: saved } = await saveCheckedMailAccount(db(), input, { keyring });
    const [row] = await db().select().from(mailAccounts).where(eq(mailAccounts.id, saved.id));
    await expect(db().insert(mailAccounts).values({ ...row!, id: randomUUID() })).rejects.toThrow();
  });

  it('a second owner with the same address gets their own row and their own code', async () => {
    const [alice, bob] = [await newOwner(), await newOwner()];
    const address = `shared.${unique()}@yeah.net`;
    const a = await saveCheckedMailAccount(db(), account(alice, { address, code: 'aaaaaaaaaaaaaaaa' }), { keyring });
    const b = await saveCheckedMailAccount(db(), account(bob, { address, code: 'bbbbbbbbbbbbbbbb' }), { keyring });
    expect(a.created && b.created).toBe(true);
    expect(a.account.id).not.toBe(b.account.id);
    expect(await openMailAccountCode(db(), { ownerId: alice, accountId: a.account.id }, { keyring })).toBe('aaaaaaaaaaaaaaaa');
    expect(await openMailAccountCode(db(), { ownerId: bob, accountId: b.account.id }, { keyring })).toBe('bbbbbbbbbbbbbbbb');
  });

  it("a sealed code copied into another account's row does not open there", async () => {
    const [alice, bob] = [await newOwner(), await newOwner()];
    const address = `copied.${unique()}@163.com`;
    const a = await saveCheckedMailAccount(db(), account(alice, { address }), { keyring });
    const b = await saveCheckedMailAccount(db(), account(bob, { address }), { keyring });
    const [aliceRow] = await db().select().from(mailAccounts).where(eq(mailAccounts.id, a.account.id));
    await db()
      .update(mailAccounts)
      .set({ sealedCode: aliceRow!.sealedCode, codeKeyId: aliceRow!.codeKeyId })
      .where(eq(mailAccounts.id, b.account.id));
    await expect(openMailAccountCode(db(), { ownerId: bob, accountId: b.account.id }, { keyring })).rejects.toMatchObject({
      name: 'SealError',
      reason: 'authentication_failed',
    });
  });

  it('refuses to save an account whose check failed, and saves nothing', async () => {
    const owner = await newOwner();
    const code = newCode();
    await expect(saveCheckedMailAccount(db(), account(owner, { code, report: failingReport(code) }), { keyring })).rejects.toThrow(
      /did not pass/,
    );
    const forged = { ...passingReport(), ok: true, smtp: failingReport(code).imap };
    await expect(saveCheckedMailAccount(db(), account(owner, { report: forged }), { keyring })).rejects.toThrow(/did not pass/);
    expect(await listMailAccounts(db(), owner)).toEqual([]);
  });

  it('refuses endpoints other than the ones the check connected to', async () => {
    const owner = await newOwner();
    const elsewhere: MailEndpoints = { ...endpoints, smtp: { host: 'smtp.example.com', port: 465, tls: 'implicit' } };
    await expect(saveCheckedMailAccount(db(), account(owner, { endpoints: elsewhere }), { keyring })).rejects.toThrow(/endpoints/);
    expect(await listMailAccounts(db(), owner)).toEqual([]);
  });

  it('rotation: old values open while the old key is listed; re-sealing moves them to the new key and leaves current ones alone', async () => {
    // A store of its own, so the counts are exactly this test's rows.
    const rotationStore = await createScratchStore(kind);
    const rotationDb = await rotationStore.open();
    try {
      const rdb = rotationDb.db;
      const owner = `user-${unique()}`;
      await rdb.insert(authUsers).values({ id: owner, name: 'R', email: `${owner}@example.com` });
      const onOld = [account(owner), account(owner), account(owner)];
      const saved = [];
      for (const input of onOld) saved.push((await saveCheckedMailAccount(rdb, input, { keyring: createKeyring([keyOld]) })).account);

      const rotated = createKeyring([keyNew, keyOld]);
      const onNew = account(owner);
      await saveCheckedMailAccount(rdb, onNew, { keyring: rotated });

      // Before rotation: every code opens with the new keyring, because it still lists the old key.
      for (const [i, input] of onOld.entries()) {
        expect(await openMailAccountCode(rdb, { ownerId: owner, accountId: saved[i]!.id }, { keyring: rotated })).toBe(input.code);
      }
      // ...and not without it.
      await expect(
        openMailAccountCode(rdb, { ownerId: owner, accountId: saved[0]!.id }, { keyring: createKeyring([keyNew]) }),
      ).rejects.toBeInstanceOf(SealError);

      const counts = await resealMailAccountCodes(rdb, { keyring: rotated, batchSize: 2 });
      expect(counts).toEqual({
        total: 4,
        alreadyCurrent: 1,
        resealed: 3,
        changedMeanwhile: 0,
        failed: { unknown_key: 0, malformed: 0, authentication_failed: 0 },
      });
      const rows = await rdb.select().from(mailAccounts);
      expect(rows.every((r) => r.codeKeyId === 'new')).toBe(true);

      // After rotation the old key can go.
      const newOnly = createKeyring([keyNew]);
      for (const [i, input] of onOld.entries()) {
        expect(await openMailAccountCode(rdb, { ownerId: owner, accountId: saved[i]!.id }, { keyring: newOnly })).toBe(input.code);
      }
      const again = await resealMailAccountCodes(rdb, { keyring: newOnly });
      expect(again).toMatchObject({ total: 4, alreadyCurrent: 4, resealed: 0 });
    } finally {
      await rotationDb.close();
      await rotationStore.dispose();
    }
  });

  it('rotation counts values it cannot open and leaves them as they were', async () => {
    const rotationStore = await createScratchStore(kind);
    const rotationDb = await rotationStore.open();
    try {
      const rdb = rotationDb.db;
      const owner = `user-${unique()}`;
      await rdb.insert(authUsers).values({ id: owner, name: 'R', email: `${owner}@example.com` });
      await saveCheckedMailAccount(rdb, account(owner), { keyring: createKeyring([keyOld]) });
      const [before] = await rdb.select().from(mailAccounts);

      const counts = await resealMailAccountCodes(rdb, { keyring: createKeyring([keyNew]) });
      expect(counts).toMatchObject({ total: 1, alreadyCurrent: 0, resealed: 0, failed: { unknown_key: 1 } });
      const [after] = await rdb.select().from(mailAccounts);
      expect(after!.codeKeyId).toBe('old');
      expect(after!.sealedCode.equals(before!.sealedCode)).toBe(true);
    } finally {
      await rotationDb.close();
      await rotationStore.dispose();
    }
  });
});
