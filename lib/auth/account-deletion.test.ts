import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, sealSecret } from '@/lib/accounts/seal';
import { createAuth, type AppAuth } from '@/lib/auth/server';
import type { OpenedDatabase } from '@/lib/db/client';
import {
  accountAuditLog,
  accountStatusEvents,
  authAccounts,
  authSessions,
  authUsers,
  authVerifications,
  checkAttempts,
  helpSessions,
  mailAccounts,
} from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import type { MailSender, OutgoingMail } from '@/lib/mail/relay';
import { deleteUserWithMailboxes } from './account-deletion';

// 「删除账号」 on each database: the user goes with their sessions, password, mailboxes (and their
// sealed codes and status history), reset links and help requests; an audit entry per mailbox
// stays, as do the check attempts, and none of what stays holds a secret. Another user's data is
// untouched.

const BASE_URL = 'http://localhost:3000';
const PASSWORD = 'correct horse battery';
const CODE = 'PoIuYtReWqLkJhGf';
const keyring = createKeyring([{ id: 'test', key: randomBytes(32) }]);
const unique = () => randomBytes(4).toString('hex');

describe.each(availableBackends())('deleting a user on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let auth: AppAuth;
  const sent: OutgoingMail[] = [];
  const mailer: MailSender = { route: 'test', send: async (mail) => void sent.push(mail) };

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    auth = createAuth(opened.db, {
      secret: randomBytes(32).toString('base64'),
      baseURL: BASE_URL,
      signInLimit: { max: 1000, windowSeconds: 60 },
      passwordReset: { linkSeconds: 1800, perClientAddress: { max: 100, windowSeconds: 3600 }, perEmail: { max: 100, windowSeconds: 3600 }, mailer },
    });
  });
  afterAll(async () => {
    await opened.close();
    await store.dispose();
  });

  const post = (endpoint: string, body: unknown) =>
    auth.handler(
      new Request(`${BASE_URL}/api/auth${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${randomBytes(1)[0]}` },
        body: JSON.stringify(body),
      }),
    );

  /** A user as the app makes one (sign-up, a second session), with two mailboxes, a check attempt, a help request and a pending reset link. */
  async function userWithEverything() {
    const email = `owner-${unique()}@example.com`;
    expect((await post('/sign-up/email', { email, password: PASSWORD, name: 'Owner' })).status).toBe(200);
    expect((await post('/sign-in/email', { email, password: PASSWORD })).status).toBe(200);
    expect((await post('/request-password-reset', { email })).status).toBe(200);
    const [user] = await opened.db.select().from(authUsers).where(eq(authUsers.email, email));
    const ownerId = user!.id;
    const mailboxes = await opened.db
      .insert(mailAccounts)
      .values(
        ['zhao', 'qian'].map((local) => {
          const address = `${local}-${unique()}@126.com`;
          const { keyId, sealed } = sealSecret(keyring, CODE, { ownerId, address });
          return {
            ownerId,
            address,
            providerId: 'netease',
            domain: '126.com',
            imapHost: 'imap.126.com',
            imapPort: 993,
            imapTls: 'implicit' as const,
            smtpHost: 'smtp.126.com',
            smtpPort: 465,
            smtpTls: 'implicit' as const,
            status: 'ok' as const,
            sealedCode: sealed,
            codeKeyId: keyId,
          };
        }),
      )
      .returning({ id: mailAccounts.id, address: mailAccounts.address });
    await opened.db.insert(accountStatusEvents).values(mailboxes.map((m) => ({ accountId: m.id, toStatus: 'ok' as const, reason: 'check_passed' as const })));
    await opened.db.insert(checkAttempts).values({
      address: mailboxes[0]!.address,
      providerId: 'netease',
      startedAt: new Date(),
      finishedAt: new Date(),
      ok: true,
      durationMs: 120,
      ownerId,
      kind: 'wizard',
    });
    await opened.db.insert(helpSessions).values({
      code: String(100000 + (randomBytes(2).readUInt16BE() % 900000)),
      browserTokenHash: randomBytes(32).toString('hex'),
      customerId: ownerId,
      codeExpiresAt: new Date(Date.now() + 600_000),
      endsAt: new Date(Date.now() + 3_600_000),
    });
    return { ownerId, email, mailboxes };
  }

  const countOf = async (rows: Promise<unknown[]>) => (await rows).length;

  it('removes the user and everything of theirs, keeps an audit entry per mailbox and the check attempts, none with a secret', async () => {
    const { ownerId, email, mailboxes } = await userWithEverything();
    const bystander = await userWithEverything();
    const db = opened.db;
    expect(await countOf(db.select().from(authSessions).where(eq(authSessions.userId, ownerId)))).toBe(2);
    expect(await countOf(db.select().from(authVerifications).where(eq(authVerifications.value, ownerId)))).toBe(1);

    const deleted = await deleteUserWithMailboxes(db, ownerId);
    expect(deleted?.mailboxes.map((m) => m.address).sort()).toEqual(mailboxes.map((m) => m.address).sort());

    expect(await countOf(db.select().from(authUsers).where(eq(authUsers.id, ownerId)))).toBe(0);
    expect(await countOf(db.select().from(authSessions).where(eq(authSessions.userId, ownerId)))).toBe(0);
    expect(await countOf(db.select().from(authAccounts).where(eq(authAccounts.userId, ownerId)))).toBe(0);
    expect(await countOf(db.select().from(authVerifications).where(eq(authVerifications.value, ownerId)))).toBe(0);
    expect(await countOf(db.select().from(mailAccounts).where(eq(mailAccounts.ownerId, ownerId)))).toBe(0);
    const ids = mailboxes.map((m) => m.id);
    expect(await countOf(db.select().from(accountStatusEvents).where(inArray(accountStatusEvents.accountId, ids)))).toBe(0);
    expect(await countOf(db.select().from(helpSessions).where(eq(helpSessions.customerId, ownerId)))).toBe(0);

    const audit = await db.select().from(accountAuditLog).where(eq(accountAuditLog.ownerId, ownerId));
    expect(audit.map((e) => ({ accountId: e.accountId, address: e.address, action: e.action })).sort((a, b) => a.address.localeCompare(b.address))).toEqual(
      mailboxes.map((m) => ({ accountId: m.id, address: m.address, action: 'deleted' })).sort((a, b) => a.address.localeCompare(b.address)),
    );
    const attempts = await db.select().from(checkAttempts).where(eq(checkAttempts.ownerId, ownerId));
    expect(attempts).toHaveLength(1);
    const kept = JSON.stringify({ audit, attempts });
    expect(kept).not.toContain(CODE);
    expect(kept).not.toContain(PASSWORD);

    // Signing in with the address no longer works; the address is free for a new sign-up.
    expect((await post('/sign-in/email', { email, password: PASSWORD })).status).toBe(401);
    // The reset link sent before the deletion is gone with the user.
    const token = /token=([A-Za-z0-9]+)/.exec(sent.filter((m) => m.to === email).at(-1)!.text)![1];
    expect((await post('/reset-password', { token, newPassword: 'a brand new passphrase' })).status).toBe(400);

    // The other user is untouched.
    expect(await countOf(db.select().from(authUsers).where(eq(authUsers.id, bystander.ownerId)))).toBe(1);
    expect(await countOf(db.select().from(mailAccounts).where(eq(mailAccounts.ownerId, bystander.ownerId)))).toBe(2);
    expect(await countOf(db.select().from(authSessions).where(eq(authSessions.userId, bystander.ownerId)))).toBe(2);
    expect(await countOf(db.select().from(accountAuditLog).where(eq(accountAuditLog.ownerId, bystander.ownerId)))).toBe(0);
  });

  it('answers null for a user that is not there, and changes nothing', async () => {
    const before = await countOf(opened.db.select().from(accountAuditLog));
    expect(await deleteUserWithMailboxes(opened.db, `nobody-${unique()}`)).toBeNull();
    expect(await countOf(opened.db.select().from(accountAuditLog))).toBe(before);
  });
});
