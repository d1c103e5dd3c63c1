import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import type { Locale } from '@/lib/providers/types';
import { createConnectMailboxSchema, type ConnectMailboxInput, type ConnectMailboxValues } from '@/lib/accounts/schema';
import { getProvider } from '@/lib/providers/registry';
import { mainDomainOf, type ShownDomain } from './default-domain';

// Everything in the wizard that needs zod (detection and the code helpers import it with the
// shared schemas). Loaded on demand by logic-loader.ts, so the page hydrates without it.

export { assessAuthCode, normalizeAuthCode } from '@/lib/providers/auth-code';
export { viewAddress, viewAddressHostedBy } from './detection';

/** The main domain of the provider picked from the chooser, as the steps show it. */
export function chosenDomain(providerId: string): ShownDomain | undefined {
  const provider = getProvider(providerId);
  return provider ? mainDomainOf(provider) : undefined;
}

const resolvers = new Map<Locale, Resolver<ConnectMailboxInput, unknown, ConnectMailboxValues>>();

/** react-hook-form's resolver for the shared schema, messages in `locale`. */
export function connectMailboxResolver(locale: Locale): Resolver<ConnectMailboxInput, unknown, ConnectMailboxValues> {
  let resolver = resolvers.get(locale);
  if (!resolver) {
    resolver = zodResolver(createConnectMailboxSchema(locale));
    resolvers.set(locale, resolver);
  }
  return resolver;
}
