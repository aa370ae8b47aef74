/**
 * The locales cognito-elements ships, and how each one is loaded.
 *
 * English is bundled (src/i18n.ts imports it directly). Every other locale is behind its own `import()` with a
 * literal path, so bundlers (Vite/Rollup, esbuild, webpack) emit one chunk per locale and a page downloads only the
 * languages it shows. The map is written out by hand on purpose: a glob import would tie the package to one bundler.
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

export type LocaleLoader = () => Promise<{ default: LocaleResource }>;

/** One lazily loaded chunk per locale (English is not here: it is always present). */
export const LOCALE_LOADERS: Record<Exclude<Locale, 'en'>, LocaleLoader> = {
  ar: () => import('./ar.js'),
  cs: () => import('./cs.js'),
  da: () => import('./da.js'),
  de: () => import('./de.js'),
  el: () => import('./el.js'),
  es: () => import('./es.js'),
  fi: () => import('./fi.js'),
  fr: () => import('./fr.js'),
  he: () => import('./he.js'),
  hi: () => import('./hi.js'),
  hu: () => import('./hu.js'),
  id: () => import('./id.js'),
  it: () => import('./it.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  nb: () => import('./nb.js'),
  nl: () => import('./nl.js'),
  pl: () => import('./pl.js'),
  'pt-BR': () => import('./pt-BR.js'),
  'pt-PT': () => import('./pt-PT.js'),
  ro: () => import('./ro.js'),
  ru: () => import('./ru.js'),
  sv: () => import('./sv.js'),
  th: () => import('./th.js'),
  tr: () => import('./tr.js'),
  uk: () => import('./uk.js'),
  vi: () => import('./vi.js'),
  'zh-CN': () => import('./zh-CN.js'),
  'zh-TW': () => import('./zh-TW.js'),
};

/** Locales written right to left. */
export const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['ar', 'he']);
