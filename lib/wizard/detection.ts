import { detectProvider } from '@/lib/providers/detect';
import { NETEASE_PERSONAL } from '@/lib/providers/netease';
import type { DomainInfo, MailEndpoints, MailProvider } from '@/lib/providers/types';

// What the wizard shows for the address typed so far. Until an address names a known domain,
// the steps show NetEase's main domain (163.com), which is what most readers have.

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
  | { kind: 'known'; address: string; domain: ShownDomain }
  | { kind: 'unknown'; address: string; domain: string }
  | { kind: 'invalid'; message: { zh: string; en: string } };

export function viewAddress(typed: string): AddressView {
  if (typed.trim() === '') return { kind: 'empty' };
  const detected = detectProvider(typed);
  if (detected.ok) {
    return {
      kind: 'known',
      address: detected.address,
      domain: {
        provider: detected.provider,
        info: detected.domainInfo,
        endpoints: detected.endpoints,
        alternatives: detected.alternatives,
      },
    };
  }
  if (detected.error === 'unknown_provider') return { kind: 'unknown', address: detected.address, domain: detected.domain };
  return { kind: 'invalid', message: detected.message };
}

/** The domain whose servers and webmail the steps show for this view. */
export function shownDomainOf(view: AddressView): ShownDomain {
  return view.kind === 'known' ? view.domain : DEFAULT_SHOWN_DOMAIN;
}
