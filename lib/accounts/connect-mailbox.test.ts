import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsPeer } from '@/tools/peers/dns';
import { startNeteaseImap, type NeteaseImapServer } from '@/tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { listMailAccounts } from '@/lib/accounts/queries';
import { connectMailboxSchema } from '@/lib/accounts/schema';
import { createKeyring } from '@/lib/accounts/seal';
import type { OpenedDatabase } from '@/lib/db/client';
import { authUsers } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv, type EndpointOverrides } from '@/lib/env';
import type { LockoutPolicy } from '@/lib/mail-check/lockout';
import { issueText } from '@/lib/i18n/issue-text';
import { connectMailboxForOwner } from './connect-mailbox';

// What the wizard's server action answers, against the NetEase simulators: the browser-facing
// result for each outcome, and the promise that it never carries the code.

const CODE = 'PoIuYtReWqLkJhGf';
const policy: LockoutPolicy = { maxFailuresPerMailbox: 2, windowMs: 60_000, providerPauseMs: 60_000, maxFailuresPerProvider: 1000 };

describe.each(availableBackends())('connectMailboxForOwner on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let imap: NeteaseImapServer;
  let smtp: NeteaseSmtpServer;
  let overrides: EndpointOverrides;
  // An empty zone: an unknown domain's MX lookup stays on loopback and finds nothing.
  let dns: DnsPeer;
  const keyring = createKeyring([{ id: 'test', key: randomBytes(32) }]);
  const owner = `user-${randomBytes(4).toString('hex')}`;
  const users = { 'zhao@126.com': CODE, 'qian@126.com': CODE };

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    await opened.db.insert(authUsers).values({ id: owner, name: 'Zhao', email: `${owner}@example.com` });
    imap = await startNeteaseImap({ users, idRule: 'after-login' });
    smtp = await startNeteaseSmtp({ users });
    dns = await startDnsServer({});
    overrides = parseEnv({
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '126.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` } }),
    }).MAIL_ENDPOINT_OVERRIDES!;
  });
  afterAll(async () => {
    await Promise.all([imap?.stop(), smtp?.stop(), dns?.stop()]);
    await opened?.close();
    await store?.dispose();
  });

  async function submit(form: { address: string; code: string; alternative?: number }) {
    const parsed = connectMailboxSchema.safeParse(form);
    if (!parsed.success) throw new Error('the form did not parse');
    const result = await connectMailboxForOwner(opened.db, owner, parsed.data, {
      overrides,
      policy,
      timeoutMs: 10_000,
      keyring,
      dns: { servers: [dns.address] },
    });
    expect(JSON.stringify(result)).not.toContain(CODE);
    return result;
  }

  it('saves a passing mailbox and says so', async () => {
    const result = await submit({ address: 'Zhao@126.com', code: CODE });
    // The address checked, normalised: the wizard offers what follows from a result to it only.
    expect(result).toMatchObject({ ok: true, data: { address: 'zhao@126.com', passed: true, saved: true, imap: { ok: true }, smtp: { ok: true } } });
    expect((await listMailAccounts(opened.db, owner)).map((a) => a.address)).toEqual(['zhao@126.com']);
  });

  it('saves nothing when the check fails, and explains why', async () => {
    const result = await submit({ address: ' Qian@126.com', code: 'AAAAAAAAAAAAAAAA' });
    expect(result).toMatchObject({ ok: true, data: { address: 'qian@126.com', passed: false, saved: false, imap: { ok: false, code: 'auth_failed' } } });
    if (!result.ok || result.data.imap.ok) throw new Error('unreachable');
    expect(result.data.imap.diagnosis.guideStep).toBe('enable-service-and-get-code');
    expect((await listMailAccounts(opened.db, owner)).map((a) => a.address)).toEqual(['zhao@126.com']);
  });

  it('turns the lockout into a retry time', async () => {
    await submit({ address: 'qian@126.com', code: 'AAAAAAAAAAAAAAAA' });
    const result = await submit({ address: 'qian@126.com', code: CODE });
    expect(result).toMatchObject({ ok: false, code: 'refused', reason: 'mailbox_locked' });
    if (result.ok || result.code !== 'refused') throw new Error('unreachable');
    expect(new Date(result.retryAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('says which servers the check used: the 163.com fallback only when the form asked for it', async () => {
    const own = await submit({ address: 'zhao@126.com', code: CODE });
    expect(own).toMatchObject({ ok: true, data: { passed: true } });
    expect(own.ok && own.data).not.toHaveProperty('alternative');
    expect(await submit({ address: 'zhao@126.com', code: CODE, alternative: 0 })).toMatchObject({ ok: true, data: { passed: true, alternative: 0 } });
  });

  it('answers an unknown provider and a missing alternative as input errors, worded in the reader’s language', async () => {
    const unknown = await submit({ address: 'someone@example.org', code: CODE });
    expect(unknown).toMatchObject({ ok: false, code: 'invalid', fieldErrors: { address: [{ en: expect.stringMatching(/recognise/) }] } });
    const missing = await submit({ address: 'zhao@126.com', code: CODE, alternative: 5 });
    expect(missing).toMatchObject({ ok: false, code: 'invalid', formError: 'alternative.unknown' });
    if (missing.ok || missing.code !== 'invalid' || missing.formError === undefined) throw new Error('unreachable');
    expect(issueText(missing.formError, 'zh')).toContain('备用服务器');
  });
});
