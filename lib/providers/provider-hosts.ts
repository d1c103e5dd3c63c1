import type { EndpointOverrides } from '@/lib/env';
import { HOSTED_MAIL_SERVICES, isInZone } from './hosted-mail';
import { findProviderByDomain, PROVIDERS, providerEndpointSets } from './registry';
import type { MailProvider } from './types';

// Which provider a mail server's name belongs to. Manual setup dials what the user typed under
// the 'manual' id, which knows no provider's texts, limits or rules; a provider's server typed
// there would be logged in to without them (and with NetEase, every refused login brings our
// server's address closer to a ban for all users). So a typed host that is a provider's is
// refused before anything is dialled, and the form points to that provider's own steps.
//
// A provider owns the zones its servers live in (imap.163.com → 163.com, hwhzimap.qiye.163.com
// → qiye.163.com) and its mail domains (qq.com, icloud.com), not only the exact hosts in its
// data: the provider's certificates cover its whole zone, so any name in it (pop.163.com,
// imap2.qq.com) would pass the TLS check and reach its login. The longest zone decides, so
// NetEase Enterprise's qiye.163.com is not NetEase personal mail's 163.com. A company service
// with servers inside a provider's zone (Tencent Exmail's exmail.qq.com) keeps them.
// Data only, no server-only imports: the manual-setup guess avoids these hosts in the browser.

export interface ProviderHostZone {
  zone: string;
  provider: MailProvider;
}

const normalise = (host: string) => host.trim().toLowerCase().replace(/\.$/, '');

const IP_LITERAL = /^[\d.]+$|:/;

/** The zone a server lives in: its name without the first label, unless that leaves one label. */
function zoneOfServer(host: string): string {
  const parent = host.slice(host.indexOf('.') + 1);
  return parent.includes('.') ? parent : host;
}

/** Every provider's zones, from its data: its mail domains and the parents of its server names. */
export function providerHostZones(providers: readonly MailProvider[] = PROVIDERS): ProviderHostZone[] {
  const zones = new Map<string, MailProvider>();
  const add = (zone: string, provider: MailProvider) => {
    const owner = zones.get(zone);
    // Two providers in one zone is a data bug that would silently pick a winner.
    if (owner && owner !== provider) throw new Error(`Host zone ${zone} is claimed by ${owner.id} and ${provider.id}`);
    zones.set(zone, provider);
  };
  for (const provider of providers) {
    for (const { domain } of provider.domains) add(domain, provider);
    for (const set of providerEndpointSets(provider)) {
      for (const endpoint of [set.imap, set.smtp, set.pop3]) {
        if (endpoint && !IP_LITERAL.test(endpoint.host)) add(zoneOfServer(normalise(endpoint.host)), provider);
      }
    }
  }
  return [...zones].map(([zone, provider]) => ({ zone, provider }));
}

const ZONES = providerHostZones();
const SERVICE_ZONES = HOSTED_MAIL_SERVICES.flatMap((service) => service.hostZones);

/** Whose server a host name is: a provider's, a company service's (one inside a provider's zone too), or no one's we know. */
type HostOwner = { kind: 'provider'; provider: MailProvider } | { kind: 'service' } | { kind: 'none' };

function ownerOfHost(host: string): HostOwner {
  const name = normalise(host);
  if (name === '' || IP_LITERAL.test(name)) return { kind: 'none' };
  let best: ProviderHostZone | undefined;
  for (const entry of ZONES) {
    if (isInZone(name, entry.zone) && (!best || entry.zone.length > best.zone.length)) best = entry;
  }
  const longest = best?.zone.length ?? 0;
  if (SERVICE_ZONES.some((zone) => zone.length > longest && isInZone(name, zone))) return { kind: 'service' };
  return best ? { kind: 'provider', provider: best.provider } : { kind: 'none' };
}

/**
 * The provider whose server `host` is (any case, trailing dot or not): the provider of the
 * longest zone it lies in, unless a company service's zone is longer still. Undefined for a
 * host no provider owns, and for IP literals (which no provider's data names).
 */
export function findProviderOfHost(host: string): MailProvider | undefined {
  const owner = ownerOfHost(host);
  return owner.kind === 'provider' ? owner.provider : undefined;
}

export interface TypedServer {
  /** As parsed by the manual-setup schema. */
  host: string;
  port: number;
  /** The names `host` is an alias of (its CNAME chain), when it was resolved. */
  aliases?: readonly string[];
}

export interface ServerOwner {
  provider: MailProvider;
  /** The name that gave it away: the typed host, or the alias it points to. */
  host: string;
}

/**
 * The provider a typed server belongs to: by its name or a name it is an alias of, following the
 * chain only until it enters a company service's zone (lib/providers/hosted-mail.ts); and, where
 * MAIL_ENDPOINT_OVERRIDES points a provider's domain at test servers, by being one of those
 * (host and port as the override names them). Undefined when no provider owns it.
 */
export function findServerOwner(server: TypedServer, overrides?: EndpointOverrides): ServerOwner | undefined {
  const names: string[] = [];
  for (const name of [server.host, ...(server.aliases ?? [])].map(normalise)) {
    const owner = ownerOfHost(name);
    if (owner.kind === 'provider') return { provider: owner.provider, host: name };
    // A chain that enters a company service's zone is that service's servers, whatever names
    // follow: Tencent Exmail's imap.exmail.qq.com may well be an alias of QQ Mail's machines,
    // but the logins it takes are the company's, under the company's rules, not QQ Mail's.
    if (owner.kind === 'service') break;
    names.push(name);
  }
  for (const [domain, entry] of Object.entries(overrides ?? {})) {
    const provider = findProviderByDomain(domain)?.provider;
    if (!provider) continue;
    for (const endpoint of [entry.imap, entry.smtp]) {
      if (!endpoint || endpoint.port !== server.port) continue;
      const name = names.find((n) => n === normalise(endpoint.host));
      if (name) return { provider, host: name };
    }
  }
  return undefined;
}
