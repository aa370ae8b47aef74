import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { authError, type AuthError } from '../../src/errors.js';
import type { Translate } from '../../src/i18n.js';
import type { PasswordPolicy } from '../../src/password-policy.js';
import { passwordChecklist, type FieldOptions } from './form.js';

// A new password, as sign-up, the password reset and NEW_PASSWORD_REQUIRED ask for it: the password with its live
// policy checklist, its confirmation, and a status region saying when the two differ.

/**
 * What is typed in the two inputs, for the checklist and the mismatch message. Kept only while the host shows its
 * screen: off it (done, or gone elsewhere) both are forgotten, so no password stays in memory and coming back never
 * shows a checklist for a password that is no longer there.
 */
export class TypedNewPassword implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly current: unknown };
  #typed = { password: '', confirm: '' };

  constructor(host: ReactiveControllerHost & { readonly current: unknown }) {
    this.#host = host;
    host.addController(this);
  }

  get password(): string {
    return this.#typed.password;
  }

  get confirm(): string {
    return this.#typed.confirm;
  }

  /** Keeps what is now in one of the two inputs, and re-renders the host when it changed. */
  set(input: 'password' | 'confirm', value: string): void {
    if (this.#typed[input] === value) return;
    this.#typed[input] = value;
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    if (!this.#host.current) this.#typed = { password: '', confirm: '' };
  }
}

export interface NewPasswordFieldsOptions {
  t: Translate;
  /** The screen's id prefix: `-password`, `-checks`, `-confirm` and `-mismatch` are added to it. */
  id: string;
  /** The first input's label: "Password" on sign-up, "New password" where one is replaced. */
  label: string;
  policy: PasswordPolicy;
  /** The screen's error (the flow names the field it is about) and the id of its banner. */
  error: AuthError | undefined;
  errorId: string;
  typed: TypedNewPassword;
  /** The screen's password input, with the page's formFields applied. */
  passwordField(o: FieldOptions): TemplateResult;
}

/** `password` (described by the checklist), the checklist, `confirm_password`, and the always-present mismatch status. */
export function newPasswordFields(o: NewPasswordFieldsOptions): TemplateResult {
  const { t, id, error, errorId, typed } = o;
  const checksId = `${id}-checks`;
  const mismatchId = `${id}-mismatch`;
  // Shown as soon as both fields have text, before any submit; once the flow itself reports it, the banner says it.
  const mismatch = typed.password !== '' && typed.confirm !== '' && typed.password !== typed.confirm && error?.code !== 'passwords-do-not-match';
  const confirmError = mismatch && error?.field !== 'confirm_password' ? authError('passwords-do-not-match', { field: 'confirm_password' }) : error;
  return html`${o.passwordField({
      id: `${id}-password`,
      name: 'password',
      label: o.label,
      autocomplete: 'new-password',
      hintId: checksId,
      error,
      errorId,
      onInput: (e) => typed.set('password', (e.target as HTMLInputElement).value),
    })}
    ${passwordChecklist(t, o.policy, typed.password, checksId)}
    ${o.passwordField({
      id: `${id}-confirm`,
      name: 'confirm_password',
      label: t('common.confirmPassword'),
      autocomplete: 'new-password',
      // The live region is always there (so a change in it is announced) and always describes the field.
      hintId: mismatchId,
      error: confirmError,
      errorId: confirmError === error ? errorId : undefined,
      onInput: (e) => typed.set('confirm', (e.target as HTMLInputElement).value),
    })}
    <div id=${mismatchId} class="cognito-field-status" role="status" data-mismatch>
      ${mismatch ? html`<p class="errorMessage-customizable" data-error-code="passwords-do-not-match">${t('errors.passwords-do-not-match')}</p>` : nothing}
    </div>`;
}
