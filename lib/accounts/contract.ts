import type { ActionResult } from '@/lib/actions/result';
import type { ManualServerInput } from '@/lib/discovery/manual';
import type { LockoutReason, ProtocolCheckResult } from '@/lib/mail-check/types';

// The contract between the wizard's code form (a client component) and the server action that
// checks a mailbox and saves it (app/actions.ts `connectMailbox`). Type-only, so the client
// bundle gains nothing from it.

/**
 * What the form sends: the fields of the shared schema (lib/accounts/schema.ts), which the action
 * parses again. `code` never comes back.
 */
export interface ConnectMailboxRequest {
  address: string;
  code: string;
  /**
   * Index into the detected domain's `alternatives` (0 = the 163.com servers); absent = the
   * address's own servers. Sent only when the reader picked the fallback after a failed check:
   * nothing switches to it on its own (see lib/wizard/fallback-offer.ts).
   */
  alternative?: number;
  /**
   * The servers typed for manual setup, for an address no provider hosts. Ignored for an address
   * a provider hosts; each host is resolved and vetted on the server before anything connects.
   */
  manual?: ManualServerInput;
}

/**
 * One protocol's outcome as the browser sees it. `ProtocolCheckResult` already carries nothing
 * secret (the server's words are redacted, `detail` never holds the code) and has `durationMs`,
 * so it travels as it is.
 */
export type ProtocolView = ProtocolCheckResult;

/** Why a check was not run: the limits' reasons. */
export type RefusalReason = LockoutReason;

/**
 * The fields a complaint can name. The manual server fields are flat (`imapHost`, not
 * `manual.imapHost`), the login name among them; a host the address guard refused is reported
 * on its field too.
 */
export type ConnectField = 'address' | 'code' | 'imapHost' | 'imapPort' | 'imapTls' | 'smtpHost' | 'smtpPort' | 'smtpTls' | 'loginName';

/**
 * Both checks ran. `address`: the mailbox checked, normalised (the result outlives what is
 * typed, so whatever it offers is for this address only). `passed` only when both halves did;
 * `saved` only when the account was stored. `alternative`: the fallback server set the reader
 * picked for this check (an index into the provider's `alternatives`); absent when the
 * address's own servers were used.
 */
export interface MailboxChecked {
  address: string;
  passed: boolean;
  imap: ProtocolView;
  smtp: ProtocolView;
  saved: boolean;
  alternative?: number;
}

/**
 * The wizard's submit, answered: `data` once both checks ran (passed or not); `invalid` with
 * complaints per field (the form words their issue codes); `signed_out` when nothing was checked
 * because nobody is signed in; `refused` when the lockout would not run a check (`retryAt`: an
 * ISO 8601 instant).
 */
export type ConnectMailboxResult = ActionResult<
  MailboxChecked,
  { signed_out: Record<never, never>; refused: { reason: RefusalReason; retryAt: string } },
  ConnectField
>;

/** The connect form's action, passed to it by the page (app/page.tsx). */
export type ConnectMailboxAction = (input: ConnectMailboxRequest) => Promise<ConnectMailboxResult>;
