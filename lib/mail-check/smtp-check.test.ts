import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startNeteaseImap, NETEASE_IMAP_GREETING, type NeteaseImapServer } from '@/tools/peers/netease-imap';
import {
  NETEASE_SMTP_TEXTS,
  startNeteaseSmtp,
  type NeteaseSmtpServer,
  type SmtpScenario,
  type SmtpSessionRecord,
} from '@/tools/peers/netease-smtp';
import { ensureTestPki } from '@/tools/peers/pki';
import type { ServerEndpoint } from '@/lib/providers/types';
import { isLoginVerdict } from './diagnosis';
import { createResourceTracker, describeLeaks } from './resource-tracker';
import { runMailCheck } from './run-check';
import type { CheckReport, FailureCode, CheckStage, ProtocolCheckResult } from './types';

// The SMTP half against smtp-server scripted with NetEase's answers. The peer's session record
// is the witness that the check proves what it claims without sending anything: AUTH happened
// once, MAIL FROM carried the address, and no RCPT or DATA ever left. SMTP logs in only after
// IMAP accepted the login, so the IMAP simulator beside it accepts the code each test sends.

const ADDRESS = 'zhangsan@163.com';
const CODE = 'AbCdEfGhIjKlMnOp';
const WRONG_CODE = 'QwErTyUiOpAsDfGh';

const tracker = createResourceTracker();
let imap: NeteaseImapServer;
// Accepts the code the SMTP peer refuses: how a test reaches SMTP's own answer to a wrong code.
let imapTakingWrongCode: NeteaseImapServer;
let smtp: NeteaseSmtpServer;
let starttlsSmtp: NeteaseSmtpServer;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  [imap, imapTakingWrongCode, smtp, starttlsSmtp] = await Promise.all([
    startNeteaseImap({ users: { [ADDRESS]: CODE } }),
    startNeteaseImap({ users: { [ADDRESS]: WRONG_CODE } }),
    startNeteaseSmtp({ users: { [ADDRESS]: CODE } }),
    startNeteaseSmtp({ users: { [ADDRESS]: CODE }, tls: 'starttls' }),
  ]);
});

afterAll(async () => {
  tracker.disable();
  await Promise.all([imap?.stop(), imapTakingWrongCode?.stop(), smtp?.stop(), starttlsSmtp?.stop(), ...cleanups.map((c) => c())]);
});

afterEach(() => {
  smtp.setScenario('ok');
  tracker.reset();
});

const at = (server: { host: string; port: number }, mode: ServerEndpoint['tls'] = 'implicit'): ServerEndpoint => ({
  host: server.host,
  port: server.port,
  tls: mode,
});

/**
 * Runs the whole check with `endpoint` as the SMTP side and an IMAP simulator beside it that
 * accepts `code` (unless `imapSide` says otherwise), so that SMTP goes on to AUTH.
 */
async function checkSmtpAgainst(endpoint: ServerEndpoint, code = CODE, imapSide?: NeteaseImapServer): Promise<CheckReport> {
  const imapPeer = imapSide ?? (code === WRONG_CODE ? imapTakingWrongCode : imap);
  const report = await tracker.track('runMailCheck', () =>
    runMailCheck({ address: ADDRESS, code, endpoints: { imap: at(imapPeer), smtp: endpoint }, stageTimeoutMs: 2_000 }),
  );
  const leaks = await tracker.leftOpen();
  expect(leaks, describeLeaks(leaks)).toEqual([]);
  return report;
}

function failed(result: ProtocolCheckResult) {
  if (result.ok) throw new Error('expected the SMTP check to fail');
  return result;
}

/** The one session the last check opened on `server`. */
async function lastSession(server: NeteaseSmtpServer, before: number): Promise<SmtpSessionRecord> {
  const sessions = server.sessions.slice(before);
  expect(sessions).toHaveLength(1);
  return sessions[0]!;
}

function expectNothingSent(session: SmtpSessionRecord) {
  expect(session.rcptTo).toEqual([]);
  expect(session.dataStarted).toBe(false);
  expect(session.messagesReceived).toBe(0);
}

describe('a working account', () => {
  it('passes: one AUTH PLAIN, MAIL FROM with the address, RSET and QUIT; no RCPT, no DATA', async () => {
    const before = smtp.sessions.length;
    const report = await checkSmtpAgainst(at(smtp));
    expect(report.smtp).toEqual({ ok: true, durationMs: expect.any(Number), endpoint: at(smtp), loginName: ADDRESS });
    const session = await lastSession(smtp, before);
    expect(session.authAttempts).toEqual([{ method: 'PLAIN', username: ADDRESS, reply: '235', at: expect.any(Number) }]);
    expect(session.mailFrom).toEqual([ADDRESS]);
    expect(session.commands.map((c) => c.split(/[ :]/)[0]!.toUpperCase())).toEqual(['EHLO', 'AUTH', 'MAIL', 'RSET', 'QUIT']);
    expect(session).toMatchObject({ rsetSeen: true, quitSeen: true });
    expectNothingSent(session);
  });

  it('passes over STARTTLS when the endpoint says so, and logs in only after the upgrade', async () => {
    const before = starttlsSmtp.sessions.length;
    const report = await checkSmtpAgainst(at(starttlsSmtp, 'starttls'));
    expect(report.smtp.ok).toBe(true);
    const session = await lastSession(starttlsSmtp, before);
    expect(session.startTlsUsed).toBe(true);
    expect(session.commands.map((c) => c.split(/[ :]/)[0]!.toUpperCase())).toEqual([
      'EHLO',
      'STARTTLS',
      'EHLO',
      'AUTH',
      'MAIL',
      'RSET',
      'QUIT',
    ]);
    expectNothingSent(session);
  });

  it('a plain port without STARTTLS is tls_failed: the code is never sent in clear', async () => {
    let authCalls = 0;
    const peer = await startScriptedSmtp(
      {
        onAuth: (_auth, _session, callback) => {
          authCalls++;
          callback(null, { user: ADDRESS });
        },
      },
      { secure: false, hideSTARTTLS: true, disabledCommands: ['STARTTLS'] },
    );
    const report = await checkSmtpAgainst(at(peer, 'starttls'));
    const failure = failed(report.smtp);
    expect(failure).toMatchObject({ code: 'tls_failed', stage: 'starttls' });
    expect(failure.serverText).toMatch(/^5\d\d /);
    expect(authCalls).toBe(0);
    expect(peer.commands).toEqual([]);
  });
});

describe('one refused login per wrong code', () => {
  it('IMAP refuses the code: SMTP sets up (EHLO) but sends no AUTH, and its result is not a login verdict', async () => {
    const before = smtp.sessions.length;
    const report = await checkSmtpAgainst(at(smtp), WRONG_CODE, imap);
    expect(failed(report.imap)).toMatchObject({ code: 'auth_failed', stage: 'login' });
    const failure = failed(report.smtp);
    expect(failure).toMatchObject({ code: 'not_attempted', stage: 'auth' });
    expect(isLoginVerdict(failure.code)).toBe(false);
    expect(report.banSignal).toBe(false);
    const session = await lastSession(smtp, before);
    expect(session.authAttempts).toEqual([]);
    expect(session.commands.map((c) => c.split(' ')[0]!.toUpperCase())).toEqual(['EHLO']);
    expect(session.mailFrom).toEqual([]);
  });

  it('IMAP accepts the code: both log in, once each', async () => {
    const before = smtp.sessions.length;
    const imapBefore = imap.connections.length;
    const report = await checkSmtpAgainst(at(smtp));
    expect(report.ok).toBe(true);
    expect(imap.connections.slice(imapBefore).map((c) => c.commands.filter((x) => x.name === 'LOGIN').length)).toEqual([1]);
    expect((await lastSession(smtp, before)).authAttempts).toEqual([{ method: 'PLAIN', username: ADDRESS, reply: '235', at: expect.any(Number) }]);
  });
});

describe('a STARTTLS upgrade to a certificate for another name', () => {
  it('is tls_failed and no AUTH is ever sent', async () => {
    let authCalls = 0;
    const peer = await startScriptedSmtp(
      {
        onAuth: (_auth, _session, callback) => {
          authCalls++;
          callback(null, { user: ADDRESS });
        },
      },
      { secure: false },
      'wrongName',
    );
    const report = await checkSmtpAgainst(at(peer, 'starttls'));
    const failure = failed(report.smtp);
    expect(failure).toMatchObject({ code: 'tls_failed', stage: 'tls' });
    expect(failure.detail).toMatch(/altnames|ERR_TLS_CERT_ALTNAME_INVALID/);
    expect(authCalls).toBe(0);
  });
});

describe('NetEase refusals', () => {
  const cases: Array<{
    scenario: SmtpScenario | 'wrong_code';
    code: FailureCode;
    stage: CheckStage;
    serverText: string;
    mailFrom: string[];
    ban: boolean;
  }> = [
    { scenario: 'wrong_code', code: 'auth_failed', stage: 'auth', serverText: `535 ${NETEASE_SMTP_TEXTS.authFailed}`, mailFrom: [], ban: false },
    { scenario: 'auth_550', code: 'smtp_not_enabled', stage: 'auth', serverText: `550 ${NETEASE_SMTP_TEXTS.noPermission}`, mailFrom: [], ban: false },
    { scenario: 'mailfrom_550', code: 'smtp_not_enabled', stage: 'mail_from', serverText: `550 ${NETEASE_SMTP_TEXTS.noPermission}`, mailFrom: [ADDRESS], ban: false },
    { scenario: 'mailfrom_553', code: 'sender_rejected', stage: 'mail_from', serverText: `553 ${NETEASE_SMTP_TEXTS.localUserOnly}`, mailFrom: [ADDRESS], ban: false },
    { scenario: 'ip_rejected_554', code: 'ip_banned', stage: 'auth', serverText: `554 ${NETEASE_SMTP_TEXTS.ipRejected}`, mailFrom: [], ban: true },
    { scenario: 'too_much_fail_451', code: 'ip_banned', stage: 'auth', serverText: `451 ${NETEASE_SMTP_TEXTS.tooMuchFail}`, mailFrom: [], ban: true },
  ];

  it.each(cases)('$scenario → $code at $stage', async ({ scenario, code, stage, serverText, mailFrom, ban }) => {
    if (scenario !== 'wrong_code') smtp.setScenario(scenario);
    const before = smtp.sessions.length;
    const report = await checkSmtpAgainst(at(smtp), scenario === 'wrong_code' ? WRONG_CODE : CODE);
    const failure = failed(report.smtp);
    expect(failure).toMatchObject({ code, stage, serverText });
    expect(failure.diagnosis.code).toBe(code);
    expect(report.banSignal).toBe(ban);
    const session = await lastSession(smtp, before);
    // Never retried: exactly one AUTH, whatever the answer.
    expect(session.authAttempts).toHaveLength(1);
    expect(session.mailFrom).toEqual(mailFrom);
    expectNothingSent(session);
  });

  it('no AUTH offered is a failure (no_auth_offered), never a pass, and no MAIL FROM is tried', async () => {
    smtp.setScenario('no_auth');
    const before = smtp.sessions.length;
    const report = await checkSmtpAgainst(at(smtp));
    const failure = failed(report.smtp);
    expect(failure).toMatchObject({ code: 'no_auth_offered', stage: 'auth' });
    expect(failure.serverText).toMatch(/^250-mail/);
    expect(failure.serverText).not.toMatch(/AUTH/);
    const session = await lastSession(smtp, before);
    expect(session.authAttempts).toEqual([]);
    expect(session.mailFrom).toEqual([]);
    expectNothingSent(session);
  });
});

interface ScriptedSmtp {
  host: string;
  port: number;
  commands: string[];
}

/** An smtp-server of this file's own, for answers the NetEase peer does not script. */
type SmtpServerOptions = NonNullable<ConstructorParameters<typeof SMTPServer>[0]>;

async function startScriptedSmtp(
  hooks: Pick<SmtpServerOptions, 'onAuth' | 'onMailFrom'>,
  transport: Pick<SmtpServerOptions, 'secure' | 'hideSTARTTLS' | 'disabledCommands' | 'authMethods' | 'name'> = { secure: true },
  certificate: 'server' | 'wrongName' = 'server',
): Promise<ScriptedSmtp> {
  const pki = ensureTestPki();
  const pair = pki[certificate];
  const commands: string[] = [];
  const server = new SMTPServer({
    key: pair.key,
    cert: pair.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    disableReverseLookup: true,
    logger: false,
    ...transport,
    onRcptTo(_address, _session, callback) {
      commands.push('RCPT');
      callback();
    },
    onData(stream, _session, callback) {
      commands.push('DATA');
      stream.resume();
      stream.on('end', () => callback());
    },
    ...hooks,
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { host: '127.0.0.1', port: (server.server.address() as net.AddressInfo).port, commands };
}

const refusal = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

describe('a server that does not offer PLAIN or LOGIN is never sent the code', () => {
  const authAttempts: string[] = [];
  const onAuth: SmtpServerOptions['onAuth'] = (auth, _session, callback) => {
    authAttempts.push(auth.method);
    callback(refusal(535, 'authentication failed'));
  };
  afterEach(() => {
    authAttempts.length = 0;
  });

  it('offering only XOAUTH2 or CRAM-MD5 is no_auth_offered, with no AUTH sent', async () => {
    for (const authMethods of [['XOAUTH2'], ['CRAM-MD5']]) {
      const peer = await startScriptedSmtp({ onAuth }, { secure: true, authMethods });
      const failure = failed((await checkSmtpAgainst(at(peer))).smtp);
      expect(failure).toMatchObject({ code: 'no_auth_offered', stage: 'auth' });
      expect(failure.serverText).toContain(`AUTH ${authMethods[0]}`);
    }
    expect(authAttempts).toEqual([]);
  });

  it('"AUTH" elsewhere in the EHLO reply is not an offer', async () => {
    // No AUTH line, but the server's name says AUTH: nodemailer's allowsAuth would be true.
    const peer = await startScriptedSmtp({ onAuth }, { secure: true, disabledCommands: ['AUTH'], name: 'mx AUTH PLAIN gateway' });
    const failure = failed((await checkSmtpAgainst(at(peer))).smtp);
    expect(failure).toMatchObject({ code: 'no_auth_offered', stage: 'auth' });
    expect(failure.serverText).toContain('AUTH PLAIN gateway');
    expect(authAttempts).toEqual([]);
    expect(peer.commands).toEqual([]);
  });

  it('a server that refuses EHLO and takes HELO offers nothing, and is sent nothing', async () => {
    const peer = await startScriptedSmtp({ onAuth }, { secure: true, disabledCommands: ['EHLO'] });
    const failure = failed((await checkSmtpAgainst(at(peer))).smtp);
    expect(failure).toMatchObject({ code: 'no_auth_offered', stage: 'auth' });
    expect(authAttempts).toEqual([]);
  });

  it('LOGIN alone is used when PLAIN is not offered', async () => {
    const peer = await startScriptedSmtp(
      { onAuth: (auth, _session, callback) => (authAttempts.push(auth.method), callback(null, { user: ADDRESS })) },
      { secure: true, authMethods: ['LOGIN'] },
    );
    const report = await checkSmtpAgainst(at(peer));
    expect(report.smtp.ok).toBe(true);
    expect(authAttempts).toEqual(['LOGIN']);
  });
});

describe('a refused AUTH is classified by its reply code', () => {
  // [reply to AUTH, code, counted toward the lockout]
  const cases: Array<[number, string, FailureCode, boolean]> = [
    [535, '5.7.8 Authentication credentials invalid', 'auth_failed', true],
    [530, '5.7.0 Must issue a STARTTLS command first', 'auth_setup_failed', false],
    [534, '5.7.9 Authentication mechanism is too weak', 'auth_setup_failed', false],
    [538, '5.7.11 Encryption required for requested authentication mechanism', 'auth_setup_failed', false],
    [454, '4.7.0 Temporary authentication failure', 'server_busy', false],
    [502, '5.5.1 Command not implemented', 'unexpected', false],
  ];

  it.each(cases)('%d %s → %s (counted: %s)', async (replyCode, text, code, counted) => {
    const methods: string[] = [];
    const peer = await startScriptedSmtp({
      onAuth: (auth, _session, callback) => {
        methods.push(auth.method);
        callback(refusal(replyCode, text));
      },
    });
    const report = await checkSmtpAgainst(at(peer));
    expect(report.imap.ok).toBe(true);
    const failure = failed(report.smtp);
    expect(failure).toMatchObject({ code, stage: 'auth', serverText: `${replyCode} ${text}` });
    expect(failure.diagnosis.code).toBe(code);
    expect(isLoginVerdict(failure.code)).toBe(counted);
    expect(report.banSignal).toBe(false);
    // Sent once, never retried, and nothing after it.
    expect(methods).toEqual(['PLAIN']);
    expect(peer.commands).toEqual([]);
  });
});

describe('other answers', () => {
  it('554 DT:SPM at MAIL FROM is content_flagged, not a setup problem', async () => {
    const peer = await startScriptedSmtp({
      onAuth: (_auth, _session, callback) => callback(null, { user: ADDRESS }),
      onMailFrom: (_address, _session, callback) =>
        callback(refusal(554, 'DT:SPM 163 smtp14,EsCowAD3LpfTgWVmexkAAA--.1234S2 1717928403, please see http://mail.163.com/help/help_spam_16.htm?ip=1.2.3.4')),
    });
    const report = await checkSmtpAgainst(at(peer));
    const failure = failed(report.smtp);
    expect(failure).toMatchObject({ code: 'content_flagged', stage: 'mail_from' });
    expect(failure.serverText).toMatch(/^554 DT:SPM/);
    expect(report.banSignal).toBe(false);
    expect(peer.commands).toEqual([]);
  });

  it('an IMAP server on the SMTP port is unexpected at the greeting, with its words', async () => {
    const report = await checkSmtpAgainst(at(imap));
    const failure = failed(report.smtp);
    expect(failure).toMatchObject({ code: 'unexpected', stage: 'greeting', serverText: NETEASE_IMAP_GREETING });
    expect(failure.diagnosis.explanation.en).toContain("waiting for the server's greeting");
  });

  it('a server that echoes the credentials gets them redacted, in clear and in base64', async () => {
    const peer = await startScriptedSmtp({
      onAuth: (auth, _session, callback) => {
        const blob = Buffer.from(`\u0000${auth.username}\u0000${auth.password}`).toString('base64');
        callback(refusal(535, `bad credentials ${auth.password} / ${blob} / ${Buffer.from(auth.password ?? '').toString('base64')}`));
      },
    });
    const report = await checkSmtpAgainst(at(peer));
    const failure = failed(report.smtp);
    expect(failure.code).toBe('auth_failed');
    expect(failure.serverText).toBe('535 bad credentials [redacted] / [redacted] / [redacted]');
    const json = JSON.stringify(report);
    expect(json).not.toContain(CODE);
    expect(json).not.toContain(Buffer.from(CODE).toString('base64').replace(/=+$/, ''));
  });
});
