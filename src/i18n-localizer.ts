import { dir, languageOf, watchLanguage } from './i18n-language.js';
import type { Locale } from './i18n-locales.js';
import {
  hasPhrase,
  isLoaded,
  loadLanguage,
  onTranslationsChange,
  translator,
  type Translate,
  type TranslationsByLanguage,
} from './i18n-phrases.js';

/** What a {@link Localizer} needs of its element: a Lit element fits. */
export interface LocalizedHost extends Element {
  requestUpdate(): void;
  addController?(controller: { hostConnected?(): void; hostDisconnected?(): void }): void;
}

export interface LocalizerOptions {
  /** The element's own overrides, per language (an authenticator's `translations` property). */
  translations?: () => TranslationsByLanguage | undefined;
  /**
   * Where to write `lang` and `dir` for the language shown (default: the host itself). Writing them tells screen
   * readers the language and lays right-to-left text out right to left.
   */
  target?: () => Element | null | undefined;
}

/**
 * Keeps an element in its language: resolves it (see {@link languageOf}), loads its locale, re-renders the element
 * when the language or any phrase changes, and writes `lang` and `dir` for the language actually shown. Until a
 * locale has loaded the element keeps showing the language it had, so nothing flickers through a raw key.
 *
 * Works as a Lit reactive controller: `new Localizer(this)` in the constructor, then `this.localizer.t(key)`.
 */
export class Localizer {
  readonly #host: LocalizedHost;
  readonly #options: LocalizerOptions;
  #requested: Locale = 'en';
  #language: Locale | undefined;
  /** The `lang` we wrote on the host, so it is not mistaken for one the page set. */
  #written: string | undefined;
  #off: (() => void)[] = [];
  #firstShown: Promise<void>;
  #resolveFirstShown!: () => void;

  constructor(host: LocalizedHost, options: LocalizerOptions = {}) {
    this.#host = host;
    this.#options = options;
    this.#firstShown = new Promise((resolve) => (this.#resolveFirstShown = resolve));
    host.addController?.(this);
  }

  hostConnected(): void {
    this.#off.push(
      onTranslationsChange(() => {
        this.#resolve();
        this.#host.requestUpdate();
      }),
      watchLanguage(this.#host, () => this.#resolve()),
    );
    this.#resolve();
  }

  hostDisconnected(): void {
    for (const off of this.#off.splice(0)) off();
  }

  /** The locale the element should show (it is shown as soon as it has loaded). */
  get requested(): Locale {
    return this.#requested;
  }

  /** The locale the element shows now. */
  get language(): Locale {
    return this.#language ?? 'en';
  }

  get dir(): 'ltr' | 'rtl' {
    return dir(this.language);
  }

  /** Translates in the language shown, with the element's overrides. */
  get t(): Translate {
    return translator(this.language, this.#options.translations?.());
  }

  /** Whether the language shown has a phrase for `key` (overrides included; no English fallback). */
  has(key: string): boolean {
    return hasPhrase(this.language, key, this.#options.translations?.());
  }

  /**
   * Undefined once a language is shown; before that, a promise for the first one. An element waits for it before its
   * first render (see `scheduleUpdate` in components/base.ts), so a German page never flashes English.
   */
  whenReady(): Promise<void> | undefined {
    return this.#language === undefined ? this.#firstShown : undefined;
  }

  #target(): Element | null | undefined {
    return this.#options.target ? this.#options.target() : this.#host;
  }

  #resolve(): void {
    const host = this.#host;
    const own = host.getAttribute('lang');
    const skipOwn = this.#target() === host && own !== null && own === this.#written;
    const requested = languageOf(host, { skipOwn });
    this.#requested = requested;
    if (isLoaded(requested)) {
      this.#show(requested);
      return;
    }
    loadLanguage(requested).then(
      () => {
        if (this.#requested === requested) this.#show(requested);
      },
      (error: unknown) => {
        console.warn(`cognito-elements: the ${requested} locale could not be loaded`, error);
        if (this.#language === undefined) this.#show('en');
      },
    );
  }

  #show(locale: Locale): void {
    const changed = locale !== this.#language;
    this.#language = locale;
    const target = this.#target();
    if (target) {
      if (target.getAttribute('lang') !== locale) target.setAttribute('lang', locale);
      if (target.getAttribute('dir') !== dir(locale)) target.setAttribute('dir', dir(locale));
      if (target === this.#host) this.#written = locale;
    }
    if (changed) {
      this.#resolveFirstShown();
      this.#host.requestUpdate();
    }
  }
}
