import 'server-only';
import { Resolver } from 'node:dns/promises';

// DNS queries under one time budget. Discovery and the address guard both ask a resolver a
// question or two and must answer the user within seconds whatever the name servers do, so
// every query runs inside a DnsSession: one deadline for all its queries, each query's outcome
// a value (never a rejection), and on close the resolver it created is cancelled and every
// query has settled, so no timer or socket outlives the call.

export const DEFAULT_DNS_BUDGET_MS = 3_000;

export interface MxAnswer {
  exchange: string;
  priority: number;
}

/** An SRV record as node:dns reads it; `name` is the target host, empty (or ".") for "not offered". */
export interface SrvAnswer {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

/** The questions discovery asks; node:dns/promises `Resolver` has this shape. */
export interface DnsResolver {
  resolveMx(name: string): Promise<MxAnswer[]>;
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  /** The name `name` is an alias of (one CNAME hop); optional so that a resolver made for one question need not answer it. */
  resolveCname?(name: string): Promise<string[]>;
  /** RFC 2782 service records (RFC 6186 mail services); optional for the same reason. */
  resolveSrv?(name: string): Promise<SrvAnswer[]>;
  /** Stops outstanding queries; called only on resolvers the session created itself. */
  cancel?(): void;
}

export interface DnsOptions {
  /** The whole lookup's time budget; default 3 s. */
  budgetMs?: number;
  /**
   * Name servers as `address` or `address:port` (`127.0.0.1:5353`, `[::1]:5353`), for a
   * resolver created for this call; default: the system's. Ignored when `resolver` is given.
   */
  servers?: readonly string[];
  /** A resolver to ask instead. Its owner keeps it: the session never cancels it. */
  resolver?: DnsResolver;
  /** Ends the lookup early, with the outcome `aborted`. */
  signal?: AbortSignal;
}

/** How one query ended. `errno` is the resolver's code, for server logs. */
export type QueryOutcome<T> =
  | { status: 'answer'; value: T }
  | { status: 'no_data' }
  | { status: 'no_domain' }
  | { status: 'timeout' }
  | { status: 'aborted' }
  | { status: 'error'; errno: string };

/**
 * A node:dns resolver that gives up within about `budgetMs`: two tries, the second with twice
 * the first's timeout (c-ares doubles it), so a lost UDP packet is retried once. The session's
 * own deadline is what bounds the call; this only keeps c-ares from working on past it.
 */
export function createDnsResolver(options: { servers?: readonly string[]; budgetMs?: number } = {}): Resolver {
  const budgetMs = options.budgetMs ?? DEFAULT_DNS_BUDGET_MS;
  const resolver = new Resolver({ timeout: Math.max(50, Math.floor(budgetMs / 3)), tries: 2 });
  if (options.servers && options.servers.length > 0) resolver.setServers([...options.servers]);
  return resolver;
}

function errnoOf(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.name : 'UNKNOWN';
}

function outcomeOfError(err: unknown): QueryOutcome<never> {
  const errno = errnoOf(err);
  // c-ares: ENODATA is an empty answer (NOERROR, no records of that type), ENOTFOUND is NXDOMAIN.
  if (errno === 'ENODATA') return { status: 'no_data' };
  if (errno === 'ENOTFOUND') return { status: 'no_domain' };
  if (errno === 'ETIMEOUT') return { status: 'timeout' };
  return { status: 'error', errno };
}

export class DnsSession {
  readonly #resolver: DnsResolver;
  readonly #ownsResolver: boolean;
  readonly #pending = new Set<Promise<unknown>>();
  readonly #ended: Promise<'timeout' | 'aborted'>;
  #endReason: 'timeout' | 'aborted' | undefined;
  #timer: NodeJS.Timeout | undefined;
  #signal: AbortSignal | undefined;
  #onAbort: (() => void) | undefined;

  constructor(options: DnsOptions = {}) {
    const budgetMs = options.budgetMs ?? DEFAULT_DNS_BUDGET_MS;
    this.#ownsResolver = !options.resolver;
    this.#resolver = options.resolver ?? createDnsResolver({ servers: options.servers, budgetMs });
    this.#ended = new Promise((resolve) => {
      const end = (reason: 'timeout' | 'aborted') => {
        this.#endReason ??= reason;
        this.#stopWatching();
        resolve(this.#endReason);
      };
      if (options.signal?.aborted) {
        end('aborted');
        return;
      }
      this.#timer = setTimeout(() => end('timeout'), budgetMs);
      if (options.signal) {
        this.#signal = options.signal;
        this.#onAbort = () => end('aborted');
        options.signal.addEventListener('abort', this.#onAbort, { once: true });
      }
    });
  }

  /** Asks one question; resolves with its outcome, or `timeout`/`aborted` once the session ends. */
  query<T>(ask: (resolver: DnsResolver) => Promise<T>): Promise<QueryOutcome<T>> {
    if (this.#endReason) return Promise.resolve({ status: this.#endReason });
    let work: Promise<QueryOutcome<T>>;
    try {
      work = ask(this.#resolver).then((value): QueryOutcome<T> => ({ status: 'answer', value }), outcomeOfError);
    } catch (err) {
      work = Promise.resolve(outcomeOfError(err));
    }
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work));
    return Promise.race([work, this.#ended.then((status): QueryOutcome<T> => ({ status }))]);
  }

  /**
   * Ends the session: the deadline is cleared, outstanding queries of a resolver it created are
   * cancelled and awaited (c-ares settles them at once). An injected resolver's queries are left
   * to their owner.
   */
  async close(): Promise<void> {
    this.#stopWatching();
    if (this.#pending.size === 0) return;
    if (!this.#ownsResolver) return;
    this.#resolver.cancel?.();
    await Promise.all(this.#pending);
  }

  #stopWatching(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#signal && this.#onAbort) this.#signal.removeEventListener('abort', this.#onAbort);
    this.#onAbort = undefined;
  }
}

/** Opens a session, runs `work` in it and closes it in every outcome. */
export async function withDnsSession<T>(options: DnsOptions, work: (session: DnsSession) => Promise<T>): Promise<T> {
  const session = new DnsSession(options);
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}
