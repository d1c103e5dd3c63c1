import { z } from '@/lib/zod';

// Sign-in and sign-up forms, shared by the client forms and the server actions. Limits match
// the ones lib/auth/server.ts gives the library, so the form says no before the server does.
// Complaints are issue codes (AuthIssue), worded by the form from AUTH_MESSAGES[locale].issues.

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
export const MAX_NAME_LENGTH = 100;
/** RFC 5321's longest address (a 256-octet path less its angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

/** What the forms say no to, as issue codes. */
export type AuthIssue =
  | 'email.invalid'
  | 'account_password.empty'
  | 'account_password.too_short'
  | 'account_password.too_long'
  | 'name.too_long'
  | 'name.unprintable';

const issue = (code: AuthIssue) => ({ error: code });

const emailField = z
  .string(issue('email.invalid'))
  .trim()
  .max(MAX_EMAIL_LENGTH, issue('email.invalid'))
  .toLowerCase()
  .pipe(z.email(issue('email.invalid')));

export const signInSchema = z.object({
  email: emailField,
  // No length rule here: a sign-in form must not reveal the password policy's details
  // beyond "wrong", and an old password may predate the current rule.
  password: z
    .string(issue('account_password.empty'))
    .min(1, issue('account_password.empty'))
    .max(MAX_PASSWORD_LENGTH, issue('account_password.too_long')),
});

export const signUpSchema = signInSchema.extend({
  password: z
    .string(issue('account_password.empty'))
    .min(MIN_PASSWORD_LENGTH, issue('account_password.too_short'))
    .max(MAX_PASSWORD_LENGTH, issue('account_password.too_long')),
  /** Optional in the form; the action falls back to the part of the address before "@". */
  // Control characters are refused: nobody's name has them, and PostgreSQL refuses NUL in text.
  name: z
    .string()
    .trim()
    .max(MAX_NAME_LENGTH, issue('name.too_long'))
    .refine((name) => !/\p{Cc}/u.test(name), issue('name.unprintable'))
    .optional(),
});

export type SignInValues = z.output<typeof signInSchema>;
export type SignUpValues = z.output<typeof signUpSchema>;

/** The display name to store: what was typed, or the address's local part. */
export function displayNameFor(values: Pick<SignUpValues, 'email' | 'name'>): string {
  return values.name || values.email.slice(0, values.email.indexOf('@'));
}
