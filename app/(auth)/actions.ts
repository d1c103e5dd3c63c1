'use server';

import { redirect } from 'next/navigation';
import { z } from '@/lib/zod';
import type { AuthFormInput, AuthFormState } from '@/lib/auth/form-state';
import { safeNextPath } from '@/lib/auth/next-path';
import { createSignInSchema, createSignUpSchema, displayNameFor } from '@/lib/auth/schema';
import { signInWithEmail, signUpWithEmail, type AuthActionResult } from '@/lib/auth/server';
import { format } from '@/lib/i18n/locale';
import { AUTH_MESSAGES } from '@/lib/i18n/messages/auth';
import { getLocale } from '@/lib/i18n/server';

/** A wait in words: seconds under two minutes, whole minutes (rounded up) beyond. */
function waitInWords(seconds: number, locale: 'zh' | 'en'): string {
  const { wait } = AUTH_MESSAGES[locale];
  return seconds < 120 ? format(wait.seconds, { n: seconds }) : format(wait.minutes, { n: Math.ceil(seconds / 60) });
}

function failure(result: Extract<AuthActionResult, { ok: false }>, locale: 'zh' | 'en'): AuthFormState {
  const errors = AUTH_MESSAGES[locale].errors;
  if (result.code === 'account_paused') {
    return { ok: false, fieldErrors: {}, formError: format(errors.account_paused, { wait: waitInWords(result.retryAfterSeconds ?? 60, locale) }) };
  }
  if (result.code === 'rate_limited') {
    const formError = result.retryAfterSeconds
      ? format(errors.rate_limited, { seconds: result.retryAfterSeconds })
      : errors.rate_limited_generic;
    return { ok: false, fieldErrors: {}, formError };
  }
  return { ok: false, fieldErrors: {}, formError: errors[result.code] };
}

export async function signInAction(input: AuthFormInput): Promise<AuthFormState> {
  const locale = await getLocale();
  const parsed = createSignInSchema(locale).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const result = await signInWithEmail(parsed.data);
  if (!result.ok) return failure(result, locale);
  redirect(safeNextPath(input?.next));
}

export async function signUpAction(input: AuthFormInput): Promise<AuthFormState> {
  const locale = await getLocale();
  const parsed = createSignUpSchema(locale).safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const result = await signUpWithEmail({ ...parsed.data, name: displayNameFor(parsed.data) });
  if (!result.ok) return failure(result, locale);
  redirect(safeNextPath(input?.next));
}
