import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type DnsPeer } from '@/tools/peers/dns';
import { startDovecot, type DovecotServer } from '@/tools/peers/dovecot';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { listMailAccounts } from '@/lib/accounts/queries';
import { connectFieldErrors, createConnectMailboxSchema } from '@/lib/accounts/schema';
import { createKeyring } from '@/lib/accounts/seal';
import type { OpenedDatabase } from '@/lib/db/client';
import { authUsers, checkAttempts } from '@/lib/db/schema';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv } from '@/lib/env';
import { createManualServerSchema, type ManualServerValues } from '@/lib/discovery/manual';
import { MANUAL_FIELD_MESSAGES } from '@/lib/discovery/messages';
import { issueText } from '@/lib/wizard/client/logic';
import { checkMailbox, type CheckMailboxOptions } from '@/lib/mail-check/check-mailbox';
import type { LockoutPolicy } from '@/lib/mail-check/lockout';
import { connectMailboxForOwner } from './connect-mailbox';
import { runHealthRound } from '@/lib/health/runner';
import { checkAccountNow, getAccountView, type ManageOptions } from './manage';

// Manual setup end to end: the wizard's submit with servers typed by hand, for an address on a
// domain no provider hosts. Real Dovecot (IMAP, implicit TLS) and the smtp-server peer (SMTP on
// 465 and with STARTTLS), reached as `mail.selfhosted.test` through a loopback DNS server and let
// through by the test seam (MAIL_MANUAL_ALLOW_HOSTS, here `manualAllowHosts`). Every other
// loopback, private, link-local or metadata host is refused before anything is dialled: a
// listener on loopback stands where such a host points and must never see a connection.

const CODE = 'Selfhosted-Pass-9';
const ALLOWED = 'mail.selfhosted.test';
const policy: LockoutPolicy = { maxFailuresPerMailbox: 5, windowMs: 60_000, providerPauseMs: 60_000, maxFailuresPerProvider: 2 };

/** A TCP listener that only counts who knocks. */
async function startCounter(host: string): Promise<{ port: number; connections: () => number; stop(): Promise<void> }> {
  let connections = 0;
  const server = net.createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    connections: () => connections,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe.each(availableBackends())('manual setup on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let dovecot: DovecotServer;
  let smtp: NeteaseSmtpServer;
  let smtpStarttls: NeteaseSmtpServer;
  let dns: DnsPeer;
  let counter4: Awaited<ReturnType<typeof startCounter>>;
  let counter6: Awaited<ReturnType<typeof startCounter>>;
  const keyring = createKeyring([{ id: 'test', key: randomBytes(32) }]);
  const owner = `user-${randomBytes(4).toString('hex')}`;
  const users = {
    'zhou@selfhosted.test': CODE,
    'wu@selfhosted.test': CODE,
    'zheng@selfhosted.test': CODE,
    'wang@selfhosted.test': CODE,
    'ma@qq.com': CODE,
    'qin@selfhosted.test': CODE,
    // A login name that is not the address: li@selfhosted.test logs in as li.login at both servers.
    'li.login': CODE,
  };
  const senders = { 'li.login': 'li@selfhosted.test' };

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    await opened.db.insert(authUsers).values({ id: owner, name: 'Zhou', email: `${owner}@example.com` });
    [dovecot, smtp, smtpStarttls, dns, counter4, counter6] = await Promise.all([
      startDovecot({ users }),
      startNeteaseSmtp({ users, senders }),
      startNeteaseSmtp({ users, senders, tls: 'starttls' }),
      startDnsServer({
        // Mail servers of its own: no provider, so manual setup is the way.
        'selfhosted.test': { mx: [{ exchange: ALLOWED, priority: 10 }] },
        [ALLOWED]: { a: ['127.0.0.1'] },
        'wrongname.selfhosted.test': { a: ['127.0.0.1'] },
        'internal.selfhosted.test': { a: ['127.0.0.1'] },
        'v6-loopback.selfhosted.test': { aaaa: ['::1'] },
        'mapped.selfhosted.test': { aaaa: ['::ffff:127.0.0.1'] },
        'private.selfhosted.test': { a: ['10.1.2.3'] },
        'metadata.selfhosted.test': { a: ['169.254.169.254'] },
        // One public answer does not excuse a private one.
        'mixed.selfhosted.test': { a: ['93.184.215.14'], aaaa: ['fd12:3456::1'] },
      }),
      startCounter('127.0.0.1'),
      startCounter('::1'),
    ]);
  });
  afterAll(async () => {
    await Promise.all([dovecot?.stop(), smtp?.stop(), smtpStarttls?.stop(), dns?.stop(), counter4?.stop(), counter6?.stop()]);
    await opened?.close();
    await store?.dispose();
  });

  const options = (extra: Partial<CheckMailboxOptions> = {}): ManageOptions => ({
    policy,
    timeoutMs: 10_000,
    stageTimeoutMs: 5_000,
    keyring,
    dns: { servers: [dns.address] },
    manualAllowHosts: [ALLOWED, 'wrongname.selfhosted.test'],
    ...extra,
  });

  const typedServers = (overrides: Partial<ManualServerValues> = {}): ManualServerValues => ({
    imapHost: ALLOWED,
    imapPort: dovecot.port,
    imapTls: 'implicit',
    smtpHost: ALLOWED,
    smtpPort: smtp.port,
    smtpTls: 'implicit',
    ...overrides,
  });
  /** The servers as the action's schema hands them to the check (ports left to the check). */
  const servers = (overrides: Partial<ManualServerValues> = {}): ManualServerValues =>
    createManualServerSchema({ mailPortsOnly: false }).parse(typedServers(overrides));

  async function submit(form: { address: string; code: string; manual?: ManualServerValues }, extra = {}) {
    const parsed = createConnectMailboxSchema().safeParse(form);
    if (!parsed.success) throw new Error(`the form did not parse: ${parsed.error.message}`);
    const result = await connectMailboxForOwner(opened.db, owner, parsed.data, options(extra));
    expect(JSON.stringify(result)).not.toContain(CODE);
    return result;
  }

  const attemptsOf = (address: string) => opened.db.select().from(checkAttempts).where(eq(checkAttempts.address, address));

  it('checks typed servers (IMAP and SMTP on implicit TLS), saves the mailbox as manual with the typed names, and re-checks it', async () => {
    const result = await submit({ address: 'Zhou@SelfHosted.test', code: CODE, manual: servers() });
    expect(result).toMatchObject({
      ok: true,
      data: {
        passed: true,
        saved: true,
        imap: { ok: true, endpoint: { host: ALLOWED, port: dovecot.port, tls: 'implicit' } },
        smtp: { ok: true, endpoint: { host: ALLOWED, port: smtp.port, tls: 'implicit' } },
      },
    });
    expect(smtp.sessions.at(-1)).toMatchObject({ authenticatedUser: 'zhou@selfhosted.test', mailFrom: ['zhou@selfhosted.test'] });
    const [account] = (await listMailAccounts(opened.db, owner)).filter((a) => a.address === 'zhou@selfhosted.test');
    expect(account).toMatchObject({
      providerId: 'manual',
      imapHost: ALLOWED,
      imapPort: dovecot.port,
      imapTls: 'implicit',
      smtpHost: ALLOWED,
      smtpPort: smtp.port,
      smtpTls: 'implicit',
    });

    // The re-check goes through the guard again, to the same servers.
    const sessions = smtp.sessions.length;
    const again = await checkAccountNow(opened.db, owner, account!.id, options());
    expect(again).toMatchObject({ status: 'done', account: { status: 'ok', providerId: 'manual' } });
    expect(smtp.sessions.length).toBe(sessions + 1);

    // Had the name come to mean loopback (no allow-list now), the re-check refuses to dial it and
    // the account shows the failure instead of silently passing.
    const refused = await checkAccountNow(opened.db, owner, account!.id, options({ manualAllowHosts: [] }));
    expect(refused).toMatchObject({
      status: 'done',
      account: {
        status: 'failed',
        lastCheck: {
          ok: false,
          imap: { ok: false, code: 'unreachable', stage: 'connect', detail: 'address guard: loopback' },
          smtp: { ok: false, code: 'unreachable', stage: 'connect', detail: expect.stringMatching(/^not checked/) },
        },
      },
    });
    expect(smtp.sessions.length).toBe(sessions + 1);
    if (refused.status !== 'done') throw new Error('unreachable');
    expect(refused.account.diagnosis?.code).toBe('unreachable');
    expect(JSON.stringify(refused.account.diagnosis)).not.toMatch(/163|网易|NetEase/);
  });

  it('checks SMTP with STARTTLS, the certificate checked against the typed name', async () => {
    const result = await submit({
      address: 'wu@selfhosted.test',
      code: CODE,
      manual: servers({ smtpPort: smtpStarttls.port, smtpTls: 'starttls' }),
    });
    expect(result).toMatchObject({ ok: true, data: { passed: true, saved: true, smtp: { ok: true, endpoint: { tls: 'starttls' } } } });
    expect(smtpStarttls.sessions.at(-1)).toMatchObject({ authenticatedUser: 'wu@selfhosted.test' });

    // Same address (127.0.0.1, which the certificate names too), a name the certificate does not carry.
    const wrongName = await submit({
      address: 'wu@selfhosted.test',
      code: CODE,
      manual: servers({ imapHost: 'wrongname.selfhosted.test', smtpHost: 'wrongname.selfhosted.test', smtpPort: smtpStarttls.port, smtpTls: 'starttls' }),
    });
    expect(wrongName).toMatchObject({
      ok: true,
      data: {
        passed: false,
        imap: { ok: false, code: 'tls_failed', stage: 'tls' },
        smtp: { ok: false, code: 'tls_failed' },
      },
    });
    // Typed servers make a certificate that does not fit the user's setting to fix.
    if (!wrongName.ok || wrongName.data.imap.ok) throw new Error('unreachable');
    expect(wrongName.data.imap.diagnosis.explanation.zh).toContain('证书不是给这个服务器地址的');
    expect(wrongName.data.imap.diagnosis.guideStep).toBe('configure-in-client');
  });

  it('a wrong password: auth_failed, diagnosed in general words, recorded for the lockout but pausing nobody', async () => {
    for (let i = 0; i < 3; i++) {
      const result = await submit({ address: 'zheng@selfhosted.test', code: 'not-the-password', manual: servers() });
      expect(result).toMatchObject({ ok: true, data: { passed: false, saved: false, imap: { ok: false, code: 'auth_failed' } } });
      if (!result.ok || result.data.imap.ok) throw new Error('unreachable');
      expect(result.data.imap.diagnosis.title.en).toBe('The server did not accept the address and password');
      expect(JSON.stringify(result.data.imap.diagnosis)).not.toMatch(/NetEase|网易|16 位|16 letters|163/);
    }
    expect((await attemptsOf('zheng@selfhosted.test')).map((a) => [a.providerId, a.ok, a.countsTowardLimit])).toEqual([
      ['manual', false, true],
      ['manual', false, true],
      ['manual', false, true],
    ]);
    // Three failures against a provider limit of two: a provider would be paused, 'manual' is
    // not, so another user's server is still checked.
    const other = await submit({ address: 'wang@selfhosted.test', code: CODE, manual: servers() });
    expect(other).toMatchObject({ ok: true, data: { passed: true } });
  });

  it('the scheduled health check re-checks a manual mailbox through the guard each round', async () => {
    const interval = 6 * 3_600_000;
    expect(await submit({ address: 'qin@selfhosted.test', code: CODE, manual: servers() })).toMatchObject({ ok: true, data: { saved: true } });
    const [account] = (await listMailAccounts(opened.db, owner)).filter((a) => a.address === 'qin@selfhosted.test');
    const round = (hours: number, extra: Partial<CheckMailboxOptions> = {}) =>
      runHealthRound(opened.db, { ...options(extra), intervalMs: interval, now: new Date(Date.now() + hours * 3_600_000) });

    // The first round gives the account its slot; a round after a whole interval checks it.
    await round(0);
    const sessions = smtp.sessions.length;
    expect(await round(7)).toMatchObject({ errors: 0 });
    expect(smtp.sessions.length).toBeGreaterThan(sessions);
    expect(await getAccountView(opened.db, owner, account!.id)).toMatchObject({ status: 'ok', providerId: 'manual' });

    expect(await round(14, { manualAllowHosts: [] })).toMatchObject({ errors: 0 });
    expect(await getAccountView(opened.db, owner, account!.id)).toMatchObject({
      status: 'failed',
      diagnosis: { code: 'unreachable' },
      history: [{ from: 'ok', to: 'failed', reason: 'health_check', failureCode: 'unreachable' }, { reason: 'created' }],
    });
  });

  it('logs in with a login name that is not the address, saves it, and re-checks and health-checks with it', async () => {
    const interval = 6 * 3_600_000;
    const address = 'li@selfhosted.test';
    // The address itself is no login at these servers: without the name the check fails at LOGIN.
    const withAddress = await submit({ address, code: CODE, manual: servers() });
    expect(withAddress).toMatchObject({ ok: true, data: { passed: false, saved: false, imap: { ok: false, code: 'auth_failed', stage: 'login' } } });

    const logins = smtp.sessions.length;
    const result = await submit({ address, code: CODE, manual: servers({ loginName: ' li.login ' }) });
    expect(result).toMatchObject({
      ok: true,
      data: { passed: true, saved: true, imap: { ok: true, loginName: 'li.login', delivery: 'push' }, smtp: { ok: true, loginName: 'li.login' } },
    });
    // SMTP AUTH with the login name, MAIL FROM with the address.
    expect(smtp.sessions.slice(logins)).toMatchObject([{ authenticatedUser: 'li.login', mailFrom: [address] }]);
    const [account] = (await listMailAccounts(opened.db, owner)).filter((a) => a.address === address);
    expect(account).toMatchObject({ providerId: 'manual', loginName: 'li.login' });
    const view = await getAccountView(opened.db, owner, account!.id);
    expect(view).toMatchObject({ loginName: 'li.login', shownAddress: address, lastCheck: { ok: true, imap: { delivery: 'push' } } });

    // "Check now" logs in with it.
    const before = smtp.sessions.length;
    expect(await checkAccountNow(opened.db, owner, account!.id, options())).toMatchObject({ status: 'done', account: { status: 'ok' } });
    expect(smtp.sessions.slice(before).map((session) => session.authAttempts.map((attempt) => attempt.username))).toEqual([['li.login']]);

    // So does the scheduled health check: the first round gives the account its slot, the next checks it.
    const round = (hours: number) => runHealthRound(opened.db, { ...options(), intervalMs: interval, now: new Date(Date.now() + hours * 3_600_000) });
    await round(0);
    const beforeRound = smtp.sessions.length;
    expect(await round(7)).toMatchObject({ errors: 0 });
    const usernames = smtp.sessions.slice(beforeRound).flatMap((session) => session.authAttempts.map((attempt) => attempt.username));
    expect(usernames).toContain('li.login');
    expect(usernames).not.toContain(address);
    expect(await getAccountView(opened.db, owner, account!.id)).toMatchObject({ status: 'ok', loginName: 'li.login' });

    // Checked again without the name, it fails, and a failed check changes nothing saved.
    expect(await submit({ address, code: CODE, manual: servers() })).toMatchObject({ ok: true, data: { passed: false, saved: false } });
    expect((await listMailAccounts(opened.db, owner)).find((a) => a.address === address)).toMatchObject({ loginName: 'li.login' });
  });

  it('typed servers are ignored for an address a provider hosts: its own servers are checked', async () => {
    const overrides = parseEnv({
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ 'qq.com': { imap: `127.0.0.1:${dovecot.port}`, smtp: `127.0.0.1:${smtp.port}` } }),
    }).MAIL_ENDPOINT_OVERRIDES;
    const before = counter4.connections();
    const result = await checkMailbox(
      opened.db,
      { address: 'ma@qq.com', code: CODE, manual: servers({ imapHost: '127.0.0.1', imapPort: counter4.port, smtpHost: '10.0.0.1' }) },
      options({ overrides }),
    );
    expect(result).toMatchObject({ status: 'checked', providerId: 'qq', endpoints: { imap: { host: '127.0.0.1', port: dovecot.port } } });
    if (result.status !== 'checked') throw new Error('unreachable');
    expect(result.report.ok).toBe(true);
    expect(counter4.connections()).toBe(before);
  });

  it('without typed servers an unknown domain stays unknown_provider', async () => {
    expect(await checkMailbox(opened.db, { address: 'zhou@selfhosted.test', code: CODE }, options())).toMatchObject({
      status: 'unknown_provider',
      domain: 'selfhosted.test',
    });
  });

  describe('hosts that are refused before anything is dialled', () => {
    const v6 = (host: string) => host.includes(':');
    it.each([
      ['127.0.0.1', 'loopback'],
      ['mail.localhost', 'loopback'],
      ['internal.selfhosted.test', 'loopback'],
      ['v6-loopback.selfhosted.test', 'loopback'],
      ['mapped.selfhosted.test', 'loopback'],
      ['::1', 'loopback'],
      ['[::1]', 'loopback'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['10.0.0.1', 'private'],
      ['172.16.0.1', 'private'],
      ['192.168.1.1', 'private'],
      ['100.64.0.1', 'private'],
      ['private.selfhosted.test', 'private'],
      ['mixed.selfhosted.test', 'private'],
      ['169.254.169.254', 'metadata'],
      ['metadata.selfhosted.test', 'metadata'],
      ['fe80::1', 'link_local'],
      ['0.0.0.0', 'unspecified'],
      ['missing.selfhosted.test', 'unresolvable'],
    ] as const)('%s as the IMAP host: %s, and the allowed SMTP host is not dialled either', async (host, code) => {
      const address = `imap-${randomBytes(3).toString('hex')}@selfhosted.test`;
      const port = v6(host) ? counter6.port : counter4.port;
      const before = counter4.connections() + counter6.connections();
      const manual = servers({ imapHost: host, imapPort: port, smtpPort: counter4.port });
      const result = await checkMailbox(opened.db, { address, code: CODE, manual }, options());
      expect(result).toMatchObject({ status: 'host_refused', field: 'imapHost', code });
      expect(counter4.connections() + counter6.connections()).toBe(before);
      expect(await attemptsOf(address)).toEqual([]);
    });

    it('localhost: refused by the schema already (a single label), before the check is asked', async () => {
      const typed = typedServers({ imapHost: 'localhost', imapPort: counter4.port, smtpPort: counter4.port });
      const parsed = createManualServerSchema({ mailPortsOnly: false }).safeParse(typed);
      expect(parsed.error?.issues).toMatchObject([{ path: ['imapHost'], message: 'manual.host_single_label' }]);
      // Should a caller skip the schema, the address guard still refuses it, and nothing is dialled.
      const before = counter4.connections() + counter6.connections();
      const result = await checkMailbox(opened.db, { address: 'zhou@selfhosted.test', code: CODE, manual: typed }, options());
      expect(result).toMatchObject({ status: 'host_refused', field: 'imapHost', code: 'loopback' });
      expect(counter4.connections() + counter6.connections()).toBe(before);
    });

    it('a refused SMTP host is named as such, and the allowed IMAP host is not dialled', async () => {
      const address = `smtp-${randomBytes(3).toString('hex')}@selfhosted.test`;
      const before = counter4.connections();
      const result = await checkMailbox(
        opened.db,
        { address, code: CODE, manual: servers({ imapPort: counter4.port, smtpHost: 'internal.selfhosted.test', smtpPort: counter4.port }) },
        options(),
      );
      expect(result).toMatchObject({ status: 'host_refused', field: 'smtpHost', code: 'loopback' });
      expect(counter4.connections()).toBe(before);
      expect(await attemptsOf(address)).toEqual([]);
    });

    it('the hosts of MAIL_ENDPOINT_OVERRIDES are not let through', async () => {
      const overrides = parseEnv({
        MAIL_ENDPOINT_OVERRIDES: JSON.stringify({ 'selfhosted.test': { imap: `127.0.0.1:${counter4.port}`, smtp: `127.0.0.1:${counter4.port}` } }),
      }).MAIL_ENDPOINT_OVERRIDES;
      const before = counter4.connections();
      const result = await checkMailbox(
        opened.db,
        { address: 'zhou@selfhosted.test', code: CODE, manual: servers({ imapHost: '127.0.0.1', imapPort: counter4.port }) },
        options({ overrides, manualAllowHosts: [] }),
      );
      expect(result).toMatchObject({ status: 'host_refused', field: 'imapHost', code: 'loopback' });
      expect(counter4.connections()).toBe(before);
    });

    it('reaches the wizard as a message on the field, in both languages for the form to pick the reader’s', async () => {
      // A mail port: the form holds other ports to the mail ports before the guard is asked.
      const zh = await submit({ address: 'zhou@selfhosted.test', code: CODE, manual: servers({ smtpHost: '192.168.1.1', smtpPort: 465 }) });
      expect(zh).toEqual({ ok: false, code: 'invalid', fieldErrors: { smtpHost: [expect.objectContaining({ zh: expect.stringContaining('内部网络') })] } });
      const en = await submit({ address: 'zhou@selfhosted.test', code: CODE, manual: servers({ imapHost: 'internal.selfhosted.test' }) });
      expect(en).toEqual({ ok: false, code: 'invalid', fieldErrors: { imapHost: [expect.objectContaining({ en: expect.stringContaining('our own machine') })] } });
    });
  });

  it('limits one user\'s failed manual checks, whatever failed and on whichever address, and no one else\'s', async () => {
    // Ports nothing listens on: what a scan of someone else's machines would look like.
    const closed = await startCounter('127.0.0.1');
    await closed.stop();
    const scanner = `scanner-${randomBytes(4).toString('hex')}`;
    await opened.db.insert(authUsers).values({ id: scanner, name: 'Scanner', email: `${scanner}@example.com` });
    const limited = { ...options(), policy: { ...policy, maxManualFailuresPerOwner: 3 } };
    const probe = (address: string, ownerId: string) =>
      checkMailbox(opened.db, { address, code: CODE, manual: servers({ imapPort: closed.port, smtpPort: closed.port }) }, { ...limited, ownerId });
    for (const address of ['p1@selfhosted.test', 'p2@selfhosted.test', 'p3@selfhosted.test']) {
      expect(await probe(address, scanner)).toMatchObject({ status: 'checked', report: { ok: false, imap: { code: 'unreachable' } } });
    }
    const before = counter4.connections();
    const refused = await checkMailbox(opened.db, { address: 'p4@selfhosted.test', code: CODE, manual: servers() }, { ...limited, ownerId: scanner });
    expect(refused).toMatchObject({ status: 'refused', reason: 'manual_limited', providerId: 'manual' });
    if (refused.status !== 'refused') throw new Error('unreachable');
    expect(refused.retryAt.getTime()).toBeGreaterThan(Date.now());
    expect(refused.retryAt.getTime()).toBeLessThanOrEqual(Date.now() + policy.windowMs);
    expect(await attemptsOf('p4@selfhosted.test')).toEqual([]);
    expect(counter4.connections()).toBe(before);
    // Another user, and the same user's provider mailboxes, are not held back.
    const neighbour = `neighbour-${randomBytes(4).toString('hex')}`;
    await opened.db.insert(authUsers).values({ id: neighbour, name: 'Neighbour', email: `${neighbour}@example.com` });
    expect(await checkMailbox(opened.db, { address: 'zhou@selfhosted.test', code: CODE, manual: servers() }, { ...limited, ownerId: neighbour })).toMatchObject({
      status: 'checked',
      report: { ok: true },
    });
    const provider = await checkMailbox(opened.db, { address: 'nobody@qq.com', code: 'abcdefghijklmnop' }, { ...limited, ownerId: scanner, overrides: { 'qq.com': { imap: { host: '127.0.0.1', port: closed.port }, smtp: { host: '127.0.0.1', port: closed.port } } } });
    expect(provider).toMatchObject({ status: 'checked', report: { ok: false } });
  });

  it('typed servers that did not pass the schema are a caller’s bug: checkMailbox refuses them without dialling', async () => {
    // The action parses them once; the check takes parsed values and asserts rather than parsing again.
    await expect(
      checkMailbox(opened.db, { address: 'zhou@selfhosted.test', code: CODE, manual: typedServers({ imapPort: 70_000 }) }, options()),
    ).rejects.toThrow(TypeError);
  });
});

describe('the connect schema’s errors, as the wizard gets them', () => {
  it('flattens the manual server fields and keeps address and code', () => {
    const parsed = createConnectMailboxSchema().safeParse({
      address: 'not an address',
      code: 'abc',
      manual: { imapHost: 'imaps://mail.example.com', imapPort: '99999', imapTls: 'ssl', smtpHost: 'smtp.example.com:465', smtpPort: 465, smtpTls: 'starttls' },
    });
    if (parsed.success) throw new Error('expected the form to fail');
    const { fieldErrors, formError } = connectFieldErrors(parsed.error);
    expect(Object.keys(fieldErrors).sort()).toEqual(['address', 'imapHost', 'imapPort', 'imapTls', 'smtpHost']);
    expect(fieldErrors.imapHost).toEqual(['manual.host_url']);
    expect(fieldErrors.smtpHost).toEqual(['manual.host_has_port']);
    expect(issueText(fieldErrors.imapHost![0]!, 'en')).toMatch(/server address only/);
    expect(issueText(fieldErrors.smtpHost![0]!, 'en')).toMatch(/Port/);
    expect(formError).toBeUndefined();
  });

  it('puts a login name it cannot send on its own field, in words', () => {
    const parsed = createConnectMailboxSchema().safeParse({
      address: 'a@selfhosted.test',
      code: 'abcdefgh',
      manual: { imapHost: 'imap.example.com', imapPort: 993, imapTls: 'implicit', smtpHost: 'smtp.example.com', smtpPort: 465, smtpTls: 'implicit', loginName: 'li\r\nA2 LOGOUT' },
    });
    if (parsed.success) throw new Error('expected the form to fail');
    const { fieldErrors } = connectFieldErrors(parsed.error);
    expect(fieldErrors).toEqual({ loginName: ['manual.login_invisible'] });
    expect(issueText(fieldErrors.loginName![0]!, 'zh')).toContain('登录名里有换行');
  });

  it('puts a manual entry that is no object at all on the first server field', () => {
    const parsed = createConnectMailboxSchema().safeParse({ address: 'a@selfhosted.test', code: 'abcdefgh', manual: 'imap.example.com' });
    if (parsed.success) throw new Error('expected the form to fail');
    expect(Object.keys(connectFieldErrors(parsed.error).fieldErrors)).toEqual(['imapHost']);
  });

  it('on the server, lets only the hosts MAIL_MANUAL_ALLOW_HOSTS names use other ports than the mail ports', () => {
    const form = (host: string, port: number) => ({
      address: 'a@selfhosted.test',
      code: 'abcdefgh',
      manual: { imapHost: host, imapPort: port, imapTls: 'implicit', smtpHost: host, smtpPort: 465, smtpTls: 'implicit' },
    });
    const server = createConnectMailboxSchema(undefined, { anyPortHosts: ['mail.selfhosted.test'] });
    expect(server.safeParse(form('mail.selfhosted.test', 40_123)).success).toBe(true);
    // Another .test name is held to the mail ports there, and refused for its port, not later as a name nothing resolves.
    const other = server.safeParse(form('x.test', 22));
    if (other.success) throw new Error('expected the form to fail');
    expect(connectFieldErrors(other.error).fieldErrors).toEqual({ imapPort: ['manual.port_not_mail_imap'] });
    expect(issueText('manual.port_not_mail_imap', 'en')).toBe(MANUAL_FIELD_MESSAGES.port_not_mail_imap.en);
    // With no list given (the browser), every .test name may: the server has the last word.
    expect(createConnectMailboxSchema().safeParse(form('x.test', 22)).success).toBe(true);
    // An empty list (production) exempts nothing.
    expect(createConnectMailboxSchema(undefined, { anyPortHosts: [] }).safeParse(form('mail.selfhosted.test', 40_123)).success).toBe(false);
  });
});
