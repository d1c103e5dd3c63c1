import { z } from '@/lib/zod';
import type { ActionResult } from '@/lib/actions/result';
import type { CustomerHelpView } from './help-sessions';
import { HELP_STEPS } from './steps';

// What the customer's browser may report while asking for help, how it answers a suggestion,
// and what the help actions answer. Parsed again on the server: the browser is never trusted.

export const helpProgressSchema = z.strictObject({
  step: z.enum(HELP_STEPS as [string, ...string[]]).optional(),
  // As typed; the server keeps it only when it is a whole address.
  address: z.string().max(320).optional(),
  checking: z.boolean().optional(),
});

export const helpAnswerSchema = z.strictObject({
  seq: z.number().int().min(1).max(1_000_000),
  response: z.enum(['accepted', 'dismissed']),
});

export type HelpProgressInput = z.input<typeof helpProgressSchema>;
export type HelpAnswerInput = z.input<typeof helpAnswerSchema>;

/**
 * Asking for help: the request (a new one, or the one this browser already has), or why none
 * was started: too many from this address or user within the hour (`rate_limited`), or too many
 * waiting for staff already (`busy`). The panel words the refusal; it is never an error page.
 */
export type StartHelpResult = ActionResult<
  CustomerHelpView,
  { rate_limited: { retryAfterSeconds: number }; busy: Record<never, never> },
  never
>;

/** Ending the request, or answering a suggestion: the request as it is now. */
export type HelpViewResult = ActionResult<CustomerHelpView, Record<never, never>, keyof HelpAnswerInput>;
