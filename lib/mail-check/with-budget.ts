import 'server-only';
import net from 'node:net';
import tls from 'node:tls';
import type { ServerEndpoint } from '@/lib/providers/types';
import { trustRegisteredFor } from './endpoint-trust';
import type { CheckStage, FailureCode, PinnedAddresses } from './types';

// Time budgets and socket ownership for one protocol check. Every stage of a check runs
// through a StageClock, so that a server that stops answering costs at most one stage budget
// and the whole check at most the overall budget; every socket a check opens is registered in
// a SocketSet, so that it is closed in every outcome.

/** An expected way for a check to end; turned into a result, never shown as a crash. */
export class CheckFailure extends Error {
  constructor(
    readonly code: FailureCode,
    readonly stage: CheckStage,
    readonly serverText?: string,
    /** Technical detail for support (an errno or TLS error code), never the server's words. */
    readonly detail?: string,
  ) {
    super(`${code} at ${stage}${detail ? ` (${detail})` : ''}`);
    this.name = 'CheckFailure';
  }
}

/** Abort reason of the shared controller when the overall budget runs out. */
export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`overall check budget of ${budgetMs} ms exceeded`);
    this.name = 'BudgetExceeded';
  }
}

/** Abort reason when the caller cancelled the check. */
export class CheckCancelled extends Error {
  constructor() {
    super('check cancelled by the caller');
    this.name = 'CheckCancelled';
  }
}

const noop = () => {};

/**
 * Runs the stages of one protocol check one after the other, each under its own timer and all
 * under the shared abort signal. A stage that overruns ends the check with `timeout` at that
 * stage; the work it was waiting for is abandoned (its later settlement is swallowed) and the
 * caller's cleanup closes the sockets it was using.
 */
export class StageClock {
  #stage: CheckStage = 'connect';

  constructor(
    private readonly signal: AbortSignal,
    private readonly stageTimeoutMs: number,
  ) {}

  /** The stage that is running, or that ran last. */
  get stage(): CheckStage {
    return this.#stage;
  }

  /** Runs `work` as `stage`, under the stage budget unless `timeoutMs` gives this stage another. */
  run<T>(stage: CheckStage, work: () => Promise<T>, timeoutMs = this.stageTimeoutMs): Promise<T> {
    this.#stage = stage;
    if (this.signal.aborted) return Promise.reject(this.abortFailure(stage));
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = () => {
        settled = true;
        clearTimeout(timer);
        this.signal.removeEventListener('abort', onAbort);
      };
      const timer = setTimeout(() => {
        if (settled) return;
        finish();
        reject(new CheckFailure('timeout', stage, undefined, `no progress within ${timeoutMs} ms`));
      }, timeoutMs);
      const onAbort = () => {
        if (settled) return;
        finish();
        reject(this.abortFailure(stage));
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
      let pending: Promise<T>;
      try {
        pending = work();
      } catch (err) {
        finish();
        reject(err);
        return;
      }
      pending.then(
        (value) => {
          if (settled) return;
          finish();
          resolve(value);
        },
        (err: unknown) => {
          if (settled) return;
          finish();
          reject(err);
        },
      );
    });
  }

  private abortFailure(stage: CheckStage): CheckFailure {
    const reason: unknown = this.signal.reason;
    if (reason instanceof BudgetExceeded) {
      return new CheckFailure('timeout', stage, undefined, `overall budget of ${reason.budgetMs} ms used up`);
    }
    return new CheckFailure('aborted', stage);
  }
}

/**
 * The sockets of one protocol check. Each is watched from the moment it exists: its errors are
 * recorded (an 'error' without a listener would crash the process after a library has let go
 * of the socket), and its 'close' is what `closeAll` waits for.
 */
export class SocketSet {
  readonly #closed = new Map<net.Socket, Promise<void>>();

  add<S extends net.Socket>(socket: S): S {
    if (this.#closed.has(socket)) return socket;
    socket.on('error', noop);
    this.#closed.set(
      socket,
      socket.closed ? Promise.resolve() : new Promise<void>((resolve) => socket.once('close', () => resolve())),
    );
    return socket;
  }

  /**
   * Closes every socket and resolves once each has emitted 'close'. With `graceMs` a socket
   * that is already being closed by the protocol (QUIT answered, our FIN sent) gets that long
   * to finish on its own; everything else is destroyed at once.
   */
  async closeAll(graceMs = 0): Promise<void> {
    const entries = [...this.#closed];
    if (graceMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.all(entries.map(([, closed]) => closed)), grace]);
      clearTimeout(timer);
    }
    for (const [socket] of entries) {
      if (!socket.destroyed) socket.destroy();
    }
    await Promise.all(entries.map(([, closed]) => closed));
  }
}

/** Resolves on `event`, rejects on the socket's first error; settles once. */
function socketEvent(socket: net.Socket, event: 'connect' | 'secureConnect'): Promise<void> {
  const settled = new Promise<void>((resolve, reject) => {
    const onEvent = () => {
      socket.off('error', onError);
      socket.off('close', onClose);
      resolve();
    };
    const onError = (err: Error) => {
      socket.off(event, onEvent);
      socket.off('close', onClose);
      reject(err);
    };
    const onClose = () => {
      socket.off(event, onEvent);
      socket.off('error', onError);
      reject(Object.assign(new Error('connection closed by the server'), { code: 'ECONNRESET' }));
    };
    socket.once(event, onEvent);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
  // A waiter for a later stage may never be awaited when an earlier stage fails.
  settled.catch(noop);
  return settled;
}

/** SNI and certificate name: the host, unless it is an IP literal (SNI forbids those). */
export function tlsNameOptions(host: string): { servername?: string } {
  return net.isIP(host) ? {} : { servername: host };
}

// A TLS handshake costs this machine about 2 ms of CPU, most of it spent outside the
// cryptography: building a secure context (Node makes one per connection unless given one) and
// turning the server's chain into JS objects for the name check. Checks share one context built
// with Node's defaults (its roots plus NODE_EXTRA_CA_CERTS, verification on), and resume a
// recent session with the same server: a resumed session stands on the verified handshake that
// created it, as an HTTPS agent's do.
let sharedContext: tls.SecureContext | undefined;
const clientContext = () => (sharedContext ??= tls.createSecureContext());

const SESSION_MAX_AGE_MS = 10 * 60_000;
const SESSION_CACHE_SIZE = 256;
const sessionCache = new Map<string, { session: Buffer; storedAt: number }>();

function cachedSession(key: string): Buffer | undefined {
  const entry = sessionCache.get(key);
  if (!entry) return undefined;
  if (performance.now() - entry.storedAt > SESSION_MAX_AGE_MS) {
    sessionCache.delete(key);
    return undefined;
  }
  return entry.session;
}

function rememberSession(key: string, session: Buffer): void {
  sessionCache.delete(key);
  sessionCache.set(key, { session, storedAt: performance.now() });
  if (sessionCache.size > SESSION_CACHE_SIZE) {
    const oldest = sessionCache.keys().next().value;
    if (oldest !== undefined) sessionCache.delete(oldest);
  }
}

/**
 * Connects to the first of `pin.addresses` that accepts, all within one connect stage: an
 * address that refuses or is unreachable costs a round trip, one that drops the packets costs
 * the stage. Every socket tried is registered, so the caller's cleanup closes them all.
 */
async function connectPinned<S extends net.Socket>(
  pin: PinnedAddresses,
  clock: StageClock,
  sockets: SocketSet,
  open: (address: string) => S,
): Promise<S> {
  if (pin.addresses.length === 0) throw new TypeError('openConnection: no address to connect to');
  // Once the stage has ended (its budget, the overall one, a cancel) the caller closes every
  // registered socket; the loop must not open another one after that.
  let abandoned = false;
  try {
    return await clock.run('connect', async () => {
      let lastError: unknown;
      for (const { address } of pin.addresses) {
        if (abandoned) break;
        const socket = sockets.add(open(address));
        try {
          await socketEvent(socket, 'connect');
          return socket;
        } catch (err) {
          lastError = err;
          socket.destroy();
        }
      }
      throw lastError;
    });
  } catch (err) {
    abandoned = true;
    throw err;
  }
}

/**
 * Opens the TCP connection to `endpoint` and, for implicit TLS, completes the handshake, each
 * under its own stage budget. The certificate is verified by Node's defaults against its own
 * roots plus NODE_EXTRA_CA_CERTS, or, for a server the app runs itself (practice mode), against
 * the one authority registered for exactly that host and port: no option here can weaken that.
 *
 * With `pin`, the socket goes to the pinned addresses only and `endpoint.host` is never
 * resolved: a name cannot pass the guard with one answer and be dialled with another. SNI and
 * the certificate's name stay `endpoint.host` (an IP literal: no SNI, the certificate is
 * checked against the IP).
 */
export async function openConnection(
  endpoint: ServerEndpoint,
  clock: StageClock,
  sockets: SocketSet,
  pin?: PinnedAddresses,
): Promise<net.Socket> {
  if (endpoint.tls === 'implicit') {
    const names = tlsNameOptions(endpoint.host);
    const trust = trustRegisteredFor(endpoint);
    // A session is resumed only under the trust that verified it.
    const sessionKey = `${endpoint.host}:${endpoint.port}:${names.servername ?? ''}:${trust?.id ?? ''}`;
    const session = cachedSession(sessionKey);
    const open = (host: string) =>
      tls.connect({
        host,
        port: endpoint.port,
        ...names,
        // Node checks the certificate against `servername`, else `host`: with a pinned address
        // in `host`, an IP literal endpoint must still be checked against itself.
        ...(pin && !names.servername ? { checkServerIdentity: (_: string, cert: tls.PeerCertificate) => tls.checkServerIdentity(endpoint.host, cert) } : {}),
        secureContext: trust?.secureContext ?? clientContext(),
        ...(session ? { session } : {}),
      });
    const socket = pin ? await connectPinned(pin, clock, sockets, open) : sockets.add(open(endpoint.host));
    // Only a session whose handshake passed verification may ever be resumed. TLS 1.2 hands
    // the ticket over before the handshake is judged, so an early one waits for the verdict.
    socket.on('session', (ticket: Buffer) => {
      if (socket.authorized) rememberSession(sessionKey, ticket);
      else socket.once('secureConnect', () => socket.authorized && rememberSession(sessionKey, ticket));
    });
    const secured = socketEvent(socket, 'secureConnect');
    if (!pin) await clock.run('connect', () => socketEvent(socket, 'connect'));
    await clock.run('tls', () => secured);
    socket.setNoDelay(true);
    return socket;
  }
  const open = (host: string) => net.connect({ host, port: endpoint.port });
  const socket = pin
    ? await connectPinned(pin, clock, sockets, open)
    : await (async () => {
        const plain = sockets.add(open(endpoint.host));
        await clock.run('connect', () => socketEvent(plain, 'connect'));
        return plain;
      })();
  socket.setNoDelay(true);
  return socket;
}

const UNREACHABLE_ERRNOS = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EAI_NODATA',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
]);

// OpenSSL's verification results and Node's own name check: the certificate is the problem.
const CERTIFICATE_ERRORS = /^(ERR_TLS_|ERR_SSL_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|CERT_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

function errorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/**
 * What a transport error means at the stage it happened. Anything during the TLS handshake is
 * a TLS failure (a reset there is how a server refuses our TLS); name resolution and refused
 * or unroutable connections mean the server cannot be reached.
 */
export function classifyTransportError(err: unknown, stage: CheckStage): CheckFailure {
  if (err instanceof CheckFailure) return err;
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  const detail = code ? `${code}: ${message}` : message;
  if (code && UNREACHABLE_ERRNOS.has(code)) return new CheckFailure('unreachable', stage, undefined, detail);
  if (code === 'ETIMEDOUT') return new CheckFailure('timeout', stage, undefined, detail);
  if (stage === 'tls' || (code && CERTIFICATE_ERRORS.test(code))) {
    return new CheckFailure('tls_failed', stage, undefined, detail);
  }
  return new CheckFailure('unexpected', stage, undefined, detail);
}

/** Milliseconds since `start` (a `performance.now()` reading), rounded. */
export function elapsedSince(start: number): number {
  return Math.round(performance.now() - start);
}
