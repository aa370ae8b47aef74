import { html, nothing, type TemplateResult } from 'lit';
import { CognitoScreen } from '../base.js';
import { actionButton, errorBanner, heading, noticeBanner, submitButton, uid } from '../parts/form.js';
import { slotted } from '../controllers/slots.js';
import '../features/reset.js'; // its English, with this code

/**
 * @summary The first step of a password reset: the username (or email/phone, per the pool's username attributes) that
 * Cognito sends a reset code for (ForgotPassword).
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoForgotPassword extends CognitoScreen<'forgot-password'> {
  readonly screen = 'forgot-password' as const;
  readonly #id = uid();

  /** Label key and input type of the username field, exactly as the sign-in screen has them. */
  #username(): { label: string; instructions: string; type: string } {
    const kinds = this.flow?.config.usernameAttributes ?? [];
    if (kinds.length === 2) return { label: 'common.emailOrPhone', instructions: 'forgotPassword.instructionsEmailOrPhone', type: 'text' };
    if (kinds[0] === 'email') return { label: 'common.email', instructions: 'forgotPassword.instructionsEmail', type: 'email' };
    if (kinds[0] === 'phone_number') return { label: 'common.phone_number', instructions: 'forgotPassword.instructionsPhone', type: 'tel' };
    return { label: 'common.username', instructions: 'forgotPassword.instructions', type: 'text' };
  }

  readonly #submit = this.onSubmit((v, flow) => flow.forgotPassword({ username: v.username ?? '' }));

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    const u = this.#username();
    return html`<form class="cognito-form" data-screen="forgot-password" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
      ${slotted('header')}
      <div id=${`${id}-h`}>${heading(this.t('forgotPassword.title'))}</div>
      <p class="textDescription-customizable">${this.t(u.instructions)}</p>
      ${noticeBanner(this.t, s.notice)} ${errorBanner(this.t, s.error, `${id}-error`)}
      ${this.field({
        t: this.t,
        id: `${id}-username`,
        name: 'username',
        label: this.t(u.label),
        type: u.type,
        autocomplete: 'username',
        // Bound from the state, which a failed request leaves as it was: Lit then leaves what the user typed alone.
        value: s.username,
        error: s.error,
        errorId: `${id}-error`,
      })}
      ${submitButton(this.t, this.t('forgotPassword.submit'), s.busy)}
      <div class="cognito-links">${actionButton('back', this.t('common.back'), () => this.goTo('sign-in'), s.busy)}</div>
      ${slotted('footer')}
    </form>`;
  }
}

if (!customElements.get('cognito-forgot-password')) customElements.define('cognito-forgot-password', CognitoForgotPassword);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-forgot-password': CognitoForgotPassword;
  }
}
