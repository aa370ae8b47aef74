// The account flow's profile section at the CognitoApi seam: GetUser, UpdateUserAttributes, DeleteUserAttributes,
// VerifyUserAttribute, GetUserAttributeVerificationCode, and what every account request shares (no session, fresh
// tokens, a revoked or expired access token).
import { expect } from 'chai';
import { authResult, exception } from '../support/fake-cognito.js';
import { ACCESS, getUserAnswer, sentAfterSignIn, signedInAccount, signedOutEvents, signInAda } from './account-support.js';

const EMAIL_SENT = { CodeDeliveryDetailsList: [{ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@n***' }] };

describe('AccountFlow: no one signed in', () => {
  it('says so and sends nothing, whatever the intent', async () => {
    const h = await signedInAccount({}, {}, false);
    expect(h.account.state.status).to.equal('signed-out');
    await h.account.load();
    await h.account.changePassword({ currentPassword: 'Correct-Horse-9', password: 'Another-Horse-7' });
    await h.account.deleteAccount({ confirmation: 'DELETE', expected: 'DELETE' });
    await h.account.loadDevices();
    expect(h.cognito.calls).to.deep.equal([]);
    expect(h.accountEvents).to.deep.equal([]);
    expect(h.account.state.status).to.equal('signed-out');
  });

  it('follows the AuthFlow: ready once signed in, signed-out (no error) after a plain sign-out', async () => {
    const h = await signedInAccount({}, {}, false);
    h.cognito.on('revokeToken', () => ({}));
    signInAda(h);
    expect(h.account.state).to.deep.include({ status: 'ready', username: 'ada' });
    await h.flow.signOut();
    expect(h.account.state).to.deep.include({ status: 'signed-out', username: '', error: undefined });
  });
});

describe('AccountFlow: profile', () => {
  it('updateProfile never empties a sign-in name of the pool (username-attributes), even when the page does not say so', async () => {
    const h = await signedInAccount({ attributes: 'given_name email phone_number' }, { usernameAttributes: 'email' });
    h.cognito.on('getUser', () => getUserAnswer({ phone_number: '+14155550100' }));
    await h.account.load();
    const calls = h.cognito.calls.length;
    await h.account.updateProfile({ attributes: { given_name: 'Ada', email: '  ', phone_number: '' } });
    expect(h.account.state.profile.error).to.deep.include({ code: 'required-field', field: 'email' });
    expect(h.account.state.profile.notice).to.equal(undefined);
    expect(h.cognito.calls.slice(calls)).to.deep.equal([]);
    // Not a sign-in name in this pool: emptied with DeleteUserAttributes.
    h.cognito.on('deleteUserAttributes', () => ({}));
    await h.account.updateProfile({ attributes: { given_name: 'Ada', email: 'ada@example.com', phone_number: '' } });
    expect(h.cognito.callsOf('deleteUserAttributes')).to.deep.equal([{ AccessToken: ACCESS(h), UserAttributeNames: ['phone_number'] }]);
  });

  it('load: GetUser with the access token; attributes, unverified contacts and MFA settings in the state', async () => {
    const h = await signedInAccount();
    h.cognito.on('getUser', () => getUserAnswer({ phone_number: '+14155550100', phone_number_verified: 'false' }, { list: ['SOFTWARE_TOKEN_MFA'], preferred: 'SOFTWARE_TOKEN_MFA' }));
    await h.account.load();
    expect(h.cognito.callsOf('getUser')).to.deep.equal([{ AccessToken: ACCESS(h) }]);
    const user = h.account.state.user!;
    expect(user.attributes).to.deep.include({ email: 'ada@example.com', given_name: 'Ada', phone_number: '+14155550100' });
    expect(user.unverified).to.deep.equal(['phone_number']);
    expect(user.mfaEnabled).to.deep.equal(['SOFTWARE_TOKEN_MFA']);
    expect(user.mfaPreferred).to.equal('SOFTWARE_TOKEN_MFA');
    expect(h.account.state.profile).to.deep.include({ busy: false, editable: ['given_name', 'email'] });
  });

  it('updateProfile sends only the changed attributes; a new email is sent a code and shows unverified', async () => {
    const h = await signedInAccount({ attributes: 'given_name family_name email custom:tier' });
    h.cognito
      .on('getUser', () => getUserAnswer({ family_name: 'Lovelace' }), () => getUserAnswer({ email: 'ada@new.example', email_verified: 'false', 'custom:tier': 'gold' }))
      .on('updateUserAttributes', () => EMAIL_SENT);
    await h.account.updateProfile({ attributes: { given_name: ' Ada ', family_name: 'Lovelace', email: 'ada@new.example', 'custom:tier': 'gold' } });
    expect(h.cognito.callsOf('updateUserAttributes')).to.deep.equal([
      {
        AccessToken: ACCESS(h),
        UserAttributes: [
          { Name: 'email', Value: 'ada@new.example' },
          { Name: 'custom:tier', Value: 'gold' },
        ],
      },
    ]);
    expect(h.account.state.profile.verifying).to.deep.equal([{ attribute: 'email', delivery: { medium: 'EMAIL', destination: 'a***@n***', attribute: 'email' } }]);
    expect(h.account.state.profile.notice).to.equal('code-sent');
    expect(h.account.state.user!.unverified).to.deep.equal(['email']);
    expect(h.accountEvents).to.deep.equal([{ type: 'account-updated', section: 'profile', attributes: ['email', 'custom:tier'] }]);
  });

  it('a cleared field is removed with DeleteUserAttributes; nothing changed sends nothing', async () => {
    const h = await signedInAccount({ attributes: 'given_name nickname' });
    h.cognito.on('getUser', () => getUserAnswer({ nickname: 'Countess' })).on('deleteUserAttributes', () => ({}));
    await h.account.updateProfile({ attributes: { given_name: 'Ada', nickname: '' } });
    expect(h.cognito.callsOf('deleteUserAttributes')).to.deep.equal([{ AccessToken: ACCESS(h), UserAttributeNames: ['nickname'] }]);
    expect(h.cognito.callsOf('updateUserAttributes')).to.deep.equal([]);
    const before = h.cognito.calls.length;
    await h.account.updateProfile({ attributes: { given_name: 'Ada' } });
    expect(h.cognito.calls.length).to.equal(before);
    expect(h.account.state.profile.notice).to.equal('profile-saved');
  });

  it('checks before sending: an attribute the page did not list, a required one left empty, a phone without country code', async () => {
    const h = await signedInAccount({ attributes: 'given_name phone_number' });
    h.cognito.on('getUser', () => getUserAnswer());
    await h.account.updateProfile({ attributes: { email: 'evil@example.com' } });
    expect(h.account.state.profile.error).to.deep.include({ code: 'attribute-not-writable', field: 'email' });
    await h.account.updateProfile({ attributes: { given_name: ' ' }, requiredAttributes: ['given_name'] });
    expect(h.account.state.profile.error).to.deep.include({ code: 'required-field', field: 'given_name' });
    await h.account.updateProfile({ attributes: { phone_number: '4155550100' } });
    expect(h.account.state.profile.error).to.deep.include({ code: 'invalid-phone-number', field: 'phone_number' });
    expect(sentAfterSignIn(h)).to.deep.equal([]);
  });

  it('UpdateUserAttributes refused: AliasExists and InvalidParameter land in the section, with an error event', async () => {
    const h = await signedInAccount();
    h.cognito.on('getUser', () => getUserAnswer()).on('updateUserAttributes', () => exception('AliasExistsException', 'An account with the given email already exists.'));
    await h.account.updateProfile({ attributes: { email: 'grace@example.com' } });
    expect(h.account.state.profile).to.deep.include({ busy: false });
    expect(h.account.state.profile.error?.code).to.equal('alias-exists');
    expect(h.accountEvents).to.have.length(1);
    expect(h.accountEvents[0]).to.deep.include({ type: 'error', section: 'profile' });
  });

  it('verifyAttribute: VerifyUserAttribute, GetUser, a token renewal (fresh claims), then email-verified', async () => {
    const h = await signedInAccount();
    h.cognito
      .on('getUser', () => getUserAnswer())
      .on('verifyUserAttribute', () => ({}))
      .on('getTokensFromRefreshToken', () => authResult('ada'));
    const token = ACCESS(h);
    await h.account.verifyAttribute({ attribute: 'email', code: ' 123 456 ' });
    expect(h.cognito.callsOf('verifyUserAttribute')).to.deep.equal([{ AccessToken: token, AttributeName: 'email', Code: '123456' }]);
    expect(h.cognito.callsOf('getTokensFromRefreshToken')).to.have.length(1);
    expect(h.account.state.profile.notice).to.equal('attribute-verified');
    expect(h.accountEvents).to.deep.equal([{ type: 'account-updated', section: 'email-verified' }]);
  });

  for (const [name, message, code] of [
    ['CodeMismatchException', 'Invalid verification code provided, please try again.', 'code-mismatch'],
    ['ExpiredCodeException', 'Invalid code provided, please request a code again.', 'code-expired'],
    ['LimitExceededException', 'Attempt limit exceeded, please try after some time.', 'limit-exceeded'],
  ] as const) {
    it(`verifyAttribute: ${name} -> ${code}, nothing else sent`, async () => {
      const h = await signedInAccount();
      h.cognito.on('verifyUserAttribute', () => exception(name, message));
      await h.account.verifyAttribute({ attribute: 'email', code: '123456' });
      expect(h.account.state.profile.error?.code).to.equal(code);
      if (code !== 'limit-exceeded') expect(h.account.state.profile.error?.field).to.equal('code');
      expect(sentAfterSignIn(h)).to.deep.equal(['verifyUserAttribute']);
    });
  }

  it('sendVerificationCode: GetUserAttributeVerificationCode; LimitExceeded -> limit-exceeded', async () => {
    const h = await signedInAccount();
    h.cognito.on(
      'getUserAttributeVerificationCode',
      () => ({ CodeDeliveryDetails: { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: '+*******0100' } }),
      () => exception('LimitExceededException', 'Attempt limit exceeded, please try after some time.'),
    );
    await h.account.sendVerificationCode({ attribute: 'phone_number' });
    expect(h.cognito.callsOf('getUserAttributeVerificationCode')).to.deep.equal([{ AccessToken: ACCESS(h), AttributeName: 'phone_number' }]);
    expect(h.account.state.profile.verifying).to.deep.equal([{ attribute: 'phone_number', delivery: { medium: 'SMS', destination: '+*******0100', attribute: 'phone_number' } }]);
    await h.account.sendVerificationCode({ attribute: 'phone_number' });
    expect(h.account.state.profile.error?.code).to.equal('limit-exceeded');
  });
});

describe('AccountFlow: the access token', () => {
  it('is renewed first when about to expire, and the request carries the new one', async () => {
    const h = await signedInAccount();
    h.cognito.on('getTokensFromRefreshToken', () => authResult('ada')).on('getUser', () => getUserAnswer());
    const old = ACCESS(h);
    h.clock.time = h.flow.session!.tokens.expiresAt - 30_000;
    await h.account.load();
    expect(sentAfterSignIn(h)).to.deep.equal(['getTokensFromRefreshToken', 'getUser']);
    expect(h.cognito.callsOf('getUser')[0]!.AccessToken).to.equal(ACCESS(h)).and.not.equal(old);
  });

  it('"Access Token has expired" from Cognito: renewed once and sent again', async () => {
    const h = await signedInAccount();
    h.cognito
      .on('getUser', () => exception('NotAuthorizedException', 'Access Token has expired'), () => getUserAnswer())
      .on('getTokensFromRefreshToken', () => authResult('ada'));
    await h.account.load();
    expect(sentAfterSignIn(h)).to.deep.equal(['getUser', 'getTokensFromRefreshToken', 'getUser']);
    expect(h.account.state.user?.username).to.equal('ada');
    expect(h.account.state.profile.error).to.equal(undefined);
  });

  it('revoked: the page is signed out (signed-out "revoked"), saying so in both flows', async () => {
    const h = await signedInAccount();
    h.cognito.on('getUser', () => exception('NotAuthorizedException', 'Access Token has been revoked')).on('revokeToken', () => ({}));
    await h.account.load();
    expect(h.account.state.status).to.equal('signed-out');
    expect(h.account.state.error?.code).to.equal('session-revoked');
    expect(signedOutEvents(h.events)).to.deep.equal([{ type: 'signed-out', reason: 'revoked' }]);
    expect(h.flow.state).to.deep.include({ screen: 'sign-in' });
    expect(h.flow.state.error?.code).to.equal('session-revoked');
    expect(h.flow.session).to.equal(undefined);
  });

  it('expired and the refresh refused: signed out with session-expired, the request never sent', async () => {
    const h = await signedInAccount();
    h.cognito.on('getTokensFromRefreshToken', () => exception('NotAuthorizedException', 'Refresh Token has been revoked'));
    h.clock.time = h.flow.session!.tokens.expiresAt + 1000;
    await h.account.load();
    expect(h.cognito.callsOf('getUser')).to.deep.equal([]);
    expect(h.account.state.status).to.equal('signed-out');
    expect(h.account.state.error?.code).to.equal('session-expired');
    expect(signedOutEvents(h.events)).to.deep.equal([{ type: 'signed-out', reason: 'refresh-failed' }]);
  });

  it('a second intent on a busy section is ignored (double submit)', async () => {
    const h = await signedInAccount();
    let answer!: () => void;
    h.cognito.on('getUser', () => new Promise((resolve) => (answer = () => resolve(getUserAnswer()))));
    const first = h.account.load();
    await Promise.resolve();
    expect(h.account.state.profile.busy).to.equal(true);
    await h.account.load();
    await new Promise((r) => setTimeout(r));
    answer();
    await first;
    expect(h.cognito.callsOf('getUser')).to.have.length(1);
    expect(h.account.state.profile.busy).to.equal(false);
  });
});
