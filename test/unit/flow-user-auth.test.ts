import { expect } from 'chai';
import type { WebAuthnSeam } from '../../src/crypto/webauthn.js';
import { authResult, CLIENT, exception, harness } from '../support/fake-cognito.js';

const PASSWORD = 'Correct-Horse-9';
const ALL = ['passkey', 'email-otp', 'password', 'sms-otp'];

const select = (available: string[], session = 'sel-1') => () => ({
  ChallengeName: 'SELECT_CHALLENGE',
  ChallengeParameters: {},
  AvailableChallenges: available,
  Session: session,
});
const emailOtp = (session = 'otp-1') => () => ({
  ChallengeName: 'EMAIL_OTP',
  ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' },
  Session: session,
});
const supported: WebAuthnSeam = { supported: () => true, get: async () => ({ id: 'c' }), create: async () => ({ id: 'c' }) };

describe('choice-based sign-in (USER_AUTH)', () => {
  it('without signInMethods nothing changes: USER_PASSWORD_AUTH as before', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => authResult());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('initiateAuth')[0]!.AuthFlow).to.equal('USER_PASSWORD_AUTH');
  });

  it('username only: USER_AUTH without PREFERRED_CHALLENGE; SELECT_CHALLENGE ∩ the page methods, in the page order', async () => {
    const h = harness({ signInMethods: ALL }, { webauthn: supported });
    h.cognito.on('initiateAuth', select(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN']));
    await h.flow.signIn({ username: 'ada' });
    expect(h.cognito.callsOf('initiateAuth')).to.deep.equal([{ AuthFlow: 'USER_AUTH', ClientId: CLIENT, AuthParameters: { USERNAME: 'ada' } }]);
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-method', username: 'ada', methods: ['passkey', 'email-otp', 'password'], busy: false });
  });

  it('passkeys are not offered where the browser has none', async () => {
    const h = harness({ signInMethods: ALL });
    h.cognito.on('initiateAuth', select(['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']));
    await h.flow.signIn({ username: 'ada' });
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-method', methods: ['email-otp', 'password'] });
  });

  it('no method in common: no-sign-in-method on the choice', async () => {
    const h = harness({ signInMethods: ['passkey', 'sms-otp'] }, { webauthn: supported });
    h.cognito.on('initiateAuth', select(['PASSWORD']));
    await h.flow.signIn({ username: 'ada' });
    expect(h.flow.state.error?.code).to.equal('no-sign-in-method');
    expect(h.events.map((e) => e.type)).to.include('error');
  });

  it('a password typed already: USER_AUTH PREFERRED_CHALLENGE PASSWORD with it, no second screen', async () => {
    const h = harness({ signInMethods: ['password', 'email-otp'] });
    h.cognito.on('initiateAuth', () => authResult());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('initiateAuth')[0]!.AuthParameters).to.deep.equal({ USERNAME: 'ada', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('a password typed, Cognito still asks SELECT_CHALLENGE: answered with ANSWER PASSWORD by itself', async () => {
    const h = harness({ signInMethods: ['password', 'email-otp'] });
    h.cognito.on('initiateAuth', select(['PASSWORD', 'EMAIL_OTP'])).on('respondToAuthChallenge', () => authResult());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]).to.deep.equal({
      ClientId: CLIENT,
      ChallengeName: 'SELECT_CHALLENGE',
      Session: 'sel-1',
      ChallengeResponses: { USERNAME: 'ada', ANSWER: 'PASSWORD', PASSWORD },
    });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('PASSWORD_SRP through the choice: SRP_A with ANSWER, then the router answers PASSWORD_VERIFIER', async () => {
    const claims: unknown[] = [];
    const h = harness(
      { signInMethods: ['password', 'email-otp'], authFlow: 'USER_SRP_AUTH' },
      {
        createSrpSession: () => ({
          A: 'abc123',
          passwordClaim: async (input) => {
            claims.push(input.userIdForSrp);
            return { PASSWORD_CLAIM_SIGNATURE: 'sig', PASSWORD_CLAIM_SECRET_BLOCK: 'blk', TIMESTAMP: 'ts' };
          },
        }),
      },
    );
    h.cognito
      .on('initiateAuth', select(['PASSWORD_SRP', 'EMAIL_OTP']))
      .on(
        'respondToAuthChallenge',
        () => ({ ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { USER_ID_FOR_SRP: 'uid-7', SRP_B: 'b', SALT: 's', SECRET_BLOCK: 'blk' }, Session: 'pv' }),
        () => authResult('uid-7'),
      );
    await h.flow.signIn({ username: 'ada' });
    await h.flow.chooseSignInMethod('password');
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-password', methods: ['password', 'email-otp'] });
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(0);
    await h.flow.submitSignInPassword({ password: PASSWORD });
    const answers = h.cognito.callsOf('respondToAuthChallenge');
    expect(answers[0]).to.deep.include({ ChallengeName: 'SELECT_CHALLENGE', Session: 'sel-1' });
    expect(answers[0]!.ChallengeResponses).to.deep.equal({ USERNAME: 'ada', ANSWER: 'PASSWORD_SRP', SRP_A: 'abc123' });
    expect(answers[1]).to.deep.include({ ChallengeName: 'PASSWORD_VERIFIER', Session: 'pv' });
    expect(claims).to.deep.equal(['uid-7']);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('one method on the page: PREFERRED_CHALLENGE at once (email code), the code state with the masked destination', async () => {
    const h = harness({ signInMethods: ['email-otp'] });
    h.cognito.on('initiateAuth', emailOtp()).on('respondToAuthChallenge', () => authResult());
    await h.flow.signIn({ username: 'ada' });
    expect(h.cognito.callsOf('initiateAuth')[0]!.AuthParameters).to.deep.equal({ USERNAME: 'ada', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-code', method: 'email-otp', methods: ['email-otp'], busy: false });
    expect(h.flow.state.screen === 'sign-in-code' && h.flow.state.delivery).to.deep.equal({ medium: 'EMAIL', destination: 'a***@e***' });
    await h.flow.submitSignInCode({ code: '123 456' });
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]).to.deep.equal({
      ClientId: CLIENT,
      ChallengeName: 'EMAIL_OTP',
      Session: 'otp-1',
      ChallengeResponses: { USERNAME: 'ada', EMAIL_OTP_CODE: '123456' },
    });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('email code chosen on the choice: SELECT_CHALLENGE ANSWER EMAIL_OTP; a wrong code stays on the code state', async () => {
    const h = harness({ signInMethods: ['password', 'email-otp'] });
    h.cognito
      .on('initiateAuth', select(['PASSWORD', 'EMAIL_OTP']))
      .on('respondToAuthChallenge', emailOtp('otp-2'), () => exception('CodeMismatchException'));
    await h.flow.signIn({ username: 'ada' });
    await h.flow.chooseSignInMethod('email-otp');
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]!.ChallengeResponses).to.deep.equal({ USERNAME: 'ada', ANSWER: 'EMAIL_OTP' });
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-code', method: 'email-otp' });
    await h.flow.submitSignInCode({ code: '000000' });
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-code' });
    expect(h.flow.state.error?.code).to.equal('code-mismatch');
  });

  it('SMS code as the first factor answers SMS_OTP_CODE', async () => {
    const h = harness({ signInMethods: ['sms-otp'] });
    h.cognito
      .on('initiateAuth', () => ({ ChallengeName: 'SMS_OTP', ChallengeParameters: { CODE_DELIVERY_DESTINATION: '+*******0101' }, Session: 's1' }))
      .on('respondToAuthChallenge', () => authResult());
    await h.flow.signIn({ username: 'ada' });
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-code', method: 'sms-otp' });
    await h.flow.submitSignInCode({ code: '654321' });
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]!.ChallengeResponses).to.deep.equal({ USERNAME: 'ada', SMS_OTP_CODE: '654321' });
  });

  it('EMAIL_OTP after a password is MFA (mfa-code), not a sign-in code', async () => {
    const h = harness({ signInMethods: ['password', 'email-otp'] });
    h.cognito.on('initiateAuth', emailOtp());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'EMAIL_OTP' });
  });

  it('resend: a new USER_AUTH with the same PREFERRED_CHALLENGE, back on the code state saying code-resent', async () => {
    const h = harness({ signInMethods: ['email-otp'] });
    h.cognito.on('initiateAuth', emailOtp('otp-1'), emailOtp('otp-2')).on('respondToAuthChallenge', () => authResult());
    await h.flow.signIn({ username: 'ada' });
    await h.flow.resendSignInCode();
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(2);
    expect(h.cognito.callsOf('initiateAuth')[1]!.AuthParameters).to.deep.equal({ USERNAME: 'ada', PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-code', notice: 'code-resent', busy: false });
    await h.flow.submitSignInCode({ code: '111111' });
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]!.Session).to.equal('otp-2');
  });

  it('another way from the code state: starts again with PREFERRED_CHALLENGE of the new method', async () => {
    const h = harness({ signInMethods: ['email-otp', 'password'] });
    h.cognito.on('initiateAuth', select(['EMAIL_OTP', 'PASSWORD']), () => authResult());
    h.cognito.on('respondToAuthChallenge', emailOtp());
    await h.flow.signIn({ username: 'ada' });
    await h.flow.chooseSignInMethod('email-otp');
    await h.flow.chooseSignInMethod('password');
    expect(h.flow.state).to.deep.include({ screen: 'sign-in-password' });
    await h.flow.submitSignInPassword({ password: PASSWORD });
    expect(h.cognito.callsOf('initiateAuth')[1]!.AuthParameters).to.deep.equal({ USERNAME: 'ada', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('a method not offered is refused without a request', async () => {
    const h = harness({ signInMethods: ALL });
    h.cognito.on('initiateAuth', select(['EMAIL_OTP', 'PASSWORD']));
    await h.flow.signIn({ username: 'ada' });
    await h.flow.chooseSignInMethod('sms-otp');
    expect(h.flow.state.error?.code).to.equal('invalid-parameter');
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(0);
  });
});

describe('sign-up with USER_AUTH: ConfirmSignUp Session, passwordless', () => {
  it('passwordless sign-up: no Password; ConfirmSignUp with the SignUp Session, then USER_AUTH with its Session (no second code)', async () => {
    const h = harness({ signInMethods: ['email-otp'] });
    expect(h.flow.config.passwordlessSignUp).to.equal(true);
    h.cognito
      .on('signUp', () => ({ UserConfirmed: false, UserSub: 'sub-1', Session: 'su-1', CodeDeliveryDetails: { Destination: 'a***', DeliveryMedium: 'EMAIL' } }))
      .on('confirmSignUp', () => ({ Session: 'cs-1' }))
      .on('initiateAuth', () => authResult());
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada@example.com', attributes: { email: 'ada@example.com' } });
    expect(h.cognito.callsOf('signUp')[0]).to.not.have.property('Password');
    expect(h.flow.state.screen).to.equal('confirm-sign-up');
    await h.flow.confirmSignUp({ code: '123456' });
    expect(h.cognito.callsOf('confirmSignUp')[0]).to.deep.include({ Session: 'su-1', ConfirmationCode: '123456' });
    expect(h.cognito.callsOf('initiateAuth')).to.deep.equal([
      { AuthFlow: 'USER_AUTH', ClientId: CLIENT, AuthParameters: { USERNAME: 'ada@example.com' }, Session: 'cs-1' },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('password sign-up on a USER_AUTH page signs in with the Session too: the password is not sent again', async () => {
    const h = harness({ signInMethods: ['password', 'email-otp'] });
    h.cognito
      .on('signUp', () => ({ UserConfirmed: false, UserSub: 'sub-1', Session: 'su-1' }))
      .on('confirmSignUp', () => ({ Session: 'cs-1' }))
      .on('initiateAuth', () => authResult());
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('signUp')[0]!.Password).to.equal(PASSWORD);
    await h.flow.confirmSignUp({ code: '123456' });
    expect(JSON.stringify(h.cognito.callsOf('initiateAuth'))).to.not.include(PASSWORD);
    expect(h.cognito.callsOf('initiateAuth')[0]).to.deep.include({ AuthFlow: 'USER_AUTH', Session: 'cs-1' });
  });

  it('without signInMethods a password is still required at sign-up', async () => {
    const h = harness();
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada' });
    expect(h.flow.state.error?.code).to.equal('required-field');
    expect(h.cognito.callsOf('signUp')).to.have.length(0);
  });
});
