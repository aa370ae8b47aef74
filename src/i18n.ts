/**
 * Translations, as elements and pages use them (one module to import; each part lives in its own file):
 * - i18n-language.ts: which locale an element is in (`lang` up the tree, the browser's preferences), and watching it;
 * - i18n-english.ts: the English modules present (the first paint's, then each screen's as it loads);
 * - i18n-phrases.ts: the phrases, English built in (i18n-lite.ts), a private i18next instance (i18n-next.ts) loaded
 *   only for another language or an override, every other locale on demand, overrides per language and per element;
 * - i18n-localizer.ts: the reactive controller that keeps an element in its language.
 */
export { LOCALES, RTL_LOCALES, type Locale, type LocaleResource } from './i18n-locales.js';
export type { Messages } from './locales/en.js';
export { addEnglish, type EnglishModule } from './i18n-english.js';
export { bestLocale, dir, languageOf, matchLocale, nearestLang, preferredLanguages, watchLanguage } from './i18n-language.js';
export {
  addTranslations,
  getI18n,
  hasPhrase,
  isLoaded,
  loadI18next,
  loadLanguage,
  onMissingKey,
  onTranslationsChange,
  t,
  translator,
  type MessageKey,
  type Translate,
  type Translations,
  type TranslationsByLanguage,
} from './i18n-phrases.js';
export { Localizer, type LocalizedHost, type LocalizerOptions } from './i18n-localizer.js';
