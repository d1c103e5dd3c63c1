import { z } from '@/lib/zod';
import { SUPPORT_MESSAGES } from '@/lib/i18n/messages/support';
import type { Locale } from '@/lib/i18n/locale';
import { WIZARD_STEPS } from '@/lib/wizard/steps';

// The support console's forms, shared by the client forms and the actions that parse them again.

/** A code as people type or paste it: `123 456`, `123-456`, full-width digits. */
export function normalizeHelpCode(input: string): string | null {
  const digits = input.normalize('NFKC').replace(/[\s\-－—·.]/g, '');
  return /^[0-9]{6}$/.test(digits) ? digits : null;
}

export function createHelpCodeSchema(locale: Locale) {
  const message = SUPPORT_MESSAGES[locale].home.errors.invalid;
  return z.object({
    code: z
      .string()
      .max(40, message)
      .refine((value) => normalizeHelpCode(value) !== null, message),
  });
}

export type HelpCodeValues = z.infer<ReturnType<typeof createHelpCodeSchema>>;

export function createSuggestStepSchema(locale: Locale) {
  return z.object({
    sessionId: z.string().max(64),
    step: z.enum(WIZARD_STEPS as [string, ...string[]], SUPPORT_MESSAGES[locale].session.suggestErrors.invalid),
  });
}

export type SuggestStepValues = z.infer<ReturnType<typeof createSuggestStepSchema>>;

export type EnterHelpCodeState =
  | { ok: true }
  | { ok: false; fieldErrors: { code?: string[] }; formError?: string };

export type SuggestStepState = { ok: true } | { ok: false; formError: string };
