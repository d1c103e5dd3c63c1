'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import { enterHelpCode, suggestStep } from '@/lib/support/console';
import { helpCodeSchema, suggestStepSchema, type EnterHelpCodeResult, type SuggestStepResult } from '@/lib/support/schema';
import type { WizardStep } from '@/lib/wizard/steps';

// The support console's actions. Each parses its input again and asks lib/support/access.ts
// (through defineAction) whether the caller is staff: a customer or a visitor calling them gets
// `forbidden` and nothing is read or written.

/** A staff member enters a customer's help code; on success, their progress page opens. */
export const enterHelpCodeAction = defineAction(
  { schema: helpCodeSchema, access: 'staff' },
  async ({ db, staff, input }): Promise<EnterHelpCodeResult> => {
    const result = await enterHelpCode(db, staff, input.code);
    if (result.ok) redirect(`/support/sessions/${result.sessionId}`);
    return result.reason === 'invalid'
      ? { ok: false, code: 'invalid', fieldErrors: { code: ['help_code.invalid'] } }
      : { ok: false, code: result.reason };
  },
);

/** Sends "go to step N" to the customer of a session the caller entered. */
export const suggestStepAction = defineAction(
  { schema: suggestStepSchema, access: 'staff' },
  async ({ db, staff, input }): Promise<SuggestStepResult> => {
    const result = await suggestStep(db, staff, input.sessionId, input.step as WizardStep);
    return result === 'sent' ? { ok: true, data: null } : { ok: false, code: result };
  },
);
