import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { authError, type AuthError } from '../../src/errors.js';
import { isPasswordValid } from '../../src/password-policy.js';
import { CognitoScreen, type FormValues } from '../base.js';
import { attributeInput, ltrDir } from '../parts/attributes.js';
import { actionButton, errorBanner, fieldLabel, heading, noticeBanner, submitButton, uid } from '../parts/form.js';
import { newPasswordFields, TypedNewPassword } from '../parts/new-password-fields.js';
import { slotted } from '../controllers/slots.js';
import { fieldMessage } from '../parts/form.js';
import { regionName, shapedField } from '../parts/fields/render.js';
import type { ShapedFieldOptions, SignUpValidator } from '../parts/fields/types.js';
import { pageMessages, shapeValues, type SignUpField } from '../parts/fields/values.js';
import '../features/registration.js'; // its English, with this code

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
    validateSignUp: { attribute: false },
    _messages: { state: true },
    _errors: { state: true },
  };
  readonly screen = 'sign-up' as const;
  /**
   * Checks the form before anything is sent (see SignUpValidator); default: the enclosing authenticator's
   * `validateSignUp`.
   */
  declare validateSignUp: SignUpValidator | undefined;
  /** Messages under the fields, by field name (required boxes, phone numbers, the page's validateSignUp). */
  declare _messages: Record<string, string>;
  /**
   * The form's own verdicts on the fields the engine checks too (username, plain attributes, password): the engine
   * stops at the first, the form reports them all at once, as the flow's errors are shown (under each field).
   */
  declare _errors: Record<string, AuthError>;
  /** The flow's error when the form's own checks last failed: it is about an earlier submit, so it is not shown. */
  #stale: AuthError | undefined;
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
    if (!this.current) {
      this.#typed = {};
      this._messages = {};
      this._errors = {};
      this.#stale = undefined;
    }
  }

  constructor() {
    super();
    this._messages = {};
    this._errors = {};
  }

  #custom(name: string): ShapedFieldOptions {
    return (this.formFields?.[name] ?? {}) as ShapedFieldOptions;
  }

  /**
   * Every field after the username: the pool's sign-up attributes, then any field the page adds in formFields with a
   * `type` (a terms box, a select, …), in the page's order.
   */
  #fields(): string[] {
    const attributes = this.#attributes();
    const own = new Set(['username', 'password', 'confirm_password', ...attributes]);
    const extra = Object.keys(this.formFields ?? {}).filter((n) => !own.has(n) && this.#custom(n).type);
    return this.ordered([...attributes, ...extra]);
  }

  #signUpFields(): SignUpField[] {
    return this.#fields().map((name) => ({ name, label: this.#label(name), required: this.isRequired(name), custom: this.#custom(name) }));
  }

  #label(name: string): string {
    return this.#custom(name).label ?? fieldLabel(this.t, name);
  }

  /** The `lang` values from this element up, nearest first (the first is the language shown). */
  #langs(): string[] {
    const out: string[] = [];
    for (let n: Element | null = this.closest('[lang]'); n; n = n.parentElement?.closest('[lang]') ?? null) {
      const lang = n.getAttribute('lang');
      if (lang) out.push(lang);
    }
    return out;
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
    // A message goes once the user changes what it is about.
    const name = target.name.replace(/#region$/, '');
    if (this._messages[name]) this._messages = without(this._messages, name);
    if (this._errors[name]) this._errors = without(this._errors, name);
    // The password inputs keep their own (#passwords): no password goes into #typed.
    if (name === 'password' || name === 'confirm_password') return;
    this.#typed[target.name] = target.type === 'checkbox' ? (target.checked ? 'true' : '') : target.value;
  }

  /**
   * What the engine would refuse before sending (a missing username or attribute, the password), every field at once:
   * the engine stops at the first, so a form checked only there would report one missing field per submit.
   */
  #ownErrors(v: FormValues, fields: SignUpField[]): Record<string, AuthError> {
    const out: Record<string, AuthError> = {};
    const fail = (name: string, code: AuthError['code'] = 'required-field') => (out[name] = authError(code, { field: name }));
    if (!(v.username ?? '').trim()) fail('username');
    for (const f of fields) if (!f.custom.type && f.required && !(v[f.name] ?? '').trim()) fail(f.name);
    const flow = this.flow;
    if (flow && !flow.config.passwordlessSignUp) {
      const password = v.password ?? '';
      if (!password) fail('password');
      else if (!isPasswordValid(flow.config.passwordPolicy, password)) fail('password', 'password-policy');
      else if ((v.confirm_password ?? '') !== password) fail('confirm_password', 'passwords-do-not-match');
    }
    return out;
  }

  readonly #submit = this.onSubmit((v, flow, form) => {
    const fields = this.#signUpFields();
    const shaped = shapeValues(this.t, fields, v);
    const own = this.#ownErrors(v, fields);
    const send = () => {
      const plain = fields.filter((f) => !f.custom.type).map((f) => f.name);
      // Nothing is cleared on failure: the user corrects what the error names and sends again.
      return flow.signUp({
        username: v.username ?? '',
        password: v.password ?? '',
        confirmPassword: v.confirm_password ?? '',
        attributes: shaped.attributes,
        clientMetadata: shaped.metadata,
        requiredAttributes: plain.filter((name) => this.isRequired(name)),
      });
    };
    const validate = this.validateSignUp ?? (this.closest('.cognito-root')?.parentElement as { validateSignUp?: SignUpValidator } | null | undefined)?.validateSignUp;
    // Without the page's validateSignUp, nothing to wait for: the request goes in the same task as the submit.
    if (!validate) return this.#showMessages(shaped.messages, own, form) ? undefined : send();
    const values = { username: (v.username ?? '').trim(), ...shaped.sent };
    return pageMessages(validate, values, shaped.messages).then((messages) => (this.#showMessages(messages, own, form) ? undefined : send()));
  });

  /**
   * Shows every message and error under its field (one per field: the form's own first) and focuses the first invalid
   * field in the form's order; true when there are any (nothing is then sent).
   */
  #showMessages(messages: Record<string, string>, errors: Record<string, AuthError>, form: HTMLFormElement): boolean {
    const shown = Object.fromEntries(Object.entries(messages).filter(([name]) => !errors[name]));
    const invalid = new Set([...Object.keys(shown), ...Object.keys(errors)]);
    if (invalid.size || Object.keys(this._messages).length || Object.keys(this._errors).length) {
      this._messages = shown;
      this._errors = errors;
    }
    if (!invalid.size) return false;
    this.#stale = this.current?.error;
    // Its message is read with it, through aria-describedby.
    void this.updateComplete.then(() => [...form.elements].find((e): e is HTMLElement => invalid.has((e as HTMLInputElement).name))?.focus());
    return true;
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const error = s.error === this.#stale ? undefined : s.error;
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
      ${slotted('header')}
      <div id=${`${id}-h`}>${heading(this.t('signUp.title'))}</div>
      <p class="textDescription-customizable">${this.t('signUp.heading')}</p>
      ${noticeBanner(this.t, s.notice)} ${errorBanner(this.t, error, errorId)}
      ${this.field({
        t: this.t,
        id: `${id}-username`,
        name: 'username',
        label: username.label,
        type: username.type,
        autocomplete: username.autocomplete,
        dir: ltrDir(username.type),
        value: this.#typed.username ?? s.username,
        hint: username.hint,
        hintId: `${id}-username-hint`,
        error: this._errors.username ?? error,
        errorId,
      })}${this._messages.username ? fieldMessage(this._messages.username, `${id}-username-message`, 'invalid-field') : nothing}
      ${this.#fields().map((name, i) => {
        const custom = this.#custom(name);
        const message = this._messages[name];
        if (custom.type) {
          return shapedField(this.t, {
            id: `${id}-attr-${i}`,
            name,
            label: this.#label(name),
            required: this.isRequired(name),
            value: this.#typed[name],
            region: this.#typed[regionName(name)],
            message,
            langs: this.#langs(),
            custom,
          });
        }
        const input = attributeInput(name);
        return html`${this.field({
          t: this.t,
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
          error: this._errors[name] ?? error,
          errorId,
        })}${message ? fieldMessage(message, `${id}-attr-${i}-message`, 'invalid-field') : nothing}`;
      })}
      ${this.flow?.config.passwordlessSignUp
        ? nothing // passwordless-sign-up: the account signs in with a code or a passkey, never a password
        : newPasswordFields(this.kit, {
            id,
            label: this.t('common.password'),
            policy: this.flow?.config.passwordPolicy,
            error: this._errors.password ?? this._errors.confirm_password ?? error,
            errorId,
            typed: this.#passwords,
          })}
      ${submitButton(this.t, this.t('signUp.submit'), s.busy)}
      <p class="cognito-alt textDescription-customizable">
        ${this.t('signUp.haveAccount')} ${actionButton('sign-in', this.t('signUp.signIn'), () => this.goTo('sign-in'), s.busy)}
      </p>
      ${slotted('footer')}
    </form>`;
  }
}

function without<T>(record: Record<string, T>, name: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== name));
}

if (!customElements.get('cognito-sign-up')) customElements.define('cognito-sign-up', CognitoSignUp);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-sign-up': CognitoSignUp;
  }
}
