import { z } from 'zod';
import { createManualServerSchema } from '@/lib/discovery/manual';
import { createAuthCodeSchema } from '@/lib/providers/auth-code';
import { createMailAddressSchema } from '@/lib/providers/detect';
import type { Locale } from '@/lib/providers/types';

// The wizard's submit ("connect this mailbox"), shared by the client form (zodResolver) and
// the server action (safeParse). No server-only imports: the browser bundle loads this file.

/** The largest alternative server set index a form may ask for; provider data has far fewer. */
const MAX_ALTERNATIVE = 15;

/**
 * Address (normalised, lower-cased), code (spaces and invisible characters removed,
 * full-width letters folded), optionally which alternative server set to check, and, for a
 * domain no provider hosts, the servers the user typed (manual setup). The server decides
 * whether `manual` is used: a provider's own data always wins over it.
 */
export function createConnectMailboxSchema(locale: Locale = 'zh') {
  return z.object({
    address: createMailAddressSchema(locale),
    code: createAuthCodeSchema(locale),
    alternative: z
      .union([
        z.number(),
        // Form data arrives as text; an empty field means "the usual servers", not set 0.
        z.literal('').transform(() => undefined),
        z.string().trim().regex(/^\d{1,2}$/).transform(Number),
      ])
      .pipe(z.number().int().min(0).max(MAX_ALTERNATIVE).optional())
      .optional(),
    manual: createManualServerSchema(locale).optional(),
  });
}

export const connectMailboxSchema = createConnectMailboxSchema('zh');

/** What the form holds before parsing. */
export type ConnectMailboxInput = z.input<ReturnType<typeof createConnectMailboxSchema>>;
/** What the server action works with after parsing. */
export type ConnectMailboxValues = z.output<ReturnType<typeof createConnectMailboxSchema>>;
