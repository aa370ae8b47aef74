// "Keep me signed in" on every sign-in path (issue 18): the box's state, given to AuthFlow.signIn by the sign-in form,
// decides where the tokens go however the sign-in ends: at once (a password typed), or later through the choice-based
// steps (sign-in-method, sign-in-password, sign-in-code, a passkey), each its own intent without a box of its own.
import { expect } from 'chai';
import type { WebAuthnSeam } from '../../src/crypto/webauthn.js';
import { KeepSignedInStorage, MemoryStorage, tokensKey } from '../../src/session/storage.js';
import { authResult, CLIENT, harness } from '../support/fake-cognito.js';

const KEY = tokensKey(CLIENT);
const ALL = ['passkey', 'email-otp', 'password'];
const select = (available: string[]) => () => ({ ChallengeName: 'SELECT_CHALLENGE', ChallengeParameters: {}, AvailableChallenges: available, Session: 'sel-1' });
const emailOtp = () => ({ ChallengeName: 'EMAIL_OTP', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' }, Session: 'otp-1' });
const webAuthn = () => ({ ChallengeName: 'WEB_AUTHN', ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify({ challenge: 'Y2hhbA', rpId: 'example.com' }) }, Session: 'wa-1' });
const seam: WebAuthnSeam = { supported: () => true, get: async () => ({ id: 'cred-1', type: 'public-key' }), create: async () => ({ id: 'cred-1' }) };

/** A flow over local + session storage as the element makes it with keep-signed-in; `initial`: the box's first state. */
function setUp(initial: boolean, initiate: () => unknown = select(['WEB_AUTHN', 'EMAIL_OTP', 'PASSWORD'])) {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  const options = { signInMethods: ALL, keepSignedIn: true, storage: 'local', passkeyPrompt: false };
  const h = harness(options, { storage: new KeepSignedInStorage(local, session, initial), webauthn: seam });
  h.cognito.on('initiateAuth', initiate);
  /** Where the tokens are: 'local', 'session', or what went wrong. */
  const where = () => {
    const inLocal = local.getItem(KEY) !== null;
    const inSession = session.getItem(KEY) !== null;
    return inLocal && !inSession ? 'local' : inSession && !inLocal ? 'session' : `local ${inLocal}, session ${inSession}`;
  };
  return { h, where };
}

// Each path: from the choice the sign-in form's submit leads to, to tokens.
const paths: [string, (h: ReturnType<typeof setUp>['h']) => Promise<void>][] = [
  [
    'a one-time code (sign-in-method, sign-in-code)',
    async (h) => {
      h.cognito.on('respondToAuthChallenge', emailOtp, () => authResult());
      await h.flow.chooseSignInMethod('email-otp');
      expect(h.flow.state.screen).to.equal('sign-in-code');
      await h.flow.submitSignInCode({ code: '123456' });
    },
  ],
  [
    'the password step (sign-in-method, sign-in-password)',
    async (h) => {
      h.cognito.on('respondToAuthChallenge', () => authResult());
      await h.flow.chooseSignInMethod('password');
      expect(h.flow.state.screen).to.equal('sign-in-password');
      await h.flow.submitSignInPassword({ password: 'Correct-Horse-9' });
    },
  ],
  [
    'a passkey (sign-in-method)',
    async (h) => {
      h.cognito.on('respondToAuthChallenge', webAuthn, () => authResult());
      await h.flow.chooseSignInMethod('passkey');
    },
  ],
];

describe('"Keep me signed in" on every sign-in path', () => {
  for (const [path, finish] of paths) {
    for (const keep of [false, true]) {
      it(`${keep ? 'ticked' : 'unticked'}, through ${path}: the tokens go to ${keep ? 'localStorage' : 'sessionStorage'} only`, async () => {
        const { h, where } = setUp(!keep);
        await h.flow.signIn({ username: 'ada', keepSignedIn: keep });
        expect(h.flow.state.screen).to.equal('sign-in-method');
        await finish(h);
        expect(h.flow.state.screen).to.equal('signed-in');
        expect(where()).to.equal(keep ? 'local' : 'session');
        expect(h.flow.keepSignedIn, 'the choice, for the next sign-in form').to.equal(keep);
      });
    }
  }

  it('a password typed with the username: signed in at once, where the box says', async () => {
    const { h, where } = setUp(true, () => authResult());
    await h.flow.signIn({ username: 'ada', password: 'Correct-Horse-9', keepSignedIn: false });
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(where()).to.equal('session');
  });

  it('back to the form and submitted again: the latest choice is the one that counts', async () => {
    const { h, where } = setUp(true);
    await h.flow.signIn({ username: 'ada', keepSignedIn: false });
    h.flow.goTo('sign-in');
    expect(h.flow.keepSignedIn, 'the form shows the box as the user left it').to.equal(false);
    await h.flow.signIn({ username: 'ada', keepSignedIn: true });
    h.cognito.on('respondToAuthChallenge', emailOtp, () => authResult());
    await h.flow.chooseSignInMethod('email-otp');
    await h.flow.submitSignInCode({ code: '123456' });
    expect(where()).to.equal('local');
  });

  it('without the option: keepSignedIn is undefined and a choice passed in changes nothing', async () => {
    const h = harness({ signInMethods: ALL });
    h.cognito.on('initiateAuth', () => authResult());
    expect(h.flow.keepSignedIn).to.equal(undefined);
    await h.flow.signIn({ username: 'ada', password: 'Correct-Horse-9', keepSignedIn: false });
    expect(h.storage.getItem(KEY)).to.not.equal(null);
  });
});
