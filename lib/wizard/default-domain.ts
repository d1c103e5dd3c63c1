import { NETEASE_MAIN_DOMAIN, NETEASE_MAIN_PROVIDER, type ShownProvider } from '@/lib/providers/netease-main-domain';
import type { DomainInfo, MailEndpoints, MailProvider } from '@/lib/providers/types';
import type { Localized } from '@/lib/i18n/locale';

// What the wizard shows for the address typed so far. Until an address names a known domain,
// the steps show NetEase's main domain (163.com), which is what most readers have. Free of
// zod and of the providers' full data, so the first paint and hydration never wait for the
// validation code.

export interface ShownDomain {
  /** A provider's full data once detection has run; the copy of NetEase's before. */
  provider: ShownProvider;
  info: DomainInfo;
  endpoints: MailEndpoints;
  alternatives: readonly MailEndpoints[];
}

const { endpoints, alternatives, ...defaultInfo } = NETEASE_MAIN_DOMAIN;

export const DEFAULT_SHOWN_DOMAIN: ShownDomain = { provider: NETEASE_MAIN_PROVIDER, info: defaultInfo, endpoints, alternatives };

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
