import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { refusedPort, startFaultServer, UNRESOLVABLE_HOST, type FaultKind, type FaultServer } from '@/tools/peers/faults';
import { startNeteaseImap } from '@/tools/peers/netease-imap';
import type { MailEndpoints } from '@/lib/providers/types';
import { createResourceTracker, describeLeaks } from './resource-tracker';
import { runMailCheck } from './run-check';
import type { CheckReport, MailCheckInput, ProtocolCheckResult } from './types';

// Connection faults, each against both halves of the check at once: the IMAP side talks to
// an IMAP-flavoured fault server and the SMTP side to an SMTP-flavoured one. Every stage has
// its own budget, and whatever happens, nothing the check opened stays open.

const ADDRESS = 'zhangsan@163.com';
const CODE = 'AbCdEfGhIjKlMnOp';
const STAGE_MS = 300;

const tracker = createResourceTracker();
const servers: FaultServer[] = [];

afterEach(() => tracker.reset());
afterAll(async () => {
  tracker.disable();
  await Promise.all(servers.map((s) => s.stop()));
});

async function checkWithoutLeaks(input: Partial<MailCheckInput> & { endpoints: MailEndpoints }): Promise<CheckReport> {
  const report = await tracker.track('runMailCheck', () =>
    runMailCheck({ address: ADDRESS, code: CODE, stageTimeoutMs: STAGE_MS, timeoutMs: 5_000, ...input }),
  );
  const leaks = await tracker.leftOpen();
  expect(leaks, describeLeaks(leaks)).toEqual([]);
  return report;
}

async function faultPair(kind: FaultKind, options: { trickleIntervalMs?: number } = {}): Promise<MailEndpoints> {
  const [imap, smtp] = await Promise.all([
    startFaultServer(kind, { protocol: 'imap', ...options }),
    startFaultServer(kind, { protocol: 'smtp', ...options }),
  ]);
  servers.push(imap, smtp);
  return {
    imap: { host: imap.host, port: imap.port, tls: 'implicit' },
    smtp: { host: smtp.host, port: smtp.port, tls: 'implicit' },
  };
}

function failed(result: ProtocolCheckResult) {
  if (result.ok) throw new Error('expected this half of the check to fail');
  return result;
}

describe('certificates a verifying client must refuse', () => {
  it.each([
    ['wrong-name', /ERR_TLS_CERT_ALTNAME_INVALID/],
    ['unknown-ca', /UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT/],
  ] as const)('%s: tls_failed at the TLS stage, the code never sent', async (kind, detail) => {
    const endpoints = await faultPair(kind);
    const report = await checkWithoutLeaks({ endpoints });
    for (const result of [report.imap, report.smtp]) {
      const failure = failed(result);
      expect(failure).toMatchObject({ code: 'tls_failed', stage: 'tls' });
      expect(failure.detail).toMatch(detail);
      expect(failure.diagnosis.code).toBe('tls_failed');
      expect(failure.serverText).toBeUndefined();
    }
    expect(report.banSignal).toBe(false);
  });

  it('stays refused on a second try: a refused handshake leaves no session to resume', async () => {
    const endpoints = await faultPair('wrong-name');
    for (let attempt = 0; attempt < 2; attempt++) {
      const report = await checkWithoutLeaks({ endpoints });
      expect(failed(report.imap)).toMatchObject({ code: 'tls_failed', stage: 'tls' });
      expect(failed(report.smtp)).toMatchObject({ code: 'tls_failed', stage: 'tls' });
    }
  });

  it('a reset in the middle of the handshake is a TLS failure too', async () => {
    const endpoints = await faultPair('reset-during-tls');
    const report = await checkWithoutLeaks({ endpoints });
    expect(failed(report.imap)).toMatchObject({ code: 'tls_failed', stage: 'tls' });
    expect(failed(report.smtp)).toMatchObject({ code: 'tls_failed', stage: 'tls' });
  });
});

describe('servers that stop talking: timeout, naming the stage', () => {
  it('TCP accepted but no TLS: timeout at tls', async () => {
    const endpoints = await faultPair('silent-tcp');
    const started = performance.now();
    const report = await checkWithoutLeaks({ endpoints });
    expect(failed(report.imap)).toMatchObject({ code: 'timeout', stage: 'tls' });
    expect(failed(report.smtp)).toMatchObject({ code: 'timeout', stage: 'tls' });
    // Both halves waited side by side, one stage budget each.
    expect(performance.now() - started).toBeLessThan(STAGE_MS * 2 + 400);
  });

  it('TLS done but never greets: timeout at greeting', async () => {
    const endpoints = await faultPair('silent');
    const report = await checkWithoutLeaks({ endpoints });
    const imap = failed(report.imap);
    expect(imap).toMatchObject({ code: 'timeout', stage: 'greeting' });
    expect(imap.diagnosis.explanation.en).toContain("waiting for the server's greeting");
    expect(imap.diagnosis.explanation.zh).toContain('欢迎信息');
    expect(failed(report.smtp)).toMatchObject({ code: 'timeout', stage: 'greeting' });
  });

  it('greets, then never answers: timeout at the first command (IMAP LOGIN, SMTP EHLO)', async () => {
    const endpoints = await faultPair('greet-then-stall');
    const report = await checkWithoutLeaks({ endpoints });
    expect(failed(report.imap)).toMatchObject({ code: 'timeout', stage: 'login' });
    expect(failed(report.smtp)).toMatchObject({ code: 'timeout', stage: 'ehlo' });
  });

  it('a greeting trickling in byte by byte does not keep the stage alive: timeout at greeting', async () => {
    const endpoints = await faultPair('trickle', { trickleIntervalMs: 20 });
    const started = performance.now();
    const report = await checkWithoutLeaks({ endpoints });
    expect(failed(report.imap)).toMatchObject({ code: 'timeout', stage: 'greeting' });
    expect(failed(report.smtp)).toMatchObject({ code: 'timeout', stage: 'greeting' });
    expect(performance.now() - started).toBeLessThan(STAGE_MS * 3 + 500);
  });

  it('honours the overall budget when it is shorter than the stages together', async () => {
    const endpoints = await faultPair('greet-then-stall');
    const started = performance.now();
    const report = await checkWithoutLeaks({ endpoints, timeoutMs: 250, stageTimeoutMs: 10_000 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(250 + 200);
    const imap = failed(report.imap);
    expect(imap).toMatchObject({ code: 'timeout', stage: 'login' });
    expect(imap.detail).toMatch(/overall budget of 250 ms/);
    expect(failed(report.smtp)).toMatchObject({ code: 'timeout', stage: 'ehlo' });
    expect(report.durationMs).toBeLessThan(450);
  });
});

describe('a server that hangs up when it gets the credentials', () => {
  it('is unexpected at login (IMAP) and at auth (SMTP), and is not retried', async () => {
    const endpoints = await faultPair('close-after-login');
    const before = servers.slice(-2).map((s) => s.connections);
    const report = await checkWithoutLeaks({ endpoints });
    expect(failed(report.imap)).toMatchObject({ code: 'unexpected', stage: 'login' });
    // No LOGIN accepted, so SMTP stopped before its AUTH.
    expect(failed(report.smtp)).toMatchObject({ code: 'not_attempted', stage: 'auth' });
    // One connection each: nothing tried again after the credentials were refused.
    expect(servers.slice(-2).map((s) => s.connections)).toEqual(before.map((n) => n + 1));

    // With an IMAP server that accepts the login, SMTP meets its own hang-up at AUTH.
    const imap = await startNeteaseImap({ users: { [ADDRESS]: CODE } });
    try {
      const smtpBefore = servers.at(-1)!.connections;
      const smtpReport = await checkWithoutLeaks({ endpoints: { ...endpoints, imap: { host: imap.host, port: imap.port, tls: 'implicit' } } });
      expect(smtpReport.imap.ok).toBe(true);
      expect(failed(smtpReport.smtp)).toMatchObject({ code: 'unexpected', stage: 'auth' });
      expect(servers.at(-1)!.connections).toBe(smtpBefore + 1);
    } finally {
      await imap.stop();
    }
  });
});

describe('servers that cannot be reached: unreachable', () => {
  it('connection refused', async () => {
    const [imapPort, smtpPort] = await Promise.all([refusedPort(), refusedPort()]);
    const report = await checkWithoutLeaks({
      endpoints: {
        imap: { host: '127.0.0.1', port: imapPort, tls: 'implicit' },
        smtp: { host: '127.0.0.1', port: smtpPort, tls: 'implicit' },
      },
    });
    for (const result of [report.imap, report.smtp]) {
      const failure = failed(result);
      expect(failure).toMatchObject({ code: 'unreachable', stage: 'connect' });
      expect(failure.detail).toMatch(/ECONNREFUSED/);
      expect(failure.diagnosis.guideStep).toBe('core-parameters-configuration');
    }
  });

  it('a name that does not resolve', async () => {
    const report = await checkWithoutLeaks({
      endpoints: {
        imap: { host: UNRESOLVABLE_HOST, port: 993, tls: 'implicit' },
        smtp: { host: UNRESOLVABLE_HOST, port: 465, tls: 'implicit' },
      },
      stageTimeoutMs: 5_000,
    });
    for (const result of [report.imap, report.smtp]) {
      const failure = failed(result);
      expect(failure).toMatchObject({ code: 'unreachable', stage: 'connect' });
      expect(failure.detail).toMatch(/ENOTFOUND|EAI_AGAIN/);
    }
  });
});

describe('cancellation by the caller', () => {
  it('ends the check as aborted at the stage it reached, and closes everything', async () => {
    const endpoints = await faultPair('silent');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    const report = await checkWithoutLeaks({ endpoints, signal: controller.signal, stageTimeoutMs: 5_000 });
    expect(performance.now() - started).toBeLessThan(400);
    expect(failed(report.imap)).toMatchObject({ code: 'aborted', stage: 'greeting' });
    expect(failed(report.smtp)).toMatchObject({ code: 'aborted', stage: 'greeting' });
  });

  it('does not start when the signal is already aborted', async () => {
    const endpoints = await faultPair('silent');
    const report = await checkWithoutLeaks({ endpoints, signal: AbortSignal.abort() });
    expect(failed(report.imap)).toMatchObject({ code: 'aborted', stage: 'connect' });
    expect(failed(report.smtp)).toMatchObject({ code: 'aborted', stage: 'connect' });
  });
});
