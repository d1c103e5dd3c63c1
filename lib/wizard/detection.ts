import { detectProvider } from '@/lib/providers/detect';
import type { AddressView } from './default-domain';

/** The provider, servers and webmail for what is typed, as the steps show it. */
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
