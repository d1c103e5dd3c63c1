import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenedDatabase } from '@/lib/db/client';
import { authUsers, mailAccounts } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { issueText } from '@/lib/i18n/issue-text';
import { createKeyring, sealSecret } from './seal';

// The /accounts server actions with a real database and the real data layer. Only what Next
// provides per request is stood in for: who is signed in, the reader's language, and the page
// cache. These calls need no mail server: every one is answered before a check would run.

const request = vi.hoisted(() => ({
  user: null as { id: string; email: string; name: string } | null,
  locale: 'zh' as 'zh' | 'en',
  db: undefined as unknown,
  revalidated: [] as string[],
}));

vi.mock('@/lib/auth/server', () => ({ getSessionUser: async () => request.user }));
vi.mock('@/lib/i18n/server', () => ({ getLocale: async () => request.locale }));
vi.mock('@/lib/db/client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db/client')>()),
  getDatabase: async () => ({ db: request.db }),
}));
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => void request.revalidated.push(path) }));

const SIGNED_OUT = { ok: false, code: 'signed_out' };
const NOT_FOUND = { ok: false, code: 'not_found' };

const {
  checkNowAction,
  deleteAccountAction,
  pauseAccountAction,
  replaceCodeAction,
  resumeAccountAction,
} = await import('@/app/accounts/actions');

describe.each(availableBackends())('/accounts actions on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  const owner = { id: `user-${randomBytes(4).toString('hex')}`, email: 'zhao@example.com', name: 'Zhao' };
  const intruder = { id: `user-${randomBytes(4).toString('hex')}`, email: 'mallory@example.com', name: 'Mallory' };
  let accountId: string;

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    request.db = opened.db;
    await opened.db.insert(authUsers).values([owner, intruder]);
    const address = 'zhao@126.com';
    const { keyId, sealed } = sealSecret(createKeyring([{ id: 'test', key: randomBytes(32) }]), 'PoIuYtReWqLkJhGf', { ownerId: owner.id, address });
    const [row] = await opened.db
      .insert(mailAccounts)
      .values({
        ownerId: owner.id,
        address,
        providerId: 'netease',
        domain: '126.com',
        imapHost: 'imap.126.com',
        imapPort: 993,
        imapTls: 'implicit',
        smtpHost: 'smtp.126.com',
        smtpPort: 465,
        smtpTls: 'implicit',
        status: 'ok',
        sealedCode: sealed,
        codeKeyId: keyId,
      })
      .returning({ id: mailAccounts.id });
    accountId = row!.id;
  });
  afterAll(async () => {
    await opened?.close();
    await store?.dispose();
  });
  beforeEach(() => {
    request.user = owner;
    request.locale = 'zh';
    request.revalidated = [];
  });

  it('answers signed_out without a session, whatever the id', async () => {
    request.user = null;
    for (const id of [accountId, randomUUID(), 'nonsense']) {
      expect(await checkNowAction(id)).toEqual(SIGNED_OUT);
      expect(await pauseAccountAction(id)).toEqual(SIGNED_OUT);
      expect(await resumeAccountAction(id)).toEqual(SIGNED_OUT);
      expect(await replaceCodeAction({ accountId: id, code: 'MnBvCxZaSdFgHjKl' })).toEqual(SIGNED_OUT);
      expect(await deleteAccountAction(id)).toEqual(SIGNED_OUT);
    }
    expect(request.revalidated).toEqual([]);
  });

  it('pauses and resumes the owner’s account and re-renders the page', async () => {
    expect(await pauseAccountAction(accountId)).toMatchObject({ ok: true, data: { id: accountId, status: 'paused' } });
    expect(await resumeAccountAction(accountId)).toMatchObject({ ok: true, data: { id: accountId, status: 'ok' } });
    expect(request.revalidated).toEqual(['/accounts', '/accounts']);
  });

  it('validates the new code before anything else, as an issue the form words in the reader’s language', async () => {
    request.locale = 'en';
    expect(await replaceCodeAction({ accountId, code: '   ' })).toEqual({ ok: false, code: 'invalid', fieldErrors: { code: ['code.empty'] } });
    expect(issueText('code.empty', 'en')).toBe('Please paste the code.');
    request.locale = 'zh';
    expect(await replaceCodeAction({ accountId: randomUUID(), code: '' })).toEqual({ ok: false, code: 'invalid', fieldErrors: { code: ['code.empty'] } });
    expect(issueText('code.empty', 'zh')).toBe('请粘贴授权码。');
  });

  it('gives another user, a random id and malformed input the same not_found, and changes nothing', async () => {
    request.user = intruder;
    const inputs: unknown[] = [accountId, randomUUID(), 'not-a-uuid', '', 42, null, undefined, { id: accountId }];
    for (const id of inputs) {
      // Deliberately untyped: a client can send anything to a server action.
      const anyId = id as string;
      expect(await checkNowAction(anyId)).toEqual(NOT_FOUND);
      expect(await pauseAccountAction(anyId)).toEqual(NOT_FOUND);
      expect(await resumeAccountAction(anyId)).toEqual(NOT_FOUND);
      expect(await replaceCodeAction({ accountId: anyId, code: 'MnBvCxZaSdFgHjKl' })).toEqual(NOT_FOUND);
      expect(await deleteAccountAction(anyId)).toEqual(NOT_FOUND);
    }
    expect(await replaceCodeAction(null as unknown as { accountId: string; code: string })).toEqual(NOT_FOUND);
    expect(request.revalidated).toEqual([]);

    request.user = owner;
    expect(await pauseAccountAction(accountId)).toMatchObject({ ok: true, data: { status: 'paused' } });
    expect(await checkNowAction(accountId)).toEqual({ ok: false, code: 'refused', reason: 'paused' });
    expect(await deleteAccountAction(accountId)).toEqual({ ok: true, data: null });
    expect(await deleteAccountAction(accountId)).toEqual(NOT_FOUND);
  });
});
