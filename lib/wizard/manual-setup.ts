import type { GuessBasis, ManualGuess, ManualServerInput } from '@/lib/discovery/manual';
import type { MailEndpoints, MailProtocol, TlsMode } from '@/lib/providers/types';

// Manual setup's state in the wizard: what the server form on step 1 holds, kept for the tab so
// a reload or a trip through the steps loses nothing. Free of zod (the shared schema checks the
// values, loaded with the rest of the validation code), so the steps can read it at first paint.

export const MANUAL_FIELDS = ['imapHost', 'imapPort', 'imapTls', 'smtpHost', 'smtpPort', 'smtpTls'] as const;
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
});

export function draftFromGuess(domain: string, guess: ManualGuess): ManualDraft {
  return {
    domain,
    values: manualValuesAsText(guess.values),
    basis: guess.basis,
    alternatives: { imap: guess.alternatives.imap.slice(0, 3), smtp: guess.alternatives.smtp.slice(0, 3) },
    portEdited: { imap: false, smtp: false },
    edited: false,
  };
}

/**
 * The draft to show for `domain` once its guess is in: the stored one when it is for this domain
 * or was typed by hand (a corrected address keeps the servers typed), else the fresh guess.
 */
export function draftFor(stored: ManualDraft | null, domain: string, guess: ManualGuess): ManualDraft {
  if (stored && stored.domain === domain) return stored;
  if (stored?.edited) return { ...stored, domain };
  return draftFromGuess(domain, guess);
}

const isTls = (value: unknown): value is TlsMode => value === 'implicit' || value === 'starttls';
const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= 300;
const isTexts = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);
const BASES: readonly GuessBasis[] = ['provider', 'mx_host', 'mx_base_domain', 'domain', 'none'];

/** Reads back what this code stored; anything else (an older format, a hand edit) is dropped. */
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
    typeof draft.edited !== 'boolean'
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
    },
    basis: draft.basis as GuessBasis,
    alternatives: { imap: alternatives.imap, smtp: alternatives.smtp },
    portEdited: { imap: portEdited.imap, smtp: portEdited.smtp },
    edited: draft.edited,
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
  const protocol = field.startsWith('imap') ? 'imap' : 'smtp';
  const part = field.slice(4).toLowerCase();
  return part === 'tls' ? `manual-${protocol}-tls-implicit` : `manual-${protocol}-${part}`;
}
