import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestPki } from '@/tools/peers/pki';
import { createResourceTracker } from './resource-tracker';

// The leak assertions of the check's tests are only worth something if the tracker sees a
// leak when there is one, and does not blame the code under test for a peer's sockets.

let server: net.Server;
let port: number;
const accepted: net.Socket[] = [];

beforeAll(async () => {
  server = net.createServer((socket) => {
    accepted.push(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});

afterAll(async () => {
  for (const socket of accepted) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createResourceTracker', () => {
  it('reports a socket and a timer the tracked code leaves open', async () => {
    const tracker = createResourceTracker();
    let leakedSocket: net.Socket | undefined;
    let leakedTimer: NodeJS.Timeout | undefined;
    try {
      await tracker.track('leaky', async () => {
        leakedSocket = net.connect(port, '127.0.0.1');
        leakedSocket.on('error', () => {});
        await new Promise<void>((resolve) => leakedSocket!.once('connect', () => resolve()));
        leakedTimer = setTimeout(() => {}, 60_000);
      });
      const leaks = await tracker.leftOpen(100);
      const types = leaks.map((r) => r.type);
      expect(types).toContain('TCPWRAP');
      expect(types).toContain('Timeout');
      expect(leaks.every((r) => r.label === 'leaky')).toBe(true);
      expect(leaks.find((r) => r.type === 'TCPWRAP')!.stack).toContain('resource-tracker.test.ts');
    } finally {
      clearTimeout(leakedTimer);
      leakedSocket?.destroy();
    }
    // Once the code under test cleans up, the same tracker sees nothing left.
    expect(await tracker.leftOpen(500)).toEqual([]);
    tracker.disable();
  });

  it('reports a TLS connection left open, even after letting the garbage collector run', async () => {
    const pki = ensureTestPki();
    const tlsServer = tls.createServer({ cert: pki.server.cert, key: pki.server.key }, (socket) => socket.on('error', () => {}));
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    const tracker = createResourceTracker();
    let leaked: tls.TLSSocket | undefined;
    try {
      await tracker.track('tls-leak', async () => {
        leaked = tls.connect({ host: '127.0.0.1', port: (tlsServer.address() as net.AddressInfo).port });
        leaked.on('error', () => {});
        await new Promise<void>((resolve) => leaked!.once('secureConnect', () => resolve()));
      });
      const types = (await tracker.leftOpen(200)).map((r) => r.type);
      expect(types).toContain('TLSWRAP');
      expect(types).toContain('TCPWRAP');
    } finally {
      leaked?.destroy();
      tracker.disable();
      await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
    }
  });

  it('does not count what code outside the tracked context creates, such as a peer accepting', async () => {
    const tracker = createResourceTracker();
    const untracked = net.connect(port, '127.0.0.1');
    untracked.on('error', () => {});
    await new Promise<void>((resolve) => untracked.once('connect', () => resolve()));
    const outside = setTimeout(() => {}, 60_000);
    try {
      // The tracked code talks to the server; the server's accepted socket is not its own.
      await tracker.track('polite', async () => {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('error', () => {});
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        socket.destroy();
        await new Promise<void>((resolve) => socket.once('close', () => resolve()));
      });
      expect(await tracker.leftOpen(500)).toEqual([]);
    } finally {
      clearTimeout(outside);
      untracked.destroy();
      tracker.disable();
    }
  });

  it('follows work into callbacks scheduled by the tracked code', async () => {
    const tracker = createResourceTracker();
    let late: NodeJS.Timeout | undefined;
    await tracker.track('scheduler', async () => {
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          late = setTimeout(() => {}, 60_000);
          resolve();
        }),
      );
    });
    const leaks = await tracker.leftOpen(50);
    clearTimeout(late);
    expect(leaks.map((r) => r.type)).toEqual(['Timeout']);
    tracker.disable();
  });
});
