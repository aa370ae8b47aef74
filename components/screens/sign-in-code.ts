import { html, nothing, type TemplateResult } from 'lit';
import { CognitoScreen } from '../base.js';
import { CodeStepController } from '../controllers/code-step.js';
import { deliveryText } from '../parts/code-field.js';
import { actionButton, errorBanner, noticeBanner, submitButton, uid } from '../parts/form.js';
import { backToSignIn, stepIntro } from '../parts/step-form.js';
import { otherWays } from '../parts/sign-in-methods.js';
import { slotted } from '../controllers/slots.js';
import '../features/codes.js'; // its English, with this code

/**
 * @summary Choice-based sign-in: the one-time code sent by email or text message as the FIRST factor (not MFA), with
 * the masked destination, "Send a new code" and the other ways this account has.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoSignInCode extends CognitoScreen<'sign-in-code'> {
  readonly screen = 'sign-in-code' as const;
  readonly #id = uid();

  constructor() {
    super();
    new CodeStepController(this); // clears the code after "Send a new code", selects it after a wrong one
  }

  readonly #submit = this.onSubmit((v, flow) => flow.submitSignInCode({ code: v.code ?? '' }));

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    const sms = s.method === 'sms-otp';
    const description = deliveryText(this.t, sms ? 'mfaCode.sms' : 'mfaCode.email', sms ? 'mfaCode.smsNowhere' : 'mfaCode.emailNowhere', s.delivery);
    return html`<form
      class="cognito-form"
      data-screen="sign-in-code"
      data-method=${s.method}
      novalidate
      @submit=${this.#submit}
      aria-labelledby=${`${id}-h`}
      aria-describedby=${`${id}-desc`}
    >
      ${stepIntro(id, this.t('userAuth.codeTitle'), description)}
      ${noticeBanner(this.t, s.notice)} ${errorBanner(this.t, s.error, `${id}-error`)}
      ${this.codeField({ id, maxlength: 10, error: s.error, errorId: `${id}-error`, primary: { describedBy: `${id}-h ${id}-desc` } })}
      ${submitButton(this.t, this.t('signIn.submit'), s.busy)}
      <div class="cognito-links">
        ${actionButton('resend', this.t('confirmSignUp.resend'), () => void this.flow?.resendSignInCode(), s.busy)}
      </div>
      ${otherWays(this.t, id, { methods: s.methods, current: s.method, busy: s.busy, onChoose: (m) => void this.flow?.chooseSignInMethod(m) })}
      ${backToSignIn(this.t, this.flow, s.busy)}
      ${slotted('footer')}
    </form>`;
  }
}

if (!customElements.get('cognito-sign-in-code')) customElements.define('cognito-sign-in-code', CognitoSignInCode);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-sign-in-code': CognitoSignInCode;
  }
}
