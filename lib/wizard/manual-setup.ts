import { guessedLoginName } from '@/lib/discovery/login-name';
import type { GuessBasis, ManualGuess, ManualServerInput } from '@/lib/discovery/manual';
import type { MailEndpoints, MailProtocol, TlsMode } from '@/lib/providers/types';

// Manual setup's state in the wizard: what the server form on step 1 holds, kept for the tab so
// a reload or a trip through the steps loses nothing. Free of zod (the shared schema checks the
// values, loaded with the rest of the validation code), so the steps can read it at first paint.

export const MANUAL_FIELDS = ['imapHost', 'imapPort', 'imapTls', 'smtpHost', 'smtpPort', 'smtpTls', 'loginName'] as const;
export type ManualField = (typeof MANUAL_FIELDS)[number];

export type ManualProtocol = Extract<MailProtocol, 'imap' | 'smtp'>;

/** The form as typed: ports are text until the shared schema reads them. */
export interface ManualFormValues {
  imapHost: string;
  imapPort: string;
  imapTls: TlsMode;
  smtpHost: string;
  smtpPort: string;
  smtpTls: TlsMode;
  /** The login name when it is not the address; empty: the address. */
  loginName: string;
}

export interface ManualDraft {
  /** The mail domain the guess was made for. */
  domain: string;
  values: ManualFormValues;
  basis: GuessBasis;
  /** Other usual host names to offer, most likely first. */
  alternatives: { imap: string[]; smtp: string[] };
  /** A port typed by hand is not replaced by the usual one when the TLS mode changes. */
  portEdited: Record<ManualProtocol, boolean>;
  /** Something was typed: a guess for another domain no longer replaces the values. */
  edited: boolean;
  /** The guess's login name template (autoconfig's `<username>`), which the login name follows until typed over. */
  loginTemplate?: string;
  /** The login name was typed by hand: it no longer follows the address. */
  loginEdited: boolean;
}

/** The port each TLS mode usually runs on. */
export const USUAL_PORTS: Readonly<Record<ManualProtocol, Record<TlsMode, number>>> = {
  imap: { implicit: 993, starttls: 143 },
  smtp: { implicit: 465, starttls: 587 },
};

/** Server settings as the form's text fields hold them (ports as typed text). */
export const manualValuesAsText = (values: ManualServerInput): ManualFormValues => ({
  imapHost: values.imapHost,
  imapPort: String(values.imapPort),
  imapTls: values.imapTls,
  smtpHost: values.smtpHost,
  smtpPort: String(values.smtpPort),
  smtpTls: values.smtpTls,
  loginName: values.loginName ?? '',
});

/** The guess as a fresh draft; `address` (ASCII) fills in the login name its template gives. */
export function draftFromGuess(domain: string, guess: ManualGuess, address = ''): ManualDraft {
  return {
    domain,
    values: { ...manualValuesAsText(guess.values), loginName: address ? guessedLoginName(guess, address) : '' },
    basis: guess.basis,
    alternatives: { imap: guess.alternatives.imap.slice(0, 3), smtp: guess.alternatives.smtp.slice(0, 3) },
    portEdited: { imap: false, smtp: false },
    edited: false,
    ...(guess.loginTemplate !== undefined ? { loginTemplate: guess.loginTemplate } : {}),
    loginEdited: false,
  };
}

/**
 * The draft to show for `domain` once its guess is in: the stored one when it is for this domain
 * or was typed by hand (a corrected address keeps the servers typed), else the fresh guess. A
 * login name nobody typed follows `address` (ASCII) through the template: `li@…` logs in as `li`,
 * and once corrected to `wang@…`, as `wang`. The stored draft itself comes back when nothing changed.
 */
export function draftFor(stored: ManualDraft | null, domain: string, guess: ManualGuess, address = ''): ManualDraft {
  let draft: ManualDraft;
  if (stored && stored.domain === domain) draft = stored;
  else if (stored?.edited) draft = { ...stored, domain };
  else return draftFromGuess(domain, guess, address);
  if (draft.loginEdited || draft.loginTemplate === undefined || !address) return draft;
  const loginName = guessedLoginName({ loginTemplate: draft.loginTemplate }, address);
  return loginName === draft.values.loginName ? draft : { ...draft, values: { ...draft.values, loginName } };
}

const isTls = (value: unknown): value is TlsMode => value === 'implicit' || value === 'starttls';
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= 300;
const isTexts = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);
const BASES: readonly GuessBasis[] = ['published', 'provider', 'mx_host', 'mx_base_domain', 'domain', 'none'];

/**
 * Reads back what this code stored; anything else (a hand edit) is dropped. A draft stored before
 * there was a login name field has none: the address, as it was then.
 */
export function decodeManualDraft(stored: unknown): ManualDraft | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const draft = stored as Partial<Record<keyof ManualDraft, unknown>>;
  const values = draft.values as Partial<Record<ManualField, unknown>> | undefined;
  const alternatives = draft.alternatives as { imap?: unknown; smtp?: unknown } | undefined;
  const portEdited = draft.portEdited as { imap?: unknown; smtp?: unknown } | undefined;
  if (
    !isText(draft.domain) ||
    !values ||
    !isText(values.imapHost) ||
    !isText(values.imapPort) ||
    !isTls(values.imapTls) ||
    !isText(values.smtpHost) ||
    !isText(values.smtpPort) ||
    !isTls(values.smtpTls) ||
    !BASES.includes(draft.basis as GuessBasis) ||
    !alternatives ||
    !isTexts(alternatives.imap) ||
    !isTexts(alternatives.smtp) ||
    typeof portEdited?.imap !== 'boolean' ||
    typeof portEdited.smtp !== 'boolean' ||
    typeof draft.edited !== 'boolean' ||
    (values.loginName !== undefined && !isText(values.loginName)) ||
    (draft.loginTemplate !== undefined && !isText(draft.loginTemplate)) ||
    (draft.loginEdited !== undefined && typeof draft.loginEdited !== 'boolean')
  ) {
    return undefined;
  }
  return {
    domain: draft.domain,
    values: {
      imapHost: values.imapHost,
      imapPort: values.imapPort,
      imapTls: values.imapTls,
      smtpHost: values.smtpHost,
      smtpPort: values.smtpPort,
      smtpTls: values.smtpTls,
      loginName: typeof values.loginName === 'string' ? values.loginName : '',
    },
    basis: draft.basis as GuessBasis,
    alternatives: { imap: alternatives.imap, smtp: alternatives.smtp },
    portEdited: { imap: portEdited.imap, smtp: portEdited.smtp },
    edited: draft.edited,
    ...(typeof draft.loginTemplate === 'string' ? { loginTemplate: draft.loginTemplate } : {}),
    loginEdited: draft.loginEdited === true,
  };
}

/** The typed servers as the steps show them; undefined while a host or port is missing or not a number. */
export function draftEndpoints(values: ManualFormValues): MailEndpoints | undefined {
  const port = (text: string) => (/^\s*\d{1,5}\s*$/.test(text) ? Number(text) : undefined);
  const imapPort = port(values.imapPort);
  const smtpPort = port(values.smtpPort);
  const imapHost = values.imapHost.trim();
  const smtpHost = values.smtpHost.trim();
  if (!imapHost || !smtpHost || imapPort === undefined || smtpPort === undefined) return undefined;
  return {
    imap: { host: imapHost, port: imapPort, tls: values.imapTls },
    smtp: { host: smtpHost, port: smtpPort, tls: values.smtpTls },
  };
}

/** The first message per manual field of a server answer (in words); empty when none is about them. */
export function manualFieldErrors(fieldErrors: Readonly<Partial<Record<string, readonly string[]>>>): Partial<Record<ManualField, string>> {
  const errors: Partial<Record<ManualField, string>> = {};
  for (const field of MANUAL_FIELDS) {
    const message = fieldErrors[field]?.[0];
    if (message) errors[field] = message;
  }
  return errors;
}

/** The id of a manual field's input (a TLS mode's: its first radio), for focus and labels. */
export function manualFieldId(field: ManualField): string {
  if (field === 'loginName') return 'manual-login-name';
  const protocol = field.startsWith('imap') ? 'imap' : 'smtp';
  const part = field.slice(4).toLowerCase();
  return part === 'tls' ? `manual-${protocol}-tls-implicit` : `manual-${protocol}-${part}`;
}
