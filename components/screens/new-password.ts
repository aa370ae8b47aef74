import { html, nothing, type PropertyValues } from 'lit';
import { authError, type AuthError, type AuthErrorCode } from '../../src/errors.js';
import { DEFAULT_PASSWORD_POLICY } from '../../src/password-policy.js';
import { CognitoScreen } from '../base.js';
import { actionButton, errorBanner, fieldLabel, heading, passwordChecklist, submitButton, uid } from '../parts/form.js';

/** Input type and autofill token for each standard attribute Cognito may require; others (custom:*) are plain text. */
const ATTRIBUTE_INPUT: Record<string, { type?: string; autocomplete?: string; dir?: string }> = {
  email: { type: 'email', autocomplete: 'email', dir: 'ltr' },
  phone_number: { type: 'tel', autocomplete: 'tel', dir: 'ltr' },
  given_name: { autocomplete: 'given-name' },
  family_name: { autocomplete: 'family-name' },
  middle_name: { autocomplete: 'additional-name' },
  name: { autocomplete: 'name' },
  nickname: { autocomplete: 'nickname' },
  birthdate: { type: 'date', autocomplete: 'bday' },
  gender: { autocomplete: 'sex' },
  address: { autocomplete: 'street-address' },
  locale: { autocomplete: 'language' },
  website: { type: 'url', autocomplete: 'url', dir: 'ltr' },
  profile: { type: 'url', autocomplete: 'url', dir: 'ltr' },
  picture: { type: 'url', autocomplete: 'photo', dir: 'ltr' },
};

// Cognito names no field in these errors, but each is about the new password: that input is marked invalid.
const FIELD_OF: Partial<Record<AuthErrorCode, string>> = { 'invalid-password': 'password', 'password-history': 'password' };

function withField(error: AuthError | undefined): AuthError | undefined {
  const name = error && !error.field ? FIELD_OF[error.code] : undefined;
  return name ? authError(error!.code, { field: name }) : error;
}

/**
 * @summary The NEW_PASSWORD_REQUIRED challenge: a user created by an administrator chooses a password (checked live
 * against the pool's policy) and fills in the attributes Cognito still requires.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoNewPassword extends CognitoScreen<'new-password'> {
  static override properties = {
    ...CognitoScreen.properties,
    _password: { state: true },
    _confirm: { state: true },
  };
  readonly screen = 'new-password' as const;
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
    const s = this.current;
    if (!s) return;
    const v = this.values(e.currentTarget as HTMLFormElement);
    const attributes: Record<string, string> = {};
    for (const name of s.requiredAttributes) attributes[name] = v[name] ?? '';
    void this.flow?.completeNewPassword({ password: v.password ?? '', confirmPassword: v.confirm_password ?? '', attributes });
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
    return html`<form class="cognito-form" data-screen="new-password" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
      <div id=${`${id}-h`}>${heading(this.t('newPassword.title'))}</div>
      <p class="textDescription-customizable">${this.t('newPassword.instructions')}</p>
      ${errorBanner(this.t, s.error, errorId)}
      <!-- Lets a password manager save the new password for the right account. -->
      <input type="text" name="username" autocomplete="username" .value=${s.username} hidden readonly />
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
      ${s.requiredAttributes.length > 0
        ? html`<p class="textDescription-customizable">${this.t('newPassword.attributesIntro')}</p>
            ${s.requiredAttributes.map((name, i) => {
              const input = name.startsWith('custom:') ? {} : (ATTRIBUTE_INPUT[name] ?? {});
              return this.field({
                id: `${id}-attr-${i}`,
                name,
                label: fieldLabel(this.t, name),
                type: input.type ?? 'text',
                autocomplete: input.autocomplete,
                dir: input.dir,
                // A constant for this challenge, so a re-render never overwrites what the user typed.
                value: s.userAttributes[name] ?? '',
                hint: name === 'phone_number' ? this.t('newPassword.phoneHint') : undefined,
                hintId: `${id}-attr-${i}-hint`,
                error,
                errorId,
              });
            })}`
        : nothing}
      ${submitButton(this.t, this.t('newPassword.submit'), s.busy)}
      <div class="cognito-links">${actionButton('back', this.t('common.back'), () => this.flow?.goTo('sign-in', s.username), s.busy)}</div>
    </form>`;
  }
}

if (!customElements.get('cognito-new-password')) customElements.define('cognito-new-password', CognitoNewPassword);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-new-password': CognitoNewPassword;
  }
}
