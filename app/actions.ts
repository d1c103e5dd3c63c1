'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { connectMailboxForOwner } from '@/lib/accounts/connect-mailbox';
import { createConnectMailboxSchema } from '@/lib/accounts/schema';
import { getSessionUser } from '@/lib/auth/server';
import { getDatabase } from '@/lib/db/client';
import { getLocale } from '@/lib/i18n/server';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locale';
import type { ConnectMailboxRequest, SubmitResult } from '@/lib/wizard/types';

/**
 * The wizard's submit. Re-validates with the shared schema, needs a signed-in owner, then
 * checks the mailbox exactly as the client will use it and saves it only when both halves
 * pass. The answer never carries the code.
 */
export async function connectMailbox(input: ConnectMailboxRequest): Promise<SubmitResult> {
  const locale = await getLocale();
  const parsed = createConnectMailboxSchema(locale).safeParse(input);
  if (!parsed.success) {
    const { address, code, alternative } = z.flattenError(parsed.error).fieldErrors;
    return { status: 'invalid', fieldErrors: { address, code }, ...(alternative ? { formError: alternative[0] } : {}) };
  }
  const user = await getSessionUser();
  if (!user) return { status: 'signed_out' };
  const { db } = await getDatabase();
  return connectMailboxForOwner(db, user.id, parsed.data, locale);
}

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** The language switch. Setting the cookie re-renders the page, `<html lang>` included. */
export async function switchLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax' });
}
