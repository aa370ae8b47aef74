import { expect } from 'chai';
import { authResult, CLIENT, exception, harness } from '../support/fake-cognito.js';

const PASSWORD = 'Correct-Horse-9';

function challenge(name: string, params: Record<string, string>, session: string) {
  return () => ({ ChallengeName: name, ChallengeParameters: { USER_ID_FOR_SRP: 'uid-7', ...params }, Session: session });
}

describe('AuthFlow challenges', () => {
  it('SMS_MFA: shows the masked destination and answers SMS_MFA_CODE with the session and USER_ID_FOR_SRP', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('SMS_MFA', { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0101' }, 'sess-1'))
      .on('respondToAuthChallenge', () => authResult('uid-7'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'SMS_MFA', busy: false });
    expect(h.flow.state.screen === 'mfa-code' && h.flow.state.delivery).to.deep.equal({ medium: 'SMS', destination: '+*******0101' });
    await h.flow.submitMfaCode({ code: '123 456' });
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.deep.equal([
      { ClientId: CLIENT, ChallengeName: 'SMS_MFA', Session: 'sess-1', ChallengeResponses: { USERNAME: 'uid-7', SMS_MFA_CODE: '123456' } },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('SOFTWARE_TOKEN_MFA: shows the device name and answers SOFTWARE_TOKEN_MFA_CODE', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('SOFTWARE_TOKEN_MFA', { FRIENDLY_DEVICE_NAME: 'Pixel 8' }, 'sess-1'))
      .on('respondToAuthChallenge', () => authResult('uid-7'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'SOFTWARE_TOKEN_MFA', deviceName: 'Pixel 8' });
    await h.flow.submitMfaCode({ code: '654321' });
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]).to.deep.equal({
      ClientId: CLIENT,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'sess-1',
      ChallengeResponses: { USERNAME: 'uid-7', SOFTWARE_TOKEN_MFA_CODE: '654321' },
    });
  });

  it('EMAIL_OTP: answers EMAIL_OTP_CODE', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('EMAIL_OTP', { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' }, 's'))
      .on('respondToAuthChallenge', () => authResult());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'EMAIL_OTP' });
    await h.flow.submitMfaCode({ code: '12345678' });
    expect((h.cognito.callsOf('respondToAuthChallenge')[0]!.ChallengeResponses as Record<string, string>).EMAIL_OTP_CODE).to.equal('12345678');
  });

  it('refuses a code that is not digits without sending it', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', challenge('SMS_MFA', {}, 's'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.submitMfaCode({ code: '12ab' });
    expect(h.flow.state.error).to.deep.include({ code: 'invalid-code-format', field: 'code' });
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(0);
  });

  it('a code typed in another script\'s digits (Arabic, Persian, Devanagari, Thai, full-width) is sent as ASCII', async () => {
    const typed = ['١٢٣ ٤٥٦', '۱۲۳۴۵۶', '१२३४५६', '๑๒๓๔๕๖', '１２３４５６'];
    for (const code of typed) {
      const h = harness();
      h.cognito.on('initiateAuth', challenge('SOFTWARE_TOKEN_MFA', {}, 's')).on('respondToAuthChallenge', () => authResult());
      await h.flow.signIn({ username: 'ada', password: PASSWORD });
      await h.flow.submitMfaCode({ code });
      expect(h.flow.state.error, code).to.equal(undefined);
      expect((h.cognito.callsOf('respondToAuthChallenge')[0]!.ChallengeResponses as Record<string, string>).SOFTWARE_TOKEN_MFA_CODE, code).to.equal('123456');
    }
  });

  it('a wrong code stays on the code screen with code-mismatch, and is never retried by itself', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('SMS_MFA', {}, 's'))
      .on('respondToAuthChallenge', () => exception('CodeMismatchException', 'Invalid code received for user'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.submitMfaCode({ code: '000000' });
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', busy: false });
    expect(h.flow.state.error?.code).to.equal('code-mismatch');
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(1);
  });

  it('throttling shows a clear error and sends the code only once', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('SMS_MFA', {}, 's'))
      .on('respondToAuthChallenge', () => exception('TooManyRequestsException', 'Rate exceeded'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.submitMfaCode({ code: '123456' });
    await h.clock.advance(60_000);
    expect(h.flow.state.error?.code).to.equal('too-many-requests');
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(1);
  });

  it('an expired challenge session restarts sign-in with "session expired"', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('SOFTWARE_TOKEN_MFA', {}, 's'))
      .on('respondToAuthChallenge', () => exception('NotAuthorizedException', 'Invalid session for the user, session is expired.'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.submitMfaCode({ code: '123456' });
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'ada', busy: false });
    expect(h.flow.state.error?.code).to.equal('session-expired');
  });

  it('SELECT_MFA_TYPE: lists the choices, answers ANSWER, and carries each Session to the next request', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }, 'sess-1'))
      .on('respondToAuthChallenge', challenge('SOFTWARE_TOKEN_MFA', {}, 'sess-2'), () => authResult('uid-7'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state).to.deep.include({ screen: 'select-mfa', options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] });
    await h.flow.selectMfa('SOFTWARE_TOKEN_MFA');
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'SOFTWARE_TOKEN_MFA' });
    await h.flow.submitMfaCode({ code: '111111' });
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.deep.equal([
      { ClientId: CLIENT, ChallengeName: 'SELECT_MFA_TYPE', Session: 'sess-1', ChallengeResponses: { USERNAME: 'uid-7', ANSWER: 'SOFTWARE_TOKEN_MFA' } },
      { ClientId: CLIENT, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'sess-2', ChallengeResponses: { USERNAME: 'uid-7', SOFTWARE_TOKEN_MFA_CODE: '111111' } },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('MFA_SETUP (TOTP only): AssociateSoftwareToken with the session, VerifySoftwareToken, then answers MFA_SETUP', async () => {
    const h = harness({ totpIssuer: 'Example Corp' });
    h.cognito
      .on('initiateAuth', challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' }, 'sess-1'))
      .on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'sess-2' }))
      .on('verifySoftwareToken', () => ({ Status: 'SUCCESS', Session: 'sess-3' }))
      .on('respondToAuthChallenge', () => authResult('uid-7'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('associateSoftwareToken')).to.deep.equal([{ Session: 'sess-1' }]);
    const state = h.flow.state;
    expect(state).to.deep.include({ screen: 'setup-totp', secret: 'JBSWY3DPEHPK3PXP', signedIn: false });
    expect(state.screen === 'setup-totp' && state.uri).to.equal(
      'otpauth://totp/Example%20Corp:ada?secret=JBSWY3DPEHPK3PXP&issuer=Example+Corp&algorithm=SHA1&digits=6&period=30',
    );
    await h.flow.verifyTotp({ code: '123456', deviceName: ' My phone ' });
    expect(h.cognito.callsOf('verifySoftwareToken')).to.deep.equal([{ Session: 'sess-2', UserCode: '123456', FriendlyDeviceName: 'My phone' }]);
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.deep.equal([
      { ClientId: CLIENT, ChallengeName: 'MFA_SETUP', Session: 'sess-3', ChallengeResponses: { USERNAME: 'uid-7' } },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('MFA_SETUP: a rejected first TOTP code explains the device clock', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' }, 'sess-1'))
      .on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'sess-2' }))
      .on('verifySoftwareToken', () => exception('CodeMismatchException', 'Code mismatch'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.verifyTotp({ code: '123456' });
    expect(h.flow.state).to.deep.include({ screen: 'setup-totp', busy: false });
    expect(h.flow.state.error).to.deep.include({ code: 'totp-verification-failed', field: 'code' });
  });

  // The fake takes each error's context from src/api/operations.ts: an expired code inside the MFA_SETUP challenge (a
  // Session) means the challenge expired, while the same exception for a signed-in user (an AccessToken) does not.
  it('MFA_SETUP: ExpiredCodeException on VerifySoftwareToken with a Session restarts sign-in with "session expired"', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' }, 'sess-1'))
      .on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'sess-2' }))
      .on('verifySoftwareToken', () => exception('ExpiredCodeException', 'Invalid session provided'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.verifyTotp({ code: '123456' });
    expect(h.cognito.callsOf('verifySoftwareToken')).to.have.length(1);
    expect(h.cognito.callsOf('verifySoftwareToken')[0]).to.include({ Session: 'sess-2', UserCode: '123456' });
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'ada', busy: false });
    expect(h.flow.state.error?.code).to.equal('session-expired');
  });

  it('signed in: ExpiredCodeException on VerifySoftwareToken with an AccessToken stays on TOTP set-up (code expired)', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => authResult('uid-7'))
      .on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }))
      .on('verifySoftwareToken', () => exception('ExpiredCodeException', 'Code expired'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.setUpTotp();
    await h.flow.verifyTotp({ code: '123456' });
    expect(h.flow.state).to.deep.include({ screen: 'setup-totp', signedIn: true, busy: false });
    expect(h.flow.state.error?.code).to.equal('code-expired');
  });

  it('MFA_SETUP: SMS is offered only when the page can add a phone number, then sign-in starts again', async () => {
    const saved: { username: string; phoneNumber: string }[] = [];
    const h = harness({ smsMfaSetup: async (r) => void saved.push(r) });
    h.cognito
      .on('initiateAuth', challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }, 'sess-1'), challenge('SMS_MFA', {}, 'sess-9'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state).to.deep.include({ screen: 'setup-mfa', options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] });
    await h.flow.chooseMfaSetup('SMS_MFA');
    expect(h.flow.state.screen).to.equal('setup-sms');
    await h.flow.setUpSms({ phoneNumber: '555-0101' });
    expect(h.flow.state.error).to.deep.include({ code: 'invalid-phone-number', field: 'phone_number' });
    await h.flow.setUpSms({ phoneNumber: '+1 (415) 555-0101' });
    expect(saved).to.deep.equal([{ username: 'uid-7', phoneNumber: '+14155550101', session: 'sess-1', password: PASSWORD }]);
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(2);
    expect(h.cognito.callsOf('initiateAuth')[1]).to.deep.equal({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT,
      AuthParameters: { USERNAME: 'ada', PASSWORD },
    });
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'SMS_MFA' });
  });

  it('MFA_SETUP: without an SMS hook, a pool offering SMS and TOTP goes straight to TOTP set-up', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }, 'sess-1'))
      .on('associateSoftwareToken', () => ({ SecretCode: 'ABC', Session: 'sess-2' }));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.screen).to.equal('setup-totp');
  });

  it('MFA_SETUP: email set-up answers MFA_SETUP with EMAIL', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' }, 'sess-1'))
      .on('respondToAuthChallenge', challenge('EMAIL_OTP', { CODE_DELIVERY_DESTINATION: 'a***@e***' }, 'sess-2'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.chooseMfaSetup('EMAIL_OTP', { email: 'ada@example.com' });
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.deep.equal([
      { ClientId: CLIENT, ChallengeName: 'MFA_SETUP', Session: 'sess-1', ChallengeResponses: { USERNAME: 'uid-7', EMAIL: 'ada@example.com' } },
    ]);
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'EMAIL_OTP' });
  });

  it('NEW_PASSWORD_REQUIRED: asks for the required attributes and answers NEW_PASSWORD plus userAttributes.<name>', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('NEW_PASSWORD_REQUIRED', {
        requiredAttributes: '["userAttributes.given_name","userAttributes.family_name"]',
        userAttributes: '{"email":"ada@example.com","email_verified":"true","given_name":""}',
      }, 'sess-1'))
      .on('respondToAuthChallenge', () => authResult('uid-7'));
    await h.flow.signIn({ username: 'ada', password: 'Temp-Pass-1' });
    expect(h.flow.state).to.deep.include({
      screen: 'new-password',
      requiredAttributes: ['given_name', 'family_name'],
      userAttributes: { email: 'ada@example.com', given_name: '' },
    });
    await h.flow.completeNewPassword({ password: 'short', attributes: {} });
    expect(h.flow.state.error).to.deep.include({ code: 'password-policy', field: 'password' });
    await h.flow.completeNewPassword({ password: PASSWORD, confirmPassword: 'other', attributes: {} });
    expect(h.flow.state.error).to.deep.include({ code: 'passwords-do-not-match', field: 'confirm_password' });
    await h.flow.completeNewPassword({ password: PASSWORD, attributes: { given_name: 'Ada' } });
    expect(h.flow.state.error).to.deep.include({ code: 'required-field', field: 'family_name' });
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(0);
    await h.flow.completeNewPassword({ password: PASSWORD, confirmPassword: PASSWORD, attributes: { given_name: 'Ada', family_name: ' Lovelace ' } });
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.deep.equal([
      {
        ClientId: CLIENT,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: 'sess-1',
        ChallengeResponses: { USERNAME: 'uid-7', NEW_PASSWORD: PASSWORD, 'userAttributes.given_name': 'Ada', 'userAttributes.family_name': 'Lovelace' },
      },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('an unsupported challenge (CUSTOM_CHALLENGE) is reported, not ignored', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', challenge('CUSTOM_CHALLENGE', {}, 's'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.error).to.deep.include({ code: 'unsupported-challenge', cognitoName: 'CUSTOM_CHALLENGE' });
  });

  it('a signed-in user adds an authenticator app: AccessToken, VerifySoftwareToken, SetUserMFAPreference', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => authResult('uid-7'))
      .on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }))
      .on('verifySoftwareToken', () => ({ Status: 'SUCCESS' }))
      .on('setUserMfaPreference', () => ({}));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    const access = h.flow.session!.tokens.accessToken;
    await h.flow.setUpTotp();
    expect(h.cognito.callsOf('associateSoftwareToken')).to.deep.equal([{ AccessToken: access }]);
    expect(h.flow.state).to.deep.include({ screen: 'setup-totp', signedIn: true });
    await h.flow.verifyTotp({ code: '123456', deviceName: 'Laptop' });
    expect(h.cognito.callsOf('verifySoftwareToken')).to.deep.equal([{ AccessToken: access, UserCode: '123456', FriendlyDeviceName: 'Laptop' }]);
    expect(h.cognito.callsOf('setUserMfaPreference')).to.deep.equal([
      { AccessToken: access, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
    ]);
    expect(h.flow.state).to.deep.include({ screen: 'signed-in', notice: 'totp-enabled' });
  });
});

describe('AuthFlow while signed in', () => {
  it('never navigates a signed-in user to the entry screens; cancelling TOTP set-up returns to signed-in', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => authResult('uid-7')).on('associateSoftwareToken', () => ({ SecretCode: 'ABC' }));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    h.flow.goTo('sign-up');
    expect(h.flow.state.screen).to.equal('signed-in');
    await h.flow.setUpTotp();
    h.flow.goTo('sign-in');
    expect(h.flow.state.screen).to.equal('setup-totp');
    h.flow.cancelTotpSetup();
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.flow.session?.username).to.equal('uid-7');
  });
});
