import { html, nothing, type TemplateResult } from 'lit';
import { CognitoScreen } from '../base.js';
import { CodeStepController } from '../controllers/code-step.js';
import { deliveryText } from '../parts/code-field.js';
import { actionButton, errorBanner, errorText, heading, noticeBanner, submitButton, uid } from '../parts/form.js';
import { slotted } from '../controllers/slots.js';
import '../features/codes.js'; // its English, with this code

/**
 * @summary The account confirmation screen: where the code was sent, the code input, "Send a new code" and a way back.
 *
 * The input is `[name="code"]` (`autocomplete="one-time-code"`); actions are `[data-action="resend-code"]` and
 * `[data-action="back"]`. Submitting calls `flow.confirmSignUp()`, which signs in when the password was typed on this
 * page, else returns to sign-in with an "account confirmed" notice.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoConfirmSignUp extends CognitoScreen<'confirm-sign-up'> {
  readonly screen = 'confirm-sign-up' as const;
  readonly #id = uid();

  constructor() {
    super();
    new CodeStepController(this); // clears the code after "Send a new code", selects it after a wrong one
  }

  // The code stays in the field on failure, selected: typing replaces it, an arrow key keeps it to fix one digit.
  readonly #submit = this.onSubmit((v, flow) => flow.confirmSignUp({ code: v.code ?? '' }));

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    const errorId = `${id}-error`;
    // Where the code went, in the sign-in code screen's words ("by email", "by text message"): one sentence per medium,
    // since the medium's option label ("Email", "Text message (SMS)") reads wrongly inside running text.
    const sms = s.delivery?.medium === 'SMS';
    // The error banner comes before the resend message: on an error the base class focuses the first role=alert.
    return html`<form
      class="cognito-form"
      data-screen="confirm-sign-up"
      novalidate
      @submit=${this.#submit}
      aria-labelledby=${`${id}-h`}
      aria-describedby=${`${id}-sent`}
    >
      ${slotted('header')}
      <div id=${`${id}-h`}>${heading(this.t('confirmSignUp.title'))}</div>
      <p id=${`${id}-sent`} class="textDescription-customizable" data-delivery>
        ${deliveryText(this.t, sms ? 'mfaCode.sms' : 'mfaCode.email', 'confirmSignUp.sentNowhere', s.delivery)}
      </p>
      ${noticeBanner(this.t, s.notice)} ${errorBanner(this.t, s.error, errorId)}
      ${s.resendError
        ? html`<p class="errorMessage-customizable cognito-resend-error" role="alert" data-error-code=${s.resendError.code}>
            ${this.t('confirmSignUp.resendFailed')} ${errorText(this.t, s.resendError)}
          </p>`
        : nothing}
      ${this.codeField({ id, maxlength: 10, error: s.error, errorId, primary: { describedBy: `${id}-h ${id}-sent` } })}
      ${submitButton(this.t, this.t('confirmSignUp.submit'), s.busy)}
      <div class="cognito-links">
        ${actionButton('resend-code', this.t('confirmSignUp.resend'), () => void this.flow?.resendSignUpCode(), s.busy)}
        ${actionButton('back', this.t('common.back'), () => this.flow?.goTo('sign-in'))}
      </div>
      ${slotted('footer')}
    </form>`;
  }
}

if (!customElements.get('cognito-confirm-sign-up')) customElements.define('cognito-confirm-sign-up', CognitoConfirmSignUp);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-confirm-sign-up': CognitoConfirmSignUp;
  }
}
