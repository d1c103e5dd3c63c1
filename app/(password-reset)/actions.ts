'use server';

import { defineAction } from '@/lib/actions/define-action';
import type { RequestResetResult, ResetPasswordResult } from '@/lib/auth/account-form-state';
import { requestPasswordResetMail, resetPasswordWithToken } from '@/lib/auth/account-security';
import { forgotPasswordSchema, resetPasswordSchema } from '@/lib/auth/password-schema';

// 「忘记密码」 and the reset link's page, open to anyone. Both go through the auth library's own
// reset flow (lib/auth/account-security.ts), limited as its HTTP route is.

/** A reset mail for the address, if it has an account; the answer is the same either way. */
export const requestPasswordResetAction = defineAction(
  { schema: forgotPasswordSchema, access: 'anyone' },
  async ({ input }): Promise<RequestResetResult> => {
    const outcome = await requestPasswordResetMail(input.email);
    if (outcome.ok) return { ok: true, data: null };
    if (outcome.code === 'rate_limited') return { ok: false, code: 'rate_limited', retryAfterSeconds: outcome.retryAfterSeconds };
    // The library's address rule refused what the form's let through.
    return { ok: false, code: 'invalid', fieldErrors: { email: ['email.invalid'] } };
  },
);

/** Sets the new password with the link's token: the token is spent and every session of the user ends. */
export const resetPasswordAction = defineAction(
  { schema: resetPasswordSchema, access: 'anyone' },
  async ({ input }): Promise<ResetPasswordResult> => {
    const outcome = await resetPasswordWithToken(input.token, input.newPassword);
    if (outcome.ok) return { ok: true, data: null };
    switch (outcome.code) {
      case 'rate_limited':
        return { ok: false, code: 'rate_limited', retryAfterSeconds: outcome.retryAfterSeconds };
      case 'weak_password':
        return { ok: false, code: 'invalid', fieldErrors: { newPassword: ['password.too_short'] } };
      default:
        return { ok: false, code: 'invalid_token' };
    }
  },
);
