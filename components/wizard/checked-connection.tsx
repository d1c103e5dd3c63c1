'use client';

import { ConnectionSummary } from '@/components/accounts/connection-summary';
import { shownAddress } from '@/lib/discovery/idn';
import type { Locale } from '@/lib/i18n/locale';
import { useSessionStore } from '@/lib/wizard/client/session-store';
import { addressStore, type ShownResult } from '@/lib/wizard/client/stores';

// The result step's view of a passing check (components/wizard/result-view.tsx renders these):
// the mailbox as the reader typed it, and what the client will get from its servers.

type Checked = Extract<ShownResult, { status: 'checked' }>;

/**
 * The address a result is about, its domain as the reader typed it (例子.公司, not xn--…) while
 * that is still the address typed; else as the server normalised it.
 */
export function AddressAsTyped({ address }: { address: string }) {
  const typed = useSessionStore(addressStore);
  return <>{shownAddress(address, typed)}</>;
}

/**
 * Push or polling, the servers and ports, and the login name when both servers took the same one
 * and it is not the address (manual setup's); where the two differ by design (iCloud: the local
 * part for IMAP, the address for SMTP) the provider's steps already say so.
 */
export function CheckedConnection({ result, locale }: { result: Checked; locale: Locale }) {
  const { imap, smtp } = result;
  if (!imap.ok || !smtp.ok) return null;
  const loginName = imap.loginName !== undefined && imap.loginName === smtp.loginName && imap.loginName !== result.address ? imap.loginName : undefined;
  return (
    <ConnectionSummary
      locale={locale}
      imap={imap.endpoint}
      smtp={smtp.endpoint}
      {...(imap.delivery !== undefined ? { delivery: imap.delivery } : {})}
      {...(loginName !== undefined ? { loginName } : {})}
    />
  );
}
