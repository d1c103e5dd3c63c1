import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBanRule, type BanRule } from '@/tools/peers/ban-rule';
import { startDnsServer, type DnsPeer } from '@/tools/peers/dns';
import { startNeteaseImap, type NeteaseImapServer } from '@/tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { createKeyring } from '@/lib/accounts/seal';
import type { OpenedDatabase } from '@/lib/db/client';
import { authUsers, checkAttempts } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { createManualServerSchema, type ManualServerValues } from '@/lib/discovery/manual';
import { MANUAL_FIELD_MESSAGES } from '@/lib/discovery/messages';
import { parseEnv } from '@/lib/env';
import { checkMailbox, type CheckMailboxOptions } from '@/lib/mail-check/check-mailbox';
import { lockoutPolicyFrom } from '@/lib/mail-check/lockout';
import type { MailEndpoints } from '@/lib/providers/types';
import { connectMailboxForOwner } from './connect-mailbox';
import { checkAccountNow, getAccountView } from './manage';
import { saveCheckedMailAccount } from './queries';

// Manual setup typed with a provider's own servers, against NetEase peers that ban a client
// address after a few refused logins. Under the 'manual' id such a check would log in at NetEase
// without its texts, its limits or its pause; it is refused instead, on the host's field, before
// anything is looked up, dialled or counted. The peers stand where 163.com's servers are in this
// world (MAIL_ENDPOINT_OVERRIDES); the hosts typed here are let through the SSRF guard by the
// test seam (manualAllowHosts), as a public provider host is in production, so only the provider
// rule stands between the typed servers and the peers.

const WRONG = 'ZxCvBnMlKjHgFdSa';
const policy = lockoutPolicyFrom(parseEnv({}));

describe.each(availableBackends())('manual setup typed with a provider’s servers, on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let rule: BanRule;
  let imap: NeteaseImapServer;
  let smtp: NeteaseSmtpServer;
  let dns: DnsPeer;
  const keyring = createKeyring([{ id: 'test', key: randomBytes(32) }]);
  const owner = `user-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    await opened.db.insert(authUsers).values({ id: owner, name: 'Qian', email: `${owner}@example.com` });
    rule = createBanRule({ threshold: 3, windowMs: 15 * 60_000 });
    [imap, smtp, dns] = await Promise.all([
      startNeteaseImap({ users: {}, banRule: rule }),
      startNeteaseSmtp({ users: {}, banRule: rule }),
      startDnsServer({
        // A company domain whose mail no provider hosts: manual setup is the way.
        'corp.test': { mx: [{ exchange: 'mx.corp.test', priority: 10 }] },
        'imap.163.com': { a: ['127.0.0.1'] },
        'smtp.163.com': { a: ['127.0.0.1'] },
        // The company's own names for NetEase's servers.
        'mail.corp.test': { cname: 'imap.163.com' },
        'out.corp.test': { cname: 'smtp.163.com' },
        'imap.exmail.qq.com': { a: ['127.0.0.1'] },
        'imap.public.test': { a: ['93.184.215.14'] },
        // An Exmail company's name for its server, which Tencent runs on QQ Mail's machines.
        'exmail.corp.test': { cname: 'imap2.exmail.qq.com' },
        'imap2.exmail.qq.com': { cname: 'imap.qq.com' },
        'imap.qq.com': { a: ['93.184.215.14'] },
        // QQ's VIP mail: in QQ Mail's zone, but no provider entry lists the domain.
        'vip.qq.com': { mx: [{ exchange: 'mx3.qq.com', priority: 10 }] },
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([imap?.stop(), smtp?.stop(), dns?.stop()]);
    await opened?.close();
    await store?.dispose();
  });

  const options = (): CheckMailboxOptions => ({
    overrides: parseEnv({
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ '163.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` } }),
    }).MAIL_ENDPOINT_OVERRIDES,
    policy,
    timeoutMs: 10_000,
    stageTimeoutMs: 5_000,
    dns: { servers: [dns.address] },
    manualAllowHosts: ['127.0.0.1', 'imap.163.com', 'smtp.163.com', 'mail.corp.test', 'out.corp.test'],
  });

  /** Servers as typed, as the action's schema hands them to the check (ports left to the check). */
  const peerServers = (overrides: Partial<ManualServerValues> = {}): ManualServerValues =>
    createManualServerSchema({ mailPortsOnly: false }).parse({
      imapHost: '127.0.0.1',
      imapPort: imap.port,
      imapTls: 'implicit',
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      smtpTls: 'implicit',
      ...overrides,
    });

  /** What reached the peers: connections, and logins refused or answered with the ban text. */
  const atPeers = () => {
    const figures = rule.figures();
    return { imapConnections: imap.connections.length, smtpSessions: smtp.sessions.length, refused: figures.refused.total, banned: figures.banned };
  };
  const untouched = { imapConnections: 0, smtpSessions: 0, refused: 0, banned: false };
  const attemptsOf = (address: string) => opened.db.select().from(checkAttempts).where(eq(checkAttempts.address, address));

  it('the peer’s servers as 163.com’s check dials them: 30 wrong-code submits at once are all refused on the field, none reaches NetEase', async () => {
    const address = `qian-${randomBytes(3).toString('hex')}@corp.test`;
    const results = await Promise.all(
      Array.from({ length: 30 }, () => connectMailboxForOwner(opened.db, owner, { address, code: WRONG, manual: peerServers() }, options())),
    );
    for (const result of results) {
      expect(result).toEqual({
        ok: false,
        code: 'invalid',
        fieldErrors: { imapHost: [{ zh: expect.stringContaining('是网易邮箱的服务器'), en: expect.stringContaining('is a server of NetEase Mail') }] },
      });
    }
    expect(atPeers()).toEqual(untouched);
    expect(await attemptsOf(address)).toEqual([]);
  });

  it('imap.163.com / smtp.163.com typed for a company domain: refused by name, before the name is even looked up', async () => {
    const before = dns.queries.length;
    const result = await checkMailbox(
      opened.db,
      { address: 'qian@corp.test', code: WRONG, manual: peerServers({ imapHost: 'IMAP.163.com.', smtpHost: 'smtp.163.com' }) },
      { ...options(), ownerId: owner },
    );
    expect(result).toMatchObject({ status: 'host_refused', field: 'imapHost', code: 'provider_host' });
    if (result.status !== 'host_refused') throw new Error('unreachable');
    expect(result.message.zh).toContain('imap.163.com 是网易邮箱的服务器');
    // The address is one we did not recognise (that is why it is manual setup): nothing says we would.
    expect(result.message.en).toContain('The address above is not a NetEase Mail address we recognise');
    // Only the address's MX lookup was asked.
    expect(dns.queries.slice(before)).toEqual(['MX corp.test']);
    expect(atPeers()).toEqual(untouched);
    expect(await attemptsOf('qian@corp.test')).toEqual([]);
  });

  it('the SMTP side alone is enough, and named as such', async () => {
    const result = await checkMailbox(
      opened.db,
      { address: 'qian@corp.test', code: WRONG, manual: peerServers({ imapHost: 'imap.public.test', imapPort: 993, smtpHost: 'smtp.163.com' }) },
      options(),
    );
    expect(result).toMatchObject({ status: 'host_refused', field: 'smtpHost', code: 'provider_host' });
    expect(atPeers()).toEqual(untouched);
  });

  it('a company name that is an alias (CNAME) of NetEase’s server is refused once resolved, naming the server it points to', async () => {
    const result = await checkMailbox(
      opened.db,
      { address: 'qian@corp.test', code: WRONG, manual: peerServers({ imapHost: 'mail.corp.test', smtpHost: 'out.corp.test' }) },
      { ...options(), ownerId: owner },
    );
    expect(result).toMatchObject({ status: 'host_refused', field: 'imapHost', code: 'provider_host' });
    if (result.status !== 'host_refused') throw new Error('unreachable');
    expect(result.message.zh).toContain('mail.corp.test 指向网易邮箱的服务器 imap.163.com');
    expect(result.message.en).toContain('mail.corp.test points to imap.163.com, a server of NetEase Mail');
    expect(atPeers()).toEqual(untouched);
    expect(await attemptsOf('qian@corp.test')).toEqual([]);
  });

  it('a company service with servers inside a provider’s zone (Tencent Exmail under qq.com) is manual setup as usual', async () => {
    // Past the provider rule, so the address guard decides: not allow-listed, it points inward.
    const result = await checkMailbox(
      opened.db,
      { address: 'qian@corp.test', code: WRONG, manual: peerServers({ imapHost: 'imap.exmail.qq.com', imapPort: 993, smtpHost: 'imap.public.test', smtpPort: 465 }) },
      options(),
    );
    expect(result).toMatchObject({ status: 'host_refused', field: 'imapHost', code: 'loopback' });
  });

  it('a name whose CNAME chain enters Tencent Exmail’s zone is Exmail’s, even where the chain goes on to QQ Mail’s server', async () => {
    // Past the provider rule; a POP3 port stops it at the port rule, before anything is dialled.
    const address = `exmail-${randomBytes(3).toString('hex')}@corp.test`;
    const result = await checkMailbox(
      opened.db,
      { address, code: WRONG, manual: peerServers({ imapHost: 'exmail.corp.test', imapPort: 995, smtpHost: 'imap.public.test', smtpPort: 465 }) },
      { ...options(), ownerId: owner },
    );
    expect(result).toMatchObject({ status: 'invalid_servers', field: 'imapPort' });
    expect(await attemptsOf(address)).toEqual([]);
  });

  it('an address at a provider’s domain no entry lists (vip.qq.com): QQ Mail’s servers are refused without promising the address is recognised', async () => {
    const result = await checkMailbox(
      opened.db,
      { address: 'zhou@vip.qq.com', code: WRONG, manual: peerServers({ imapHost: 'imap.vip.qq.com', imapPort: 993, smtpHost: 'smtp.vip.qq.com', smtpPort: 465 }) },
      { ...options(), ownerId: owner },
    );
    expect(result).toMatchObject({ status: 'host_refused', field: 'imapHost', code: 'provider_host' });
    if (result.status !== 'host_refused') throw new Error('unreachable');
    expect(result.message.zh).toContain('imap.vip.qq.com 是QQ 邮箱的服务器');
    expect(result.message.zh).toContain('上面的邮箱地址不是我们认得的QQ 邮箱地址');
    expect(result.message.zh).not.toContain('我们会认出它');
    expect(result.message.en).toContain('The address above is not a QQ Mail address we recognise');
    expect(result.message.en).not.toMatch(/we recognise it/);
    expect(atPeers()).toEqual(untouched);
  });

  it('a port that is no mail port of its protocol is refused on its field, in both languages, and nothing is dialled or counted', async () => {
    const address = `port-${randomBytes(3).toString('hex')}@corp.test`;
    const result = await checkMailbox(
      opened.db,
      { address, code: WRONG, manual: peerServers({ imapHost: 'imap.public.test', imapPort: 995, smtpHost: 'imap.public.test', smtpPort: 465 }) },
      { ...options(), ownerId: owner },
    );
    expect(result).toEqual({
      status: 'invalid_servers',
      field: 'imapPort',
      issue: 'manual.port_not_mail_imap',
      message: { zh: MANUAL_FIELD_MESSAGES.port_not_mail_imap.zh, en: MANUAL_FIELD_MESSAGES.port_not_mail_imap.en },
    });
    expect(await attemptsOf(address)).toEqual([]);
  });

  it('a mailbox saved by hand on NetEase’s servers before this rule: its re-check fails without dialling, and says why for support', async () => {
    const address = `saved-${randomBytes(3).toString('hex')}@corp.test`;
    const endpoints: MailEndpoints = {
      imap: { host: 'imap.163.com', port: 993, tls: 'implicit' },
      smtp: { host: 'smtp.163.com', port: 465, tls: 'implicit' },
    };
    const { account } = await saveCheckedMailAccount(
      opened.db,
      {
        ownerId: owner,
        address,
        providerId: 'manual',
        endpoints,
        code: WRONG,
        report: { ok: true, durationMs: 1, banSignal: false, imap: { ok: true, durationMs: 1, endpoint: endpoints.imap }, smtp: { ok: true, durationMs: 1, endpoint: endpoints.smtp } },
      },
      { keyring },
    );
    await checkAccountNow(opened.db, owner, account.id, { ...options(), keyring });
    const view = await getAccountView(opened.db, owner, account.id);
    expect(view).toMatchObject({ status: 'failed', diagnosis: { code: 'unreachable' } });
    expect(JSON.stringify(view)).toContain('address guard: provider_host');
    expect(atPeers()).toEqual(untouched);
  });
});
