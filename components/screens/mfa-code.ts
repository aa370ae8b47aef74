import { html, nothing, type TemplateResult } from 'lit';
import type { AuthState } from '../../src/state/index.js';
import { CognitoScreen } from '../base.js';
import { CodeStepController } from '../controllers/code-step.js';
import { deliveryText } from '../parts/code-field.js';
import { errorBanner, submitButton, uid } from '../parts/form.js';
import { backToSignIn, stepIntro } from '../parts/step-form.js';
import { slotted } from '../controllers/slots.js';
import '../features/codes.js'; // its English, with this code

/**
 * @summary Asks for the code of an SMS_MFA, EMAIL_OTP or SOFTWARE_TOKEN_MFA challenge, saying where it was sent (the
 * masked phone number or address) or which authenticator app to open.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoMfaCode extends CognitoScreen<'mfa-code'> {
  static override properties = { ...CognitoScreen.properties, rememberDevice: { type: Boolean, attribute: 'remember-device' } };
  readonly screen = 'mfa-code' as const;
  /**
   * Shows "Remember this device" (the authenticator's `remember-device`, for pools whose device tracking is "User
   * opt-in"): ticked, the device is remembered and its later sign-ins skip MFA; unticked, Cognito is told not to.
   */
  declare rememberDevice: boolean;
  readonly #id = uid();

  constructor() {
    super();
    this.rememberDevice = false;
    new CodeStepController(this); // selects the code after a wrong one
  }

  #instructions(s: Extract<AuthState, { screen: 'mfa-code' }>): string {
    switch (s.mfaType) {
      case 'SMS_MFA':
        return deliveryText(this.t, 'mfaCode.sms', 'mfaCode.smsNowhere', s.delivery);
      case 'EMAIL_OTP':
        return deliveryText(this.t, 'mfaCode.email', 'mfaCode.emailNowhere', s.delivery);
      default:
        // A device name is the user's own text in any script: first-strong isolation keeps it from reordering the sentence.
        return s.deviceName ? this.t('mfaCode.totpDevice', { device: `\u2068${s.deviceName}\u2069` }) : this.t('mfaCode.totp');
    }
  }

  readonly #submit = this.onSubmit((v, flow) =>
    flow.submitMfaCode({ code: v.code ?? '', rememberDevice: this.rememberDevice ? v.remember_device === 'true' : undefined }),
  );

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    return html`<form
      class="cognito-form"
      data-screen="mfa-code"
      data-mfa-type=${s.mfaType}
      novalidate
      @submit=${this.#submit}
      aria-labelledby=${`${id}-h`}
      aria-describedby=${`${id}-desc`}
    >
      ${stepIntro(id, this.t('mfaCode.title'), this.#instructions(s))}
      ${errorBanner(this.t, s.error, `${id}-error`)}
      ${this.codeField({ id, maxlength: 10, error: s.error, errorId: `${id}-error`, primary: { describedBy: `${id}-h ${id}-desc` } })}
      ${this.rememberDevice
        ? html`<div class="cognito-field cognito-checkbox-field" data-field="remember_device">
            <input
              id=${`${id}-remember`}
              class="cognito-checkbox"
              type="checkbox"
              name="remember_device"
              value="true"
              aria-disabled=${s.busy}
              @click=${(e: Event) => s.busy && e.preventDefault()}
            />
            <label class="label-customizable" for=${`${id}-remember`}>${this.t('mfaCode.rememberDevice')}</label>
          </div>`
        : nothing}
      ${submitButton(this.t, this.t('mfaCode.submit'), s.busy)}
      ${backToSignIn(this.t, this.flow, s.busy)}
      ${slotted('footer')}
    </form>`;
  }
}

if (!customElements.get('cognito-mfa-code')) customElements.define('cognito-mfa-code', CognitoMfaCode);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-mfa-code': CognitoMfaCode;
  }
}
