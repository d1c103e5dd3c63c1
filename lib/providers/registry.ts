import { NETEASE_PERSONAL } from './netease';
import type { KnownServerError, MailProtocol, MailProvider, ProviderDomain } from './types';

// Adding a provider means adding its data object here; nothing else branches on providers.
export const PROVIDERS: readonly MailProvider[] = [NETEASE_PERSONAL];

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

/** `domain` must already be normalised (lower case, ASCII), as `normalizeAddress` returns it. */
export function findProviderByDomain(domain: string): ProviderMatch | undefined {
  return BY_DOMAIN.get(domain);
}

export function getProvider(id: string): MailProvider | undefined {
  return PROVIDERS.find((provider) => provider.id === id);
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
