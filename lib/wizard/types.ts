import type { ManualGuess, ManualServerInput } from '@/lib/discovery/manual';
import type { Locale } from '@/lib/i18n/locale';
import type { LockoutReason, ProtocolCheckResult } from '@/lib/mail-check/types';

// The contract between the wizard's code form (a client component) and the server action that
// checks the mailbox and saves it. Type-only, so the client bundle gains nothing from it.

/**
 * What the form sends: the output of the shared schema (lib/accounts/schema.ts), which the
 * action parses again. `code` is the normalised authorization code; it never comes back.
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
 * Messages per field. The manual server fields are flat (`imapHost`, not `manual.imapHost`); a
 * host the address guard refused is reported on its field too.
 */
export interface InvalidFieldErrors {
  address?: string[];
  code?: string[];
  imapHost?: string[];
  imapPort?: string[];
  imapTls?: string[];
  smtpHost?: string[];
  smtpPort?: string[];
  smtpTls?: string[];
}

export type SubmitResult =
  /** No session: nothing was checked; the wizard asks the user to sign in and come back. */
  | { status: 'signed_out' }
  /** The input failed the shared schema on the server; messages are already in the user's locale. */
  | { status: 'invalid'; fieldErrors: InvalidFieldErrors; formError?: string }
  /** The lockout refused to run a check; `retryAt` is an ISO 8601 instant. */
  | { status: 'refused'; reason: RefusalReason; retryAt: string }
  /**
   * Both checks ran. `address`: the mailbox checked, normalised (the result outlives what is
   * typed, so whatever it offers is for this address only). `ok` only when both passed; `saved`
   * only when the account was stored. `alternative`: the fallback server set the reader picked
   * for this check (an index into the provider's `alternatives`); absent when the address's own
   * servers were used.
   */
  | { status: 'checked'; address: string; ok: boolean; imap: ProtocolView; smtp: ProtocolView; saved: boolean; alternative?: number };

export type ConnectMailboxAction = (input: ConnectMailboxRequest) => Promise<SubmitResult>;

/**
 * What an address's MX records say about a domain no provider lists. Only a hint for the steps
 * shown: the check looks the records up again on the server.
 */
export type DomainDiscoveryResult =
  /** `firstImapHost`: the server set the domain's MX rule starts with (see detectProviderById), when it names one. */
  | { status: 'provider'; domain: string; providerId: string; confirmed: boolean; firstImapHost?: string }
  | {
      status: 'not_found';
      domain: string;
      reason: 'unknown_provider' | 'no_mx' | 'no_domain' | 'lookup_failed';
      /** Where manual setup starts: the servers guessed from the domain and its MX records. Absent when the lookup never answered. */
      guess?: ManualGuess;
    }
  /** Too many lookups from this address (or this user) lately: nothing was asked; try again after `retryAfterSeconds`. */
  | { status: 'rate_limited'; domain: string; retryAfterSeconds: number }
  | { status: 'invalid' };

export type DiscoverDomainAction = (address: string) => Promise<DomainDiscoveryResult>;

