// <cognito-account-passkeys> and <cognito-account-devices>: listed, deleted / forgotten / remembered, errors said.
import { expect } from 'chai';
import { exception } from '../support/fake-cognito.js';
import { expectAccessible } from './helpers.js';
import { mountAccount, press, signedIn, text, until } from './account-support.js';

const PASSKEY = { CredentialId: 'cred-1', FriendlyCredentialName: 'My laptop', RelyingPartyId: 'example.com', AuthenticatorAttachment: 'platform', CreatedAt: 1_700_000_000 };

describe('<cognito-account-passkeys>', () => {
  it('lists the passkeys and deletes one; focus stays in the section', async () => {
    const h = await signedIn();
    h.cognito.on('listWebAuthnCredentials', () => ({ Credentials: [PASSKEY] }), () => ({ Credentials: [] }));
    h.cognito.on('deleteWebAuthnCredential', () => ({}));
    const el = await mountAccount<HTMLElement>('cognito-account-passkeys', { account: h.account, flow: h.flow });
    const item = await until(() => el.querySelector('[data-passkey]'), 'the list');
    expect(text(item)).to.contain('My laptop').and.contain('Built into a device').and.contain('2023');
    const button = el.querySelector<HTMLButtonElement>('[data-action="delete-passkey"]')!;
    // Named "Delete My laptop": its own text, then the passkey's name (account-a11y.test.ts computes the names).
    expect(button.getAttribute('aria-labelledby')!.split(' ').map((id) => text(document.getElementById(id)))).to.deep.equal(['Delete', 'My laptop']);
    button.focus();
    await press(el, 'delete-passkey');
    expect(h.cognito.callsOf('deleteWebAuthnCredential')).to.have.length(0); // it asks first (account-confirm.test.ts)
    await press(el, 'confirm-delete-passkey');
    await until(() => el.querySelector('[data-empty]'), 'the empty list');
    expect(h.cognito.callsOf('deleteWebAuthnCredential')[0]).to.deep.include({ CredentialId: 'cred-1' });
    expect(text(el.querySelector('[data-status]'))).to.equal('The passkey has been deleted.');
    expect(el.contains(document.activeElement)).to.equal(true);
    expect(h.dom.filter((e) => e.type === 'cognito-account-updated').map((e) => e.detail)).to.deep.equal([{ change: 'passkeys' }]);
    await expectAccessible(el);
  });

  it('a failed listing is said, with "Try again" that lists again', async () => {
    const h = await signedIn();
    h.cognito.on('listWebAuthnCredentials', () => exception('InternalErrorException', 'boom'), () => ({ Credentials: [PASSKEY] }));
    const el = await mountAccount<HTMLElement>('cognito-account-passkeys', { account: h.account, flow: h.flow });
    await until(() => el.querySelector('[data-error-code="server-error"]'), 'the error');
    expect(h.dom.find((e) => e.type === 'cognito-error')?.detail).to.deep.include({ code: 'server-error', section: 'passkeys' });
    await press(el, 'retry');
    await until(() => el.querySelector('[data-passkey]'), 'listed');
  });
});

describe('account lists right to left', () => {
  it('a name in another direction ("My laptop" on a Hebrew page) lines up with the lines under it, at the right', async () => {
    const h = await signedIn();
    h.cognito.on('listWebAuthnCredentials', () => ({ Credentials: [PASSKEY] }));
    const page = document.createElement('div');
    page.dir = 'rtl';
    page.lang = 'he';
    document.body.append(page);
    const el = await mountAccount<HTMLElement>('cognito-account-passkeys', { account: h.account, flow: h.flow }, page);
    const item = await until(() => el.querySelector('[data-passkey]'), 'the list');
    const [name, ...lines] = [...item.querySelector('.cognito-account-item-text')!.children] as HTMLElement[];
    const rightOfText = (node: HTMLElement) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return range.getBoundingClientRect().right;
    };
    expect(name!.dir).to.equal('auto');
    for (const line of lines) expect(Math.abs(rightOfText(name!) - rightOfText(line)), text(line)).to.be.below(1);
  });
});

describe('<cognito-account-devices>', () => {
  const DEVICES = {
    Devices: [
      {
        DeviceKey: 'us-east-1_other',
        DeviceAttributes: [
          { Name: 'device_name', Value: 'Firefox on Linux' },
          { Name: 'dev:device_remembered_status', Value: 'remembered' },
        ],
        DeviceLastAuthenticatedDate: 1_700_000_000,
      },
    ],
  };

  it('lists devices; stops remembering one, then forgets it', async () => {
    const h = await signedIn();
    h.cognito.on('listDevices', () => DEVICES);
    h.cognito.on('updateDeviceStatus', () => ({}));
    h.cognito.on('forgetDevice', () => ({}));
    const el = await mountAccount<HTMLElement>('cognito-account-devices', { account: h.account, flow: h.flow });
    const item = await until(() => el.querySelector('[data-device]'), 'the list');
    expect(text(item)).to.contain('Firefox on Linux').and.contain('Remembered');
    await press(el, 'dont-remember');
    await until(() => el.querySelector('[data-device][data-remembered="false"]'), 'not remembered');
    expect(h.cognito.callsOf('updateDeviceStatus')[0]).to.deep.include({ DeviceKey: 'us-east-1_other', DeviceRememberedStatus: 'not_remembered' });
    await press(el, 'forget-device');
    await until(() => el.querySelector('[data-empty]'), 'forgotten');
    expect(h.cognito.callsOf('forgetDevice')[0]).to.deep.include({ DeviceKey: 'us-east-1_other' });
    expect(h.dom.filter((e) => e.type === 'cognito-account-updated').map((e) => e.detail)).to.deep.equal([{ change: 'devices' }, { change: 'devices' }]);
    await expectAccessible(el);
  });
});
