import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { AuthFlow, type FlowDeps } from '../src/flow/auth-flow.js';
import { ConfigError, parseConfig, type AuthConfig } from '../src/config.js';
import { preloadSdk } from '../src/api/client.js';
import type { Locale } from '../src/i18n.js';
import { storageFor, TokenStore } from '../src/session/index.js';
import type { AuthState, Screen } from '../src/state/index.js';
import type { FormFields } from './base.js';
import { domEventOf } from './authenticator/events.js';
import { authOptions, ENGINE_PROPERTIES, OPTIONS, optionDefaults, type OptionProperties } from './authenticator/options.js';
import { SCREENS, type ScreenTag } from './authenticator/screen-registry.js';
import { LocalizeController } from './controllers/localize.js';
import { adoptBaseStyles, adoptTheme, applyCustomization, customizationReady, releaseCustomization } from './styles.js';
import { frame } from './parts/frame.js';
import { noticeBanner } from './parts/form.js';
// The first screen is part of the first paint; every other one loads on first use (see the screen registry).
import './screens/sign-in.js';

export type { SignedInDetail, TokensRefreshedDetail } from './types.js';

/** What the authenticator sets on the screen element it shows. */
type ScreenElement = HTMLElement & { flow: AuthFlow; formFields: FormFields | undefined; focusOnArrival: boolean };

// The option properties (userPoolId, clientId, theme, config, secretHash, …) come from the options table.
export interface CognitoAuthenticator extends OptionProperties {}

/**
 * @summary Drop-in Amazon Cognito sign-in: every screen of the hosted UI, inside your page.
 *
 * Its attributes and properties (user-pool-id, client-id, theme, config, …) are the rows of
 * components/authenticator/options.ts, each documented there and in custom-elements.json.
 *
 * @fires cognito-signed-in - A user signed in (or a stored session was restored). detail: { username, claims, tokens: { idToken, accessToken, expiresAt }, restored } (never the refresh token: read `el.session`)
 * @fires cognito-tokens-refreshed - The session's tokens were renewed: replace the ones you keep. detail: { username, claims, tokens: { idToken, accessToken, expiresAt } } (never the refresh token)
 * @fires cognito-signed-out - The session ended. detail: { reason: 'user' | 'refresh-failed' | 'expired' | 'other-tab' | 'revoked' | 'deleted' }
 * @fires cognito-signed-up - SignUp succeeded. detail: { username, userSub, confirmed }
 * @fires cognito-screen-change - detail: { screen, previous }
 * @fires cognito-error - detail: { code, message (the text shown, in the element's language), cognitoName?, field?, retryable?, attribute?, screen? }
 *
 * @attr lang - The language, e.g. de, pt-BR, ar. Default: the nearest `lang` up the tree, else the browser's languages.
 * @attr screen - Reflects the current screen (read-only).
 *
 * @cssprop --cognito-color-primary - Submit button background (and radio accents); `--cognito-color-on-primary` its text.
 * @cssprop --cognito-color-surface - The window's background (`background-customizable`).
 * @cssprop --cognito-color-text - Text colour; `--cognito-color-text-muted` for hints.
 * @cssprop --cognito-color-link - Secondary actions (`redirect-customizable`).
 * @cssprop --cognito-color-focus - The focus ring.
 * @cssprop --cognito-color-error - Error text; `--cognito-color-error-background`, `--cognito-color-error-border`.
 * @cssprop --cognito-font-family - The font.
 * @cssprop --cognito-radius - Window corner radius; `--cognito-radius-control` for inputs and buttons.
 * @cssprop --cognito-max-width - The window's widest size (default 28rem). Every token: themes/base.css.
 *
 * Children you put inside the element are shown only while a user is signed in, after a notice while there is one.
 */
export class CognitoAuthenticator extends LitElement {
  static override properties = {
    ...OPTIONS,
    screen: { reflect: true },
    _state: { state: true },
    _restoring: { state: true },
    _configError: { state: true },
    _offline: { state: true },
  };

  /** The current screen, reflected as the `screen` attribute. Read it; setting it has no effect on the flow. */
  declare screen: Screen | null;
  declare _state: AuthState | undefined;
  declare _restoring: boolean;
  declare _configError: ConfigError | undefined;
  declare _offline: boolean;
  /** Another tab signed in or out with the same storage: follow it. */
  readonly #onStorage = (e: StorageEvent) => {
    const flow = this.#flow;
    if (flow && (e.key === null || e.key === flow.storageKey)) flow.syncFromStorage();
  };
  readonly #onConnectivity = () => {
    this._offline = globalThis.navigator?.onLine === false;
    // Tokens kept through a network failure (a stale session) are renewed as soon as the network is back.
    if (!this._offline && this.#flow?.session?.stale) void this.#flow.refresh();
  };

  #flow: AuthFlow | undefined;
  #unsubscribe: (() => void)[] = [];
  #root: HTMLElement | undefined;
  /** The element's language; `lang` and `dir` of the language shown are written on the root container. */
  readonly #l10n = new LocalizeController(this, { translations: () => this.translations, target: () => this.#root });
  /** Screen changes since the first render: the first screen on a page never takes focus. */
  #moves = 0;

  constructor() {
    super();
    Object.assign(this, optionDefaults());
    this._restoring = false;
    this._offline = false;
    this.screen = null;
  }

  /** The engine behind the element (undefined while the configuration is invalid). */
  get flow(): AuthFlow | undefined {
    return this.#flow;
  }

  /** The signed-in user's session (tokens and claims), or undefined. */
  get session() {
    return this.#flow?.session;
  }

  /**
   * Signs out: clears the session at once, then revokes tokens with Cognito. A session from an identity provider then
   * goes through `<domain>/logout` when `logout-uri` is set (unless `logout: false`).
   */
  async signOut(options?: { global?: boolean; logout?: boolean }): Promise<void> {
    await this.#flow?.signOut(options);
  }

  /** Sends the browser to an identity provider or to /logout. Replace it to open a popup, or to observe in tests. */
  navigate(url: string): void {
    globalThis.location.assign(url);
  }

  /**
   * Makes the engine for a valid configuration. The one seam under the element: a subclass can give the engine other
   * dependencies (a fake Cognito in tests, a clock); `deps` holds what the element itself needs (its `navigate`).
   */
  protected createFlow(config: AuthConfig, deps: FlowDeps): AuthFlow {
    return new AuthFlow(config, deps);
  }

  /**
   * The language the element shows, as one of the shipped locales (`en`, `de`, `pt-BR`, `zh-TW`, …), resolved from
   * `lang` (its own, else the nearest up the tree) or the browser's languages. Pass it on to Cognito's managed login
   * (`lang` of /oauth2/authorize) so a redirect keeps the language.
   */
  get language(): Locale {
    return this.#l10n.language;
  }

  /**
   * The first render waits for the locale to load (a few ms), so a page in German never flashes English; with
   * customization-css, for the sanitizer too (loaded on first use), so a customized element never flashes unstyled.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#l10n.schedule(() => super.scheduleUpdate(), customizationReady(this.customizationCss));
  }

  protected override createRenderRoot(): HTMLElement {
    // Our UI lives in one container in the light DOM, so the page's own children beside it are left alone.
    this.#root ??= Object.assign(document.createElement('div'), { className: 'cognito-root' });
    return this.#root;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Offline is shown before anything is sent (the flow also refuses to send while offline).
    this.#onConnectivity();
    window.addEventListener('online', this.#onConnectivity);
    window.addEventListener('offline', this.#onConnectivity);
    window.addEventListener('storage', this.#onStorage);
    if (this.#root && this.#root.parentNode !== this) this.prepend(this.#root);
    adoptBaseStyles(this);
    this.#styles();
    if (!this.#flow && this.hasUpdated) this.requestUpdate(); // re-added after its engine stopped: start a new one
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onConnectivity);
    window.removeEventListener('offline', this.#onConnectivity);
    window.removeEventListener('storage', this.#onStorage);
    releaseCustomization(this);
    // Removed for good (a move re-adds it before this microtask), its engine stops, so nothing page-wide (the shared
    // token store, a refresh timer) keeps the engine or this element alive (issue 17: attach/detach cycles leaked).
    queueMicrotask(() => {
      if (this.isConnected) return;
      for (const off of this.#unsubscribe.splice(0)) off();
      this.#flow?.dispose();
      this.#flow = undefined;
    });
  }

  /** The theme and customization-css, adopted into this element's root node (see styles.ts). */
  #styles(): void {
    adoptTheme(this, this.theme).catch((e: unknown) => console.warn('cognito-authenticator: the theme could not be loaded', e));
    applyCustomization(this, this.customizationCss);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('theme') || changed.has('customizationCss')) this.#styles();
    if ((!this.#flow && !this._configError) || ENGINE_PROPERTIES.some((k) => changed.has(k))) this.#start();
  }

  protected override firstUpdated(): void {
    if (this.#root && this.#root.parentNode !== this) this.prepend(this.#root);
  }

  /** Signed in from a step (not on arrival): the built-in view's heading takes the focus the step's input had. */
  protected override updated(changed: PropertyValues): void {
    if (changed.has('screen') && this.#moves && document.activeElement === document.body) this.querySelector<HTMLElement>('.cognito-signed-in h1')?.focus();
  }

  #start(): void {
    for (const off of this.#unsubscribe.splice(0)) off();
    this.#flow?.dispose();
    this.#flow = undefined;
    let config: AuthConfig;
    try {
      config = parseConfig(authOptions(this));
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      this._configError = e;
      this._state = undefined;
      this.#setScreen(null);
      this.#dispatch('cognito-error', { code: 'configuration', message: e.message, attribute: e.attribute });
      return;
    }
    this._configError = undefined;
    const flow = this.createFlow(config, {
      oauth: { navigate: (url) => this.navigate(url) },
      // Passkeys: the browser's WebAuthn, loaded only when a sign-in offers or creates one (never on a password-only page).
      webauthn: () => import('../src/crypto/webauthn.js').then((m) => m.createBrowserWebAuthn()),
    });
    this.#flow = flow;
    this.#unsubscribe.push(
      flow.subscribe((state) => this.#onState(state)),
      flow.onEvent((event) => {
        const [type, detail] = domEventOf(event, this.#l10n.t);
        this.#dispatch(type, detail);
      }),
    );
    this._state = flow.state;
    const initial = this.initialScreen;
    if (initial === 'sign-up' || initial === 'forgot-password') flow.goTo(initial);
    else this.#setScreen(flow.state.screen);
    // Back from an identity provider: the code (or error) leaves the address bar at once, then is redeemed. Only a
    // sign-in started in this tab is completed; callback parameters nobody is waiting for (a link, a replay) are just
    // removed, and the stored session is restored as usual, so a link can never make a signed-in user look signed out.
    const href = globalThis.location?.href;
    const returned = href !== undefined && flow.hosted?.returnedTo(href) === true;
    const callback = returned && flow.hosted?.callback(href) !== undefined;
    if (returned) {
      if (callback) this._restoring = true;
      // The identity-provider code is loaded only when there is a callback to clean (or providers to show).
      void import('./parts/federation-ui.js')
        .then(
          ({ cleanCallbackUrl }) => {
            history.replaceState(history.state, '', cleanCallbackUrl(href));
            return callback ? flow.completeHostedSignIn(href) : false;
          },
          (e: unknown) => console.warn('cognito-authenticator: the sign-in could not be completed (offline?)', e),
        )
        .finally(() => {
          if (callback && this.#flow === flow) this._restoring = false;
        });
    }
    // A stored session signs the user in without showing the form at all.
    const stored = new TokenStore(storageFor(config.storage, config.keepSignedIn), config.clientId).load();
    if (stored && !callback) {
      this._restoring = true;
      void flow.restore().finally(() => {
        if (this.#flow === flow) this._restoring = false;
      });
    }
    // The SDK is needed at the first submit: fetch it after the first paint (a frame callback runs before that frame
    // paints; the task after it runs once the frame is out), so its import() is not on the path to a usable form.
    requestAnimationFrame(() => setTimeout(() => void preloadSdk().catch(() => undefined)));
  }

  #onState(state: AuthState): void {
    this._state = state;
    this.#setScreen(state.screen);
    if (state.screen !== 'signed-in') this.#loadScreen(state.screen);
  }

  /**
   * Loads a screen's element the first time it shows (nothing is fetched ahead of time, see screen-registry.ts). A
   * page that went offline before it needed this screen shows "busy" until the browser is back online, then loads it.
   */
  #loadScreen(screen: Exclude<Screen, 'signed-in'>): void {
    SCREENS[screen]().then(
      () => this.requestUpdate(),
      () => globalThis.addEventListener('online', () => this.#loadScreen(screen), { once: true }),
    );
  }

  #setScreen(screen: Screen | null): void {
    const previous = this.screen;
    if (previous === screen) return;
    this.screen = screen;
    if (this.hasUpdated) this.#moves++; // (Lit sets it as firstUpdated runs)
    if (screen) this.#dispatch('cognito-screen-change', { screen, previous });
  }

  /**
   * Until DOMContentLoaded, events wait for it (in order: its listeners run as added), so a page that adds its
   * listeners in a script after the library's (README's quick start) still hears a restored sign-in, the first screen
   * and a configuration error. readyState cannot tell: it is "interactive" both while the page's deferred and module
   * scripts run and after DOMContentLoaded; the navigation's timing can (0 until then).
   */
  #dispatch(type: string, detail: unknown): void {
    const fire = () => this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    if ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventStart === 0) {
      document.addEventListener('DOMContentLoaded', fire, { once: true });
    } else fire();
  }

  /**
   * "Signed in as ada.lovelace@example.com": a long address breaks after '@' and before a '.' (<wbr> elements), never
   * inside a name (not even at its '-'): each name is a span base.css keeps whole unless it alone is wider than the line.
   * The address stays text.
   */
  #signedInAs(name: string): TemplateResult | string {
    const text = this.#l10n.t('signedIn.as', { name });
    const at = text.indexOf(name);
    if (at < 0) return text;
    const parts = name.split(/(?<=@)|(?=\.)/).map((p, i) => html`${i ? html`<wbr>` : nothing}<span>${p}</span>`);
    return html`${text.slice(0, at)}<span class="cognito-email">${parts}</span>${text.slice(at + name.length)}`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const shown = this.#shown;
    this.#shown = undefined; // set again below if this render shows a screen
    if (this._configError) return this.#renderConfigError(this._configError);
    const state = this._state;
    const flow = this.#flow;
    if (!state || !flow || this._restoring) return html`<div class="cognito-restoring" role="status" aria-live="polite">${this.#l10n.t('common.busy')}</div>`;
    if (state.screen === 'signed-in') {
      // The page's own children show now (see styles.ts), after the notice if there is one ("Your passkey is ready…",
      // a status line: the prompt's button, which had the focus, is gone); without any, a minimal signed-in view.
      const notice = noticeBanner(this.#l10n.t, state.notice);
      if ([...this.children].some((c) => c !== this.#root && !c.hasAttribute('slot'))) return notice;
      return this.#frame(html`<div class="cognito-signed-in">
        <h1 class="cognito-heading" tabindex="-1" data-screen-heading>${this.#l10n.t('signedIn.title')}</h1>
        <p class="textDescription-customizable">${this.#signedInAs(String(state.session.claims.email ?? state.session.username))}</p>
        ${notice}
        <button type="button" class="submitButton-customizable" data-action="sign-out" @click=${() => void this.signOut()}>${this.#l10n.t('signedIn.signOut')}</button>
      </div>`);
    }
    const tag: ScreenTag = `cognito-${state.screen}`;
    if (!customElements.get(tag)) return this.#frame(html`<div class="cognito-loading" role="status">${this.#l10n.t('common.busy')}</div>`);
    return this.#frame(this.#screenElement(tag, flow, shown));
  }

  /** The screen element the last render showed: kept while its screen stays, so what the user typed survives. */
  #shown: ScreenElement | undefined;

  #screenElement(tag: string, flow: AuthFlow, shown: ScreenElement | undefined): ScreenElement {
    // A new element for every visit to a screen (nothing typed on an earlier visit comes back), the same one while
    // the screen stays, as one Lit template per screen would do; properties set as Lit's bindings would set them.
    const el = shown?.localName === tag ? shown : (document.createElement(tag) as ScreenElement);
    el.flow = flow;
    el.formFields = this.formFields;
    el.focusOnArrival = this.#moves > 0;
    if (tag === 'cognito-sign-in') el.toggleAttribute('hide-sign-up', this.hideSignUp);
    if (tag === 'cognito-mfa-code') el.toggleAttribute('remember-device', this.rememberDevice);
    return (this.#shown = el);
  }

  #frame(content: TemplateResult | ScreenElement): TemplateResult {
    const legal = this.#l10n.has('legal.text') ? this.#l10n.t('legal.text') : this.legalText;
    const offline = this._offline ? this.#l10n.t('common.offline') : undefined;
    return frame({ logo: this.logo, logoDark: this.logoDark, theme: this.theme, offline, legal }, content);
  }

  #renderConfigError(error: ConfigError): TemplateResult {
    return html`<div class="background-customizable cognito-frame cognito-config-error">
      <div class="errorMessage-customizable" role="alert" data-attribute=${error.attribute}>
        <strong>${this.#l10n.t('config.title')}</strong>
        <p>${this.#l10n.t('config.attribute', { attribute: error.attribute, message: error.message.replace(`${error.attribute}: `, '') })}</p>
      </div>
    </div>`;
  }
}

if (!customElements.get('cognito-authenticator')) customElements.define('cognito-authenticator', CognitoAuthenticator);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-authenticator': CognitoAuthenticator;
  }
}
