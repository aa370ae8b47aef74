import { expect } from 'chai';
import { WebAuthnFailure, type WebAuthnJson, type WebAuthnSeam } from '../../src/crypto/webauthn.js';
import { authResult, CLIENT, exception, harness } from '../support/fake-cognito.js';

const OPTIONS = { challenge: 'Y2hhbA', rpId: 'example.com', allowCredentials: [{ id: 'Y3JlZA', type: 'public-key' }], timeout: 60000 };
const webAuthn = () => ({ ChallengeName: 'WEB_AUTHN', ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(OPTIONS) }, Session: 'wa-1' });

/** A seam that records what it was asked and answers (or fails) as told. */
function fakeSeam(answer: () => Promise<WebAuthnJson> = async () => ({ id: 'cred-1', type: 'public-key' })) {
  const seen: { op: string; options: WebAuthnJson }[] = [];
  const seam: WebAuthnSeam = {
    supported: () => true,
    get: (options) => (seen.push({ op: 'get', options }), answer()),
    create: (options) => (seen.push({ op: 'create', options }), answer()),
  };
  return { seam, seen };
}

describe('passkeys: WEB_AUTHN sign-in', () => {
  it('CREDENTIAL_REQUEST_OPTIONS go to the seam; the credential is sent as CREDENTIAL (a JSON string); no prompt after', async () => {
    const { seam, seen } = fakeSeam();
    const h = harness({ signInMethods: ['passkey', 'password'] }, { webauthn: seam });
    h.cognito
      .on('initiateAuth', () => ({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['WEB_AUTHN', 'PASSWORD'], Session: 'sel' }))
      .on('respondToAuthChallenge', webAuthn, () => authResult());
    await h.flow.signIn({ username: 'ada' });
    await h.flow.chooseSignInMethod('passkey');
    expect(seen).to.deep.equal([{ op: 'get', options: OPTIONS }]);
    const answers = h.cognito.callsOf('respondToAuthChallenge');
    expect(answers[0]!.ChallengeResponses).to.deep.equal({ USERNAME: 'ada', ANSWER: 'WEB_AUTHN' });
    expect(answers[1]).to.deep.equal({
      ClientId: CLIENT,
      ChallengeName: 'WEB_AUTHN',
      Session: 'wa-1',
      ChallengeResponses: { USERNAME: 'ada', CREDENTIAL: JSON.stringify({ id: 'cred-1', type: 'public-key' }) },
    });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  const failures: [string, () => Promise<WebAuthnJson>, string][] = [
    ['cancelled', () => Promise.reject(new WebAuthnFailure('cancelled')), 'passkey-cancelled'],
    ['timed out', () => Promise.reject(new WebAuthnFailure('timeout')), 'passkey-timeout'],
    ['security error', () => Promise.reject(new WebAuthnFailure('security')), 'passkey-failed'],
    ['anything else', () => Promise.reject(new Error('boom')), 'passkey-failed'],
  ];
  for (const [what, answer, code] of failures) {
    it(`${what}: ${code}, back on the choice with the other methods, and the next choice starts a new USER_AUTH`, async () => {
      const { seam } = fakeSeam(answer);
      const h = harness({ signInMethods: ['passkey', 'password'] }, { webauthn: seam });
      h.cognito.on('initiateAuth', () => ({ ChallengeName: 'SELECT_CHALLENGE', AvailableChallenges: ['WEB_AUTHN', 'PASSWORD'], Session: 'sel' }));
      h.cognito.on('respondToAuthChallenge', webAuthn);
      await h.flow.signIn({ username: 'ada' });
      await h.flow.chooseSignInMethod('passkey');
      expect(h.flow.state).to.deep.include({ screen: 'sign-in-method', methods: ['passkey', 'password'], busy: false });
      expect(h.flow.state.error?.code).to.equal(code);
      expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(1);
      h.cognito.on('initiateAuth', () => authResult());
      await h.flow.chooseSignInMethod('password');
      await h.flow.submitSignInPassword({ password: 'pw-123456' });
      expect(h.cognito.callsOf('initiateAuth')[1]!.AuthParameters).to.deep.include({ PREFERRED_CHALLENGE: 'PASSWORD' });
    });
  }

  it('no passkey registered (empty allowCredentials): passkey-not-found without opening the dialog', async () => {
    const { seam, seen } = fakeSeam();
    const h = harness({ signInMethods: ['passkey', 'email-otp'] }, { webauthn: seam });
    h.cognito.on('initiateAuth', () => ({
      ChallengeName: 'WEB_AUTHN',
      ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify({ ...OPTIONS, allowCredentials: [] }) },
      Session: 'wa',
    }));
    await h.flow.signIn({ username: 'ada' });
    expect(seen).to.have.length(0);
    expect(h.flow.state.error?.code).to.equal('passkey-not-found');
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-method' });
  });

  it('not supported (no seam): passkey-not-supported before any request when passkey is the only method', async () => {
    const h = harness({ signInMethods: ['passkey'] });
    await h.flow.signIn({ username: 'ada' });
    expect(h.cognito.calls).to.have.length(0);
    expect(h.flow.state).to.deep.include({ screen: 'sign-in' });
    expect(h.flow.state.error?.code).to.equal('passkey-not-supported');
  });
});

describe('passkeys: registration and the prompt', () => {
  const creation = { challenge: 'Y2hhbA', rp: { id: 'example.com', name: 'Example' }, user: { id: 'dXNlcg', name: 'ada' } };

  it('after a password sign-in: passkey-prompt (signed-in has fired); create -> Start/CompleteWebAuthnRegistration', async () => {
    const { seam, seen } = fakeSeam(async () => ({ id: 'new-cred', type: 'public-key' }));
    const h = harness({ signInMethods: ['password', 'passkey'] }, { webauthn: seam });
    h.cognito
      .on('initiateAuth', () => authResult())
      .on('startWebAuthnRegistration', () => ({ CredentialCreationOptions: creation }))
      .on('completeWebAuthnRegistration', () => ({}));
    await h.flow.signIn({ username: 'ada', password: 'pw-123456' });
    expect(h.flow.state).to.deep.include({ screen: 'passkey-prompt', username: 'ada', busy: false });
    expect(h.events.filter((e) => e.type === 'signed-in')).to.have.length(1);
    await h.flow.createPasskey();
    const token = h.flow.session!.tokens.accessToken;
    expect(h.cognito.callsOf('startWebAuthnRegistration')).to.deep.equal([{ AccessToken: token }]);
    expect(seen).to.deep.equal([{ op: 'create', options: creation }]);
    expect(h.cognito.callsOf('completeWebAuthnRegistration')).to.deep.equal([{ AccessToken: token, Credential: { id: 'new-cred', type: 'public-key' } }]);
    expect(h.flow.state).to.deep.include({ screen: 'signed-in', notice: 'passkey-created' });
    expect(h.events.filter((e) => e.type === 'signed-in')).to.have.length(1);
  });

  it('"Not now" asks again next time; "Don\'t ask again" is kept on this device, across sign-out', async () => {
    const { seam } = fakeSeam();
    const h = harness({ signInMethods: ['password', 'passkey'] }, { webauthn: seam });
    h.cognito.on('initiateAuth', () => authResult()).on('revokeToken', () => ({}));
    await h.flow.signIn({ username: 'ada', password: 'pw-123456' });
    await h.flow.skipPasskey();
    expect(h.flow.state.screen).to.equal('signed-in');
    await h.flow.signOut();
    await h.flow.signIn({ username: 'ada', password: 'pw-123456' });
    expect(h.flow.state.screen).to.equal('passkey-prompt');
    await h.flow.skipPasskey({ dontAskAgain: true });
    await h.flow.signOut();
    await h.flow.signIn({ username: 'ada', password: 'pw-123456' });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('a passkey made later from the account (signed in by email) stops the prompt at the next sign-in by email', async () => {
    const { seam } = fakeSeam(async () => ({ id: 'new-cred', type: 'public-key' }));
    const h = harness({ signInMethods: ['password', 'passkey'] }, { webauthn: seam });
    h.cognito
      .on('initiateAuth', () => authResult('user-sub-1'))
      .on('revokeToken', () => ({}))
      .on('startWebAuthnRegistration', () => ({ CredentialCreationOptions: creation }))
      .on('completeWebAuthnRegistration', () => ({}));
    await h.flow.signIn({ username: 'ada@example.com', password: 'pw-123456' });
    await h.flow.skipPasskey();
    // Signed in, the state knows Cognito's username (the sub), not the email typed.
    expect(h.flow.state).to.deep.include({ screen: 'signed-in', username: 'user-sub-1' });
    await h.flow.createPasskey();
    expect(h.flow.state).to.deep.include({ screen: 'signed-in', notice: 'passkey-created' });
    await h.flow.signOut();
    await h.flow.signIn({ username: 'ada@example.com', password: 'pw-123456' });
    expect(h.flow.state.screen, 'not asked to create a passkey this device already made').to.equal('signed-in');
  });

  it('create fails (already on this authenticator): passkey-exists, still on the prompt', async () => {
    const { seam } = fakeSeam(() => Promise.reject(new WebAuthnFailure('invalid-state')));
    const h = harness({ signInMethods: ['password', 'passkey'] }, { webauthn: seam });
    h.cognito.on('initiateAuth', () => authResult()).on('startWebAuthnRegistration', () => ({ CredentialCreationOptions: creation }));
    await h.flow.signIn({ username: 'ada', password: 'pw-123456' });
    await h.flow.createPasskey();
    expect(h.flow.state).to.deep.include({ screen: 'passkey-prompt' });
    expect(h.flow.state.error?.code).to.equal('passkey-exists');
    expect(h.cognito.callsOf('completeWebAuthnRegistration')).to.have.length(0);
  });

  // The user is signed in already: a failed creation offers "try again" (or "Not now"), never another way to sign in.
  const creationFailures: [string, () => Promise<WebAuthnJson>, string, string][] = [
    ['cancelled', () => Promise.reject(new WebAuthnFailure('cancelled')), 'passkey-create-cancelled', 'The passkey was not created: the request was cancelled. You can try again.'],
    ['timed out', () => Promise.reject(new WebAuthnFailure('timeout')), 'passkey-create-timeout', 'The passkey was not created: the request timed out. You can try again.'],
    ['not supported', () => Promise.reject(new WebAuthnFailure('not-supported')), 'passkey-create-not-supported', 'The passkey was not created: this browser or device cannot make one that this site accepts.'],
    ['security error', () => Promise.reject(new WebAuthnFailure('security')), 'passkey-create-failed', 'The passkey could not be created on this site.'],
    ['anything else', () => Promise.reject(new Error('boom')), 'passkey-create-failed', 'The passkey could not be created on this site.'],
  ];
  for (const [what, answer, code, message] of creationFailures) {
    it(`create ${what}: ${code} (no sign-in advice), still on the prompt, which can still be left`, async () => {
      const { seam } = fakeSeam(answer);
      const h = harness({ signInMethods: ['password', 'passkey'] }, { webauthn: seam });
      h.cognito.on('initiateAuth', () => authResult()).on('startWebAuthnRegistration', () => ({ CredentialCreationOptions: creation }));
      await h.flow.signIn({ username: 'ada', password: 'pw-123456' });
      await h.flow.createPasskey();
      expect(h.flow.state).to.deep.include({ screen: 'passkey-prompt', busy: false });
      expect(h.flow.state.error?.code).to.equal(code);
      expect(h.flow.state.error?.message).to.equal(message);
      expect(h.events.filter((e) => e.type === 'error').map((e) => (e as { error: { code: string } }).error.code)).to.deep.equal([code]);
      expect(h.cognito.callsOf('completeWebAuthnRegistration')).to.have.length(0);
      await h.flow.skipPasskey();
      expect(h.flow.state.screen).to.equal('signed-in');
    });
  }

  it("Cognito refuses the new passkey (challenge expired, kind not accepted): the creation codes, Cognito's name kept", async () => {
    const refusals: [string, string][] = [
      ['WebAuthnChallengeNotFoundException', 'passkey-create-timeout'],
      ['WebAuthnCredentialNotSupportedException', 'passkey-create-not-supported'],
    ];
    for (const [name, code] of refusals) {
      const { seam } = fakeSeam();
      const h = harness({ signInMethods: ['password', 'passkey'] }, { webauthn: seam });
      h.cognito
        .on('initiateAuth', () => authResult())
        .on('startWebAuthnRegistration', () => ({ CredentialCreationOptions: creation }))
        .on('completeWebAuthnRegistration', () => exception(name));
      await h.flow.signIn({ username: 'ada', password: 'pw-123456' });
      await h.flow.createPasskey();
      expect(h.flow.state.screen).to.equal('passkey-prompt');
      expect(h.flow.state.error).to.deep.include({ code, cognitoName: name });
    }
  });

  it('creating from signed-in without WebAuthn: passkey-create-not-supported, nothing sent', async () => {
    const h = harness({ signInMethods: ['password'] });
    h.cognito.on('initiateAuth', () => authResult());
    await h.flow.signIn({ username: 'ada', password: 'pw-123456' });
    await h.flow.createPasskey();
    expect(h.flow.state).to.deep.include({ screen: 'signed-in', busy: false });
    expect(h.flow.state.error?.code).to.equal('passkey-create-not-supported');
    expect(h.cognito.callsOf('startWebAuthnRegistration')).to.have.length(0);
  });

  it('passkeyPrompt false: no prompt; a signed-in user can still create one on request', async () => {
    const { seam } = fakeSeam();
    const h = harness({ signInMethods: ['password', 'passkey'], passkeyPrompt: false }, { webauthn: seam });
    h.cognito
      .on('initiateAuth', () => authResult())
      .on('startWebAuthnRegistration', () => ({ CredentialCreationOptions: creation }))
      .on('completeWebAuthnRegistration', () => ({}));
    await h.flow.signIn({ username: 'ada', password: 'pw-123456' });
    expect(h.flow.state.screen).to.equal('signed-in');
    await h.flow.createPasskey();
    expect(h.flow.state).to.deep.include({ screen: 'signed-in', notice: 'passkey-created' });
  });

  it('the default: a prompt only when signInMethods includes passkey', () => {
    expect(harness({ signInMethods: ['password'] }).flow.config.passkeyPrompt).to.equal(false);
    expect(harness({ signInMethods: ['passkey'] }).flow.config.passkeyPrompt).to.equal(true);
    expect(harness().flow.config.passkeyPrompt).to.equal(false);
  });
});
