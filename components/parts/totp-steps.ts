import { html, nothing, type TemplateResult } from 'lit';
import type { AuthError } from '../../src/errors.js';
import type { Translate } from '../../src/i18n.js';
import { codeField } from './code-field.js';
import type { FieldKit } from './form.js';
import './qr-code.js';
import '../features/mfa.js'; // its English and sheet, with this code

// The authenticator-app set-up steps, the same for an MFA_SETUP challenge (screens/setup-totp.ts) and a signed-in user
// (account/mfa.ts): the QR code of the otpauth:// URI, and the secret key as text behind "Show the key".

/** "JBSWY3DPEHPK3PXP" -> ["JBSW", "Y3DP", "EHPK", "3PXP"]: blocks of four are far easier to copy by eye. */
export function secretBlocks(secret: string): string[] {
  return secret.match(/.{1,4}/g) ?? [];
}

export interface TotpStepsOptions {
  /** The id prefix; the key block's id is `<id>-secret`. */
  id: string;
  /** The otpauth:// URI the QR code shows. */
  uri: string;
  /** The key is shown (never rendered while hidden: it stays out of the DOM). */
  shown: boolean;
  onToggle: () => void;
  /** The key itself, under its label, once shown. */
  secret: () => TemplateResult;
  /** After the key block, inside the step (a live region, say). */
  after?: TemplateResult;
}

/** The three numbered steps: install an app, scan the code (or type the key), enter its code. */
export function totpSteps(t: Translate, o: TotpStepsOptions): TemplateResult {
  return html`<ol class="cognito-steps textDescription-customizable">
    <li>${t('setupTotp.step1')}</li>
    <li>
      ${t('setupTotp.step2')}
      <cognito-qr-code .value=${o.uri} .label=${t('setupTotp.qrAlt')}></cognito-qr-code>
      <button
        type="button"
        class="redirect-customizable cognito-link"
        data-action="show-secret"
        aria-expanded=${o.shown ? 'true' : 'false'}
        aria-controls=${`${o.id}-secret`}
        @click=${o.onToggle}
      >
        ${t(o.shown ? 'setupTotp.hideSecret' : 'setupTotp.showSecret')}
      </button>
      <div id=${`${o.id}-secret`} class="cognito-secret" ?hidden=${!o.shown}>
        ${o.shown ? html`<p class="label-customizable">${t('setupTotp.secretLabel')}</p>${o.secret()}` : nothing}
      </div>
      ${o.after ?? nothing}
    </li>
    <li>${t('setupTotp.step3')}</li>
  </ol>`;
}

export interface TotpFieldsOptions {
  /** The id prefix: the inputs are `<id>-code` and `<id>-device`. */
  id: string;
  error: AuthError | undefined;
  errorId: string;
  /** The device name may be what the error is about (VerifySoftwareToken in a challenge names it). */
  deviceError?: boolean;
}

/** The app's first code (6 digits) and an optional name for the app, what VerifySoftwareToken takes. */
export function totpFields(kit: FieldKit, o: TotpFieldsOptions): TemplateResult {
  const t = kit.t;
  return html`${codeField(kit, { id: o.id, maxlength: 6, error: o.error, errorId: o.errorId })}
    ${kit.field({
      t,
      id: `${o.id}-device`,
      name: 'device_name',
      label: t('setupTotp.deviceName'),
      optionalText: t('common.optional'),
      autocomplete: 'off',
      required: false,
      hint: t('setupTotp.deviceNameHint'),
      hintId: `${o.id}-device-hint`,
      ...(o.deviceError ? { error: o.error, errorId: o.errorId } : {}),
    })}`;
}
