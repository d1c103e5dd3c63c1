import { NETEASE_ID } from '@/lib/providers/netease-main-domain';
import { DEFAULT_SHOWN_DOMAIN, shownDomainOf, type AddressView, type ShownDomain } from '@/lib/wizard/default-domain';
import { useWizardLogic } from './logic-loader';
import { createSessionStore, useSessionStore } from './session-store';
import { addressStore, domainDiscoveryStore, providerChoiceStore } from './stores';
import type { DomainDiscoveryResult } from '@/lib/discovery/contract';

// Which provider the steps are about: the one the typed address names, else the one picked from
// the chooser, else NetEase (the server HTML's default, so hydration always matches).

export const DEFAULT_PROVIDER_ID = NETEASE_ID;

export interface ShownState {
  view: AddressView;
  shown: ShownDomain;
  /** The provider whose steps to show; `shown.provider.id` once detection has run. */
  providerId: string;
  logic: ReturnType<typeof useWizardLogic>;
  /** Set when the address's domain is one no provider hosts, as far as its MX records tell: the servers are typed by hand. */
  manual: Extract<DomainDiscoveryResult, { status: 'not_found' }> | null;
}

// Manual setup's servers come with the validation code (lib/wizard/client/manual-draft-store.ts);
// until it is here there is no manual setup and so no servers typed.
const NO_MANUAL_DRAFT = createSessionStore<null>({ key: null, initial: null });

/** The servers typed for manual setup, once the validation code (which keeps them) is here. */
export function useManualDraft(logic: ReturnType<typeof useWizardLogic>) {
  return useSessionStore(logic?.manualDraftStore ?? NO_MANUAL_DRAFT);
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
  if (hostedBy && logic) view = logic.viewAddressHostedBy(address, hostedBy.providerId, hostedBy.firstImapHost);
  // A domain whose MX records named no provider (or could not be read): manual setup.
  const manual = discovery?.result?.status === 'not_found' && view.kind === 'unknown' && discovery.domain === view.domain ? discovery.result : null;
  const draft = useManualDraft(logic);
  const chosen = choice && logic ? logic.chosenDomain(choice) : undefined;
  // Set only once detection has run, so the validation code (with manual setup's data) is here.
  const shown = manual && logic ? logic.manualShownDomain(manual.domain, draft) : shownDomainOf(view, chosen);
  // Before detection arrives, a choice already decides the steps; the address decides after.
  const providerId =
    view.kind === 'known' || manual ? shown.provider.id : choice || (shown === DEFAULT_SHOWN_DOMAIN ? DEFAULT_PROVIDER_ID : shown.provider.id);
  return { view, shown, providerId, logic, manual };
}

/** The id of the provider whose steps are shown. */
export function useActiveProviderId(): string {
  return useShownDomain().providerId;
}
