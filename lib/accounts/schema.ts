import { z } from '@/lib/zod';
import { createManualServerSchema, type ManualServerSchemaOptions } from '@/lib/discovery/manual';
import { createAuthCodeSchema } from '@/lib/providers/auth-code';
import { createMailAddressSchema } from '@/lib/providers/detect';
import type { SecretKind } from '@/lib/providers/types';
import type { Locale } from '@/lib/i18n/locale';
import type { InvalidFieldErrors } from '@/lib/wizard/types';

// The wizard's submit ("connect this mailbox"), shared by the client form (zodResolver) and
// the server action (safeParse). No server-only imports: the browser bundle loads this file.

/** The largest alternative server set index a form may ask for; provider data has far fewer. */
const MAX_ALTERNATIVE = 15;

/**
 * Address (normalised, lower-cased), code, optionally which alternative server set to check,
 * and, for a domain no provider hosts, the servers the user typed (manual setup). The server
 * decides whether `manual` is used: a provider's own data always wins over it.
 *
 * The code is cleaned as `secretKind` says (a code loses spaces and full-width forms, a
 * password keeps them). The browser passes the kind of the provider the address names; the
 * server action passes none, because which provider hosts a domain may take an MX lookup:
 * the code then leaves the schema as typed (but for its ends), and the check cleans it as its
 * provider's secret once detection has run.
 *
 * `manual` is passed to the manual server schema: the server action names the hosts that may use
 * any port (MAIL_MANUAL_ALLOW_HOSTS); the browser, which cannot see that list, passes nothing.
 */
export function createConnectMailboxSchema(locale: Locale = 'zh', secretKind?: SecretKind, manual: ManualServerSchemaOptions = {}) {
  return z.object({
    address: createMailAddressSchema(locale),
    code: createAuthCodeSchema(locale, secretKind),
    alternative: z
      .union([
        z.number(),
        // Form data arrives as text; an empty field means "the usual servers", not set 0.
        z.literal('').transform(() => undefined),
        z.string().trim().regex(/^\d{1,2}$/).transform(Number),
      ])
      .pipe(z.number().int().min(0).max(MAX_ALTERNATIVE).optional())
      .optional(),
    manual: createManualServerSchema(locale, manual).optional(),
  });
}

export const connectMailboxSchema = createConnectMailboxSchema('zh');

/** What the form holds before parsing. */
export type ConnectMailboxInput = z.input<ReturnType<typeof createConnectMailboxSchema>>;
/** What the server action works with after parsing. */
export type ConnectMailboxValues = z.output<ReturnType<typeof createConnectMailboxSchema>>;

const MANUAL_FIELDS = ['imapHost', 'imapPort', 'imapTls', 'smtpHost', 'smtpPort', 'smtpTls'] as const;

/**
 * The schema's complaints as the wizard shows them: per field, the manual server fields flat
 * (`manual.imapHost` → `imapHost`), and a bad alternative as the form's message. A `manual`
 * that is not an object at all is put on the first server field.
 */
export function connectFieldErrors(error: z.ZodError<ConnectMailboxInput>): { fieldErrors: InvalidFieldErrors; formError?: string } {
  const fieldErrors: InvalidFieldErrors = {};
  let formError: string | undefined;
  const add = (field: keyof InvalidFieldErrors, message: string) => {
    (fieldErrors[field] ??= []).push(message);
  };
  for (const issue of error.issues) {
    const [top, nested] = issue.path;
    if (top === 'address' || top === 'code') add(top, issue.message);
    else if (top === 'alternative') formError ??= issue.message;
    else if (top === 'manual') {
      const field = MANUAL_FIELDS.find((f) => f === nested) ?? 'imapHost';
      add(field, issue.message);
    } else formError ??= issue.message;
  }
  return { fieldErrors, ...(formError !== undefined ? { formError } : {}) };
}
