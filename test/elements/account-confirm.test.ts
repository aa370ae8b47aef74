// What a keyboard and screen-reader user meets when removing things from <cognito-account>: a forgotten device's
// "Forget" never hands its focus to another device, and a passkey is only deleted once its row's question is answered.
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { exception } from '../support/fake-cognito.js';
import { expectAccessible } from './helpers.js';
import { mountAccount, press, settle, signedIn, text, until } from './account-support.js';

const device = (key: string, name: string) => ({
  DeviceKey: key,
  DeviceAttributes: [
    { Name: 'device_name', Value: name },
    { Name: 'dev:device_remembered_status', Value: 'remembered' },
  ],
  DeviceLastAuthenticatedDate: 1_700_000_000,
});

const passkey = (id: string, name: string) => ({ CredentialId: id, FriendlyCredentialName: name, RelyingPartyId: 'example.com', AuthenticatorAttachment: 'platform', CreatedAt: 1_700_000_000 });

const active = () => document.activeElement as HTMLElement | null;
const rowOf = (el: Element | null) => el?.closest<HTMLElement>('[data-device], [data-passkey]') ?? null;
const nameOf = (row: Element | null) => text(row?.querySelector('.label-customizable'));

describe('<cognito-account-devices>: forgetting one device', () => {
  it('hands focus to the heading, so a second Enter forgets nothing else', async () => {
    const h = await signedIn();
    h.cognito.on('listDevices', () => ({ Devices: [device('us-east-1_a', 'Firefox on Linux'), device('us-east-1_b', 'Safari on iPhone')] }));
    h.cognito.on('forgetDevice', () => ({}));
    const el = await mountAccount<HTMLElement>('cognito-account-devices', { account: h.account, flow: h.flow });
    await until(() => el.querySelectorAll('[data-device]').length === 2, 'two devices');

    el.querySelector<HTMLButtonElement>('[data-action="forget-device"]')!.focus();
    expect(nameOf(rowOf(active()))).to.equal('Firefox on Linux');
    await sendKeys({ press: 'Enter' });
    await until(() => el.querySelector('[data-notice="device-forgotten"]'), 'the notice');
    await settle();

    expect(h.cognito.callsOf('forgetDevice').map((c) => c.DeviceKey)).to.deep.equal(['us-east-1_a']);
    expect([...el.querySelectorAll('[data-device]')].map(nameOf)).to.deep.equal(['Safari on iPhone']);
    // Not the other device's "Forget" (a list by index put it under the focus): the heading, read with the notice.
    expect(active()?.matches('[data-section-heading]')).to.equal(true, `focus on ${active()?.outerHTML.slice(0, 80)}`);
    expect(text(active())).to.equal('Devices');

    await sendKeys({ press: 'Enter' });
    await settle();
    expect(h.cognito.callsOf('forgetDevice')).to.have.length(1);
    expect([...el.querySelectorAll('[data-device]')].map(nameOf)).to.deep.equal(['Safari on iPhone']);
  });
});

describe('<cognito-account-passkeys>: deleting asks first', () => {
  async function twoPasskeys(names: [string, string] = ['My laptop', 'YubiKey']) {
    const h = await signedIn();
    h.cognito.on('listWebAuthnCredentials', () => ({ Credentials: [passkey('cred-1', names[0]), passkey('cred-2', names[1])] }), () => ({ Credentials: [passkey('cred-2', names[1])] }));
    h.cognito.on('deleteWebAuthnCredential', () => ({}));
    const el = await mountAccount<HTMLElement>('cognito-account-passkeys', { account: h.account, flow: h.flow });
    await until(() => el.querySelectorAll('[data-passkey]').length === 2, 'two passkeys');
    return { h, el, rows: () => [...el.querySelectorAll<HTMLElement>('[data-passkey]')] };
  }

  it('"Delete" asks in the row; the question is read first, then "Delete" and "Cancel"; confirming deletes', async () => {
    const { h, el, rows } = await twoPasskeys();
    el.querySelector<HTMLButtonElement>('[data-action="delete-passkey"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.querySelector('[data-confirm-question]'), 'the question');

    expect(h.cognito.callsOf('deleteWebAuthnCredential')).to.have.length(0);
    const [first, second] = rows();
    const question = first!.querySelector<HTMLElement>('[data-confirm-question]')!;
    expect(text(question)).to.equal('Delete the passkey “My laptop”? You will no longer be able to sign in with it.');
    expect(active()).to.equal(question);
    // The answers are a group named by the question; the row's own "Delete" is gone, the other row's stays.
    const group = question.closest('[role="group"]')!;
    expect(group.getAttribute('aria-labelledby')).to.equal(question.id);
    expect(first!.querySelector('[data-action="delete-passkey"]')).to.equal(null);
    expect(second!.querySelector('[data-action="delete-passkey"]')).to.not.equal(null);
    expect(second!.querySelector('[data-confirm-question]')).to.equal(null);
    await expectAccessible(el);

    await sendKeys({ press: 'Tab' });
    expect(active()?.dataset.action).to.equal('confirm-delete-passkey');
    expect(text(active())).to.equal('Delete');
    await sendKeys({ press: 'Tab' });
    expect(active()?.dataset.action).to.equal('cancel-delete-passkey');
    expect(text(active())).to.equal('Cancel');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(active()?.dataset.action).to.equal('confirm-delete-passkey');
    await sendKeys({ press: 'Enter' });

    await until(() => el.querySelector('[data-notice="passkey-deleted"]'), 'the notice');
    await settle();
    expect(h.cognito.callsOf('deleteWebAuthnCredential').map((c) => c.CredentialId)).to.deep.equal(['cred-1']);
    expect(rows().map(nameOf)).to.deep.equal(['YubiKey']);
    expect(el.querySelector('[data-confirm-question]')).to.equal(null);
    // The focused "Delete" went away with its row: its section's heading takes focus, never the next row's "Delete".
    expect(active()?.matches('[data-section-heading]')).to.equal(true);
    expect(h.dom.filter((e) => e.type === 'cognito-account-updated').map((e) => e.detail)).to.deep.equal([{ change: 'passkeys' }]);
  });

  it('"Cancel" and Escape go back without deleting; focus returns to the row\'s "Delete"', async () => {
    const { h, el, rows } = await twoPasskeys();
    const deleteOf = (i: number) => rows()[i]!.querySelector<HTMLButtonElement>('[data-action="delete-passkey"]');

    deleteOf(1)!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => rows()[1]!.querySelector('[data-confirm-question]'), 'the question');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active()?.dataset.action).to.equal('cancel-delete-passkey');
    await sendKeys({ press: 'Enter' });
    await until(() => deleteOf(1), 'the row\'s Delete again');
    expect(active()).to.equal(deleteOf(1));
    expect(el.querySelector('[data-confirm-question]')).to.equal(null);

    await sendKeys({ press: 'Enter' });
    await until(() => rows()[1]!.querySelector('[data-confirm-question]'), 'the question again');
    await sendKeys({ press: 'Escape' });
    await until(() => deleteOf(1), 'Escape: the row\'s Delete again');
    expect(active()).to.equal(deleteOf(1));
    expect(el.querySelector('[data-confirm-question]')).to.equal(null);

    expect(h.cognito.callsOf('deleteWebAuthnCredential')).to.have.length(0);
    expect(rows().map(nameOf)).to.deep.equal(['My laptop', 'YubiKey']);
    expect(h.dom).to.deep.equal([]);
  });

  it('only one row asks at a time', async () => {
    const { el, rows } = await twoPasskeys();
    await press(el, 'delete-passkey', 0);
    expect(rows()[0]!.querySelector('[data-confirm-question]')).to.not.equal(null);
    await press(el, 'delete-passkey', 0); // now the second row's: the first has none
    expect(el.querySelectorAll('[data-confirm-question]')).to.have.length(1);
    expect(rows()[1]!.querySelector('[data-confirm-question]')).to.not.equal(null);
    expect(rows()[0]!.querySelector('[data-action="delete-passkey"]')).to.not.equal(null);
    expect(active()).to.equal(rows()[1]!.querySelector('[data-confirm-question]'));
  });

  it('names the passkey as text only', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">{{name}} $t(account.title)';
    const { el, rows } = await twoPasskeys([evil, 'YubiKey']);
    await press(el, 'delete-passkey', 0);
    const question = rows()[0]!.querySelector('[data-confirm-question]')!;
    expect(text(question)).to.equal(`Delete the passkey “${evil}”? You will no longer be able to sign in with it.`);
    expect(el.querySelector('img')).to.equal(null);
  });

  it('a failed delete is said and the question stays, to try again or cancel', async () => {
    const h = await signedIn();
    h.cognito.on('listWebAuthnCredentials', () => ({ Credentials: [passkey('cred-1', 'My laptop')] }));
    h.cognito.on('deleteWebAuthnCredential', () => exception('InternalErrorException', 'boom'));
    const el = await mountAccount<HTMLElement>('cognito-account-passkeys', { account: h.account, flow: h.flow });
    await until(() => el.querySelector('[data-passkey]'), 'the list');
    await press(el, 'delete-passkey');
    await press(el, 'confirm-delete-passkey');
    await until(() => el.querySelector('[data-error-code="server-error"]'), 'the error');
    expect(h.cognito.callsOf('deleteWebAuthnCredential')).to.have.length(1);
    expect(text(el.querySelector('[data-confirm-question]'))).to.contain('“My laptop”');
    expect(el.querySelector('[data-action="confirm-delete-passkey"]')).to.not.equal(null);
  });
});
