'use server';

import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locale';
import type { ConnectMailboxRequest, SubmitResult } from '@/lib/wizard/types';

/**
 * Placeholder until the real check-and-save action is wired in: it answers as if nobody were
 * signed in, so the wizard can be built and tested end to end without running a check.
 */
export async function connectMailbox(input: ConnectMailboxRequest): Promise<SubmitResult> {
  void input;
  return { status: 'signed_out' };
}

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/** The language switch. Setting the cookie re-renders the page, `<html lang>` included. */
export async function switchLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax' });
}
