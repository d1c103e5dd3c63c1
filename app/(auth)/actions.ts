'use server';

import { redirect } from 'next/navigation';
import { z } from '@/lib/zod';
import { defineAction } from '@/lib/actions/define-action';
import type { AuthFormAction, AuthFormResult } from '@/lib/auth/form-state';
import { safeNextPath } from '@/lib/auth/next-path';
import { displayNameFor, signInSchema, signUpSchema, type SignUpValues } from '@/lib/auth/schema';
import { signInWithEmail, signOutCurrentSession, signUpWithEmail, type AuthActionResult } from '@/lib/auth/server';

// Sign-in, sign-up and sign-out. Sign-in and sign-up come in two modes: the pages' (on success the
// session cookie is set and the browser is redirected to `next`, a path of this site only,
// whatever was sent) and the wizard's inline one (the cookie is set and the action answers who is
// signed in, so the page stays as it is, with the authorization code still in its field; Next
// draws the page again in the same response because a cookie changed). Either way a failure
// answers why, and the form words it.

const nextField = z.unknown().optional().transform((value) => safeNextPath(value));

function answer(result: AuthActionResult): AuthFormResult {
  if (result.ok) return { ok: true, data: { email: result.user.email } };
  return { ok: false, code: result.code, ...(result.retryAfterSeconds !== undefined ? { retryAfterSeconds: result.retryAfterSeconds } : {}) };
}

const signUp = (values: SignUpValues) => signUpWithEmail({ email: values.email, password: values.password, name: displayNameFor(values) });

export const signInAction: AuthFormAction = defineAction(
  { schema: signInSchema.extend({ next: nextField }), access: 'anyone' },
  async ({ input: { next, ...credentials } }): Promise<AuthFormResult> => {
    const result = await signInWithEmail(credentials);
    if (!result.ok) return answer(result);
    redirect(next);
  },
);

export const signUpAction: AuthFormAction = defineAction(
  { schema: signUpSchema.extend({ next: nextField }), access: 'anyone' },
  async ({ input: { next, ...values } }): Promise<AuthFormResult> => {
    const result = await signUp(values);
    if (!result.ok) return answer(result);
    redirect(next);
  },
);

/** The wizard's inline sign-in: the same checks and limits, no redirect. */
export const signInHereAction: AuthFormAction = defineAction(
  { schema: signInSchema, access: 'anyone' },
  async ({ input }): Promise<AuthFormResult> => answer(await signInWithEmail(input)),
);

/** The wizard's inline sign-up: the same checks and limits, no redirect. */
export const signUpHereAction: AuthFormAction = defineAction(
  { schema: signUpSchema, access: 'anyone' },
  async ({ input }): Promise<AuthFormResult> => answer(await signUp(input)),
);

// A form's action: called with the form's data, which says nothing it needs.
const signOut = defineAction({ schema: z.unknown(), access: 'anyone' }, async () => {
  // Deletes the session's row, so the old cookie opens nothing any more, and expires the cookie.
  await signOutCurrentSession();
  redirect('/');
});

/** 「退出登录」 in the header: ends this browser's session and opens the wizard, signed out. */
export async function signOutAction(): Promise<void> {
  await signOut(undefined);
}
