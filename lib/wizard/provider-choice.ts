import type { MailProvider } from '@/lib/providers/types';
import { NETEASE_PERSONAL } from '@/lib/providers/netease';

// The providers step 1 offers to pick, and what picking one does to the address typed so far.

/** What the address field holds once `domain` is picked: the part before the "@" is kept. */
export function withDomain(typed: string, domain: string): string {
  const at = typed.lastIndexOf('@');
  const local = (at === -1 ? typed : typed.slice(0, at)).trim();
  return `${local}@${domain}`;
}

/**
 * NetEase first, then every provider with a guide of its own and domains to prefill. A provider
 * of customers' own domains only (NetEase enterprise) has nothing to prefill, so it is not listed.
 */
export function chooserProviders(providers: readonly MailProvider[]): MailProvider[] {
  return [NETEASE_PERSONAL, ...providers.filter((p) => p.id !== NETEASE_PERSONAL.id && p.guide && p.domains.length > 0)];
}
