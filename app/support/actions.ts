'use server';

import { redirect } from 'next/navigation';
import { z } from '@/lib/zod';
import { getLocale } from '@/lib/i18n/server';
import { SUPPORT_MESSAGES } from '@/lib/i18n/messages/support';
import { currentStaffMember } from '@/lib/support/access';
import { enterHelpCode, suggestStep } from '@/lib/support/console';
import { createHelpCodeSchema, createSuggestStepSchema, type EnterHelpCodeState, type SuggestStepState } from '@/lib/support/schema';
import type { WizardStep } from '@/lib/wizard/steps';

// The support console's actions. Each parses its input again and asks lib/support/access.ts
// whether the caller is staff: a customer or a visitor calling them gets `forbidden` and
// nothing is read or written.

/** A staff member enters a customer's help code; on success, their progress page opens. */
export async function enterHelpCodeAction(input: unknown): Promise<EnterHelpCodeState> {
  const locale = await getLocale();
  const text = SUPPORT_MESSAGES[locale].home.errors;
  const parsed = createHelpCodeSchema(locale).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const caller = await currentStaffMember();
  if (!caller) return { ok: false, fieldErrors: {}, formError: text.forbidden };
  const result = await enterHelpCode(caller.db, caller.staff, parsed.data.code);
  if (!result.ok) {
    return result.reason === 'invalid'
      ? { ok: false, fieldErrors: { code: [text.invalid] } }
      : { ok: false, fieldErrors: {}, formError: text[result.reason] };
  }
  redirect(`/support/sessions/${result.sessionId}`);
}

/** Sends "go to step N" to the customer of a session the caller entered. */
export async function suggestStepAction(input: unknown): Promise<SuggestStepState> {
  const locale = await getLocale();
  const text = SUPPORT_MESSAGES[locale].session.suggestErrors;
  const parsed = createSuggestStepSchema(locale).safeParse(input);
  if (!parsed.success) return { ok: false, formError: text.invalid };
  const caller = await currentStaffMember();
  if (!caller) return { ok: false, formError: text.forbidden };
  const result = await suggestStep(caller.db, caller.staff, parsed.data.sessionId, parsed.data.step as WizardStep);
  return result === 'sent' ? { ok: true } : { ok: false, formError: text[result] };
}
