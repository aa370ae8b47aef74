// <cognito-account>: the sections it shows, nothing while signed out, sign out everywhere, deleting the account, a
// keyboard-only journey, and axe in every theme.
import { expect } from 'chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { AccountFlow } from '../../src/account/index.js';
import { adoptTheme } from '../../components/styles.js';
import { harness } from '../support/fake-cognito.js';
import { expectAccessible } from './helpers.js';
import { fill, mountAccount, press, settle, signedIn, submitForm, text, until, USER } from './account-support.js';

type El = HTMLElement & { updateComplete: Promise<unknown> };
const SECTIONS = ['cognito-account-profile', 'cognito-account-password', 'cognito-account-mfa', 'cognito-account-sessions', 'cognito-account-delete'];

function everything(h: Awaited<ReturnType<typeof signedIn>>): void {
  h.cognito.on('getUser', () => USER);
  h.cognito.on('listWebAuthnCredentials', () => ({ Credentials: [] }));
  h.cognito.on('listDevices', () => ({ Devices: [] }));
}

describe('<cognito-account>', () => {
  it('no one signed in: says so, sends nothing, fires nothing', async () => {
    const h = harness();
    const account = new AccountFlow(h.flow, {}, { api: h.cognito.api });
    const seen: string[] = [];
    const listen = (e: Event) => seen.push(e.type);
    document.addEventListener('cognito-account-updated', listen);
    document.addEventListener('cognito-error', listen);
    const el = await mountAccount<El>('cognito-account', { account, flow: h.flow });
    expect(text(el)).to.contain('You are not signed in.');
    expect(el.querySelector('.cognito-account-section')).to.equal(null);
    expect(h.cognito.calls).to.deep.equal([]);
    document.removeEventListener('cognito-account-updated', listen);
    document.removeEventListener('cognito-error', listen);
    expect(seen).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('shows every section by default, and only those in `sections`, in that order', async () => {
    const h = await signedIn();
    everything(h);
    const all = await mountAccount<El>('cognito-account', { account: h.account, flow: h.flow });
    expect([...all.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section'))).to.deep.equal([
      'profile', 'password', 'mfa', 'passkeys', 'devices', 'sessions', 'deleteAccount',
    ]);
    all.remove();
    const some = await mountAccount<El>('cognito-account', { account: h.account, flow: h.flow, sections: 'password sessions' });
    expect([...some.querySelectorAll('[data-section]')].map((s) => s.getAttribute('data-section'))).to.deep.equal(['password', 'sessions']);
  });

  it('finds the session of the authenticator it names with `for`, and follows its sign-out', async () => {
    const h = await signedIn();
    const auth = document.createElement('div');
    auth.id = 'the-auth';
    Object.defineProperty(auth, 'flow', { value: h.flow });
    document.body.append(auth);
    try {
      const el = await mountAccount<El>('cognito-account-sessions', { for: 'the-auth' });
      await until(() => el.querySelector('[data-action="sign-out"]'), 'the signed-in section');
      h.cognito.on('revokeToken', () => ({}));
      await press(el, 'sign-out');
      await until(() => text(el).includes('You are not signed in.'), 'signed out');
      expect(h.flow.session).to.equal(undefined);
    } finally {
      auth.remove();
    }
  });

  it('sign out everywhere: GlobalSignOut, then signed out here', async () => {
    const h = await signedIn();
    h.cognito.on('globalSignOut', () => ({}));
    h.cognito.on('revokeToken', () => ({}));
    const el = await mountAccount<El>('cognito-account-sessions', { account: h.account, flow: h.flow });
    await press(el, 'sign-out-everywhere');
    await until(() => text(el).includes('You are not signed in.'), 'signed out');
    expect(h.cognito.callsOf('globalSignOut')).to.have.length(1);
  });

  it('delete account: the wrong word is refused before anything is sent; the right one, in any case, deletes and signs out', async () => {
    const h = await signedIn();
    h.cognito.on('deleteUser', () => ({}));
    const el = await mountAccount<El>('cognito-account-delete', { account: h.account, flow: h.flow });
    expect(text(el.querySelector('label'))).to.equal('Type DELETE to confirm');
    fill(el, 'confirmation', 'remove');
    await submitForm(el, '[name="confirmation"]');
    await until(() => el.querySelector('[name="confirmation"][aria-invalid="true"]'), 'the refusal');
    expect(document.activeElement).to.equal(el.querySelector('[name="confirmation"]'));
    expect(h.cognito.callsOf('deleteUser')).to.have.length(0);
    expect(h.dom.find((e) => e.type === 'cognito-error')?.detail).to.deep.include({ code: 'confirmation-mismatch', section: 'deleteAccount' });
    // In any case: a screen reader does not say that DELETE is in capitals.
    fill(el, 'confirmation', 'delete');
    await submitForm(el, '[name="confirmation"]');
    await until(() => text(el).includes('You are not signed in.'), 'signed out');
    expect(h.cognito.callsOf('deleteUser')).to.have.length(1);
    expect(h.dom.filter((e) => e.type === 'cognito-account-updated').map((e) => e.detail)).to.deep.equal([{ change: 'deleted' }]);
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', notice: 'account-deleted' });
  });

  it('keyboard only: Tab to the password fields, type, Enter changes the password', async () => {
    const h = await signedIn();
    h.cognito.on('changePassword', () => ({}));
    const el = await mountAccount<El>('cognito-account-password', { account: h.account, flow: h.flow });
    const before = document.createElement('button');
    before.textContent = 'start';
    el.before(before);
    try {
      before.focus();
      const tabTo = async (name: string) => {
        for (let i = 0; i < 6 && document.activeElement?.getAttribute('name') !== name; i++) await sendKeys({ press: 'Tab' });
        expect(document.activeElement?.getAttribute('name')).to.equal(name);
      };
      await tabTo('current_password');
      await sendKeys({ type: 'Passw0rd!' });
      await tabTo('password');
      await sendKeys({ type: 'N3w-Passw0rd!' });
      await tabTo('confirm_password');
      await sendKeys({ type: 'N3w-Passw0rd!' });
      await sendKeys({ press: 'Enter' });
      await until(() => el.querySelector('[data-notice="password-changed"]'), 'changed');
      expect(h.cognito.callsOf('changePassword')[0]).to.deep.include({ PreviousPassword: 'Passw0rd!', ProposedPassword: 'N3w-Passw0rd!' });
      // Focus stayed in the form (the submit button), ready for the next thing.
      expect(el.contains(document.activeElement)).to.equal(true);
    } finally {
      before.remove();
    }
  });

  for (const [theme, scheme] of [['classic', 'light'], ['modern', 'light'], ['dark', 'light'], ['auto', 'dark']] as const) {
    it(`axe clean in theme ${theme} (${scheme} scheme), every section shown`, async () => {
      await emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      try {
        const h = await signedIn();
        h.cognito.on('getUser', () => ({ ...USER, UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' }));
        h.cognito.on('listWebAuthnCredentials', () => ({ Credentials: [{ CredentialId: 'c', FriendlyCredentialName: 'Laptop', CreatedAt: 1_700_000_000 }] }));
        h.cognito.on('listDevices', () => ({ Devices: [{ DeviceKey: 'k', DeviceAttributes: [{ Name: 'device_name', Value: 'Phone' }] }] }));
        const el = await mountAccount<El>('cognito-account', { account: h.account, flow: h.flow, theme });
        await adoptTheme(el, theme);
        await until(() => el.querySelector('[data-passkey]') && el.querySelector('[data-device]') && el.querySelector('[data-mfa-type]'), 'every list');
        for (const tag of SECTIONS) await (el.querySelector(tag) as El).updateComplete;
        await settle();
        await expectAccessible(el);
      } finally {
        await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
      }
    });
  }
});
