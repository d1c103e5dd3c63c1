import { NETEASE_ID } from '@/lib/providers/netease-main-domain';
import type { MailProvider } from '@/lib/providers/types';

// The providers step 1 offers to pick, and what picking one does to the address typed so far.
// Free of the providers' data: the chooser in the browser imports `withDomain`.

/**
 * What the address field holds once `domain` is picked: the part before the "@" is kept. An
 * empty `domain` (a provider of company domains) leaves the part after the "@" for the user.
 */
export function withDomain(typed: string, domain: string): string {
  const at = typed.lastIndexOf('@');
  const local = (at === -1 ? typed : typed.slice(0, at)).trim();
  return `${local}@${domain}`;
}

/**
 * NetEase first, then every provider with a guide of its own and domains to prefill, then the
 * providers of companies' own domains (NetEase enterprise): picking one of those fills in no
 * domain but shows its steps while the user types the company address.
 */
export function chooserProviders(providers: readonly MailProvider[]): MailProvider[] {
  const netease = providers.filter((p) => p.id === NETEASE_ID);
  const others = providers.filter((p) => p.id !== NETEASE_ID && p.guide);
  return [...netease, ...others.filter((p) => p.domains.length > 0), ...others.filter((p) => p.domains.length === 0 && p.customDomains)];
}
