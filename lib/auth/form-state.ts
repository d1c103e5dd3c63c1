import type { ActionResult } from '@/lib/actions/result';
import type { AuthFailureCode } from './server';

// The contract of the sign-in and sign-up actions with their form. Type-only, shared with the
// client form.

export type AuthFieldName = 'email' | 'password' | 'name';

export type AuthFormInput = { email: string; password: string; name?: string; next?: string };

/** Who was signed in, as the wizard's inline sign-in is told: the address only. */
export interface SignedIn {
  email: string;
}

/**
 * What the actions answer: the schema's complaints per field, or why the auth library said no,
 * with the wait before trying again where there is one (the form words them, AUTH_MESSAGES). On
 * success the pages' actions redirect to `next` and answer nothing; the wizard's inline ones
 * (signed in without leaving the page) answer who is signed in.
 */
export type AuthFormResult = ActionResult<SignedIn, { [C in AuthFailureCode]: { retryAfterSeconds?: number } }, AuthFieldName>;

export type AuthFormAction = (input: AuthFormInput) => Promise<AuthFormResult>;
