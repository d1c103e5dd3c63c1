import net from 'node:net';
import { LOOPBACK, listenOnLoopback, trackSockets } from './server-lifecycle';

export interface DelayProxyOptions {
  target: { host: string; port: number };
  /** One-way delay; a round trip costs twice this. */
  delayMs: number;
}

export interface DelayProxy {
  host: typeof LOOPBACK;
  port: number;
  /** Applies to bytes and connections from now on. */
  setDelay(ms: number): void;
  stop(): Promise<void>;
}

/**
 * Delivers chunks in order, each `delay` after it arrived or, if it arrived
 * before `notBefore`, `delay` after that. One timer per direction keeps the
 * order even when the delay changes mid-stream.
 */
class DelayedPipe {
  private queue: Array<{ due: number; chunk: Buffer | null }> = [];
  private timer: NodeJS.Timeout | undefined;
  private lastDue = 0;
  notBefore = 0;

  constructor(
    private readonly sink: net.Socket,
    private readonly delay: () => number,
  ) {}

  push(chunk: Buffer | null): void {
    // null stands for the sender's end of stream, passed on at its turn.
    const due = Math.max(Math.max(Date.now(), this.notBefore) + this.delay(), this.lastDue);
    this.lastDue = due;
    this.queue.push({ due, chunk });
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = Date.now();
      while (this.queue.length && this.queue[0]!.due <= now) {
        const { chunk } = this.queue.shift()!;
        if (this.sink.destroyed) continue;
        if (chunk === null) this.sink.end(() => this.sink.destroy());
        else this.sink.write(chunk);
      }
      this.schedule();
    }, Math.max(0, this.queue[0]!.due - Date.now()));
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
  }
}

/**
 * A TCP proxy that turns loopback into a WAN with `delayMs` (d) each way.
 * Over a real link the client's connect() completes after one round trip
 * (2d), its first bytes reach the server at 3d, and the server's first bytes
 * (a greeting, or the answer to a ClientHello) reach the client at 4d. Here
 * connect() completes at once, so the client's bytes are held as if sent at
 * 2d and the server's as if sent at 3d; then every exchange costs what it
 * would over the link, and (time at 50 ms − time at 0 ms) / 100 ms counts
 * real round trips.
 */
export async function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
  let delayMs = options.delayMs;
  const pipes = new Set<DelayedPipe>();
  const upstreams = new Set<net.Socket>();

  const server = net.createServer((client) => {
    client.setNoDelay(true);
    const upstream = new net.Socket();
    upstream.setNoDelay(true);
    upstreams.add(upstream);
    const acceptedAt = Date.now();
    const toUpstream = new DelayedPipe(upstream, () => delayMs);
    const toClient = new DelayedPipe(client, () => delayMs);
    toUpstream.notBefore = acceptedAt + 2 * delayMs;
    toClient.notBefore = acceptedAt + 3 * delayMs;
    pipes.add(toUpstream);
    pipes.add(toClient);

    const teardown = () => {
      toUpstream.cancel();
      toClient.cancel();
      pipes.delete(toUpstream);
      pipes.delete(toClient);
      client.destroy();
      upstream.destroy();
    };

    // An end of stream (or a close without one) travels like data, so what was
    // sent before it still arrives first.
    let clientDone = false;
    let upstreamDone = false;
    const clientFinished = () => {
      if (!clientDone) toUpstream.push(null);
      clientDone = true;
    };
    const upstreamFinished = () => {
      if (!upstreamDone) toClient.push(null);
      upstreamDone = true;
    };
    client.on('data', (chunk) => toUpstream.push(chunk));
    client.on('end', clientFinished);
    client.on('close', clientFinished);
    client.on('error', teardown);
    upstream.on('data', (chunk) => toClient.push(chunk));
    upstream.on('end', upstreamFinished);
    upstream.on('close', () => {
      upstreams.delete(upstream);
      upstreamFinished();
    });
    upstream.on('error', teardown);
    // Connecting at once is harmless: what the server sends early is held by toClient.notBefore.
    upstream.connect(options.target.port, options.target.host);
  });

  const sockets = trackSockets(server);
  const port = await listenOnLoopback(server);
  return {
    host: LOOPBACK,
    port,
    setDelay(ms) {
      delayMs = ms;
    },
    async stop() {
      for (const pipe of pipes) pipe.cancel();
      pipes.clear();
      for (const upstream of upstreams) upstream.destroy();
      await sockets.closeNow();
    },
  };
}
