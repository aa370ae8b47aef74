import { html, nothing, type TemplateResult } from 'lit';
import type { AccountDevice, AccountFlow, AccountState, DevicesState } from '../../src/account/index.js';
import { button, formatDate, loading, sectionList, sectionStatus } from './parts.js';
import { AccountSectionElement } from './section.js';

/**
 * @summary Account section "Devices": where the user signed in with a tracked device (ListDevices: name, last used,
 * remembered or not, "This device"), "Forget" (ForgetDevice: its next sign-in asks for MFA again) and remember or not
 * (UpdateDeviceStatus).
 * @fires cognito-account-updated - detail: { change: 'devices' }
 * @fires cognito-error - detail: { code, message, section: 'devices', … }
 * @csspart none — light DOM: style it with Cognito's *-customizable classes and `.cognito-account-section`.
 */
export class CognitoAccountDevices extends AccountSectionElement<'devices'> {
  readonly section = 'devices' as const;

  protected override load(_account: AccountFlow, state: AccountState): void {
    if (!state.devices.devices) this.intent((a) => a.loadDevices());
  }

  #item(s: DevicesState, d: AccountDevice, index: number): TemplateResult {
    const id = `${this.uidPrefix}-${index}`;
    const lastUsed = formatDate(this.lang || document.documentElement.lang, d.lastUsed);
    const running = (action: string) => this.running(s.busy, `${action}-${d.key}`);
    return html`<li class="cognito-account-item" data-device data-current=${String(d.current)} data-remembered=${String(d.remembered)}>
      <div class="cognito-account-item-text">
        <span id=${`${id}-name`} class="label-customizable" dir="auto">${d.name || this.t('account.devices.unnamed')}</span>
        ${d.current ? html`<span class="cognito-account-tag" data-this-device>${this.t('account.devices.thisDevice')}</span>` : nothing}
        <span class="textDescription-customizable">${this.t(d.remembered ? 'account.devices.remembered' : 'account.devices.notRemembered')}</span>
        ${lastUsed ? html`<span class="textDescription-customizable">${this.t('account.devices.lastUsed', { date: lastUsed })}</span>` : nothing}
      </div>
      <div class="cognito-account-actions">
        ${button(this.t, {
          action: d.remembered ? 'dont-remember' : 'remember',
          kind: 'secondary',
          label: this.t(d.remembered ? 'account.devices.dontRemember' : 'account.devices.remember'),
          busy: s.busy,
          running: running('status'),
          about: `${id}-name`,
          onClick: () => this.run(`status-${d.key}`, (a) => a.setDeviceRemembered({ key: d.key, remembered: !d.remembered })),
        })}
        ${button(this.t, {
          action: 'forget-device',
          kind: 'secondary',
          label: this.t('account.devices.forget'),
          busy: s.busy,
          running: running('forget'),
          about: `${id}-name`,
          onClick: () => this.run(`forget-${d.key}`, (a) => a.forgetDevice({ key: d.key })),
        })}
      </div>
    </li>`;
  }

  protected renderSection(_state: AccountState, s: DevicesState): TemplateResult {
    const id = this.uidPrefix;
    return html`${this.heading(this.t('account.devices.title'))}
      <p class="textDescription-customizable">${this.t('account.devices.intro')}</p>
      ${sectionStatus(this.t, s, id, { progress: loading(this.t, s.busy, s.devices !== undefined) })}
      ${sectionList({ id, busy: s.busy, items: s.devices, empty: this.t('account.devices.empty'), item: (d, i) => this.#item(s, d, i), key: (d) => d.key })}`;
  }
}

if (!customElements.get('cognito-account-devices')) customElements.define('cognito-account-devices', CognitoAccountDevices);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-account-devices': CognitoAccountDevices;
  }
}
