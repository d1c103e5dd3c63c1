import 'server-only';
import type { DnsOptions } from '@/lib/discovery/dns';
import { guessManualSettings } from '@/lib/discovery/manual';
import { discoverByMx } from '@/lib/discovery/mx';
import { env } from '@/lib/env';
import { normalizeAddress } from '@/lib/providers/detect';
import { findProviderByDomain, getProvider } from '@/lib/providers/registry';
import type { DomainDiscoveryResult } from './types';

/**
 * Step 1's question for an address on a domain no provider lists: do its MX records point to a
 * provider we know (NetEase enterprise for a company domain)? When they do not, the answer
 * carries the best guess at the servers for manual setup, made from the same MX answer. One DNS
 * lookup within the discovery budget; never throws.
 */
export async function discoverMailDomain(address: string, options: DnsOptions = {}): Promise<DomainDiscoveryResult> {
  const normalized = normalizeAddress(address);
  if (!normalized.ok) return { status: 'invalid' };
  const { domain } = normalized;
  const listed = findProviderByDomain(domain);
  if (listed) return { status: 'provider', domain, providerId: listed.provider.id, confirmed: listed.domain.confirmed };
  const mx = await discoverByMx(domain, { servers: env().MAIL_DNS_SERVERS, ...options });
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
