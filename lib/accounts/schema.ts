import { z } from '@/lib/zod';
import type { InvalidInput } from '@/lib/actions/result';
import { createManualServerSchema, type ManualServerSchemaOptions } from '@/lib/discovery/manual';
import type { MailboxIssue } from '@/lib/i18n/messages/issues';
import { authCodeSchema } from '@/lib/providers/auth-code';
import { normalizeAddress } from '@/lib/providers/detect';
import type { SecretKind } from '@/lib/providers/types';
import type { ConnectField } from './contract';

// The wizard's submit ("connect this mailbox"), shared by the client form (zodResolver) and
// the server action (safeParse). No server-only imports: the browser bundle loads this file.
// Complaints are issue codes (lib/i18n/messages/issues.ts), worded by the form that shows them,
// so one schema serves both languages.

/** The largest alternative server set index a form may ask for; provider data has far fewer. */
const MAX_ALTERNATIVE = 15;

/** The address, normalised (lower-cased), or `address.<problem>` as normalizeAddress names it. */
const addressField = z.string({ error: 'address.empty' satisfies MailboxIssue }).transform((input, ctx) => {
  const normalized = normalizeAddress(input);
  if (normalized.ok) return normalized.address;
  ctx.addIssue({ code: 'custom', message: `address.${normalized.problem}` satisfies MailboxIssue });
  return z.NEVER;
});

const ALTERNATIVE_ERROR = { error: 'alternative.unknown' satisfies MailboxIssue };
const alternativeField = z
  .union(
    [
      z.number(),
      // Form data arrives as text; an empty field means "the usual servers", not set 0.
      z.literal('').transform(() => undefined),
      z.string().trim().regex(/^\d{1,2}$/).transform(Number),
    ],
    ALTERNATIVE_ERROR,
  )
  .pipe(z.number(ALTERNATIVE_ERROR).int(ALTERNATIVE_ERROR).min(0, ALTERNATIVE_ERROR).max(MAX_ALTERNATIVE, ALTERNATIVE_ERROR).optional())
  .optional();

/**
 * Address (normalised, lower-cased), code, optionally which alternative server set to check,
 * and, for a domain no provider hosts, the servers the user typed (manual setup). The server
 * decides whether `manual` is used: a provider's own data always wins over it.
 *
 * The code is cleaned as `secretKind` says (a code loses spaces and full-width forms, a
 * password keeps them). The browser passes the kind of the provider the address names; the
 * server action passes none, because which provider hosts a domain may take an MX lookup:
 * the code then leaves the schema as typed (but for its ends), a TypedSecret, and the check
 * accepts it as its provider's secret once detection has run.
 *
 * `manual` is passed to the manual server schema: the server action names the hosts that may use
 * any port (MAIL_MANUAL_ALLOW_HOSTS); the browser, which cannot see that list, passes nothing.
 */
export function createConnectMailboxSchema(secretKind?: SecretKind, manual: ManualServerSchemaOptions = {}) {
  return z.object({
    address: addressField,
    code: authCodeSchema(secretKind),
    alternative: alternativeField,
    manual: createManualServerSchema(manual).optional(),
  });
}

/** The server action's schema, but for MAIL_MANUAL_ALLOW_HOSTS (the action adds it). */
export const connectMailboxSchema = createConnectMailboxSchema();

/** What the form holds before parsing. */
export type ConnectMailboxInput = z.input<ReturnType<typeof createConnectMailboxSchema>>;
/** What the schema gives: the address normalised, the servers parsed, the code cleaned as far as its kind is known. */
export type ConnectMailboxValues = z.output<ReturnType<typeof createConnectMailboxSchema>>;

const MANUAL_FIELDS = ['imapHost', 'imapPort', 'imapTls', 'smtpHost', 'smtpPort', 'smtpTls', 'loginName'] as const;

/**
 * The schema's complaints as the wizard shows them: per field, the manual server fields flat
 * (`manual.imapHost` → `imapHost`), and a bad alternative as the form's complaint. A `manual`
 * that is not an object at all is put on the first server field.
 */
export function connectFieldErrors(error: z.ZodError): InvalidInput<ConnectField> {
  const fieldErrors: InvalidInput<ConnectField>['fieldErrors'] = {};
  let formError: string | undefined;
  const add = (field: ConnectField, message: string) => {
    (fieldErrors[field] ??= []).push(message);
  };
  for (const issue of error.issues) {
    const [top, nested] = issue.path;
    if (top === 'address' || top === 'code') add(top, issue.message);
    else if (top === 'manual') {
      const field = MANUAL_FIELDS.find((f) => f === nested) ?? 'imapHost';
      add(field, issue.message);
    } else formError ??= issue.message;
  }
  return { ok: false, code: 'invalid', fieldErrors, ...(formError !== undefined ? { formError } : {}) };
}
