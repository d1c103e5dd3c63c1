import type { ActionResult } from '@/lib/actions/result';
import type { ChangePasswordInput, DeleteAccountInput, ForgotPasswordInput, ResetPasswordInput } from './password-schema';

// The contracts of the password actions with their forms. Type-only, shared with the client forms.

/** Too many requests: wait this long. */
export type RateLimited = { retryAfterSeconds: number };

/** Always `ok` for any address, registered or not, unless the limits said no. */
export type RequestResetResult = ActionResult<null, { rate_limited: RateLimited }, 'email'>;

/** `invalid_token`: used, expired, or never issued; the page offers a new mail. */
export type ResetPasswordResult = ActionResult<null, { invalid_token: Record<never, never>; rate_limited: RateLimited }, 'token' | 'newPassword' | 'newPasswordRepeat'>;

/** A wrong current password is a complaint on its field (`password.wrong`). */
export type ChangePasswordResult = ActionResult<null, { rate_limited: RateLimited; signed_out: Record<never, never> }, 'currentPassword' | 'newPassword' | 'newPasswordRepeat'>;

/** On success the action redirects to the wizard, signed out; it answers only when it did not. */
export type DeleteUserResult = ActionResult<never, { rate_limited: RateLimited; signed_out: Record<never, never> }, 'password'>;

export type RequestResetAction = (input: ForgotPasswordInput) => Promise<RequestResetResult>;
export type ResetPasswordAction = (input: ResetPasswordInput) => Promise<ResetPasswordResult>;
export type ChangePasswordAction = (input: ChangePasswordInput) => Promise<ChangePasswordResult>;
export type DeleteUserAction = (input: DeleteAccountInput) => Promise<DeleteUserResult>;
