import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImapFlow } from 'imapflow';
import { startDovecot, type DovecotServer } from '@/e2e/peers/dovecot';
import { NETEASE_UNSAFE_LOGIN, startNeteaseImap, type NeteaseImapServer } from '@/e2e/peers/netease-imap';
import { NETEASE_SMTP_TEXTS, startNeteaseSmtp, type NeteaseSmtpServer } from '@/e2e/peers/netease-smtp';
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

beforeAll(async () => {
  [neteaseImap, smtp, dovecot] = await Promise.all([
    startNeteaseImap({ users: { [ADDRESS]: CODE }, idRule: 'after-login' }),
    startNeteaseSmtp({ users: { [ADDRESS]: CODE } }),
    startDovecot({ users: { [ADDRESS]: CODE } }),
  ]);
});

afterAll(async () => {
  tracker.disable();
  await Promise.all([neteaseImap?.stop(), smtp?.stop(), dovecot?.stop()]);
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
