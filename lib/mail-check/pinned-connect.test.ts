import net from 'node:net';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestPki } from '@/tools/peers/pki';
import type { ServerEndpoint } from '@/lib/providers/types';
import type { PinnedAddresses } from './types';
import { openConnection, SocketSet, StageClock } from './with-budget';

// Manual setup dials the addresses the address guard vetted, never the typed name again: a name
// that answered with a public address in the guard cannot be connected to elsewhere on a
// second lookup, because there is no second lookup. The typed name still names the server for
// TLS. The names used here resolve nowhere (`.test` and `.invalid` are reserved), so a socket
// that reached the server can only have gone to the pinned address.

const NAME_IN_CERTIFICATE = 'mail.selfhosted.test';
const NAME_NOT_IN_CERTIFICATE = 'no-such-host.invalid';
const LOOPBACK_V4 = { addresses: [{ address: '127.0.0.1', family: 4 }] } satisfies PinnedAddresses;

interface Seen {
  /** The SNI of each ClientHello that carried one (read before the handshake can complete). */
  servernames: string[];
  connections: number;
}

interface Listening {
  port: number;
  seen: Seen;
  close(): Promise<void>;
}

const listening: Listening[] = [];

async function listen(server: net.Server, seen: Seen, host = '127.0.0.1'): Promise<Listening> {
  const open = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    open.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const entry: Listening = {
    port: (server.address() as net.AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of open) socket.destroy();
      }),
  };
  listening.push(entry);
  return entry;
}

/** A TLS server with the test PKI's server certificate that records what each client asked for. */
function startTlsServer(host = '127.0.0.1'): Promise<Listening> {
  const pki = ensureTestPki();
  const seen: Seen = { servernames: [], connections: 0 };
  const context = tls.createSecureContext({ cert: pki.server.cert, key: pki.server.key });
  const server = tls.createServer({
    cert: pki.server.cert,
    key: pki.server.key,
    SNICallback: (servername, done) => {
      seen.servernames.push(servername);
      done(null, context);
    },
  });
  server.on('connection', () => seen.connections++);
  server.on('tlsClientError', () => {});
  return listen(server, seen, host);
}

function startPlainServer(): Promise<Listening> {
  const seen: Seen = { servernames: [], connections: 0 };
  const server = net.createServer((socket) => {
    seen.connections++;
    socket.on('error', () => {});
  });
  return listen(server, seen);
}

let sockets: SocketSet;
const clock = () => new StageClock(new AbortController().signal, 3_000);

beforeAll(() => {
  ensureTestPki();
});
afterEach(async () => {
  await sockets.closeAll();
});
afterAll(async () => {
  await Promise.all(listening.map((l) => l.close()));
});

const implicitAt = (host: string, port: number): ServerEndpoint => ({ host, port, tls: 'implicit' });

describe('openConnection with pinned addresses', () => {
  beforeAll(() => {
    sockets = new SocketSet();
  });

  it('implicit TLS: dials the pinned address, sends the typed name as SNI and verifies the certificate for it', async () => {
    const server = await startTlsServer();
    const socket = (await openConnection(implicitAt(NAME_IN_CERTIFICATE, server.port), clock(), sockets, LOOPBACK_V4)) as tls.TLSSocket;
    expect(socket.authorized).toBe(true);
    expect(socket.remoteAddress).toBe('127.0.0.1');
    expect(server.seen.servernames).toEqual([NAME_IN_CERTIFICATE]);
  });

  it('checks the certificate against the typed name, not the address dialled (which the certificate does name)', async () => {
    const server = await startTlsServer();
    const opening = openConnection(implicitAt(NAME_NOT_IN_CERTIFICATE, server.port), clock(), sockets, LOOPBACK_V4);
    await expect(opening).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    // The server was reached (at the pinned address) although the name resolves nowhere.
    expect(server.seen.connections).toBe(1);
  });

  it('an IP literal: no SNI, the certificate checked against the IP', async () => {
    const server = await startTlsServer();
    const socket = (await openConnection(implicitAt('127.0.0.1', server.port), clock(), sockets, LOOPBACK_V4)) as tls.TLSSocket;
    expect(socket.authorized).toBe(true);
    expect(server.seen.servernames).toEqual([]);
  });

  it('tries the vetted addresses in order: one refusing the connection, then the next', async () => {
    const server = await startTlsServer();
    // Nothing listens on 127.0.0.2 (the server is bound to 127.0.0.1 only): refused at once.
    const pin: PinnedAddresses = { addresses: [{ address: '127.0.0.2', family: 4 }, { address: '127.0.0.1', family: 4 }] };
    const socket = (await openConnection(implicitAt(NAME_IN_CERTIFICATE, server.port), clock(), sockets, pin)) as tls.TLSSocket;
    expect(socket.authorized).toBe(true);
    expect(socket.remoteAddress).toBe('127.0.0.1');
    expect(server.seen.connections).toBe(1);
  });

  it('fails with the last error when no vetted address accepts', async () => {
    const server = await startTlsServer();
    const pin: PinnedAddresses = { addresses: [{ address: '127.0.0.2', family: 4 }, { address: '127.0.0.3', family: 4 }] };
    await expect(openConnection(implicitAt(NAME_IN_CERTIFICATE, server.port), clock(), sockets, pin)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    expect(server.seen.connections).toBe(0);
  });

  it('STARTTLS endpoints: the plain socket goes to the pinned address too', async () => {
    const server = await startPlainServer();
    const socket = await openConnection({ host: NAME_NOT_IN_CERTIFICATE, port: server.port, tls: 'starttls' }, clock(), sockets, LOOPBACK_V4);
    expect(socket.remoteAddress).toBe('127.0.0.1');
    expect(server.seen.connections).toBe(1);
  });

  it('IPv6: dials a pinned ::1 for a typed name', async () => {
    const server = await startTlsServer('::1');
    const pin: PinnedAddresses = { addresses: [{ address: '::1', family: 6 }] };
    const socket = (await openConnection(implicitAt(NAME_IN_CERTIFICATE, server.port), clock(), sockets, pin)) as tls.TLSSocket;
    expect(socket.authorized).toBe(true);
    expect(socket.remoteAddress).toBe('::1');
    expect(server.seen.servernames).toEqual([NAME_IN_CERTIFICATE]);
  });
});
