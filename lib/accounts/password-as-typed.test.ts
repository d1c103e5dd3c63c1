import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsPeer } from '@/tools/peers/dns';
import { startDovecot, type DovecotServer } from '@/tools/peers/dovecot';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { startProviderPeers, type ProviderPeers } from '@/tools/peers/provider-scripts';
import { listMailAccounts, openMailAccountCode } from '@/lib/accounts/queries';
import { createConnectMailboxSchema } from '@/lib/accounts/schema';
import { createKeyring } from '@/lib/accounts/seal';
import type { OpenedDatabase } from '@/lib/db/client';
import { authUsers } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import type { ManualServerInput } from '@/lib/discovery/manual';
import { parseEnv } from '@/lib/env';
import type { LockoutPolicy } from '@/lib/mail-check/lockout';
import { runMailCheck } from '@/lib/mail-check/run-check';
import { cleanSecret, normalizeAuthCode } from '@/lib/providers/auth-code';
import { MANUAL_PROVIDER } from '@/lib/providers/manual';
import { connectMailboxForOwner } from './connect-mailbox';
import { checkAccountNow, replaceAccountCode, type ManageOptions } from './manage';

// A password is the user's own, so it must reach the mail server exactly as typed: spaces inside
// and at both ends, full-width letters and digits from a Chinese input method, an ideographic
// space, symbols, Chinese characters. Only a line break or zero-width character that a paste
// left at either end is dropped. Real peers judge it: Dovecot (IMAP LOGIN, passwd-file) and
// smtp-server (AUTH), each accepting only the very same string, so a login that passes is the
// proof that nothing was changed on the way.

// No ':' (it ends a passwd-file field); everything else a keyboard or an input method gives.
const PASSWORD = '  correct horse ｐａｓｓ１２３\u3000!@#$%^&*()_+-=[]{};\'",./<>?\\|`~ 密码  ';
/** As it may arrive from a paste: a zero-width space in front, a line break after. */
const PASTED = `\u200b${PASSWORD}\r\n`;
const ALLOWED = 'mail.selfhosted.test';
const policy: LockoutPolicy = { maxFailuresPerMailbox: 5, windowMs: 60_000, providerPauseMs: 60_000, maxFailuresPerProvider: 1000 };

describe.each(availableBackends())('a password as typed, on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let dovecot: DovecotServer;
  let smtp: NeteaseSmtpServer;
  let sohu: ProviderPeers;
  let dns: DnsPeer;
  const keyring = createKeyring([{ id: 'test', key: randomBytes(32) }]);
  const owner = `user-${randomBytes(4).toString('hex')}`;
  const users = { 'lin@selfhosted.test': PASSWORD, 'he@selfhosted.test': PASSWORD, 'gao@selfhosted.test': PASSWORD };

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    await opened.db.insert(authUsers).values({ id: owner, name: 'Lin', email: `${owner}@example.com` });
    [dovecot, smtp, sohu, dns] = await Promise.all([
      startDovecot({ users }),
      startNeteaseSmtp({ users }),
      startProviderPeers('sohu', { users: { 'lin@sohu.com': PASSWORD } }),
      startDnsServer({
        'selfhosted.test': { mx: [{ exchange: ALLOWED, priority: 10 }] },
        [ALLOWED]: { a: ['127.0.0.1'] },
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([dovecot?.stop(), smtp?.stop(), sohu?.stop(), dns?.stop()]);
    await opened?.close();
    await store?.dispose();
  });

  const options = (): ManageOptions => ({
    policy,
    timeoutMs: 10_000,
    stageTimeoutMs: 5_000,
    keyring,
    dns: { servers: [dns.address] },
    manualAllowHosts: [ALLOWED],
    overrides: parseEnv({
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ 'sohu.com': { imap: `127.0.0.1:${sohu.imap.port}`, smtp: `127.0.0.1:${sohu.smtp.port}` } }),
    }).MAIL_ENDPOINT_OVERRIDES!,
  });

  const servers = (): ManualServerInput => ({
    imapHost: ALLOWED,
    imapPort: dovecot.port,
    imapTls: 'implicit',
    smtpHost: ALLOWED,
    smtpPort: smtp.port,
    smtpTls: 'implicit',
  });

  /** The wizard's submit as the server action runs it: the shared schema, then the check and the save. */
  async function submit(form: { address: string; code: string; manual?: ManualServerInput }) {
    const parsed = createConnectMailboxSchema().safeParse(form);
    if (!parsed.success) throw new Error(`the form did not parse: ${parsed.error.message}`);
    return connectMailboxForOwner(opened.db, owner, parsed.data, options());
  }

  const accountOf = async (address: string) => {
    const account = (await listMailAccounts(opened.db, owner)).find((a) => a.address === address);
    if (!account) throw new Error(`${address} was not saved`);
    return account;
  };

  const lastSmtpAuth = () => smtp.sessions.flatMap((session) => session.authAttempts).at(-1);

  it('logs in to IMAP and SMTP with the cleaned password, and the peers refuse what the code cleaning would have sent', async () => {
    const address = 'gao@selfhosted.test';
    const endpoints = {
      imap: { host: dovecot.host, port: dovecot.port, tls: 'implicit' as const },
      smtp: { host: smtp.host, port: smtp.port, tls: 'implicit' as const },
    };
    const sent = cleanSecret(PASTED, MANUAL_PROVIDER.credential.kind);
    expect(sent).toBe(PASSWORD);
    const report = await runMailCheck({ address, code: sent, endpoints, providerId: MANUAL_PROVIDER.id, timeoutMs: 10_000 });
    expect(report.imap).toMatchObject({ ok: true });
    expect(report.smtp).toMatchObject({ ok: true });
    expect(lastSmtpAuth()).toEqual({ method: expect.any(String), username: address, reply: '235', at: expect.any(Number) });

    // Not vacuous: the peers tell the strings apart. The old code cleaning ('correcthorsepass123...')
    // is refused at LOGIN, and SMTP, which logs in only after IMAP did, never sends it.
    const authsBefore = smtp.sessions.flatMap((session) => session.authAttempts).length;
    const changed = await runMailCheck({ address, code: normalizeAuthCode(PASSWORD), endpoints, providerId: MANUAL_PROVIDER.id, timeoutMs: 10_000 });
    expect(changed.imap).toMatchObject({ ok: false, code: 'auth_failed' });
    expect(changed.smtp.ok).toBe(false);
    expect(smtp.sessions.flatMap((session) => session.authAttempts)).toHaveLength(authsBefore);
  });

  it('manual setup: the wizard’s submit checks and seals the password as typed, and a re-check sends it again', async () => {
    const address = 'lin@selfhosted.test';
    const result = await submit({ address, code: PASTED, manual: servers() });
    expect(result).toMatchObject({ ok: true, data: { passed: true, saved: true, imap: { ok: true }, smtp: { ok: true } } });
    expect(lastSmtpAuth()).toEqual({ method: expect.any(String), username: address, reply: '235', at: expect.any(Number) });
    // Nothing secret in what the browser gets back.
    expect(JSON.stringify(result)).not.toContain('correct horse');

    const account = await accountOf(address);
    expect(account.providerId).toBe(MANUAL_PROVIDER.id);
    expect(await openMailAccountCode(opened.db, { ownerId: owner, accountId: account.id }, { keyring })).toBe(PASSWORD);

    // The stored password goes out unchanged on the next check too.
    expect(await checkAccountNow(opened.db, owner, account.id, options())).toMatchObject({ status: 'done', account: { status: 'ok' } });
    expect(lastSmtpAuth()).toMatchObject({ username: address, reply: '235' });
  });

  it('replacing the password on /accounts keeps it as typed and refuses one with a line break inside before any login', async () => {
    const address = 'he@selfhosted.test';
    expect(await submit({ address, code: PASSWORD, manual: servers() })).toMatchObject({ ok: true, data: { passed: true, saved: true } });
    const { id } = await accountOf(address);

    const renewed = ` ${PASSWORD.trim()} new `;
    await dovecot.setPassword(address, renewed);
    smtp.setCode(address, renewed);
    expect(await replaceAccountCode(opened.db, owner, id, `${renewed}\n`, options())).toMatchObject({ status: 'done', account: { status: 'ok' } });
    expect(await openMailAccountCode(opened.db, { ownerId: owner, accountId: id }, { keyring })).toBe(renewed);

    const sessions = smtp.sessions.length;
    const refused = await replaceAccountCode(opened.db, owner, id, 'first line\nsecond line', { ...options(), locale: 'en' });
    expect(refused).toEqual({ status: 'invalid', fieldErrors: { code: [expect.stringMatching(/line break/)] } });
    expect(smtp.sessions).toHaveLength(sessions);
    expect(await openMailAccountCode(opened.db, { ownerId: owner, accountId: id }, { keyring })).toBe(renewed);
  });

  it('Sohu: the separate password (独立密码) is sent and sealed as typed', async () => {
    const address = 'lin@sohu.com';
    const result = await submit({ address, code: PASTED });
    expect(result).toMatchObject({ ok: true, data: { passed: true, saved: true } });
    expect(sohu.imap.connections.some((c) => c.user === address)).toBe(true);
    const account = await accountOf(address);
    expect(account.providerId).toBe('sohu');
    expect(await openMailAccountCode(opened.db, { ownerId: owner, accountId: account.id }, { keyring })).toBe(PASSWORD);
  });
});
