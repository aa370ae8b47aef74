import { html, nothing, type PropertyValues } from 'lit';
import { authError, type AuthError, type AuthErrorCode } from '../../src/errors.js';
import { DEFAULT_PASSWORD_POLICY } from '../../src/password-policy.js';
import { CognitoScreen } from '../base.js';
import { actionButton, deliveryText, errorBanner, heading, noticeBanner, passwordChecklist, submitButton, uid } from '../parts/form.js';

// Cognito names no field in these errors, but each is about one input: that input is marked invalid.
const FIELD_OF: Partial<Record<AuthErrorCode, string>> = {
  'code-mismatch': 'code',
  'code-expired': 'code',
  'invalid-password': 'password',
  'password-history': 'password',
};

function withField(error: AuthError | undefined): AuthError | undefined {
  const name = error && !error.field ? FIELD_OF[error.code] : undefined;
  return name ? authError(error!.code, { field: name }) : error;
}

/**
 * @summary The second step of a password reset (ConfirmForgotPassword): the code Cognito sent, and a new password
 * checked live against the pool's password policy.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoConfirmForgotPassword extends CognitoScreen<'confirm-forgot-password'> {
  static override properties = {
    ...CognitoScreen.properties,
    _password: { state: true },
    _confirm: { state: true },
  };
  readonly screen = 'confirm-forgot-password' as const;
  /** What is typed in the new-password fields, for the live checklist and the mismatch message. */
  declare private _password: string;
  declare private _confirm: string;
  readonly #id = uid();

  constructor() {
    super();
    this._password = '';
    this._confirm = '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Off this screen the inputs are gone: coming back must not show a checklist for a password no longer there.
    if (!this.current) {
      this._password = '';
      this._confirm = '';
    }
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    const v = this.values(e.currentTarget as HTMLFormElement);
    void this.flow?.confirmForgotPassword({ code: v.code ?? '', password: v.password ?? '', confirmPassword: v.confirm_password ?? '' });
  }

  protected override render() {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    const errorId = `${id}-error`;
    const mismatchId = `${id}-mismatch`;
    const checksId = `${id}-checks`;
    const error = withField(s.error);
    // Shown as soon as both fields have text, unless the error banner already says it.
    const mismatch = Boolean(this._password && this._confirm && this._password !== this._confirm) && s.error?.code !== 'passwords-do-not-match';
    const policy = this.flow?.config.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
    return html`<form class="cognito-form" data-screen="confirm-forgot-password" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
      <div id=${`${id}-h`}>${heading(this.t('confirmForgotPassword.title'))}</div>
      <p class="textDescription-customizable" data-delivery>
        ${deliveryText(this.t, 'confirmForgotPassword.sentTo', 'confirmForgotPassword.sentNowhere', s.delivery)}
      </p>
      ${noticeBanner(this.t, s.notice)} ${errorBanner(this.t, s.error, errorId)}
      <!-- Lets a password manager save the new password for the right account. -->
      <input type="text" name="username" autocomplete="username" .value=${s.username} hidden readonly />
      ${this.field({
        id: `${id}-code`,
        name: 'code',
        label: this.t('common.code'),
        autocomplete: 'one-time-code',
        inputmode: 'numeric',
        dir: 'ltr',
        error,
        errorId,
      })}
      ${this.passwordField({
        id: `${id}-password`,
        name: 'password',
        label: this.t('common.newPassword'),
        autocomplete: 'new-password',
        hintId: checksId,
        error,
        errorId,
        onInput: (e) => (this._password = (e.target as HTMLInputElement).value),
      })}
      ${passwordChecklist(this.t, policy, this._password, checksId)}
      ${this.passwordField({
        id: `${id}-confirm`,
        name: 'confirm_password',
        label: this.t('common.confirmPassword'),
        autocomplete: 'new-password',
        error: mismatch ? authError('passwords-do-not-match', { field: 'confirm_password' }) : error,
        errorId: mismatch ? mismatchId : errorId,
        onInput: (e) => (this._confirm = (e.target as HTMLInputElement).value),
      })}
      <p id=${mismatchId} class="cognito-hint textDescription-customizable" role="status" data-mismatch>
        ${mismatch ? this.t('errors.passwords-do-not-match') : nothing}
      </p>
      ${submitButton(this.t, this.t('confirmForgotPassword.submit'), s.busy)}
      <div class="cognito-links">
        ${actionButton('resend-code', this.t('confirmForgotPassword.resend'), () => void this.flow?.resendForgotPasswordCode(), s.busy)}
        ${actionButton('back', this.t('common.back'), () => this.flow?.goTo('sign-in', s.username), s.busy)}
      </div>
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
