import 'server-only';
import https from 'node:https';
import type { LookupAddress } from 'node:dns';
import type { IncomingMessage } from 'node:http';
import { guardHost, type VettedAddress } from './address-guard';
import type { DnsOptions } from './dns';

// HTTPS GETs for discovery (autoconfig files), behind the address guard. A domain's owner
// decides where its autoconfig URL points, so without the guard anyone could make our server
// fetch from our own machine, our private network or a cloud metadata service. Every hop's host
// is resolved and vetted by guardHost, and the connection is pinned to the vetted addresses (the
// socket's lookup answers from them: the name is never resolved a second time). Certificates
// are checked as for any HTTPS client, against the URL's host name. At most two redirects, each
// vetted again, HTTPS only, on the one allowed port; bodies over 100 KB are refused.

export const DEFAULT_FETCH_BUDGET_MS = 4_000;
export const DEFAULT_MAX_BYTES = 100 * 1024;
export const DEFAULT_MAX_REDIRECTS = 2;

export interface GuardedFetchOptions extends Omit<DnsOptions, 'budgetMs'> {
  /** The whole fetch's time budget, redirects and the guard's DNS questions included; default 4 s. */
  budgetMs?: number;
  /**
   * Hosts let through whatever they resolve to (the address guard's allow-list: the test
   * servers of MAIL_MANUAL_ALLOW_HOSTS). Certificates are checked all the same.
   */
  allow?: readonly string[];
  /** The one port dialled, and the only one a redirect may name; default 443. A test seam (MAIL_AUTOCONFIG_PORT). */
  port?: number;
  /** Certificate authorities to trust instead of the system's (tests: the test CA). */
  ca?: string | readonly string[];
  /** Largest body accepted; default 100 KB. */
  maxBytes?: number;
  /** Redirects followed; default 2. */
  maxRedirects?: number;
}

/** Why a fetch brought nothing back; `detail` is for server logs only. */
export type FetchRefusal =
  | 'invalid_url'
  | 'not_https'
  | 'wrong_port'
  | 'guard'
  | 'too_many_redirects'
  | 'too_large'
  | 'http_status'
  | 'tls'
  | 'network'
  | 'timeout'
  | 'aborted';

export type FetchOutcome =
  | { ok: true; body: string; url: string; contentType: string | undefined }
  | { ok: false; code: FetchRefusal; detail?: string; url: string };

const TLS_ERRORS = /^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_SSL_|HOSTNAME_MISMATCH)/;

type HopResult =
  | { kind: 'body'; body: string; contentType: string | undefined }
  | { kind: 'redirect'; location: string }
  | { kind: 'refused'; code: FetchRefusal; detail?: string };

function errnoOf(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return err instanceof Error ? err.name : 'UNKNOWN';
}

/** A socket lookup that answers from the vetted addresses only, in both of node:net's forms. */
function pinnedLookup(addresses: readonly VettedAddress[]) {
  return (
    _hostname: string,
    options: { all?: boolean } | number | undefined,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    const all = typeof options === 'object' && options?.all === true;
    const first = addresses[0]!;
    if (all) callback(null, addresses.map(({ address, family }) => ({ address, family })));
    else callback(null, first.address, first.family);
  };
}

function readBody(response: IncomingMessage, maxBytes: number): Promise<HopResult> {
  return new Promise((resolve) => {
    const declared = Number(response.headers['content-length']);
    // Resolved before the socket is cut: cutting it fires 'aborted' at once.
    if (Number.isFinite(declared) && declared > maxBytes) {
      resolve({ kind: 'refused', code: 'too_large', detail: `content-length ${declared}` });
      response.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        resolve({ kind: 'refused', code: 'too_large', detail: `over ${maxBytes} bytes` });
        response.destroy();
        return;
      }
      chunks.push(chunk);
    });
    response.on('end', () =>
      resolve({ kind: 'body', body: Buffer.concat(chunks).toString('utf8'), contentType: response.headers['content-type'] }),
    );
    response.on('error', (err) => resolve({ kind: 'refused', code: 'network', detail: errnoOf(err) }));
    response.on('aborted', () => resolve({ kind: 'refused', code: 'network', detail: 'aborted' }));
  });
}

function oneHop(url: URL, addresses: readonly VettedAddress[] | undefined, options: GuardedFetchOptions, signal: AbortSignal): Promise<HopResult> {
  return new Promise((resolve) => {
    let settled = false;
    // Once the answer has begun, its reading decides the outcome (a body cut off for its size
    // also errors the request, and that must not read as a network failure).
    let answered = false;
    const settle = (result: HopResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const request = https.request(
      {
        protocol: 'https:',
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: options.port ?? 443,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { accept: 'application/xml, text/xml;q=0.9, */*;q=0.1', 'user-agent': 'mailbox-onboarding-autoconfig' },
        // A fresh connection per hop: a pooled socket could have been opened for another answer.
        agent: false,
        // IP literals are connected to as they are (and were vetted as they are).
        ...(addresses ? { lookup: pinnedLookup(addresses) as never } : {}),
        ...(options.ca !== undefined ? { ca: options.ca as string | string[] } : {}),
        rejectUnauthorized: true,
        signal,
      },
      (response) => {
        answered = true;
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && status !== 304) {
          response.resume();
          const location = response.headers.location;
          settle(location ? { kind: 'redirect', location } : { kind: 'refused', code: 'http_status', detail: `${status} without Location` });
          return;
        }
        if (status !== 200) {
          response.resume();
          settle({ kind: 'refused', code: 'http_status', detail: String(status) });
          return;
        }
        void readBody(response, options.maxBytes ?? DEFAULT_MAX_BYTES).then(settle);
      },
    );
    request.on('error', (err) => {
      if (answered) return;
      const errno = errnoOf(err);
      if (signal.aborted) settle({ kind: 'refused', code: 'timeout', detail: errno });
      else settle({ kind: 'refused', code: TLS_ERRORS.test(errno) ? 'tls' : 'network', detail: errno });
    });
    request.end();
  });
}

/**
 * GETs `url` over HTTPS through the address guard (see the file's comment). Never throws: every
 * way it can end is an outcome with a code, `url` being the last one tried.
 */
export async function fetchGuarded(url: string, options: GuardedFetchOptions = {}): Promise<FetchOutcome> {
  const budget = AbortSignal.timeout(options.budgetMs ?? DEFAULT_FETCH_BUDGET_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, budget]) : budget;
  const port = options.port ?? 443;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const ended = (current: string): FetchOutcome => ({ ok: false, code: options.signal?.aborted ? 'aborted' : 'timeout', url: current });

  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop += 1) {
    let parsed: URL;
    try {
      parsed = new URL(current);
    } catch {
      return { ok: false, code: 'invalid_url', url: current };
    }
    if (parsed.protocol !== 'https:') return { ok: false, code: 'not_https', url: current };
    if (parsed.username || parsed.password) return { ok: false, code: 'invalid_url', detail: 'credentials in URL', url: current };
    if ((parsed.port === '' ? 443 : Number(parsed.port)) !== port) return { ok: false, code: 'wrong_port', detail: parsed.port, url: current };
    if (signal.aborted) return ended(current);

    const guard = await guardHost(parsed.hostname, {
      servers: options.servers,
      resolver: options.resolver,
      signal,
      // The guard's own DNS budget; the fetch's deadline bounds it as well.
      budgetMs: options.budgetMs ?? DEFAULT_FETCH_BUDGET_MS,
      allow: options.allow,
    });
    if (!guard.ok) {
      if (guard.code === 'aborted' || guard.code === 'timeout') return ended(current);
      return { ok: false, code: 'guard', detail: `${guard.code}${guard.detail ? ` ${guard.detail}` : ''}`, url: current };
    }
    const result = await oneHop(parsed, guard.servername ? guard.addresses : undefined, options, signal);
    if (result.kind === 'body') return { ok: true, body: result.body, contentType: result.contentType, url: current };
    if (result.kind === 'refused') {
      // A body cut short by the deadline is the deadline's doing, whatever the socket said.
      if (result.code === 'timeout' || signal.aborted) return ended(current);
      return { ok: false, code: result.code, ...(result.detail ? { detail: result.detail } : {}), url: current };
    }
    try {
      current = new URL(result.location, parsed).toString();
    } catch {
      return { ok: false, code: 'invalid_url', detail: 'bad Location', url: current };
    }
  }
  return { ok: false, code: 'too_many_redirects', url: current };
}
