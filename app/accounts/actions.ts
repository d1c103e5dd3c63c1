'use server';

import { revalidatePath } from 'next/cache';
import { z } from '@/lib/zod';
import type { InvalidInput } from '@/lib/actions/result';
import { defineAction } from '@/lib/actions/define-action';
import { checkAccountNow, deleteAccount, pauseAccount, replaceAccountCode, resumeAccount } from '@/lib/accounts/manage';
import type {
  AccountActionResult,
  AccountsActionResult,
  CheckNowActionResult,
  DeleteActionResult,
  PauseActionResult,
  ReplaceCodeActionResult,
} from '@/lib/accounts/view';
import { authCodeSchema } from '@/lib/providers/auth-code';

// The /accounts actions. Each one re-validates its input, needs a signed-in owner, and hands
// the owner's id to lib/accounts/manage.ts, which never finds another owner's account. An id
// of any shape is accepted here: a malformed one is just an id that names no account. The page
// is re-rendered after anything that changed an account.

// Any id: one of another shape names no account, and gets the same `not_found` as a stranger's.
const accountId = z.unknown().transform((id) => (typeof id === 'string' ? id : ''));

const NOT_FOUND = { ok: false, code: 'not_found' } as const;

/**
 * The use case's answer as the action's: the account (nothing, once deleted), or a failure with
 * what the card needs to word it. Each use case answers only its action's statuses (manage.ts
 * types them so), hence `R`.
 */
function answer<R extends AccountsActionResult>(result: AccountActionResult): R {
  let answered: AccountsActionResult;
  switch (result.status) {
    case 'done':
      answered = { ok: true, data: result.account };
      break;
    case 'deleted':
      answered = { ok: true, data: null };
      break;
    case 'invalid':
      answered = { ok: false, code: 'invalid', fieldErrors: result.fieldErrors, ...(result.formError !== undefined ? { formError: result.formError } : {}) };
      break;
    case 'not_found':
    case 'signed_out':
      answered = { ok: false, code: result.status };
      break;
    case 'refused':
      answered = { ok: false, code: 'refused', reason: result.reason, ...(result.retryAt !== undefined ? { retryAt: result.retryAt } : {}) };
      break;
    case 'check_failed':
      answered = { ok: false, code: 'check_failed', account: result.account, diagnosis: result.diagnosis, ...(result.serverText !== undefined ? { serverText: result.serverText } : {}) };
      break;
  }
  if (answered.ok) revalidatePath('/accounts');
  return answered as R;
}

/** Checks the mailbox now, with its stored code and the wizard's lockout limits. */
export const checkNowAction = defineAction({ schema: accountId, access: 'user' }, async ({ db, user, input }) =>
  answer<CheckNowActionResult>(await checkAccountNow(db, user.id, input)),
);

export const pauseAccountAction = defineAction({ schema: accountId, access: 'user' }, async ({ db, user, input }) =>
  answer<PauseActionResult>(await pauseAccount(db, user.id, input)),
);

export const resumeAccountAction = defineAction({ schema: accountId, access: 'user' }, async ({ db, user, input }) =>
  answer<PauseActionResult>(await resumeAccount(db, user.id, input)),
);

/** A malformed request without a usable id names no account; a bad code is the user's to fix. */
function invalidReplaceRequest(error: z.ZodError, request: unknown): InvalidInput<'code'> | typeof NOT_FOUND {
  const { accountId: badId, code } = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  if (badId || typeof request !== 'object' || request === null) return NOT_FOUND;
  return { ok: false, code: 'invalid', fieldErrors: code ? { code } : {} };
}

/** Checks the new code; only when it passes does it replace the old one. */
export const replaceCodeAction = defineAction(
  { schema: z.object({ accountId: z.string(), code: authCodeSchema() }), access: 'user', invalid: invalidReplaceRequest },
  async ({ db, user, locale, input }) =>
    answer<ReplaceCodeActionResult>(await replaceAccountCode(db, user.id, input.accountId, input.code, { locale })),
);

/** Removes the mailbox and its sealed code; an audit entry (without any secret) stays. */
export const deleteAccountAction = defineAction({ schema: accountId, access: 'user' }, async ({ db, user, input }) =>
  answer<DeleteActionResult>(await deleteAccount(db, user.id, input)),
);
