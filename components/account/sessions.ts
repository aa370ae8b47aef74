import { html, type TemplateResult } from 'lit';
import type { AccountState, SectionStatus } from '../../src/account/index.js';
import { button, sectionStatus } from './parts.js';
import { AccountSectionElement } from './section.js';

/**
 * @summary Account section "Sign out": sign out of this device, or everywhere (GlobalSignOut: every device and app,
 * this one included). Either way the authenticator fires `cognito-signed-out`.
 * @fires cognito-error - detail: { code, message, section: 'sessions', … }
 * @csspart none — light DOM: style it with Cognito's *-customizable classes and `.cognito-account-section`.
 */
export class CognitoAccountSessions extends AccountSectionElement<'sessions'> {
  readonly section = 'sessions' as const;

  protected renderSection(_state: AccountState, s: SectionStatus): TemplateResult {
    const id = this.uidPrefix;
    return html`${this.heading(this.t('account.sessions.title'))}
      <p id=${`${id}-desc`} class="textDescription-customizable">${this.t('account.sessions.intro')}</p>
      ${sectionStatus(this.t, s, id)}
      <div class="cognito-account-actions">
        ${button(this.t, {
          action: 'sign-out',
          kind: 'secondary',
          label: this.t('account.sessions.signOut'),
          busy: s.busy,
          running: false,
          onClick: () => this.intent((a) => a.signOut()),
        })}
        ${button(this.t, {
          action: 'sign-out-everywhere',
          label: this.t('account.sessions.signOutEverywhere'),
          busy: s.busy,
          running: s.busy,
          describedBy: `${id}-desc`,
          onClick: () => this.intent((a) => a.signOutEverywhere()),
        })}
      </div>`;
  }
}

if (!customElements.get('cognito-account-sessions')) customElements.define('cognito-account-sessions', CognitoAccountSessions);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-account-sessions': CognitoAccountSessions;
  }
}
