import { LOCALES, RTL_LOCALES, type Locale } from './i18n-locales.js';

/**
 * Which language an element is in: a `lang` tag to one of the locales we ship, the nearest `lang` up the tree (across
 * shadow roots), the browser's preferences, and the notice when any of them changes. The one part of the engine that
 * reads the DOM, by design; every DOM use is guarded, so the module still loads where there is no DOM.
 */

const BY_LOWER_CASE = new Map<string, Locale>(LOCALES.map((l) => [l.toLowerCase(), l]));
/** Deprecated or macro-language codes for a language we ship. */
const ALIASES: Record<string, Locale> = { no: 'nb', nn: 'nb', iw: 'he', in: 'id' };
/** Regions whose Chinese is written in Traditional characters. */
const TRADITIONAL_CHINESE = new Set(['TW', 'HK', 'MO']);
/** Regions that write European Portuguese (everywhere but Brazil; plain `pt` means Brazilian, as most users are). */
const EUROPEAN_PORTUGUESE = new Set(['PT', 'AO', 'MZ', 'CV', 'GW', 'ST', 'TL', 'GQ', 'LU', 'CH']);

/**
 * The locale we ship for a language tag, or undefined. Exact locales first (`pt-PT`), then:
 * `pt` and other Portuguese -> `pt-BR` (European and African regions -> `pt-PT`);
 * `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO` -> `zh-TW`; `zh`, `zh-Hans`, `zh-CN`, `zh-SG` -> `zh-CN`;
 * `nn`, `no` -> `nb`; `iw` -> `he`; `in` -> `id`; any region or script variant -> its language (`de-AT` -> `de`).
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  const text = tag?.trim().replace(/_/g, '-');
  if (!text) return undefined;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(text);
  } catch {
    return undefined;
  }
  const exact = BY_LOWER_CASE.get(text.toLowerCase()) ?? BY_LOWER_CASE.get(locale.baseName.toLowerCase());
  if (exact) return exact;
  const language: string = ALIASES[locale.language] ?? locale.language;
  const region = locale.region?.toUpperCase();
  if (language === 'zh') {
    if (locale.script === 'Hant') return 'zh-TW';
    if (locale.script === 'Hans') return 'zh-CN';
    return region && TRADITIONAL_CHINESE.has(region) ? 'zh-TW' : 'zh-CN';
  }
  if (language === 'pt') return region && EUROPEAN_PORTUGUESE.has(region) ? 'pt-PT' : 'pt-BR';
  return BY_LOWER_CASE.get(language);
}

/** The first of `tags` we ship a locale for (the browser's preference order), else English. */
export function bestLocale(tags: Iterable<string | null | undefined>): Locale {
  for (const tag of tags) {
    const m = matchLocale(tag);
    if (m) return m;
  }
  return 'en';
}

/** `rtl` for Arabic and Hebrew, else `ltr`. */
export function dir(locale: Locale): 'ltr' | 'rtl' {
  return RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
}

/** The value of the nearest non-empty `lang` attribute from `node` up, crossing shadow roots to their hosts. */
export function nearestLang(node: Node | null | undefined): string | undefined {
  for (let n: Node | null | undefined = node; n; n = n.parentNode ?? (n as Partial<ShadowRoot>).host) {
    if (n.nodeType === 1) {
      const value = (n as Element).getAttribute('lang')?.trim();
      if (value) return value;
    }
  }
  return undefined;
}

/** The browser's preferred languages, most preferred first. */
export function preferredLanguages(): readonly string[] {
  const nav = (globalThis as { navigator?: Navigator }).navigator;
  if (nav?.languages?.length) return nav.languages;
  return nav?.language ? [nav.language] : [];
}

/**
 * The locale for an element: its own `lang`, else the nearest `lang` up the tree (crossing shadow roots), else the
 * browser's `navigator.languages`. A `lang` we have no locale for means English (the page said which language; we do
 * not second-guess it with the browser's).
 */
export function languageOf(element: Element | null | undefined, options: { skipOwn?: boolean } = {}): Locale {
  const start = options.skipOwn ? (element?.parentNode ?? (element as Partial<ShadowRoot> | undefined)?.host) : element;
  const lang = nearestLang(start);
  if (lang !== undefined) return matchLocale(lang) ?? 'en';
  return bestLocale(preferredLanguages());
}

const langListeners = new Set<() => void>();
const observedRoots = new WeakSet<Node>();
let langObserver: MutationObserver | undefined;
let listeningToBrowser = false;

function notifyLang(): void {
  for (const listener of [...langListeners]) listener();
}

/**
 * Calls `listener` when a `lang` attribute changes anywhere in the roots `node` lives in (its document and each shadow
 * root on the way), or the browser's languages change. Returns the function that stops it.
 */
export function watchLanguage(node: Node, listener: () => void): () => void {
  langListeners.add(listener);
  if (typeof MutationObserver !== 'undefined') {
    langObserver ??= new MutationObserver(notifyLang);
    for (let root: Node | undefined = node.getRootNode(); root; root = (root as Partial<ShadowRoot>).host?.getRootNode()) {
      if (observedRoots.has(root)) continue;
      observedRoots.add(root);
      langObserver.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }
  const target = globalThis as { addEventListener?: (type: string, fn: () => void) => void };
  if (!listeningToBrowser && typeof target.addEventListener === 'function') {
    listeningToBrowser = true;
    target.addEventListener('languagechange', notifyLang);
  }
  return () => langListeners.delete(listener);
}
