// The account flow's passkeys, devices, sessions and delete-account sections at the CognitoApi seam.
import { expect } from 'chai';
import { exception } from '../support/fake-cognito.js';
import de from '../../src/locales/de.js';
import tr from '../../src/locales/tr.js';
import { ACCESS, adaTokens, sentAfterSignIn, signedInAccount, signedOutEvents } from './account-support.js';

const T = 1_764_000_000; // seconds, as Cognito's dates

describe('AccountFlow: passkeys', () => {
  it('lists every page of ListWebAuthnCredentials', async () => {
    const h = await signedInAccount();
    h.cognito.on(
      'listWebAuthnCredentials',
      () => ({ Credentials: [{ CredentialId: 'c1', FriendlyCredentialName: 'MacBook', CreatedAt: T, AuthenticatorAttachment: 'platform' }], NextToken: 'p2' }),
      () => ({ Credentials: [{ CredentialId: 'c2', FriendlyCredentialName: 'YubiKey', RelyingPartyId: 'example.com' }] }),
    );
    await h.account.loadPasskeys();
    expect(h.cognito.callsOf('listWebAuthnCredentials')).to.deep.equal([
      { AccessToken: ACCESS(h), MaxResults: 20 },
      { AccessToken: ACCESS(h), MaxResults: 20, NextToken: 'p2' },
    ]);
    expect(h.account.state.passkeys.passkeys!.map((p) => [p.id, p.name, p.createdAt])).to.deep.equal([
      ['c1', 'MacBook', T * 1000],
      ['c2', 'YubiKey', undefined],
    ]);
  });

  it('deletes one (DeleteWebAuthnCredential), lists again, account-updated "passkeys"', async () => {
    const h = await signedInAccount();
    h.cognito.on('deleteWebAuthnCredential', () => ({})).on('listWebAuthnCredentials', () => ({ Credentials: [] }));
    await h.account.deletePasskey({ id: 'c1' });
    expect(h.cognito.callsOf('deleteWebAuthnCredential')).to.deep.equal([{ AccessToken: ACCESS(h), CredentialId: 'c1' }]);
    expect(h.account.state.passkeys).to.deep.include({ passkeys: [], notice: 'passkey-deleted' });
    expect(h.accountEvents).to.deep.equal([{ type: 'account-updated', section: 'passkeys' }]);
  });

  it("by default adds through the AuthFlow's registration: its failure lands in the passkeys section", async () => {
    const h = await signedInAccount();
    await h.account.addPasskey();
    // The harness's AuthFlow has no WebAuthn seam: it refuses before sending anything.
    expect(h.account.state.passkeys.error?.code).to.equal(h.flow.state.error?.code).and.to.be.a('string');
    expect(h.cognito.callsOf('startWebAuthnRegistration')).to.deep.equal([]);
    expect(h.accountEvents.map((e) => e.type)).to.deep.equal(['error']);
  });

  it('with the page\'s registration function: it gets the access token', async () => {
    const tokens: string[] = [];
    const h = await signedInAccount({ registerPasskey: async (token) => void tokens.push(token) });
    h.cognito.on('listWebAuthnCredentials', () => ({ Credentials: [{ CredentialId: 'c9' }] }));
    expect(h.account.state.passkeys.canAdd).to.equal(true);
    await h.account.addPasskey();
    expect(tokens).to.deep.equal([ACCESS(h)]);
    expect(h.account.state.passkeys).to.deep.include({ notice: 'passkey-added' });
    expect(h.accountEvents).to.deep.equal([{ type: 'account-updated', section: 'passkeys' }]);
  });
});

describe('AccountFlow: devices', () => {
  const device = (key: string, name: string, status: string, last: number) => ({
    DeviceKey: key,
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      { Name: 'device_name', Value: name },
      { Name: 'dev:device_remembered_status', Value: status },
    ],
    DeviceCreateDate: T - 100,
    DeviceLastAuthenticatedDate: last,
  });

  it('lists them, this device (the session\'s device key) first, then by last use', async () => {
    const h = await signedInAccount({}, {}, false);
    h.flow.signInWithTokens({ ...adaTokens(h), deviceKey: 'us-east-1_this' }, { origin: 'cognito' });
    h.cognito.on('listDevices', () => ({
      Devices: [device('us-east-1_old', 'Firefox', 'not_remembered', T - 50), device('us-east-1_this', 'Chrome', 'remembered', T - 90), device('us-east-1_new', 'Safari', 'remembered', T)],
    }));
    await h.account.loadDevices();
    expect(h.cognito.callsOf('listDevices')).to.deep.equal([{ AccessToken: ACCESS(h), Limit: 60 }]);
    expect(h.account.state.devices.devices!.map((d) => [d.key, d.name, d.remembered, d.current, d.lastUsed])).to.deep.equal([
      ['us-east-1_this', 'Chrome', true, true, (T - 90) * 1000],
      ['us-east-1_new', 'Safari', true, false, T * 1000],
      ['us-east-1_old', 'Firefox', false, false, (T - 50) * 1000],
    ]);
  });

  it("this browser's own device, by default, is forgotten through the AuthFlow (ForgetDevice with the session's key)", async () => {
    const h = await signedInAccount({}, {}, false);
    h.flow.signInWithTokens({ ...adaTokens(h), deviceKey: 'us-east-1_this' }, { origin: 'cognito' });
    h.cognito.on('forgetDevice', () => ({}), () => exception('ResourceNotFoundException', 'Device does not exist.'));
    await h.account.forgetDevice({ key: 'us-east-1_this' });
    expect(h.cognito.callsOf('forgetDevice')).to.deep.equal([{ AccessToken: ACCESS(h), DeviceKey: 'us-east-1_this' }]);
    expect(h.account.state.devices).to.deep.include({ notice: 'device-forgotten', error: undefined });
    await h.account.forgetDevice({ key: 'us-east-1_this' });
    expect(h.account.state.devices.error?.code).to.equal('configuration');
  });

  it('forgets one (ForgetDevice); this browser\'s own device also tells the page (forgetThisDevice)', async () => {
    let forgotten = 0;
    const h = await signedInAccount({ forgetThisDevice: () => forgotten++ }, {}, false);
    h.flow.signInWithTokens({ ...adaTokens(h), deviceKey: 'us-east-1_this' }, { origin: 'cognito' });
    h.cognito.on('forgetDevice', () => ({}));
    await h.account.forgetDevice({ key: 'us-east-1_other' });
    expect(forgotten).to.equal(0);
    await h.account.forgetDevice({ key: 'us-east-1_this' });
    expect(forgotten).to.equal(1);
    expect(h.cognito.callsOf('forgetDevice')).to.deep.equal([
      { AccessToken: ACCESS(h), DeviceKey: 'us-east-1_other' },
      { AccessToken: ACCESS(h), DeviceKey: 'us-east-1_this' },
    ]);
    expect(h.accountEvents).to.deep.equal([
      { type: 'account-updated', section: 'devices' },
      { type: 'account-updated', section: 'devices' },
    ]);
  });

  it('remembers or not (UpdateDeviceStatus); a device Cognito does not know is an error in the section', async () => {
    const h = await signedInAccount();
    h.cognito.on('updateDeviceStatus', () => ({}), () => exception('ResourceNotFoundException', 'Device does not exist.'));
    await h.account.setDeviceRemembered({ key: 'us-east-1_a', remembered: false });
    expect(h.cognito.callsOf('updateDeviceStatus')).to.deep.equal([{ AccessToken: ACCESS(h), DeviceKey: 'us-east-1_a', DeviceRememberedStatus: 'not_remembered' }]);
    expect(h.account.state.devices.notice).to.equal('device-updated');
    await h.account.setDeviceRemembered({ key: 'us-east-1_b', remembered: true });
    expect(h.account.state.devices.error?.code).to.equal('configuration');
  });
});

describe('AccountFlow: sessions', () => {
  it('sign out everywhere: GlobalSignOut with the access token, then this page is signed out', async () => {
    const h = await signedInAccount();
    h.cognito.on('globalSignOut', () => ({})).on('revokeToken', () => ({}));
    const token = ACCESS(h);
    await h.account.signOutEverywhere();
    expect(h.cognito.callsOf('globalSignOut')).to.deep.equal([{ AccessToken: token }]);
    expect(h.account.state).to.deep.include({ status: 'signed-out', error: undefined });
    expect(signedOutEvents(h.events)).to.deep.equal([{ type: 'signed-out', reason: 'user' }]);
  });

  it('GlobalSignOut refused: this device is signed out all the same, and the state says why', async () => {
    const h = await signedInAccount();
    h.cognito.on('globalSignOut', () => exception('TooManyRequestsException', 'Too many requests')).on('revokeToken', () => ({}));
    await h.account.signOutEverywhere();
    expect(h.flow.session).to.equal(undefined);
    expect(h.account.state.status).to.equal('signed-out');
    expect(h.account.state.error?.code).to.equal('too-many-requests');
  });
});

describe('AccountFlow: delete account', () => {
  it('sends nothing until the confirmation matches', async () => {
    const h = await signedInAccount();
    await h.account.deleteAccount({ confirmation: 'remove', expected: 'DELETE' });
    expect(h.account.state.deleteAccount.error).to.deep.include({ code: 'confirmation-mismatch', field: 'confirmation' });
    await h.account.deleteAccount({ confirmation: '', expected: 'DELETE' });
    expect(h.account.state.deleteAccount.error?.code).to.equal('confirmation-mismatch');
    expect(sentAfterSignIn(h)).to.deep.equal([]);
  });

  it('the word in any case: a screen reader does not say "DELETE" is in capitals (Turkish İ/ı, German ß, Greek accents)', async () => {
    expect(tr.account.delete.word, 'the Turkish word has the dotted capital İ').to.equal('SİL');
    const cases = [
      ['DELETE', 'delete'],
      ['DELETE', 'Delete'],
      ['delete', 'DELETE'],
      // tr.ts's word: its İ lower-cases to i + U+0307 outside Turkish rules; a Turkish keyboard's I lower-cases to ı.
      [tr.account.delete.word, 'sil'],
      [tr.account.delete.word, 'SIL'],
      [tr.account.delete.word, 'SİL'],
      [tr.account.delete.word, 'sıl'],
      ['sil', 'SİL'],
      ['GRÜẞE', 'grüße'],
      ['GRÜSSE', 'grüße'],
      ['straße', 'STRASSE'],
      ['ΔΙΑΓΡΑΦΗ', 'διαγραφή'],
      [de.account.delete.word, 'löschen'],
      ['ȘTERGE', 'ştergE'],
    ];
    for (const [expected, typed] of cases) {
      const h = await signedInAccount();
      h.cognito.on('deleteUser', () => ({})).on('revokeToken', () => ({}));
      await h.account.deleteAccount({ confirmation: typed!, expected: expected! });
      expect(h.account.state.deleteAccount.error, `${typed} for ${expected}`).to.equal(undefined);
      expect(h.cognito.callsOf('deleteUser'), `${typed} for ${expected}`).to.have.length(1);
    }
  });

  it('still a mismatch: other letters, a missing letter, another accent (löschen is not loschen)', async () => {
    for (const [expected, typed] of [['SİL', 'sel'], ['LÖSCHEN', 'loschen'], ['DELETE', 'delet'], ['XÓA', 'xoa']]) {
      const h = await signedInAccount();
      await h.account.deleteAccount({ confirmation: typed!, expected: expected! });
      expect(h.account.state.deleteAccount.error?.code, `${typed} for ${expected}`).to.equal('confirmation-mismatch');
      expect(sentAfterSignIn(h), `${typed} for ${expected}`).to.deep.equal([]);
    }
  });

  it('the word as keyboards type it: Romanian cedilla or comma, Hindi candrabindu or anusvara, full-width letters', async () => {
    for (const [expected, typed] of [['ȘTERGE', 'ŞTERGE'], ['ŞTERGE', 'ȘTERGE'], ['हटाएँ', 'हटाएं'], ['DELETE', 'ＤＥＬＥＴＥ']]) {
      const h = await signedInAccount();
      h.cognito.on('deleteUser', () => ({})).on('revokeToken', () => ({}));
      await h.account.deleteAccount({ confirmation: typed!, expected: expected! });
      expect(h.account.state.deleteAccount.error, `${typed} for ${expected}`).to.equal(undefined);
      expect(h.cognito.callsOf('deleteUser'), `${typed} for ${expected}`).to.have.length(1);
    }
  });

  it('DeleteUser, account-updated "deleted", then signed out with reason "deleted" and a notice', async () => {
    const h = await signedInAccount();
    h.cognito.on('deleteUser', () => ({})).on('revokeToken', () => exception('NotAuthorizedException', 'Access Token has been revoked'));
    const token = ACCESS(h);
    await h.account.deleteAccount({ confirmation: ' DELETE ', expected: 'DELETE' });
    expect(h.cognito.callsOf('deleteUser')).to.deep.equal([{ AccessToken: token }]);
    expect(h.cognito.callsOf('globalSignOut')).to.deep.equal([]);
    expect(h.accountEvents).to.deep.equal([{ type: 'account-updated', section: 'deleted' }]);
    expect(signedOutEvents(h.events)).to.deep.equal([{ type: 'signed-out', reason: 'deleted' }]);
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', notice: 'account-deleted' });
    expect(h.account.state).to.deep.include({ status: 'signed-out', error: undefined });
    expect(h.storage.length).to.equal(0);
  });

  it('DeleteUser refused: still signed in, the error in the section', async () => {
    const h = await signedInAccount();
    h.cognito.on('deleteUser', () => exception('TooManyRequestsException', 'Too many requests'));
    await h.account.deleteAccount({ confirmation: 'DELETE', expected: 'DELETE' });
    expect(h.account.state.status).to.equal('ready');
    expect(h.account.state.deleteAccount.error?.code).to.equal('too-many-requests');
    expect(signedOutEvents(h.events)).to.deep.equal([]);
  });
});
