import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { AuthFlow } from '../src/flow.js';
import { ConfigError, parseConfig, type AuthConfig, type AuthOptions, type SecretHashFn, type SmsMfaSetupFn } from '../src/config.js';
import { preloadSdk } from '../src/cognito.js';
import { Localizer, type Locale, type TranslationsByLanguage } from '../src/i18n.js';
import { storageFor, TokenStore } from '../src/session.js';
import type { AuthState, FlowEvent, Screen } from '../src/state.js';
import type { FormFields } from './base.js';
import { adoptBaseStyles, adoptTheme, applyCustomization, customizationReady, releaseCustomization, type ThemeName } from './styles.js';
import { safeImageUrl } from './parts/url.js';
import './screens/sign-in.js';

/** Screen -> element tag; every screen but sign-in is loaded on first use, so the first paint carries only sign-in. */
const SCREENS: Record<Exclude<Screen, 'signed-in'>, { tag: string; load: () => Promise<unknown> }> = {
  'sign-in': { tag: 'cognito-sign-in', load: () => Promise.resolve() },
  'sign-up': { tag: 'cognito-sign-up', load: () => import('./screens/sign-up.js') },
  'confirm-sign-up': { tag: 'cognito-confirm-sign-up', load: () => import('./screens/confirm-sign-up.js') },
  'forgot-password': { tag: 'cognito-forgot-password', load: () => import('./screens/forgot-password.js') },
  'confirm-forgot-password': { tag: 'cognito-confirm-forgot-password', load: () => import('./screens/confirm-forgot-password.js') },
  'new-password': { tag: 'cognito-new-password', load: () => import('./screens/new-password.js') },
  'select-mfa': { tag: 'cognito-select-mfa', load: () => import('./screens/select-mfa.js') },
  'setup-mfa': { tag: 'cognito-setup-mfa', load: () => import('./screens/setup-mfa.js') },
  'setup-totp': { tag: 'cognito-setup-totp', load: () => import('./screens/setup-totp.js') },
  'setup-sms': { tag: 'cognito-setup-sms', load: () => import('./screens/setup-sms.js') },
  'mfa-code': { tag: 'cognito-mfa-code', load: () => import('./screens/mfa-code.js') },
};

/** What the authenticator sets on the screen element it shows. */
type ScreenElement = HTMLElement & { flow: AuthFlow; formFields: FormFields | undefined; focusOnArrival: boolean };

export interface SignedInDetail {
  username: string;
  claims: Record<string, unknown>;
  tokens: { idToken: string; accessToken: string; refreshToken?: string; expiresAt: number };
  restored: boolean;
}

/**
 * @summary Drop-in Amazon Cognito sign-in: every screen of the hosted UI, inside your page.
 *
 * @fires cognito-signed-in - A user signed in (or a stored session was restored). detail: { username, claims, tokens, restored }
 * @fires cognito-signed-out - The session ended. detail: { reason: 'user' | 'refresh-failed' | 'expired' | 'other-tab' }
 * @fires cognito-signed-up - SignUp succeeded. detail: { username, userSub, confirmed }
 * @fires cognito-screen-change - detail: { screen, previous }
 * @fires cognito-error - detail: { code, message, cognitoName?, attribute? }
 *
 * @attr user-pool-id - Required, e.g. us-east-1_AbCdEf123.
 * @attr client-id - Required: the app client id.
 * @attr region - Default: the user pool id's prefix.
 * @attr endpoint - Override the Cognito endpoint (e.g. a local emulator).
 * @attr auth-flow - USER_SRP_AUTH (default) or USER_PASSWORD_AUTH.
 * @attr initial-screen - sign-in (default), sign-up or forgot-password.
 * @attr username-attributes - email, phone_number, both, or absent for plain usernames (as in the pool).
 * @attr sign-up-attributes - Space-separated Cognito attributes asked at sign-up (standard or custom:).
 * @attr password-policy - Cognito PasswordPolicyType JSON.
 * @attr hide-sign-up - Hide "Need an account? Sign up".
 * @attr storage - memory, session or local (default).
 * @attr logo - Image URL for the banner (https, relative or data:image).
 * @attr legal-text - Text under the form (per language: `translations` / addTranslations with `legal.text`).
 * @attr lang - The language, e.g. de, pt-BR, ar. Default: the nearest `lang` up the tree, else the browser's languages.
 * @attr theme - classic (default: Cognito's classic hosted UI look), modern, dark, or auto (classic or dark, following
 *   prefers-color-scheme). Non-default themes load on first use. Tune any theme with the --cognito-* custom properties.
 * @attr customization-css - Hosted-UI CSS as GetUICustomization returns it: sanitized (Cognito's classes and properties
 *   only) and applied to this element alone.
 * @attr domain - The user pool domain for identity providers: https://auth.example.com or <prefix>.auth.<region>.amazoncognito.com.
 * @attr redirect-uri - Where Cognito sends users back after an identity provider (default: this page without query and hash).
 * @attr scopes - OAuth scopes for identity providers (default: openid email profile).
 * @attr identity-providers - JSON list of { "name", "label"?, "identifiers"? }: Google, Facebook, LoginWithAmazon,
 *   SignInWithApple, or your SAML/OIDC provider names (identifiers: email domains routed to that provider).
 * @attr hide-native - Identity providers only: no user pool sign-in form.
 * @attr idp-routing - auto: a typed email whose domain is an identifier offers "Continue with <provider>" instead of a password.
 * @attr logout-uri - After signing out of an identity-provider session, go through <domain>/logout back to this URL.
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
 * Children you put inside the element are shown only while a user is signed in.
 */
export class CognitoAuthenticator extends LitElement {
  static override properties = {
    userPoolId: { attribute: 'user-pool-id' },
    clientId: { attribute: 'client-id' },
    region: {},
    endpoint: {},
    authFlow: { attribute: 'auth-flow' },
    initialScreen: { attribute: 'initial-screen' },
    usernameAttributes: { attribute: 'username-attributes' },
    signUpAttributes: { attribute: 'sign-up-attributes' },
    passwordPolicy: { attribute: 'password-policy' },
    hideSignUp: { attribute: 'hide-sign-up', type: Boolean },
    storage: {},
    logo: {},
    legalText: { attribute: 'legal-text' },
    theme: { reflect: true },
    customizationCss: { attribute: 'customization-css' },
    screen: { reflect: true },
    config: { attribute: false },
    secretHash: { attribute: false },
    smsMfaSetup: { attribute: false },
    formFields: { attribute: false },
    translations: { attribute: false },
    domain: {},
    redirectUri: { attribute: 'redirect-uri' },
    scopes: {},
    identityProviders: { attribute: 'identity-providers' },
    hideNative: { attribute: 'hide-native', type: Boolean },
    idpRouting: { attribute: 'idp-routing' },
    logoutUri: { attribute: 'logout-uri' },
    _state: { state: true },
    _restoring: { state: true },
    _configError: { state: true },
    _offline: { state: true },
  };

  declare userPoolId: string | null;
  declare clientId: string | null;
  declare region: string | null;
  declare endpoint: string | null;
  declare authFlow: string | null;
  declare initialScreen: string | null;
  declare usernameAttributes: string | null;
  declare signUpAttributes: string | null;
  declare passwordPolicy: string | null;
  declare hideSignUp: boolean;
  declare storage: string | null;
  declare logo: string | null;
  declare legalText: string | null;
  /** classic (default), modern, dark or auto; reflected, since the themes select on it. */
  declare theme: ThemeName | null;
  /** Hosted-UI CSS (GetUICustomization's `CSS`), sanitized and scoped to this element. */
  declare customizationCss: string | null;
  /** The current screen, reflected as the `screen` attribute. Read it; setting it has no effect on the flow. */
  declare screen: Screen | null;
  /** All options as one object (same meaning as the attributes); attributes win where both are set. */
  declare config: AuthOptions | undefined;
  /** For app clients with a secret: computes SECRET_HASH on your server. No secret ever belongs in the browser. */
  declare secretHash: SecretHashFn | undefined;
  /** Lets SMS MFA be set up during sign-in (your server adds the phone number); see SmsMfaSetupFn. */
  declare smsMfaSetup: SmsMfaSetupFn | undefined;
  /** Per-field label, placeholder, order and requiredness, keyed by input name (e.g. `given_name`). */
  declare formFields: FormFields | undefined;
  /**
   * Phrase overrides for this element only, per language: `{ en: { signIn: { title: 'Log in' } }, de: { … } }`, any
   * key of the locale files plus `legal.text`. Assign a new object to change them.
   */
  declare translations: TranslationsByLanguage | undefined;
  // -- federation (identity providers): see the @attr lines above --
  declare domain: string | null;
  declare redirectUri: string | null;
  declare scopes: string | null;
  declare identityProviders: string | null;
  declare hideNative: boolean;
  declare idpRouting: string | null;
  declare logoutUri: string | null;
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
  };

  #flow: AuthFlow | undefined;
  #unsubscribe: (() => void)[] = [];
  #root: HTMLElement | undefined;
  /** The element's language; `lang` and `dir` of the language shown are written on the root container. */
  readonly #l10n = new Localizer(this, { translations: () => this.translations, target: () => this.#root });
  /** Screen changes since the first render: the first screen on a page never takes focus. */
  #moves = 0;
  #rendered = false;

  constructor() {
    super();
    this.hideSignUp = false;
    this.hideNative = false;
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
    const locale = this.#l10n.whenReady();
    const css = customizationReady(this.customizationCss);
    const ready = locale && css ? Promise.all([locale, css]) : (locale ?? css);
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
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
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onConnectivity);
    window.removeEventListener('offline', this.#onConnectivity);
    window.removeEventListener('storage', this.#onStorage);
    releaseCustomization(this);
  }

  /** The theme and customization-css, adopted into this element's root node (see styles.ts). */
  #styles(): void {
    adoptTheme(this, this.theme).catch((e: unknown) => console.warn('cognito-authenticator: the theme could not be loaded', e));
    applyCustomization(this, this.customizationCss);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('theme') || changed.has('customizationCss')) this.#styles();
    const engineChanged =
      !this.#flow && !this._configError
        ? true
        : ['userPoolId', 'clientId', 'region', 'endpoint', 'authFlow', 'usernameAttributes', 'signUpAttributes', 'passwordPolicy', 'storage', 'config', 'secretHash', 'smsMfaSetup', 'domain', 'redirectUri', 'scopes', 'identityProviders', 'hideNative', 'idpRouting', 'logoutUri'].some((k) =>
            changed.has(k),
          );
    if (engineChanged) this.#start();
  }

  protected override firstUpdated(): void {
    this.#rendered = true;
    if (this.#root && this.#root.parentNode !== this) this.prepend(this.#root);
  }

  #options(): AuthOptions {
    const c = this.config ?? {};
    return {
      ...c,
      userPoolId: this.userPoolId ?? c.userPoolId,
      clientId: this.clientId ?? c.clientId,
      region: this.region ?? c.region,
      endpoint: this.endpoint ?? c.endpoint,
      authFlow: this.authFlow ?? c.authFlow,
      usernameAttributes: this.usernameAttributes ?? c.usernameAttributes,
      signUpAttributes: this.signUpAttributes ?? c.signUpAttributes,
      passwordPolicy: this.passwordPolicy ?? c.passwordPolicy,
      storage: this.storage ?? c.storage,
      secretHash: this.secretHash ?? c.secretHash,
      smsMfaSetup: this.smsMfaSetup ?? c.smsMfaSetup,
      domain: this.domain ?? c.domain,
      redirectUri: this.redirectUri ?? c.redirectUri,
      scopes: this.scopes ?? c.scopes,
      identityProviders: this.identityProviders ?? c.identityProviders,
      hideNative: this.hideNative || c.hideNative,
      idpRouting: this.idpRouting ?? c.idpRouting,
      logoutUri: this.logoutUri ?? c.logoutUri,
    };
  }

  #start(): void {
    for (const off of this.#unsubscribe.splice(0)) off();
    this.#flow?.dispose();
    this.#flow = undefined;
    let config: AuthConfig;
    try {
      config = parseConfig(this.#options());
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      this._configError = e;
      this._state = undefined;
      this.#setScreen(null);
      this.#dispatch('cognito-error', { code: 'configuration', message: e.message, attribute: e.attribute });
      return;
    }
    this._configError = undefined;
    const flow = new AuthFlow(config, { oauth: { navigate: (url) => this.navigate(url) } });
    this.#flow = flow;
    this.#unsubscribe.push(
      flow.subscribe((state) => this.#onState(state)),
      flow.onEvent((event) => this.#onEvent(event)),
    );
    this._state = flow.state;
    const initial = this.initialScreen;
    if (initial === 'sign-up' || initial === 'forgot-password') flow.goTo(initial);
    else this.#setScreen(flow.state.screen);
    // Back from an identity provider: the code (or error) leaves the address bar at once, then is redeemed.
    const href = globalThis.location?.href;
    const callback = href !== undefined && flow.hosted?.callback(href) !== undefined;
    if (callback) {
      this._restoring = true;
      // The identity-provider code is loaded only when there is a callback to complete (or providers to show).
      void import('./parts/federation-ui.js')
        .then(
          ({ cleanCallbackUrl }) => {
            history.replaceState(history.state, '', cleanCallbackUrl(href));
            return flow.completeHostedSignIn(href);
          },
          (e: unknown) => console.warn('cognito-authenticator: the sign-in could not be completed (offline?)', e),
        )
        .finally(() => {
          if (this.#flow === flow) this._restoring = false;
        });
    }
    // A stored session signs the user in without showing the form at all.
    const stored = new TokenStore(storageFor(config.storage), config.clientId).load();
    if (stored && !callback) {
      this._restoring = true;
      void flow.restore().finally(() => {
        if (this.#flow === flow) this._restoring = false;
      });
    }
    // The SDK is needed at the first submit: fetch it now, after first paint, not before.
    requestAnimationFrame(() => void preloadSdk().catch(() => undefined));
  }

  #onState(state: AuthState): void {
    this._state = state;
    this.#setScreen(state.screen);
    if (state.screen !== 'signed-in') void SCREENS[state.screen].load().then(() => this.requestUpdate());
  }

  #setScreen(screen: Screen | null): void {
    const previous = this.screen;
    if (previous === screen) return;
    this.screen = screen;
    if (this.#rendered) this.#moves++;
    if (screen) this.#dispatch('cognito-screen-change', { screen, previous });
  }

  #onEvent(event: FlowEvent): void {
    switch (event.type) {
      case 'signed-in': {
        const { tokens, claims, username } = event.session;
        this.#dispatch('cognito-signed-in', {
          username,
          claims,
          tokens: { idToken: tokens.idToken, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt },
          restored: event.restored,
        } satisfies SignedInDetail);
        break;
      }
      case 'signed-out':
        this.#dispatch('cognito-signed-out', { reason: event.reason });
        break;
      case 'signed-up':
        this.#dispatch('cognito-signed-up', { username: event.username, userSub: event.userSub, confirmed: event.confirmed });
        break;
      case 'error':
        this.#dispatch('cognito-error', { ...event.error.toJSON(), screen: event.screen });
        break;
      case 'tokens-refreshed':
        break;
    }
  }

  #dispatch(type: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  protected override render(): TemplateResult | typeof nothing {
    const shown = this.#shown;
    this.#shown = undefined; // set again below if this render shows a screen
    if (this._configError) return this.#renderConfigError(this._configError);
    const state = this._state;
    const flow = this.#flow;
    if (!state || !flow || this._restoring) return html`<div class="cognito-restoring" role="status" aria-live="polite">${this.#l10n.t('common.busy')}</div>`;
    if (state.screen === 'signed-in') {
      // The page's own children show now (see styles.ts); without any, a minimal signed-in view.
      const hasChildren = [...this.children].some((c) => c !== this.#root);
      if (hasChildren) return nothing;
      return this.#frame(html`<div class="cognito-signed-in">
        <h1 class="cognito-heading" tabindex="-1" data-screen-heading>${this.#l10n.t('signedIn.title')}</h1>
        <p class="textDescription-customizable">${this.#l10n.t('signedIn.as', { name: String(state.session.claims.email ?? state.session.username) })}</p>
        <button type="button" class="submitButton-customizable" data-action="sign-out" @click=${() => void this.signOut()}>${this.#l10n.t('signedIn.signOut')}</button>
      </div>`);
    }
    const screen = SCREENS[state.screen];
    if (!customElements.get(screen.tag)) return this.#frame(html`<div class="cognito-loading" role="status">${this.#l10n.t('common.busy')}</div>`);
    return this.#frame(this.#screenElement(screen.tag, flow, shown));
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
    return (this.#shown = el);
  }

  #frame(content: TemplateResult | ScreenElement): TemplateResult {
    const logo = safeImageUrl(this.logo);
    const legal = this.#l10n.has('legal.text') ? this.#l10n.t('legal.text') : this.legalText;
    return html`<div class="background-customizable cognito-frame">
      ${logo ? html`<div class="banner-customizable"><img class="logo-customizable" src=${logo} alt="" /></div>` : nothing}
      ${this._offline ? html`<p class="cognito-offline textDescription-customizable" role="status">${this.#l10n.t('common.offline')}</p>` : nothing}
      <div class="cognito-content">${content}</div>
      ${legal ? html`<p class="legalText-customizable">${legal}</p>` : nothing}
    </div>`;
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
