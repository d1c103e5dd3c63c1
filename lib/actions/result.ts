import type { Localized } from '@/lib/i18n/locale';

// What every server action answers, in one shape: the data on success, or a stable failure code
// with what the page needs to word it. Type-only, so client components import it for nothing.
// Expected failures are values here; bugs throw to error.tsx.

/**
 * One complaint about a field or the form. From a schema, an issue code (`'code.empty'`) that the
 * component showing it looks up in the reader's catalog (lib/i18n/issue-text.ts); from a check
 * past the schema whose words carry what was typed (a refused server, a provider's name), those
 * words in both languages, of which the component picks the reader's.
 */
export type FieldIssue = string | Localized;

/** Complaints per field, the first one first; only fields with something wrong appear. */
export type FieldErrors<Field extends string = string> = Partial<Record<Field, FieldIssue[]>>;

/** The input failed its schema, or a check the schema could not make. Nothing was done. */
export interface InvalidInput<Field extends string = string> {
  ok: false;
  code: 'invalid';
  fieldErrors: FieldErrors<Field>;
  formError?: FieldIssue;
}

/** An action's own failures: each code with what it carries besides (`{}` for nothing). */
export type FailureMap = Record<string, object>;

/** The failures of `F` as values. */
export type Failure<F extends FailureMap> = { [C in keyof F & string]: { ok: false; code: C } & F[C] }[keyof F & string];

/**
 * An action's answer: `data` when it did what was asked, `invalid` when the input failed its
 * schema (`Field` names the fields that may carry complaints), or one of the action's own codes,
 * `F`, each with what the page needs to word it (`refused` with its reason and `retryAt`, say).
 * Who may call the action adds its own: `signed_out` for a signed-in user's action, `forbidden`
 * for staff's (lib/actions/define-action.ts).
 */
export type ActionResult<T, F extends FailureMap = Record<never, never>, Field extends string = string> =
  | { ok: true; data: T }
  | InvalidInput<Field>
  | Failure<F>;

/** The failures of a result type, for a handler that words them. */
export type FailureOf<R> = Extract<R, { ok: false }>;

/** The codes of a result type's failures. */
export type FailureCode<R> = R extends { ok: false; code: infer C } ? C : never;
