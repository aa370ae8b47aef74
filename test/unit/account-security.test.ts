// The account flow's password and two-step verification sections at the CognitoApi seam: ChangePassword,
// SetUserMFAPreference, AssociateSoftwareToken and VerifySoftwareToken, with the errors each can raise.
import { expect } from 'chai';
import { exception } from '../support/fake-cognito.js';
import { ACCESS, getUserAnswer, sentAfterSignIn, signedInAccount } from './account-support.js';

const CURRENT = 'Correct-Horse-9';
const NEXT = 'Another-Horse-7';

describe('AccountFlow: password', () => {
  it('ChangePassword with the previous and the proposed password; account-updated "password"', async () => {
    const h = await signedInAccount();
    h.cognito.on('changePassword', () => ({}));
    await h.account.changePassword({ currentPassword: CURRENT, password: NEXT, confirmPassword: NEXT });
    expect(h.cognito.callsOf('changePassword')).to.deep.equal([{ AccessToken: ACCESS(h), PreviousPassword: CURRENT, ProposedPassword: NEXT }]);
    expect(h.account.state.password).to.deep.equal({ busy: false, notice: 'password-changed', error: undefined });
    expect(h.accountEvents).to.deep.equal([{ type: 'account-updated', section: 'password' }]);
    // Still signed in: Cognito does not end the session.
    expect(h.account.state.status).to.equal('ready');
  });

  it('a wrong current password says so, on the current password field (not "incorrect username or password")', async () => {
    const h = await signedInAccount();
    h.cognito.on('changePassword', () => exception('NotAuthorizedException', 'Incorrect username or password.'));
    await h.account.changePassword({ currentPassword: 'Wrong-Horse-1', password: NEXT });
    const error = h.account.state.password.error!;
    expect(error.code).to.equal('current-password-incorrect');
    expect(error.field).to.equal('current_password');
    expect(error.message).to.equal('Your current password is wrong. Check it and try again.');
    // A wrong current password is not a revoked session: still signed in.
    expect(h.account.state.status).to.equal('ready');
  });

  for (const [name, message, code, field] of [
    ['InvalidPasswordException', 'Password did not conform with policy: Password must have symbol characters', 'invalid-password', 'password'],
    ['PasswordHistoryPolicyViolationException', 'The password must not match a previous password.', 'password-history', 'password'],
    ['LimitExceededException', 'Attempt limit exceeded, please try after some time.', 'limit-exceeded', undefined],
  ] as const) {
    it(`${name} -> ${code}`, async () => {
      const h = await signedInAccount();
      h.cognito.on('changePassword', () => exception(name, message));
      await h.account.changePassword({ currentPassword: CURRENT, password: NEXT });
      expect(h.account.state.password.error).to.deep.include({ code, field });
      expect(h.accountEvents).to.deep.include({ type: 'error', error: h.account.state.password.error, section: 'password' });
    });
  }

  it('checks before sending: the current password, the policy, the confirmation', async () => {
    const h = await signedInAccount({}, { passwordPolicy: JSON.stringify({ MinimumLength: 12, RequireSymbols: true }) });
    await h.account.changePassword({ currentPassword: '', password: NEXT });
    expect(h.account.state.password.error).to.deep.include({ code: 'required-field', field: 'current_password', message: 'Fill in Current password.' });
    await h.account.changePassword({ currentPassword: CURRENT, password: 'Short-1' });
    expect(h.account.state.password.error).to.deep.include({ code: 'password-policy', field: 'password' });
    await h.account.changePassword({ currentPassword: CURRENT, password: 'Another-Horse-7!', confirmPassword: 'Another-Horse-8!' });
    expect(h.account.state.password.error).to.deep.include({ code: 'passwords-do-not-match', field: 'confirm_password' });
    expect(sentAfterSignIn(h)).to.deep.equal([]);
  });
});

describe('AccountFlow: two-step verification', () => {
  it('turning the authenticator app off: SetUserMFAPreference, then GetUser shows it off', async () => {
    const h = await signedInAccount();
    h.cognito
      .on('getUser', () => getUserAnswer({}, { list: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' }), () => getUserAnswer())
      .on('setUserMfaPreference', () => ({}));
    await h.account.load();
    await h.account.setMfaEnabled({ type: 'SOFTWARE_TOKEN_MFA', enabled: false });
    expect(h.cognito.callsOf('setUserMfaPreference')).to.deep.equal([{ AccessToken: ACCESS(h), SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false } }]);
    expect(h.account.state.user!.mfaEnabled).to.deep.equal([]);
    expect(h.account.state.mfa.notice).to.equal('mfa-updated');
    expect(h.accountEvents).to.deep.equal([{ type: 'account-updated', section: 'mfa' }]);
  });

  it('turning on a method the page offers (preferred when none is), and refusing one it does not', async () => {
    const h = await signedInAccount({ mfaTypes: 'SOFTWARE_TOKEN_MFA EMAIL_OTP' });
    h.cognito.on('getUser', () => getUserAnswer()).on('setUserMfaPreference', () => ({}));
    await h.account.setMfaEnabled({ type: 'EMAIL_OTP', enabled: true });
    expect(h.cognito.callsOf('setUserMfaPreference')).to.deep.equal([{ AccessToken: ACCESS(h), EmailMfaSettings: { Enabled: true, PreferredMfa: true } }]);
    await h.account.setMfaEnabled({ type: 'SMS_MFA', enabled: true });
    expect(h.account.state.mfa.error).to.deep.include({ code: 'invalid-parameter', field: 'mfa' });
    expect(h.cognito.callsOf('setUserMfaPreference')).to.have.length(1);
  });

  it('setPreferredMfa: Enabled and PreferredMfa for that method; Cognito\'s refusals land in the section', async () => {
    const h = await signedInAccount({ mfaTypes: 'SOFTWARE_TOKEN_MFA SMS_MFA' });
    h.cognito
      .on('getUser', () => getUserAnswer({}, { list: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' }))
      .on(
        'setUserMfaPreference',
        () => ({}),
        () => exception('InvalidParameterException', 'User does not have delivery config set to turn on SMS_MFA'),
        () => exception('InvalidParameterException', 'Invalid request'),
      );
    await h.account.setPreferredMfa({ type: 'SMS_MFA' });
    expect(h.cognito.callsOf('setUserMfaPreference')[0]).to.deep.equal({ AccessToken: ACCESS(h), SMSMfaSettings: { Enabled: true, PreferredMfa: true } });
    // No phone number to send codes to: said as such (the row then asks for one).
    await h.account.setPreferredMfa({ type: 'SMS_MFA' });
    expect(h.account.state.mfa.error?.code).to.equal('sms-mfa-needs-phone');
    await h.account.setPreferredMfa({ type: 'SMS_MFA' });
    expect(h.account.state.mfa.error?.code).to.equal('invalid-parameter');
  });

  it('adding an authenticator app: the secret and otpauth URI, then VerifySoftwareToken and SetUserMFAPreference', async () => {
    const h = await signedInAccount({}, { totpIssuer: 'Example' });
    h.cognito
      .on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }))
      .on('verifySoftwareToken', () => ({ Status: 'SUCCESS' }))
      .on('getUser', () => getUserAnswer(), () => getUserAnswer({}, { list: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' }))
      .on('setUserMfaPreference', () => ({}));
    await h.account.startTotpSetup();
    expect(h.cognito.callsOf('associateSoftwareToken')).to.deep.equal([{ AccessToken: ACCESS(h) }]);
    const setup = h.account.state.mfa.totpSetup!;
    expect(setup.secret).to.equal('JBSWY3DPEHPK3PXP');
    expect(setup.uri).to.equal('otpauth://totp/Example:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Example&algorithm=SHA1&digits=6&period=30');
    await h.account.verifyTotp({ code: '123 456', deviceName: ' Work phone ' });
    expect(h.cognito.callsOf('verifySoftwareToken')).to.deep.equal([{ AccessToken: ACCESS(h), UserCode: '123456', FriendlyDeviceName: 'Work phone' }]);
    expect(h.cognito.callsOf('setUserMfaPreference')).to.deep.equal([{ AccessToken: ACCESS(h), SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }]);
    expect(h.account.state.mfa).to.deep.include({ totpSetup: undefined, notice: 'totp-enabled' });
    expect(h.account.state.user!.mfaEnabled).to.deep.equal(['SOFTWARE_TOKEN_MFA']);
  });

  for (const [name, message, code] of [
    ['CodeMismatchException', 'Invalid code received for user', 'totp-verification-failed'],
    ['EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA', 'totp-verification-failed'],
    ['ExpiredCodeException', 'Your software token has already been used once.', 'totp-code-reused'],
  ] as const) {
    it(`VerifySoftwareToken ${name} -> ${code}; the set-up stays open, MFA unchanged`, async () => {
      const h = await signedInAccount();
      h.cognito.on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' })).on('verifySoftwareToken', () => exception(name, message));
      await h.account.startTotpSetup();
      await h.account.verifyTotp({ code: '123456' });
      expect(h.account.state.mfa.error).to.deep.include({ code, field: 'code' });
      expect(h.account.state.mfa.totpSetup?.secret).to.equal('JBSWY3DPEHPK3PXP');
      expect(h.cognito.callsOf('setUserMfaPreference')).to.deep.equal([]);
    });
  }

  it('cancelTotpSetup forgets the secret and sends nothing', async () => {
    const h = await signedInAccount();
    h.cognito.on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }));
    await h.account.startTotpSetup();
    h.account.cancelTotpSetup();
    expect(h.account.state.mfa.totpSetup).to.equal(undefined);
    expect(sentAfterSignIn(h)).to.deep.equal(['associateSoftwareToken']);
  });
});
