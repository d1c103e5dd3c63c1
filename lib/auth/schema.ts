import { z } from '@/lib/zod';
import type { Locale, Localized } from '@/lib/i18n/locale';

// Sign-in and sign-up forms, shared by the client forms and the server actions. Limits match
// the ones lib/auth/server.ts gives the library, so the form says no before the server does.

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
const MAX_NAME_LENGTH = 100;

const MESSAGES = {
  email: { zh: '请填写有效的邮箱地址。', en: 'Please enter a valid email address.' },
  passwordEmpty: { zh: '请填写密码。', en: 'Please enter your password.' },
  passwordShort: {
    zh: `密码至少需要 ${MIN_PASSWORD_LENGTH} 个字符。`,
    en: `Use at least ${MIN_PASSWORD_LENGTH} characters for the password.`,
  },
  passwordLong: {
    zh: `密码最多 ${MAX_PASSWORD_LENGTH} 个字符。`,
    en: `The password can be at most ${MAX_PASSWORD_LENGTH} characters.`,
  },
  nameLong: { zh: `名字最多 ${MAX_NAME_LENGTH} 个字符。`, en: `The name can be at most ${MAX_NAME_LENGTH} characters.` },
} satisfies Record<string, Localized>;

function emailField(locale: Locale) {
  return z.string().trim().toLowerCase().pipe(z.email({ message: MESSAGES.email[locale] }));
}

export function createSignInSchema(locale: Locale = 'zh') {
  return z.object({
    email: emailField(locale),
    // No length rule here: a sign-in form must not reveal the password policy's details
    // beyond "wrong", and an old password may predate the current rule.
    password: z
      .string()
      .min(1, { message: MESSAGES.passwordEmpty[locale] })
      .max(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong[locale] }),
  });
}

export function createSignUpSchema(locale: Locale = 'zh') {
  return createSignInSchema(locale).extend({
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, { message: MESSAGES.passwordShort[locale] })
      .max(MAX_PASSWORD_LENGTH, { message: MESSAGES.passwordLong[locale] }),
    /** Optional in the form; the action falls back to the part of the address before "@". */
    name: z.string().trim().max(MAX_NAME_LENGTH, { message: MESSAGES.nameLong[locale] }).optional(),
  });
}

export const signInSchema = createSignInSchema('zh');
export const signUpSchema = createSignUpSchema('zh');

export type SignInValues = z.output<ReturnType<typeof createSignInSchema>>;
export type SignUpValues = z.output<ReturnType<typeof createSignUpSchema>>;

/** The display name to store: what was typed, or the address's local part. */
export function displayNameFor(values: Pick<SignUpValues, 'email' | 'name'>): string {
  return values.name || values.email.slice(0, values.email.indexOf('@'));
}
