import 'server-only';
import { autoconfigUrls, fetchAutoconfig, type AutoconfigOutcome, type AutoconfigServer } from '@/lib/discovery/autoconfig';
import { withDnsSession, type DnsOptions } from '@/lib/discovery/dns';
import type { GuardedFetchOptions } from '@/lib/discovery/guarded-fetch';
import { fillLoginTemplate, loginNameProblem } from '@/lib/discovery/login-name';
import { baseDomain, guessManualSettings, publishedGuess, usablePublishedServer, type ManualGuess } from '@/lib/discovery/manual';
import { discoverByMx, type MxDiscovery } from '@/lib/discovery/mx';
import { lookupSrv, type SrvServers } from '@/lib/discovery/srv';
import { env, type AppEnv } from '@/lib/env';
import type { LimitDecision } from '@/lib/limits/address-limit';
import { normalizeAddress } from '@/lib/providers/detect';
import { findProviderByDomain, getProvider } from '@/lib/providers/registry';
import type { ServerEndpoint } from '@/lib/providers/types';
import type { DomainDiscovery, DomainDiscoveryResult } from '@/lib/discovery/contract';

// Step 1's question for an address on a domain no provider lists: where are its servers? The
// sources, in the order their answers count (issue 18), all started at once:
//   1. the provider table (no question asked);
//   2. the domain's MX records naming a provider we know (NetEase enterprise): the check on the
//      server decides by them too (lib/mail-check/check-mailbox.ts), so they outrank anything
//      the domain publishes, which the check would ignore for such a domain;
//   3. its RFC 6186 SRV records (srv.ts);
//   4. its own autoconfig file (autoconfig.ts), autoconfig.<domain> before .well-known;
//   5. the MX records again: a company mail service we list (hosted-mail.ts), else the autoconfig
//      file of the MX host's domain (started as soon as the MX answer is in);
//   6. our guess from the MX answer and the usual names (manual.ts).
// The answer is the first source in that order that found usable servers, given as soon as every
// source before it has settled: a slow source holds up only the sources after it, never those
// before, and each has a budget of its own. Servers a source names that manual setup would
// refuse (a provider's, a non-mail port) make that source count as empty.

/** The MX lookups' limit per client address and per signed-in user, from the MX_LOOKUP_* settings (.env.example). */
export function mxLookupRuleFrom(e: Pick<AppEnv, 'MX_LOOKUP_MAX_PER_WINDOW' | 'MX_LOOKUP_WINDOW_MINUTES'>) {
  return { prefix: 'mx_lookup', max: e.MX_LOOKUP_MAX_PER_WINDOW, windowSeconds: e.MX_LOOKUP_WINDOW_MINUTES * 60 };
}

/** The whole discovery's deadline: whatever has not answered by then counts as not found. */
export const DEFAULT_DISCOVERY_DEADLINE_MS = 6_000;
/** How long a domain's answer is kept when every source consulted answered for sure, and when one failed. */
export const CACHE_TTL_MS = 5 * 60_000;
export const CACHE_TTL_AFTER_FAILURE_MS = 30_000;

export interface DiscoverDomainOptions extends DnsOptions {
  /**
   * Takes the lookup's place in its limit (lib/limits/address-limit.ts), called only when a
   * source is about to be asked: an address on a listed domain, or a domain answered from the
   * cache, costs nothing. Left out: no limit.
   */
  takeLookup?: () => Promise<LimitDecision>;
  /**
   * How autoconfig files are fetched. Defaults from the environment: `allow` is
   * MAIL_MANUAL_ALLOW_HOSTS, `port` MAIL_AUTOCONFIG_PORT (both test seams refused in production).
   */
  fetch?: Pick<GuardedFetchOptions, 'allow' | 'port' | 'ca' | 'budgetMs' | 'maxBytes' | 'maxRedirects'>;
  /** Hosts a published server may name with any port (the test servers); default MAIL_MANUAL_ALLOW_HOSTS. */
  anyPortHosts?: readonly string[];
  /** The whole discovery's deadline; default 6 s. */
  deadlineMs?: number;
  /** Answers kept per domain; `null`: none kept, each call asks. Default: the process's. */
  cache?: DiscoveryCache | null;
}

/** A domain's answer, for any address at it (an autoconfig login name stays a template). */
interface Findings {
  discovery: DomainDiscovery;
  /** Every source the answer rests on answered for sure (no timeout or failure). */
  complete: boolean;
}

/**
 * Answers per domain for a few minutes, and one discovery at a time per domain: callers asking
 * while one runs share it. Per process: two instances each ask once.
 */
export class DiscoveryCache {
  readonly #entries = new Map<string, { expires: number; findings: Findings }>();
  readonly #running = new Map<string, Promise<Findings>>();

  constructor(
    private readonly maxEntries = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(domain: string): Findings | undefined {
    const entry = this.#entries.get(domain);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.findings;
    this.#entries.delete(domain);
    return undefined;
  }

  /** The running discovery for `domain`, or `work` started and kept until it settles. */
  share(domain: string, work: () => Promise<Findings>): Promise<Findings> {
    const running = this.#running.get(domain);
    if (running) return running;
    const started = work().then((findings) => {
      this.#keep(domain, findings);
      return findings;
    });
    this.#running.set(domain, started);
    void started.finally(() => this.#running.delete(domain)).catch(() => {});
    return started;
  }

  clear(): void {
    this.#entries.clear();
  }

  #keep(domain: string, findings: Findings): void {
    this.#entries.delete(domain);
    // The oldest entry goes first: a Map iterates in insertion order.
    while (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    this.#entries.set(domain, { expires: this.now() + (findings.complete ? CACHE_TTL_MS : CACHE_TTL_AFTER_FAILURE_MS), findings });
  }
}

const processCache = new DiscoveryCache();

/** The process's cache, for tests that need a clean start. */
export function discoveryCache(): DiscoveryCache {
  return processCache;
}

type Usable = { imap: ServerEndpoint[]; smtp: ServerEndpoint[] };

function usable(servers: { imap: readonly ServerEndpoint[]; smtp: readonly ServerEndpoint[] }, anyPort: (host: string) => boolean): Usable {
  const keep = (protocol: 'imap' | 'smtp') =>
    servers[protocol].flatMap((s) => {
      const server = usablePublishedServer(protocol, s, anyPort);
      return server ? [server] : [];
    });
  return { imap: keep('imap'), smtp: keep('smtp') };
}

/**
 * The `<username>` template of the first usable IMAP server (else SMTP's), when it is not the
 * address itself: manual setup has one login name for both. A template whose login name could
 * not be sent (a control character, far too long) is dropped: the form would only refuse it.
 */
function loginTemplateOf(servers: { imap: AutoconfigServer[]; smtp: AutoconfigServer[] }, chosen: Usable): string | undefined {
  const template = (protocol: 'imap' | 'smtp') => {
    const first = chosen[protocol][0];
    return servers[protocol].find((s) => s.host.toLowerCase().replace(/\.$/, '') === first?.host && s.port === first.port)?.username;
  };
  const found = template('imap') ?? template('smtp');
  if (found === undefined || found === '%EMAILADDRESS%') return undefined;
  return loginNameProblem(fillLoginTemplate(found, 'user@example.com')) === undefined ? found : undefined;
}

function autoconfigGuess(outcome: AutoconfigOutcome, publisher: string, anyPort: (host: string) => boolean): ManualGuess | undefined {
  if (!outcome.ok) return undefined;
  const chosen = usable(outcome.servers, anyPort);
  const loginTemplate = loginTemplateOf(outcome.servers, chosen);
  return publishedGuess(chosen, 'autoconfig', { publisher, ...(loginTemplate !== undefined ? { loginTemplate } : {}) });
}

// Outcomes that say nothing for sure: the answer may change on the next try.
const UNSURE_FETCH = new Set(['timeout', 'aborted', 'network']);
const fetchWasSure = (outcome: AutoconfigOutcome) => outcome.ok || !UNSURE_FETCH.has(outcome.code);
const mxWasSure = (mx: MxDiscovery) => mx.code !== 'timeout' && mx.code !== 'aborted' && mx.code !== 'dns_error';

function notFound(domain: string, mx: MxDiscovery, guess: ManualGuess): DomainDiscovery {
  const reason = mx.code === 'provider' ? 'unknown_provider' : mx.code === 'unknown_provider' || mx.code === 'no_mx' || mx.code === 'no_domain' ? mx.code : 'lookup_failed';
  return { status: 'not_found', domain, reason, guess };
}

/** Asks every source about `domain` (ASCII, no provider lists it) and settles on the first in order that found servers. */
async function findServers(domain: string, options: DiscoverDomainOptions): Promise<Findings> {
  const { fetch: fetchSettings, anyPortHosts, deadlineMs, signal: callerSignal, budgetMs, servers, resolver } = options;
  const dnsOptions: DnsOptions = {
    ...(budgetMs !== undefined ? { budgetMs } : {}),
    ...(servers !== undefined ? { servers } : {}),
    ...(resolver !== undefined ? { resolver } : {}),
  };
  const settings = env();
  const stop = new AbortController();
  const deadline = AbortSignal.timeout(deadlineMs ?? DEFAULT_DISCOVERY_DEADLINE_MS);
  const signal = AbortSignal.any([stop.signal, deadline, ...(callerSignal ? [callerSignal] : [])]);
  const dns = { servers: settings.MAIL_DNS_SERVERS, ...dnsOptions, signal };
  const anyPortList = anyPortHosts ?? settings.MAIL_MANUAL_ALLOW_HOSTS ?? [];
  const anyPort = (host: string) => anyPortList.includes(host);
  const port = fetchSettings?.port ?? settings.MAIL_AUTOCONFIG_PORT;
  const fetchOptions: GuardedFetchOptions = {
    allow: settings.MAIL_MANUAL_ALLOW_HOSTS ?? [],
    ...fetchSettings,
    ...(port !== undefined ? { port } : {}),
    servers: dns.servers,
    ...(dnsOptions.resolver ? { resolver: dnsOptions.resolver } : {}),
    signal,
  };
  const fetchFile = (publisherDomain: string) =>
    autoconfigUrls(publisherDomain, port).map((url) => fetchAutoconfig(url, domain, fetchOptions));

  // Everything starts now; the answers are read in order below.
  const mxAsked = discoverByMx(domain, dns);
  const srvAsked: Promise<SrvServers> = withDnsSession(dns, (session) => lookupSrv(session, domain));
  const ownFile = fetchFile(domain);
  // The MX host's domain's file, as soon as the MX answer names a server we know nothing about.
  const mxFile: Promise<{ publisher: string; outcomes: Promise<AutoconfigOutcome>[] } | undefined> = mxAsked.then((mx) => {
    if (mx.code !== 'unknown_provider') return undefined;
    const top = mx.mxHosts[0];
    if (!top || guessManualSettings(domain, mx).source === 'hosted_service') return undefined;
    const publisher = baseDomain(top);
    if (publisher === domain || publisher === baseDomain(domain)) return undefined;
    return { publisher, outcomes: fetchFile(publisher) };
  });

  try {
    const mx = await mxAsked;
    let complete = mxWasSure(mx);
    if (mx.code === 'provider' && getProvider(mx.providerId)) {
      const discovery: DomainDiscovery = {
        status: 'provider',
        domain,
        providerId: mx.providerId,
        confirmed: mx.confirmed,
        ...(mx.firstImapHost !== undefined ? { firstImapHost: mx.firstImapHost } : {}),
      };
      return { discovery, complete };
    }

    const srv = await srvAsked;
    complete &&= !srv.incomplete;
    const srvGuess = publishedGuess(usable(srv, anyPort), 'srv');
    if (srvGuess) return { discovery: notFound(domain, mx, srvGuess), complete };

    for (const asked of ownFile) {
      const outcome = await asked;
      complete &&= fetchWasSure(outcome);
      const guess = autoconfigGuess(outcome, domain, anyPort);
      if (guess) return { discovery: notFound(domain, mx, guess), complete };
    }

    const fallback = guessManualSettings(domain, mx);
    if (fallback.source === 'hosted_service') return { discovery: notFound(domain, mx, fallback), complete };
    const fromMx = await mxFile;
    for (const asked of fromMx?.outcomes ?? []) {
      const outcome = await asked;
      complete &&= fetchWasSure(outcome);
      const guess = autoconfigGuess(outcome, fromMx!.publisher, anyPort);
      if (guess) return { discovery: notFound(domain, mx, guess), complete };
    }
    return { discovery: notFound(domain, mx, fallback), complete };
  } finally {
    // Whatever is still running is not needed any more.
    stop.abort();
  }
}

/**
 * Step 1's question for an address on a domain no provider lists (see the file's comment). The
 * answer names the provider (MX), or carries manual setup's starting point with where it comes
 * from (`guess.source`). Never throws, except what `takeLookup` throws.
 */
export async function discoverMailDomain(address: string, options: DiscoverDomainOptions = {}): Promise<DomainDiscoveryResult> {
  const { takeLookup, cache = processCache } = options;
  const normalized = normalizeAddress(address);
  if (!normalized.ok) return { status: 'invalid' };
  const { domain } = normalized;
  const listed = findProviderByDomain(domain);
  if (listed) return { status: 'provider', domain, providerId: listed.provider.id, confirmed: listed.domain.confirmed };
  const cached = cache?.get(domain);
  if (cached) return cached.discovery;
  const taken = takeLookup ? await takeLookup() : { allowed: true as const };
  if (!taken.allowed) return { status: 'rate_limited', domain, retryAfterSeconds: taken.retryAfterSeconds };
  const findings = cache ? await cache.share(domain, () => findServers(domain, options)) : await findServers(domain, options);
  return findings.discovery;
}
