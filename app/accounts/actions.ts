'use server';

import { revalidatePath } from 'next/cache';
import { z } from '@/lib/zod';
import {
  checkAccountNow,
  deleteAccount,
  pauseAccount,
  replaceAccountCode,
  resumeAccount,
} from '@/lib/accounts/manage';
import type { AccountActionResult } from '@/lib/accounts/view';
import { getSessionUser } from '@/lib/auth/server';
import { getDatabase, type AppDatabase } from '@/lib/db/client';
import { getLocale } from '@/lib/i18n/server';
import { createAuthCodeSchema } from '@/lib/providers/auth-code';
import type { Locale } from '@/lib/i18n/locale';

// The /accounts actions. Each one re-validates its input, needs a signed-in owner, and hands
// the owner's id to lib/accounts/manage.ts, which never finds another owner's account. An id
// of any shape is accepted here: a malformed one is just an id that names no account.

const accountIdSchema = z.string();

interface ActionContext<T> {
  db: AppDatabase;
  ownerId: string;
  locale: Locale;
  input: T;
}

/**
 * The opening every action shares: parse the input (a bad id is `not_found`, a bad code is
 * `invalid`), identify the user (`signed_out` without a session), then run; the page is
 * re-rendered after anything that changed an account.
 */
async function accountAction<T>(
  parse: (locale: Locale) => { ok: true; input: T } | { ok: false; result: AccountActionResult },
  run: (context: ActionContext<T>) => Promise<AccountActionResult>,
): Promise<AccountActionResult> {
  const locale = await getLocale();
  const parsed = parse(locale);
  if (!parsed.ok) return parsed.result;
  const user = await getSessionUser();
  if (!user) return { status: 'signed_out' };
  const { db } = await getDatabase();
  const result = await run({ db, ownerId: user.id, locale, input: parsed.input });
  if (result.status === 'done' || result.status === 'deleted') revalidatePath('/accounts');
  return result;
}

const NOT_FOUND = { ok: false, result: { status: 'not_found' } } as const;

function parseAccountId(value: unknown) {
  return () => {
    const parsed = accountIdSchema.safeParse(value);
    return parsed.success ? { ok: true as const, input: parsed.data } : NOT_FOUND;
  };
}

/** Checks the mailbox now, with its stored code and the wizard's lockout limits. */
export async function checkNowAction(accountId: string): Promise<AccountActionResult> {
  return accountAction(parseAccountId(accountId), ({ db, ownerId, input }) => checkAccountNow(db, ownerId, input));
}

export async function pauseAccountAction(accountId: string): Promise<AccountActionResult> {
  return accountAction(parseAccountId(accountId), ({ db, ownerId, input }) => pauseAccount(db, ownerId, input));
}

export async function resumeAccountAction(accountId: string): Promise<AccountActionResult> {
  return accountAction(parseAccountId(accountId), ({ db, ownerId, input }) => resumeAccount(db, ownerId, input));
}

/** Checks the new code; only when it passes does it replace the old one. */
export async function replaceCodeAction(request: { accountId: string; code: string }): Promise<AccountActionResult> {
  return accountAction(
    (locale) => {
      const parsed = z.object({ accountId: accountIdSchema, code: createAuthCodeSchema(locale) }).safeParse(request);
      if (parsed.success) return { ok: true, input: parsed.data };
      const { accountId, code } = z.flattenError(parsed.error).fieldErrors;
      // A malformed request without a usable id names no account; a bad code is the user's to fix.
      if (accountId || typeof request !== 'object' || request === null) return NOT_FOUND;
      return { ok: false, result: { status: 'invalid', fieldErrors: { code } } };
    },
    ({ db, ownerId, locale, input }) => replaceAccountCode(db, ownerId, input.accountId, input.code, { locale }),
  );
}

/** Removes the mailbox and its sealed code; an audit entry (without any secret) stays. */
export async function deleteAccountAction(accountId: string): Promise<AccountActionResult> {
  return accountAction(parseAccountId(accountId), ({ db, ownerId, input }) => deleteAccount(db, ownerId, input));
}
