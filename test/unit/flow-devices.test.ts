import { expect } from 'chai';
import { authResult, CLIENT, exception, harness } from '../support/fake-cognito.js';
import { createSrpSession } from '../../src/crypto/srp-user.js';
import { DeviceStore } from '../../src/session/device-store.js';
import { KeepSignedInStorage, MemoryStorage, tokensKey } from '../../src/session/storage.js';

const PASSWORD = 'Correct-Horse-9';
const DEVICE = { DeviceKey: 'us-east-1_dev-1', DeviceGroupKey: '-grp1' };
const withDevice = () => authResult('user-sub-1', { NewDeviceMetadata: DEVICE });
const mfa = () => ({ ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: {}, Session: 'mfa-1' });

/** Signs in once with MFA on a new device (ConfirmDevice answering `confirmation`), then signs out. */
async function rememberOnce(h: ReturnType<typeof harness>, confirmation: boolean, rememberDevice?: boolean) {
  h.cognito
    .on('initiateAuth', mfa)
    .on('respondToAuthChallenge', withDevice)
    .on('confirmDevice', () => ({ UserConfirmationNecessary: confirmation }))
    .on('updateDeviceStatus', () => ({}))
    .on('revokeToken', () => ({}));
  await h.flow.signIn({ username: 'ada', password: PASSWORD });
  await h.flow.submitMfaCode({ code: '123456', rememberDevice });
}

describe('remembered devices', () => {
  it('NewDeviceMetadata: ConfirmDevice with a verifier and the DeviceName, then signed in with the device key', async () => {
    const h = harness({}, { deviceName: () => 'Test browser' });
    await rememberOnce(h, false);
    const [confirm] = h.cognito.callsOf('confirmDevice');
    expect(confirm).to.include({ DeviceKey: DEVICE.DeviceKey, DeviceName: 'Test browser', AccessToken: h.flow.session!.tokens.accessToken });
    const config = confirm!.DeviceSecretVerifierConfig as { PasswordVerifier: string; Salt: string };
    expect(config.PasswordVerifier).to.match(/^[A-Za-z0-9+/]{300,}={0,2}$/);
    expect(config.Salt).to.match(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(h.cognito.callsOf('updateDeviceStatus')).to.have.length(0);
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.flow.session!.tokens.deviceKey).to.equal(DEVICE.DeviceKey);
    // Nothing of the device password is in the state or the events.
    expect(JSON.stringify([h.states, h.events])).to.not.include('devicePassword');
  });

  it('opt-in pools: the MFA intent\'s rememberDevice becomes UpdateDeviceStatus remembered / not_remembered', async () => {
    for (const [answer, status] of [[true, 'remembered'], [false, 'not_remembered']] as const) {
      const h = harness();
      await rememberOnce(h, true, answer);
      expect(h.cognito.callsOf('updateDeviceStatus')).to.deep.equal([
        { AccessToken: h.flow.session!.tokens.accessToken, DeviceKey: DEVICE.DeviceKey, DeviceRememberedStatus: status },
      ]);
    }
  });

  it('the device survives sign-out: the next sign-in sends DEVICE_KEY and answers DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER by itself', async () => {
    const first = harness();
    await rememberOnce(first, false);
    await first.flow.signOut();
    expect(first.flow.state.screen).to.equal('sign-in');
    // Later, on the same browser (same storage): a new page, a new flow.
    const h = harness({}, { storage: first.storage });
    const srpB = 'ab'.repeat(384);
    h.cognito
      .on('initiateAuth', () => ({ ChallengeName: 'DEVICE_SRP_AUTH', ChallengeParameters: { USERNAME: 'user-sub-1' }, Session: 'd1' }))
      .on(
        'respondToAuthChallenge',
        () => ({
          ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
          ChallengeParameters: { USERNAME: 'user-sub-1', SRP_B: srpB, SALT: '0a1b2c', SECRET_BLOCK: 'c2VjcmV0', DEVICE_KEY: DEVICE.DeviceKey },
          Session: 'd2',
        }),
        () => authResult(),
      );
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('initiateAuth')[0]!.AuthParameters).to.deep.equal({ USERNAME: 'ada', PASSWORD, DEVICE_KEY: DEVICE.DeviceKey });
    const [srp, verifier] = h.cognito.callsOf('respondToAuthChallenge') as { ChallengeName: string; Session: string; ChallengeResponses: Record<string, string> }[];
    expect(srp).to.deep.include({ ClientId: CLIENT, ChallengeName: 'DEVICE_SRP_AUTH', Session: 'd1' });
    expect(srp!.ChallengeResponses).to.include({ USERNAME: 'user-sub-1', DEVICE_KEY: DEVICE.DeviceKey });
    expect(srp!.ChallengeResponses.SRP_A).to.match(/^[0-9a-f]{500,}$/);
    expect(verifier).to.deep.include({ ChallengeName: 'DEVICE_PASSWORD_VERIFIER', Session: 'd2' });
    expect(verifier!.ChallengeResponses).to.include({
      USERNAME: 'user-sub-1',
      DEVICE_KEY: DEVICE.DeviceKey,
      PASSWORD_CLAIM_SECRET_BLOCK: 'c2VjcmV0',
      TIMESTAMP: 'Sat Nov 21 12:00:00 UTC 2026',
    });
    expect(verifier!.ChallengeResponses.PASSWORD_CLAIM_SIGNATURE).to.match(/^[A-Za-z0-9+/]{43}=$/);
    expect(h.flow.state.screen).to.equal('signed-in');
    // No NewDeviceMetadata this time: the session still refreshes with the remembered device's key.
    expect(h.flow.session!.tokens.deviceKey).to.equal(DEVICE.DeviceKey);
    expect(h.cognito.callsOf('confirmDevice')).to.have.length(0);
  });

  it('USER_SRP_AUTH names the remembered device in PASSWORD_VERIFIER too, so Cognito answers DEVICE_SRP_AUTH, not MFA', async () => {
    const first = harness();
    await rememberOnce(first, false);
    await first.flow.signOut();
    const h = harness({ authFlow: 'USER_SRP_AUTH' }, { storage: first.storage, createSrpSession: () => createSrpSession('1234567890abcdef') });
    h.cognito
      .on('initiateAuth', () => ({
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeParameters: { USER_ID_FOR_SRP: 'user-sub-1', SRP_B: 'ab'.repeat(384), SALT: '0a1b2c', SECRET_BLOCK: 'c2VjcmV0' },
      }))
      .on('respondToAuthChallenge', () => authResult());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('initiateAuth')[0]!.AuthParameters).to.deep.include({ USERNAME: 'ada', DEVICE_KEY: DEVICE.DeviceKey });
    const [verifier] = h.cognito.callsOf('respondToAuthChallenge') as { ChallengeName: string; ChallengeResponses: Record<string, string> }[];
    expect(verifier!.ChallengeName).to.equal('PASSWORD_VERIFIER');
    expect(verifier!.ChallengeResponses).to.include({ USERNAME: 'user-sub-1', DEVICE_KEY: DEVICE.DeviceKey });
  });

  it('a ConfirmDevice failure does not fail the sign-in; nothing is remembered', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', withDevice)
      .on('confirmDevice', () => exception('InvalidParameterException'))
      .on('revokeToken', () => ({}));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.screen).to.equal('signed-in');
    await h.flow.signOut();
    const again = harness({}, { storage: h.storage });
    again.cognito.on('initiateAuth', () => authResult());
    await again.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(again.cognito.callsOf('initiateAuth')[0]!.AuthParameters).to.not.have.property('DEVICE_KEY');
  });

  it('forgetDevice: ForgetDevice with the device key; the next sign-in sends no DEVICE_KEY', async () => {
    const h = harness();
    await rememberOnce(h, false);
    h.cognito.on('forgetDevice', () => ({}));
    await h.flow.forgetDevice();
    expect(h.cognito.callsOf('forgetDevice')).to.deep.equal([{ AccessToken: h.flow.session!.tokens.accessToken, DeviceKey: DEVICE.DeviceKey }]);
    expect(h.flow.state).to.deep.include({ screen: 'signed-in', notice: 'device-forgotten', busy: false });
    await h.flow.signOut();
    const again = harness({}, { storage: h.storage });
    again.cognito.on('initiateAuth', () => authResult());
    await again.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(again.cognito.callsOf('initiateAuth')[0]!.AuthParameters).to.not.have.property('DEVICE_KEY');
  });

  it('a device not remembered (opt-in pools) is still named in every answer, the MFA code\'s too: no new device each time', async () => {
    const first = harness();
    await rememberOnce(first, true, false);
    await first.flow.signOut();
    const h = harness({}, { storage: first.storage });
    h.cognito.on('initiateAuth', mfa).on('respondToAuthChallenge', () => authResult('user-sub-1'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.screen, 'a device not remembered: MFA again').to.equal('mfa-code');
    await h.flow.submitMfaCode({ code: '123456' });
    expect(h.cognito.callsOf('initiateAuth')[0]!.AuthParameters).to.deep.include({ DEVICE_KEY: DEVICE.DeviceKey });
    // ChallengeResponseType: "Include a DEVICE_KEY for device authentication" (amazon-cognito-identity-js's sendMFACode does).
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]!.ChallengeResponses).to.deep.include({ SOFTWARE_TOKEN_MFA_CODE: '123456', DEVICE_KEY: DEVICE.DeviceKey });
    expect(h.cognito.callsOf('confirmDevice'), 'the known device is not confirmed again').to.have.length(0);
    expect(h.flow.session!.tokens.deviceKey).to.equal(DEVICE.DeviceKey);
  });

  it('USER_AUTH sign-ins send DEVICE_KEY too', async () => {
    const first = harness();
    await rememberOnce(first, false);
    await first.flow.signOut();
    const h = harness({ signInMethods: ['password', 'email-otp'] }, { storage: first.storage });
    h.cognito.on('initiateAuth', () => authResult());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('initiateAuth')[0]).to.deep.include({ AuthFlow: 'USER_AUTH' });
    expect(h.cognito.callsOf('initiateAuth')[0]!.AuthParameters).to.deep.include({ DEVICE_KEY: DEVICE.DeviceKey });
  });
});

describe('remembered devices beside "Keep me signed in"', () => {
  /**
   * Signed in by email with MFA on a new device (confirmed, remembered), over local + session storage as the element
   * makes it for keep-signed-in, with the box as `keepSignedIn` says.
   */
  async function signedInKeeping(local: MemoryStorage, session: MemoryStorage, keepSignedIn: boolean) {
    const h = harness({ keepSignedIn: true, storage: 'local' }, { storage: new KeepSignedInStorage(local, session, true) });
    h.cognito
      .on('initiateAuth', mfa)
      .on('respondToAuthChallenge', withDevice)
      .on('confirmDevice', () => ({ UserConfirmationNecessary: false }))
      .on('forgetDevice', () => ({}));
    await h.flow.signIn({ username: 'ada@example.com', password: PASSWORD, keepSignedIn });
    await h.flow.submitMfaCode({ code: '123456' });
    return h;
  }
  const recordsIn = (area: MemoryStorage) => Array.from({ length: area.length }, (_, i) => area.key(i)!).filter((k) => k.startsWith('cognito-elements-device.'));

  it('unticked: the device stays in the page\'s own storage, so closing the tab does not orphan it', async () => {
    const [local, session] = [new MemoryStorage(), new MemoryStorage()];
    const h = await signedInKeeping(local, session, false);
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(session.getItem(tokensKey(CLIENT)), 'the tokens follow the box').to.not.equal(null);
    expect(recordsIn(local), 'the device does not').to.have.length(1);
    expect(recordsIn(session)).to.deep.equal([]);
    // A later change to the record (the passkey prompt's "Don't ask again") leaves it where it is.
    new DeviceStore(h.storage, CLIENT).update('ada@example.com', { noPasskeyPrompt: true });
    expect(recordsIn(local)).to.have.length(1);
    expect(recordsIn(session)).to.deep.equal([]);
  });

  it('"Forget this device" signed in by email removes the device\'s key and password from storage', async () => {
    const [local, session] = [new MemoryStorage(), new MemoryStorage()];
    const h = await signedInKeeping(local, session, true);
    expect(h.flow.state.username, 'signed in, the state knows Cognito\'s username, not the typed email').to.equal('user-sub-1');
    expect(JSON.stringify([local.getItem(recordsIn(local)[0]!)])).to.include('devicePassword');
    await h.flow.forgetDevice();
    expect(h.flow.state.notice).to.equal('device-forgotten');
    const left = [...recordsIn(local), ...recordsIn(session)].map((k) => (local.getItem(k) ?? session.getItem(k))!);
    expect(left.join(''), 'no key and no password left').to.not.match(/deviceKey|devicePassword/);
  });
});
