import { html, nothing, type TemplateResult } from 'lit';
import { CognitoScreen } from '../base.js';
import { CodeStepController } from '../controllers/code-step.js';
import { deliveryText } from '../parts/code-field.js';
import { actionButton, errorBanner, heading, noticeBanner, submitButton, uid } from '../parts/form.js';
import { newPasswordFields, TypedNewPassword, usernameForPasswordManager } from '../parts/new-password-fields.js';
import { slotted } from '../controllers/slots.js';
import '../features/reset.js'; // its English, with this code

/**
 * @summary The second step of a password reset (ConfirmForgotPassword): the code Cognito sent, and a new password
 * checked live against the pool's password policy.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoConfirmForgotPassword extends CognitoScreen<'confirm-forgot-password'> {
  readonly screen = 'confirm-forgot-password' as const;
  /** What is typed in the new-password fields, for the live checklist and the mismatch message. Cleared on leaving. */
  readonly #passwords = new TypedNewPassword(this);
  readonly #id = uid();

  constructor() {
    super();
    new CodeStepController(this); // clears the code after "Send a new code", selects it after a wrong one
  }

  readonly #submit = this.onSubmit((v, flow) =>
    flow.confirmForgotPassword({ code: v.code ?? '', password: v.password ?? '', confirmPassword: v.confirm_password ?? '' }),
  );

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    const errorId = `${id}-error`;
    // One sentence per medium ("by email", "by text message"): the medium's option label ("Text message (SMS)") reads
    // wrongly inside running text.
    const sent = s.delivery?.medium === 'SMS' ? 'confirmForgotPassword.sentSms' : 'confirmForgotPassword.sentEmail';
    return html`<form class="cognito-form" data-screen="confirm-forgot-password" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
      ${slotted('header')}
      <div id=${`${id}-h`}>${heading(this.t('confirmForgotPassword.title'))}</div>
      <p id=${`${id}-desc`} class="textDescription-customizable" data-delivery>
        ${deliveryText(this.t, sent, 'confirmForgotPassword.sentNowhere', s.delivery)}
      </p>
      ${noticeBanner(this.t, s.notice)} ${errorBanner(this.t, s.error, errorId)}
      ${usernameForPasswordManager(s.username)}
      ${this.codeField({ id, error: s.error, errorId, primary: { describedBy: `${id}-h ${id}-desc` } })}
      ${newPasswordFields(this.kit, {
        id,
        label: this.t('common.newPassword'),
        policy: this.flow?.config.passwordPolicy,
        error: s.error,
        errorId,
        typed: this.#passwords,
      })}
      ${submitButton(this.t, this.t('confirmForgotPassword.submit'), s.busy)}
      <div class="cognito-links">
        ${actionButton('resend-code', this.t('confirmForgotPassword.resend'), () => void this.flow?.resendForgotPasswordCode(), s.busy)}
        ${actionButton('back', this.t('common.back'), () => this.flow?.goTo('sign-in', s.username), s.busy)}
      </div>
      ${slotted('footer')}
    </form>`;
  }
}

if (!customElements.get('cognito-confirm-forgot-password')) {
  customElements.define('cognito-confirm-forgot-password', CognitoConfirmForgotPassword);
}

declare global {
  interface HTMLElementTagNameMap {
    'cognito-confirm-forgot-password': CognitoConfirmForgotPassword;
  }
}
