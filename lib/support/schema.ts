import { z } from '@/lib/zod';
import type { ActionResult } from '@/lib/actions/result';
import { WIZARD_STEPS } from '@/lib/wizard/steps';

// The support console's forms, shared by the client forms and the actions that parse them again,
// and what those actions answer. Complaints are issue codes; the forms word them
// (SUPPORT_MESSAGES), so one schema serves both languages.

/** A code as people type or paste it: `123 456`, `123-456`, full-width digits. */
export function normalizeHelpCode(input: string): string | null {
  const digits = input.normalize('NFKC').replace(/[\s\-－—·.]/g, '');
  return /^[0-9]{6}$/.test(digits) ? digits : null;
}

/** What the support forms say no to, as issue codes. */
export type SupportIssue = 'help_code.invalid' | 'step.invalid';

const HELP_CODE_INVALID = { error: 'help_code.invalid' satisfies SupportIssue };

export const helpCodeSchema = z.object({
  code: z
    .string(HELP_CODE_INVALID)
    .max(40, HELP_CODE_INVALID)
    .refine((value) => normalizeHelpCode(value) !== null, HELP_CODE_INVALID),
});

export type HelpCodeValues = z.infer<typeof helpCodeSchema>;

export const suggestStepSchema = z.object({
  sessionId: z.string().max(64),
  step: z.enum(WIZARD_STEPS as [string, ...string[]], { error: 'step.invalid' satisfies SupportIssue }),
});

export type SuggestStepValues = z.infer<typeof suggestStepSchema>;

type Refused = Record<never, never>;

/**
 * Entering a customer's help code: on success the action opens their progress page (a
 * redirect), so only failures come back. `forbidden`: the caller is not staff.
 */
export type EnterHelpCodeResult = ActionResult<never, { forbidden: Refused; not_found: Refused; rate_limited: Refused }, 'code'>;

/** Sending "go to step N": sent, or why not (`ended`: the customer stopped sharing). */
export type SuggestStepResult = ActionResult<null, { forbidden: Refused; not_found: Refused; ended: Refused }, 'sessionId' | 'step'>;
