import { html, nothing, type TemplateResult } from 'lit';
import { CognitoScreen } from '../base.js';
import { attributeInput } from '../parts/attributes.js';
import { actionButton, errorBanner, fieldLabel, heading, submitButton, uid } from '../parts/form.js';
import { newPasswordFields, TypedNewPassword, usernameForPasswordManager } from '../parts/new-password-fields.js';
import { slotted } from '../controllers/slots.js';
import '../features/password.js'; // its English and sheet, with this code

/**
 * @summary The NEW_PASSWORD_REQUIRED challenge: a user created by an administrator chooses a password (checked live
 * against the pool's policy) and fills in the attributes Cognito still requires.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoNewPassword extends CognitoScreen<'new-password'> {
  readonly screen = 'new-password' as const;
  /** What is typed in the new-password fields, for the live checklist and the mismatch message. Cleared on leaving. */
  readonly #passwords = new TypedNewPassword(this);
  readonly #id = uid();

  readonly #submit = this.onSubmit((v, flow) => {
    const s = this.current;
    if (!s) return;
    const attributes: Record<string, string> = {};
    for (const name of s.requiredAttributes) attributes[name] = v[name] ?? '';
    return flow.completeNewPassword({ password: v.password ?? '', confirmPassword: v.confirm_password ?? '', attributes });
  });

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    const errorId = `${id}-error`;
    return html`<form class="cognito-form" data-screen="new-password" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
      ${slotted('header')}
      <div id=${`${id}-h`}>${heading(this.t('newPassword.title'))}</div>
      <p id=${`${id}-desc`} class="textDescription-customizable">${this.t('newPassword.instructions')}</p>
      ${errorBanner(this.t, s.error, errorId)}
      ${usernameForPasswordManager(s.username)}
      ${newPasswordFields(this.kit, {
        id,
        label: this.t('common.newPassword'),
        policy: this.flow?.config.passwordPolicy,
        error: s.error,
        errorId,
        typed: this.#passwords,
        primary: { describedBy: `${id}-h ${id}-desc` },
      })}
      ${s.requiredAttributes.length > 0
        ? html`<p class="textDescription-customizable">${this.t('newPassword.attributesIntro')}</p>
            ${s.requiredAttributes.map((name, i) => {
              const input = attributeInput(name);
              return this.field({
                id: `${id}-attr-${i}`,
                name,
                label: fieldLabel(this.t, name),
                type: input.type,
                autocomplete: input.autocomplete,
                dir: input.dir,
                // A constant for this challenge, so a re-render never overwrites what the user typed.
                value: s.userAttributes[name] ?? '',
                hint: name === 'phone_number' ? this.t('newPassword.phoneHint') : undefined,
                hintId: `${id}-attr-${i}-hint`,
                error: s.error,
                errorId,
                t: this.t,
              });
            })}`
        : nothing}
      ${submitButton(this.t, this.t('newPassword.submit'), s.busy)}
      <div class="cognito-links">${actionButton('back', this.t('common.back'), () => this.flow?.goTo('sign-in', s.username), s.busy)}</div>
      ${slotted('footer')}
    </form>`;
  }
}

if (!customElements.get('cognito-new-password')) customElements.define('cognito-new-password', CognitoNewPassword);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-new-password': CognitoNewPassword;
  }
}
