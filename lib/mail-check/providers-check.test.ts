import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ENTERPRISE_DOMAIN_NOT_EXIST,
  ENTERPRISE_IP_DENY,
  ICLOUD_AUTH_FAILED,
  QQ_ENTER_AUTH_CODE,
  QQ_FIVE_CAUSES,
  startProviderPeers,
  type ProviderPeers,
} from '@/tools/peers/provider-scripts';
import type { OpenedDatabase } from '@/lib/db/client';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv, type EndpointOverrides } from '@/lib/env';
import { PROVIDERS } from '@/lib/providers/registry';
import type { MailEndpoints } from '@/lib/providers/types';
import { checkMailbox, type MailboxCheckResult } from './check-mailbox';
import type { LockoutPolicy } from './lockout';
import { createResourceTracker, describeLeaks } from './resource-tracker';
import { runMailCheck } from './run-check';
import type { CheckReport, MailCheckInput, ProtocolCheckResult } from './types';

// The check against each new provider's scripted peers, over real sockets on loopback with the
// test CA: the happy path, the provider's own failure texts and what the user is told, iCloud's
// STARTTLS on 587 and its two IMAP login names. After every check nothing may be left open.

const tracker = createResourceTracker();

async function check(input: MailCheckInput): Promise<CheckReport> {
  const report = await tracker.track('runMailCheck', () => runMailCheck({ timeoutMs: 10_000, ...input }));
  const leaks = await tracker.leftOpen();
  expect(leaks, describeLeaks(leaks)).toEqual([]);
  return report;
}

function failure(result: ProtocolCheckResult) {
  if (result.ok) throw new Error(`expected a failure, got ok after ${result.durationMs} ms`);
  return result;
}

const checklistText = (result: ProtocolCheckResult) =>
  failure(result).diagnosis.checklist.map((item) => `${item.zh}\n${item.en}`).join('\n');

const peers: ProviderPeers[] = [];
async function start(...args: Parameters<typeof startProviderPeers>): Promise<ProviderPeers> {
  const started = await startProviderPeers(...args);
  peers.push(started);
  return started;
}

afterEach(() => tracker.reset());
afterAll(async () => {
  tracker.disable();
  await Promise.all(peers.map((p) => p.stop()));
});

describe('QQ mail', () => {
  const ADDRESS = 'zhangsan@qq.com';
  const CODE = 'abcdefghijklmnop';
  const QQ_PASSWORD = 'Zhangsan1990!';
  let qq: ProviderPeers;
  beforeAll(async () => {
    qq = await start('qq', {
      users: { [ADDRESS]: CODE, 'lisi@foxmail.com': CODE },
      webPasswords: { [ADDRESS]: QQ_PASSWORD },
    });
  });

  it('passes with the address as login name on both sides', async () => {
    const report = await check({ address: ADDRESS, code: CODE, endpoints: qq.endpoints });
    expect(report).toMatchObject({ ok: true, banSignal: false });
    expect(report.imap).toMatchObject({ ok: true, loginName: ADDRESS });
    expect(qq.imap.connections.at(-1)).toMatchObject({ user: ADDRESS, examined: 'INBOX' });
    expect(qq.smtp.sessions.at(-1)).toMatchObject({ authAttempts: [{ username: ADDRESS, reply: '235' }], mailFrom: [ADDRESS], dataStarted: false });
  });

  it('passes for a foxmail.com address, which lives on the same servers', async () => {
    const report = await check({ address: 'lisi@foxmail.com', code: CODE, endpoints: qq.endpoints });
    expect(report.ok).toBe(true);
  });

  it('the QQ password typed instead of the code: SMTP says so outright, IMAP with its five-cause text', async () => {
    // QQ alone is marked to log in to SMTP after IMAP's refusal: its IMAP text cannot tell a
    // wrong code from IMAP switched off, its SMTP answer can. Never NetEase, which bans IPs.
    expect(PROVIDERS.filter((p) => p.smtpLoginAfterImapRefusal).map((p) => p.id)).toEqual(['qq']);
    const report = await check({ address: ADDRESS, code: QQ_PASSWORD, endpoints: qq.endpoints });
    const smtp = failure(report.smtp);
    expect(smtp).toMatchObject({ code: 'password_instead_of_code', stage: 'auth', serverText: `535 ${QQ_ENTER_AUTH_CODE}` });
    expect(smtp.diagnosis.title.zh).toContain('不是授权码');
    expect(failure(report.imap)).toMatchObject({ code: 'auth_failed_or_limited', stage: 'login' });
    // The password itself never comes back, not even inside the server's words.
    expect(JSON.stringify(report)).not.toContain(QQ_PASSWORD);
  });

  it('a wrong code gets the five causes and the advice to wait at least 15 minutes', async () => {
    const report = await check({ address: ADDRESS, code: 'zzzzzzzzzzzzzzzz', endpoints: qq.endpoints });
    for (const result of [report.imap, report.smtp]) {
      expect(failure(result)).toMatchObject({ code: 'auth_failed_or_limited' });
      expect(failure(result).serverText).toContain(QQ_FIVE_CAUSES);
      expect(failure(result).diagnosis.waitMinutes).toBe(15);
      expect(checklistText(result)).toMatch(/at least 15 minutes/);
    }
    expect(report.banSignal).toBe(false);
    // Tried once: no second LOGIN, no second AUTH.
    expect(qq.imap.connections.at(-1)?.logins).toHaveLength(1);
    expect(qq.smtp.sessions.at(-1)?.authAttempts).toHaveLength(1);
  });

  it('a rate-limited account reads the same way', async () => {
    qq.imap.setRefusal('limited');
    try {
      const report = await check({ address: ADDRESS, code: CODE, endpoints: qq.endpoints });
      expect(failure(report.imap)).toMatchObject({ code: 'auth_failed_or_limited', diagnosis: { waitMinutes: 15 } });
      expect(report.smtp.ok).toBe(true);
    } finally {
      qq.imap.setRefusal(null);
    }
  });
});

describe('Sohu mail', () => {
  const ADDRESS = 'wangwu@sohu.com';
  const PASSWORD = 'x7Kp2mQv9sLt';
  let sohu: ProviderPeers;
  beforeAll(async () => {
    sohu = await start('sohu', { users: { [ADDRESS]: PASSWORD } });
  });

  it('passes with the separate password', async () => {
    expect((await check({ address: ADDRESS, code: PASSWORD, endpoints: sohu.endpoints })).ok).toBe(true);
  });

  it('a refused login gets the general code with Sohu\'s checklist, IP-whitelist mode included', async () => {
    const report = await check({ address: ADDRESS, code: 'wrong-password', endpoints: sohu.endpoints });
    expect(failure(report.imap)).toMatchObject({ code: 'auth_failed' });
    expect(checklistText(report.imap)).toMatch(/IP 白名单/);
    expect(checklistText(report.imap)).toMatch(/IP-whitelist mode/);
    expect(checklistText(report.imap)).not.toMatch(/126\.com/);
    // One refused login per wrong code: SMTP never sent it.
    expect(failure(report.smtp)).toMatchObject({ code: 'not_attempted', stage: 'auth' });
    expect(sohu.smtp.sessions.at(-1)?.authAttempts).toEqual([]);
  });
});

describe('Apple iCloud', () => {
  const ADDRESS = 'tim@icloud.com';
  const CODE = 'abcd-efgh-ijkl-mnop';
  let icloud: ProviderPeers;
  beforeAll(async () => {
    icloud = await start('icloud', { users: { [ADDRESS]: CODE }, imapLoginNames: 'local_part' });
  });
  afterEach(() => icloud.imap.setLoginNames('local_part'));

  it('passes: IMAP logs in with the local part alone, SMTP with the address after STARTTLS on the submission port', async () => {
    const report = await check({ address: ADDRESS, code: CODE, endpoints: icloud.endpoints });
    expect(icloud.endpoints.smtp.tls).toBe('starttls');
    expect(report).toMatchObject({ ok: true, imap: { ok: true, loginName: 'tim' }, smtp: { ok: true, loginName: ADDRESS } });
    expect(icloud.imap.connections.at(-1)?.logins).toEqual([{ name: 'tim', reply: 'OK' }]);
    const session = icloud.smtp.sessions.at(-1)!;
    expect(session.startTlsUsed).toBe(true);
    // The code crossed the wire only inside TLS.
    expect(session.authOverTls).toEqual([true]);
    expect(session.commands.slice(0, 3)).toEqual(['EHLO', 'STARTTLS', 'EHLO']);
    expect(session.authAttempts).toEqual([{ username: ADDRESS, reply: '235' }]);
  });

  it('where iCloud takes only the address, the local part is refused once and the address passes, on one connection', async () => {
    icloud.imap.setLoginNames('address');
    const before = icloud.imap.connections.length;
    const report = await check({ address: ADDRESS, code: CODE, endpoints: icloud.endpoints });
    expect(report.imap).toMatchObject({ ok: true, loginName: ADDRESS });
    const connections = icloud.imap.connections.slice(before);
    expect(connections).toHaveLength(1);
    expect(connections[0]!.logins).toEqual([
      { name: 'tim', reply: `NO ${ICLOUD_AUTH_FAILED}` },
      { name: ADDRESS, reply: 'OK' },
    ]);
  });

  it('a wrong password: each login name tried once, never the same one twice, and iCloud\'s own checklist', async () => {
    const report = await check({ address: ADDRESS, code: 'qwer-tyui-opas-dfgh', endpoints: icloud.endpoints });
    const imap = failure(report.imap);
    expect(imap).toMatchObject({ code: 'auth_failed', stage: 'login', serverText: `NO ${ICLOUD_AUTH_FAILED}` });
    expect(icloud.imap.connections.at(-1)?.logins.map((l) => l.name)).toEqual(['tim', ADDRESS]);
    expect(imap.diagnosis.title.en).toMatch(/app-specific password/);
    expect(checklistText(report.imap)).toMatch(/alias/);
    // Both IMAP names refused: SMTP sends no AUTH, so a wrong password costs iCloud's two names only.
    expect(failure(report.smtp)).toMatchObject({ code: 'not_attempted', stage: 'auth' });
    expect(icloud.smtp.sessions.at(-1)?.authAttempts).toEqual([]);
  });

  it('an Apple Account password instead of an app-specific one fails the same way, with the same checklist', async () => {
    const report = await check({ address: ADDRESS, code: 'AppleID2024!', endpoints: icloud.endpoints });
    expect(failure(report.imap).diagnosis.checklist[0]?.en).toMatch(/not your Apple Account password/);
  });

  it('implicit TLS on the STARTTLS port fails as a TLS failure before any code is sent', async () => {
    const before = icloud.smtp.sessions.length;
    const endpoints: MailEndpoints = { ...icloud.endpoints, smtp: { ...icloud.endpoints.smtp, tls: 'implicit' } };
    const report = await check({ address: ADDRESS, code: CODE, endpoints });
    expect(failure(report.smtp)).toMatchObject({ code: 'tls_failed' });
    expect(icloud.smtp.sessions.slice(before).flatMap((s) => s.authAttempts)).toEqual([]);
  });
});

describe('NetEase enterprise mail (a custom domain)', () => {
  const ADDRESS = 'li@corp.example';
  const CODE = 'Ab3dEf6hIj9kLm2n';
  let otherGroup: ProviderPeers;
  let ownGroup: ProviderPeers;
  beforeAll(async () => {
    [otherGroup, ownGroup] = await Promise.all([
      start('netease-enterprise', { users: { [ADDRESS]: CODE }, servedDomains: ['elsewhere.example'] }),
      start('netease-enterprise', { users: { [ADDRESS]: CODE }, servedDomains: ['corp.example'] }),
    ]);
  });

  const run = (endpoints: MailEndpoints, code = CODE) =>
    check({ address: ADDRESS, code, endpoints, providerId: 'netease-enterprise' });

  it('passes on the server group that hosts the domain', async () => {
    expect((await run(ownGroup.endpoints)).ok).toBe(true);
  });

  it('the wrong server group is wrong_server_group, pointing at the other servers; SMTP sends no AUTH', async () => {
    const report = await run(otherGroup.endpoints);
    expect(failure(report.imap)).toMatchObject({ code: 'wrong_server_group', diagnosis: { guideStep: 'core-parameters-configuration' } });
    expect(failure(report.imap).serverText).toContain(ENTERPRISE_DOMAIN_NOT_EXIST);
    expect(checklistText(report.imap)).toMatch(/imap\.qiye\.163\.com/);
    expect(failure(report.smtp)).toMatchObject({ code: 'not_attempted' });
    expect(otherGroup.smtp.sessions.at(-1)?.authAttempts).toEqual([]);
  });

  it('an administrator\'s IP restriction is ip_not_allowed, whatever the code', async () => {
    ownGroup.imap.setRefusal('ip_denied');
    ownGroup.smtp.setRefusal('ip_denied');
    try {
      const report = await run(ownGroup.endpoints);
      expect(failure(report.imap)).toMatchObject({ code: 'ip_not_allowed' });
      expect(failure(report.imap).serverText).toContain(ENTERPRISE_IP_DENY);
      expect(checklistText(report.imap)).toMatch(/administrator/);
      expect(failure(report.smtp)).toMatchObject({ code: 'not_attempted' });
      expect(report.banSignal).toBe(false);
      // SMTP reads the same words the same way once IMAP has let the login through.
      ownGroup.imap.setRefusal(null);
      const smtpOnly = await run(ownGroup.endpoints);
      expect(smtpOnly.imap.ok).toBe(true);
      expect(failure(smtpOnly.smtp)).toMatchObject({ code: 'ip_not_allowed', stage: 'auth' });
      expect(failure(smtpOnly.smtp).serverText).toContain(ENTERPRISE_IP_DENY);
    } finally {
      ownGroup.imap.setRefusal(null);
      ownGroup.smtp.setRefusal(null);
    }
  });

  it('a refused code gets the enterprise checklist: confirmed with 确定, not expired', async () => {
    const report = await run(ownGroup.endpoints, 'Zz9zZz9zZz9zZz9z');
    const items = checklistText(report.imap);
    expect(failure(report.imap).code).toBe('auth_failed');
    expect(items).toContain('确定');
    expect(items).toMatch(/expired/);
  });

  it('a second login name is tried only after an authentication failure, never after another refusal', async () => {
    ownGroup.imap.setRefusal('ip_denied');
    try {
      const before = ownGroup.imap.connections.length;
      const report = await check({
        address: ADDRESS,
        code: CODE,
        endpoints: ownGroup.endpoints,
        providerId: 'netease-enterprise',
        username: { imap: 'li', imapFallback: ADDRESS },
      });
      expect(failure(report.imap).code).toBe('ip_not_allowed');
      expect(ownGroup.imap.connections.slice(before).flatMap((c) => c.logins).map((l) => l.name)).toEqual(['li']);
    } finally {
      ownGroup.imap.setRefusal(null);
    }
  });

  it('without the provider id, a custom domain falls back to every provider\'s texts and still reads the tokens', async () => {
    ownGroup.imap.setRefusal('ip_denied');
    try {
      const report = await check({ address: ADDRESS, code: CODE, endpoints: ownGroup.endpoints });
      expect(failure(report.imap).code).toBe('ip_not_allowed');
    } finally {
      ownGroup.imap.setRefusal(null);
    }
  });

  it('refuses an unknown provider id as a caller bug', async () => {
    await expect(runMailCheck({ address: ADDRESS, code: CODE, endpoints: ownGroup.endpoints, providerId: 'nope' })).rejects.toThrow(/no provider/);
  });
});

// The path a server action takes (detection, lockout, the check, the attempt stored), with the
// providers' servers pointed at the peers through MAIL_ENDPOINT_OVERRIDES.
describe.each(availableBackends())('checkMailbox for the new providers on %s', (kind) => {
  const MINUTE = 60_000;
  const policy: LockoutPolicy = { maxFailuresPerMailbox: 5, windowMs: 15 * MINUTE, providerPauseMs: 30 * MINUTE, maxFailuresPerProvider: 1000 };
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let overrides: EndpointOverrides;
  let qq: ProviderPeers;
  let icloud: ProviderPeers;

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    qq = await start('qq', { users: { 'zhaoliu@qq.com': 'abcdefghijklmnop' } });
    icloud = await start('icloud', { users: { 'anna@me.com': 'abcd-efgh-ijkl-mnop' }, imapLoginNames: 'address' });
    const at = (e: MailEndpoints['imap']) => ({ host: e.host, port: e.port, tls: e.tls });
    overrides = parseEnv({
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({
        'qq.com': { imap: at(qq.endpoints.imap), smtp: at(qq.endpoints.smtp) },
        'me.com': { imap: at(icloud.endpoints.imap), smtp: at(icloud.endpoints.smtp) },
      }),
    }).MAIL_ENDPOINT_OVERRIDES!;
  });
  afterAll(async () => {
    await opened?.close();
    await store?.dispose();
  });

  const run = (address: string, code: string) => checkMailbox(opened.db, { address, code }, { overrides, policy, timeoutMs: 10_000 });
  const checked = (result: MailboxCheckResult) => {
    if (result.status !== 'checked') throw new Error(`expected a check, got ${result.status}`);
    return result;
  };

  it('QQ: detected from the address, checked with QQ\'s texts, the code assessed against its format', async () => {
    const result = checked(await run(' ZhaoLiu@QQ.com', 'abcd efgh ijkl mnop'));
    expect(result).toMatchObject({ providerId: 'qq', address: 'zhaoliu@qq.com', report: { ok: true }, codeAssessment: { warnings: [] } });
    const refused = checked(await run('zhaoliu@qq.com', 'zzzzzzzzzzzzzzzz'));
    expect(refused.report.imap).toMatchObject({ ok: false, code: 'auth_failed_or_limited' });
  });

  it('iCloud: the local part first, then the address, and STARTTLS on the submission port', async () => {
    const before = icloud.imap.connections.length;
    const result = checked(await run('anna@me.com', 'abcd-efgh-ijkl-mnop'));
    expect(result).toMatchObject({ providerId: 'icloud', report: { ok: true, imap: { loginName: 'anna@me.com' } } });
    expect(icloud.imap.connections.slice(before).flatMap((c) => c.logins.map((l) => l.name))).toEqual(['anna', 'anna@me.com']);
    expect(icloud.smtp.sessions.at(-1)?.startTlsUsed).toBe(true);
  });
});
