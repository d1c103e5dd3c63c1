import net from 'node:net';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startDelayProxy } from './delay-proxy';
import { startNeteaseImap } from './netease-imap';
import { startNeteaseSmtp } from './netease-smtp';

const USER = 'someone@163.com';
const CODE = 'ABCDefghIJKLmnop';
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((stop) => stop()));
});

async function greetingServer(): Promise<number> {
  const server = net.createServer((socket) => {
    socket.setNoDelay(true);
    socket.write('hello\n');
    socket.on('data', () => socket.write('pong\n'));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    server.close();
    await new Promise((r) => server.once('close', r));
  });
  return (server.address() as net.AddressInfo).port;
}

describe('delay proxy', () => {
  it('delays a server-first greeting by two round trips and each exchange by one', async () => {
    const proxy = await startDelayProxy({ target: { host: '127.0.0.1', port: await greetingServer() }, delayMs: 50 });
    cleanups.push(proxy.stop);
    const timeline = await new Promise<{ greeting: number; pong: number }>((resolve) => {
      const started = Date.now();
      const socket = net.connect({ host: proxy.host, port: proxy.port });
      socket.setNoDelay(true);
      let greeting = 0;
      socket.on('data', (chunk) => {
        if (chunk.toString().includes('hello')) {
          greeting = Date.now() - started;
          socket.write('ping\n');
        } else {
          socket.destroy();
          resolve({ greeting, pong: Date.now() - started - greeting });
        }
      });
    });
    // TCP handshake (1 RTT) + greeting (1 RTT), then one RTT for ping/pong.
    expect(timeline.greeting).toBeGreaterThanOrEqual(195);
    expect(timeline.greeting).toBeLessThan(260);
    expect(timeline.pong).toBeGreaterThanOrEqual(98);
    expect(timeline.pong).toBeLessThan(150);
  });

  it('counts the round trips of real clients: nodemailer verify() and imapflow connect + open INBOX', async () => {
    const smtp = await startNeteaseSmtp({ users: { [USER]: CODE } });
    const imap = await startNeteaseImap({ users: { [USER]: CODE }, idRule: 'any' });
    cleanups.push(smtp.stop, imap.stop);
    const smtpProxy = await startDelayProxy({ target: smtp, delayMs: 0 });
    const imapProxy = await startDelayProxy({ target: imap, delayMs: 0 });
    cleanups.push(smtpProxy.stop, imapProxy.stop);

    const timeSmtp = async () => {
      const started = Date.now();
      await nodemailer
        .createTransport({ host: '127.0.0.1', port: smtpProxy.port, secure: true, auth: { user: USER, pass: CODE } })
        .verify();
      return Date.now() - started;
    };
    const timeImap = async () => {
      const started = Date.now();
      const client = new ImapFlow({
        host: '127.0.0.1', port: imapProxy.port, secure: true, logger: false, auth: { user: USER, pass: CODE },
      });
      await client.connect();
      await client.mailboxOpen('INBOX', { readOnly: true });
      await client.logout();
      return Date.now() - started;
    };

    // The first run of each client pays for module and TLS warm-up, which is not a round trip.
    // Each figure is the best of two runs, and a round trip is 300 ms long: CPU stalls on a
    // busy machine only ever add time, and need to add 150 ms to move the count by one.
    await timeSmtp();
    await timeImap();
    const best = async (time: () => Promise<number>) => Math.min(await time(), await time());
    const [smtpFast, imapFast] = [await best(timeSmtp), await best(timeImap)];
    const DELAY_MS = 150;
    smtpProxy.setDelay(DELAY_MS);
    imapProxy.setDelay(DELAY_MS);
    const [smtpSlow, imapSlow] = await Promise.all([best(timeSmtp), best(timeImap)]);
    const smtpRoundTrips = (smtpSlow - smtpFast) / (2 * DELAY_MS);
    const imapRoundTrips = (imapSlow - imapFast) / (2 * DELAY_MS);

    // TCP + TLS 1.3 + greeting (3), EHLO, AUTH PLAIN; QUIT is not awaited.
    expect(Math.round(smtpRoundTrips)).toBe(5);
    // Set-up (3), CAPABILITY, ID, LOGIN, CAPABILITY, LIST "" "", LIST INBOX, LSUB, EXAMINE, LOGOUT.
    expect(Math.round(imapRoundTrips)).toBe(12);
    // Whole round trips, give or take timer slack.
    expect(Math.abs(smtpRoundTrips - Math.round(smtpRoundTrips))).toBeLessThan(0.4);
    expect(Math.abs(imapRoundTrips - Math.round(imapRoundTrips))).toBeLessThan(0.4);
  }, 60_000);

  it('stop() cuts both sides of open connections', async () => {
    const proxy = await startDelayProxy({ target: { host: '127.0.0.1', port: await greetingServer() }, delayMs: 0 });
    const socket = net.connect({ host: proxy.host, port: proxy.port });
    await new Promise((r) => socket.once('data', r));
    const closed = new Promise((r) => socket.once('close', r));
    await proxy.stop();
    await closed;
  });
});
