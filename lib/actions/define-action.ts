import 'server-only';
import { getSessionUser, type SessionUser } from '@/lib/auth/server';
import { getDatabase, type AppDatabase } from '@/lib/db/client';
import type { Locale } from '@/lib/i18n/locale';
import { getLocale } from '@/lib/i18n/server';
import { currentStaffMember } from '@/lib/support/access';
import type { StaffMember } from '@/lib/support/console';
import { z } from '@/lib/zod';
import type { ActionResult, Failure, FailureMap, InvalidInput } from './result';

// The one way into the server: every action in app/**/actions.ts is made here. The opening is
// the same for all of them, in this order: the reader's language, the input parsed with the
// action's schema (never trusted, never thrown on), who is calling, then the database. A body
// runs only with input that passed and a caller who may call it, and answers an ActionResult.
// Nothing here catches: a bug goes to error.tsx, and Next's redirect() passes through untouched.

/**
 * Who may call an action: `anyone` (the guide is open to visitors), `user` (a signed-in user,
 * else `signed_out`), `staff` (lib/support/access.ts, else `forbidden`, for visitors and
 * customers alike so the console is not advertised).
 */
export type Access = 'anyone' | 'user' | 'staff';

interface Callers {
  /**
   * Open to anyone: the session and the database are looked up only if the body asks, so an
   * action that needs neither (the language switch, an MX lookup of a listed domain) costs nothing.
   */
  anyone: { db: () => Promise<AppDatabase>; user: () => Promise<SessionUser | null> };
  user: { db: AppDatabase; user: SessionUser };
  staff: { db: AppDatabase; staff: StaffMember };
}

interface AccessFailures {
  anyone: Record<never, never>;
  user: { signed_out: Record<never, never> };
  staff: { forbidden: Record<never, never> };
}

/** The failure an access level adds to an action's answers. */
export type AccessFailure<A extends Access> = Failure<AccessFailures[A]>;

/** What a body is called with: the parsed input, the reader's language, and the caller. */
export type ActionContext<Input, A extends Access> = { input: Input; locale: Locale } & Callers[A];

/** The top-level fields of a schema's input, which `invalid` names. */
export type FieldsOf<S extends z.ZodType> = z.input<S> extends object ? keyof z.input<S> & string : never;

export interface ActionDefinition<S extends z.ZodType, A extends Access, V> {
  schema: S;
  access: A;
  /**
   * How input that fails the schema is answered, when the flattened `invalid` is not the answer
   * (the wizard's server fields are flat; a malformed account id names no account). `raw` is the
   * input as it came.
   */
  invalid?: (error: z.ZodError<z.input<S>>, raw: unknown) => V;
}

/** The schema's complaints, per top-level field; anything about the input as a whole is the form's. */
function invalidInput<S extends z.ZodType>(error: z.ZodError<z.input<S>>): InvalidInput<FieldsOf<S>> {
  const { fieldErrors, formErrors } = z.flattenError(error);
  const formError = formErrors[0];
  return {
    ok: false,
    code: 'invalid',
    fieldErrors: fieldErrors as InvalidInput<FieldsOf<S>>['fieldErrors'],
    ...(formError !== undefined ? { formError } : {}),
  };
}

const SIGNED_OUT = { ok: false, code: 'signed_out' } as const;
const FORBIDDEN = { ok: false, code: 'forbidden' } as const;

/**
 * Makes a server action: `body` runs with `{ input, locale, ...caller }` once the input passed
 * `schema` and the caller passed `access`. The answer's type is the body's, plus `invalid` and
 * the access level's failure; an action's contract type (e.g. ConnectMailboxAction) names it.
 */
export function defineAction<
  S extends z.ZodType,
  A extends Access,
  R extends ActionResult<unknown, FailureMap>,
  V extends ActionResult<unknown, FailureMap> = InvalidInput<FieldsOf<S>>,
>(
  definition: ActionDefinition<S, A, V>,
  body: (context: ActionContext<z.output<S>, A>) => Promise<R>,
): (input: z.input<S>) => Promise<R | V | AccessFailure<A>> {
  const { schema, access } = definition;
  return async (raw) => {
    const locale = await getLocale();
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const error = parsed.error as z.ZodError<z.input<S>>;
      return definition.invalid ? definition.invalid(error, raw) : (invalidInput<S>(error) as V);
    }
    const input = parsed.data as z.output<S>;
    const caller = await identify(access);
    if (!caller.ok) return caller.failure as AccessFailure<A>;
    return body({ input, locale, ...caller.context } as unknown as ActionContext<z.output<S>, A>);
  };
}

async function identify(
  access: Access,
): Promise<{ ok: true; context: Callers[Access] } | { ok: false; failure: typeof SIGNED_OUT | typeof FORBIDDEN }> {
  switch (access) {
    case 'anyone':
      return { ok: true, context: { db: async () => (await getDatabase()).db, user: getSessionUser } };
    case 'user': {
      const user = await getSessionUser();
      if (!user) return { ok: false, failure: SIGNED_OUT };
      const { db } = await getDatabase();
      return { ok: true, context: { db, user } };
    }
    case 'staff': {
      const caller = await currentStaffMember();
      return caller ? { ok: true, context: caller } : { ok: false, failure: FORBIDDEN };
    }
  }
}
