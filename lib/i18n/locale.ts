/** A text in each of the app's languages. */
export type Localized = { zh: string; en: string };

export type Locale = keyof Localized;

// Chinese first: most people connecting a NetEase mailbox read Chinese, and the webmail screens
// they will look at are in Chinese whatever this page's language.
export const DEFAULT_LOCALE: Locale = 'zh';
export const LOCALES: readonly Locale[] = ['zh', 'en'];
export const LOCALE_COOKIE = 'locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 tag for `<html lang>` and `Intl`. */
export function languageTag(locale: Locale): string {
  return locale === 'zh' ? 'zh-CN' : 'en';
}

/** Fills `{name}` placeholders; catalogs hold plain strings so slices can go to client components. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

