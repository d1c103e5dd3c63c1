import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDelayProxy } from '@/tools/peers/delay-proxy';
import { startDovecot, type DovecotServer } from '@/tools/peers/dovecot';
import { startFaultServer, type FaultServer } from '@/tools/peers/faults';
import { startNeteaseImap, type NeteaseImapServer } from '@/tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import type { MailEndpoints, ServerEndpoint } from '@/lib/providers/types';
import { createResourceTracker, describeLeaks } from './resource-tracker';
import { runMailCheck } from './run-check';
import type { CheckReport, MailCheckInput, ProtocolCheckResult } from './types';

// The check against real sockets: Dovecot for real IMAP, the NetEase IMAP simulator for the
// ID rule, smtp-server scripted with NetEase's SMTP texts. After every check, nothing the
// check created may still be open.

const ADDRESS = 'zhangsan@163.com';
const CODE = 'AbCdEfGhIjKlMnOp';
const WRONG_CODE = 'ZZZZZZZZZZZZZZZZ';

const tracker = createResourceTracker();

async function check(input: Omit<MailCheckInput, 'address' | 'code'> & { address?: string; code?: string }): Promise<CheckReport> {
  const report = await tracker.track('runMailCheck', () => runMailCheck({ address: ADDRESS, code: CODE, ...input }));
  const leaks = await tracker.leftOpen();
  expect(leaks, describeLeaks(leaks)).toEqual([]);
  // Not vacuous: the tracker did see the check's sockets and timers come and go.
  expect(tracker.created()).toMatchObject({ TCPWRAP: expect.any(Number), Timeout: expect.any(Number) });
  return report;
}

function failure(result: ProtocolCheckResult) {
  if (result.ok) throw new Error(`expected a failure, got ok after ${result.durationMs} ms`);
  return result;
}

const endpoint = (server: { host: string; port: number }): ServerEndpoint => ({
  host: server.host,
  port: server.port,
  tls: 'implicit',
});

let neteaseImap: NeteaseImapServer;
let smtp: NeteaseSmtpServer;
let dovecot: DovecotServer;
let silentImap: FaultServer;
let silentSmtp: FaultServer;

beforeAll(async () => {
  [neteaseImap, smtp, dovecot, silentImap, silentSmtp] = await Promise.all([
    startNeteaseImap({ users: { [ADDRESS]: CODE }, idRule: 'after-login' }),
    startNeteaseSmtp({ users: { [ADDRESS]: CODE } }),
    startDovecot({ users: { [ADDRESS]: CODE } }),
    startFaultServer('silent', { protocol: 'imap' }),
    startFaultServer('silent', { protocol: 'smtp' }),
  ]);
});

afterAll(async () => {
  tracker.disable();
  await Promise.all([neteaseImap?.stop(), smtp?.stop(), dovecot?.stop(), silentImap?.stop(), silentSmtp?.stop()]);
});

afterEach(() => {
  neteaseImap.setIdRule('after-login');
  smtp.setScenario('ok');
  tracker.reset();
});

const neteaseEndpoints = (): MailEndpoints => ({ imap: endpoint(neteaseImap), smtp: endpoint(smtp) });

describe('against the strict NetEase simulator and the SMTP peer', () => {
  it('passes, with ID sent after LOGIN and MAIL FROM carrying the address, and nothing sent', async () => {
    const sessionsBefore = smtp.sessions.length;
    const connectionsBefore = neteaseImap.connections.length;
    const report = await check({ endpoints: neteaseEndpoints() });
    expect(report.imap).toMatchObject({ ok: true });
    expect(report.smtp).toMatchObject({ ok: true });
    expect(report).toMatchObject({ ok: true, banSignal: false });

    const imapSession = neteaseImap.connections.slice(connectionsBefore);
    expect(imapSession).toHaveLength(1);
    expect(imapSession[0]!.commands.map((c) => c.name)).toEqual(['LOGIN', 'ID', 'EXAMINE']);
    expect(imapSession[0]!.idAfterLogin).toBe(true);
    expect(imapSession[0]!.idBeforeLogin).toBe(false);
    expect(imapSession[0]!.selected).toBe('INBOX');

    const smtpSessions = smtp.sessions.slice(sessionsBefore);
    expect(smtpSessions).toHaveLength(1);
    const session = smtpSessions[0]!;
    expect(session.authenticatedUser).toBe(ADDRESS);
    expect(session.mailFrom).toEqual([ADDRESS]);
    expect(session.rcptTo).toEqual([]);
    expect(session.dataStarted).toBe(false);
    expect(session.messagesReceived).toBe(0);
    expect(session.rsetSeen).toBe(true);
    expect(session.quitSeen).toBe(true);
  });
});

describe('with real IMAP (Dovecot) beside the SMTP peer', () => {
  it('passes', async () => {
    const report = await check({ endpoints: { imap: endpoint(dovecot), smtp: endpoint(smtp) } });
    expect(report).toMatchObject({ ok: true, banSignal: false, imap: { ok: true }, smtp: { ok: true } });
    expect(report.durationMs).toBeGreaterThanOrEqual(Math.max(report.imap.durationMs, report.smtp.durationMs));
  });
});

describe('login names', () => {
  it('can differ per protocol: the local part for IMAP, the address for SMTP', async () => {
    const imapByLocalPart = await startNeteaseImap({ users: { zhangsan: CODE } });
    try {
      const connectionsBefore = imapByLocalPart.connections.length;
      const sessionsBefore = smtp.sessions.length;
      const report = await check({
        endpoints: { imap: endpoint(imapByLocalPart), smtp: endpoint(smtp) },
        username: { imap: 'zhangsan' },
      });
      expect(report.ok).toBe(true);
      expect(imapByLocalPart.connections[connectionsBefore]!.user).toBe('zhangsan');
      expect(smtp.sessions[sessionsBefore]!.authenticatedUser).toBe(ADDRESS);
    } finally {
      await imapByLocalPart.stop();
    }
  });
});

describe('the two halves', () => {
  it('run side by side: two stalled servers cost one stage budget, not two', async () => {
    const started = performance.now();
    const report = await check({
      endpoints: { imap: endpoint(silentImap), smtp: endpoint(silentSmtp) },
      stageTimeoutMs: 500,
    });
    const elapsed = performance.now() - started;
    expect(failure(report.imap)).toMatchObject({ code: 'timeout', stage: 'greeting' });
    expect(failure(report.smtp)).toMatchObject({ code: 'timeout', stage: 'greeting' });
    expect(elapsed).toBeGreaterThanOrEqual(500);
    expect(elapsed).toBeLessThan(900);
    expect(report.ok).toBe(false);
  });

  it('report one failing while the other passes, and the report is not ok', async () => {
    const report = await check({ endpoints: { imap: endpoint(neteaseImap), smtp: endpoint(silentSmtp) }, stageTimeoutMs: 300 });
    expect(report.imap.ok).toBe(true);
    expect(failure(report.smtp).code).toBe('timeout');
    expect(report).toMatchObject({ ok: false, banSignal: false });
  });

  it('SMTP never logs in when IMAP ends before a LOGIN was accepted, here a silent IMAP server', async () => {
    const sessionsBefore = smtp.sessions.length;
    const report = await check({ endpoints: { imap: endpoint(silentImap), smtp: endpoint(smtp) }, stageTimeoutMs: 300 });
    expect(failure(report.imap)).toMatchObject({ code: 'timeout', stage: 'greeting' });
    expect(failure(report.smtp)).toMatchObject({ code: 'not_attempted', stage: 'auth' });
    expect(smtp.sessions.slice(sessionsBefore).flatMap((s) => s.authAttempts)).toEqual([]);
  });

  it('SMTP waiting on IMAP when the overall budget runs out is not_attempted, not a timeout of its own', async () => {
    const sessionsBefore = smtp.sessions.length;
    const report = await check({ endpoints: { imap: endpoint(silentImap), smtp: endpoint(smtp) }, timeoutMs: 400, stageTimeoutMs: 10_000 });
    expect(failure(report.imap)).toMatchObject({ code: 'timeout', stage: 'greeting' });
    expect(failure(report.smtp)).toMatchObject({ code: 'not_attempted', stage: 'auth' });
    expect(smtp.sessions.slice(sessionsBefore).flatMap((s) => s.authAttempts)).toEqual([]);
  });

  it('SMTP waits for a slow IMAP LOGIN longer than one stage budget, then logs in', async () => {
    // 150 ms each way: no IMAP stage takes more than about 450 ms (TLS), well inside its 900 ms
    // budget, but the LOGIN verdict comes only after connect, TLS, greeting and LOGIN: over 1 s.
    const slowImap = await startDelayProxy({ target: neteaseImap, delayMs: 150 });
    try {
      const sessionsBefore = smtp.sessions.length;
      const report = await check({ endpoints: { imap: endpoint(slowImap), smtp: endpoint(smtp) }, stageTimeoutMs: 900 });
      expect(report).toMatchObject({ ok: true, imap: { ok: true }, smtp: { ok: true } });
      expect(report.smtp.durationMs).toBeGreaterThan(900);
      expect(smtp.sessions.slice(sessionsBefore).map((s) => s.authAttempts.length)).toEqual([1]);
    } finally {
      await slowImap.stop();
    }
  });

  it('raise the ban signal when either side sees NetEase\'s IP ban', async () => {
    smtp.setScenario('ip_rejected_554');
    const report = await check({ endpoints: neteaseEndpoints() });
    expect(report.imap.ok).toBe(true);
    expect(failure(report.smtp).code).toBe('ip_banned');
    expect(report.banSignal).toBe(true);
  });
});

describe('the code', () => {
  /** Everything written to the console or to stdout/stderr while `work` runs. */
  async function captureOutput(work: () => Promise<unknown>): Promise<string> {
    const chunks: string[] = [];
    const streams = [process.stdout, process.stderr] as const;
    const writes = streams.map((stream) => stream.write);
    const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
    // The console is replaced, not used: this test watches for anything the check logs.
    /* eslint-disable no-console */
    const consoleMethods = methods.map((m) => console[m]);
    streams.forEach((stream, i) => {
      stream.write = ((chunk: unknown, ...rest: unknown[]) => {
        chunks.push(String(chunk));
        return (writes[i] as (...args: unknown[]) => boolean).call(stream, chunk, ...rest);
      }) as typeof stream.write;
    });
    methods.forEach((m) => {
      console[m] = (...args: unknown[]) => {
        chunks.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      };
    });
    try {
      await work();
    } finally {
      streams.forEach((stream, i) => {
        stream.write = writes[i]!;
      });
      methods.forEach((m, i) => {
        console[m] = consoleMethods[i]!;
      });
    }
    /* eslint-enable no-console */
    return chunks.join('\n');
  }

  it('is never logged nor returned, whether the check passes or fails', async () => {
    const reports: CheckReport[] = [];
    const output = await captureOutput(async () => {
      reports.push(await check({ endpoints: neteaseEndpoints() }));
      reports.push(await check({ endpoints: neteaseEndpoints(), code: WRONG_CODE }));
      reports.push(await check({ endpoints: { imap: endpoint(dovecot), smtp: endpoint(smtp) }, code: WRONG_CODE }));
    });
    expect(reports.map((r) => r.ok)).toEqual([true, false, false]);
    const secrets = [CODE, WRONG_CODE].flatMap((code) => [
      code,
      Buffer.from(code).toString('base64').replace(/=+$/, ''),
      Buffer.from(`\u0000${ADDRESS}\u0000${code}`).toString('base64').replace(/=+$/, ''),
    ]);
    const returned = JSON.stringify(reports);
    for (const secret of secrets) {
      expect(output).not.toContain(secret);
      expect(returned).not.toContain(secret);
    }
  });

  it('and the address are refused up front when they could reshape a command', async () => {
    await expect(runMailCheck({ address: 'a@163.com>', code: CODE, endpoints: neteaseEndpoints() })).rejects.toThrow(TypeError);
    await expect(runMailCheck({ address: ADDRESS, code: `${CODE}\r\nRCPT TO:<x@y>`, endpoints: neteaseEndpoints() })).rejects.toThrow(
      TypeError,
    );
  });
});
