import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { createBanRule, NETEASE_IMAP_BAN_TEXT, readBanRule, resetBanRule, startBanRuleControl, type BanRule } from './ban-rule';
import { NETEASE_LOGIN_FAILED, startNeteaseImap, type NeteaseImapServer } from './netease-imap';
import { startNeteaseSmtp, type NeteaseSmtpServer } from './netease-smtp';
import { rawImap } from './raw-imap';

// The ban rule on both NetEase peers at once, driven by ordinary clients (imapflow, nodemailer)
// and by raw sockets where a client must come from another loopback address. The rule's clock is
// moved by hand, so a window "passes" without waiting for it.

const USER = 'someone@163.com';
const CODE = 'ABCDefghIJKLmnop';
const WRONG = 'wrongwrongwrong1';
const THRESHOLD = 3;
const WINDOW_MS = 60_000;
const SMTP_BAN = '554 IP is rejected, smtp auth error limit exceed';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

interface Peers {
  rule: BanRule;
  imap: NeteaseImapServer;
  smtp: NeteaseSmtpServer;
  /** Moves the rule's clock on. */
  advance(ms: number): void;
}

async function peersWithRule(options: Partial<Parameters<typeof createBanRule>[0]> = {}): Promise<Peers> {
  let clock = 1_700_000_000_000;
  const rule = createBanRule({ threshold: THRESHOLD, windowMs: WINDOW_MS, now: () => clock, ...options });
  const imap = await startNeteaseImap({ users: { [USER]: CODE }, banRule: rule });
  stops.push(() => imap.stop());
  const smtp = await startNeteaseSmtp({ users: { [USER]: CODE }, banRule: rule });
  stops.push(() => smtp.stop());
  return { rule, imap, smtp, advance: (ms) => void (clock += ms) };
}

/** imapflow's login: 'OK', or the text of the NO it met. */
async function imapLogin(port: number, pass: string): Promise<string> {
  // No `ca`: the test CA is trusted through NODE_EXTRA_CA_CERTS, as a public CA would be.
  const client = new ImapFlow({ host: '127.0.0.1', port, secure: true, auth: { user: USER, pass }, logger: false });
  try {
    await client.connect();
  } catch (error) {
    expect(error).toMatchObject({ authenticationFailed: true });
    return (error as { responseText: string }).responseText;
  }
  await client.logout();
  return 'OK';
}

/** nodemailer's verify(): '235', or the reply it met at AUTH. */
async function smtpLogin(port: number, pass: string, localAddress?: string): Promise<string> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: true,
    auth: { user: USER, pass },
    tls: { servername: 'localhost' },
    localAddress,
  });
  try {
    await transport.verify();
    return '235';
  } catch (error) {
    expect(error).toMatchObject({ code: 'EAUTH' });
    return (error as { response: string }).response;
  }
}

describe('the NetEase ban rule', () => {
  it('lets a correct login through after one refusal fewer than the threshold, on both protocols', async () => {
    const { rule, imap, smtp } = await peersWithRule();
    expect(await imapLogin(imap.port, WRONG)).toBe(NETEASE_LOGIN_FAILED);
    expect(await smtpLogin(smtp.port, WRONG)).toBe('535 Error: authentication failed');
    expect(await imapLogin(imap.port, CODE)).toBe('OK');
    expect(await smtpLogin(smtp.port, CODE)).toBe('235');
    expect(rule.figures()).toMatchObject({
      threshold: THRESHOLD,
      refused: { imap: 1, smtp: 1, total: 2 },
      banReplies: { imap: 0, smtp: 0, total: 0 },
      peakInWindow: 2,
      banned: false,
      bannedAt: null,
      bannedNow: [],
    });
  });

  it('answers every login with the ban texts once the refusals across both protocols reach the threshold', async () => {
    const { rule, imap, smtp } = await peersWithRule();
    expect(await imapLogin(imap.port, WRONG)).toBe(NETEASE_LOGIN_FAILED);
    expect(await smtpLogin(smtp.port, WRONG)).toBe('535 Error: authentication failed');
    // The refusal that reaches the threshold is still answered as a wrong code.
    expect(await imapLogin(imap.port, WRONG)).toBe(NETEASE_LOGIN_FAILED);

    expect(await imapLogin(imap.port, CODE)).toBe(NETEASE_IMAP_BAN_TEXT);
    expect(await smtpLogin(smtp.port, CODE)).toBe(SMTP_BAN);
    expect(await smtpLogin(smtp.port, WRONG)).toBe(SMTP_BAN);
    const figures = rule.figures();
    expect(figures).toMatchObject({
      refused: { imap: 2, smtp: 1, total: 3 },
      banReplies: { imap: 1, smtp: 2, total: 3 },
      peakInWindow: 3,
      banned: true,
      bannedNow: ['127.0.0.1'],
    });
    expect(figures.bannedAt).toBeTypeOf('number');
    // The banned IMAP login never reached the simulator as a LOGIN, so it stayed logged out.
    const bannedConnection = imap.connections.at(-1)!;
    expect(bannedConnection.user).toBeNull();
    expect(bannedConnection.commands.map((c) => c.name)).not.toContain('LOGIN');
    expect(smtp.sessions.at(-2)!).toMatchObject({ authenticatedUser: null, authAttempts: [{ reply: SMTP_BAN }] });
  });

  it('can answer SMTP with the 451 text instead', async () => {
    const { imap, smtp } = await peersWithRule({ smtpReply: 451 });
    for (let i = 0; i < THRESHOLD; i++) expect(await imapLogin(imap.port, WRONG)).toBe(NETEASE_LOGIN_FAILED);
    expect(await smtpLogin(smtp.port, CODE)).toBe('451 Requested mail action not taken: too much fail authentication');
  });

  it('lifts the ban when its window has passed, and forgets refusals older than the window', async () => {
    const { rule, imap, smtp, advance } = await peersWithRule();
    for (let i = 0; i < THRESHOLD; i++) expect(await smtpLogin(smtp.port, WRONG)).toBe('535 Error: authentication failed');
    advance(WINDOW_MS - 1);
    expect(await imapLogin(imap.port, CODE)).toBe(NETEASE_IMAP_BAN_TEXT);
    advance(1);
    expect(await imapLogin(imap.port, CODE)).toBe('OK');
    expect(await smtpLogin(smtp.port, CODE)).toBe('235');
    expect(rule.figures()).toMatchObject({ banned: true, bannedNow: [], banReplies: { total: 1 } });

    // A clean slate after the ban: refusals spread wider than the window never add up to one.
    expect(await imapLogin(imap.port, WRONG)).toBe(NETEASE_LOGIN_FAILED);
    expect(await imapLogin(imap.port, WRONG)).toBe(NETEASE_LOGIN_FAILED);
    advance(WINDOW_MS);
    expect(await imapLogin(imap.port, WRONG)).toBe(NETEASE_LOGIN_FAILED);
    expect(await smtpLogin(smtp.port, CODE)).toBe('235');
    expect(rule.figures()).toMatchObject({ peakInWindow: THRESHOLD, refused: { total: THRESHOLD + 3 }, bannedNow: [] });
  });

  it('counts per remote address: a ban on 127.0.0.2 leaves 127.0.0.1 alone', async () => {
    const { rule, imap, smtp } = await peersWithRule();
    // Two wrong codes over IMAP, one as synchronising literals the front answers itself.
    const [, first] = await rawImap(imap.port, [`a LOGIN "${USER}" "${WRONG}"\r\n`], '127.0.0.2');
    expect(first).toBe(`a NO ${NETEASE_LOGIN_FAILED}\r\n`);
    const literal = await rawImap(imap.port, [`b LOGIN {${USER.length}}\r\n`, `${USER} {${WRONG.length}}\r\n`, `${WRONG}\r\n`], '127.0.0.2');
    expect(literal.slice(1)).toEqual(['+ Ready for additional command text\r\n', '+ Ready for additional command text\r\n', `b NO ${NETEASE_LOGIN_FAILED}\r\n`]);
    expect(await smtpLogin(smtp.port, WRONG, '127.0.0.2')).toBe('535 Error: authentication failed');

    const [, banned] = await rawImap(imap.port, [`c LOGIN "${USER}" "${CODE}"\r\n`], '127.0.0.2');
    expect(banned).toBe(`c NO ${NETEASE_IMAP_BAN_TEXT}\r\n`);
    expect(await smtpLogin(smtp.port, CODE, '127.0.0.2')).toBe(SMTP_BAN);

    const [, , , selected] = await rawImap(imap.port, [`d LOGIN "${USER}" "${CODE}"\r\n`, 'e ID NIL\r\n', 'f EXAMINE INBOX\r\n']);
    expect(selected).toMatch(/\r\nf OK \[READ-ONLY\] EXAMINE completed\r\n$/);
    expect(await imapLogin(imap.port, CODE)).toBe('OK');
    expect(await smtpLogin(smtp.port, CODE)).toBe('235');
    expect(rule.figures()).toMatchObject({ refused: { imap: 2, smtp: 1 }, banReplies: { imap: 1, smtp: 1 }, bannedNow: ['127.0.0.2'] });
  });

  it('gives another process its figures and a reset over loopback HTTP', async () => {
    const { rule, imap } = await peersWithRule();
    const control = await startBanRuleControl(rule);
    stops.push(() => control.stop());
    expect(await readBanRule(control.url)).toMatchObject({ refused: { total: 0 }, banned: false, threshold: THRESHOLD, windowMs: WINDOW_MS });

    for (let i = 0; i < THRESHOLD; i++) expect(await imapLogin(imap.port, WRONG)).toBe(NETEASE_LOGIN_FAILED);
    expect(await readBanRule(control.url)).toMatchObject({ refused: { imap: THRESHOLD }, banned: true, bannedNow: ['127.0.0.1'] });
    expect(await resetBanRule(control.url)).toMatchObject({ refused: { imap: THRESHOLD }, banned: true });
    expect(await readBanRule(control.url)).toMatchObject({ refused: { total: 0 }, peakInWindow: 0, banned: false, bannedAt: null, bannedNow: [] });
    expect(await imapLogin(imap.port, CODE)).toBe('OK');

    expect((await fetch(`${control.url}/elsewhere`)).status).toBe(404);
  });

  it('leaves the peers as they were without a rule', async () => {
    const imap = await startNeteaseImap({ users: { [USER]: CODE } });
    stops.push(() => imap.stop());
    const [, ...logins] = await rawImap(imap.port, Array.from({ length: THRESHOLD + 1 }, (_, i) => `w${i} LOGIN "${USER}" "${WRONG}"\r\n`));
    expect(logins.every((reply) => reply.endsWith(`NO ${NETEASE_LOGIN_FAILED}\r\n`))).toBe(true);
    const [, ok] = await rawImap(imap.port, [`a LOGIN "${USER}" "${CODE}"\r\n`]);
    expect(ok).toBe('a OK LOGIN completed\r\n');
  });
});
