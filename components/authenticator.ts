import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { AuthFlow } from '../src/flow.js';
import { ConfigError, parseConfig, type AuthConfig, type AuthOptions, type SecretHashFn, type SmsMfaSetupFn } from '../src/config.js';
import { preloadSdk } from '../src/cognito.js';
import { t } from '../src/i18n.js';
import { storageFor, TokenStore } from '../src/session.js';
import type { AuthState, FlowEvent, Screen } from '../src/state.js';
import type { FormFields } from './base.js';
import { adoptBaseStyles } from './styles.js';
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
 * @attr legal-text - Text under the form.
 * @attr screen - Reflects the current screen (read-only).
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
    screen: { reflect: true },
    config: { attribute: false },
    secretHash: { attribute: false },
    smsMfaSetup: { attribute: false },
    formFields: { attribute: false },
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
  /** Screen changes since the first render: the first screen on a page never takes focus. */
  #moves = 0;
  #rendered = false;

  constructor() {
    super();
    this.hideSignUp = false;
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

  /** Signs out: clears the session at once, then revokes tokens with Cognito. */
  async signOut(options?: { global?: boolean }): Promise<void> {
    await this.#flow?.signOut(options);
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
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onConnectivity);
    window.removeEventListener('offline', this.#onConnectivity);
    window.removeEventListener('storage', this.#onStorage);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const engineChanged =
      !this.#flow && !this._configError
        ? true
        : ['userPoolId', 'clientId', 'region', 'endpoint', 'authFlow', 'usernameAttributes', 'signUpAttributes', 'passwordPolicy', 'storage', 'config', 'secretHash', 'smsMfaSetup'].some((k) =>
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
    const flow = new AuthFlow(config);
    this.#flow = flow;
    this.#unsubscribe.push(
      flow.subscribe((state) => this.#onState(state)),
      flow.onEvent((event) => this.#onEvent(event)),
    );
    this._state = flow.state;
    const initial = this.initialScreen;
    if (initial === 'sign-up' || initial === 'forgot-password') flow.goTo(initial);
    else this.#setScreen(flow.state.screen);
    // A stored session signs the user in without showing the form at all.
    const stored = new TokenStore(storageFor(config.storage), config.clientId).load();
    if (stored) {
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
    if (this._configError) return this.#renderConfigError(this._configError);
    const state = this._state;
    const flow = this.#flow;
    if (!state || !flow || this._restoring) return html`<div class="cognito-restoring" role="status" aria-live="polite">${t('common.busy')}</div>`;
    if (state.screen === 'signed-in') {
      // The page's own children show now (see styles.ts); without any, a minimal signed-in view.
      const hasChildren = [...this.children].some((c) => c !== this.#root);
      if (hasChildren) return nothing;
      return this.#frame(html`<div class="cognito-signed-in">
        <h1 class="cognito-heading" tabindex="-1" data-screen-heading>${t('signedIn.title')}</h1>
        <p class="textDescription-customizable">${t('signedIn.as', { name: String(state.session.claims.email ?? state.session.username) })}</p>
        <button type="button" class="submitButton-customizable" data-action="sign-out" @click=${() => void this.signOut()}>${t('signedIn.signOut')}</button>
      </div>`);
    }
    const screen = SCREENS[state.screen];
    if (!customElements.get(screen.tag)) return this.#frame(html`<div class="cognito-loading" role="status">${t('common.busy')}</div>`);
    return this.#frame(this.#screenElement(screen.tag, flow));
  }

  #screenElement(tag: string, flow: AuthFlow): TemplateResult {
    // One template per tag, so Lit keeps the element (and what the user typed) across re-renders of the same screen.
    switch (tag) {
      case 'cognito-sign-in':
        return html`<cognito-sign-in .flow=${flow} .formFields=${this.formFields} .focusOnArrival=${this.#moves > 0} ?hide-sign-up=${this.hideSignUp}></cognito-sign-in>`;
      case 'cognito-sign-up':
        return html`<cognito-sign-up .flow=${flow} .formFields=${this.formFields} .focusOnArrival=${this.#moves > 0}></cognito-sign-up>`;
      case 'cognito-confirm-sign-up':
        return html`<cognito-confirm-sign-up .flow=${flow} .formFields=${this.formFields} .focusOnArrival=${this.#moves > 0}></cognito-confirm-sign-up>`;
      case 'cognito-forgot-password':
        return html`<cognito-forgot-password .flow=${flow} .formFields=${this.formFields} .focusOnArrival=${this.#moves > 0}></cognito-forgot-password>`;
      case 'cognito-confirm-forgot-password':
        return html`<cognito-confirm-forgot-password .flow=${flow} .formFields=${this.formFields} .focusOnArrival=${this.#moves > 0}></cognito-confirm-forgot-password>`;
      case 'cognito-new-password':
        return html`<cognito-new-password .flow=${flow} .formFields=${this.formFields} .focusOnArrival=${this.#moves > 0}></cognito-new-password>`;
      case 'cognito-select-mfa':
        return html`<cognito-select-mfa .flow=${flow} .formFields=${this.formFields} .focusOnArrival=${this.#moves > 0}></cognito-select-mfa>`;
      case 'cognito-setup-mfa':
        return html`<cognito-setup-mfa .flow=${flow} .formFields=${this.formFields} .focusOnArrival=${this.#moves > 0}></cognito-setup-mfa>`;
      case 'cognito-setup-totp':
        return html`<cognito-setup-totp .flow=${flow} .formFields=${this.formFields} .focusOnArrival=${this.#moves > 0}></cognito-setup-totp>`;
      case 'cognito-setup-sms':
        return html`<cognito-setup-sms .flow=${flow} .formFields=${this.formFields} .focusOnArrival=${this.#moves > 0}></cognito-setup-sms>`;
      default:
        return html`<cognito-mfa-code .flow=${flow} .formFields=${this.formFields} .focusOnArrival=${this.#moves > 0}></cognito-mfa-code>`;
    }
  }

  #frame(content: TemplateResult): TemplateResult {
    const logo = safeImageUrl(this.logo);
    return html`<div class="background-customizable cognito-frame">
      ${logo ? html`<div class="banner-customizable"><img class="logo-customizable" src=${logo} alt="" /></div>` : nothing}
      ${this._offline ? html`<p class="cognito-offline textDescription-customizable" role="status">${t('common.offline')}</p>` : nothing}
      <div class="cognito-content">${content}</div>
      ${this.legalText ? html`<p class="legalText-customizable">${this.legalText}</p>` : nothing}
    </div>`;
  }

  #renderConfigError(error: ConfigError): TemplateResult {
    return html`<div class="background-customizable cognito-frame cognito-config-error">
      <div class="errorMessage-customizable" role="alert" data-attribute=${error.attribute}>
        <strong>${t('config.title')}</strong>
        <p>${t('config.attribute', { attribute: error.attribute, message: error.message.replace(`${error.attribute}: `, '') })}</p>
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
