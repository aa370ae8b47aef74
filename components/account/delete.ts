import { html, type TemplateResult } from 'lit';
import type { AccountState, SectionStatus } from '../../src/account/index.js';
import { button, onSubmit, sectionStatus } from './parts.js';
import { AccountSectionElement } from './section.js';

/**
 * @summary Account section "Delete account": the user types a confirmation word (`account.delete.word`, "DELETE" in
 * English, or the `confirm-word` attribute) and DeleteUser runs; then this device is signed out (reason `deleted`) and
 * the sign-in form says the account has been deleted.
 * @fires cognito-account-updated - The account was deleted (before `cognito-signed-out`). detail: { change: 'deleted' }
 * @fires cognito-error - detail: { code, message, field?, section: 'deleteAccount', … } (a wrong word: `confirmation-mismatch`)
 * @csspart none — light DOM: style it with Cognito's *-customizable classes, `.cognito-account-section`, `.cognito-button-danger`.
 */
export class CognitoAccountDelete extends AccountSectionElement<'deleteAccount'> {
  static override properties = { ...AccountSectionElement.properties, confirmWord: { attribute: 'confirm-word' } };
  readonly section = 'deleteAccount' as const;
  /** The word to type; default: the translated `account.delete.word`. */
  declare confirmWord: string | null;

  constructor() {
    super();
    this.confirmWord = null;
  }

  #word(): string {
    return this.confirmWord?.trim() || this.t('account.delete.word');
  }

  readonly #submit = onSubmit((v) => this.intent((a) => a.deleteAccount({ confirmation: v.confirmation ?? '', expected: this.#word() })));

  protected renderSection(_state: AccountState, s: SectionStatus): TemplateResult {
    const id = this.uidPrefix;
    const word = this.#word();
    return html`${this.heading(this.t('account.delete.title'))}
      <form class="cognito-form cognito-account-form" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
        <p id=${`${id}-desc`} class="textDescription-customizable cognito-account-warning">${this.t('account.delete.warning')}</p>
        ${sectionStatus(this.t, s, id)}
        ${this.kit.field({
          id: `${id}-confirm`,
          name: 'confirmation',
          label: this.t('account.delete.confirmLabel', { word }),
          autocomplete: 'off',
          error: s.error,
          errorId: `${id}-error`,
          primary: false,
        })}
        ${button(this.t, { action: 'delete-account', type: 'submit', kind: 'danger', label: this.t('account.delete.submit'), busy: s.busy, describedBy: `${id}-desc` })}
      </form>`;
  }
}

if (!customElements.get('cognito-account-delete')) customElements.define('cognito-account-delete', CognitoAccountDelete);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-account-delete': CognitoAccountDelete;
  }
}
