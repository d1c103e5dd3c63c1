import { z } from '@/lib/zod';
import { HELP_STEPS } from './steps';

// What the customer's browser may report while asking for help, and how it answers a
// suggestion. Parsed again on the server: the browser is never trusted.

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
