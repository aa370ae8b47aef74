import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ref } from 'lit/directives/ref.js';
import type { AuthError } from '../../src/errors.js';
import type { FederationConfig, IdentityProvider, SocialProviderName } from '../../src/federation-config.js';
import type { Translate } from '../../src/i18n.js';

// The identity-provider part of the sign-in screen, as Cognito's hosted UI lays it out: social buttons with the
// provider's mark and name (legal text under them), then "Sign in with your corporate ID" with a button per SAML/OIDC
// provider, or one email box when every such provider has identifiers. Marks are Lit `svg` templates: constant
// markup, never strings parsed as HTML; provider names and labels are rendered as text.

const MARKS: Record<SocialProviderName, SVGTemplateResult> = {
  Google: svg`<path fill="#4285F4" d="M22.56 12.25c0-.78-.07-1.53-.2-2.25H12v4.26h5.92a5.06 5.06 0 0 1-2.21 3.31v2.77h3.57c2.08-1.92 3.28-4.74 3.28-8.09z"/>
    <path fill="#34A853" d="M12 23c2.97 0 5.46-.98 7.28-2.66l-3.57-2.77c-.98.66-2.23 1.06-3.71 1.06-2.86 0-5.29-1.93-6.16-4.53H2.18v2.84A11 11 0 0 0 12 23z"/>
    <path fill="#FBBC05" d="M5.84 14.09A6.6 6.6 0 0 1 5.49 12c0-.73.13-1.43.35-2.09V7.07H2.18A11 11 0 0 0 1 12c0 1.78.43 3.45 1.18 4.93l3.66-2.84z"/>
    <path fill="#EA4335" d="M12 5.38c1.62 0 3.06.56 4.21 1.64l3.15-3.15C17.45 2.09 14.97 1 12 1A11 11 0 0 0 2.18 7.07l3.66 2.84C6.71 7.31 9.14 5.38 12 5.38z"/>`,
  Facebook: svg`<path fill="#1877F2" d="M24 12.07C24 5.4 18.63 0 12 0S0 5.4 0 12.07C0 18.1 4.39 23.09 10.13 24v-8.44H7.08v-3.49h3.05V9.43c0-3.01 1.79-4.67 4.53-4.67 1.31 0 2.69.23 2.69.23v2.96h-1.52c-1.49 0-1.96.93-1.96 1.88v2.25h3.33l-.53 3.49h-2.8V24C19.61 23.09 24 18.1 24 12.07z"/>`,
  LoginWithAmazon: svg`<path fill="currentColor" d="M13.96 9.3c-1.93.07-5.2.6-5.2 3.4 0 1.86 1.16 2.8 2.68 2.8 1.02 0 1.93-.44 2.56-1.12.22.31.55.62.83.86l1.24-1.05c-.33-.3-.8-.75-.8-1.5V8.5c0-1.22-.96-2.5-3.27-2.5-1.94 0-3.32 1.05-3.5 2.4l1.75.18c.1-.6.62-1.05 1.5-1.05.78 0 1.21.44 1.21 1.2v.57zm0 1.55v.7c0 1.35-.73 1.98-1.53 1.98-.66 0-1.04-.44-1.04-1.13 0-1.3 1.2-1.55 2.57-1.55z"/>
    <path fill="#FF9900" d="M2.3 17.3c5.4 3.4 13.7 3.7 19.3.3l-.8-1.3c-5.1 3-12.9 2.8-17.8-.3l-.7 1.3z"/>
    <path fill="#FF9900" d="M19.4 15.2l3.2.3-.7 3.1-.6-1.5z"/>`,
  SignInWithApple: svg`<path fill="currentColor" d="M16.37 1.43c0 1.14-.47 2.26-1.2 3.06-.8.87-2.09 1.54-3.15 1.46-.13-1.1.42-2.27 1.15-3.02.81-.85 2.2-1.49 3.2-1.5zM20.5 17.1c-.55 1.27-.82 1.84-1.53 2.96-.99 1.56-2.39 3.5-4.12 3.52-1.54.01-1.93-1-4.02-.99-2.09.01-2.52 1.01-4.06 1-1.73-.02-3.06-1.77-4.05-3.33C-.06 15.9-.35 11.04 1.3 8.5 2.47 6.7 4.32 5.64 6.06 5.64c1.77 0 2.88.97 4.34.97 1.42 0 2.28-.97 4.33-.97 1.55 0 3.19.84 4.36 2.3-3.83 2.1-3.21 7.57.41 9.16z"/>`,
};

/** The provider's mark, decorative (the button's text names the provider). Undefined for SAML/OIDC providers. */
export function providerMark(name: string): TemplateResult | typeof nothing {
  const mark = MARKS[name as SocialProviderName];
  if (!mark) return nothing;
  return html`<svg class="cognito-idp-mark" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${mark}</svg>`;
}

/** The text a provider's button shows: "Continue with Google" for social ones, the label or name for the others. */
export function providerText(t: Translate, p: IdentityProvider): string {
  if (p.kind === 'social') return t('idp.continueWith', { provider: p.label ?? t(`idp.providers.${p.name}`) });
  return p.label ?? p.name;
}

/** Whether the SAML/OIDC providers are reached through one email box (all have identifiers) instead of buttons. */
export function usesEmailBox(federation: FederationConfig): boolean {
  const enterprise = federation.providers.filter((p) => p.kind === 'enterprise');
  return enterprise.length > 0 && enterprise.every((p) => p.identifiers.length > 0);
}

/**
 * The language to ask Cognito's pages for (`lang`): the language the authenticator shows, else the nearest `lang`
 * attribute of a screen used on its own; undefined when neither says.
 */
export function requestedLang(el: Element): string | undefined {
  const host = el.closest('cognito-authenticator') as (Element & { language?: unknown }) | null;
  if (host && typeof host.language === 'string' && host.language) return host.language;
  return el.closest('[lang]')?.getAttribute('lang')?.trim() || undefined;
}

/** What a sign-in with an identity provider takes from the form it starts on (AuthFlow.signInWithProvider's options). */
export interface ProviderSignInOptions {
  lang?: string;
  keepSignedIn?: boolean;
}

/**
 * The options for a provider sign-in started from `el` (a button of the section): the language to ask for, and the
 * "Keep me signed in" box of the same form, as it stands (undefined where the form shows none), so the box applies to
 * the tokens that come back after the redirect as it does to a password's.
 */
function providerOptions(el: Element): ProviderSignInOptions {
  const box = el.closest('form')?.querySelector<HTMLInputElement>('input[name="keep_signed_in"]');
  return { lang: requestedLang(el), keepSignedIn: box?.checked };
}

export interface IdpSectionOptions {
  t: Translate;
  federation: FederationConfig;
  /** Prefix for ids (label wiring). */
  id: string;
  busy: boolean;
  error?: AuthError;
  /** Id of the screen's error banner, for aria-describedby on the email box. */
  errorId: string;
  /** Show the email box (false when `idp-routing="auto"` routes from the username field instead). */
  emailBox: boolean;
  /**
   * The address the email box sent, back with an error from its provider (the engine puts it in the state's
   * username: src/flow/hosted.ts). Shown in the box only beside an oauth-* error, so retrying is one press.
   */
  email?: string;
  onProvider(name: string, options: ProviderSignInOptions): void;
  onEmail(email: string, options: ProviderSignInOptions): void;
}

/** Social buttons, the corporate-ID section (buttons or email box), as the hosted UI shows them. */
// A hosted-UI template may fix a provider button's height (AWS's: 46/50 px). Where the label wraps (a 320 px phone, a
// long translation) it would spill out of the button: such a button is marked and its CSS (themes/idp.css) lets it
// grow. Whether the label wraps does not depend on the button's height, so the mark never flips back and forth.
const wraps =
  typeof ResizeObserver === 'undefined'
    ? undefined
    : new ResizeObserver((entries) => {
        // The label is observed, not the button: marking the button changes the button's size, never the label's.
        for (const { target: label } of entries) {
          const line = parseFloat(getComputedStyle(label).lineHeight) || label.getBoundingClientRect().height;
          label.parentElement?.toggleAttribute('data-cognito-wraps', label.getBoundingClientRect().height > line * 1.5);
          if (label.parentElement) liftContrast(label.parentElement);
        }
      });

// Hosted-UI CSS picks the buttons' colours (AWS's template: #fff on #5bc0de, 2.1:1). Where the page's text and background
// read below AA (4.5:1), the page's colour is kept and only shaded: a black (or, under dark text, white) overlay of the
// least opacity that reaches 4.6:1 (a margin for rounding), drawn as a background-image (themes/idp.css) so the hue stays.
// Measured after layout (the observer above: the button's CSS has applied by then), from the computed colours.
type Rgba = number[];
const parse = (c: string): Rgba => (/rgba?\(([^)]+)\)/.exec(c)?.[1] ?? '0,0,0,0').split(/[\s,/]+/).filter(Boolean).map(Number);
const over = (top: Rgba, below: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * (top[3] ?? 1) + below[i]! * (1 - (top[3] ?? 1)));
const lum = (c: Rgba) =>
  [0.2126, 0.7152, 0.0722].reduce((sum, w, i) => {
    const v = c[i]! / 255;
    return sum + w * (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  }, 0);
const ratio = (a: Rgba, b: Rgba) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
/** The opaque colour behind `el`'s text: its background over its ancestors' (white at the top). */
function backdrop(el: Element | null): Rgba {
  if (!el) return [255, 255, 255];
  const bg = parse(getComputedStyle(el).backgroundColor);
  return (bg[3] ?? 1) >= 1 ? bg : over(bg, backdrop(el.parentElement));
}
function liftContrast(button: HTMLElement): void {
  const bg = backdrop(button);
  const text = over(parse(getComputedStyle(button).color), bg);
  let best: [number, number] | undefined; // [overlay opacity, 0 black / 255 white]
  if (ratio(text, bg) < 4.5) {
    for (const ink of [0, 255]) {
      let a = 0;
      while (a < 1 && ratio(text, over([ink, ink, ink, a], bg)) < 4.6) a += 0.02;
      if (a < 1 && (!best || a < best[0])) best = [a, ink];
    }
  }
  button.toggleAttribute('data-cognito-lift', Boolean(best));
  if (best) button.style.setProperty('--cognito-lift', `rgb(${best[1]} ${best[1]} ${best[1]} / ${best[0].toFixed(2)})`);
  else button.style.removeProperty('--cognito-lift');
}
const fitLabel = ref((el) => {
  if (el) wraps?.observe(el);
});

// The control pressed in each section (by its id prefix): the one whose request is running, marked aria-busy so a
// screen reader says which provider is working. Forgotten once the section renders not busy.
const pressed = new Map<string, string>();

/** The busy spinner and its spoken text, as the submit button shows them (components/parts/form.ts). */
function spinner(t: Translate, on: boolean): TemplateResult | typeof nothing {
  return on ? html`<span class="cognito-spinner cognito-idp-spinner" aria-hidden="true"></span><span class="cognito-visually-hidden">${t('common.busy')}</span>` : nothing;
}

export function idpSection(o: IdpSectionOptions): TemplateResult | typeof nothing {
  const { t, federation, id, busy } = o;
  if (!busy) pressed.delete(id);
  const working = busy ? pressed.get(id) : undefined;
  const social = federation.providers.filter((p) => p.kind === 'social');
  const enterprise = federation.providers.filter((p) => p.kind === 'enterprise');
  const emailMode = usesEmailBox(federation);
  const enterpriseButtons = emailMode ? [] : enterprise;
  const showEmail = emailMode && o.emailBox;
  if (!social.length && !enterpriseButtons.length && !showEmail) return nothing;
  // While a request runs the buttons are aria-disabled and do nothing, never `disabled`: that would drop the focus of
  // the user who just pressed one to <body> (as methodButtons in sign-in-methods.ts and actionButton in form.ts).
  const button = (p: IdentityProvider, cls: string) =>
    html`<button
      type="button"
      class=${cls}
      data-action="idp"
      data-provider=${p.name}
      aria-disabled=${busy}
      aria-busy=${working === p.name ? 'true' : 'false'}
      @click=${busy
        ? nothing
        : (e: Event) => {
            pressed.set(id, p.name);
            o.onProvider(p.name, providerOptions(e.currentTarget as Element));
          }}
    >
      ${spinner(t, working === p.name)}${providerMark(p.name)}<span class="cognito-idp-text" ${fitLabel}>${providerText(t, p)}</span>
    </button>`;
  const invalid = o.error?.field === 'email';
  const emailKey = (e: KeyboardEvent) => {
    // Enter sends the email box on its own: the user pool form around it is not submitted.
    if (e.key !== 'Enter' || e.isComposing) return;
    e.preventDefault();
    if (busy) return;
    const input = e.currentTarget as HTMLInputElement;
    pressed.set(id, 'idp-email');
    o.onEmail(input.value, providerOptions(input));
  };
  const emailClick = (e: Event) => {
    const button = e.currentTarget as HTMLElement;
    const input = button.closest('.cognito-idp-enterprise')?.querySelector<HTMLInputElement>('input[name="email"]');
    pressed.set(id, 'idp-email');
    o.onEmail(input?.value ?? '', providerOptions(button));
  };
  const hint = invalid && o.error?.code === 'oauth-no-provider' && !federation.hideNative;
  const describedBy = [invalid ? o.errorId : '', hint ? `${id}-idp-hint` : ''].filter(Boolean).join(' ');
  // Back from the provider with an error: the address the box sent, as its default value (never over what the user
  // typed since), so trying again is one press.
  const returned = o.error?.code.startsWith('oauth-') && o.email?.includes('@') ? o.email : undefined;
  return html`<div class="cognito-idp">
    ${social.length
      ? html`<div class="cognito-idp-social" role="group" aria-labelledby=${`${id}-idp-social-h`}>
          <!-- A heading like the other sections' (jumping by heading reaches each); the buttons say it already. -->
          <h2 id=${`${id}-idp-social-h`} class="cognito-visually-hidden">${t('idp.socialHeading')}</h2>
          ${social.map((p) => button(p, 'socialButton-customizable'))}
          <p class="legalText-customizable">${t('idp.legalText')}</p>
        </div>`
      : nothing}
    ${enterpriseButtons.length || showEmail
      ? html`<div class="cognito-idp-enterprise" role="group" aria-labelledby=${`${id}-idp-h`}>
          <h2 id=${`${id}-idp-h`} class="idpDescription-customizable">${t('idp.corporateHeading')}</h2>
          ${enterpriseButtons.map((p) => button(p, 'idpButton-customizable'))}
          ${showEmail
            ? html`<div class="cognito-field">
                  <label class="label-customizable" for=${`${id}-idp-email`}>${t('idp.emailLabel')}</label>
                  <input
                    id=${`${id}-idp-email`}
                    class="inputField-customizable"
                    name="email"
                    type="email"
                    autocomplete="email"
                    placeholder=${t('idp.emailPlaceholder')}
                    aria-invalid=${invalid ? 'true' : 'false'}
                    aria-describedby=${ifDefined(describedBy || undefined)}
                    value=${ifDefined(returned)}
                    autocapitalize="off"
                    spellcheck="false"
                    @keydown=${emailKey}
                  />
                  ${hint
                    ? html`<p id=${`${id}-idp-hint`} class="cognito-hint textDescription-customizable" data-hint="use-password">${t('idp.usePassword')}</p>`
                    : nothing}
                </div>
                <!-- Beside the password form's own submit, the email box's button is a secondary one, named differently. -->
                <button type="button" class=${federation.hideNative ? 'submitButton-customizable cognito-idp-submit' : 'cognito-idp-continue cognito-idp-submit'} data-action="idp-email" aria-disabled=${busy} aria-busy=${working === 'idp-email' ? 'true' : 'false'} @click=${busy ? nothing : emailClick}>
                  ${spinner(t, working === 'idp-email')}<span class="cognito-idp-text" ${fitLabel}>${federation.hideNative ? t('idp.submit') : t('idp.continueSso')}</span>
                </button>`
            : nothing}
        </div>`
      : nothing}
  </div>`;
}
