import { z } from '@/lib/zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, signInSchema } from './schema';

// The forms around the password: ask for a reset link, set a new password from the link, change
// it, confirm it to delete the account. Shared by the client forms and the server actions; the
// complaints are issue codes worded from ACCOUNT_MESSAGES[locale].issues.

export type PasswordFormIssue =
  | 'email.invalid'
  | 'password.empty'
  | 'password.too_short'
  | 'password.too_long'
  | 'password.wrong'
  | 'password_repeat.mismatch'
  | 'token.missing';

const issue = (code: PasswordFormIssue) => ({ error: code });

/** A password as typed to prove who one is: any length the library accepts, none of the rules for a new one. */
const typedPassword = z
  .string(issue('password.empty'))
  .min(1, issue('password.empty'))
  .max(MAX_PASSWORD_LENGTH, issue('password.too_long'));

/** A new password: the sign-up rule. */
const newPassword = z
  .string(issue('password.empty'))
  .min(MIN_PASSWORD_LENGTH, issue('password.too_short'))
  .max(MAX_PASSWORD_LENGTH, issue('password.too_long'));

// Compared as typed: a second field that differs is a typo the user should hear about, whatever it is.
const repeated = z.string(issue('password_repeat.mismatch'));

export const forgotPasswordSchema = z.object({
  // The sign-in form's address rule (trimmed, lower-cased, an address), with this form's words.
  email: signInSchema.shape.email,
});

// The library's tokens are 24 letters and digits; anything else names no link of ours. One rule
// for the link's page (whether to ask about the token at all) and the form's action.
export const resetTokenSchema = z
  .string(issue('token.missing'))
  .trim()
  .min(1, issue('token.missing'))
  .max(200, issue('token.missing'))
  .regex(/^[A-Za-z0-9_-]+$/, issue('token.missing'));

export const resetPasswordSchema = z
  .object({ token: resetTokenSchema, newPassword, newPasswordRepeat: repeated })
  .refine((values) => values.newPassword === values.newPasswordRepeat, { path: ['newPasswordRepeat'], ...issue('password_repeat.mismatch') });

export const changePasswordSchema = z
  .object({ currentPassword: typedPassword, newPassword, newPasswordRepeat: repeated })
  .refine((values) => values.newPassword === values.newPasswordRepeat, { path: ['newPasswordRepeat'], ...issue('password_repeat.mismatch') });

export const deleteAccountSchema = z.object({ password: typedPassword });

export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
export type DeleteAccountInput = z.input<typeof deleteAccountSchema>;
