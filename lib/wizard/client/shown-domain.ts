import { MANUAL_PROVIDER } from '@/lib/providers/manual';
import { NETEASE_PERSONAL } from '@/lib/providers/netease';
import { DEFAULT_SHOWN_DOMAIN, shownDomainOf, type AddressView, type ShownDomain } from '@/lib/wizard/default-domain';
import { useWizardLogic } from './logic-loader';
import { draftEndpoints, type ManualDraft } from '@/lib/wizard/manual-setup';
import { useSessionStore } from './session-store';
import { addressStore, domainDiscoveryStore, manualDraftStore, providerChoiceStore } from './stores';
import type { DomainDiscoveryResult } from '@/lib/discovery/contract';

// Which provider the steps are about: the one the typed address names, else the one picked from
// the chooser, else NetEase (the server HTML's default, so hydration always matches).

export const DEFAULT_PROVIDER_ID = NETEASE_PERSONAL.id;

export interface ShownState {
  view: AddressView;
  shown: ShownDomain;
  /** The provider whose steps to show; `shown.provider.id` once detection has run. */
  providerId: string;
  logic: ReturnType<typeof useWizardLogic>;
  /** Set when the address's domain is one no provider hosts, as far as its MX records tell: the servers are typed by hand. */
  manual: Extract<DomainDiscoveryResult, { status: 'not_found' }> | null;
}

// Until the typed servers are complete, the steps show the usual ports with no host.
const EMPTY_ENDPOINTS = {
  imap: { host: '', port: 993, tls: 'implicit' },
  smtp: { host: '', port: 465, tls: 'implicit' },
} as const;

/** Manual setup's servers as the steps show them: those typed on step 1. */
function manualShownDomain(domain: string, draft: ManualDraft | null): ShownDomain {
  return {
    provider: MANUAL_PROVIDER,
    info: { domain, confirmed: true, name: MANUAL_PROVIDER.name, webmailUrl: '' },
    endpoints: (draft && draftEndpoints(draft.values)) ?? EMPTY_ENDPOINTS,
    alternatives: [],
  };
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
  const draft = useSessionStore(manualDraftStore);
  const chosen = choice && logic ? logic.chosenDomain(choice) : undefined;
  const shown = manual ? manualShownDomain(manual.domain, draft) : shownDomainOf(view, chosen);
  // Before detection arrives, a choice already decides the steps; the address decides after.
  const providerId =
    view.kind === 'known' || manual ? shown.provider.id : choice || (shown === DEFAULT_SHOWN_DOMAIN ? DEFAULT_PROVIDER_ID : shown.provider.id);
  return { view, shown, providerId, logic, manual };
}

/** The id of the provider whose steps are shown. */
export function useActiveProviderId(): string {
  return useShownDomain().providerId;
}
