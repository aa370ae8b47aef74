import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AccountFlow, AccountState, AccountUser, MfaState } from '../../src/account/index.js';
import type { MfaType } from '../../src/state/index.js';
import { secretBlocks, totpFields, totpSteps } from '../parts/totp-steps.js';
import { errorBanner } from '../parts/form.js';
import { button, loading, onSubmit, sectionList, sectionStatus } from './parts.js';
import { AccountSectionElement } from './section.js';
import '../features/mfa.js'; // its English and sheet, with this code

/** Whether the user has a phone number Cognito has verified: where SMS codes can go. */
const hasVerifiedPhone = (user: AccountUser): boolean =>
  Boolean(user.attributes.phone_number) && user.attributes.phone_number_verified === 'true';

/**
 * @summary Account section "Two-step verification": the user's methods (UserMFASettingList, PreferredMfaSetting) with
 * on/off and "preferred" for those the page offers (`mfa-types`, default SOFTWARE_TOKEN_MFA), and adding or replacing
 * an authenticator app: the QR code, the secret key and a device name, then the app's first code.
 * @fires cognito-account-updated - detail: { change: 'mfa' }
 * @fires cognito-error - detail: { code, message, field?, section: 'mfa', … }
 * @csspart none — light DOM: style it with Cognito's *-customizable classes, `.cognito-account-section`, `.cognito-secret`.
 */
export class CognitoAccountMfa extends AccountSectionElement<'mfa'> {
  readonly section = 'mfa' as const;
  #showSecret = false;
  #setupShown: string | undefined;

  protected override load(_account: AccountFlow, state: AccountState): void {
    if (!state.user) this.intent((a) => a.load());
  }

  readonly #verify = onSubmit((v) => this.run('verify-totp', (a) => a.verifyTotp({ code: v.code ?? '', deviceName: v.device_name })));

  /** The methods to list: those offered, then any other the user has on (turned on elsewhere: it can be turned off). */
  #methods(s: MfaState, user: AccountUser): MfaType[] {
    return [...s.available, ...user.mfaEnabled.filter((m) => !s.available.includes(m))];
  }

  #row(s: MfaState, user: AccountUser, type: MfaType): TemplateResult {
    const id = `${this.uidPrefix}-${type}`;
    const on = user.mfaEnabled.includes(type);
    const preferred = on && user.mfaPreferred === type;
    const busy = s.busy;
    const run = (action: string) => this.running(busy, `${action}-${type}`);
    const actions: TemplateResult[] = [];
    let hint: string | undefined;
    if (type === 'SOFTWARE_TOKEN_MFA' && s.available.includes(type)) {
      actions.push(
        button(this.t, {
          action: on ? 'replace-app' : 'add-app',
          kind: on ? 'secondary' : 'primary',
          label: this.t(on ? 'account.mfa.replaceApp' : 'account.mfa.addApp'),
          busy,
          running: run('setup'),
          onClick: () => this.run(`setup-${type}`, (a) => a.startTotpSetup()),
        }),
      );
    } else if (!on && type === 'SMS_MFA' && !hasVerifiedPhone(user)) {
      // Cognito refuses SMS without a phone number ("User does not have delivery config set to turn on SMS_MFA") and
      // would send codes to an unverified one: say what to do first instead of offering a button that fails.
      hint = this.t('account.mfa.smsNeedsPhone');
    } else if (!on) {
      actions.push(
        button(this.t, {
          action: 'turn-on',
          label: this.t('account.mfa.turnOn'),
          busy,
          running: run('on'),
          about: `${id}-name`,
          onClick: () => this.run(`on-${type}`, (a) => a.setMfaEnabled({ type, enabled: true })),
        }),
      );
    }
    if (on && !preferred) {
      actions.push(
        button(this.t, {
          action: 'make-preferred',
          kind: 'secondary',
          label: this.t('account.mfa.makePreferred'),
          busy,
          running: run('preferred'),
          about: `${id}-name`,
          onClick: () => this.run(`preferred-${type}`, (a) => a.setPreferredMfa({ type })),
        }),
      );
    }
    if (on) {
      actions.push(
        button(this.t, {
          action: 'turn-off',
          kind: 'secondary',
          label: this.t('account.mfa.turnOff'),
          busy,
          running: run('off'),
          about: `${id}-name`,
          onClick: () => this.run(`off-${type}`, (a) => a.setMfaEnabled({ type, enabled: false })),
        }),
      );
    }
    return html`<li class="cognito-account-item" data-mfa-type=${type} data-enabled=${String(on)} data-preferred=${String(preferred)}>
      <div class="cognito-account-item-text">
        <span id=${`${id}-name`} class="label-customizable">${this.t(`mfaTypes.${type}`)}</span>
        <span class="cognito-account-tag" data-state>${this.t(on ? 'account.mfa.on' : 'account.mfa.off')}</span>
        ${preferred ? html`<span class="cognito-account-tag" data-preferred-tag>${this.t('account.mfa.preferred')}</span>` : nothing}
      </div>
      ${hint ? html`<p id=${`${id}-hint`} class="cognito-hint textDescription-customizable" data-hint>${hint}</p>` : nothing}
      <div class="cognito-account-actions">${actions}</div>
    </li>`;
  }

  #setup(s: MfaState, setup: { secret: string; uri: string }): TemplateResult {
    const id = `${this.uidPrefix}-totp`;
    if (this.#setupShown !== setup.secret) {
      this.#setupShown = setup.secret;
      this.#showSecret = false;
    }
    const shown = this.#showSecret;
    return html`<form class="cognito-form cognito-account-totp" novalidate @submit=${this.#verify} aria-labelledby=${`${id}-h`} data-totp-setup>
      <h3 id=${`${id}-h`} class="cognito-subheading" tabindex="-1">${this.t('setupTotp.title')}</h3>
      ${totpSteps(this.t, {
        id,
        uri: setup.uri,
        shown,
        onToggle: () => {
          this.#showSecret = !shown;
          this.requestUpdate();
        },
        // "JBSW Y3DP EHPK 3PXP": blocks of four are easier to copy by eye.
        secret: () => html`<code class="cognito-secret-key" dir="ltr" translate="no">${secretBlocks(setup.secret).join(' ')}</code>`,
      })}
      ${this.#errorInSetup(s) ? errorBanner(this.t, s.error, `${this.uidPrefix}-error`) : nothing}
      ${totpFields(this.kit, { id, error: s.error, errorId: `${this.uidPrefix}-error` })}
      <div class="cognito-account-actions">
        ${button(this.t, { action: 'verify-totp', type: 'submit', label: this.t('setupTotp.submit'), busy: s.busy })}
        ${button(this.t, { action: 'cancel', kind: 'link', label: this.t('setupTotp.cancel'), busy: s.busy, running: false, onClick: () => this.#cancel() })}
      </div>
    </form>`;
  }

  /**
   * An error about a field of the set-up form (the code, the device name) has its banner in that form, where base.css
   * hides it while the field says it (said once, as on the authenticator's screens).
   */
  #errorInSetup(s: MfaState): boolean {
    return Boolean(s.totpSetup && s.error?.field);
  }

  /** The refused code of the set-up, last selected: a new refusal selects the code again. */
  #refused: unknown;

  #cancel(): void {
    this.link.account?.cancelTotpSetup();
    // Back where the set-up started.
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('[data-action="add-app"], [data-action="replace-app"]')?.focus());
  }

  protected renderSection(state: AccountState, s: MfaState): TemplateResult {
    const id = this.uidPrefix;
    // The methods come with the user (GetUser, which runs as the profile's request): "Loading…" until then.
    const user = state.user;
    return html`${this.heading(this.t('account.mfa.title'))}
      <p class="textDescription-customizable">${this.t('account.mfa.intro')}</p>
      ${sectionStatus(this.t, s, id, { banner: !this.#errorInSetup(s), progress: loading(this.t, s.busy || state.profile.busy, user !== undefined) })}
      ${sectionList({ id, busy: s.busy, items: user && this.#methods(s, user).map((type) => this.#row(s, user, type)), item: (row) => row })}
      ${s.totpSetup ? this.#setup(s, s.totpSetup) : nothing}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The set-up just appeared: its heading takes focus, so the steps are read from the start.
    this.focusNewForms('form[data-totp-setup]', 'h3');
    // After FocusController has put focus back in a refused code, its content is selected, so the next code typed
    // replaces it (maxlength would silently drop what is typed after it), as code-step.ts does on the authenticator.
    const error = this.current?.error;
    if (error !== this.#refused && error?.field === 'code') this.querySelector<HTMLInputElement>('input[name="code"]')?.select();
    this.#refused = error;
  }
}

if (!customElements.get('cognito-account-mfa')) customElements.define('cognito-account-mfa', CognitoAccountMfa);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-account-mfa': CognitoAccountMfa;
  }
}
