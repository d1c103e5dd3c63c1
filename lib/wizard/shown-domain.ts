import { NETEASE_PERSONAL } from '@/lib/providers/netease';
import { DEFAULT_SHOWN_DOMAIN, shownDomainOf, type AddressView, type ShownDomain } from './default-domain';
import { useWizardLogic } from './logic-loader';
import { useSessionStore } from './session-store';
import { addressStore, domainDiscoveryStore, providerChoiceStore } from './stores';

// Which provider the steps are about: the one the typed address names, else the one picked from
// the chooser, else NetEase (the server HTML's default, so hydration always matches).

export const DEFAULT_PROVIDER_ID = NETEASE_PERSONAL.id;

export interface ShownState {
  view: AddressView;
  shown: ShownDomain;
  /** The provider whose steps to show; `shown.provider.id` once detection has run. */
  providerId: string;
  logic: ReturnType<typeof useWizardLogic>;
}

/** `typed`: another field's address (the code form's); the shared address by default. */
export function useShownDomain(typed?: string): ShownState {
  const stored = useSessionStore(addressStore);
  const choice = useSessionStore(providerChoiceStore);
  const discovery = useSessionStore(domainDiscoveryStore);
  const address = typed ?? stored;
  const logic = useWizardLogic(address !== '' || choice !== '');
  let view: AddressView = address.trim() === '' ? { kind: 'empty' } : logic ? logic.viewAddress(address) : { kind: 'pending' };
  // A domain no provider lists, whose MX records named one (a company domain on NetEase enterprise).
  const hostedBy = discovery?.result?.status === 'provider' && view.kind === 'unknown' && discovery.domain === view.domain ? discovery.result : null;
  if (hostedBy && logic) view = logic.viewAddressHostedBy(address, hostedBy.providerId);
  const chosen = choice && logic ? logic.chosenDomain(choice) : undefined;
  const shown = shownDomainOf(view, chosen);
  // Before detection arrives, a choice already decides the steps; the address decides after.
  const providerId = view.kind === 'known' ? view.domain.provider.id : choice || (shown === DEFAULT_SHOWN_DOMAIN ? DEFAULT_PROVIDER_ID : shown.provider.id);
  return { view, shown, providerId, logic };
}

/** The id of the provider whose steps are shown. */
export function useActiveProviderId(): string {
  return useShownDomain().providerId;
}
