import { ICLOUD_MAIL } from './icloud';
import { MANUAL_PROVIDER } from './manual';
import { NETEASE_PERSONAL } from './netease';
import { NETEASE_ENTERPRISE } from './netease-enterprise';
import { QQ_MAIL } from './qq';
import { SOHU_MAIL } from './sohu';
import type { KnownServerError, MailEndpoints, MailProtocol, MailProvider, ProviderDomain } from './types';

// Adding a provider means adding its data object here; nothing else branches on providers.
export const PROVIDERS: readonly MailProvider[] = [NETEASE_PERSONAL, QQ_MAIL, SOHU_MAIL, ICLOUD_MAIL, NETEASE_ENTERPRISE];

export interface ProviderMatch {
  provider: MailProvider;
  domain: ProviderDomain;
}

function indexByDomain(providers: readonly MailProvider[]): ReadonlyMap<string, ProviderMatch> {
  const index = new Map<string, ProviderMatch>();
  for (const provider of providers) {
    for (const domain of provider.domains) {
      // Two providers claiming one domain is a data bug that would silently pick a winner.
      if (index.has(domain.domain)) {
        throw new Error(`Mail domain ${domain.domain} is listed by more than one provider`);
      }
      index.set(domain.domain, { provider, domain });
    }
  }
  return index;
}

const BY_DOMAIN = indexByDomain(PROVIDERS);

// Providers registered while the process runs (practice mode's loopback servers), only for as
// long as they are registered. Process-wide on globalThis, because Next.js bundles the code that
// starts practice mode and the code that runs checks separately.
const RUNTIME = Symbol.for('mailbox-onboarding.runtime-providers');

function runtimeProviders(): Map<string, MailProvider> {
  const holder = globalThis as { [RUNTIME]?: Map<string, MailProvider> };
  return (holder[RUNTIME] ??= new Map());
}

/**
 * Adds a provider for as long as the process runs or until the returned function is called.
 * Its id and domains must not clash with the registry's, so it can never shadow a real provider.
 */
export function registerRuntimeProvider(provider: MailProvider): () => void {
  if (PROVIDERS.some((p) => p.id === provider.id) || provider.id === MANUAL_PROVIDER.id || provider.domains.some((d) => BY_DOMAIN.has(d.domain))) {
    throw new Error(`Runtime provider ${provider.id} clashes with a registered provider`);
  }
  const providers = runtimeProviders();
  providers.set(provider.id, provider);
  return () => {
    if (providers.get(provider.id) === provider) providers.delete(provider.id);
  };
}

export function listRuntimeProviders(): readonly MailProvider[] {
  return [...runtimeProviders().values()];
}

/** `domain` must already be normalised (lower case, ASCII), as `normalizeAddress` returns it. */
export function findProviderByDomain(domain: string): ProviderMatch | undefined {
  const match = BY_DOMAIN.get(domain);
  if (match) return match;
  for (const provider of runtimeProviders().values()) {
    const found = provider.domains.find((d) => d.domain === domain);
    if (found) return { provider, domain: found };
  }
  return undefined;
}

/**
 * A provider by id: the registry's, manual setup's (`manual`, which is in no list because it
 * names no domains and no servers of its own), or one registered at run time.
 */
export function getProvider(id: string): MailProvider | undefined {
  if (id === MANUAL_PROVIDER.id) return MANUAL_PROVIDER;
  return PROVIDERS.find((provider) => provider.id === id) ?? runtimeProviders().get(id);
}

/**
 * The provider hosting customers' own domains whose mail goes to `mxHost` (an MX record's
 * target, any case, trailing dot or not): `mx1.qiye.163.com` → NetEase enterprise.
 */
export function findProviderByMxHost(mxHost: string): MailProvider | undefined {
  const host = mxHost.trim().toLowerCase().replace(/\.$/, '');
  return PROVIDERS.find((provider) =>
    provider.customDomains?.mxHostSuffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`)),
  );
}

/** Every server set in a provider's data: per domain, for custom domains, and the alternatives. */
export function providerEndpointSets(provider: MailProvider): MailEndpoints[] {
  const sets = provider.domains.flatMap((domain) => [domain.endpoints, ...domain.alternatives]);
  if (provider.customDomains) sets.push(provider.customDomains.endpoints, ...provider.customDomains.alternatives);
  return sets;
}

export interface ServerReply {
  protocol: MailProtocol;
  text: string;
  replyCode?: number;
}

/** The provider's documented failure that this server reply matches, if any. */
export function matchKnownError(provider: MailProvider, reply: ServerReply): KnownServerError | undefined {
  const text = reply.text.toLowerCase();
  return provider.knownErrors.find(
    (known) =>
      known.protocol === reply.protocol &&
      (known.replyCode === undefined || reply.replyCode === undefined || known.replyCode === reply.replyCode) &&
      text.includes(known.match.toLowerCase()),
  );
}
