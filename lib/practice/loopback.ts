import type net from 'node:net';

// Listening on loopback and closing at once: shared by practice mode's servers and the test
// peers in tools/peers (which re-export these), so both stop the same way.

export const LOOPBACK = '127.0.0.1' as const;

/** Listens on an ephemeral port of 127.0.0.1 and returns the port. */
export async function listenOnLoopback(server: net.Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return address.port;
}

/**
 * `server.close()` only stops accepting; it waits for every open connection, and a peer left
 * hanging would keep the process alive. Tracking the raw TCP sockets lets stop() cut them all,
 * including those still mid-handshake.
 */
export function trackSockets(server: net.Server): { closeNow(): Promise<void> } {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // 'close' fires once the listener and every connection are gone, however
  // close() was started (smtp-server calls it itself).
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  return {
    async closeNow() {
      if (server.listening) server.close();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
