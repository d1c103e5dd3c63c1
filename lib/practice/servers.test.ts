import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPracticeCertificates, type PracticeCertificates } from './certificate';
import { NETEASE_LOGIN_FAILED, NETEASE_UNSAFE_LOGIN, startNeteaseStyleImap, type NeteaseStyleImapServer } from './imap-server';
import { practiceMailboxKind } from './provider';
import { NETEASE_SMTP_REPLIES, startNeteaseStyleSmtp, type NeteaseStyleSmtpServer } from './smtp-server';

// The practice servers at the protocol level, spoken to line by line the way a mail client
// does, over TLS verified against the practice authority: NetEase's rules and NetEase's words.

const CODE = 'LianxiShouquanma';

let certificates: PracticeCertificates;
let imap: NeteaseStyleImapServer;
let smtp: NeteaseStyleSmtpServer;

beforeAll(async () => {
  certificates = await createPracticeCertificates();
  const acceptsLogin = (user: string, password: string) => practiceMailboxKind(user) !== null && password === CODE;
  imap = await startNeteaseStyleImap({
    cert: certificates.cert,
    key: certificates.key,
    keepRecords: true,
    behaviour: {
      acceptsLogin,
      idRule: (user) => (practiceMailboxKind(user) === 'unsafe_login' ? 'refuse' : 'after-login'),
      inboxMessages: () => 0,
    },
  });
  smtp = await startNeteaseStyleSmtp({
    cert: certificates.cert,
    key: certificates.key,
    name: 'lianxi.test',
    behaviour: { acceptsLogin, maySend: (user) => practiceMailboxKind(user) !== 'smtp_off' },
  });
});

afterAll(async () => {
  await Promise.all([imap?.stop(), smtp?.stop()]);
});

/**
 * A scripted conversation: sends each line once the previous reply is complete (`done` says when),
 * and returns every reply. The connection verifies the server against the practice CA only.
 */
async function converse(port: number, steps: Array<{ send?: string; done: RegExp }>): Promise<string[]> {
  const socket = tls.connect({ host: '127.0.0.1', port, ca: certificates.caCert });
  socket.setEncoding('utf8');
  const replies: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      let step = 0;
      socket.on('data', (chunk: string) => {
        buffer += chunk;
        while (step < steps.length && steps[step]!.done.test(buffer)) {
          replies.push(buffer);
          buffer = '';
          step++;
          if (step === steps.length) return resolve();
          const next = steps[step]!.send;
          if (next !== undefined) socket.write(`${next}\r\n`);
        }
      });
      socket.on('error', reject);
      socket.on('close', () => reject(new Error(`closed after ${replies.length} replies: ${replies.join('|')}`)));
    });
  } finally {
    socket.destroy();
  }
  return replies;
}

const tagged = (tag: string) => new RegExp(`^${tag} (OK|NO|BAD).*\\r\\n`, 'm');
const smtpReply = /^\d{3} [^\r\n]*\r\n/m;
const plain = (user: string, password: string) => Buffer.from(`\0${user}\0${password}`).toString('base64');

describe('practice IMAP server', () => {
  it('is verified by the practice authority for 127.0.0.1', async () => {
    const [greeting] = await converse(imap.port, [{ done: /\r\n/ }]);
    expect(greeting).toMatch(/^\* OK Coremail System IMap Server Ready/);
  });

  it('lets LOGIN through but refuses EXAMINE with "Unsafe Login" until ID follows LOGIN', async () => {
    const replies = await converse(imap.port, [
      { done: /\r\n/ },
      { send: 'a1 ID ("name" "before-login")', done: tagged('a1') },
      { send: `a2 LOGIN zhangsan@lianxi.test ${CODE}`, done: tagged('a2') },
      { send: 'a3 EXAMINE INBOX', done: tagged('a3') },
      { send: 'a4 ID ("name" "practice-test")', done: tagged('a4') },
      { send: 'a5 EXAMINE INBOX', done: tagged('a5') },
    ]);
    expect(replies[2]).toBe('a2 OK LOGIN completed\r\n');
    expect(replies[3]).toBe(`a3 NO ${NETEASE_UNSAFE_LOGIN}\r\n`);
    expect(replies[4]).toMatch(/^\* ID \("name" "Coremail Imap"/);
    expect(replies[5]).toMatch(/a5 OK \[READ-ONLY\] EXAMINE completed\r\n$/);
  });

  it('answers a wrong code, and an address outside the practice domain, with NetEase’s LOGIN text', async () => {
    for (const [user, code] of [
      ['zhangsan@lianxi.test', 'WrongWrongWrongW'],
      ['zhangsan@163.com', CODE],
    ]) {
      const replies = await converse(imap.port, [{ done: /\r\n/ }, { send: `a1 LOGIN ${user} ${code}`, done: tagged('a1') }]);
      expect(replies[1]).toBe(`a1 NO ${NETEASE_LOGIN_FAILED}\r\n`);
    }
  });

  it('never opens the mailbox of unsafe@, even after ID', async () => {
    const replies = await converse(imap.port, [
      { done: /\r\n/ },
      { send: `a1 LOGIN unsafe@lianxi.test ${CODE}`, done: tagged('a1') },
      { send: 'a2 ID ("name" "practice-test")', done: tagged('a2') },
      { send: 'a3 EXAMINE INBOX', done: tagged('a3') },
    ]);
    expect(replies[1]).toBe('a1 OK LOGIN completed\r\n');
    expect(replies[3]).toBe(`a3 NO ${NETEASE_UNSAFE_LOGIN}\r\n`);
  });
});

describe('practice SMTP server', () => {
  it('accepts AUTH with the practice code and MAIL FROM the login address, without sending', async () => {
    const replies = await converse(smtp.port, [
      { done: smtpReply },
      { send: 'EHLO client.example', done: /^250 [^\r\n]*\r\n/m },
      { send: `AUTH PLAIN ${plain('zhangsan@lianxi.test', CODE)}`, done: smtpReply },
      { send: 'MAIL FROM:<zhangsan@lianxi.test>', done: smtpReply },
      { send: 'RSET', done: smtpReply },
    ]);
    expect(replies[0]).toMatch(/^220 /);
    expect(replies[1]).toContain('AUTH LOGIN PLAIN');
    expect(replies[2]).toMatch(/^235 /);
    expect(replies[3]).toMatch(/^250 /);
  });

  it('answers a wrong code with 535 Error: authentication failed', async () => {
    const replies = await converse(smtp.port, [
      { done: smtpReply },
      { send: 'EHLO client.example', done: /^250 [^\r\n]*\r\n/m },
      { send: `AUTH PLAIN ${plain('zhangsan@lianxi.test', 'WrongWrongWrongW')}`, done: smtpReply },
    ]);
    expect(replies[2]).toBe(`535 ${NETEASE_SMTP_REPLIES.authFailed.text}\r\n`);
  });

  it('refuses MAIL FROM for smtp-off@ with 550 User has no permission, and another sender with 553', async () => {
    const off = await converse(smtp.port, [
      { done: smtpReply },
      { send: 'EHLO client.example', done: /^250 [^\r\n]*\r\n/m },
      { send: `AUTH PLAIN ${plain('smtp-off@lianxi.test', CODE)}`, done: smtpReply },
      { send: 'MAIL FROM:<smtp-off@lianxi.test>', done: smtpReply },
    ]);
    expect(off[2]).toMatch(/^235 /);
    expect(off[3]).toBe(`550 ${NETEASE_SMTP_REPLIES.noPermission.text}\r\n`);

    const foreign = await converse(smtp.port, [
      { done: smtpReply },
      { send: 'EHLO client.example', done: /^250 [^\r\n]*\r\n/m },
      { send: `AUTH PLAIN ${plain('zhangsan@lianxi.test', CODE)}`, done: smtpReply },
      { send: 'MAIL FROM:<lisi@lianxi.test>', done: smtpReply },
    ]);
    expect(foreign[3]).toMatch(/^553 Local user only/);
  });
});
