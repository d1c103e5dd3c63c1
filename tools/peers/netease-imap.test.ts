import tls from 'node:tls';
import { ImapFlow } from 'imapflow';
import { afterEach, describe, expect, it } from 'vitest';
import { startNeteaseImap, type NeteaseImapServer } from './netease-imap';

const USER = 'someone@163.com';
const CODE = 'ABCDefghIJKLmnop';

let server: NeteaseImapServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

function imapClient(port: number, pass = CODE): ImapFlow {
  // No `ca`: the test CA is trusted through NODE_EXTRA_CA_CERTS, as a public CA would be.
  return new ImapFlow({ host: '127.0.0.1', port, secure: true, auth: { user: USER, pass }, logger: false });
}

/** Writes `input` in one packet and collects replies until `done` matches. */
async function rawSession(port: number, input: string | string[], done: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port });
    const writes = Array.isArray(input) ? [...input] : [input];
    let text = '';
    let greeted = false;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (!greeted && text.includes('\r\n')) {
        greeted = true;
        socket.write(writes.shift()!);
      } else if (writes.length && text.endsWith('+ Ready for additional command text\r\n')) {
        socket.write(writes.shift()!);
      }
      if (done.test(text)) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed before ${done}: ${text}`)));
  });
}

describe('NetEase IMAP simulator', () => {
  it('greets like Coremail, without capabilities', async () => {
    server = await startNeteaseImap({ users: { [USER]: CODE } });
    const text = await rawSession(server.port, 'a CAPABILITY\r\n', /a OK/);
    expect(text).toMatch(/^\* OK Coremail System IMap Server Ready\(.*\)\r\n/);
    expect(text.split('\r\n')[0]).not.toContain('CAPABILITY');
    expect(text).toContain(
      '* CAPABILITY IMAP4rev1 XLIST SPECIAL-USE ID LITERAL+ STARTTLS XAPPLEPUSHSERVICE UIDPLUS X-CM-EXT-1\r\n',
    );
  });

  it('refuses EXAMINE for imapflow defaults under the strict rule, with the Unsafe Login text', async () => {
    server = await startNeteaseImap({ users: { [USER]: CODE }, idRule: 'after-login' });
    const client = imapClient(server.port);
    await client.connect();
    const failure = await client.mailboxOpen('INBOX', { readOnly: true }).catch((err: unknown) => err);
    await client.logout();
    expect(failure).toMatchObject({
      responseStatus: 'NO',
      responseText: 'SELECT Unsafe Login. Please contact kefu@188.com for help',
    });
    const names = server.connections[0]!.commands.map((c) => c.name);
    // imapflow identifies itself before LOGIN only, which the strict rule ignores.
    expect(names.indexOf('ID')).toBeLessThan(names.indexOf('LOGIN'));
    expect(server.connections[0]).toMatchObject({ idBeforeLogin: true, idAfterLogin: false, unsafeLoginRefusals: 1 });
  });

  it('opens INBOX once ID is sent after LOGIN', async () => {
    server = await startNeteaseImap({ users: { [USER]: CODE }, idRule: 'after-login', inboxMessages: 3 });
    const client = imapClient(server.port);
    await client.connect();
    // run() is public in imapflow but missing from its typings.
    await (client as unknown as { run(command: string, ...args: unknown[]): Promise<unknown> }).run('ID', {
      name: 'mailbox-onboarding',
      version: '1',
    });
    const mailbox = await client.mailboxOpen('INBOX', { readOnly: true });
    await client.logout();
    expect(mailbox).toMatchObject({ path: 'INBOX', exists: 3, readOnly: true, uidNext: 4 });
    const record = server.connections[0]!;
    expect(record).toMatchObject({ user: USER, idAfterLogin: true, loggedOut: true });
    expect(record.clientId).toMatchObject({ name: 'mailbox-onboarding', version: '1' });
    expect(record.commands.find((c) => c.name === 'LOGIN')!.line).toMatch(/LOGIN "someone@163\.com" \*\*\*$/);
    expect(JSON.stringify(record.commands)).not.toContain(CODE);
  });

  it("accepts imapflow's ID before LOGIN under the lenient rule", async () => {
    server = await startNeteaseImap({ users: { [USER]: CODE }, idRule: 'any' });
    const client = imapClient(server.port);
    await client.connect();
    const mailbox = await client.mailboxOpen('INBOX');
    await client.logout();
    expect(mailbox.path).toBe('INBOX');
  });

  it('answers a wrong code with NetEase\'s one login error text', async () => {
    server = await startNeteaseImap({ users: { [USER]: CODE } });
    const failure = await imapClient(server.port, 'wrongwrongwrong1').connect().catch((err: unknown) => err);
    expect(failure).toMatchObject({ authenticationFailed: true, responseText: 'LOGIN Login error or password error' });

    server.setCode(USER, 'newcodenewcode12');
    const client = imapClient(server.port, 'newcodenewcode12');
    await client.connect();
    await client.logout();
  });

  it('processes pipelined commands in order, with literals and escaped quotes', async () => {
    server = await startNeteaseImap({ users: { 'quote"me@163.com': 'pa\\ss', [USER]: CODE }, idRule: 'after-login' });
    const pipelined =
      'a1 EXAMINE INBOX\r\n' +
      'a2 LOGIN "quote\\"me@163.com" "pa\\\\ss"\r\n' +
      'a3 ID ("name" "raw")\r\n' +
      'a4 EXAMINE INBOX\r\n' +
      'a5 NAMESPACE\r\n' +
      'a6 LIST "" "*"\r\n' +
      'a7 LOGOUT\r\n';
    const text = await rawSession(server.port, pipelined, /a7 OK/);
    const tagged = text.split('\r\n').filter((l) => /^a\d /.test(l));
    expect(tagged).toEqual([
      'a1 BAD EXAMINE Please login first',
      'a2 OK LOGIN completed',
      'a3 OK ID completed',
      'a4 OK [READ-ONLY] EXAMINE completed',
      'a5 BAD Unknown command',
      'a6 OK LIST completed',
      'a7 OK LOGOUT completed',
    ]);
    expect(text).toContain('* ID ("name" "Coremail Imap" "vendor" "Mailtech" "TransID" "');
    expect(text).toContain('* LIST (\\Sent) "/" "&XfJT0ZAB-"');
    expect(text).toContain('* BYE');

    const synchronising = await rawSession(
      server.port,
      [`b1 LOGIN {${USER.length}}\r\n`, `${USER} {16}\r\n`, `${CODE}\r\nb2 SELECT INBOX\r\n`],
      /b2 (OK|NO)/,
    );
    expect(synchronising).toContain('b1 OK LOGIN completed');
    expect(synchronising).toContain('b2 NO SELECT Unsafe Login. Please contact kefu@188.com for help');

    const nonSynchronising = await rawSession(
      server.port,
      `c1 LOGIN {${USER.length}+}\r\n${USER} {16+}\r\n${CODE}\r\nc2 ID NIL\r\nc3 SELECT inbox\r\nc4 CLOSE\r\nc5 FROB\r\n`,
      /c5 BAD/,
    );
    expect(nonSynchronising).not.toContain('+ Ready');
    expect(nonSynchronising).toContain('c1 OK LOGIN completed');
    expect(nonSynchronising).toContain('* 0 EXISTS');
    expect(nonSynchronising).toContain('c3 OK [READ-WRITE] SELECT completed');
    expect(nonSynchronising).toContain('c4 OK CLOSE completed');
    expect(nonSynchronising).toContain('c5 BAD Unknown command');
    const logged = server.connections.at(-1)!.commands.map((c) => c.line);
    expect(logged[0]).toBe(`c1 LOGIN "${USER}" ***`);
  });
});
