import { expect } from 'chai';
import { authResult, CLIENT, exception, harness } from '../support/fake-cognito.js';
import { createSrpSession } from '../../src/crypto/srp-user.js';
import { DeviceStore } from '../../src/session/device-store.js';

// A remembered device Cognito no longer knows (forgotten from another browser, removed by an admin, the pool
// recreated): Cognito refuses its DEVICE_KEY with ResourceNotFoundException "Device does not exist." once the password
// is proven (src/flow/devices.ts, staleDevice, says where). The sign-in must still work: the device is dropped from
// this browser and the same sign-in runs once more without it, as a new device's, with no error on the way.

const PASSWORD = 'Correct-Horse-9';
const OLD = { DeviceKey: 'us-east-1_old-device', DeviceGroupKey: '-grp-old' };
const NEW = { DeviceKey: 'us-east-1_new-device', DeviceGroupKey: '-grp-new' };
const mfa = () => ({ ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: {}, Session: 'mfa-1' });
const gone = () => exception('ResourceNotFoundException', 'Device does not exist.');
const verifierChallenge = () => ({
  ChallengeName: 'PASSWORD_VERIFIER',
  ChallengeParameters: { USER_ID_FOR_SRP: 'user-sub-1', SRP_B: 'ab'.repeat(384), SALT: '0a1b2c', SECRET_BLOCK: 'c2VjcmV0' },
});
type Answer = { ChallengeName: string; ChallengeResponses: Record<string, string> };

/** A browser whose device store remembers OLD for "ada" (signed in once with MFA, device confirmed, signed out). */
async function rememberedBrowser() {
  const first = harness();
  first.cognito
    .on('initiateAuth', mfa)
    .on('respondToAuthChallenge', () => authResult('user-sub-1', { NewDeviceMetadata: OLD }))
    .on('confirmDevice', () => ({ UserConfirmationNecessary: false }))
    .on('revokeToken', () => ({}));
  await first.flow.signIn({ username: 'ada', password: PASSWORD });
  await first.flow.submitMfaCode({ code: '123456' });
  await first.flow.signOut();
  const store = () => new DeviceStore(first.storage, CLIENT);
  expect(store().device('ada')?.deviceKey, 'set-up: the device is remembered').to.equal(OLD.DeviceKey);
  return { storage: first.storage, store };
}

describe('a remembered device Cognito no longer knows', () => {
  it('USER_PASSWORD_AUTH: InitiateAuth refuses the device; the sign-in runs again without DEVICE_KEY and asks for MFA, no error', async () => {
    const { storage, store } = await rememberedBrowser();
    const h = harness({}, { storage });
    h.cognito
      .on('initiateAuth', gone, mfa)
      .on('respondToAuthChallenge', () => authResult('user-sub-1', { NewDeviceMetadata: NEW }))
      .on('confirmDevice', () => ({ UserConfirmationNecessary: false }));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });

    const [stale, retry] = h.cognito.callsOf('initiateAuth').map((c) => c.AuthParameters);
    expect(stale).to.deep.equal({ USERNAME: 'ada', PASSWORD, DEVICE_KEY: OLD.DeviceKey });
    expect(retry).to.deep.equal({ USERNAME: 'ada', PASSWORD });
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(2);
    // The user sees the next step, as on a new device; never the refusal, never a screen without busy in between.
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', busy: false });
    expect(h.flow.state.error).to.equal(undefined);
    expect(h.states.filter((s) => s.error)).to.deep.equal([]);
    expect(h.events.filter((e) => e.type === 'error')).to.deep.equal([]);
    expect(h.states.filter((s) => s.screen === 'sign-in').every((s) => s.busy)).to.equal(true);
    expect(store().device('ada'), 'the stale device is dropped').to.equal(undefined);

    // Cognito makes it a new device: confirmed and remembered in place of the old one.
    await h.flow.submitMfaCode({ code: '123456' });
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.cognito.callsOf('confirmDevice')[0]).to.include({ DeviceKey: NEW.DeviceKey });
    expect(store().device('ada')?.deviceKey).to.equal(NEW.DeviceKey);
    expect(h.flow.session!.tokens.deviceKey).to.equal(NEW.DeviceKey);
  });

  it('USER_SRP_AUTH: the PASSWORD_VERIFIER answer refuses the device; a new SRP exchange without DEVICE_KEY signs in', async () => {
    const { storage, store } = await rememberedBrowser();
    const h = harness({ authFlow: 'USER_SRP_AUTH' }, { storage, createSrpSession: () => createSrpSession('1234567890abcdef') });
    h.cognito.on('initiateAuth', verifierChallenge).on('respondToAuthChallenge', gone, () => authResult());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });

    const [first, second] = h.cognito.callsOf('initiateAuth').map((c) => c.AuthParameters as Record<string, string>);
    expect(first).to.include({ USERNAME: 'ada', DEVICE_KEY: OLD.DeviceKey });
    expect(second).to.have.keys('USERNAME', 'SRP_A');
    const answers = h.cognito.callsOf('respondToAuthChallenge') as Answer[];
    expect(answers.map((a) => [a.ChallengeName, a.ChallengeResponses.DEVICE_KEY ?? null])).to.deep.equal([
      ['PASSWORD_VERIFIER', OLD.DeviceKey],
      ['PASSWORD_VERIFIER', null],
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.flow.state.error).to.equal(undefined);
    expect(h.events.filter((e) => e.type === 'error')).to.deep.equal([]);
    expect(store().device('ada')).to.equal(undefined);
    expect(h.flow.session!.tokens.deviceKey).to.equal(undefined);
    // Nothing of the password reached the state or the events.
    expect(JSON.stringify([h.states, h.events])).to.not.include(PASSWORD);
  });

  it('DEVICE_SRP_AUTH answered for a device forgotten meanwhile: the same recovery', async () => {
    const { storage, store } = await rememberedBrowser();
    const h = harness({}, { storage });
    h.cognito
      .on('initiateAuth', () => ({ ChallengeName: 'DEVICE_SRP_AUTH', ChallengeParameters: { USERNAME: 'user-sub-1' }, Session: 'd1' }), mfa)
      .on('respondToAuthChallenge', gone);
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('initiateAuth').map((c) => c.AuthParameters)).to.deep.equal([
      { USERNAME: 'ada', PASSWORD, DEVICE_KEY: OLD.DeviceKey },
      { USERNAME: 'ada', PASSWORD },
    ]);
    expect(h.flow.state.screen).to.equal('mfa-code');
    expect(h.flow.state.error).to.equal(undefined);
    expect(store().device('ada')).to.equal(undefined);
  });

  it('a wrong password is not the device\'s fault: one InitiateAuth, the error shown, the device kept', async () => {
    const { storage, store } = await rememberedBrowser();
    const h = harness({}, { storage });
    h.cognito.on('initiateAuth', () => exception('NotAuthorizedException', 'Incorrect username or password.'));
    await h.flow.signIn({ username: 'ada', password: 'Wrong-Horse-9' });
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(1);
    expect(h.flow.state.error?.code).to.equal('incorrect-credentials');
    expect(store().device('ada')?.deviceKey).to.equal(OLD.DeviceKey);
  });

  it('once only: when the sign-in without the device fails too, that error is shown and nothing is sent again', async () => {
    const { storage, store } = await rememberedBrowser();
    const h = harness({}, { storage });
    h.cognito.on('initiateAuth', gone, () => exception('NotAuthorizedException', 'Incorrect username or password.'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(2);
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', busy: false });
    expect(h.flow.state.error?.code).to.equal('incorrect-credentials');
    expect(store().device('ada')).to.equal(undefined);
  });

  it('a refusal of something else than a device (ResourceNotFoundException for the app client) keeps the device', async () => {
    const { storage, store } = await rememberedBrowser();
    const h = harness({}, { storage });
    h.cognito.on('initiateAuth', () => exception('ResourceNotFoundException', `User pool client ${CLIENT} does not exist.`));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(1);
    expect(h.flow.state.error?.code).to.equal('configuration');
    expect(store().device('ada')?.deviceKey).to.equal(OLD.DeviceKey);
  });

  it('choice-based sign-in (USER_AUTH) with a password typed: started again once without the device, no error', async () => {
    const { storage, store } = await rememberedBrowser();
    const h = harness({ signInMethods: ['password', 'email-otp'] }, { storage });
    h.cognito.on('initiateAuth', gone, () => authResult());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('initiateAuth').map((c) => c.AuthParameters)).to.deep.equal([
      { USERNAME: 'ada', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD, DEVICE_KEY: OLD.DeviceKey },
      { USERNAME: 'ada', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.events.filter((e) => e.type === 'error')).to.deep.equal([]);
    expect(store().device('ada')).to.equal(undefined);
  });

  it('USER_AUTH: the SELECT_CHALLENGE answer with the password refuses the device; a new USER_AUTH without it signs in', async () => {
    const { storage, store } = await rememberedBrowser();
    const h = harness({ signInMethods: ['password', 'email-otp'] }, { storage });
    const select = () => ({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['PASSWORD', 'EMAIL_OTP'], ChallengeParameters: {}, Session: 'sel-1' });
    h.cognito.on('initiateAuth', select, () => authResult()).on('respondToAuthChallenge', gone);
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    const answers = h.cognito.callsOf('respondToAuthChallenge') as Answer[];
    expect(answers.map((a) => a.ChallengeName)).to.deep.equal(['SELECT_CHALLENGE']);
    expect(h.cognito.callsOf('initiateAuth').map((c) => c.AuthParameters)).to.deep.equal([
      { USERNAME: 'ada', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD, DEVICE_KEY: OLD.DeviceKey },
      { USERNAME: 'ada', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.flow.state.error).to.equal(undefined);
    expect(store().device('ada')).to.equal(undefined);
  });
});
