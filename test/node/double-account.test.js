// The signed-in user's own account through the Cognito double (scripts/double/account.js, and cognito-local behind it
// for GetUser, UpdateUserAttributes and VerifyUserAttribute): what the account flow (src/account/) relies on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CognitoIdentityProviderClient, ChangePasswordCommand, SetUserMFAPreferenceCommand } from '@aws-sdk/client-cognito-identity-provider';
import { call, totp, useDouble, advanceClock } from './double-harness.js';

const ctx = useDouble();
const plain = () => ctx.seed.pools.plain;
const user = (name) => ctx.seed.users[name];
const signIn = async (username, password) =>
  call(ctx.endpoint, 'InitiateAuth', { ClientId: plain().clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } });
const accessTokenOf = async (name, password = user(name).password) => {
  const { status, json } = await signIn(user(name).username, password);
  assert.equal(status, 200, JSON.stringify(json));
  return json.AuthenticationResult;
};
const attributes = (json) => Object.fromEntries(json.UserAttributes.map((a) => [a.Name, a.Value]));
const error = (status, json) => ({ status, type: json.__type, message: json.message });

describe('double: ChangePassword (API_ChangePassword)', () => {
  it('a wrong current password is NotAuthorizedException "Incorrect username or password.", through AWS\'s SDK too', async () => {
    const { AccessToken } = await accessTokenOf('changepass');
    const raw = await call(ctx.endpoint, 'ChangePassword', { AccessToken, PreviousPassword: 'Wrong-Pass-123!', ProposedPassword: user('changepass').newPassword });
    assert.deepEqual(error(raw.status, raw.json), { status: 400, type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    const client = new CognitoIdentityProviderClient({ endpoint: ctx.endpoint, region: ctx.seed.region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    await assert.rejects(
      client.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: 'Wrong-Pass-123!', ProposedPassword: user('changepass').newPassword })),
      (e) => e.name === 'NotAuthorizedException',
    );
  });

  it('the policy applies to the proposed password; the right one changes it: the new signs in, the old does not', async () => {
    const u = user('changepass');
    const { AccessToken } = await accessTokenOf('changepass');
    const weak = await call(ctx.endpoint, 'ChangePassword', { AccessToken, PreviousPassword: u.password, ProposedPassword: 'short' });
    assert.equal(weak.json.__type, 'InvalidPasswordException');
    const ok = await call(ctx.endpoint, 'ChangePassword', { AccessToken, PreviousPassword: u.password, ProposedPassword: u.newPassword });
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.equal((await signIn(u.username, u.newPassword)).status, 200);
    assert.equal((await signIn(u.username, u.password)).json.__type, 'NotAuthorizedException');
  });
});

describe('double: profile attributes (API_GetUser, API_UpdateUserAttributes, API_VerifyUserAttribute, API_GetUserAttributeVerificationCode)', () => {
  it('a new email: a code is sent to it (masked), it is unverified until VerifyUserAttribute', async () => {
    const { AccessToken } = await accessTokenOf('profile');
    const before = await call(ctx.endpoint, 'GetUser', { AccessToken });
    assert.equal(attributes(before.json).email_verified, 'true');
    const update = await call(ctx.endpoint, 'UpdateUserAttributes', { AccessToken, UserAttributes: [{ Name: 'email', Value: 'pat.new@example.com' }] });
    assert.equal(update.status, 200, JSON.stringify(update.json));
    assert.deepEqual(update.json.CodeDeliveryDetailsList, [{ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'p***@e***' }]);
    const changed = attributes((await call(ctx.endpoint, 'GetUser', { AccessToken })).json);
    assert.equal(changed.email, 'pat.new@example.com');
    assert.equal(changed.email_verified, 'false');
    const wrong = await call(ctx.endpoint, 'VerifyUserAttribute', { AccessToken, AttributeName: 'email', Code: '000000' });
    assert.equal(wrong.json.__type, 'CodeMismatchException');
    const resend = await call(ctx.endpoint, 'GetUserAttributeVerificationCode', { AccessToken, AttributeName: 'email' });
    assert.deepEqual(resend.json, { CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'p***@e***' } });
    const verify = await call(ctx.endpoint, 'VerifyUserAttribute', { AccessToken, AttributeName: 'email', Code: ctx.seed.code });
    assert.equal(verify.status, 200, JSON.stringify(verify.json));
    assert.equal(attributes((await call(ctx.endpoint, 'GetUser', { AccessToken })).json).email_verified, 'true');
  });

  it('a code for an attribute the user does not have is InvalidParameterException', async () => {
    const { AccessToken } = await accessTokenOf('profile');
    const res = await call(ctx.endpoint, 'GetUserAttributeVerificationCode', { AccessToken, AttributeName: 'phone_number' });
    assert.equal(res.json.__type, 'InvalidParameterException');
  });
});

describe('double: SetUserMFAPreference keeps the preferred method (API_SetUserMFAPreference)', () => {
  it('TOTP added then preferred; a request about SMS only leaves it preferred; turning it off clears it', async () => {
    const u = user('totpsetup');
    const { AccessToken } = await accessTokenOf('totpsetup');
    const { json } = await call(ctx.endpoint, 'AssociateSoftwareToken', { AccessToken });
    const now = await advanceClock(ctx.endpoint, 0);
    const verified = await call(ctx.endpoint, 'VerifySoftwareToken', { AccessToken, UserCode: totp(json.SecretCode, now) });
    assert.equal(verified.json.Status, 'SUCCESS', JSON.stringify(verified.json));
    await call(ctx.endpoint, 'SetUserMFAPreference', { AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } });
    const sms = await call(ctx.endpoint, 'SetUserMFAPreference', { AccessToken, SMSMfaSettings: { Enabled: false } });
    assert.equal(sms.status, 200, JSON.stringify(sms.json));
    let got = (await call(ctx.endpoint, 'GetUser', { AccessToken })).json;
    assert.deepEqual([got.UserMFASettingList, got.PreferredMfaSetting], [['SOFTWARE_TOKEN_MFA'], 'SOFTWARE_TOKEN_MFA']);
    assert.equal((await signIn(u.username, u.password)).json.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    await call(ctx.endpoint, 'SetUserMFAPreference', { AccessToken, SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false } });
    got = (await call(ctx.endpoint, 'GetUser', { AccessToken })).json;
    assert.deepEqual([got.UserMFASettingList ?? [], got.PreferredMfaSetting], [[], undefined]);
    assert.ok((await signIn(u.username, u.password)).json.AuthenticationResult);
  });

  it('SMS for a user with no phone number is refused as Cognito does; with a number (even unverified) it is turned on', async () => {
    // Real Cognito: InvalidParameterException "User does not have delivery config set to turn on SMS_MFA" (scripts/double/account.js).
    const name = `nophone${Date.now().toString(36)}`;
    const password = 'Nophone-Pass-123!';
    await call(ctx.endpoint, 'SignUp', { ClientId: plain().clientId, Username: name, Password: password, UserAttributes: [{ Name: 'email', Value: `${name}@example.com` }] });
    await call(ctx.endpoint, 'ConfirmSignUp', { ClientId: plain().clientId, Username: name, ConfirmationCode: ctx.seed.code });
    const { AccessToken } = (await signIn(name, password)).json.AuthenticationResult;
    const refused = await call(ctx.endpoint, 'SetUserMFAPreference', { AccessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: true } });
    assert.deepEqual(error(refused.status, refused.json), {
      status: 400,
      type: 'InvalidParameterException',
      message: 'User does not have delivery config set to turn on SMS_MFA',
    });
    const client = new CognitoIdentityProviderClient({ endpoint: ctx.endpoint, region: ctx.seed.region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    await assert.rejects(
      client.send(new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true } })),
      (e) => e.name === 'InvalidParameterException' && e.message === 'User does not have delivery config set to turn on SMS_MFA',
    );
    let got = (await call(ctx.endpoint, 'GetUser', { AccessToken })).json;
    assert.deepEqual(got.UserMFASettingList ?? [], []);
    assert.ok((await signIn(name, password)).json.AuthenticationResult, 'still signs in without a second step');
    await call(ctx.endpoint, 'UpdateUserAttributes', { AccessToken, UserAttributes: [{ Name: 'phone_number', Value: '+15555550177' }] });
    const ok = await call(ctx.endpoint, 'SetUserMFAPreference', { AccessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: true } });
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    got = (await call(ctx.endpoint, 'GetUser', { AccessToken })).json;
    assert.deepEqual(got.UserMFASettingList, ['SMS_MFA']);
  });

  it('email MFA is refused: the seed\'s pools have no email MFA configuration', async () => {
    const { AccessToken } = await accessTokenOf('signin');
    const res = await call(ctx.endpoint, 'SetUserMFAPreference', { AccessToken, EmailMfaSettings: { Enabled: true } });
    assert.equal(res.json.__type, 'InvalidParameterException');
  });
});

describe('double: DeleteUser (API_DeleteUser)', () => {
  it('deletes the user: sign-in fails, the old access token and refresh token are refused', async () => {
    const name = `del${Date.now().toString(36)}`;
    const password = 'Deleteme-Pass-123!';
    const up = await call(ctx.endpoint, 'SignUp', { ClientId: plain().clientId, Username: name, Password: password, UserAttributes: [{ Name: 'email', Value: `${name}@example.com` }] });
    assert.equal(up.status, 200, JSON.stringify(up.json));
    await call(ctx.endpoint, 'ConfirmSignUp', { ClientId: plain().clientId, Username: name, ConfirmationCode: ctx.seed.code });
    const tokens = (await signIn(name, password)).json.AuthenticationResult;
    const deleted = await call(ctx.endpoint, 'DeleteUser', { AccessToken: tokens.AccessToken });
    assert.equal(deleted.status, 200, JSON.stringify(deleted.json));
    assert.equal((await signIn(name, password)).json.__type, 'NotAuthorizedException');
    const getUser = await call(ctx.endpoint, 'GetUser', { AccessToken: tokens.AccessToken });
    assert.equal(getUser.json.__type, 'NotAuthorizedException');
    const refresh = await call(ctx.endpoint, 'InitiateAuth', { ClientId: plain().clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } });
    assert.equal(refresh.json.__type, 'NotAuthorizedException');
  });
});

describe('double: the ID token\'s user claims (id-token.js)', () => {
  it('email_verified is false for an unverified address, at sign-in and after a refresh; standard attributes are there', async () => {
    const { AccessToken, RefreshToken } = await accessTokenOf('profile');
    await call(ctx.endpoint, 'UpdateUserAttributes', { AccessToken, UserAttributes: [{ Name: 'email', Value: 'pat.claims@example.com' }] });
    const signedIn = (await signIn(user('profile').username, user('profile').password)).json.AuthenticationResult;
    const claims = JSON.parse(Buffer.from(signedIn.IdToken.split('.')[1], 'base64url').toString('utf8'));
    assert.equal(claims.email, 'pat.claims@example.com');
    assert.equal(claims.email_verified, false);
    assert.equal(claims.given_name, 'Pat');
    assert.equal(claims.aud, plain().clientId);
    // Still a token of the pool: GetUser accepts the access token of the same answer, and the ID token verifies.
    const jwks = await (await fetch(`${ctx.endpoint}/${plain().id}/.well-known/jwks.json`)).json();
    const { createPublicKey, verify } = await import('node:crypto');
    const [h, p, s] = signedIn.IdToken.split('.');
    const key = createPublicKey({ key: jwks.keys[0], format: 'jwk' });
    assert.ok(verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url')));
    const refreshed = await call(ctx.endpoint, 'InitiateAuth', { ClientId: plain().clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: RefreshToken } });
    const after = JSON.parse(Buffer.from(refreshed.json.AuthenticationResult.IdToken.split('.')[1], 'base64url').toString('utf8'));
    assert.equal(after.email_verified, false);
  });
});
