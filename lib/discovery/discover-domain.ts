import 'server-only';
import type { DnsOptions } from '@/lib/discovery/dns';
import { guessManualSettings } from '@/lib/discovery/manual';
import { discoverByMx } from '@/lib/discovery/mx';
import { env, type AppEnv } from '@/lib/env';
import type { LimitDecision } from '@/lib/limits/address-limit';
import { normalizeAddress } from '@/lib/providers/detect';
import { findProviderByDomain, getProvider } from '@/lib/providers/registry';
import type { DomainDiscoveryResult } from '@/lib/discovery/contract';

/** The MX lookups' limit per client address and per signed-in user, from the MX_LOOKUP_* settings (.env.example). */
export function mxLookupRuleFrom(e: Pick<AppEnv, 'MX_LOOKUP_MAX_PER_WINDOW' | 'MX_LOOKUP_WINDOW_MINUTES'>) {
  return { prefix: 'mx_lookup', max: e.MX_LOOKUP_MAX_PER_WINDOW, windowSeconds: e.MX_LOOKUP_WINDOW_MINUTES * 60 };
}

export interface DiscoverDomainOptions extends DnsOptions {
  /**
   * Takes the lookup's place in its limit (lib/limits/address-limit.ts), called only when DNS is
   * about to be asked: an address on a listed domain costs nothing. Left out: no limit.
   */
  takeLookup?: () => Promise<LimitDecision>;
}

/**
 * Step 1's question for an address on a domain no provider lists: do its MX records point to a
 * provider we know (NetEase enterprise for a company domain)? When they do not, the answer
 * carries the best guess at the servers for manual setup, made from the same MX answer. One DNS
 * lookup within the discovery budget; never throws, except what `takeLookup` throws.
 */
export async function discoverMailDomain(address: string, options: DiscoverDomainOptions = {}): Promise<DomainDiscoveryResult> {
  const { takeLookup, ...dnsOptions } = options;
  const normalized = normalizeAddress(address);
  if (!normalized.ok) return { status: 'invalid' };
  const { domain } = normalized;
  const listed = findProviderByDomain(domain);
  if (listed) return { status: 'provider', domain, providerId: listed.provider.id, confirmed: listed.domain.confirmed };
  const taken = takeLookup ? await takeLookup() : { allowed: true as const };
  if (!taken.allowed) return { status: 'rate_limited', domain, retryAfterSeconds: taken.retryAfterSeconds };
  const mx = await discoverByMx(domain, { servers: env().MAIL_DNS_SERVERS, ...dnsOptions });
  const guess = guessManualSettings(domain, mx);
  switch (mx.code) {
    case 'provider':
      // A rule naming a provider the registry lacks would be a data bug; say nothing rather than guess.
      // The server set to start with travels along, so the steps show the servers the check dials.
      return getProvider(mx.providerId)
        ? {
            status: 'provider',
            domain,
            providerId: mx.providerId,
            confirmed: mx.confirmed,
            ...(mx.firstImapHost !== undefined ? { firstImapHost: mx.firstImapHost } : {}),
          }
        : { status: 'not_found', domain, reason: 'unknown_provider', guess };
    case 'unknown_provider':
    case 'no_mx':
    case 'no_domain':
      return { status: 'not_found', domain, reason: mx.code, guess };
    default:
      return { status: 'not_found', domain, reason: 'lookup_failed', guess };
  }
}
