import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startProviderImap, type ProviderImapServer } from './provider-imap';
import {
  ENTERPRISE_DOMAIN_NOT_EXIST,
  ENTERPRISE_IP_DENY,
  ICLOUD_AUTH_FAILED,
  PROVIDER_SCRIPTS,
  QQ_ENTER_AUTH_CODE,
  QQ_FIVE_CAUSES,
  startProviderPeers,
  type ProviderPeers,
} from './provider-scripts';
import { startProviderSmtp, type ProviderSmtpServer } from './provider-smtp';
import { rawImap } from './raw-imap';

// The scripted peers speak as the scripts say, to clients other than our check (imapflow's own
// session, nodemailer's transport, raw sockets), so the check's tests rest on peers that hold
// up on their own.

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function imapPeer(...args: Parameters<typeof startProviderImap>): Promise<ProviderImapServer> {
  const server = await startProviderImap(...args);
  stops.push(() => server.stop());
  return server;
}
async function smtpPeer(...args: Parameters<typeof startProviderSmtp>): Promise<ProviderSmtpServer> {
  const server = await startProviderSmtp(...args);
  stops.push(() => server.stop());
  return server;
}
async function peersOf(...args: Parameters<typeof startProviderPeers>): Promise<ProviderPeers> {
  const peers = await startProviderPeers(...args);
  stops.push(() => peers.stop());
  return peers;
}

describe('the scripted IMAP peer', () => {
  it('greets, lists its capabilities, and answers LOGIN with the script\'s words', async () => {
    const server = await imapPeer({ script: PROVIDER_SCRIPTS.qq.imap, users: { 'a@qq.com': 'abcdefghijklmnop' } });
    const [greeting, capability, login] = await rawImap(server.port, ['a CAPABILITY\r\n', 'b LOGIN "a@qq.com" "wrongwrongwrongw"\r\n']);
    expect(greeting).toMatch(/^\* OK .*\(simulated\)\r\n$/);
    expect(capability).toMatch(/^\* CAPABILITY IMAP4rev1 ID.*\r\na OK CAPABILITY completed\r\n$/);
    expect(login).toBe(`b NO ${QQ_FIVE_CAUSES}\r\n`);
    expect(server.connections[0]!.logins).toEqual([{ name: 'a@qq.com', reply: `NO ${QQ_FIVE_CAUSES}` }]);
  });

  it('takes a password sent as a literal, with or without a continuation request', async () => {
    const server = await imapPeer({ script: PROVIDER_SCRIPTS.sohu.imap, users: { 'a@sohu.com': 'p"w d' } });
    const replies = await rawImap(server.port, ['a LOGIN a@sohu.com {5}\r\n', 'p"w d\r\n', 'b LOGOUT\r\n']);
    expect(replies[1]).toBe('+ Ready for additional command text\r\n');
    expect(replies[2]).toBe('a OK LOGIN completed\r\n');
    const other = await rawImap(server.port, ['a LOGIN a@sohu.com {5+}\r\np"w d\r\n']);
    expect(other[1]).toBe('a OK LOGIN completed\r\n');
  });

  it('for iCloud, takes the login name forms it is told to and names the account either way', async () => {
    const server = await imapPeer({ script: PROVIDER_SCRIPTS.icloud.imap, users: { 'tim@icloud.com': 'abcd-efgh-ijkl-mnop' }, loginNames: 'local_part' });
    const asLocal = await rawImap(server.port, ['a LOGIN tim abcd-efgh-ijkl-mnop\r\n']);
    expect(asLocal[1]).toBe('a OK LOGIN completed\r\n');
    const asAddress = await rawImap(server.port, ['a LOGIN tim@icloud.com abcd-efgh-ijkl-mnop\r\n']);
    expect(asAddress[1]).toBe(`a NO ${ICLOUD_AUTH_FAILED}\r\n`);
    server.setLoginNames('either');
    const either = await rawImap(server.port, ['a LOGIN tim@icloud.com abcd-efgh-ijkl-mnop\r\n']);
    expect(either[1]).toBe('a OK LOGIN completed\r\n');
    expect(server.connections.map((c) => c.user)).toEqual(['tim@icloud.com', null, 'tim@icloud.com']);
  });

  it('serves imapflow\'s own session: connect, open INBOX read-only, log out', async () => {
    const server = await imapPeer({ script: PROVIDER_SCRIPTS.icloud.imap, users: { 'tim@icloud.com': 'abcd-efgh-ijkl-mnop' } });
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: server.port,
      secure: true,
      auth: { user: 'tim', pass: 'abcd-efgh-ijkl-mnop' },
      logger: false,
    });
    await client.connect();
    const mailbox = await client.mailboxOpen('INBOX', { readOnly: true });
    await client.logout();
    expect(mailbox.exists).toBe(0);
    expect(server.connections[0]).toMatchObject({ user: 'tim@icloud.com', examined: 'INBOX' });
  });

  it('answers the enterprise tokens: another server group, and the administrator\'s IP restriction', async () => {
    const server = await imapPeer({
      script: PROVIDER_SCRIPTS['netease-enterprise'].imap,
      users: { 'li@corp.example': 'Ab3dEf6hIj9kLm2n' },
      servedDomains: ['elsewhere.example'],
    });
    const wrongGroup = await rawImap(server.port, ['a LOGIN li@corp.example Ab3dEf6hIj9kLm2n\r\n']);
    expect(wrongGroup[1]).toContain(ENTERPRISE_DOMAIN_NOT_EXIST);
    server.setRefusal('ip_denied');
    const denied = await rawImap(server.port, ['a LOGIN li@corp.example Ab3dEf6hIj9kLm2n\r\n']);
    expect(denied[1]).toContain(ENTERPRISE_IP_DENY);
    expect(() => server.setRefusal('no_such_refusal')).toThrow(/no IMAP refusal/);
  });

  it('refuses EXAMINE before LOGIN and anything it does not know', async () => {
    const server = await imapPeer({ script: PROVIDER_SCRIPTS.qq.imap, users: {} });
    const [, examine, unknown] = await rawImap(server.port, ['a EXAMINE INBOX\r\n', 'b NAMESPACE\r\n']);
    expect(examine).toBe('a BAD Not logged in\r\n');
    expect(unknown).toBe('b BAD Unknown command\r\n');
  });
});

describe('the scripted SMTP peer', () => {
  const transport = (server: ProviderSmtpServer, user: string, pass: string) =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port: server.port,
      secure: server.script.provider !== 'icloud',
      requireTLS: server.script.provider === 'icloud',
      tls: { servername: 'localhost' },
      auth: { user, pass },
    });

  it('QQ: the QQ password typed is refused with QQ\'s 535 text, a wrong code with the five causes', async () => {
    const server = await smtpPeer({
      script: PROVIDER_SCRIPTS.qq.smtp,
      users: { 'a@qq.com': 'abcdefghijklmnop' },
      webPasswords: { 'a@qq.com': 'Qq-password-1' },
      tls: 'implicit',
    });
    await expect(transport(server, 'a@qq.com', 'Qq-password-1').verify()).rejects.toMatchObject({
      responseCode: 535,
      response: `535 ${QQ_ENTER_AUTH_CODE}`,
    });
    await expect(transport(server, 'a@qq.com', 'wrongwrongwrongw').verify()).rejects.toMatchObject({ response: `535 ${QQ_FIVE_CAUSES}` });
    await expect(transport(server, 'a@qq.com', 'abcdefghijklmnop').verify()).resolves.toBe(true);
  });

  it('iCloud: a plain submission port that hides AUTH until STARTTLS', async () => {
    const peers = await peersOf('icloud', { users: { 'tim@icloud.com': 'abcd-efgh-ijkl-mnop' } });
    expect(peers.endpoints.smtp.tls).toBe('starttls');
    await expect(transport(peers.smtp, 'tim@icloud.com', 'abcd-efgh-ijkl-mnop').verify()).resolves.toBe(true);
    const session = peers.smtp.sessions.at(-1)!;
    expect(session).toMatchObject({ startTlsUsed: true, authOverTls: [true] });
    // The local part is not a login name for iCloud's SMTP.
    await expect(transport(peers.smtp, 'tim', 'abcd-efgh-ijkl-mnop').verify()).rejects.toMatchObject({ responseCode: 535 });
  });

  it('iCloud: a client that will not upgrade is never offered AUTH (and nodemailer\'s verify() passes it anyway)', async () => {
    const peers = await peersOf('icloud', { users: { 'tim@icloud.com': 'abcd-efgh-ijkl-mnop' } });
    const plain = nodemailer.createTransport({
      host: '127.0.0.1',
      port: peers.smtp.port,
      secure: false,
      ignoreTLS: true,
      auth: { user: 'tim@icloud.com', pass: 'abcd-efgh-ijkl-mnop' },
    });
    // verify() resolves without logging in when EHLO offers no AUTH: why the check insists on one.
    await expect(plain.verify()).resolves.toBe(true);
    expect(peers.smtp.sessions.at(-1)).toMatchObject({ startTlsUsed: false, authAttempts: [] });
  });

  it('enterprise: the tokens at AUTH, and no message is ever accepted', async () => {
    const server = await smtpPeer({
      script: PROVIDER_SCRIPTS['netease-enterprise'].smtp,
      users: { 'li@corp.example': 'Ab3dEf6hIj9kLm2n' },
      servedDomains: ['corp.example'],
      tls: 'implicit',
    });
    const mailer = transport(server, 'li@corp.example', 'Ab3dEf6hIj9kLm2n');
    await expect(mailer.sendMail({ from: 'li@corp.example', to: 'x@example.org', text: 'hi' })).rejects.toMatchObject({ responseCode: 550 });
    server.setRefusal('ip_denied');
    await expect(mailer.verify()).rejects.toMatchObject({ response: expect.stringContaining(ENTERPRISE_IP_DENY) });
  });
});
