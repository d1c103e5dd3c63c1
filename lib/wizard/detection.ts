import { detectProvider, detectProviderById } from '@/lib/providers/detect';
import { listRuntimeProviders } from '@/lib/providers/registry';
import type { AddressView } from './default-domain';

// Every provider-dependent piece of the page asks on each render; one answer per typed text
// (and per set of run-time providers, which practice mode registers after first load).
let last: { typed: string; runtime: number; view: AddressView } | null = null;

/** The provider, servers and webmail for what is typed, as the steps show it. */
export function viewAddress(typed: string): AddressView {
  const runtime = listRuntimeProviders().length;
  if (last && last.typed === typed && last.runtime === runtime) return last.view;
  const view = detectAddress(typed);
  last = { typed, runtime, view };
  return view;
}

/**
 * The view of an address once its domain's MX records named `providerId` (a company domain),
 * starting with the server set their rule names (`firstImapHost`), as the check on the server does.
 */
export function viewAddressHostedBy(typed: string, providerId: string, firstImapHost?: string): AddressView {
  const detected = detectProviderById(typed, providerId, firstImapHost !== undefined ? { firstImapHost } : {});
  if (!detected.ok) return viewAddress(typed);
  return {
    kind: 'known',
    address: detected.address,
    domain: { provider: detected.provider, info: detected.domainInfo, endpoints: detected.endpoints, alternatives: detected.alternatives },
  };
}

function detectAddress(typed: string): AddressView {
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
