import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AccountFlow, AccountState, Passkey, PasskeysState } from '../../src/account/index.js';
import { button, formatDate, loading, sectionList, sectionStatus } from './parts.js';
import { AccountSectionElement } from './section.js';
import '../features/after-sign-in.js'; // its English, with this code
import '../features/mfa.js'; // "Cancel" (setupTotp.cancel): the account chunk has it already, for the MFA section

/**
 * @summary Account section "Passkeys": the user's passkeys (ListWebAuthnCredentials: name, created, where it lives),
 * "Add a passkey" (the browser's prompt, through the authenticator's engine) and "Delete" (DeleteWebAuthnCredential),
 * which first asks in the row: a deleted passkey no longer signs in, and cannot be got back.
 * @fires cognito-account-updated - detail: { change: 'passkeys' }
 * @fires cognito-error - detail: { code, message, section: 'passkeys', … }
 * @csspart none — light DOM: style it with Cognito's *-customizable classes and `.cognito-account-section`.
 */
export class CognitoAccountPasskeys extends AccountSectionElement<'passkeys'> {
  readonly section = 'passkeys' as const;

  /** The passkey whose row asks "Delete …?" (one row at a time), until confirmed and gone, or cancelled. */
  #confirming: string | undefined;
  /** Where focus goes after the next render: the question just shown, or the Delete button it came from. */
  #focusNext: { id: string; target: 'question' | 'delete' } | undefined;

  protected override load(_account: AccountFlow, state: AccountState): void {
    if (!state.passkeys.passkeys) this.intent((a) => a.loadPasskeys());
  }

  #ask(id: string): void {
    this.#confirming = id;
    this.#focusNext = { id, target: 'question' };
    this.requestUpdate();
  }

  #cancel(id: string): void {
    if (this.#confirming !== id) return;
    this.#confirming = undefined;
    this.#focusNext = { id, target: 'delete' };
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The passkey asked about is gone (deleted, or no longer listed): nothing is left to confirm.
    const listed = this.state?.status === 'ready' ? this.state.passkeys.passkeys : undefined;
    if (this.#confirming && !listed?.some((p) => p.id === this.#confirming)) this.#confirming = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Before the base class: the control that had focus (Delete, or the question) was just replaced by this render,
    // and focus must land on its successor, not on the section's heading.
    const next = this.#focusNext;
    this.#focusNext = undefined;
    const listed = this.state?.status === 'ready' ? this.state.passkeys.passkeys : undefined;
    const index = next ? (listed?.findIndex((p) => p.id === next.id) ?? -1) : -1;
    if (next && index >= 0) {
      const row = document.getElementById(`${this.uidPrefix}-${index}-name`)?.closest('[data-passkey]');
      row?.querySelector<HTMLElement>(next.target === 'question' ? '[data-confirm-question]' : '[data-action="delete-passkey"]')?.focus();
    }
    super.updated(changed);
  }

  /** The row's question "Delete the passkey “…”?" and its two answers, in place of its Delete button. */
  #confirm(s: PasskeysState, p: Passkey, id: string): TemplateResult {
    const name = p.name || this.t('account.passkeys.unnamed');
    // Focus goes to the question, not to its "Delete": a screen reader then reads the whole question (what is deleted
    // and that it no longer signs in) before any answer, and the next Tab reaches "Delete", then "Cancel". A second
    // Enter on the spot where "Delete" was does nothing, so a double press cannot delete by mistake.
    return html`<div
      class="cognito-account-confirm"
      role="group"
      aria-labelledby=${`${id}-ask`}
      data-confirm
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Escape' || s.busy) return;
        e.preventDefault();
        e.stopPropagation();
        this.#cancel(p.id);
      }}
    >
      <p id=${`${id}-ask`} class="cognito-account-confirm-question textDescription-customizable" tabindex="-1" data-confirm-question>${this.t('account.passkeys.confirmDelete', { name })}</p>
      <div class="cognito-account-actions">
        ${button(this.t, {
          action: 'confirm-delete-passkey',
          kind: 'danger',
          label: this.t('account.passkeys.delete'),
          busy: s.busy,
          running: this.running(s.busy, `delete-${p.id}`),
          about: `${id}-name`,
          onClick: () => this.run(`delete-${p.id}`, (a) => a.deletePasskey({ id: p.id })),
        })}
        ${button(this.t, { action: 'cancel-delete-passkey', kind: 'secondary', label: this.t('setupTotp.cancel'), busy: s.busy, onClick: () => this.#cancel(p.id) })}
      </div>
    </div>`;
  }

  #item(s: PasskeysState, p: Passkey, index: number): TemplateResult {
    const id = `${this.uidPrefix}-${index}`;
    const lang = this.lang || document.documentElement.lang;
    const created = formatDate(lang, p.createdAt);
    const where = p.attachment === 'platform' ? 'account.passkeys.platform' : p.attachment === 'cross-platform' ? 'account.passkeys.crossPlatform' : undefined;
    const confirming = this.#confirming === p.id;
    return html`<li class="cognito-account-item" data-passkey data-confirming=${confirming ? 'true' : 'false'}>
      <div class="cognito-account-item-text">
        <span id=${`${id}-name`} class="label-customizable" dir="auto">${p.name || this.t('account.passkeys.unnamed')}</span>
        ${created ? html`<span class="textDescription-customizable">${this.t('account.passkeys.created', { date: created })}</span>` : nothing}
        ${where ? html`<span class="textDescription-customizable">${this.t(where)}</span>` : nothing}
      </div>
      ${confirming
        ? this.#confirm(s, p, id)
        : html`<div class="cognito-account-actions">
            ${button(this.t, {
              action: 'delete-passkey',
              kind: 'secondary',
              label: this.t('account.passkeys.delete'),
              busy: s.busy,
              about: `${id}-name`,
              onClick: () => this.#ask(p.id),
            })}
          </div>`}
    </li>`;
  }

  protected renderSection(_state: AccountState, s: PasskeysState): TemplateResult {
    const id = this.uidPrefix;
    const adding = this.running(s.busy, 'add');
    // Keyed by the passkey's id: after a delete, no other row's controls (nor its confirmation) take the deleted one's place.
    const list = sectionList({ id, busy: s.busy, items: s.passkeys, empty: this.t('account.passkeys.empty'), item: (p, i) => this.#item(s, p, i), key: (p) => p.id });
    // The status regions are always there, empty until they speak: one inserted already filled is often not read.
    return html`${this.heading(this.t('account.passkeys.title'))}
      <p class="textDescription-customizable">${this.t('account.passkeys.intro')}</p>
      ${sectionStatus(this.t, s, id, { progress: loading(this.t, s.busy, s.passkeys !== undefined) })}
      ${list}
      ${s.canAdd
        ? html`<div class="cognito-account-actions">
            ${button(this.t, { action: 'add-passkey', label: this.t('account.passkeys.add'), busy: s.busy, running: adding, onClick: () => this.run('add', (a) => a.addPasskey()) })}
          </div>
          <div role="status" data-add-status>${adding ? html`<p class="textDescription-customizable">${this.t('passkeyPrompt.waiting')}</p>` : nothing}</div>`
        : nothing}`;
  }
}

if (!customElements.get('cognito-account-passkeys')) customElements.define('cognito-account-passkeys', CognitoAccountPasskeys);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-account-passkeys': CognitoAccountPasskeys;
  }
}
