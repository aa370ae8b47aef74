// What a screen reader gets from the account sections: buttons named by what they act on (WCAG 2.4.6), and
// "Loading…" in a status region that is spoken (WCAG 4.1.3). Names are computed as the browser does (axe-core's
// implementation of the accessible name computation), not read from one attribute.
import { expect } from 'chai';
import { expectAccessible } from './helpers.js';
import { mountAccount, press, signedIn, text, until, USER } from './account-support.js';

type Axe = { setup(node: Node): void; teardown(): void; commons: { text: { accessibleText(el: Element): string } } };

/** The accessible name of `el`. */
function nameOf(el: Element): string {
  const axe = (globalThis as unknown as { axe: Axe }).axe;
  axe.setup(document);
  try {
    return axe.commons.text.accessibleText(el).replace(/\s+/g, ' ').trim();
  } finally {
    axe.teardown();
  }
}

/** The names of the buttons in `root`, as a screen reader's list of buttons shows them. */
function buttonNames(root: Element): string[] {
  return [...root.querySelectorAll('button')].map(nameOf);
}

/** An answer held until the test lets it go: the section stays busy meanwhile. */
function held<T>(value: T): { answer: () => Promise<T>; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return { answer: () => gate.then(() => value), release };
}

/** The status regions around or in `el` that a screen reader holds back (an aria-busy ancestor). */
function heldBack(el: Element): Element | null {
  return el.closest('[aria-busy="true"]');
}

const PASSKEYS = {
  Credentials: [
    { CredentialId: 'cred-1', FriendlyCredentialName: 'MacBook', RelyingPartyId: 'example.com', AuthenticatorAttachment: 'platform', CreatedAt: 1_700_000_000 },
    { CredentialId: 'cred-2', FriendlyCredentialName: 'YubiKey', RelyingPartyId: 'example.com', AuthenticatorAttachment: 'cross-platform', CreatedAt: 1_700_000_000 },
  ],
};

const DEVICES = {
  Devices: [
    {
      DeviceKey: 'us-east-1_a',
      DeviceAttributes: [
        { Name: 'device_name', Value: 'Firefox on Linux' },
        { Name: 'dev:device_remembered_status', Value: 'remembered' },
      ],
      DeviceLastAuthenticatedDate: 1_700_000_000,
    },
    {
      DeviceKey: 'us-east-1_b',
      DeviceAttributes: [
        { Name: 'device_name', Value: 'Safari on iPhone' },
        { Name: 'dev:device_remembered_status', Value: 'not_remembered' },
      ],
      DeviceLastAuthenticatedDate: 1_700_000_000,
    },
  ],
};

describe('account buttons say what they act on', () => {
  it('passkeys: "Delete MacBook", "Delete YubiKey" (the visible text stays "Delete"), and the confirmation\'s Delete', async () => {
    const h = await signedIn();
    h.cognito.on('listWebAuthnCredentials', () => PASSKEYS);
    const el = await mountAccount<HTMLElement>('cognito-account-passkeys', { account: h.account, flow: h.flow });
    await until(() => el.querySelectorAll('[data-passkey]').length === 2, 'the list');
    const deletes = [...el.querySelectorAll('[data-action="delete-passkey"]')];
    expect(deletes.map(nameOf)).to.deep.equal(['Delete MacBook', 'Delete YubiKey']);
    expect(deletes.map((b) => text(b))).to.deep.equal(['Delete', 'Delete']);
    // The name says it: no description repeating the passkey's name.
    expect(deletes.map((b) => b.getAttribute('aria-describedby'))).to.deep.equal([null, null]);
    const names = buttonNames(el);
    expect(new Set(names).size, names.join(' | ')).to.equal(names.length);
    // "Waiting for your passkey…" will be said in a status region already there, empty, not inserted filled.
    expect(el.querySelector('[data-action="add-passkey"]')).to.exist;
    expect(el.querySelector('[data-add-status]')?.getAttribute('role')).to.equal('status');
    expect(text(el.querySelector('[data-add-status]'))).to.equal('');

    await press(el, 'delete-passkey', 1);
    const confirm = el.querySelector('[data-action="confirm-delete-passkey"]')!;
    expect(nameOf(confirm)).to.equal('Delete YubiKey');
    expect(text(confirm)).to.equal('Delete');
    expect(buttonNames(el).filter((n) => n !== 'Add a passkey')).to.deep.equal(['Delete MacBook', 'Delete YubiKey', 'Cancel']);
    await expectAccessible(el);
  });

  it('devices: "Stop remembering Firefox on Linux", "Forget Firefox on Linux", "Remember Safari on iPhone", …', async () => {
    const h = await signedIn();
    h.cognito.on('listDevices', () => DEVICES);
    const el = await mountAccount<HTMLElement>('cognito-account-devices', { account: h.account, flow: h.flow });
    await until(() => el.querySelectorAll('[data-device]').length === 2, 'the list');
    expect(buttonNames(el)).to.deep.equal([
      'Stop remembering Firefox on Linux',
      'Forget Firefox on Linux',
      'Remember Safari on iPhone',
      'Forget Safari on iPhone',
    ]);
    expect([...el.querySelectorAll('[data-action="forget-device"]')].map((b) => text(b))).to.deep.equal(['Forget', 'Forget']);
    expect(el.querySelector('button[aria-describedby]')).to.equal(null);
    await expectAccessible(el);
  });

  it('two-step verification: "Turn off Authenticator app", "Turn on Email message"', async () => {
    const h = await signedIn({ mfaTypes: 'SOFTWARE_TOKEN_MFA EMAIL_OTP' });
    h.cognito.on('getUser', () => ({ ...USER, UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' }));
    const el = await mountAccount<HTMLElement>('cognito-account-mfa', { account: h.account, flow: h.flow });
    const on = await until(() => el.querySelector('[data-mfa-type="EMAIL_OTP"] [data-action="turn-on"]'), 'the rows');
    const off = el.querySelector('[data-mfa-type="SOFTWARE_TOKEN_MFA"] [data-action="turn-off"]')!;
    const method = (type: string) => text(el.querySelector(`[data-mfa-type="${type}"] .label-customizable`));
    expect(nameOf(off)).to.equal(`Turn off ${method('SOFTWARE_TOKEN_MFA')}`);
    expect(nameOf(on)).to.equal(`Turn on ${method('EMAIL_OTP')}`);
    expect(nameOf(off)).to.equal('Turn off Authenticator app');
    expect([text(off), text(on)]).to.deep.equal(['Turn off', 'Turn on']);
    const names = buttonNames(el);
    expect(new Set(names).size, names.join(' | ')).to.equal(names.length);
    await expectAccessible(el);
  });
});

describe('account sections say "Loading…" where it is spoken', () => {
  it('profile: "Loading…" is in the section\'s status region, in no aria-busy region', async () => {
    const h = await signedIn();
    const user = held(USER);
    h.cognito.on('getUser', user.answer);
    const el = await mountAccount<HTMLElement>('cognito-account-profile', { account: h.account, flow: h.flow });
    const status = await until(() => (text(el.querySelector('[data-status]')) === 'Loading…' ? el.querySelector('[data-status]') : null), 'Loading…');
    expect(status.getAttribute('role')).to.equal('status');
    expect(heldBack(status)).to.equal(null);
    expect(el.querySelectorAll('[role="status"]')).to.have.length(1);
    user.release();
    await until(() => el.querySelector('[name="given_name"]'), 'the form');
    expect(el.textContent).not.to.contain('Loading…');
  });

  it('devices: the status region that says "Loading…" is the one that later says what was done; the list is aria-busy', async () => {
    const h = await signedIn();
    const devices = held(DEVICES);
    h.cognito.on('listDevices', devices.answer);
    const forget = held({});
    h.cognito.on('forgetDevice', forget.answer);
    const el = await mountAccount<HTMLElement>('cognito-account-devices', { account: h.account, flow: h.flow });
    const status = await until(() => (text(el.querySelector('[data-status]')) === 'Loading…' ? el.querySelector('[data-status]') : null), 'Loading…');
    expect(heldBack(status)).to.equal(null);
    expect([...el.querySelectorAll('[role="status"]')]).to.deep.equal([status]);
    devices.release();
    await until(() => el.querySelectorAll('[data-device]').length === 2, 'the list');
    expect(el.querySelector('[data-status]')).to.equal(status);
    expect(text(status)).to.equal('');
    await press(el, 'forget-device');
    expect(el.querySelector('.cognito-account-list')?.getAttribute('aria-busy')).to.equal('true');
    expect(heldBack(status)).to.equal(null);
    forget.release();
    await until(() => el.querySelector('[data-notice]'), 'the notice');
    expect(el.querySelector('[data-status]')).to.equal(status);
    expect(heldBack(status)).to.equal(null);
    expect(el.querySelector('.cognito-account-list')?.getAttribute('aria-busy')).to.equal('false');
  });

  it('passkeys and two-step verification: "Loading…" in the status region, not held back', async () => {
    for (const [tag, op, answer] of [
      ['cognito-account-passkeys', 'listWebAuthnCredentials', PASSKEYS],
      ['cognito-account-mfa', 'getUser', USER],
    ] as const) {
      const h = await signedIn();
      const gate = held(answer);
      h.cognito.on(op, gate.answer);
      const el = await mountAccount<HTMLElement>(tag, { account: h.account, flow: h.flow });
      const status = await until(() => (text(el.querySelector('[data-status]')) === 'Loading…' ? el.querySelector('[data-status]') : null), `${tag}: Loading…`);
      expect(heldBack(status), tag).to.equal(null);
      expect(el.querySelector('section')?.hasAttribute('aria-busy'), tag).to.equal(false);
      gate.release();
      await until(() => text(el.querySelector('[data-status]')) === '', `${tag}: loaded`);
    }
  });
});
