import 'server-only';
import { cookies } from 'next/headers';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from './locale';
import { en } from './messages/en';
import { zh, type Messages } from './messages/zh';

/** The reader's language: the `locale` cookie set by the language switch, Chinese otherwise. */
export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function getMessages(locale: Locale): Messages {
  return locale === 'en' ? en : zh;
}
