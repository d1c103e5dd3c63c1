// The shape of provider data. Providers are described as data so that a new one is a new
// object, not a new branch in code.

export type TlsMode = 'implicit' | 'starttls';

export interface ServerEndpoint {
  host: string;
  port: number;
  tls: TlsMode;
}

export interface MailEndpoints {
  imap: ServerEndpoint;
  smtp: ServerEndpoint;
  pop3?: ServerEndpoint;
}

export type Localized = { zh: string; en: string };

export type Locale = keyof Localized;

export type MailProtocol = keyof MailEndpoints;

// iCloud logs in to IMAP with the local part but to SMTP with the full address, so the
// form is chosen per protocol rather than once per provider.
export type UsernameForm = 'address' | 'local_part';

export type UsernameForms = { imap: UsernameForm; smtp: UsernameForm; pop3?: UsernameForm };

// Stable codes for failures a provider's own words identify. The UI translates the code;
// the server text is shown alongside it, never instead of it.
export type KnownFailureCode =
  | 'auth_failed'
  | 'unsafe_login'
  | 'smtp_not_enabled'
  | 'sender_rejected'
  | 'ip_banned'
  | 'content_flagged';

export interface KnownServerError {
  protocol: MailProtocol;
  // Several NetEase failures share an SMTP reply code (554 is both a ban and a spam
  // verdict), so the text decides and the code only narrows.
  replyCode?: number;
  /** Matched case-insensitively as a substring of the server's reply. */
  match: string;
  failure: KnownFailureCode;
  /** The whole reply as it was observed, for documentation and tests. */
  sample: string;
}

export interface CodeFormat {
  /** ASCII letters in a well-formed code, separators not counted. */
  length: number;
  /** Printed between groups (iCloud: `xxxx-xxxx-xxxx-xxxx`); neither counted nor required. */
  separator?: string;
}

export interface CredentialSpec {
  name: Localized;
  /** Absent when the public record says nothing reliable about the format. */
  format?: CodeFormat;
  /** The provider shows the code a single time, so the UI must say "copy it now". */
  shownOnce: boolean;
}

export interface DomainInfo {
  domain: string;
  // `false` means the host pattern and webmail address are assumed from sibling domains,
  // not seen in a public source; the UI says so instead of presenting them as fact.
  confirmed: boolean;
  name: Localized;
  webmailUrl: string;
}

export interface ProviderDomain extends DomainInfo {
  endpoints: MailEndpoints;
  /** Other server sets a user or support agent may pick, most likely first. */
  alternatives: readonly MailEndpoints[];
}

export interface MailProvider {
  id: string;
  name: Localized;
  domains: readonly ProviderDomain[];
  usernameForm: UsernameForms;
  credential: CredentialSpec;
  /** Where in the webmail the credential is made. */
  settingsPath: Localized;
  /** Why alternatives exist and when to try them. */
  hostNote?: Localized;
  // NetEase lets LOGIN and LIST through but refuses SELECT until the client sends RFC 2971
  // ID after logging in, so a login-only check would pass an account that cannot read mail.
  requiresIdAfterLogin: boolean;
  knownErrors: readonly KnownServerError[];
}
