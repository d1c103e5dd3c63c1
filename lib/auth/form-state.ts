import type { ActionResult } from '@/lib/actions/result';
import type { AuthFailureCode } from './server';

// The contract of the sign-in and sign-up actions with their form. Type-only, shared with the
// client form.

export type AuthFieldName = 'email' | 'password' | 'name';

export type AuthFormInput = { email: string; password: string; name?: string; next?: string };

/**
 * What the actions answer when they do not redirect (on success they do, to `next`): the
 * schema's complaints per field, or why the auth library said no, with the wait before trying
 * again where there is one. The form words them (AUTH_MESSAGES).
 */
export type AuthFormResult = ActionResult<never, { [C in AuthFailureCode]: { retryAfterSeconds?: number } }, AuthFieldName>;

export type AuthFormAction = (input: AuthFormInput) => Promise<AuthFormResult>;
