import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from '@/tools/peers/faults';
import { startNeteaseImap, type NeteaseImapServer } from '@/tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { startDnsServer, type DnsPeer } from '@/tools/peers/dns';
import { startProviderPeers, type ProviderPeers } from '@/tools/peers/provider-scripts';
import type { OpenedDatabase } from '@/lib/db/client';
import { availableBackends, createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv, type EndpointOverrides } from '@/lib/env';
import { checkMailbox, type MailboxCheckResult } from './check-mailbox';
import type { LockoutPolicy } from './lockout';

// The whole path a server action takes: what the user typed → detection → lockout → the real
// peers (strict NetEase IMAP simulator, smtp-server with NetEase's texts) → the attempt stored.

const CODE = 'QwErTyUiOpAsDfGh';
const MINUTE = 60_000;
const policy: LockoutPolicy = { maxFailuresPerMailbox: 5, windowMs: 15 * MINUTE, providerPauseMs: 30 * MINUTE, maxFailuresPerProvider: 1000 };

function checked(result: MailboxCheckResult) {
  if (result.status !== 'checked') throw new Error(`expected a check, got ${result.status}`);
  return result;
}

describe.each(availableBackends())('checkMailbox on %s', (kind) => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let imap: NeteaseImapServer;
  let smtp: NeteaseSmtpServer;
  let stall: FaultServer;
  let qq: ProviderPeers;
  let enterprise: ProviderPeers;
  let dns: DnsPeer;
  let overrides: EndpointOverrides;
  const users = {
    'zhangsan@163.com': CODE,
    'lisi@163.com': CODE,
    'wangwu@163.com': CODE,
    'slow@126.com': CODE,
    'zhou@yeah.net': CODE,
    'qian@yeah.net': CODE,
    'sun@yeah.net': CODE,
  };

  beforeAll(async () => {
    store = await createScratchStore(kind);
    opened = await store.open();
    imap = await startNeteaseImap({ users, idRule: 'after-login' });
    smtp = await startNeteaseSmtp({ users });
    stall = await startFaultServer('greet-then-stall', { protocol: 'imap' });
    qq = await startProviderPeers('qq', { users: { 'zhaoliu@qq.com': 'abcdefghijklmnop' } });
    enterprise = await startProviderPeers('netease-enterprise', { users: { 'sun@corp-a.test': 'Qy7-aBcDeFgHiJkL' } });
    // A company domain hosted by NetEase enterprise, one with its own mail servers, and nothing else.
    dns = await startDnsServer({
      'corp-a.test': { mx: [{ exchange: 'mx.qiye.163.com', priority: 10 }] },
      'own-server.test': { mx: [{ exchange: 'mx1.own-server.test', priority: 10 }] },
    });
    overrides = parseEnv({
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({
        '163.com': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` },
        '126.com': { imap: `127.0.0.1:${stall.port}`, smtp: `127.0.0.1:${smtp.port}` },
        // yeah.net's own servers and its 163.com fallback both land on these peers (overrides go
        // by the address's domain): a fallback tried on its own would show as a second login.
        'yeah.net': { imap: `127.0.0.1:${imap.port}`, smtp: `127.0.0.1:${smtp.port}` },
        'qq.com': { imap: `127.0.0.1:${qq.imap.port}`, smtp: `127.0.0.1:${qq.smtp.port}` },
        'corp-a.test': { imap: `127.0.0.1:${enterprise.imap.port}`, smtp: `127.0.0.1:${enterprise.smtp.port}` },
      }),
    }).MAIL_ENDPOINT_OVERRIDES!;
  });
  afterAll(async () => {
    await Promise.all([imap?.stop(), smtp?.stop(), stall?.stop(), qq?.stop(), enterprise?.stop(), dns?.stop()]);
    await opened?.close();
    await store?.dispose();
  });

  const run = (address: string, code: string, extra: { timeoutMs?: number; stageTimeoutMs?: number; alternative?: number } = {}) => {
    const { alternative, ...options } = extra;
    return checkMailbox(
      opened.db,
      { address, code, ...(alternative !== undefined ? { alternative } : {}) },
      { overrides, policy, timeoutMs: 10_000, dns: { servers: [dns.address] }, ...options },
    );
  };
  const logins = () => imap.connections.flatMap((c) => c.commands).filter((c) => c.name === 'LOGIN').length;
  const attemptsOf = async (address: string) => {
    const rows = await opened.db.execute(sql`select provider_id, state from check_attempts where address = ${address} order by id`);
    return (rows as unknown as { rows: { provider_id: string; state: string }[] }).rows;
  };

  it('passes a mailbox typed with full-width characters and a code pasted with spaces', async () => {
    const result = checked(await run('  ＺｈａｎｇＳａｎ＠１６３．ｃｏｍ ', 'QwEr TyUi\nOpAs\u200bDfGh'));
    expect(result.address).toBe('zhangsan@163.com');
    expect(result.providerId).toBe('netease');
    expect(result.report.ok).toBe(true);
    expect(result.codeAssessment.warnings).toEqual([]);
    const conn = imap.connections.at(-1);
    expect(conn).toMatchObject({ user: 'zhangsan@163.com', idAfterLogin: true, selected: 'INBOX', unsafeLoginRefusals: 0 });
    const session = smtp.sessions.at(-1);
    expect(session).toMatchObject({ authenticatedUser: 'zhangsan@163.com', mailFrom: ['zhangsan@163.com'], dataStarted: false, rcptTo: [] });
  });

  it('refuses what is not an address, an unknown provider and an empty code without connecting', async () => {
    const before = imap.connections.length;
    expect(await run('zhangsan163.com', CODE)).toMatchObject({ status: 'invalid_address', problem: 'missing_at' });
    expect(await run('someone@example.org', CODE)).toMatchObject({ status: 'unknown_provider', domain: 'example.org' });
    expect(await run('zhangsan@163.com', ' \u200b\n')).toMatchObject({ status: 'invalid_code' });
    expect(await run('zhangsan@163.com', 'x'.repeat(500))).toMatchObject({ status: 'invalid_code' });
    expect(imap.connections.length).toBe(before);
  });

  it('recognises a company domain by its MX records (NetEase enterprise) and checks it with that provider’s servers and words', async () => {
    const result = checked(await run('Sun@Corp-A.test', 'Qy7-aBcDeFgHiJkL'));
    expect(result).toMatchObject({ address: 'sun@corp-a.test', providerId: 'netease-enterprise' });
    expect(result.report.ok).toBe(true);
    expect(enterprise.imap.connections.at(-1)).toMatchObject({ user: 'sun@corp-a.test', examined: 'INBOX' });

    enterprise.imap.setRefusal('ip_denied');
    try {
      const denied = checked(await run('sun@corp-a.test', 'Qy7-aBcDeFgHiJkL'));
      expect(denied.report.imap).toMatchObject({ ok: false, code: 'ip_not_allowed' });
    } finally {
      enterprise.imap.setRefusal(null);
    }
    // Mail servers of its own, or no such domain: not a provider we can check, and nothing is dialled.
    const before = enterprise.imap.connections.length;
    expect(await run('li@own-server.test', 'Qy7-aBcDeFgHiJkL')).toMatchObject({ status: 'unknown_provider', domain: 'own-server.test' });
    expect(await run('li@nowhere.test', 'Qy7-aBcDeFgHiJkL')).toMatchObject({ status: 'unknown_provider', domain: 'nowhere.test' });
    expect(enterprise.imap.connections.length).toBe(before);
  });

  it('locks a mailbox after five refused codes, and says until when', async () => {
    for (let i = 0; i < 5; i++) {
      const result = checked(await run('lisi@163.com', 'WrongWrongWrongW'));
      expect(result.report.imap).toMatchObject({ ok: false, code: 'auth_failed' });
    }
    const connectionsBefore = imap.connections.length;
    const refused = await run('lisi@163.com', CODE);
    expect(refused).toMatchObject({ status: 'refused', reason: 'mailbox_locked' });
    if (refused.status !== 'refused') throw new Error('unreachable');
    const minutesAway = (refused.retryAt.getTime() - Date.now()) / MINUTE;
    expect(minutesAway).toBeGreaterThan(14);
    expect(minutesAway).toBeLessThanOrEqual(15);
    // Refused before any connection: a locked mailbox never reaches the provider.
    expect(imap.connections.length).toBe(connectionsBefore);
    // Another mailbox of the same provider is unaffected.
    expect(checked(await run('wangwu@163.com', CODE)).report.ok).toBe(true);
  });

  it("counts another provider's own refusals toward the lock too (QQ's five-cause text)", async () => {
    for (let i = 0; i < 5; i++) {
      const result = checked(await run('zhaoliu@qq.com', 'wrongwrongwrongw'));
      expect(result.providerId).toBe('qq');
      expect(result.report.imap).toMatchObject({ ok: false, code: 'auth_failed_or_limited' });
      expect(result.report.imap.ok || result.report.imap.diagnosis.waitMinutes).toBe(15);
    }
    const connectionsBefore = qq.imap.connections.length;
    expect(await run('zhaoliu@qq.com', 'abcdefghijklmnop')).toMatchObject({ status: 'refused', reason: 'mailbox_locked' });
    expect(qq.imap.connections.length).toBe(connectionsBefore);
  });

  it('counts a login left unanswered toward the lock: the server may have refused it', async () => {
    // The server greets, then never answers: the LOGIN with the code went out each time.
    for (let i = 0; i < 5; i++) {
      const result = checked(await run('slow@126.com', CODE, { timeoutMs: 1_500, stageTimeoutMs: 300 }));
      expect(result.report.imap).toMatchObject({ ok: false, code: 'timeout', stage: 'login' });
    }
    expect(await run('slow@126.com', CODE, { timeoutMs: 1_500, stageTimeoutMs: 300 })).toMatchObject({ status: 'refused', reason: 'mailbox_locked' });
  });

  it('never tries the 163.com fallback by itself: a refused code on the own servers is one login and one counted check', async () => {
    const before = logins();
    const result = checked(await run('sun@yeah.net', 'WrongWrongWrongW'));
    expect(result.report.imap).toMatchObject({ ok: false, code: 'auth_failed' });
    expect(result.report.smtp).toMatchObject({ ok: false, code: 'not_attempted' });
    expect(logins() - before).toBe(1);
    expect(await attemptsOf('sun@yeah.net')).toEqual([{ provider_id: 'netease', state: 'done' }]);
  });

  it('counts checks on the fallback servers in the same per-mailbox limit: five refusals there lock the own servers too', async () => {
    for (let i = 0; i < 5; i++) {
      const result = checked(await run('zhou@yeah.net', 'WrongWrongWrongW', { alternative: 0 }));
      expect(result).toMatchObject({ address: 'zhou@yeah.net', providerId: 'netease' });
      expect(result.report.imap).toMatchObject({ ok: false, code: 'auth_failed' });
    }
    // Recorded under the same address and provider as a check of the own servers.
    expect(await attemptsOf('zhou@yeah.net')).toEqual(Array.from({ length: 5 }, () => ({ provider_id: 'netease', state: 'done' })));
    const before = logins();
    expect(await run('zhou@yeah.net', CODE)).toMatchObject({ status: 'refused', reason: 'mailbox_locked' });
    expect(await run('zhou@yeah.net', CODE, { alternative: 0 })).toMatchObject({ status: 'refused', reason: 'mailbox_locked' });
    expect(logins()).toBe(before);
  });

  it('adds refusals on the own servers and on the fallback into one count', async () => {
    for (const alternative of [undefined, undefined, undefined, 0]) {
      checked(await run('qian@yeah.net', 'WrongWrongWrongW', { alternative }));
    }
    // Four of five: one more check is allowed, on either set.
    expect(checked(await run('qian@yeah.net', 'WrongWrongWrongW', { alternative: 0 })).report.ok).toBe(false);
    const before = logins();
    expect(await run('qian@yeah.net', CODE)).toMatchObject({ status: 'refused', reason: 'mailbox_locked' });
    expect(logins()).toBe(before);
  });

  it('refuses a fallback the provider does not have before dialling or counting anything', async () => {
    const connections = imap.connections.length;
    const counted = [(await attemptsOf('zhangsan@163.com')).length, (await attemptsOf('wangwu@163.com')).length];
    expect(await run('zhangsan@163.com', CODE, { alternative: 0 })).toEqual({ status: 'no_such_alternative' });
    expect(await run('wangwu@163.com', CODE, { alternative: 1 })).toEqual({ status: 'no_such_alternative' });
    expect(imap.connections.length).toBe(connections);
    expect([(await attemptsOf('zhangsan@163.com')).length, (await attemptsOf('wangwu@163.com')).length]).toEqual(counted);
  });

  it('pauses every check to the provider after a ban signal', async () => {
    smtp.setScenario('ip_rejected_554');
    try {
      const banned = checked(await run('wangwu@163.com', CODE));
      expect(banned.report.banSignal).toBe(true);
      expect(banned.report.smtp).toMatchObject({ ok: false, code: 'ip_banned' });
    } finally {
      smtp.setScenario('ok');
    }
    const next = await run('zhangsan@163.com', CODE);
    expect(next).toMatchObject({ status: 'refused', reason: 'provider_paused' });
  });

  it('never stores the code', async () => {
    const tables = await opened.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = (tables as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
    expect(names).toContain('check_attempts');
    for (const name of names) {
      const rows = await opened.db.execute(sql.raw(`select * from "${name}"`));
      const text = JSON.stringify((rows as unknown as { rows: unknown[] }).rows);
      expect(text).not.toContain(CODE);
      expect(text).not.toContain('WrongWrongWrongW');
    }
  });
});
