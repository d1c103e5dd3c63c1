import type { MailEndpoints } from '@/lib/providers/types';
import type { ShownResult } from './client/stores';

// A provider's fallback servers (126.com and yeah.net → the 163.com set; NetEase enterprise →
// its other server group) are never tried on their own: each try is one more login the
// provider may refuse, and NetEase bans the IP that collects too many. So the wizard offers them
// only once a check of the address's own servers has failed, and dials them only after the
// reader picks them. The server counts that check like any other (lib/mail-check/check-mailbox.ts).

export type FallbackOffer =
  /** Nothing to offer: no fallback for this address, no check yet, the last one passed or its IMAP login did. */
  | { kind: 'none' }
  /** The last check failed on the address's own servers: the fallback may be picked now. */
  | { kind: 'offer'; index: number; fallback: MailEndpoints }
  /** The last check failed on the fallback the reader picked: going back stays possible. */
  | { kind: 'used'; index: number; fallback: MailEndpoints };

const NONE: FallbackOffer = { kind: 'none' };

/** The address typed now, normalised, and its provider's fallback sets; null while none is recognised. */
export interface CurrentAddress {
  address: string;
  alternatives: readonly MailEndpoints[];
}

/**
 * What the wizard may offer after `result` for the address typed now (`current`). Only a result
 * of that very address counts: the result outlives the typing (and a reload), and a failure of
 * a@126.com says nothing about b@126.com or b@yeah.net. Only the first fallback set is offered:
 * the one provider data names for the failure the alternatives exist for.
 */
export function fallbackOffer(result: ShownResult | null, current: CurrentAddress | null): FallbackOffer {
  if (result?.status !== 'checked' || result.ok) return NONE;
  if (!current || result.address !== current.address) return NONE;
  const { alternatives } = current;
  if (result.alternative === undefined) {
    // An IMAP login the own servers accepted shows they hold the account: whatever failed after
    // it (SMTP switched off, say), other servers would not fix it, only cost one more login.
    if (result.imap.ok) return NONE;
    const fallback = alternatives[0];
    return fallback ? { kind: 'offer', index: 0, fallback } : NONE;
  }
  const fallback = alternatives[result.alternative];
  return fallback ? { kind: 'used', index: result.alternative, fallback } : NONE;
}
