import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { CognitoScreen } from '../base.js';
import { attributeInput, ltrDir } from '../parts/attributes.js';
import { actionButton, errorBanner, fieldLabel, heading, noticeBanner, submitButton, uid } from '../parts/form.js';
import { newPasswordFields, TypedNewPassword } from '../parts/new-password-fields.js';

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
  readonly screen = 'sign-up' as const;
  /** What is typed in the password fields, for the live checklist and the mismatch message. Cleared on leaving. */
  readonly #passwords = new TypedNewPassword(this);
  /**
   * The password typed here, '' once the screen is left: the element tests read it to prove it is forgotten.
   * @internal
   */
  protected get _password(): string {
    return this.#passwords.password;
  }
  /**
   * The last values typed in the other fields. Passed back as the fields' values so that no re-render (a keystroke,
   * a failed submit) can put anything else in them.
   */
  #typed: Record<string, string> = {};
  readonly #id = uid();

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // Off this screen (signed up, or gone elsewhere): nothing typed here is kept, above all no password.
    if (!this.current) this.#typed = {};
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
    // The password inputs keep their own (#passwords): no password goes into #typed.
    if (!target?.name || target.name === 'password' || target.name === 'confirm_password') return;
    this.#typed[target.name] = target.value;
  }

  readonly #submit = this.onSubmit((v, flow) => {
    const attributes: Record<string, string> = {};
    for (const name of this.#attributes()) attributes[name] = v[name] ?? '';
    // Nothing is cleared on failure: the user corrects what the error names and sends again.
    return flow.signUp({
      username: v.username ?? '',
      password: v.password ?? '',
      confirmPassword: v.confirm_password ?? '',
      attributes,
      requiredAttributes: this.#attributes().filter((name) => this.isRequired(name)),
    });
  });

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    const errorId = `${id}-error`;
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
        dir: ltrDir(username.type),
        value: this.#typed.username ?? s.username,
        hint: username.hint,
        hintId: `${id}-username-hint`,
        error: s.error,
        errorId,
      })}
      ${this.#attributes().map((name, i) => {
        const input = attributeInput(name);
        return this.field({
          id: `${id}-attr-${i}`,
          name,
          label: fieldLabel(this.t, name),
          type: input.type,
          autocomplete: input.autocomplete ?? 'off',
          required: this.isRequired(name),
          dir: input.dir,
          value: this.#typed[name],
          hint: name === 'phone_number' ? this.t('signUp.phoneHint') : undefined,
          hintId: `${id}-attr-${i}-hint`,
          error: s.error,
          errorId,
        });
      })}
      ${newPasswordFields(this.kit, {
        id,
        label: this.t('common.password'),
        policy: this.flow?.config.passwordPolicy,
        error: s.error,
        errorId,
        typed: this.#passwords,
      })}
      ${submitButton(this.t, this.t('signUp.submit'), s.busy)}
      <p class="cognito-alt textDescription-customizable">
        ${this.t('signUp.haveAccount')} ${actionButton('sign-in', this.t('signUp.signIn'), () => this.goTo('sign-in'), s.busy)}
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
