import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNeteaseImap, type NeteaseImapServer } from '@/tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { listMailAccounts, openMailAccountCode, saveCheckedMailAccount } from '@/lib/accounts/queries';
import { connectMailboxSchema } from '@/lib/accounts/schema';
import { createKeyring } from '@/lib/accounts/seal';
import type { OpenedDatabase } from '@/lib/db/client';
import { authUsers, mailAccounts } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv, type EndpointOverrides } from '@/lib/env';
import { checkMailbox } from '@/lib/mail-check/check-mailbox';
import type { LockoutPolicy } from '@/lib/mail-check/lockout';

// The server side of "connect this mailbox", end to end against the NetEase simulators: the
// shared schema parses what the form sent, the check runs against real IMAP and SMTP peers,
// and only a passing check is saved, sealed.

const CODE = 'QwErTyUiOpAsDfGh';
const NEW_CODE = 'ZxCvBnMaSdFgHjKl';
const policy: LockoutPolicy = { maxFailuresPerMailbox: 50, windowMs: 60_000, providerPauseMs: 60_000, maxFailuresPerProvider: 1000 };

describe.each(availableBackends())('check, then save, on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let imap: NeteaseImapServer;
  let smtp: NeteaseSmtpServer;
  let overrides: EndpointOverrides;
  const users = { 'zhangsan@163.com': CODE };
  const keyring = createKeyring([{ id: 'test', key: randomBytes(32) }]);
  const owner = `user-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    await opened.db.insert(authUsers).values({ id: owner, name: 'Zhang San', email: `${owner}@example.com` });
    imap = await startNeteaseImap({ users, idRule: 'after-login' });
    smtp = await startNeteaseSmtp({ users });
    overrides = parseEnv({
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '163.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` } }),
    }).MAIL_ENDPOINT_OVERRIDES!;
  });
  afterAll(async () => {
    await Promise.all([imap?.stop(), smtp?.stop()]);
    await opened?.close();
    await store?.dispose();
  });

  /** What the server action does with a submit. */
  async function submit(form: { address: string; code: string }) {
    const parsed = connectMailboxSchema.safeParse(form);
    if (!parsed.success) throw new Error('the form did not parse');
    const result = await checkMailbox(opened.db, parsed.data, { overrides, policy, timeoutMs: 10_000 });
    if (result.status !== 'checked') throw new Error(`expected a check, got ${result.status}`);
    if (!result.report.ok) return { result, saved: null };
    const saved = await saveCheckedMailAccount(
      opened.db,
      { ownerId: owner, address: result.address, providerId: result.providerId, endpoints: result.endpoints, code: result.secret, report: result.report },
      { keyring },
    );
    return { result, saved };
  }

  it('saves a mailbox whose check passed, with the endpoints it used and no code in the clear', async () => {
    const { saved } = await submit({ address: ' ZhangSan@163.com ', code: 'QwEr TyUi OpAs DfGh' });
    expect(saved?.created).toBe(true);
    expect(saved?.account).toMatchObject({ address: 'zhangsan@163.com', status: 'ok', imapHost: '127.0.0.1', imapPort: imap.port, smtpPort: smtp.port });
    expect(await openMailAccountCode(opened.db, { ownerId: owner, accountId: saved!.account.id }, { keyring })).toBe(CODE);
    const [row] = await opened.db.select().from(mailAccounts).where(eq(mailAccounts.id, saved!.account.id));
    expect(JSON.stringify(row)).not.toContain(CODE);
  });

  it('a wrong code is not saved, and leaves the saved code as it was', async () => {
    const { result, saved } = await submit({ address: 'zhangsan@163.com', code: NEW_CODE });
    expect(result.report.imap).toMatchObject({ ok: false, code: 'auth_failed' });
    expect(saved).toBeNull();
    await expect(
      saveCheckedMailAccount(
        opened.db,
        { ownerId: owner, address: result.address, providerId: result.providerId, endpoints: result.endpoints, code: NEW_CODE, report: result.report },
        { keyring },
      ),
    ).rejects.toThrow(/did not pass/);
    const [account] = await listMailAccounts(opened.db, owner);
    expect(await openMailAccountCode(opened.db, { ownerId: owner, accountId: account!.id }, { keyring })).toBe(CODE);
  });

  it('a new code that passes replaces the old one in the same row', async () => {
    // The user made a new code in webmail.
    imap.setCode('zhangsan@163.com', NEW_CODE);
    smtp.setCode('zhangsan@163.com', NEW_CODE);
    const { saved } = await submit({ address: 'zhangsan@163.com', code: NEW_CODE });
    expect(saved?.created).toBe(false);
    expect(await listMailAccounts(opened.db, owner)).toHaveLength(1);
    expect(await openMailAccountCode(opened.db, { ownerId: owner, accountId: saved!.account.id }, { keyring })).toBe(NEW_CODE);
  });
});
