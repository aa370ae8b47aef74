import { html, nothing, type TemplateResult } from 'lit';
import type { MfaType } from '../../src/state/index.js';
import type { Translate } from '../../src/i18n.js';
import { CognitoScreen } from '../base.js';
import { errorBanner, heading, submitButton, uid } from '../parts/form.js';
import { backToSignIn } from '../parts/step-form.js';
import { mfaChoices } from './select-mfa.js';
import { slotted } from '../controllers/slots.js';
import '../features/mfa.js'; // its English and sheet, with this code

/**
 * @summary Answers MFA_SETUP: the user picks the method to set up (authenticator app, text message or email); email
 * asks for the address to send codes to.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes and `.cognito-choices`.
 */
export class CognitoSetupMfa extends CognitoScreen<'setup-mfa'> {
  readonly screen = 'setup-mfa' as const;
  readonly #id = uid();
  #chosen: MfaType | undefined;

  #selected(options: readonly MfaType[]): MfaType | undefined {
    return this.#chosen && options.includes(this.#chosen) ? this.#chosen : options[0];
  }

  #change(e: Event): void {
    const target = e.target as HTMLInputElement;
    if (target.name !== 'mfa') return;
    this.#chosen = target.value as MfaType;
    this.requestUpdate();
  }

  /**
   * The screen's words, where an address the flow refused is said as what to fix ("Enter a valid email address."),
   * not as the generic "Some of the details you entered are not valid." (the only field here the flow checks so).
   */
  readonly #words: Translate = (key, options) =>
    key === 'errors.invalid-parameter' && this.current?.error?.field === 'email' ? this.t('setupMfa.emailInvalid') : this.t(key, options);

  readonly #submit = this.onSubmit((v, flow) => flow.chooseMfaSetup((v.mfa ?? '') as MfaType, { email: v.email }));

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    const selected = this.#selected(s.options);
    const t = this.#words;
    return html`<form class="cognito-form" data-screen="setup-mfa" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
      ${slotted('header')}
      <div id=${`${id}-h`}>${heading(this.t('setupMfa.title'))}</div>
      <p class="textDescription-customizable">${this.t('setupMfa.instructions')}</p>
      ${errorBanner(t, s.error, `${id}-error`)}
      ${mfaChoices(this.t, {
        id: `${id}-mfa`,
        legend: this.t('setupMfa.legend'),
        options: s.options,
        selected,
        error: s.error,
        errorId: `${id}-error`,
        onChange: (e) => this.#change(e),
        busy: s.busy,
      })}
      ${selected === 'EMAIL_OTP'
        ? this.field({
            t,
            id: `${id}-email`,
            name: 'email',
            label: this.t('setupMfa.emailLabel'),
            type: 'email',
            autocomplete: 'email',
            dir: 'ltr',
            error: s.error,
            errorId: `${id}-error`,
          })
        : nothing}
      ${submitButton(this.t, this.t('setupMfa.submit'), s.busy)}
      ${backToSignIn(this.t, this.flow, s.busy)}
      ${slotted('footer')}
    </form>`;
  }
}

if (!customElements.get('cognito-setup-mfa')) customElements.define('cognito-setup-mfa', CognitoSetupMfa);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-setup-mfa': CognitoSetupMfa;
  }
}
