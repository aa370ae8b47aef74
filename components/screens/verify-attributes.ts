import { html, nothing, type TemplateResult } from 'lit';
import type { AuthState } from '../../src/state/index.js';
import { CognitoScreen } from '../base.js';
import { CodeStepController } from '../controllers/code-step.js';
import { deliveryText } from '../parts/code-field.js';
import { actionButton, errorBanner, heading, noticeBanner, submitButton, uid } from '../parts/form.js';
import { slotted } from '../controllers/slots.js';
import '../features/after-sign-in.js'; // its English, with this code

type VerifyState = Extract<AuthState, { screen: 'verify-attributes' }>;

/**
 * @summary After sign-in, when the page asks for it (`verify-attributes`): "Verify your email address" (or phone
 * number) with "Send code", the code, and "Skip for now" unless `verify-attributes-required`. The user is signed in
 * already (cognito-signed-in has fired); a verified contact keeps "Forgot your password?" working for them.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoVerifyAttributes extends CognitoScreen<'verify-attributes'> {
  readonly screen = 'verify-attributes' as const;
  readonly #id = uid();

  constructor() {
    super();
    new CodeStepController(this); // clears the code after "Send a new code", selects it after a wrong one
  }

  readonly #submit = this.onSubmit((v, flow) => (this.current?.codeSent ? flow.verifyAttribute({ code: v.code ?? '' }) : flow.sendAttributeCode()));

  #texts(s: VerifyState): { title: string; instructions: string } {
    const email = s.attribute === 'email';
    if (s.codeSent) {
      return {
        title: this.t(email ? 'verifyAttributes.titleEmail' : 'verifyAttributes.titlePhone'),
        instructions: deliveryText(this.t, 'verifyAttributes.sent', 'verifyAttributes.sentNowhere', s.delivery),
      };
    }
    return {
      title: this.t(email ? 'verifyAttributes.titleEmail' : 'verifyAttributes.titlePhone'),
      // The value is the user's own (from their ID token); kept left to right inside any sentence.
      instructions: this.t('verifyAttributes.instructions', { value: `\u2066${s.value}\u2069` }),
    };
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    const { title, instructions } = this.#texts(s);
    return html`<form
      class="cognito-form"
      data-screen="verify-attributes"
      data-attribute=${s.attribute}
      data-code-sent=${String(s.codeSent)}
      novalidate
      @submit=${this.#submit}
      aria-labelledby=${`${id}-h`}
      aria-describedby=${`${id}-desc`}
    >
      ${slotted('header')}
      <div id=${`${id}-h`}>${heading(title)}</div>
      <p id=${`${id}-desc`} class="textDescription-customizable">${instructions}</p>
      ${noticeBanner(this.t, s.notice)}
      ${errorBanner(this.t, s.error, `${id}-error`)}
      ${s.codeSent ? this.codeField({ id, maxlength: 10, error: s.error, errorId: `${id}-error`, primary: { describedBy: `${id}-h ${id}-desc` } }) : nothing}
      ${submitButton(this.t, this.t(s.codeSent ? 'verifyAttributes.submit' : 'verifyAttributes.send'), s.busy)}
      <div class="cognito-links">
        ${s.codeSent ? actionButton('resend', this.t('verifyAttributes.resend'), () => void this.flow?.sendAttributeCode(), s.busy) : nothing}
        ${s.required ? nothing : actionButton('skip', this.t('verifyAttributes.skip'), () => this.flow?.skipAttributeVerification(), s.busy)}
      </div>
      ${slotted('footer')}
    </form>`;
  }
}

if (!customElements.get('cognito-verify-attributes')) customElements.define('cognito-verify-attributes', CognitoVerifyAttributes);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-verify-attributes': CognitoVerifyAttributes;
  }
}
