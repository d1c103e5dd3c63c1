import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNeteaseImap, type NeteaseImapServer } from '@/tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { sql } from 'drizzle-orm';
import type { OpenedDatabase } from '@/lib/db/client';
import { authUsers, mailAccounts, type StoredCheckResult } from '@/lib/db/schema';
import { createScratchStore, type ScratchStore } from '@/lib/db/testing/backends';
import { parseEnv, type EndpointOverrides } from '@/lib/env';
import { createLogger, installProcessLogger, runWithRequestContext } from '@/lib/log/logger.mjs';
import { checkMailbox } from '@/lib/mail-check/check-mailbox';
import type { LockoutPolicy } from '@/lib/mail-check/lockout';
import { startHelpSession } from '@/lib/support/help-sessions';
import { readDatabaseGauges, setDatabaseGauges } from './database-gauges';
import { appMetrics } from './registry';

// A check's traces, from real checks against the NetEase peers on the embedded database: its log
// line (ids and outcome, never the code) and its series in the registry /metrics serves, and the
// shared state the scrape reads from the database.

const CODE = 'QwErTyUiOpAsDfGh';
const WRONG = 'WrongWrongWrongW';
const MINUTE = 60_000;
const policy: LockoutPolicy = {
  maxFailuresPerMailbox: 5,
  windowMs: 15 * MINUTE,
  providerPauseMs: 30 * MINUTE,
  maxFailuresPerProvider: 1000,
  providerLoginBudget: 15,
  healthBudgetShare: 0.5,
};

describe('a check’s log line and metrics', () => {
  let store: ScratchStore;
  let opened: OpenedDatabase;
  let imap: NeteaseImapServer;
  let smtp: NeteaseSmtpServer;
  let overrides: EndpointOverrides;
  let logged = '';

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (logged += chunk.toString('utf8')));
    installProcessLogger(createLogger({ instance: 'metrics-test', destination: stream }));
    store = await createScratchStore('pglite');
    opened = await store.open();
    const users = { 'zhangsan@163.com': CODE, 'lisi@163.com': CODE };
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

  const checkLines = () =>
    logged
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.component === 'check');

  it('counts a passing and a failing check by provider, kind, outcome and stage, times them, and logs each once', async () => {
    const check = (address: string, code: string, kind: 'wizard' | 'health') =>
      checkMailbox(opened.db, { address, code }, { overrides, policy, ownerId: 'user-1', kind, timeoutMs: 10_000 });
    expect((await runWithRequestContext({ requestId: 'req-pass' }, () => check('zhangsan@163.com', CODE, 'wizard'))).status).toBe('checked');
    expect((await check('lisi@163.com', WRONG, 'health')).status).toBe('checked');

    const text = await appMetrics().registry.metrics();
    expect(text).toContain('mailbox_checks_total{provider="netease",kind="wizard",outcome="ok",stage="none"} 1');
    expect(text).toContain('mailbox_checks_total{provider="netease",kind="health",outcome="auth_failed",stage="imap.login"} 1');
    expect(text).toContain('mailbox_check_duration_seconds_count{provider="netease"} 2');
    expect(text).toMatch(/# TYPE mailbox_check_duration_seconds histogram/);

    const [passed, failed] = checkLines();
    expect(passed).toMatchObject({
      msg: 'check',
      instance: 'metrics-test',
      reqId: 'req-pass',
      ownerId: 'user-1',
      provider: 'netease',
      kind: 'wizard',
      health: false,
      outcome: 'ok',
      stage: 'none',
      imap: 'ok',
      smtp: 'ok',
      mailbox: 'zh***@163.com',
    });
    expect(passed!.durationMs).toEqual(expect.any(Number));
    // A health round has no request.
    expect(failed).toMatchObject({ health: true, kind: 'health', outcome: 'auth_failed', stage: 'imap.login', smtp: 'not_attempted' });
    expect(failed).not.toHaveProperty('reqId');
    for (const secret of [CODE, WRONG]) expect(logged).not.toContain(secret);
    // The full address stays in the database; the log has the masked one.
    expect(logged).not.toContain('zhangsan@163.com');
  });

  it('counts a check the limits refused before it dialled, with its reason', async () => {
    const strict = { ...policy, maxFailuresPerMailbox: 1 };
    const run = () => checkMailbox(opened.db, { address: 'lisi@163.com', code: WRONG }, { overrides, policy: strict, ownerId: 'user-2' });
    const refused = await run();
    expect(refused.status).toBe('refused');
    const text = await appMetrics().registry.metrics();
    expect(text).toContain('mailbox_checks_total{provider="netease",kind="wizard",outcome="refused_mailbox_locked",stage="limits"} 1');
    expect(checkLines().at(-1)).toMatchObject({ msg: 'check refused by the limits', outcome: 'refused_mailbox_locked', ownerId: 'user-2' });
  });

  it('reads the provider budget, the round lag and the help sessions from the database', async () => {
    setDatabaseGauges(appMetrics(), await readDatabaseGauges(opened.db, policy), policy);
    let text = await appMetrics().registry.metrics();
    // The wrong code counted against NetEase's budget; 15 refused logins allow 15 such checks (7 for health).
    expect(text).toContain('mailbox_provider_budget_used{provider="netease"} 1');
    expect(text).toContain('mailbox_provider_budget_used{provider="qq"} 0');
    expect(text).toContain('mailbox_provider_budget_checks{provider="netease",kind="any"} 15');
    expect(text).toContain('mailbox_provider_budget_checks{provider="netease",kind="health"} 7');
    // QQ logs in to SMTP after an IMAP refusal: two refused logins per wrong code.
    expect(text).toContain('mailbox_provider_budget_checks{provider="qq",kind="any"} 7');
    expect(text).toContain('mailbox_provider_paused{provider="netease"} 0');
    expect(text).toContain('mailbox_health_round_lag_seconds 0');
    expect(text).toContain('mailbox_help_sessions_live{state="waiting"} 0');

    // An account due two minutes ago, one held (its code was refused) due for longer, one paused:
    // the lag is the first one's, as the health runner would claim it next.
    await opened.db.insert(authUsers).values({ id: 'owner-lag', name: 'Zhou', email: 'owner-lag@example.com' });
    const endpoint = { host: 'imap.163.com', port: 993, tls: 'implicit' as const };
    const refused: StoredCheckResult = {
      ok: false,
      checkedAt: new Date().toISOString(),
      durationMs: 40,
      banSignal: false,
      imap: { ok: false, durationMs: 40, endpoint, code: 'auth_failed', stage: 'login' },
      smtp: { ok: false, durationMs: 10, endpoint: { ...endpoint, host: 'smtp.163.com', port: 465 }, code: 'not_attempted', stage: 'auth' },
    };
    const account = (address: string, secondsAgo: number, extra: Partial<typeof mailAccounts.$inferInsert> = {}) => ({
      ownerId: 'owner-lag',
      address,
      providerId: 'netease',
      domain: '163.com',
      imapHost: 'imap.163.com',
      imapPort: 993,
      imapTls: 'implicit' as const,
      smtpHost: 'smtp.163.com',
      smtpPort: 465,
      smtpTls: 'implicit' as const,
      status: 'ok' as const,
      sealedCode: Buffer.from('not a real sealed code'),
      codeKeyId: 'k1',
      nextCheckAt: sql`now() - make_interval(secs => ${secondsAgo})` as unknown as Date,
      ...extra,
    });
    await opened.db.insert(mailAccounts).values([
      account('due@163.com', 120),
      account('held@163.com', 600, { status: 'failed', lastCheckResult: refused }),
      account('paused@163.com', 900, { status: 'paused' }),
    ]);
    await startHelpSession(opened.db, { token: 'browser-token-1', customerId: null });
    await startHelpSession(opened.db, { token: 'browser-token-2', customerId: null });
    setDatabaseGauges(appMetrics(), await readDatabaseGauges(opened.db, policy), policy);
    text = await appMetrics().registry.metrics();
    const lag = Number(/^mailbox_health_round_lag_seconds (\S+)$/m.exec(text)?.[1]);
    expect(lag).toBeGreaterThanOrEqual(120);
    expect(lag).toBeLessThan(180);
    expect(text).toContain('mailbox_help_sessions_live{state="waiting"} 2');
    expect(text).toContain('mailbox_help_sessions_live{state="followed"} 0');
  });
});
