// <demo-frame>: what <cognito-authenticator> gives a screen, for a screen shown on its own in a story: the theme,
// the language (`lang`, and `dir` for right-to-left ones), and hosted-UI CSS sanitized and scoped to this one frame,
// all through the library's own style functions (components/styles.ts), so a story looks as the element would.
import { adoptTheme, applyCustomization, releaseCustomization } from '../components/styles.js';
import { RTL_LOCALES, type Locale } from '../src/locales/index.js';

export function isRtl(lang: string): boolean {
  return RTL_LOCALES.has(lang as Locale);
}

export class DemoFrame extends HTMLElement {
  static observedAttributes = ['theme', 'lang', 'customization-css'];
  #ready: Promise<boolean> = Promise.resolve(true);

  connectedCallback(): void {
    this.#apply();
  }

  disconnectedCallback(): void {
    releaseCustomization(this);
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#apply();
  }

  /** Resolves once the theme's stylesheet is in place (the story renderer waits for it, as for Lit elements). */
  get updateComplete(): Promise<boolean> {
    return this.#ready;
  }

  #apply(): void {
    const theme = this.getAttribute('theme') || 'classic';
    for (const c of [...this.classList]) if (c.startsWith('cognito-theme-')) this.classList.remove(c);
    this.classList.add(`cognito-theme-${theme}`);
    const lang = this.getAttribute('lang') || 'en';
    this.dir = isRtl(lang) ? 'rtl' : 'ltr';
    this.#ready = adoptTheme(this, theme).then(
      () => true,
      () => true,
    );
    applyCustomization(this, this.getAttribute('customization-css'));
  }
}

if (!customElements.get('demo-frame')) customElements.define('demo-frame', DemoFrame);

declare global {
  interface HTMLElementTagNameMap {
    'demo-frame': DemoFrame;
  }
}
