import type { i18n as I18n } from 'i18next';
import type { Messages } from './locales/en.js';
import { englishModules, onEnglishAdded, type EnglishModule } from './i18n-english.js';
import { matchLocale } from './i18n-language.js';
import { LOCALES, type Locale } from './i18n-locales.js';
import { formatValue, PhraseStore, type LookupOptions } from './i18n-lite.js';

/**
 * The phrases: English bundled and answered by a built-in lookup; a private i18next instance (the page's own global
 * i18next, if any, is never touched) loaded only when a page needs more than that; every other locale loaded on
 * demand as its own chunk; overrides per language and per element.
 */

/** Looks up a phrase by key (`signIn.title`), with `{{variables}}` and `count` for plurals. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type PluralKey = `${string}_${PluralCategory}`;
type BaseKey<K extends string> = K extends `${infer Base}_${PluralCategory}` ? Base : K;

/** Every phrase key, e.g. `signIn.title` or `password.minLength` (plurals without their suffix). */
export type MessageKey = { [S in keyof Messages & string]: `${S}.${BaseKey<keyof Messages[S] & string>}` }[keyof Messages & string];

/**
 * Overrides for one language: any subset of the phrases, section by section, plural keys with the suffixes that
 * language uses (`minLength_few` in Russian), and `legal.text`, the text under the form (it replaces the
 * `legal-text` attribute in that language).
 */
export type Translations = {
  [S in keyof Messages]?: { [K in keyof Messages[S]]?: string } & { [plural: PluralKey]: string | undefined };
} & { legal?: { text?: string } };

/** Overrides per language, keyed by a language tag (`de`, `pt-BR`, `zh-Hant`, … anything {@link matchLocale} knows). */
export type TranslationsByLanguage = { [language: string]: Translations | undefined };

const NS = 'translation';

// A plain English page never downloads i18next (issue 17: 15 KB gzip it would never use): its phrases come from the
// built-in lookup (src/i18n-lite.ts), which renders every English phrase exactly as i18next does. i18next is loaded
// with import() when a page asks for more: a language other than English (loadLanguage, also on a `lang` change), an
// override (addTranslations, an element's `translations`), or loadI18next(); it is then given every phrase the lookup
// holds and answers from then on.
//
// English itself comes in modules (src/i18n-english.ts): the first paint's, then each one an element brings with its
// screen. The lookup starts with those present and takes each later one as it arrives (see the end of this file).
let store: PhraseStore | undefined = new PhraseStore(formatValue);
// Copies: overrides are merged into them, and the en modules must stay the reference.
for (const module of englishModules()) store.add('en', NS, module);
let instance: I18n | undefined;
let instanceLoading: Promise<I18n> | undefined;

function addBundle(locale: Locale, ns: string, resources: object): void {
  if (instance) instance.addResourceBundle(locale, ns, resources, true, true);
  else store!.add(locale, ns, resources);
}

function exists(key: string, options: LookupOptions): boolean {
  return instance ? instance.exists(key, options) : store!.exists(key, options);
}

function lookup(key: string, options: LookupOptions): string {
  return instance ? (instance.t as unknown as (key: string, options: object) => string)(key, options) : store!.t(key, options);
}

/**
 * The private i18next instance, once it has loaded (another language, an override, or {@link loadI18next}); undefined
 * before. For advanced use: prefer the functions of this module. {@link loadI18next} resolves to it.
 */
export function getI18n(): I18n | undefined {
  return instance;
}

/** Loads the private i18next instance (once) and hands it every phrase; resolves to it. */
export function loadI18next(): Promise<I18n> {
  if (instance) return Promise.resolve(instance);
  instanceLoading ??= import('./i18n-next.js').then(
    ({ createI18next }) => {
      // The lookup's bundles become i18next's own: nothing is copied, nothing is lost, and the lookup is done.
      instance ??= createI18next(store!.resources(), NS);
      store = undefined;
      return instance;
    },
    (error: unknown) => {
      instanceLoading = undefined; // a later attempt (back online) may work
      throw error;
    },
  );
  return instanceLoading;
}

/** Starts loading i18next (errors are for whoever needs it to report). */
function wantI18next(): void {
  loadI18next().catch(() => undefined);
}

const loaded = new Set<Locale>(['en']);
const loading = new Map<Locale, Promise<Locale>>();
const globalOverrides = new Map<Locale, Translations[]>();
const changeListeners = new Set<() => void>();
const missingListeners = new Set<(locale: Locale, key: string) => void>();

function emitChange(): void {
  for (const listener of [...changeListeners]) listener();
}

let changeQueued = false;
function queueChange(): void {
  if (changeQueued) return;
  changeQueued = true;
  queueMicrotask(() => {
    changeQueued = false;
    emitChange();
  });
}

/**
 * Calls `listener` whenever phrases change: a locale finished loading, or overrides were added. Elements re-render on
 * it. Returns the function that unsubscribes.
 */
export function onTranslationsChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/**
 * Calls `listener` when a phrase is missing in the language asked for (English, else the key, is shown instead).
 * Complete locales never do this; tests and development tools listen.
 */
export function onMissingKey(listener: (locale: Locale, key: string) => void): () => void {
  missingListeners.add(listener);
  return () => missingListeners.delete(listener);
}

export function isLoaded(locale: Locale): boolean {
  return loaded.has(locale);
}

/**
 * Loads the locale for a language tag (a no-op for English and for a locale already loaded) and resolves to the
 * locale it chose. Each locale is one chunk, fetched once, beside i18next (which shows every language but English).
 * Rejects when a chunk cannot be loaded (offline).
 */
export function loadLanguage(tag: string): Promise<Locale> {
  const locale = matchLocale(tag) ?? 'en';
  if (loaded.has(locale)) return Promise.resolve(locale);
  let promise = loading.get(locale);
  if (!promise) {
    // The loaders (one import() per locale) are a chunk of their own too: the first paint never needs them.
    const chunk = import('./locales/index.js').then((m) => m.LOCALE_LOADERS[locale as Exclude<Locale, 'en'>]());
    promise = Promise.all([chunk, loadI18next()]).then(
      ([mod]) => {
        addBundle(locale, NS, mod.default);
        for (const partial of globalOverrides.get(locale) ?? []) addBundle(locale, NS, partial);
        loaded.add(locale);
        loading.delete(locale);
        emitChange();
        return locale;
      },
      (error: unknown) => {
        loading.delete(locale); // a later attempt (back online) may work
        throw error;
      },
    );
    loading.set(locale, promise);
  }
  return promise;
}

/**
 * Changes phrases of one language, for every element on the page: any key, including `legal.text`. Later calls win
 * over earlier ones; a `translations` property on an element wins over both. Throws a RangeError for a language we
 * ship no locale for.
 *
 * @example addTranslations('de', { signIn: { title: 'Willkommen zurück' }, legal: { text: 'Es gelten unsere AGB.' } })
 */
export function addTranslations(language: string, translations: Translations): void {
  const locale = matchLocale(language);
  if (!locale) throw new RangeError(`cognito-elements: no locale for "${language}"; the locales are ${LOCALES.join(', ')}`);
  globalOverrides.set(locale, [...(globalOverrides.get(locale) ?? []), translations]);
  if (loaded.has(locale)) addBundle(locale, NS, translations);
  emitChange();
  wantI18next();
}

// Per-element overrides live in their own namespace, looked up before the shared one. One namespace per object:
// assigning a new object (not mutating the old one) is what changes them.
const scopes = new WeakMap<TranslationsByLanguage, string>();
let scopeSerial = 0;

function scopeOf(byLanguage: TranslationsByLanguage | undefined): string | undefined {
  if (!byLanguage) return undefined;
  let ns = scopes.get(byLanguage);
  if (ns) return ns;
  ns = `cognito-elements-${++scopeSerial}`;
  for (const [tag, translations] of Object.entries(byLanguage)) {
    const locale = matchLocale(tag);
    if (!locale) console.warn(`cognito-elements: translations for "${tag}" are ignored: no locale matches it`);
    else if (translations) addBundle(locale, ns, translations);
  }
  scopes.set(byLanguage, ns);
  wantI18next();
  queueChange(); // elements that share these overrides (an authenticator's screens) re-render
  return ns;
}

const translators = new Map<string, Translate>();

/** A translate function for one locale, with an element's overrides (`translations`) on top of the shared phrases. */
export function translator(locale: Locale, overrides?: TranslationsByLanguage): Translate {
  const ns = scopeOf(overrides);
  const id = `${locale}\u0000${ns ?? ''}`;
  let t = translators.get(id);
  if (!t) {
    const namespaces = ns ? [ns, NS] : [NS];
    t = (key, options) => {
      // No silent fallback inside the lookup: a missing phrase is reported, then English (or the key) is shown.
      const opts = { ...options, lng: locale, ns: namespaces, fallbackLng: false };
      if (exists(key, opts)) return lookup(key, opts);
      for (const listener of [...missingListeners]) listener(locale, key);
      const english = { ...options, lng: 'en', ns: namespaces, fallbackLng: false };
      return locale !== 'en' && exists(key, english) ? lookup(key, english) : key;
    };
    translators.set(id, t);
  }
  return t;
}

/** Whether `key` has a phrase in `locale` (with `overrides`), without falling back to English. */
export function hasPhrase(locale: Locale, key: string, overrides?: TranslationsByLanguage): boolean {
  const ns = scopeOf(overrides);
  return exists(key, { lng: locale, ns: ns ? [ns, NS] : [NS], fallbackLng: false });
}

/** English, with the page's `addTranslations('en', …)`: for text outside any element. */
export const t: Translate = (key, options) => translator('en')(key, options);

// An English module that arrives later (a screen's or the account's phrases, src/locales/en/*.ts) joins the shared
// phrases; the page's addTranslations('en', …) are applied again over it, so an override of one of its phrases given
// before it arrived still wins. Per-element overrides live in namespaces of their own and are untouched.
onEnglishAdded((module: EnglishModule) => {
  addBundle('en', NS, JSON.parse(JSON.stringify(module)) as object); // i18next keeps what it is given, and merges into it
  for (const partial of globalOverrides.get('en') ?? []) addBundle('en', NS, partial);
  queueChange();
});
