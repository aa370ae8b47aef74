/**
 * The locales cognito-elements ships: the list only. src/locales/index.ts adds how each one is loaded; it is kept
 * apart so the first paint carries the list (to match a `lang`) but not the 29 loaders (to fetch a locale).
 */

/** Every locale, as BCP 47 tags in their canonical casing. */
export const LOCALES = [
  'ar',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'fi',
  'fr',
  'he',
  'hi',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'nb',
  'nl',
  'pl',
  'pt-BR',
  'pt-PT',
  'ro',
  'ru',
  'sv',
  'th',
  'tr',
  'uk',
  'vi',
  'zh-CN',
  'zh-TW',
] as const;

export type Locale = (typeof LOCALES)[number];

/** A locale file's shape: sections of phrases (plural keys carry i18next's `_one`, `_few`, … suffixes). */
export interface LocaleResource {
  [key: string]: string | LocaleResource;
}

/** Locales written right to left. */
export const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['ar', 'he']);
