// "Other ways to sign in" from a later step (the code or the password step): the step stays, busy, until the next one
// is known — never a pass through the choice (a flash of another screen, focus moved to its heading, a screen change
// the user did not ask for). A failure stays where the user is, and that step can still be answered.
import { expect } from 'chai';
import type { WebAuthnSeam } from '../../src/crypto/webauthn.js';
import { authResult, harness } from '../support/fake-cognito.js';

const otp = (name: 'EMAIL_OTP' | 'SMS_OTP', session: string, destination: string) => () => ({
  ChallengeName: name,
  ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: name === 'SMS_OTP' ? 'SMS' : 'EMAIL', CODE_DELIVERY_DESTINATION: destination },
  Session: session,
});
const select = () => ({ ChallengeName: 'SELECT_CHALLENGE', ChallengeParameters: {}, AvailableChallenges: ['EMAIL_OTP', 'SMS_OTP', 'PASSWORD', 'WEB_AUTHN'], Session: 'sel-1' });
const refused: WebAuthnSeam = {
  supported: () => true,
  get: async () => {
    throw new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
  },
  create: async () => ({ id: 'c' }),
};

/** The screens the states went through (consecutive repeats of one screen, e.g. busy then not, said once). */
const screens = (states: { screen: string }[]) => states.map((s) => s.screen).filter((s, i, all) => s !== all[i - 1]);

describe('another way to sign in from a later step', () => {
  it('email code -> "Text me a code": the code step stays busy, then the SMS code step; the choice never shows', async () => {
    const h = harness({ signInMethods: ['email-otp', 'sms-otp'] });
    h.cognito
      .on('initiateAuth', select, otp('SMS_OTP', 'sms-1', '+*******0101'))
      .on('respondToAuthChallenge', otp('EMAIL_OTP', 'email-1', 'a***@e***'));
    await h.flow.signIn({ username: 'ada' });
    await h.flow.chooseSignInMethod('email-otp');
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-code', method: 'email-otp' });
    const from = h.states.length;
    await h.flow.chooseSignInMethod('sms-otp');
    const during = h.states.slice(from);
    expect(during.map((s) => [s.screen, s.busy, s.screen === 'sign-in-code' ? s.method : undefined])).to.deep.equal([
      ['sign-in-code', true, 'email-otp'],
      ['sign-in-code', false, 'sms-otp'],
    ]);
    expect(h.cognito.callsOf('initiateAuth')[1]!.AuthParameters).to.deep.equal({ USERNAME: 'ada', PREFERRED_CHALLENGE: 'SMS_OTP' });
  });

  it('code step -> "Use my password": straight to the password step, one screen change', async () => {
    const h = harness({ signInMethods: ['email-otp', 'password'] });
    h.cognito.on('initiateAuth', select).on('respondToAuthChallenge', otp('EMAIL_OTP', 'email-1', 'a***@e***'));
    await h.flow.signIn({ username: 'ada' });
    await h.flow.chooseSignInMethod('email-otp');
    const from = h.states.length;
    await h.flow.chooseSignInMethod('password');
    expect(screens(h.states.slice(from))).to.deep.equal(['sign-in-code', 'sign-in-password']);
  });

  it('a failed switch stays on the code step with its error; the code typed there still goes with its session', async () => {
    const h = harness({ signInMethods: ['email-otp', 'sms-otp'] });
    h.cognito
      .on('initiateAuth', select, () => {
        throw new TypeError('Failed to fetch');
      })
      .on('respondToAuthChallenge', otp('EMAIL_OTP', 'email-1', 'a***@e***'), () => authResult());
    await h.flow.signIn({ username: 'ada' });
    await h.flow.chooseSignInMethod('email-otp');
    const from = h.states.length;
    await h.flow.chooseSignInMethod('sms-otp');
    expect(screens(h.states.slice(from))).to.deep.equal(['sign-in-code']);
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-code', method: 'email-otp', busy: false });
    expect(h.flow.state.error?.code).to.equal('network');
    await h.flow.submitSignInCode({ code: '123456' });
    expect(h.cognito.callsOf('respondToAuthChallenge').at(-1)).to.deep.include({ ChallengeName: 'EMAIL_OTP', Session: 'email-1' });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('a refused passkey from the code step: the choice with why, once (no busy choice before it)', async () => {
    const h = harness({ signInMethods: ['email-otp', 'passkey'] }, { webauthn: refused });
    const webAuthn = { ChallengeName: 'WEB_AUTHN', Session: 'wa-1', ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify({ challenge: 'AAAA', rpId: 'localhost' }) } };
    h.cognito.on('initiateAuth', select, () => webAuthn).on('respondToAuthChallenge', otp('EMAIL_OTP', 'email-1', 'a***@e***'));
    await h.flow.signIn({ username: 'ada' });
    await h.flow.chooseSignInMethod('email-otp');
    const from = h.states.length;
    await h.flow.chooseSignInMethod('passkey');
    const after = h.states.slice(from);
    expect(screens(after)).to.deep.equal(['sign-in-code', 'sign-in-method']);
    expect(after.filter((s) => s.screen === 'sign-in-method').map((s) => s.busy)).to.deep.equal([false]);
    expect(h.flow.state.error?.code).to.match(/^passkey-/);
  });

  it('from the choice itself the pressed method is pending while busy (its button shows the spinner)', async () => {
    const h = harness({ signInMethods: ['email-otp', 'sms-otp'] });
    h.cognito.on('initiateAuth', select).on('respondToAuthChallenge', otp('SMS_OTP', 'sms-1', '+*******0101'));
    await h.flow.signIn({ username: 'ada' });
    const from = h.states.length;
    await h.flow.chooseSignInMethod('sms-otp');
    const busy = h.states.slice(from).filter((s) => s.busy);
    expect(busy.at(-1)).to.deep.include({ screen: 'sign-in-method', pending: 'sms-otp' });
  });
});
