import { expect } from 'chai';
import { authResult, CLIENT, exception, harness } from '../support/fake-cognito.js';

const PASSWORD = 'Correct-Horse-9';
const EMAIL_DELIVERY = { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com', AttributeName: 'email' } };

describe('AuthFlow sign-up', () => {
  it('email usernames: sends the email as Username and as the email attribute, with the other attributes', async () => {
    const h = harness({ usernameAttributes: 'email', signUpAttributes: 'given_name custom:tier' });
    h.cognito.on('signUp', () => ({ UserConfirmed: false, UserSub: 'sub-1', ...EMAIL_DELIVERY }));
    h.flow.goTo('sign-up');
    await h.flow.signUp({
      username: 'ada@example.com',
      password: PASSWORD,
      confirmPassword: PASSWORD,
      attributes: { given_name: ' Ada ', 'custom:tier': 'gold', family_name: '' },
    });
    expect(h.cognito.callsOf('signUp')).to.deep.equal([
      {
        ClientId: CLIENT,
        Username: 'ada@example.com',
        Password: PASSWORD,
        UserAttributes: [
          { Name: 'given_name', Value: 'Ada' },
          { Name: 'custom:tier', Value: 'gold' },
          { Name: 'email', Value: 'ada@example.com' },
        ],
      },
    ]);
    expect(h.flow.state).to.deep.include({ screen: 'confirm-sign-up', username: 'ada@example.com', busy: false });
    expect(h.flow.state.screen === 'confirm-sign-up' && h.flow.state.delivery?.destination).to.equal('a***@e***.com');
    expect(h.events).to.deep.equal([{ type: 'signed-up', username: 'ada@example.com', userSub: 'sub-1', confirmed: false }]);
  });

  it('email-or-phone usernames: a phone number becomes the phone_number attribute', async () => {
    const h = harness({ usernameAttributes: ['email', 'phone_number'] });
    h.cognito.on('signUp', () => ({ UserConfirmed: false, UserSub: 's', CodeDeliveryDetails: { DeliveryMedium: 'SMS', Destination: '+*******0101' } }));
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: '+14155550101', password: PASSWORD });
    expect(h.cognito.callsOf('signUp')[0]!.UserAttributes).to.deep.equal([{ Name: 'phone_number', Value: '+14155550101' }]);
  });

  it('plain usernames send no username attribute; confirming signs in with the password just typed', async () => {
    const h = harness({ signUpAttributes: 'email' });
    h.cognito
      .on('signUp', () => ({ UserConfirmed: false, UserSub: 'sub-2', ...EMAIL_DELIVERY }))
      .on('confirmSignUp', () => ({}))
      .on('initiateAuth', () => authResult('ada'));
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada', password: PASSWORD, attributes: { email: 'ada@example.com' } });
    expect(h.cognito.callsOf('signUp')[0]!.UserAttributes).to.deep.equal([{ Name: 'email', Value: 'ada@example.com' }]);
    await h.flow.confirmSignUp({ code: '123456' });
    expect(h.cognito.callsOf('confirmSignUp')).to.deep.equal([{ ClientId: CLIENT, Username: 'ada', ConfirmationCode: '123456' }]);
    expect(h.cognito.callsOf('initiateAuth')).to.deep.equal([
      { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT, AuthParameters: { USERNAME: 'ada', PASSWORD } },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.events.map((e) => e.type)).to.deep.equal(['signed-up', 'signed-in']);
  });

  it('an auto-confirmed account (pre sign-up trigger) is signed in at once', async () => {
    const h = harness();
    h.cognito.on('signUp', () => ({ UserConfirmed: true, UserSub: 'sub-3' })).on('initiateAuth', () => authResult());
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('checks the password policy and the confirmation before sending anything', async () => {
    const h = harness({ passwordPolicy: '{"MinimumLength":10,"RequireNumbers":true}' });
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada', password: 'abcdefghij' });
    expect(h.flow.state.error).to.deep.include({ code: 'password-policy', field: 'password' });
    await h.flow.signUp({ username: 'ada', password: 'abcdefghi1', confirmPassword: 'abcdefghi2' });
    expect(h.flow.state.error).to.deep.include({ code: 'passwords-do-not-match', field: 'confirm_password' });
    expect(h.cognito.calls).to.have.length(0);
  });

  it('UsernameExistsException and InvalidPasswordException stay on sign-up with their own errors', async () => {
    const h = harness();
    h.cognito.on(
      'signUp',
      () => exception('UsernameExistsException', 'User already exists'),
      () => exception('InvalidPasswordException', 'Password did not conform with policy'),
    );
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada', password: PASSWORD });
    expect(h.flow.state).to.deep.include({ screen: 'sign-up', busy: false });
    expect(h.flow.state.error?.code).to.equal('username-exists');
    await h.flow.signUp({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.error?.code).to.equal('invalid-password');
  });

  it('a wrong confirmation code shows code-mismatch; resending shows the new destination and a notice', async () => {
    const h = harness();
    h.cognito
      .on('signUp', () => ({ UserConfirmed: false, UserSub: 's', ...EMAIL_DELIVERY }))
      .on('confirmSignUp', () => exception('CodeMismatchException', 'Invalid verification code provided, please try again.'))
      .on('resendConfirmationCode', () => ({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'b***@e***.com' } }));
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada', password: PASSWORD });
    await h.flow.confirmSignUp({ code: '000000' });
    expect(h.flow.state).to.deep.include({ screen: 'confirm-sign-up', busy: false });
    expect(h.flow.state.error?.code).to.equal('code-mismatch');
    await h.flow.resendSignUpCode();
    expect(h.cognito.callsOf('resendConfirmationCode')).to.deep.equal([{ ClientId: CLIENT, Username: 'ada' }]);
    expect(h.flow.state).to.deep.include({ screen: 'confirm-sign-up', notice: 'code-resent' });
    expect(h.flow.state.error).to.equal(undefined);
  });

  it('SignUp, ConfirmSignUp and ResendConfirmationCode carry SecretHash when the client has a secret', async () => {
    const h = harness({ secretHash: (u) => `h(${u})` });
    h.cognito
      .on('signUp', () => ({ UserConfirmed: false, UserSub: 's' }))
      .on('resendConfirmationCode', () => ({}))
      .on('confirmSignUp', () => ({}))
      .on('initiateAuth', () => authResult());
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada', password: PASSWORD });
    await h.flow.resendSignUpCode();
    await h.flow.confirmSignUp({ code: '123456' });
    expect(h.cognito.callsOf('signUp')[0]!.SecretHash).to.equal('h(ada)');
    expect(h.cognito.callsOf('resendConfirmationCode')[0]!.SecretHash).to.equal('h(ada)');
    expect(h.cognito.callsOf('confirmSignUp')[0]!.SecretHash).to.equal('h(ada)');
  });
});

describe('AuthFlow password reset', () => {
  it('ForgotPassword, then ConfirmForgotPassword, then back to sign-in with a success notice', async () => {
    const h = harness();
    h.cognito
      .on('forgotPassword', () => EMAIL_DELIVERY)
      .on('confirmForgotPassword', () => ({}));
    h.flow.goTo('forgot-password');
    await h.flow.forgotPassword({ username: ' ada ' });
    expect(h.cognito.callsOf('forgotPassword')).to.deep.equal([{ ClientId: CLIENT, Username: 'ada' }]);
    expect(h.flow.state).to.deep.include({ screen: 'confirm-forgot-password', username: 'ada' });
    await h.flow.confirmForgotPassword({ code: '123456', password: PASSWORD, confirmPassword: 'nope' });
    expect(h.flow.state.error).to.deep.include({ code: 'passwords-do-not-match' });
    expect(h.cognito.callsOf('confirmForgotPassword')).to.have.length(0);
    await h.flow.confirmForgotPassword({ code: '123456', password: PASSWORD, confirmPassword: PASSWORD });
    expect(h.cognito.callsOf('confirmForgotPassword')).to.deep.equal([
      { ClientId: CLIENT, Username: 'ada', ConfirmationCode: '123456', Password: PASSWORD },
    ]);
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'ada', notice: 'password-changed', busy: false });
  });

  it('resending the reset code calls ForgotPassword again and says so', async () => {
    const h = harness();
    h.cognito.on('forgotPassword', () => EMAIL_DELIVERY);
    h.flow.goTo('forgot-password');
    await h.flow.forgotPassword({ username: 'ada' });
    await h.flow.resendForgotPasswordCode();
    expect(h.cognito.callsOf('forgotPassword')).to.have.length(2);
    expect(h.flow.state).to.deep.include({ screen: 'confirm-forgot-password', notice: 'code-resent' });
  });

  it('an expired code and a too-weak password are reported on the confirm screen', async () => {
    const h = harness();
    h.cognito
      .on('forgotPassword', () => EMAIL_DELIVERY)
      .on('confirmForgotPassword', () => exception('ExpiredCodeException', 'Invalid code provided, please request a code again.'));
    h.flow.goTo('forgot-password');
    await h.flow.forgotPassword({ username: 'ada' });
    await h.flow.confirmForgotPassword({ code: '123456', password: 'weak' });
    expect(h.flow.state.error?.code).to.equal('password-policy');
    await h.flow.confirmForgotPassword({ code: '123456', password: PASSWORD });
    expect(h.flow.state).to.deep.include({ screen: 'confirm-forgot-password' });
    expect(h.flow.state.error?.code).to.equal('code-expired');
  });

  it('LimitExceededException on ForgotPassword is shown, not retried', async () => {
    const h = harness();
    h.cognito.on('forgotPassword', () => exception('LimitExceededException', 'Attempt limit exceeded, please try after some time.'));
    h.flow.goTo('forgot-password');
    await h.flow.forgotPassword({ username: 'ada' });
    await h.clock.advance(120_000);
    expect(h.flow.state).to.deep.include({ screen: 'forgot-password' });
    expect(h.flow.state.error?.code).to.equal('limit-exceeded');
    expect(h.cognito.callsOf('forgotPassword')).to.have.length(1);
  });
});

describe('AuthFlow sign-up required attributes', () => {
  it('checks required attributes in form order before the password, and sends nothing', async () => {
    const h = harness({ signUpAttributes: 'given_name family_name' });
    h.flow.goTo('sign-up');
    await h.flow.signUp({
      username: 'ada',
      password: 'weak',
      attributes: { given_name: 'Ada', family_name: '  ' },
      requiredAttributes: ['given_name', 'family_name'],
    });
    expect(h.flow.state.error).to.deep.include({ code: 'required-field', field: 'family_name' });
    expect(h.cognito.calls).to.have.length(0);
  });
});
