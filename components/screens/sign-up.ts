import { html, nothing, type PropertyValues } from 'lit';
import { authError, type AuthError } from '../../src/errors.js';
import { DEFAULT_PASSWORD_POLICY } from '../../src/password-policy.js';
import { CognitoScreen } from '../base.js';
import { actionButton, errorBanner, fieldLabel, heading, noticeBanner, passwordChecklist, submitButton, uid } from '../parts/form.js';

interface InputKind {
  type?: string;
  autocomplete: string;
}

/** How each Cognito standard attribute is typed and autofilled (HTML's autofill field names). */
const ATTRIBUTE_INPUTS: Record<string, InputKind> = {
  email: { type: 'email', autocomplete: 'email' },
  phone_number: { type: 'tel', autocomplete: 'tel' },
  given_name: { autocomplete: 'given-name' },
  family_name: { autocomplete: 'family-name' },
  middle_name: { autocomplete: 'additional-name' },
  name: { autocomplete: 'name' },
  nickname: { autocomplete: 'nickname' },
  preferred_username: { autocomplete: 'username' },
  // A date input yields YYYY-MM-DD, the format Cognito requires for birthdate.
  birthdate: { type: 'date', autocomplete: 'bday' },
  gender: { autocomplete: 'sex' },
  address: { autocomplete: 'street-address' },
  locale: { autocomplete: 'language' },
  zoneinfo: { autocomplete: 'off' },
  picture: { type: 'url', autocomplete: 'url' },
  profile: { type: 'url', autocomplete: 'url' },
  website: { type: 'url', autocomplete: 'url' },
};

/** Addresses, numbers and URLs read left to right even in a right-to-left page. */
const LTR_TYPES = new Set(['email', 'tel', 'url']);

/** Cognito exceptions that are about one field although Cognito does not say which. */
const ERROR_FIELDS: Partial<Record<AuthError['code'], string>> = {
  'username-exists': 'username',
  'invalid-password': 'password',
  'password-history': 'password',
};

/**
 * @summary The sign-up screen: username (or email/phone, per the pool's username attributes), the pool's sign-up
 * attributes, and a new password with its live policy checklist and confirmation.
 *
 * Inputs are named after Cognito's fields (`username`, `email`, `given_name`, `custom:…`, `password`,
 * `confirm_password`); "Already have an account? Sign in" is `[data-action="sign-in"]`. Submitting calls
 * `flow.signUp()`; the `cognito-signed-up` event is dispatched by `<cognito-authenticator>`, not by this element.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoSignUp extends CognitoScreen<'sign-up'> {
  static override properties = {
    ...CognitoScreen.properties,
    _password: { state: true },
    _confirmPassword: { state: true },
  };
  readonly screen = 'sign-up' as const;
  /** What is typed in the password fields, for the live checklist and the mismatch message. Cleared on leaving. */
  declare private _password: string;
  declare private _confirmPassword: string;
  /**
   * The last values typed in the other fields. Passed back as the fields' values so that no re-render (a keystroke,
   * a failed submit) can put anything else in them.
   */
  #typed: Record<string, string> = {};
  readonly #id = uid();

  constructor() {
    super();
    this._password = '';
    this._confirmPassword = '';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Off this screen (signed up, or gone elsewhere): nothing typed here is kept, above all no password.
    if (!this.current) {
      this.#typed = {};
      this._password = '';
      this._confirmPassword = '';
    }
  }

  #usernameKinds() {
    return this.flow?.config.usernameAttributes ?? [];
  }

  /** The sign-up attributes to ask for; one that is already the username is not asked twice. */
  #attributes(): string[] {
    const kinds = this.#usernameKinds();
    const all = this.flow?.config.signUpAttributes ?? [];
    // With email-or-phone usernames both stay: the username holds only one of them, and the pool may need the other.
    return this.ordered(kinds.length === 1 ? all.filter((a) => a !== kinds[0]) : all);
  }

  #usernameInput(): { label: string; type: string; autocomplete: string; hint?: string } {
    const kinds = this.#usernameKinds();
    if (kinds.length === 2) return { label: this.t('common.emailOrPhone'), type: 'text', autocomplete: 'username' };
    if (kinds[0] === 'email') return { label: this.t('common.email'), type: 'email', autocomplete: 'email' };
    if (kinds[0] === 'phone_number') {
      return { label: this.t('common.phone_number'), type: 'tel', autocomplete: 'tel', hint: this.t('signUp.phoneHint') };
    }
    return { label: this.t('common.username'), type: 'text', autocomplete: 'username' };
  }

  #onInput(e: Event): void {
    const target = e.target as HTMLInputElement | null;
    if (!target?.name) return;
    if (target.name === 'password') this._password = target.value;
    else if (target.name === 'confirm_password') this._confirmPassword = target.value;
    else this.#typed[target.name] = target.value;
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    const v = this.values(e.currentTarget as HTMLFormElement);
    const attributes: Record<string, string> = {};
    for (const name of this.#attributes()) attributes[name] = v[name] ?? '';
    // Nothing is cleared on failure: the user corrects what the error names and sends again.
    void this.flow?.signUp({
      username: v.username ?? '',
      password: v.password ?? '',
      confirmPassword: v.confirm_password ?? '',
      attributes,
      requiredAttributes: this.#attributes().filter((name) => this.isRequired(name)),
    });
  }

  #goToSignIn(): void {
    const username = this.querySelector<HTMLInputElement>('input[name="username"]')?.value ?? '';
    this.flow?.goTo('sign-in', username.trim());
  }

  protected override render() {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    const errorId = `${id}-error`;
    const checksId = `${id}-checks`;
    const mismatchId = `${id}-mismatch`;
    const policy = this.flow?.config.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
    const fieldName = s.error ? (s.error.field ?? ERROR_FIELDS[s.error.code]) : undefined;
    const error = s.error && fieldName !== s.error.field ? authError(s.error.code, { field: fieldName }) : s.error;
    // Shown as soon as both fields have text, before any submit; once the flow itself reports it, the banner says it.
    const mismatch =
      this._password !== '' &&
      this._confirmPassword !== '' &&
      this._password !== this._confirmPassword &&
      s.error?.code !== 'passwords-do-not-match';
    const confirmError = mismatch && fieldName !== 'confirm_password' ? authError('passwords-do-not-match', { field: 'confirm_password' }) : error;
    const username = this.#usernameInput();
    return html`<form
      class="cognito-form"
      data-screen="sign-up"
      novalidate
      @submit=${this.#submit}
      @input=${this.#onInput}
      aria-labelledby=${`${id}-h`}
    >
      <div id=${`${id}-h`}>${heading(this.t('signUp.title'))}</div>
      <p class="textDescription-customizable">${this.t('signUp.heading')}</p>
      ${noticeBanner(this.t, s.notice)} ${errorBanner(this.t, s.error, errorId)}
      ${this.field({
        id: `${id}-username`,
        name: 'username',
        label: username.label,
        type: username.type,
        autocomplete: username.autocomplete,
        dir: LTR_TYPES.has(username.type) ? 'ltr' : undefined,
        value: this.#typed.username ?? s.username,
        hint: username.hint,
        hintId: `${id}-username-hint`,
        error,
        errorId,
      })}
      ${this.#attributes().map((name, i) => {
        const kind = ATTRIBUTE_INPUTS[name] ?? { autocomplete: 'off' };
        const type = kind.type ?? 'text';
        return this.field({
          id: `${id}-attr-${i}`,
          name,
          label: fieldLabel(this.t, name),
          type,
          autocomplete: kind.autocomplete,
          required: this.isRequired(name),
          dir: LTR_TYPES.has(type) ? 'ltr' : undefined,
          value: this.#typed[name],
          hint: name === 'phone_number' ? this.t('signUp.phoneHint') : undefined,
          hintId: `${id}-attr-${i}-hint`,
          error,
          errorId,
        });
      })}
      ${this.passwordField({
        id: `${id}-password`,
        name: 'password',
        label: this.t('common.password'),
        autocomplete: 'new-password',
        hintId: checksId,
        error,
        errorId,
      })}
      ${passwordChecklist(this.t, policy, this._password, checksId)}
      ${this.passwordField({
        id: `${id}-confirm`,
        name: 'confirm_password',
        label: this.t('common.confirmPassword'),
        autocomplete: 'new-password',
        // The live region is always there (so a change in it is announced) and always describes the field.
        hintId: mismatchId,
        error: confirmError,
        errorId: confirmError === error ? errorId : undefined,
      })}
      <div id=${mismatchId} class="cognito-field-status" role="status">
        ${mismatch
          ? html`<p class="errorMessage-customizable" data-error-code="passwords-do-not-match">${this.t('errors.passwords-do-not-match')}</p>`
          : nothing}
      </div>
      ${submitButton(this.t, this.t('signUp.submit'), s.busy)}
      <p class="cognito-alt textDescription-customizable">
        ${this.t('signUp.haveAccount')} ${actionButton('sign-in', this.t('signUp.signIn'), () => this.#goToSignIn(), s.busy)}
      </p>
    </form>`;
  }
}

if (!customElements.get('cognito-sign-up')) customElements.define('cognito-sign-up', CognitoSignUp);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-sign-up': CognitoSignUp;
  }
}
