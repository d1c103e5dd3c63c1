import type { Localized } from '@/lib/i18n/locale';

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

export type MailProtocol = keyof MailEndpoints;

// iCloud logs in to IMAP with the local part but to SMTP with the full address, so the
// form is chosen per protocol rather than once per provider.
export type UsernameForm = 'address' | 'local_part';

export type UsernameForms = {
  imap: UsernameForm;
  smtp: UsernameForm;
  pop3?: UsernameForm;
  // The public record disagrees on iCloud's IMAP login name (ISPDB says the local part, users
  // report the full address). The check tries `imap` first and this form only after the
  // server refused the first one's login, once.
  imapFallback?: UsernameForm;
};

// Stable codes for failures a provider's own words identify. The UI translates the code;
// the server text is shown alongside it, never instead of it.
export type KnownFailureCode =
  | 'auth_failed'
  | 'unsafe_login'
  | 'smtp_not_enabled'
  | 'sender_rejected'
  | 'ip_banned'
  | 'content_flagged'
  // QQ names this case outright: the account's own password was used where the code belongs.
  | 'password_instead_of_code'
  // QQ's one reply for five causes, rate limiting among them: the user must wait before the
  // next attempt, which is what sets it apart from auth_failed.
  | 'auth_failed_or_limited'
  // The account only accepts logins from listed IP addresses (an enterprise administrator's
  // restriction, Sohu's whitelist mode), and our server is not on the list.
  | 'ip_not_allowed'
  // The server belongs to another server group than the one hosting the domain (NetEase
  // enterprise): another host set, not another code, fixes it.
  | 'wrong_server_group';

/**
 * Failures the check tells from the connection itself (lib/mail-check/types.ts FailureCode):
 * from the transport, or from what the protocol's own reply codes say (RFC 5530 response codes,
 * SMTP reply codes) where no provider text says more.
 */
export type ConnectionFailureCode =
  | 'no_auth_offered'
  // The server could not take a login just now (IMAP [UNAVAILABLE], [LIMIT], [INUSE],
  // [SERVERBUG]; SMTP 4xx at AUTH): it said nothing about the code.
  | 'server_busy'
  // The server refused how we tried to log in before judging the code: encryption first
  // (SMTP 530, IMAP [PRIVACYREQUIRED]), or a stronger or different mechanism (534, 538).
  | 'auth_setup_failed'
  // SMTP did not log in because IMAP's LOGIN was not accepted: a wrong code costs one refused
  // login, not two. Says nothing of its own; the IMAP result is the diagnosis.
  | 'not_attempted'
  | 'tls_failed'
  | 'timeout'
  | 'unreachable'
  | 'aborted'
  | 'unexpected';

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
  /** Characters in a well-formed code, separators not counted. */
  length: number;
  /** Printed between groups (iCloud: `xxxx-xxxx-xxxx-xxxx`); neither counted nor required. */
  separator?: string;
  /**
   * `letters` (the default): ASCII letters only, so digits or symbols hint at a typed
   * password. `any`: only the length is on record.
   */
  alphabet?: 'letters' | 'any';
}

/**
 * `code`: made by the provider in a known format (letters, digits, a separator), so spaces,
 * line breaks, invisible characters and full-width forms that come with a copy are not part of
 * it and are cleaned away. `password`: chosen by a person or of unknown format, so it is sent
 * exactly as typed; only a line break or invisible character at either end is dropped.
 */
export type SecretKind = 'code' | 'password';

export interface CredentialSpec {
  name: Localized;
  /** How what the user types becomes what is sent (lib/providers/auth-code.ts `cleanSecret`). */
  kind: SecretKind;
  /** Absent when the public record says nothing reliable about the format. */
  format?: CodeFormat;
  /** The provider shows the code a single time, so the UI must say "copy it now". */
  shownOnce: boolean;
  /** What the account needs before the provider will make a code (iCloud: two-factor authentication). */
  prerequisite?: Localized;
  /** The user gives each code a name when making it (NetEase enterprise). */
  named?: boolean;
  /** Each code has an expiry date, chosen when it is made (NetEase enterprise). */
  expires?: boolean;
}

/**
 * The steps every provider's guide has, in order. The ids are the setup guide's anchors and
 * the wizard's step ids; a diagnosis sends the user back to one of them, whatever the provider.
 */
export type GuideStepId = 'core-parameters-configuration' | 'access-settings' | 'enable-service-and-get-code' | 'configure-in-client';

export const GUIDE_STEP_IDS: readonly GuideStepId[] = [
  'core-parameters-configuration',
  'access-settings',
  'enable-service-and-get-code',
  'configure-in-client',
];

/** One step of a provider's guide, as data the wizard renders. */
export interface ProviderGuideStep {
  id: GuideStepId;
  title: Localized;
  /** What to do, naming the provider's own buttons and menus. */
  instruction: Localized;
  /** Where on the provider's pages this happens; absent for steps done in our app. */
  location?: Localized;
  /** What the user sees when the step went right, so they know they may go on. */
  outcome: Localized;
  /** The page to open for this step. */
  url?: string;
  /**
   * The step written out at length, with drawings of the provider's own screens (NetEase's). The
   * wizard shows it in place of instruction, location and outcome, which stay as its summary.
   */
  written?: WrittenGuideStep;
}

/** Drawings of a provider's own screens (components/illustrations), by the name of their figure. */
export type GuideFigure = 'webmail' | 'switches' | 'sms' | 'code' | 'client' | 'status';

/**
 * One piece of a step written out at length. Words are keys of the provider's written guide
 * (lib/i18n/messages/written-guides.ts), so this data carries none and no client bundle carries
 * them. Numbered lists continue their numbering through the step, as the drawings' call-outs do.
 */
export type GuideBlock<Key extends string = string> =
  // `lead` opens the step; `plain` and `muted` are the smaller print around it.
  | { kind: 'text'; tone: 'lead' | 'plain' | 'muted'; text: Key }
  | { kind: 'steps'; items: Key }
  | { kind: 'figure'; figure: GuideFigure }
  // What the reader must not miss; `id` ties its title to it for assistive technology.
  | { kind: 'warning'; id: string; title: Key; text: Key }
  // The webmail of the address typed in step 1; the provider's other confirmed webmails.
  | { kind: 'webmail-link'; text: Key }
  | { kind: 'other-webmails'; text: Key }
  // The provider's settings path (`MailProvider.settingsPath`), after a label.
  | { kind: 'settings-path'; text: Key };

/** A step written out at length: `Key` narrows the words it may name to its own. */
export interface WrittenGuideStep<Key extends string = string> {
  body: readonly GuideBlock<Key>[];
  /** Shown under the code form, on the step that has one. */
  afterForm?: readonly GuideBlock<Key>[];
}

export interface HelpLink {
  label: Localized;
  url: string;
}

/** A provider's own wording for a failure whose general diagnosis would mislead its users. */
export interface DiagnosisOverride {
  title?: Localized;
  explanation?: Localized;
  checklist?: readonly Localized[];
  guideStep?: GuideStepId;
}

/**
 * Servers for addresses on the customer's own domain (NetEase enterprise): there is no list
 * of domains, so a domain is matched to the provider by its MX hosts and then given these.
 */
export interface CustomDomainHosting {
  endpoints: MailEndpoints;
  alternatives: readonly MailEndpoints[];
  /** A domain whose MX host is one of these or under one of them is hosted here. */
  mxHostSuffixes: readonly string[];
  webmailUrl: string;
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
  /** Empty for a provider that hosts only customers' own domains. */
  domains: readonly ProviderDomain[];
  customDomains?: CustomDomainHosting;
  usernameForm: UsernameForms;
  credential: CredentialSpec;
  /** Where in the webmail the credential is made. */
  settingsPath: Localized;
  /** Why alternatives exist and when to try them. */
  hostNote?: Localized;
  // NetEase lets LOGIN and LIST through but refuses SELECT until the client sends RFC 2971
  // ID after logging in, so a login-only check would pass an account that cannot read mail.
  requiresIdAfterLogin: boolean;
  /**
   * SMTP still logs in after IMAP refused the login on the credentials, where the provider's one
   * IMAP refusal text cannot tell a wrong code from IMAP switched off and its SMTP answer can
   * (QQ). Every other provider's SMTP logs in only after IMAP accepted: one refused login per
   * wrong code (lib/mail-check/run-check.ts). Never for a provider that bans IPs (NetEase).
   */
  smtpLoginAfterImapRefusal?: boolean;
  knownErrors: readonly KnownServerError[];
  // The fields below are for the wizard and the diagnosis. They are optional so that a
  // provider assembled at runtime (practice mode) needs only what the check itself uses; every
  // provider in the registry has them (registry.test.ts holds it to that).
  /** The four guide steps, in GUIDE_STEP_IDS order, in this provider's words. */
  guide?: readonly ProviderGuideStep[];
  helpLinks?: readonly HelpLink[];
  /** Facts about this provider the user should know before and while setting up. */
  notes?: readonly Localized[];
  /** What this data assumes rather than knows; the UI says so instead of stating it as fact. */
  assumptions?: readonly Localized[];
  /** Where the general diagnosis of a code would mislead this provider's users. */
  diagnoses?: Partial<Record<KnownFailureCode | ConnectionFailureCode, DiagnosisOverride>>;
}
