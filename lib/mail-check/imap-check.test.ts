import net from 'node:net';
import tls from 'node:tls';
import { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type DovecotServer } from '@/tools/peers/dovecot';
import {
  NETEASE_IMAP_GREETING,
  NETEASE_LOGIN_FAILED,
  NETEASE_UNSAFE_LOGIN,
  startNeteaseImap,
  type NeteaseImapServer,
} from '@/tools/peers/netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from '@/tools/peers/netease-smtp';
import { ensureTestPki } from '@/tools/peers/pki';
import type { ServerEndpoint } from '@/lib/providers/types';
import { isLoginVerdict } from './diagnosis';
import { createResourceTracker, describeLeaks } from './resource-tracker';
import { runMailCheck } from './run-check';
import type { CheckReport, FailureCode, ProtocolCheckResult } from './types';

// The IMAP half against real IMAP (Dovecot), against the NetEase simulator in each reading of
// its ID rule, and against small servers of this file's own: a proxy that loses the client's
// ID on the way (so the Unsafe Login refusal can be produced on purpose), a server that echoes
// the credentials back in its refusal, and one that answers LOGIN with a reply of the test's
// choosing (RFC 5530 response codes).

const ADDRESS = 'zhangsan@163.com';
const CODE = 'AbCdEfGhIjKlMnOp';
const WRONG_CODE = 'QwErTyUiOpAsDfGh';

const tracker = createResourceTracker();
let simulator: NeteaseImapServer;
let smtp: NeteaseSmtpServer;
let dovecot: DovecotServer;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  [simulator, smtp, dovecot] = await Promise.all([
    startNeteaseImap({ users: { [ADDRESS]: CODE }, idRule: 'after-login' }),
    startNeteaseSmtp({ users: { [ADDRESS]: CODE } }),
    startDovecot({ users: { [ADDRESS]: CODE } }),
  ]);
});

afterAll(async () => {
  tracker.disable();
  await Promise.all([simulator?.stop(), smtp?.stop(), dovecot?.stop(), ...cleanups.map((c) => c())]);
});

afterEach(() => {
  simulator.setIdRule('after-login');
  tracker.reset();
});

const at = (server: { host: string; port: number }): ServerEndpoint => ({ host: server.host, port: server.port, tls: 'implicit' });

/** Runs the whole check with `imap` under test and the healthy SMTP peer beside it. */
async function checkImapAgainst(imap: ServerEndpoint, code = CODE): Promise<CheckReport> {
  const report = await tracker.track('runMailCheck', () =>
    runMailCheck({ address: ADDRESS, code, endpoints: { imap, smtp: at(smtp) }, stageTimeoutMs: 2_000 }),
  );
  const leaks = await tracker.leftOpen();
  expect(leaks, describeLeaks(leaks)).toEqual([]);
  return report;
}

function failed(result: ProtocolCheckResult) {
  if (result.ok) throw new Error('expected the IMAP check to fail');
  return result;
}

const newConnections = (before: number) => simulator.connections.slice(before);

describe('the NetEase simulator with the strict rule (only an ID after LOGIN counts)', () => {
  it('passes: LOGIN, then ID, then EXAMINE INBOX, nothing else', async () => {
    const before = simulator.connections.length;
    const report = await checkImapAgainst(at(simulator));
    // NetEase lists no capabilities unless asked, and the check asks nothing more: push is not known.
    expect(report.imap).toEqual({ ok: true, durationMs: expect.any(Number), endpoint: at(simulator), loginName: ADDRESS, delivery: 'unknown' });
    const [session] = newConnections(before);
    expect(session!.commands.map((c) => c.line.replace(/^\S+ /, ''))).toEqual([
      `LOGIN "${ADDRESS}" ***`,
      'ID ("name" "Mailbox Onboarding" "version" "0.1.0" "vendor" "Mailbox Onboarding")',
      'EXAMINE INBOX',
    ]);
    expect(session).toMatchObject({ idBeforeLogin: false, idAfterLogin: true, selected: 'INBOX', user: ADDRESS });
  });

  it('bites: a stock imapflow connect + mailboxOpen is refused with Unsafe Login', async () => {
    const client = new ImapFlow({
      host: simulator.host,
      port: simulator.port,
      secure: true,
      auth: { user: ADDRESS, pass: CODE },
      logger: false,
    });
    client.on('error', () => {});
    try {
      await client.connect();
      // imapflow sent ID before LOGIN only: the reply had 3 fields, so it did not repeat it.
      await expect(client.mailboxOpen('INBOX')).rejects.toMatchObject({ responseText: expect.stringContaining('Unsafe Login') });
    } finally {
      client.close();
    }
    const session = simulator.connections.at(-1)!;
    expect(session).toMatchObject({ idBeforeLogin: true, idAfterLogin: false, unsafeLoginRefusals: 1 });
  });

  it('a wrong code is auth_failed with NetEase\'s words and its checklist, tried once', async () => {
    const before = simulator.connections.length;
    const report = await checkImapAgainst(at(simulator), WRONG_CODE);
    const imap = failed(report.imap);
    expect(imap).toMatchObject({ code: 'auth_failed', stage: 'login', serverText: `NO ${NETEASE_LOGIN_FAILED}` });
    expect(imap.diagnosis.guideStep).toBe('enable-service-and-get-code');
    expect(imap.diagnosis.checklist.length).toBeGreaterThanOrEqual(4);
    expect(imap.diagnosis.checklist.map((item) => item.en).join(' ')).toMatch(/web-mail password/);
    const sessions = newConnections(before);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.commands.map((c) => c.name)).toEqual(['LOGIN']);
  });

  it('a wrong code costs one refused login: SMTP sets up but never sends AUTH', async () => {
    const sessionsBefore = smtp.sessions.length;
    const report = await checkImapAgainst(at(simulator), WRONG_CODE);
    expect(failed(report.imap)).toMatchObject({ code: 'auth_failed', stage: 'login' });
    const smtpSide = failed(report.smtp);
    expect(smtpSide).toMatchObject({ code: 'not_attempted', stage: 'auth' });
    expect(smtpSide.serverText).toBeUndefined();
    expect(isLoginVerdict(smtpSide.code)).toBe(false);
    const sessions = smtp.sessions.slice(sessionsBefore);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.authAttempts).toEqual([]);
    // Set up in parallel all the same: EHLO went out before the verdict came.
    expect(sessions[0]!.commands.map((c) => c.split(' ')[0]!.toUpperCase())).toEqual(['EHLO']);
  });

  it('a right code: both log in, once each', async () => {
    const sessionsBefore = smtp.sessions.length;
    const before = simulator.connections.length;
    const report = await checkImapAgainst(at(simulator));
    expect(report.ok).toBe(true);
    expect(newConnections(before).map((c) => c.commands.filter((x) => x.name === 'LOGIN').length)).toEqual([1]);
    expect(smtp.sessions.slice(sessionsBefore).map((s) => s.authAttempts.map((a) => a.reply))).toEqual([['235']]);
  });
});

describe('the other readings of the ID rule', () => {
  it.each(['any', 'none'] as const)('idRule %s: passes', async (rule) => {
    simulator.setIdRule(rule);
    const report = await checkImapAgainst(at(simulator));
    expect(report.imap.ok).toBe(true);
  });

  it('idRule any: a stock imapflow passes too (its ID before LOGIN counts there)', async () => {
    simulator.setIdRule('any');
    const client = new ImapFlow({ host: simulator.host, port: simulator.port, secure: true, auth: { user: ADDRESS, pass: CODE }, logger: false });
    client.on('error', () => {});
    try {
      await client.connect();
      await expect(client.mailboxOpen('INBOX')).resolves.toMatchObject({ path: 'INBOX' });
    } finally {
      client.close();
    }
  });
});

/**
 * Terminates TLS, passes IMAP lines to the simulator over a second TLS connection, and turns
 * every ID command into a NOOP: the server never hears the client identify itself.
 */
async function startIdDroppingProxy(target: { host: string; port: number }): Promise<{ host: string; port: number }> {
  const pki = ensureTestPki();
  const server = tls.createServer({ cert: pki.server.cert, key: pki.server.key }, (client) => {
    client.on('error', () => {});
    const upstream = tls.connect({ host: target.host, port: target.port });
    upstream.on('error', () => client.destroy());
    upstream.pipe(client);
    let pending = '';
    client.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let newline: number;
      while ((newline = pending.indexOf('\n')) !== -1) {
        const line = pending.slice(0, newline).replace(/\r$/, '');
        pending = pending.slice(newline + 1);
        upstream.write(`${line.replace(/^(\S+) ID .*$/i, '$1 NOOP')}\r\n`);
      }
    });
    client.on('close', () => upstream.destroy());
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { host: '127.0.0.1', port: (server.address() as net.AddressInfo).port };
}

describe('a server that never hears the ID', () => {
  it('is unsafe_login at EXAMINE, with the server\'s words and advice to contact support', async () => {
    const proxy = await startIdDroppingProxy(simulator);
    const report = await checkImapAgainst(at(proxy));
    const imap = failed(report.imap);
    expect(imap).toMatchObject({ code: 'unsafe_login', stage: 'examine', serverText: `NO ${NETEASE_UNSAFE_LOGIN}` });
    expect(imap.diagnosis.guideStep).toBe('configure-in-client');
    expect(imap.diagnosis.checklist.map((c) => c.en).join(' ')).toMatch(/support/);
    expect(simulator.connections.at(-1)).toMatchObject({ idAfterLogin: false, unsafeLoginRefusals: 1 });
  });
});

/** Greets like NetEase and refuses LOGIN, quoting the command it got, password included. */
async function startEchoingImap(): Promise<{ host: string; port: number }> {
  const pki = ensureTestPki();
  const server = tls.createServer({ cert: pki.server.cert, key: pki.server.key }, (socket) => {
    socket.on('error', () => {});
    socket.write(`${NETEASE_IMAP_GREETING}\r\n`);
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let newline: number;
      while ((newline = pending.indexOf('\r\n')) !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 2);
        const [tag, ...rest] = line.split(' ');
        socket.write(`${tag} NO [AUTHENTICATIONFAILED] cannot accept ${rest.join(' ')} (${CODE.toLowerCase()})\r\n`);
      }
    });
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { host: '127.0.0.1', port: (server.address() as net.AddressInfo).port };
}

describe('a server that echoes the code', () => {
  it('gets its words through with every form of the code redacted', async () => {
    const echo = await startEchoingImap();
    const report = await checkImapAgainst(at(echo));
    const imap = failed(report.imap);
    expect(imap.code).toBe('auth_failed');
    expect(imap.serverText).toBe(`NO [AUTHENTICATIONFAILED] cannot accept LOGIN "${ADDRESS}" "[redacted]" ([redacted])`);
    expect(JSON.stringify(report).toLowerCase()).not.toContain(CODE.toLowerCase());
  });
});

/** Greets, and answers every LOGIN with `NO <loginReply>`; anything else is BAD. Records the commands. */
async function startScriptedImap(): Promise<{ host: string; port: number; commands: string[]; setLoginReply(reply: string): void }> {
  const pki = ensureTestPki();
  const commands: string[] = [];
  let loginReply = 'NO Login failed';
  const server = tls.createServer({ cert: pki.server.cert, key: pki.server.key }, (socket) => {
    socket.on('error', () => {});
    socket.write('* OK [CAPABILITY IMAP4rev1 ID] scripted server ready\r\n');
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let newline: number;
      while ((newline = pending.indexOf('\r\n')) !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 2);
        const [tag, verb = ''] = line.split(' ');
        commands.push(verb.toUpperCase());
        socket.write(verb.toUpperCase() === 'LOGIN' ? `${tag} ${loginReply}\r\n` : `${tag} BAD not in this script\r\n`);
      }
    });
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return {
    host: '127.0.0.1',
    port: (server.address() as net.AddressInfo).port,
    commands,
    setLoginReply(reply) {
      loginReply = reply;
    },
  };
}

describe('a refused LOGIN is classified by its RFC 5530 response code', () => {
  // [reply to LOGIN, code, counted toward the lockout]
  const cases: Array<[string, FailureCode, boolean]> = [
    ['NO [UNAVAILABLE] Authentication service temporarily unavailable', 'server_busy', false],
    ['NO [LIMIT] Too many connections', 'server_busy', false],
    ['NO [INUSE] Mailbox is locked by another session', 'server_busy', false],
    ['NO [SERVERBUG] Internal error occurred', 'server_busy', false],
    ['NO [PRIVACYREQUIRED] Cleartext login not allowed', 'auth_setup_failed', false],
    ['NO [CLIENTBUG] Unexpected command', 'unexpected', false],
    ['NO [AUTHENTICATIONFAILED] Authentication failed', 'auth_failed', true],
    ['NO [EXPIRED] Password has expired', 'auth_failed', true],
    ['NO Login failed', 'auth_failed', true],
  ];

  it.each(cases)('%s → %s (counted: %s); SMTP sends no AUTH', async (reply, code, counted) => {
    const scripted = await startScriptedImap();
    scripted.setLoginReply(reply);
    const sessionsBefore = smtp.sessions.length;
    const report = await checkImapAgainst(at(scripted));
    const imap = failed(report.imap);
    expect(imap).toMatchObject({ code, stage: 'login', serverText: reply });
    expect(isLoginVerdict(imap.code)).toBe(counted);
    expect(imap.diagnosis.code).toBe(code);
    // Only LOGIN went out, once: no retry, and no fallback name for a 163.com address.
    expect(scripted.commands).toEqual(['LOGIN']);
    expect(failed(report.smtp)).toMatchObject({ code: 'not_attempted', stage: 'auth' });
    expect(smtp.sessions.slice(sessionsBefore).flatMap((s) => s.authAttempts)).toEqual([]);
  });
});

/**
 * A plain-text IMAP front that offers STARTTLS, and once the client has upgraded, carries the
 * session on to the simulator (minus the simulator's own greeting). Records what the client
 * said before TLS.
 */
async function startStarttlsFront(
  target: { host: string; port: number },
  certificate: 'server' | 'wrongName' = 'server',
): Promise<{ host: string; port: number; beforeTls: string[] }> {
  const pair = ensureTestPki()[certificate];
  const context = tls.createSecureContext({ cert: pair.cert, key: pair.key });
  const beforeTls: string[] = [];
  const server = net.createServer((plain) => {
    plain.on('error', () => {});
    plain.write('* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] plain port ready\r\n');
    let pending = '';
    const onData = (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      let newline: number;
      while ((newline = pending.indexOf('\r\n')) !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 2);
        beforeTls.push(line);
        const [tag, verb = ''] = line.split(' ');
        if (verb.toUpperCase() === 'CAPABILITY') {
          plain.write(`* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n${tag} OK CAPABILITY completed\r\n`);
        } else if (verb.toUpperCase() === 'STARTTLS') {
          plain.off('data', onData);
          plain.write(`${tag} OK Begin TLS negotiation now\r\n`);
          const secure = new tls.TLSSocket(plain, { isServer: true, secureContext: context });
          secure.on('error', () => {});
          const upstream = tls.connect({ host: target.host, port: target.port });
          upstream.on('error', () => secure.destroy());
          let greeted = false;
          let head = '';
          upstream.on('data', (data: Buffer) => {
            if (greeted) return void secure.write(data);
            head += data.toString('latin1');
            const end = head.indexOf('\r\n');
            if (end === -1) return;
            greeted = true;
            if (head.length > end + 2) secure.write(Buffer.from(head.slice(end + 2), 'latin1'));
          });
          secure.on('data', (data: Buffer) => upstream.write(data));
          secure.on('close', () => upstream.destroy());
          upstream.on('close', () => secure.destroy());
          return;
        } else {
          plain.write(`${tag} BAD Only CAPABILITY and STARTTLS before TLS\r\n`);
        }
      }
    };
    plain.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { host: '127.0.0.1', port: (server.address() as net.AddressInfo).port, beforeTls };
}

describe('an IMAP endpoint with STARTTLS', () => {
  it('upgrades before anything else, verifies the certificate, then passes', async () => {
    const front = await startStarttlsFront(simulator);
    const before = simulator.connections.length;
    const report = await checkImapAgainst({ host: front.host, port: front.port, tls: 'starttls' });
    // The capabilities imapflow asked for after the upgrade came before LOGIN, and have no IDLE:
    // the list after LOGIN may differ, so push is not known from them.
    expect(report.imap).toMatchObject({ ok: true, delivery: 'unknown' });
    // Nothing but STARTTLS (the greeting listed the capabilities) crossed the wire in clear.
    expect(front.beforeTls.map((line) => line.split(' ')[1])).toEqual(['STARTTLS']);
    const [session] = newConnections(before);
    expect(session!.commands.map((c) => c.name)).toEqual(['CAPABILITY', 'LOGIN', 'ID', 'EXAMINE']);
  });

  it('refuses an upgrade to a certificate for another name: tls_failed, no LOGIN anywhere', async () => {
    const front = await startStarttlsFront(simulator, 'wrongName');
    const before = simulator.connections.length;
    const report = await checkImapAgainst({ host: front.host, port: front.port, tls: 'starttls' });
    const imap = failed(report.imap);
    expect(imap).toMatchObject({ code: 'tls_failed', stage: 'starttls' });
    expect(imap.detail).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID|altnames/);
    expect(front.beforeTls.some((line) => /LOGIN/i.test(line))).toBe(false);
    expect(newConnections(before).flatMap((c) => c.commands.map((x) => x.name))).not.toContain('LOGIN');
  });
});

// Last: after a failed login Dovecot may slow down later logins from the same address.
describe('real IMAP (Dovecot)', () => {
  it('passes with the right code, and sees push (IDLE) in the capabilities its LOGIN reply lists', async () => {
    const report = await checkImapAgainst(at(dovecot));
    expect(report.imap).toMatchObject({ ok: true, delivery: 'push' });
  });

  it('sees polling where the capabilities after LOGIN have no IDLE, without asking for them', async () => {
    const noIdle = await startDovecot({ users: { [ADDRESS]: CODE }, imapCapability: 'IMAP4rev1 SASL-IR LITERAL+ ID ENABLE' });
    try {
      const report = await checkImapAgainst(at(noIdle));
      expect(report.imap).toMatchObject({ ok: true, delivery: 'polling' });
    } finally {
      await noIdle.stop();
    }
  });

  it('a wrong code is auth_failed with Dovecot\'s own words', async () => {
    const report = await checkImapAgainst(at(dovecot), WRONG_CODE);
    const imap = failed(report.imap);
    expect(imap).toMatchObject({ code: 'auth_failed', stage: 'login' });
    expect(imap.serverText).toMatch(/^NO \[AUTHENTICATIONFAILED\] Authentication failed/);
  });
});
