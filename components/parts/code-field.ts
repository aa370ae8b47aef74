import type { TemplateResult } from 'lit';
import type { AuthError } from '../../src/errors.js';
import type { Translate } from '../../src/i18n.js';
import type { CodeDelivery } from '../../src/state/index.js';
import type { FieldKit } from './form.js';

// What the one-time-code screens share (confirm-sign-up, confirm-forgot-password, mfa-code, setup-totp): the code
// input (screens call it as `this.codeField(…)`, see base.ts) and the sentence saying where the code was sent. It
// rides in the entry with base.ts: as a lazy chunk of its own it would be a few hundred bytes, one more request.

export interface CodeFieldOptions {
  /** The screen's id prefix; the input's id is `<id>-code`. */
  id: string;
  /** Longest accepted code, when the screen knows it (a TOTP code is 6 digits; e-mail and SMS codes vary). */
  maxlength?: number;
  /** The screen's error (the flow names the field it is about) and the id of its banner. */
  error: AuthError | undefined;
  errorId: string;
  /**
   * The step exists for this code (MFA, confirmation): the input takes focus when the step appears, described by the
   * step's title and description (their ids, e.g. `<id>-h <id>-desc`).
   */
  primary?: { describedBy: string };
}

/**
 * The one-time-code input every code screen asks for: `name="code"` (the Cognito field), `autocomplete="one-time-code"`
 * so the browser offers a code from an SMS or e-mail, a numeric keyboard, and left to right in any language.
 */
export function codeField(kit: FieldKit, o: CodeFieldOptions): TemplateResult {
  return kit.field({
    id: `${o.id}-code`,
    name: 'code',
    label: kit.t('common.code'),
    autocomplete: 'one-time-code',
    inputmode: 'numeric',
    maxlength: o.maxlength,
    dir: 'ltr',
    error: o.error,
    errorId: o.errorId,
    primary: o.primary !== undefined,
    describedBy: o.primary?.describedBy,
    t: kit.t,
  });
}

/** "We sent a code by EMAIL to a***@e***": the masked destination stays left-to-right inside any text. */
export function deliveryText(t: Translate, key: string, fallbackKey: string, delivery: CodeDelivery | undefined): string {
  if (!delivery) return t(fallbackKey);
  const medium = delivery.medium === 'SMS' ? t('mfaTypes.SMS_MFA') : t('mfaTypes.EMAIL_OTP');
  return t(key, { medium, destination: `\u2066${delivery.destination}\u2069` });
}
