import 'server-only';
import { cookies } from 'next/headers';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from './locale';
import { WIZARD_MESSAGES, type WizardMessages } from './messages/wizard';

/** The reader's language: the `locale` cookie set by the language switch, Chinese otherwise. */
export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** The wizard's words in `locale`; the other pages' catalogs are read by area (lib/i18n/messages). */
export function getMessages(locale: Locale): WizardMessages {
  return WIZARD_MESSAGES[locale];
}
