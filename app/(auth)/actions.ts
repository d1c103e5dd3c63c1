'use server';

import { redirect } from 'next/navigation';
import { z } from '@/lib/zod';
import { defineAction } from '@/lib/actions/define-action';
import type { AuthFormAction, AuthFormResult } from '@/lib/auth/form-state';
import { safeNextPath } from '@/lib/auth/next-path';
import { displayNameFor, signInSchema, signUpSchema } from '@/lib/auth/schema';
import { signInWithEmail, signUpWithEmail, type AuthActionResult } from '@/lib/auth/server';

// Sign-in and sign-up. On success each sets the session cookie and redirects to `next` (a path
// of this site only, whatever was sent); otherwise it answers why, and the form words it.

const nextField = z.unknown().optional().transform((value) => safeNextPath(value));

function failure(result: Extract<AuthActionResult, { ok: false }>): AuthFormResult {
  return { ok: false, code: result.code, ...(result.retryAfterSeconds !== undefined ? { retryAfterSeconds: result.retryAfterSeconds } : {}) };
}

export const signInAction: AuthFormAction = defineAction(
  { schema: signInSchema.extend({ next: nextField }), access: 'anyone' },
  async ({ input: { next, ...credentials } }): Promise<AuthFormResult> => {
    const result = await signInWithEmail(credentials);
    if (!result.ok) return failure(result);
    redirect(next);
  },
);

export const signUpAction: AuthFormAction = defineAction(
  { schema: signUpSchema.extend({ next: nextField }), access: 'anyone' },
  async ({ input: { next, ...values } }): Promise<AuthFormResult> => {
    const result = await signUpWithEmail({ email: values.email, password: values.password, name: displayNameFor(values) });
    if (!result.ok) return failure(result);
    redirect(next);
  },
);
