import { NETEASE_PERSONAL } from '@/lib/providers/netease';
import type { DomainInfo, MailEndpoints, MailProvider } from '@/lib/providers/types';
import type { Localized } from '@/lib/i18n/locale';

// What the wizard shows for the address typed so far. Until an address names a known domain,
// the steps show NetEase's main domain (163.com), which is what most readers have. Free of
// zod, so the first paint and hydration never wait for the validation code.

export interface ShownDomain {
  provider: MailProvider;
  info: DomainInfo;
  endpoints: MailEndpoints;
  alternatives: readonly MailEndpoints[];
}

const DEFAULT_DOMAIN = NETEASE_PERSONAL.domains[0];
if (!DEFAULT_DOMAIN) throw new Error('NetEase provider data lists no domains');

export const DEFAULT_SHOWN_DOMAIN: ShownDomain = {
  provider: NETEASE_PERSONAL,
  info: DEFAULT_DOMAIN,
  endpoints: DEFAULT_DOMAIN.endpoints,
  alternatives: DEFAULT_DOMAIN.alternatives,
};

export type AddressView =
  | { kind: 'empty' }
  /** Something is typed but the detection code has not arrived yet. */
  | { kind: 'pending' }
  | { kind: 'known'; address: string; domain: ShownDomain }
  | { kind: 'unknown'; address: string; domain: string }
  | { kind: 'invalid'; message: Localized };

/** The domain whose servers and webmail the steps show for this view; `chosen` (from the chooser) before an address is recognised. */
export function shownDomainOf(view: AddressView, chosen?: ShownDomain): ShownDomain {
  return view.kind === 'known' ? view.domain : (chosen ?? DEFAULT_SHOWN_DOMAIN);
}

/**
 * A provider's main domain as the steps show it (the first listed); for a provider of companies'
 * own domains, its usual servers under no domain yet (the address typed brings one); undefined
 * for a provider with neither.
 */
export function mainDomainOf(provider: MailProvider): ShownDomain | undefined {
  const main = provider.domains[0];
  if (!main) {
    const hosting = provider.customDomains;
    if (!hosting) return undefined;
    return {
      provider,
      info: { domain: '', confirmed: false, name: provider.name, webmailUrl: hosting.webmailUrl },
      endpoints: hosting.endpoints,
      alternatives: hosting.alternatives,
    };
  }
  const { endpoints, alternatives, ...info } = main;
  return { provider, info, endpoints, alternatives };
}
