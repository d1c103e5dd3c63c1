import { decodeManualDraft, type ManualDraft } from '@/lib/wizard/manual-setup';
import { createSessionStore } from './session-store';

// Manual setup's servers as the tab keeps them. Apart from the wizard's other state
// (./stores.ts) because reading them back takes manual setup's code, which the first paint does
// not need: there is no manual setup before detection has run. The steps reach it through the
// validation code (./logic.ts); manual setup's own parts import it.

/**
 * The servers typed on step 1 for an address no provider hosts (manual setup), with what the
 * guess rested on. Kept for the tab like the address: hosts and ports, never anything secret.
 */
export const manualDraftStore = createSessionStore<ManualDraft | null>({
  key: 'wizard:manual',
  initial: null,
  decode: decodeManualDraft,
});
