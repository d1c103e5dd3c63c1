import { z } from 'zod';
import { createAuthCodeSchema } from '@/lib/providers/auth-code';
import { createMailAddressSchema } from '@/lib/providers/detect';
import type { Locale } from '@/lib/providers/types';

/**
 * The code form's fields, shared by the client form (react-hook-form + zodResolver) and the
 * server action (`safeParse`, every time). Messages are in `locale`.
 */
export function createConnectMailboxSchema(locale: Locale) {
  return z.object({
    address: createMailAddressSchema(locale),
    code: createAuthCodeSchema(locale),
    alternative: z.number().int().min(0).optional(),
  });
}

export type ConnectMailboxSchema = ReturnType<typeof createConnectMailboxSchema>;
/** What the form holds: the text as typed. */
export type ConnectMailboxFields = z.input<ConnectMailboxSchema>;
/** What passes validation: the address normalised, the code cleaned. */
export type ConnectMailboxValues = z.output<ConnectMailboxSchema>;
