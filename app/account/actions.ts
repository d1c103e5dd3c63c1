'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define-action';
import type { ChangePasswordResult, DeleteUserResult } from '@/lib/auth/account-form-state';
import { deleteUserWithMailboxes } from '@/lib/auth/account-deletion';
import { changeOwnPassword, confirmOwnPassword, type Refusal } from '@/lib/auth/account-security';
import { changePasswordSchema, deleteAccountSchema } from '@/lib/auth/password-schema';
import { signOutCurrentSession } from '@/lib/auth/server';
import { logger } from '@/lib/log/logger.mjs';

// /account: the signed-in user changes their password or deletes their account. Both prove the
// password first, through the auth library, under a per-user limit (lib/auth/password-reset.ts).

type Answered = { ok: false; code: 'rate_limited'; retryAfterSeconds: number } | { ok: false; code: 'signed_out' };

/** The refusals both actions answer alike; the rest is each action's own. */
function commonRefusal(refusal: Refusal): Answered | undefined {
  if (refusal.code === 'rate_limited') return { ok: false, code: 'rate_limited', retryAfterSeconds: refusal.retryAfterSeconds };
  if (refusal.code === 'signed_out') return { ok: false, code: 'signed_out' };
  return undefined;
}

function unexpected(refusal: Refusal): never {
  throw new Error(`account: unexpected refusal ${refusal.code}`);
}

/** Changes the password; the user's other sessions end, this browser gets a fresh one. */
export const changePasswordAction = defineAction(
  { schema: changePasswordSchema, access: 'user' },
  async ({ input }): Promise<ChangePasswordResult> => {
    const outcome = await changeOwnPassword(input.currentPassword, input.newPassword);
    if (outcome.ok) return { ok: true, data: null };
    if (outcome.code === 'wrong_password') return { ok: false, code: 'invalid', fieldErrors: { currentPassword: ['password.wrong'] } };
    if (outcome.code === 'weak_password') return { ok: false, code: 'invalid', fieldErrors: { newPassword: ['password.too_short'] } };
    return commonRefusal(outcome) ?? unexpected(outcome);
  },
);

/**
 * Deletes the user with their mailboxes and sealed codes (lib/auth/account-deletion.ts), once the
 * password is confirmed; audit entries stay, without any secret. The browser then goes to the
 * wizard, signed out.
 */
export const deleteUserAccountAction = defineAction(
  { schema: deleteAccountSchema, access: 'user' },
  async ({ db, user, input }): Promise<DeleteUserResult> => {
    const confirmed = await confirmOwnPassword(input.password);
    if (!confirmed.ok) {
      if (confirmed.code === 'wrong_password') return { ok: false, code: 'invalid', fieldErrors: { password: ['password.wrong'] } };
      return commonRefusal(confirmed) ?? unexpected(confirmed);
    }
    const deleted = await deleteUserWithMailboxes(db, user.id);
    // The session row went with the user; this expires the browser's session cookie.
    await signOutCurrentSession();
    logger('account').info({ ownerId: user.id, mailboxes: deleted?.mailboxes.length ?? 0 }, 'account deleted by its owner');
    redirect('/');
  },
);
