import { html, nothing, type TemplateResult } from 'lit';
import { CognitoScreen } from '../base.js';
import { actionButton, errorBanner, heading, noticeBanner, submitButton, uid } from '../parts/form.js';
import { slotsReady, slotted } from '../controllers/slots.js';
import type { IdpRoute } from '../../src/idp-routing.js';
import type { IdentityProvider } from '../../src/federation-config.js';

/** A part of the screen loaded once, on first need; a failed load is tried again on the next render. */
function lazyPart<T>(load: () => Promise<T>, what: string): { module?: T; load(): Promise<unknown> } {
  let loading: Promise<unknown> | undefined;
  const part: { module?: T; load(): Promise<unknown> } = {
    load: () =>
      (loading ??= load().then(
        (m) => (part.module = m),
        (error: unknown) => {
          loading = undefined;
          console.warn(`cognito-sign-in: ${what} could not be loaded`, error);
        },
      )),
  };
  return part;
}

/** The identity-provider UI. */
const federationPart = lazyPart(() => import('../parts/federation-ui.js'), 'the identity provider buttons');
/**
 * The English of choice-based sign-in (`sign-in-methods`: the sentence above the form); until it loads, the key shows,
 * as for any missing phrase.
 */
const userAuthEnglish = lazyPart(() => import('../features/user-auth.js'), 'the phrases of sign-in-methods');
/** What only pages with sign-in-methods or keep-signed-in draw (until it loads, the form renders without it). */
const optionsPart = lazyPart(() => import('../parts/sign-in-options.js'), 'the parts of sign-in-methods and keep-signed-in');

/**
 * @summary The sign-in screen: username (or email/phone, per the pool's username attributes) and password.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoSignIn extends CognitoScreen<'sign-in'> {
  static override properties = { ...CognitoScreen.properties, hideSignUp: { type: Boolean, attribute: 'hide-sign-up' }, _route: { state: true } };
  readonly screen = 'sign-in' as const;
  /** Hides "Need an account? Sign up" (for pools where only administrators create users). */
  declare hideSignUp: boolean;
  /** With idp-routing="auto": the provider the typed username's email domain routes to, if any. */
  declare _route: IdpRoute<IdentityProvider> | undefined;
  readonly #id = uid();

  constructor() {
    super();
    this.hideSignUp = false;
  }

  /** With identity providers, a render waits for their UI (loaded on first use), so the buttons come with the form. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = this.flow?.config.federation && !federationPart.module ? federationPart.load() : undefined;
    // With sign-in-methods, the sentence above the form is in that option's English (not in the first paint's).
    const english = this.flow?.config.signInMethods?.length && !userAuthEnglish.module ? userAuthEnglish.load() : undefined;
    // With sign-in-methods or keep-signed-in, the parts that draw them.
    const options = (this.flow?.config.signInMethods?.length || this.flow?.config.keepSignedIn) && !optionsPart.module ? optionsPart.load() : undefined;
    // With slotted content on the page, its (lazy) placing code too (the base class waits for it as well): all load
    // at once rather than one after the other.
    const waits = [ready, english, options, slotsReady(this)].filter((p): p is Promise<unknown> => p !== undefined);
    const wait = waits.length > 1 ? Promise.all(waits) : waits[0];
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  #usernameLabel(): string {
    const kinds = this.flow?.config.usernameAttributes ?? [];
    if (kinds.length === 2) return this.t('common.emailOrPhone');
    if (kinds[0] === 'email') return this.t('common.email');
    if (kinds[0] === 'phone_number') return this.t('common.phone_number');
    return this.t('common.username');
  }

  readonly #submit = this.onSubmit((v, flow, form) => {
    // "Keep me signed in" (keep-signed-in): ticked keeps this user's tokens in localStorage, else in sessionStorage,
    // also after an identity provider (the choice goes with the pending sign-in).
    const keepSignedIn = flow.config.keepSignedIn ? v.keep_signed_in === 'true' : undefined;
    // Identity providers only (hide-native): the form's one field is the email box.
    if (flow.config.federation?.hideNative) return this.#signInWithEmail(v.email ?? '', keepSignedIn);
    if (this._route) return this.#signInWithEmail(v.username ?? '', keepSignedIn);
    return flow.signIn({ username: v.username ?? '', password: v.password ?? '', keepSignedIn }).then(() => {
      // As the hosted UI does: a refused sign-in clears the password, never the username. One that may be tried again
      // (offline, network, server) keeps it: "Try again" sends what the form shows.
      if (this.current?.error?.retryable === false) {
        const password = form.querySelector<HTMLInputElement>('input[name="password"]');
        if (password) password.value = '';
      }
    });
  });

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const kinds = this.flow?.config.usernameAttributes ?? [];
    const id = this.#id;
    const federation = this.flow?.config.federation;
    const ui = federation ? federationPart.module : undefined;
    const hideNative = federation?.hideNative === true;
    const autoRoute = federation?.idpRouting === 'auto' && !hideNative;
    const route = autoRoute ? this._route : undefined;
    // Choice-based sign-in (sign-in-methods): see components/parts/sign-in-options.ts.
    const methods = this.flow?.config.signInMethods ?? [];
    const first = methods.length ? optionsPart.module?.identifierFirst(this.t, methods, kinds.includes('email')) : undefined;
    const password = !route && (first?.password ?? true);
    // "Keep me signed in": under the password, or under the providers when there is no password form (hide-native).
    const keep = this.flow?.config.keepSignedIn && optionsPart.module
      ? optionsPart.module.keepSignedInBox(this.t, id, this.flow.keepSignedIn ?? this.flow.config.storage === 'local')
      : nothing;
    // The providers' buttons come first, then "or" only when they drew something, then the sentence about passwords
    // right above the fields it is about (routed to a provider, with no password: the one about the corporate ID).
    const providers = federation && ui
        ? ui.idpSection({
            t: this.t,
            federation,
            id,
            busy: s.busy,
            error: s.error,
            errorId: `${id}-error`,
            emailBox: !autoRoute,
            // Back from the email box's provider with an error: the address it sent (hosted.ts puts it in the
            // username); the section shows it only beside an oauth-* error.
            email: s.username,
            // The language, and the "Keep me signed in" box as it stands: read by the section (idp-buttons.ts).
            onProvider: (name, o) => void this.flow?.signInWithProvider(name, o),
            onEmail: (email, o) => void this.flow?.signInWithEmail({ email, ...o }),
          })
        : nothing;
    return html`<form class="cognito-form" data-screen="sign-in" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
      ${slotted('header')}
      <div id=${`${id}-h`}>${heading(this.t('signIn.title'))}</div>
      ${noticeBanner(this.t, s.notice)} ${errorBanner(this.t, s.error, `${id}-error`)}
      ${providers}${hideNative ? keep : nothing}
      ${providers !== nothing && !hideNative ? html`<p class="cognito-or" role="separator">${this.t('common.or')}</p>` : nothing}
      ${hideNative ? nothing : html`<p class="textDescription-customizable" role=${providers === nothing ? nothing : 'heading'} aria-level=${providers === nothing ? nothing : 2}>${route ? this.t('idp.corporateHeading') : first?.heading ?? this.t('signIn.heading' + (kinds.includes('email') ? 'Email' : ''))}</p>`}
      ${hideNative ? nothing : html`
      ${this.field({
        t: this.t,
        id: `${id}-username`,
        name: 'username',
        label: this.#usernameLabel(),
        type: kinds.length === 1 && kinds[0] === 'email' ? 'email' : kinds.length === 1 && kinds[0] === 'phone_number' ? 'tel' : 'text',
        autocomplete: 'username',
        value: s.username,
        error: s.error,
        errorId: `${id}-error`,
        onInput: autoRoute ? (e) => this.#routeUsername((e.currentTarget as HTMLInputElement).value) : undefined,
      })}
      ${password ? html`
      ${this.passwordField({
        id: `${id}-password`,
        name: 'password',
        label: this.t('common.password'),
        autocomplete: 'current-password',
        error: s.error,
        errorId: `${id}-error`,
        ...first?.passwordOptions,
      })}
      <div class="cognito-links">
        ${actionButton('forgot-password', this.t('signIn.forgotPassword'), () => this.goTo('forgot-password'), s.busy)}
      </div>` : nothing}
      ${keep}
      ${submitButton(this.t, route ? this.t('idp.continueWith', { provider: route.provider.label ?? route.provider.name }) : this.t('signIn.submit'), s.busy)}
      ${this.hideSignUp
        ? nothing
        : html`<p class="cognito-alt textDescription-customizable">
            ${this.t('signIn.needAccount')} ${actionButton('sign-up', this.t('signIn.signUp'), () => this.goTo('sign-up'), s.busy)}
          </p>`}
      `}
      ${slotted('footer')}
    </form>`;
  }

  // -- federation: idp-routing="auto" offers "Continue with <provider>" for an email whose domain is an identifier --
  #routeUsername(value: string): void {
    const providers = this.flow?.config.federation?.providers ?? [];
    const route = federationPart.module?.routeEmail(providers, value);
    if (route?.provider !== this._route?.provider) this._route = route;
  }

  #signInWithEmail(email: string, keepSignedIn: boolean | undefined): void {
    void this.flow?.signInWithEmail({ email, lang: federationPart.module?.requestedLang(this), keepSignedIn });
  }
}

if (!customElements.get('cognito-sign-in')) customElements.define('cognito-sign-in', CognitoSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-sign-in': CognitoSignIn;
  }
}
