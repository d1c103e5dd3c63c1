import net from 'node:net';
import tls from 'node:tls';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { refusedPort, startFaultServer, UNRESOLVABLE_HOST, type FaultServer } from './faults';

let server: FaultServer | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

type Outcome = { event: 'secure' | 'data' | 'timeout' | 'error'; code?: string; data?: string; elapsed: number };

/** Connects with verification on and no `ca` (trust comes from NODE_EXTRA_CA_CERTS) and reports what happened first. */
function firstTlsEvent(port: number, timeoutMs: number, waitForData = true): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = tls.connect({ host: '127.0.0.1', port });
    const done = (outcome: Omit<Outcome, 'elapsed'>) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...outcome, elapsed: Date.now() - started });
    };
    const timer = setTimeout(() => done({ event: 'timeout' }), timeoutMs);
    socket.on('secureConnect', () => {
      if (!waitForData) done({ event: 'secure' });
    });
    socket.on('data', (chunk) => done({ event: 'data', data: chunk.toString() }));
    socket.on('error', (err: NodeJS.ErrnoException) => done({ event: 'error', code: err.code }));
  });
}

describe('fault servers', () => {
  it('silent: the TLS handshake completes but no greeting ever comes', async () => {
    server = await startFaultServer('silent');
    expect(await firstTlsEvent(server.port, 200, false)).toMatchObject({ event: 'secure' });
    expect(await firstTlsEvent(server.port, 200)).toMatchObject({ event: 'timeout' });

    const client = new ImapFlow({
      host: '127.0.0.1', port: server.port, secure: true, logger: false,
      auth: { user: 'a@163.com', pass: 'x' }, greetingTimeout: 200,
    });
    client.on('error', () => {});
    const failure = await client.connect().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ code: 'GREETING_TIMEOUT' });
  });

  it('silent-tcp: TCP connects, the TLS handshake never finishes', async () => {
    server = await startFaultServer('silent-tcp');
    expect(await firstTlsEvent(server.port, 200, false)).toMatchObject({ event: 'timeout' });
    expect(server.connections).toBe(1);
  });

  it('greet-then-stall: IMAP greets and never answers', async () => {
    server = await startFaultServer('greet-then-stall');
    const transcript = await new Promise<string>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port: server!.port });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
        socket.write('a CAPABILITY\r\n');
        setTimeout(() => {
          socket.destroy();
          resolve(text);
        }, 200);
      });
    });
    expect(transcript).toBe('* OK Coremail System IMap Server Ready(163com[20150101])\r\n');
  });

  it('greet-then-stall: SMTP greets with 220 and nodemailer times out on EHLO', async () => {
    server = await startFaultServer('greet-then-stall', { protocol: 'smtp' });
    const transporter = nodemailer.createTransport({
      host: '127.0.0.1', port: server.port, secure: true, socketTimeout: 200,
      auth: { user: 'a@163.com', pass: 'x' },
    });
    const failure = await transporter.verify().catch((err: unknown) => err);
    expect(failure).toMatchObject({ code: 'ETIMEDOUT' });
  });

  it('reset-during-tls: the ClientHello is answered with a reset', async () => {
    server = await startFaultServer('reset-during-tls');
    expect(await firstTlsEvent(server.port, 1000)).toMatchObject({ event: 'error', code: 'ECONNRESET' });
  });

  it('trickle: the greeting arrives one byte at a time', async () => {
    server = await startFaultServer('trickle', { trickleIntervalMs: 40 });
    const chunks = await new Promise<Array<{ text: string; at: number }>>((resolve) => {
      const socket = tls.connect({ host: '127.0.0.1', port: server!.port });
      const received: Array<{ text: string; at: number }> = [];
      socket.on('data', (chunk) => {
        received.push({ text: chunk.toString(), at: Date.now() });
        if (received.length === 4) {
          socket.destroy();
          resolve(received);
        }
      });
    });
    expect(chunks.map((c) => c.text).join('')).toBe('* OK');
    expect(chunks[3]!.at - chunks[0]!.at).toBeGreaterThanOrEqual(3 * 40 - 10);
  });

  it('wrong-name: a verifying client refuses the certificate for its name', async () => {
    server = await startFaultServer('wrong-name');
    expect(await firstTlsEvent(server.port, 1000)).toMatchObject({ event: 'error', code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    const client = new ImapFlow({ host: '127.0.0.1', port: server.port, secure: true, logger: false, auth: { user: 'a', pass: 'b' } });
    client.on('error', () => {});
    await expect(client.connect()).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('unknown-ca: a verifying client refuses a certificate from an unknown CA', async () => {
    server = await startFaultServer('unknown-ca', { protocol: 'smtp' });
    expect(await firstTlsEvent(server.port, 1000)).toMatchObject({ event: 'error', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    const transporter = nodemailer.createTransport({ host: '127.0.0.1', port: server.port, secure: true, auth: { user: 'a', pass: 'b' } });
    await expect(transporter.verify()).rejects.toMatchObject({
      code: 'ESOCKET',
      originalCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      command: 'CONN',
    });
  });

  it('close-after-login: imapflow sees the connection close at LOGIN', async () => {
    server = await startFaultServer('close-after-login');
    const client = new ImapFlow({ host: '127.0.0.1', port: server.port, secure: true, logger: false, auth: { user: 'a', pass: 'b' } });
    client.on('error', () => {});
    const failure = await client.connect().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ code: 'ClosedAfterConnectTLS' });
    expect(server.commandsSeen).toEqual(['CAPABILITY', 'ID', 'LOGIN']);
  });

  it('refusedPort: nothing listens there', async () => {
    const port = await refusedPort();
    const code = await new Promise((resolve) => {
      net.connect({ host: '127.0.0.1', port }).on('error', (err: NodeJS.ErrnoException) => resolve(err.code));
    });
    expect(code).toBe('ECONNREFUSED');
  });

  it('UNRESOLVABLE_HOST does not resolve', async () => {
    const code = await new Promise((resolve) => {
      net.connect({ host: UNRESOLVABLE_HOST, port: 993 }).on('error', (err: NodeJS.ErrnoException) => resolve(err.code));
    });
    expect(['ENOTFOUND', 'EAI_AGAIN']).toContain(code);
  });
});
