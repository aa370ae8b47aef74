import { html, nothing, type TemplateResult } from 'lit';
import { safeImageUrl } from './url.js';

// The window the authenticator draws around a screen (Cognito's `background-customizable`): the banner with the logo,
// the offline notice, the screen, the page's legal text. A part, so stories and tests draw the same frame.

export interface FrameOptions {
  /** The banner image (`logo`), and the one for dark themes (`logo-dark`); unsafe URLs are dropped. */
  logo?: string | null;
  logoDark?: string | null;
  /** The element's `theme`: which logo a dark theme shows. */
  theme?: string | null;
  /** The offline notice's text while the browser is offline, else undefined. */
  offline?: string;
  /** The page's legal text (any language, any direction: `dir=auto`). */
  legal?: string | null;
}

/** The banner: `logo-dark` on theme="dark", either by the colour scheme on theme="auto", else `logo`. */
export function banner(o: FrameOptions): TemplateResult | typeof nothing {
  const logo = safeImageUrl(o.logo ?? undefined);
  const dark = safeImageUrl(o.logoDark ?? undefined);
  if (!logo && !dark) return nothing;
  if (dark && (o.theme === 'dark' || !logo)) {
    return html`<div class="banner-customizable"><img class="logo-customizable cognito-logo-dark" src=${dark} alt="" /></div>`;
  }
  if (dark && o.theme === 'auto') {
    // The browser picks by the colour scheme, as theme="auto" itself does, with no script and no re-render.
    return html`<div class="banner-customizable"><picture
        ><source media="(prefers-color-scheme: dark)" srcset=${dark} /><img class="logo-customizable cognito-logo-auto" src=${logo!} alt=""
      /></picture></div>`;
  }
  return html`<div class="banner-customizable"><img class="logo-customizable" src=${logo!} alt="" /></div>`;
}

/** The whole window around `content`. */
export function frame(o: FrameOptions, content: unknown): TemplateResult {
  return html`<div class="background-customizable cognito-frame">
    ${banner(o)}
    ${o.offline ? html`<p class="cognito-offline" role="status">${o.offline}</p>` : nothing}
    <div class="cognito-content">${content}</div>
    ${o.legal ? html`<p class="legalText-customizable" dir="auto">${o.legal}</p>` : nothing}
  </div>`;
}
