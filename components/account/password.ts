import { html, type TemplateResult } from 'lit';
import type { AccountState, SectionStatus } from '../../src/account/index.js';
import { newPasswordFields, TypedNewPassword, usernameForPasswordManager } from '../parts/new-password-fields.js';
import { button, onSubmit, sectionStatus } from './parts.js';
import { AccountSectionElement } from './section.js';

/**
 * @summary Account section "Password": the current password, the new one with the pool's live policy checklist, and
 * its confirmation (ChangePassword). Other sessions stay signed in (see `<cognito-account-sessions>`).
 * @fires cognito-account-updated - The password was changed. detail: { change: 'password' }
 * @fires cognito-error - detail: { code, message, field?, section: 'password', … } (a wrong current password: `current-password-incorrect`)
 * @csspart none — light DOM: style it with Cognito's *-customizable classes and `.cognito-account-section`.
 */
export class CognitoAccountPassword extends AccountSectionElement<'password'> {
  readonly section = 'password' as const;
  readonly #typed = new TypedNewPassword(this);

  readonly #submit = onSubmit((v, form) =>
    this.intent(async (account) => {
      await account.changePassword({ currentPassword: v.current_password ?? '', password: v.password ?? '', confirmPassword: v.confirm_password ?? '' });
      // Changed: nothing of the passwords stays in the form (or in memory).
      if (account.state.password.notice === 'password-changed') {
        form.reset();
        this.#typed.set('password', '');
        this.#typed.set('confirm', '');
      }
    }),
  );

  protected renderSection(state: AccountState, s: SectionStatus): TemplateResult {
    const id = this.uidPrefix;
    const errorId = `${id}-error`;
    return html`${this.heading(this.t('account.password.title'))}
      <form class="cognito-form cognito-account-form" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
        ${sectionStatus(this.t, s, id)}
        ${usernameForPasswordManager(String(state.user?.attributes.email ?? state.username))}
        ${this.kit.passwordField({
          id: `${id}-current`,
          name: 'current_password',
          label: this.t('common.currentPassword'),
          autocomplete: 'current-password',
          error: s.error,
          errorId,
        })}
        ${newPasswordFields(this.kit, {
          id,
          label: this.t('common.newPassword'),
          policy: this.link.auth?.config.passwordPolicy,
          error: s.error,
          errorId,
          typed: this.#typed,
        })}
        ${button(this.t, { action: 'change-password', type: 'submit', label: this.t('account.password.submit'), busy: s.busy })}
      </form>`;
  }
}

if (!customElements.get('cognito-account-password')) customElements.define('cognito-account-password', CognitoAccountPassword);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-account-password': CognitoAccountPassword;
  }
}
