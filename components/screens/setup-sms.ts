import { html, nothing, type TemplateResult } from 'lit';
import { CognitoScreen } from '../base.js';
import { errorBanner, heading, submitButton, uid } from '../parts/form.js';
import { backToSignIn } from '../parts/step-form.js';
import { slotted } from '../controllers/slots.js';
import '../features/mfa.js'; // its English and sheet, with this code

/** Shown in the hint; isolated so it reads left to right inside right-to-left text. */
const EXAMPLE_NUMBER = '\u2066+14155550100\u2069';

/**
 * @summary SMS set-up in an MFA_SETUP challenge: asks for the mobile number that should receive codes. The page's
 * `smsMfaSetup` hook saves it on the account (only a server can), then sign-in starts again.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoSetupSms extends CognitoScreen<'setup-sms'> {
  readonly screen = 'setup-sms' as const;
  readonly #id = uid();

  readonly #submit = this.onSubmit((v, flow) => flow.setUpSms({ phoneNumber: v.phone_number ?? '' }));

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    return html`<form class="cognito-form" data-screen="setup-sms" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
      ${slotted('header')}
      <div id=${`${id}-h`}>${heading(this.t('setupSms.title'))}</div>
      <p class="textDescription-customizable">${this.t('setupSms.instructions')}</p>
      ${errorBanner(this.t, s.error, `${id}-error`)}
      ${this.field({
        t: this.t,
        id: `${id}-phone`,
        name: 'phone_number',
        label: this.t('common.phone_number'),
        type: 'tel',
        autocomplete: 'tel',
        dir: 'ltr',
        // The message about a number without its country code says what the hint says (the code, an example): while
        // it shows, it replaces the hint, so the field is described (and read) once.
        hint: s.error?.code === 'invalid-phone-number' ? undefined : this.t('setupSms.phoneHint', { example: EXAMPLE_NUMBER }),
        hintId: `${id}-phone-hint`,
        error: s.error,
        errorId: `${id}-error`,
      })}
      ${submitButton(this.t, this.t('setupSms.submit'), s.busy)}
      ${backToSignIn(this.t, this.flow, s.busy)}
      ${slotted('footer')}
    </form>`;
  }
}

if (!customElements.get('cognito-setup-sms')) customElements.define('cognito-setup-sms', CognitoSetupSms);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-setup-sms': CognitoSetupSms;
  }
}
