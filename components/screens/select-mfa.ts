import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MfaType } from '../../src/state/index.js';
import type { AuthError } from '../../src/errors.js';
import type { Translate } from '../../src/i18n.js';
import { CognitoScreen } from '../base.js';
import { errorBanner, fieldErrorText, fieldMessage, heading, submitButton, uid } from '../parts/form.js';
import { backToSignIn } from '../parts/step-form.js';
import { slotted } from '../controllers/slots.js';
import '../features/mfa.js'; // its English and sheet, with this code

export interface MfaChoicesOptions {
  id: string;
  legend: string;
  options: readonly MfaType[];
  selected: MfaType | undefined;
  error?: AuthError;
  errorId?: string;
  onChange?: (e: Event) => void;
  /** A choice is being sent: the radios say they are unavailable and refuse a change. */
  busy?: boolean;
}

/**
 * While the choice is being sent, a click on a radio (which is also what an arrow key or Space fires) is cancelled, so
 * the choice sent stays checked. Read-only has no effect on a radio, and `disabled` would drop the focus.
 */
function refuseWhileBusy(e: Event): void {
  const radio = e.target as HTMLInputElement;
  if (radio.type === 'radio' && radio.getAttribute('aria-disabled') === 'true') e.preventDefault();
}

/** A fieldset of radios (name `mfa`), one per MFA method, labelled in the user's language. */
export function mfaChoices(t: Translate, o: MfaChoicesOptions): TemplateResult {
  const invalid = o.error?.field === 'mfa';
  return html`<fieldset class="cognito-choices" @change=${o.onChange} @click=${refuseWhileBusy}>
    <legend class="label-customizable">${o.legend}</legend>
    ${o.options.map(
      (m, i) => html`<div class="cognito-choice">
        <input
          type="radio"
          id=${`${o.id}-${i}`}
          name="mfa"
          value=${m}
          .checked=${m === o.selected}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(invalid ? `${o.id}-message` : undefined)}
          aria-disabled=${ifDefined(o.busy ? 'true' : undefined)}
        />
        <label class="label-customizable" for=${`${o.id}-${i}`}>${t(`mfaTypes.${m}`)}</label>
      </div>`,
    )}
    ${invalid && o.error ? fieldMessage(fieldErrorText(t, o.error, o.legend), `${o.id}-message`, o.error.code) : nothing}
  </fieldset>`;
}

/**
 * @summary Answers SELECT_MFA_TYPE: the user picks which of their MFA methods to receive a code by.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes and `.cognito-choices`.
 */
export class CognitoSelectMfa extends CognitoScreen<'select-mfa'> {
  readonly screen = 'select-mfa' as const;
  readonly #id = uid();

  readonly #submit = this.onSubmit((v, flow) => flow.selectMfa((v.mfa ?? '') as MfaType));

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    return html`<form class="cognito-form" data-screen="select-mfa" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
      ${slotted('header')}
      <div id=${`${id}-h`}>${heading(this.t('selectMfa.title'))}</div>
      ${errorBanner(this.t, s.error, `${id}-error`)}
      ${mfaChoices(this.t, {
        id: `${id}-mfa`,
        legend: this.t('selectMfa.instructions'),
        options: s.options,
        selected: s.options[0],
        error: s.error,
        errorId: `${id}-error`,
        busy: s.busy,
      })}
      ${submitButton(this.t, this.t('selectMfa.submit'), s.busy)}
      ${backToSignIn(this.t, this.flow, s.busy)}
      ${slotted('footer')}
    </form>`;
  }
}

if (!customElements.get('cognito-select-mfa')) customElements.define('cognito-select-mfa', CognitoSelectMfa);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-select-mfa': CognitoSelectMfa;
  }
}
