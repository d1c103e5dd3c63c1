import type { Locale, Localized } from './locale';

// Data that carries its words in every language (`Localized`: provider data, diagnoses) takes
// them from a catalog of the usual shape, one object per language, through these: the data names
// the entry, the catalog holds the words. Consumers keep reading `text[locale]`.

/** A text made for each language in turn, e.g. a catalog's template filled with localized parts. */
export function byLocale(make: (locale: Locale) => string): Localized {
  return { zh: make('zh'), en: make('en') };
}

/** The entry `pick` names, in every language of `catalog`. */
export function localized<T>(catalog: Readonly<Record<Locale, T>>, pick: (messages: T) => string): Localized {
  return byLocale((locale) => pick(catalog[locale]));
}

/**
 * The entry `pick` names in every language, or nothing where the catalog has no such entry (a
 * location only some guide steps have). An entry in one language only is a catalog bug, thrown
 * when the data is first loaded.
 */
export function localizedIfAny<T>(catalog: Readonly<Record<Locale, T>>, pick: (messages: T) => string | undefined): Localized | undefined {
  const zh = pick(catalog.zh);
  const en = pick(catalog.en);
  if (zh === undefined && en === undefined) return undefined;
  if (zh === undefined || en === undefined) {
    throw new Error(`A catalog entry is in one language only: "${zh ?? en ?? ''}"`);
  }
  return { zh, en };
}

/**
 * The list `pick` names, item by item in every language. The languages must list as many items:
 * anything else is a catalog bug, thrown when the data is first loaded rather than shown half
 * translated.
 */
export function localizedList<T>(catalog: Readonly<Record<Locale, T>>, pick: (messages: T) => readonly string[]): Localized[] {
  const zh = pick(catalog.zh);
  const en = pick(catalog.en);
  if (en.length !== zh.length) {
    throw new Error(`A catalog list has ${zh.length} items in Chinese and ${en.length} in English: "${zh[0] ?? ''}"`);
  }
  return zh.map((item, index) => ({ zh: item, en: en[index] ?? '' }));
}

/** Each entry of the object `pick` names, in every language: `{ a: '…' }` becomes `{ a: { zh, en } }`. */
export function localizedRecord<T, K extends string>(catalog: Readonly<Record<Locale, T>>, pick: (messages: T) => Readonly<Record<K, string>>): Record<K, Localized> {
  const zh = pick(catalog.zh);
  const en = pick(catalog.en);
  return Object.fromEntries((Object.keys(zh) as K[]).map((key) => [key, { zh: zh[key], en: en[key] }])) as Record<K, Localized>;
}

/** `localized` and `localizedList` bound to one catalog, for a data module that takes its words from it. */
export function wordsFrom<T>(catalog: Readonly<Record<Locale, T>>) {
  return {
    text: (pick: (messages: T) => string): Localized => localized(catalog, pick),
    list: (pick: (messages: T) => readonly string[]): Localized[] => localizedList(catalog, pick),
  };
}
