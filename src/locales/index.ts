/**
 * The locales cognito-elements ships, and how each one is loaded.
 *
 * English is bundled (src/i18n.ts imports it directly). Every other locale is behind its own `import()` with a
 * literal path, so bundlers (Vite/Rollup, esbuild, webpack) emit one chunk per locale and a page downloads only the
 * languages it shows. The map is written out by hand on purpose: a glob import would tie the package to one bundler.
 * The list itself lives in src/i18n-locales.ts (re-exported here): src/i18n.ts needs it for the first paint, but loads
 * this module, the loaders, with import() only when a locale other than English is asked for.
 */

export { LOCALES, RTL_LOCALES, type Locale, type LocaleResource } from '../i18n-locales.js';
import type { Locale, LocaleResource } from '../i18n-locales.js';

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
