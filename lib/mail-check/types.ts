import type { ConnectionFailureCode, GuideStepId, KnownFailureCode, KnownServerError, MailEndpoints, ServerEndpoint } from '@/lib/providers/types';
import type { Localized } from '@/lib/i18n/locale';

// The vocabulary of a connection check. Kept free of runtime code so that client components
// and message catalogs can import it without pulling in sockets.

export type MailCheckProtocol = 'imap' | 'smtp';

/**
 * Where a check stopped. Connection set-up stages are shared by both protocols; the rest name
 * the command that was in flight.
 */
export type CheckStage =
  | 'connect'
  | 'tls'
  | 'greeting'
  | 'starttls'
  | 'login'
  | 'id'
  | 'examine'
  | 'ehlo'
  | 'auth'
  | 'mail_from';

/**
 * Stable failure codes: the provider texts that `lib/providers` recognises (`KnownFailureCode`),
 * and what a check can tell from the connection itself.
 */
export type FailureCode = KnownFailureCode | ConnectionFailureCode;

/** The steps of the setup guide a diagnosis can send the user back to (every provider has them). */
export type GuideStep = GuideStepId;

export interface Diagnosis {
  code: FailureCode;
  title: Localized;
  explanation: Localized;
  /** Things to check, most likely cause first. */
  checklist: Localized[];
  guideStep: GuideStep;
  /** The provider asks for a pause before the next attempt (QQ's rate limit): at least this long. */
  waitMinutes?: number;
}

/**
 * How new mail will reach the client, from the capabilities the IMAP server listed during the
 * check (no command of its own): `push` when IDLE is offered (RFC 2177: the server tells the
 * client at once), `polling` when the server listed its capabilities after the login without
 * IDLE (the client asks every few minutes), `unknown` when it listed none the check could go by
 * (NetEase lists none unless asked; a client asks at its own first connection).
 */
export type MailDelivery = 'push' | 'polling' | 'unknown';

export type ProtocolCheckResult =
  | {
      ok: true;
      durationMs: number;
      endpoint: ServerEndpoint;
      /** The login name the server accepted: where there are two forms to try, the one that worked. */
      loginName?: string;
      /** IMAP only: push or polling, as the check saw it (see MailDelivery). */
      delivery?: MailDelivery;
    }
  | {
      ok: false;
      durationMs: number;
      endpoint: ServerEndpoint;
      code: FailureCode;
      stage: CheckStage;
      /** The server's own words, with the authorization code replaced by `[redacted]`. */
      serverText?: string;
      /** Technical detail for support (an errno, a TLS error), never containing the code. */
      detail?: string;
      diagnosis: Diagnosis;
    };

export interface CheckReport {
  /** True only when both protocols passed. */
  ok: boolean;
  /** Wall time of the whole check, closing every socket included. */
  durationMs: number;
  imap: ProtocolCheckResult;
  /** `not_attempted` when IMAP's LOGIN was not accepted: then the IMAP result is the diagnosis. */
  smtp: ProtocolCheckResult;
  /**
   * A server said our IP is banned for failed logins (554 IP is rejected / 451 too much
   * fail). The lockout layer pauses every check to this provider when it sees it.
   */
  banSignal: boolean;
}

/** Why the limits (lib/mail-check/lockout.ts) refused a check before it dialled; the browser shows each. */
export type LockoutReason =
  | 'mailbox_locked'
  | 'provider_paused'
  | 'manual_limited'
  /** The user's own failures, all mailboxes together, reached their limit. */
  | 'account_limited'
  /** The provider's budget of refused logins is spent for now: the check waits. */
  | 'provider_busy'
  /** A check of this mailbox is running (any user, any instance). */
  | 'check_running'
  /** The user has as many checks running as they may. */
  | 'too_many_running';

/** RFC 2971 fields sent with IMAP ID. Values are plain strings; `null` leaves a field out. */
export type ImapClientInfo = Record<string, string | null>;

/**
 * Where a check's TCP connection goes instead of resolving the endpoint's host again: the
 * addresses the address guard vetted for a host the user typed (lib/discovery/address-guard.ts),
 * tried in order. The host name still names the server for TLS (SNI and the certificate check).
 */
export interface PinnedAddresses {
  addresses: readonly { address: string; family: 4 | 6 }[];
}

export interface MailCheckInput {
  /** The mailbox address; also the envelope sender for `MAIL FROM`. */
  address: string;
  /**
   * Login name, per protocol where they differ (iCloud logs in to IMAP with the local part and
   * to SMTP with the address). Default: the provider's names for the address, else the address.
   * `imapFallback` is tried once, only after the server refused the IMAP login.
   */
  username?: string | { imap?: string; smtp?: string; imapFallback?: string };
  /**
   * Whose texts, diagnoses and login-name rules apply. Defaults to the provider of the address's
   * domain; needed for a custom domain (NetEase enterprise), which no domain list names.
   */
  providerId?: string;
  /** The authorization code (or password). Never logged, never returned. */
  code: string;
  endpoints: MailEndpoints;
  /** Budget of the whole check, IMAP and SMTP running side by side. Default 15 000 ms. */
  timeoutMs?: number;
  /** Budget of each stage (TCP connect, TLS, greeting, each command). Default min(8 000, timeoutMs). */
  stageTimeoutMs?: number;
  /** ID fields sent after LOGIN. Defaults to this product's name and version. */
  clientInfo?: ImapClientInfo;
  /** Provider texts that map to stable codes; defaults to the provider's, else every provider's. */
  knownErrors?: readonly KnownServerError[];
  /** Cancels the check; it then ends with `aborted` at whatever stage it reached. */
  signal?: AbortSignal;
  /**
   * Servers a user typed (manual setup): connect only to these vetted addresses, per protocol.
   * Provider endpoints are dialled by name and need none.
   */
  pinned?: { imap: PinnedAddresses; smtp: PinnedAddresses };
}
