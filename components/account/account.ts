import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AccountFlow, AccountSection } from '../../src/account/index.js';
import type { AuthFlow } from '../../src/flow/auth-flow.js';
import { adoptTheme } from '../styles.js';
import { AccountElement } from './section.js';
import './profile.js';
import './password.js';
import './mfa.js';
import './passkeys.js';
import './devices.js';
import './sessions.js';
import './delete.js';

/** The `sections` names, in the page's order by default, and the element of each. */
const SECTION_TAGS = {
  profile: 'cognito-account-profile',
  password: 'cognito-account-password',
  mfa: 'cognito-account-mfa',
  passkeys: 'cognito-account-passkeys',
  devices: 'cognito-account-devices',
  sessions: 'cognito-account-sessions',
  delete: 'cognito-account-delete',
} as const;
export type AccountSectionName = keyof typeof SECTION_TAGS;
export const ACCOUNT_SECTION_NAMES = Object.keys(SECTION_TAGS) as AccountSectionName[];

/**
 * @summary The signed-in user's own account: profile, password, two-step verification, passkeys, devices, sign-out and
 * deleting the account, each section one element (`<cognito-account-profile>`, …, usable on its own too). It uses the
 * session of the `<cognito-authenticator>` named by `for`, else the one around it, else the page's first (or the
 * `flow` property); while no one is signed in it says so and fires nothing.
 *
 * Loaded on demand: `import 'cognito-elements/account'` (the script-tag build loads it by itself when the page has an
 * account element).
 * @fires cognito-account-updated - From its sections: detail: { change: 'profile' | 'email-verified' | 'phone_number-verified' | 'password' | 'mfa' | 'passkeys' | 'devices' | 'deleted', attributes? }
 * @fires cognito-error - From its sections: detail: { code, message, field?, retryable?, section }
 * @csspart none — light DOM: style it with Cognito's *-customizable classes, `.cognito-account`, `.cognito-account-section`.
 */
export class CognitoAccount extends AccountElement {
  static override properties = {
    ...AccountElement.properties,
    sections: { attribute: 'sections' },
    theme: { attribute: 'theme', reflect: true },
  };

  /**
   * The sections to show, in this order (space-separated): `profile password mfa passkeys devices sessions delete`
   * (default: all of them). Leave a section out to hide it.
   */
  declare sections: string | null;
  /** classic (default), modern, dark or auto; inside an authenticator, absent: its look. */
  declare theme: string | null;

  constructor() {
    super();
    this.sections = null;
    this.theme = null;
  }

  protected owns(_section: AccountSection): boolean {
    // Each section dispatches its own events; they bubble through this element.
    return false;
  }

  #shown(): AccountSectionName[] {
    if (this.sections === null) return ACCOUNT_SECTION_NAMES;
    const wanted = this.sections.split(/[\s,]+/).filter((n): n is AccountSectionName => Object.hasOwn(SECTION_TAGS, n));
    return [...new Set(wanted)];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('theme') && this.theme) void adoptTheme(this, this.theme);
  }

  #section(name: AccountSectionName, account: AccountFlow, auth: AuthFlow | undefined): TemplateResult {
    // One template per tag, so each section element stays the same while shown (what is typed survives).
    switch (name) {
      case 'profile':
        return html`<cognito-account-profile .account=${account} .flow=${auth}></cognito-account-profile>`;
      case 'password':
        return html`<cognito-account-password .account=${account} .flow=${auth}></cognito-account-password>`;
      case 'mfa':
        return html`<cognito-account-mfa .account=${account} .flow=${auth}></cognito-account-mfa>`;
      case 'passkeys':
        return html`<cognito-account-passkeys .account=${account} .flow=${auth}></cognito-account-passkeys>`;
      case 'devices':
        return html`<cognito-account-devices .account=${account} .flow=${auth}></cognito-account-devices>`;
      case 'sessions':
        return html`<cognito-account-sessions .account=${account} .flow=${auth}></cognito-account-sessions>`;
      case 'delete':
        return html`<cognito-account-delete .account=${account} .flow=${auth}></cognito-account-delete>`;
    }
  }

  protected override render(): TemplateResult {
    const state = this.state;
    const account = this.link.account;
    const signedIn = account && state?.status === 'ready';
    const name = state?.user?.attributes.email ?? this.link.auth?.session?.claims.email ?? state?.username;
    return html`<div class=${`cognito-frame cognito-account background-customizable${this.theme ? ` cognito-theme-${this.theme}` : ''}`}>
      <h1 class="cognito-heading" tabindex="-1" data-screen-heading>${this.t('account.title')}</h1>
      ${signedIn && name ? html`<p class="textDescription-customizable" data-signed-in-as>${this.t('signedIn.as', { name: String(name) })}</p>` : nothing}
      ${signedIn ? this.#shown().map((n) => this.#section(n, account, this.link.auth)) : this.signedOut()}
    </div>`;
  }
}

if (!customElements.get('cognito-account')) customElements.define('cognito-account', CognitoAccount);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-account': CognitoAccount;
  }
}
