import { html, nothing, type TemplateResult } from 'lit';
import type { AccountFlow, AccountState, Passkey, PasskeysState } from '../../src/account/index.js';
import { button, formatDate, sectionStatus } from './parts.js';
import { AccountSectionElement } from './section.js';

/**
 * @summary Account section "Passkeys": the user's passkeys (ListWebAuthnCredentials: name, created, where it lives),
 * "Add a passkey" (the browser's prompt, through the authenticator's engine) and "Delete" (DeleteWebAuthnCredential).
 * @fires cognito-account-updated - detail: { change: 'passkeys' }
 * @fires cognito-error - detail: { code, message, section: 'passkeys', … }
 * @csspart none — light DOM: style it with Cognito's *-customizable classes and `.cognito-account-section`.
 */
export class CognitoAccountPasskeys extends AccountSectionElement<'passkeys'> {
  readonly section = 'passkeys' as const;
  #running: string | undefined;

  protected override load(_account: AccountFlow, state: AccountState): void {
    if (!state.passkeys.passkeys) this.intent((a) => a.loadPasskeys());
  }

  #do(action: string, call: (a: AccountFlow) => Promise<void>): void {
    this.#running = action;
    this.intent(call);
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
          running: s.busy && this.#running === `delete-${p.id}`,
          describedBy: `${id}-name`,
          onClick: () => this.#do(`delete-${p.id}`, (a) => a.deletePasskey({ id: p.id })),
        })}
      </div>
    </li>`;
  }

  protected renderSection(_state: AccountState, s: PasskeysState): TemplateResult {
    const id = this.uidPrefix;
    const list = s.passkeys;
    const adding = s.busy && this.#running === 'add';
    return html`${this.heading(this.t('account.passkeys.title'))}
      <p class="textDescription-customizable">${this.t('account.passkeys.intro')}</p>
      ${sectionStatus(this.t, s, id)}
      ${list === undefined
        ? s.busy
          ? html`<p class="textDescription-customizable" role="status">${this.t('account.loading')}</p>`
          : nothing
        : list.length === 0
          ? html`<p class="textDescription-customizable" data-empty>${this.t('account.passkeys.empty')}</p>`
          : html`<ul class="cognito-account-list" aria-labelledby=${`${id}-h`}>${list.map((p, i) => this.#item(s, p, i))}</ul>`}
      ${s.canAdd
        ? html`<div class="cognito-account-actions">
            ${button(this.t, { action: 'add-passkey', label: this.t('account.passkeys.add'), busy: s.busy, running: adding, onClick: () => this.#do('add', (a) => a.addPasskey()) })}
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
