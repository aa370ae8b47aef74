import { html, nothing, type TemplateResult } from 'lit';
import type { AccountFlow, AccountState, Passkey, PasskeysState } from '../../src/account/index.js';
import { button, formatDate, sectionList, sectionStatus } from './parts.js';
import { AccountSectionElement } from './section.js';
import '../features/after-sign-in.js'; // its English, with this code

/**
 * @summary Account section "Passkeys": the user's passkeys (ListWebAuthnCredentials: name, created, where it lives),
 * "Add a passkey" (the browser's prompt, through the authenticator's engine) and "Delete" (DeleteWebAuthnCredential).
 * @fires cognito-account-updated - detail: { change: 'passkeys' }
 * @fires cognito-error - detail: { code, message, section: 'passkeys', … }
 * @csspart none — light DOM: style it with Cognito's *-customizable classes and `.cognito-account-section`.
 */
export class CognitoAccountPasskeys extends AccountSectionElement<'passkeys'> {
  readonly section = 'passkeys' as const;

  protected override load(_account: AccountFlow, state: AccountState): void {
    if (!state.passkeys.passkeys) this.intent((a) => a.loadPasskeys());
  }

  #item(s: PasskeysState, p: Passkey, index: number): TemplateResult {
    const id = `${this.uidPrefix}-${index}`;
    const lang = this.lang || document.documentElement.lang;
    const created = formatDate(lang, p.createdAt);
    const where = p.attachment === 'platform' ? 'account.passkeys.platform' : p.attachment === 'cross-platform' ? 'account.passkeys.crossPlatform' : undefined;
    return html`<li class="cognito-account-item" data-passkey>
      <div class="cognito-account-item-text">
        <span id=${`${id}-name`} class="label-customizable" dir="auto">${p.name || this.t('account.passkeys.unnamed')}</span>
        ${created ? html`<span class="textDescription-customizable">${this.t('account.passkeys.created', { date: created })}</span>` : nothing}
        ${where ? html`<span class="textDescription-customizable">${this.t(where)}</span>` : nothing}
      </div>
      <div class="cognito-account-actions">
        ${button(this.t, {
          action: 'delete-passkey',
          kind: 'secondary',
          label: this.t('account.passkeys.delete'),
          busy: s.busy,
          running: this.running(s.busy, `delete-${p.id}`),
          describedBy: `${id}-name`,
          onClick: () => this.run(`delete-${p.id}`, (a) => a.deletePasskey({ id: p.id })),
        })}
      </div>
    </li>`;
  }

  protected renderSection(_state: AccountState, s: PasskeysState): TemplateResult {
    const id = this.uidPrefix;
    const adding = this.running(s.busy, 'add');
    return html`${this.heading(this.t('account.passkeys.title'))}
      <p class="textDescription-customizable">${this.t('account.passkeys.intro')}</p>
      ${sectionStatus(this.t, s, id)}
      ${sectionList(this.t, { id, busy: s.busy, items: s.passkeys, empty: this.t('account.passkeys.empty'), item: (p, i) => this.#item(s, p, i) })}
      ${s.canAdd
        ? html`<div class="cognito-account-actions">
            ${button(this.t, { action: 'add-passkey', label: this.t('account.passkeys.add'), busy: s.busy, running: adding, onClick: () => this.run('add', (a) => a.addPasskey()) })}
          </div>
          ${adding ? html`<p class="textDescription-customizable" role="status">${this.t('passkeyPrompt.waiting')}</p>` : nothing}`
        : nothing}`;
  }
}

if (!customElements.get('cognito-account-passkeys')) customElements.define('cognito-account-passkeys', CognitoAccountPasskeys);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-account-passkeys': CognitoAccountPasskeys;
  }
}
