import { html, nothing } from 'lit';
import { CognitoScreen } from '../base.js';
import { actionButton, errorBanner, heading, noticeBanner, submitButton, uid } from '../parts/form.js';

/**
 * @summary The sign-in screen: username (or email/phone, per the pool's username attributes) and password.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoSignIn extends CognitoScreen<'sign-in'> {
  static override properties = { ...CognitoScreen.properties, hideSignUp: { type: Boolean, attribute: 'hide-sign-up' } };
  readonly screen = 'sign-in' as const;
  /** Hides "Need an account? Sign up" (for pools where only administrators create users). */
  declare hideSignUp: boolean;
  readonly #id = uid();

  constructor() {
    super();
    this.hideSignUp = false;
  }

  #usernameLabel(): string {
    const kinds = this.flow?.config.usernameAttributes ?? [];
    if (kinds.length === 2) return this.t('common.emailOrPhone');
    if (kinds[0] === 'email') return this.t('common.email');
    if (kinds[0] === 'phone_number') return this.t('common.phone_number');
    return this.t('common.username');
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = this.values(form);
    void this.flow?.signIn({ username: v.username ?? '', password: v.password ?? '' }).then(() => {
      // As the hosted UI does: a failed sign-in clears the password, never the username.
      if (this.current?.error) {
        const password = form.querySelector<HTMLInputElement>('input[name="password"]');
        if (password) password.value = '';
      }
    });
  }

  protected override render() {
    const s = this.current;
    if (!s) return nothing;
    const kinds = this.flow?.config.usernameAttributes ?? [];
    const id = this.#id;
    return html`<form class="cognito-form" data-screen="sign-in" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
      <div id=${`${id}-h`}>${heading(this.t('signIn.title'))}</div>
      <p class="textDescription-customizable">${this.t(kinds.includes('email') ? 'signIn.headingEmail' : 'signIn.heading')}</p>
      ${noticeBanner(this.t, s.notice)} ${errorBanner(this.t, s.error, `${id}-error`)}
      ${this.field({
        id: `${id}-username`,
        name: 'username',
        label: this.#usernameLabel(),
        type: kinds.length === 1 && kinds[0] === 'email' ? 'email' : kinds.length === 1 && kinds[0] === 'phone_number' ? 'tel' : 'text',
        autocomplete: 'username',
        value: s.username,
        error: s.error,
        errorId: `${id}-error`,
      })}
      ${this.passwordField({
        id: `${id}-password`,
        name: 'password',
        label: this.t('common.password'),
        autocomplete: 'current-password',
        error: s.error,
        errorId: `${id}-error`,
      })}
      <div class="cognito-links">
        ${actionButton('forgot-password', this.t('signIn.forgotPassword'), () => this.#goTo('forgot-password'), s.busy)}
      </div>
      ${submitButton(this.t, this.t('signIn.submit'), s.busy)}
      ${this.hideSignUp
        ? nothing
        : html`<p class="cognito-alt textDescription-customizable">
            ${this.t('signIn.needAccount')} ${actionButton('sign-up', this.t('signIn.signUp'), () => this.#goTo('sign-up'), s.busy)}
          </p>`}
    </form>`;
  }

  #goTo(screen: 'sign-up' | 'forgot-password'): void {
    const username = this.querySelector<HTMLInputElement>('input[name="username"]')?.value ?? '';
    this.flow?.goTo(screen, username.trim());
  }
}

if (!customElements.get('cognito-sign-in')) customElements.define('cognito-sign-in', CognitoSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-sign-in': CognitoSignIn;
  }
}
