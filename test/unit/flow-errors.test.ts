// What a user sees after Cognito refuses a request for a reason that has its own advice (issue 13, defects 5, 6 and 7):
// the screen they stay on or are taken to, the error code (and so its translated message), and what is sent next.
import { expect } from 'chai';
import { authResult, CLIENT, exception, harness } from '../support/fake-cognito.js';

const PASSWORD = 'Correct-Horse-9';
const REUSED = 'Your software token has already been used once.';

function challenge(name: string, params: Record<string, string>, session: string) {
  return () => ({ ChallengeName: name, ChallengeParameters: { USER_ID_FOR_SRP: 'uid-7', ...params }, Session: session });
}

describe('a TOTP code used twice in its 30-second window (defect 5)', () => {
  it('at sign-in: stays on the code screen, asks for the next code, and answers again with the same session', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('SOFTWARE_TOKEN_MFA', {}, 'sess-1'))
      .on('respondToAuthChallenge', () => exception('ExpiredCodeException', REUSED), () => authResult('uid-7'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.submitMfaCode({ code: '123456' });

    expect(h.flow.state.screen).to.equal('mfa-code');
    expect(h.flow.state.error?.code).to.equal('totp-code-reused');
    expect(h.flow.state.error?.field).to.equal('code');
    expect(h.flow.state.error?.message).to.match(/already been used/i).and.match(/new code/i);
    expect(h.flow.state.username).to.equal('ada');
    expect(h.events.filter((e) => e.type === 'error').map((e) => e.type === 'error' && e.error.code)).to.deep.equal(['totp-code-reused']);

    // Cognito refused the code, not the session: the next code is answered in the same challenge, no new sign-in.
    await h.flow.submitMfaCode({ code: '654321' });
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(1);
    expect(h.cognito.callsOf('respondToAuthChallenge').map((c) => c.Session)).to.deep.equal(['sess-1', 'sess-1']);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('still restarts sign-in when the challenge session itself expired', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('SOFTWARE_TOKEN_MFA', {}, 'sess-1'))
      .on('respondToAuthChallenge', () => exception('NotAuthorizedException', 'Invalid session for the user, session is expired.'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.submitMfaCode({ code: '123456' });
    expect(h.flow.state.screen).to.equal('sign-in');
    expect(h.flow.state.error?.code).to.equal('session-expired');
  });

  it('in MFA_SETUP (VerifySoftwareToken with the session): stays on set-up and verifies the next code with the same session', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' }, 'sess-1'))
      .on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'sess-2' }))
      .on('verifySoftwareToken', () => exception('ExpiredCodeException', REUSED), () => ({ Status: 'SUCCESS', Session: 'sess-3' }))
      .on('respondToAuthChallenge', () => authResult('uid-7'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.screen).to.equal('setup-totp');
    await h.flow.verifyTotp({ code: '123456' });

    expect(h.flow.state.screen).to.equal('setup-totp');
    expect(h.flow.state.error?.code).to.equal('totp-code-reused');
    expect(h.flow.state.error?.field).to.equal('code');

    await h.flow.verifyTotp({ code: '654321' });
    expect(h.cognito.callsOf('verifySoftwareToken').map((c) => c.Session)).to.deep.equal(['sess-2', 'sess-2']);
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]).to.deep.include({ ChallengeName: 'MFA_SETUP', Session: 'sess-3' });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('when a signed-in user adds an authenticator app (VerifySoftwareToken with the access token)', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => authResult('uid-7'))
      .on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }))
      .on('verifySoftwareToken', () => exception('ExpiredCodeException', REUSED));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.setUpTotp();
    await h.flow.verifyTotp({ code: '123456' });
    expect(h.flow.state.screen).to.equal('setup-totp');
    expect(h.flow.state.error?.code).to.equal('totp-code-reused');
  });
});

describe('PasswordResetRequiredException at sign-in (defect 7)', () => {
  it('sends a reset code first, then shows the code screen with where it went', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => exception('PasswordResetRequiredException', 'Password reset required for the user'))
      .on('forgotPassword', () => ({ CodeDeliveryDetails: { Destination: 'a***@e***.com', DeliveryMedium: 'EMAIL', AttributeName: 'email' } }));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });

    expect(h.cognito.callsOf('forgotPassword')).to.deep.equal([{ ClientId: CLIENT, Username: 'ada' }]);
    expect(h.flow.state).to.deep.include({ screen: 'confirm-forgot-password', username: 'ada', busy: false, notice: 'password-reset-required' });
    expect(h.flow.state.screen === 'confirm-forgot-password' && h.flow.state.delivery).to.deep.equal({
      medium: 'EMAIL',
      destination: 'a***@e***.com',
      attribute: 'email',
    });
    expect(h.flow.state.error).to.equal(undefined);
  });

  it('sends the SecretHash with ForgotPassword for a client with a secret', async () => {
    const h = harness({ secretHash: async (username) => `hash-of-${username}` });
    h.cognito
      .on('initiateAuth', () => exception('PasswordResetRequiredException'))
      .on('forgotPassword', () => ({ CodeDeliveryDetails: { Destination: '+*******0100', DeliveryMedium: 'SMS' } }));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('forgotPassword')).to.deep.equal([{ ClientId: CLIENT, Username: 'ada', SecretHash: 'hash-of-ada' }]);
  });

  it('when no code can be sent: the forgot-password screen with the username kept and ForgotPassword’s error', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => exception('PasswordResetRequiredException'))
      .on('forgotPassword', () =>
        exception('InvalidParameterException', 'Cannot reset password for the user as there is no registered/verified email or phone_number'),
      );
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state).to.deep.include({ screen: 'forgot-password', username: 'ada', busy: false });
    expect(h.flow.state.error?.code).to.equal('no-recovery-destination');
    expect(h.flow.state.error?.message).to.match(/no verified email address or phone number/);
  });

  it('when ForgotPassword is throttled: the same, and the user can ask again from there', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => exception('PasswordResetRequiredException'))
      .on('forgotPassword', () => exception('LimitExceededException', 'Attempt limit exceeded, please try after some time.'), () => ({
        CodeDeliveryDetails: { Destination: 'a***@e***.com', DeliveryMedium: 'EMAIL' },
      }));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state).to.deep.include({ screen: 'forgot-password', username: 'ada' });
    expect(h.flow.state.error?.code).to.equal('limit-exceeded');
    await h.flow.forgotPassword({ username: 'ada' });
    expect(h.flow.state.screen).to.equal('confirm-forgot-password');
  });
});

describe('specific refusals get their own message (defect 6)', () => {
  it('SignUp not permitted -> sign-up-disabled on the sign-up screen', async () => {
    const h = harness();
    h.cognito.on('signUp', () => exception('NotAuthorizedException', 'SignUp is not permitted for this user pool'));
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada', password: PASSWORD, attributes: { email: 'ada@example.com' } });
    expect(h.flow.state.screen).to.equal('sign-up');
    expect(h.flow.state.error?.code).to.equal('sign-up-disabled');
    expect(h.flow.state.error?.message).to.not.equal('Incorrect username or password.');
  });

  it('ForgotPassword for an account that cannot be reset now -> password-reset-not-allowed', async () => {
    const h = harness();
    h.cognito.on('forgotPassword', () => exception('NotAuthorizedException', 'User password cannot be reset in the current state.'));
    h.flow.goTo('forgot-password', 'ada');
    await h.flow.forgotPassword({ username: 'ada' });
    expect(h.flow.state).to.deep.include({ screen: 'forgot-password', username: 'ada' });
    expect(h.flow.state.error?.code).to.equal('password-reset-not-allowed');
  });

  it('an expired temporary password at sign-in -> temporary-password-expired, not "Incorrect username or password."', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => exception('NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.screen).to.equal('sign-in');
    expect(h.flow.state.error?.code).to.equal('temporary-password-expired');
  });

  it('USER_SRP_AUTH not enabled for the app client -> auth-flow-not-enabled', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => exception('InvalidParameterException', 'USER_SRP_AUTH is not enabled for the client.'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.error?.code).to.equal('auth-flow-not-enabled');
  });
});
