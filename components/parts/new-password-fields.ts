import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { authError, type AuthError } from '../../src/errors.js';
import { checkPassword, DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../../src/password-policy.js';
import type { Translate } from '../../src/i18n.js';
import type { FieldKit } from './form.js';
import '../features/password.js'; // its English and sheet, with this code

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
  /** The confirmation was left (blurred) with text in it: from then on a mismatch is said. */
  #confirmLeft = false;

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

  /** Whether the user has left the confirmation with text in it (the match is checked then, or on submit). */
  get confirmLeft(): boolean {
    return this.#confirmLeft;
  }

  /** The user left the confirmation field. */
  leave(): void {
    if (this.#confirmLeft || this.#typed.confirm === '') return;
    this.#confirmLeft = true;
    this.#host.requestUpdate();
  }

  /** Keeps what is now in one of the two inputs, and re-renders the host when it changed. */
  set(input: 'password' | 'confirm', value: string): void {
    if (this.#typed[input] === value) return;
    this.#typed[input] = value;
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    if (!this.#host.current) {
      this.#typed = { password: '', confirm: '' };
      this.#confirmLeft = false;
    }
  }
}

export interface NewPasswordFieldsOptions {
  /** The screen's id prefix: `-password`, `-checks`, `-confirm` and `-mismatch` are added to it. */
  id: string;
  /** The first input's label: "Password" on sign-up, "New password" where one is replaced. */
  label: string;
  /** The pool's policy (the flow's `config.passwordPolicy`); Cognito's default when there is no flow yet. */
  policy: PasswordPolicy | undefined;
  /** The screen's error (the flow names the field it is about) and the id of its banner. */
  error: AuthError | undefined;
  errorId: string;
  typed: TypedNewPassword;
  /** The step exists for this password (NEW_PASSWORD_REQUIRED): see FieldOptions.primary. */
  primary?: { describedBy: string };
}

/** `password` (described by the checklist), the checklist, `confirm_password`, and the always-present mismatch status. */
export function newPasswordFields(kit: FieldKit, o: NewPasswordFieldsOptions): TemplateResult {
  const { t } = kit;
  const { id, error, errorId, typed } = o;
  const checksId = `${id}-checks`;
  const mismatchId = `${id}-mismatch`;
  // Checked when the user leaves the confirmation (or by the flow on submit), never while a password is being typed;
  // said under the confirmation, in its always-present live region.
  const differ = typed.password !== '' && typed.confirm !== '' && typed.password !== typed.confirm;
  // The flow's own verdict (on submit) holds until the two are made equal.
  const mismatch = error?.code === 'passwords-do-not-match' ? typed.password !== typed.confirm : typed.confirmLeft && differ;
  const confirmError = mismatch ? authError('passwords-do-not-match', { field: 'confirm_password' }) : error;
  return html`${kit.passwordField({
      id: `${id}-password`,
      name: 'password',
      label: o.label,
      autocomplete: 'new-password',
      hintId: checksId,
      error,
      errorId,
      primary: o.primary !== undefined,
      describedBy: o.primary?.describedBy,
      onInput: (e) => typed.set('password', (e.target as HTMLInputElement).value),
    })}
    ${passwordChecklist(t, o.policy ?? DEFAULT_PASSWORD_POLICY, typed.password, checksId)}
    ${kit.passwordField({
      id: `${id}-confirm`,
      name: 'confirm_password',
      label: t('common.confirmPassword'),
      autocomplete: 'new-password',
      // The live region is always there (so a change in it is announced) and always describes the field.
      hintId: mismatchId,
      error: confirmError,
      errorId: mismatch ? mismatchId : errorId,
      messageElsewhere: mismatch,
      onInput: (e) => typed.set('confirm', (e.target as HTMLInputElement).value),
      onBlur: () => typed.leave(),
    })}
    <div id=${mismatchId} class="cognito-field-status" role="status" data-mismatch>
      ${mismatch ? html`<p class="cognito-field-error" data-error-code="passwords-do-not-match"><span class="cognito-error-text">${t('errors.passwords-do-not-match')}</span></p>` : nothing}
    </div>`;
}

/** The account's username, hidden, beside a new password: lets a password manager save it for the right account. */
export function usernameForPasswordManager(username: string): TemplateResult {
  return html`<input type="text" name="username" autocomplete="username" .value=${username} hidden readonly />`;
}

/**
 * The live checklist of a password policy; each rule carries a text state as well as its class (not colour alone).
 * One template whatever is typed: the live list is the same element from before the first keystroke (a list put in
 * its place would be a new live region, and that keystroke would go unsaid). Each rule is atomic: a screen reader
 * says the whole rule when its state changes ("Contains a number (met)"), never a bare "met".
 */
export function passwordChecklist(t: Translate, policy: PasswordPolicy, password: string, id: string): TemplateResult {
  const checks = checkPassword(policy, password);
  // Neutral until something is typed: a list of requirements, not five red crosses before the user has begun.
  const pending = password === '';
  return html`<div class="cognito-password-checks" ?data-pending=${pending}>
    <p class="textDescription-customizable" id=${`${id}-title`}>${t('password.requirements')}</p>
    <ul id=${id} aria-labelledby=${`${id}-title`} aria-live="polite">
      ${checks.map(
        (c) => html`<li
          class=${pending ? 'cognito-check-pending' : c.valid ? 'passwordCheck-valid-customizable' : 'passwordCheck-notValid-customizable'}
          data-rule=${c.rule}
          data-valid=${String(!pending && c.valid)}
          aria-atomic="true"
        >
          <span class="cognito-check-icon" aria-hidden="true">${pending ? '•' : c.valid ? '✓' : '✗'}</span>
          ${t(`password.${c.rule}`, c.count === undefined ? {} : { count: c.count })}
          <span class="cognito-visually-hidden">${pending ? '' : `(${c.valid ? t('password.met') : t('password.notMet')})`}</span>
        </li>`,
      )}
    </ul>
  </div>`;
}
