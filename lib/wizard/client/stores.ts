import type { ManualField } from '@/lib/wizard/manual-setup';
import { createSessionStore } from './session-store';
import type { MailboxChecked, ProtocolView, RefusalReason } from '@/lib/accounts/contract';
import type { DomainDiscoveryResult } from '@/lib/discovery/contract';

// State the wizard's steps share. The address and the last result survive a reload in this tab;
// the authorization code lives only inside the code form and is never put in a store.

export const addressStore = createSessionStore<string>({
  key: 'wizard:address',
  initial: '',
  decode: (stored) => (typeof stored === 'string' ? stored : undefined),
});

/**
 * The provider picked from the chooser on step 1, by id ('' for none). It decides the steps only
 * while the address does not name a known provider itself; a recognised address always wins.
 */
export const providerChoiceStore = createSessionStore<string>({
  key: 'wizard:provider',
  initial: '',
  decode: (stored) => (typeof stored === 'string' ? stored : undefined),
});

/** The last MX lookup of step 1: its domain, and its answer once there (null while asked). Memory only. */
export const domainDiscoveryStore = createSessionStore<{ domain: string; result: DomainDiscoveryResult | null } | null>({
  key: null,
  initial: null,
});

// The servers typed for manual setup are kept in ./manual-draft-store.ts, which comes with the
// validation code: there is no manual setup before detection has run.

/** Why the last check did not run with those servers, per field (a host the server refused). Memory only. */
export const manualErrorsStore = createSessionStore<Partial<Record<ManualField, string>> | null>({ key: null, initial: null });

/**
 * The connect action's last answer as the result step shows it, and as the tab keeps it across a
 * reload: never `invalid`, which belongs to the form. `ok`: both checks passed.
 */
export type ShownResult =
  | { status: 'signed_out' }
  | { status: 'refused'; reason: RefusalReason; retryAt: string }
  | ({ status: 'checked'; ok: boolean } & Omit<MailboxChecked, 'passed'>);

const SHOWN_STATUSES: ReadonlySet<string> = new Set(['signed_out', 'refused', 'checked']);

/** Reads back what this code stored; anything of an older format is dropped. */
export function decodeShownResult(stored: unknown): ShownResult | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { status, address } = stored as { status?: unknown; address?: unknown };
  if (!SHOWN_STATUSES.has(String(status))) return undefined;
  // A check's result says which address it was for; one that does not cannot be matched to
  // what is typed now, and an offer made from it could be another address's.
  if (status === 'checked' && typeof address !== 'string') return undefined;
  return stored as ShownResult;
}

export const resultStore = createSessionStore<ShownResult | null>({ key: 'wizard:result', initial: null, decode: decodeShownResult });

/** The check in flight, for the progress rows of the code step and the result step. Memory only. */
export type CheckPhase =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; imap: ProtocolView; smtp: ProtocolView };

export const checkStore = createSessionStore<CheckPhase>({ key: null, initial: { phase: 'idle' } });

/**
 * Runs the code form's submit, registered by the form while it is mounted, so the result step's
 * "check again" reuses the code still held in the form (and only there). Memory only.
 */
export const checkRunner = createSessionStore<(() => void) | null>({ key: null, initial: null });

/**
 * The servers the reader picked for the next check: null for the address's own (the default),
 * else an index into its provider's fallback sets. Set only by the reader, from the choice the
 * wizard shows after a failed check of that same address (lib/wizard/fallback-offer.ts), and
 * back to null whenever the (normalised) address changes: a pick made after a@126.com failed
 * says nothing about b@126.com. Memory only: after a reload the next check uses the own servers.
 */
export const serverChoiceStore = createSessionStore<number | null>({ key: null, initial: null });

/** The moment checks may run again after a refusal, in ms since the epoch; 0 when not refused. */
export function retryAtOf(result: ShownResult | null): number {
  if (result?.status !== 'refused') return 0;
  const at = Date.parse(result.retryAt);
  return Number.isNaN(at) ? 0 : at;
}
