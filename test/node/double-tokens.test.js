// Rules B and C of the Cognito double (scripts/double/tokens.js, scripts/double/refresh.js): every access-token call
// checks the token's signature (the JWKS cognito-local serves), its expiry on the double's clock and its revocation;
// RevokeToken revokes a refresh token and the access tokens issued from it; GlobalSignOut every session of the user.
// GlobalSignOut and GetUser also go through AWS's own SDK (@aws-sdk/client-cognito-identity-provider).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CognitoIdentityProviderClient, GetUserCommand, GlobalSignOutCommand, RevokeTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { advanceClock, call, jwtClaims, useDouble } from './double-harness.js';

const ctx = useDouble();
const plain = () => ctx.seed.pools.plain;
const signIn = async (user) => {
  const { status, json } = await call(ctx.endpoint, 'InitiateAuth', {
    ClientId: plain().clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
  });
  assert.equal(status, 200, JSON.stringify(json));
  return json.AuthenticationResult;
};
const refresh = (REFRESH_TOKEN) =>
  call(ctx.endpoint, 'InitiateAuth', { ClientId: plain().clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN } });
const notAuthorized = (message) => ({ __type: 'NotAuthorizedException', message });
const sdk = () =>
  new CognitoIdentityProviderClient({ endpoint: ctx.endpoint, region: ctx.seed.region, credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
const rejected = async (promise) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the request to fail');
};

/** A token with the same header and claims but a signature that is not the JWKS key's. */
function forged(token) {
  const [header, payload, signature] = token.split('.');
  const bytes = Buffer.from(signature, 'base64url');
  bytes[0] ^= 0xff;
  return `${header}.${payload}.${bytes.toString('base64url')}`;
}
/** The claims changed (username), the signature kept: the signature no longer matches. */
function tampered(token) {
  const [header, payload, signature] = token.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), username: 'signin' };
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

// Every operation that takes the signed-in user's AccessToken, with the least input that reaches the token check.
const ACCESS_TOKEN_OPERATIONS = {
  GetUser: {},
  ChangePassword: { PreviousPassword: 'TokenuserPass-123!', ProposedPassword: 'TokenuserNew-456!' },
  GlobalSignOut: {},
  AssociateSoftwareToken: {},
  VerifySoftwareToken: { UserCode: '123456' },
  SetUserMFAPreference: { SoftwareTokenMfaSettings: { Enabled: false } },
  UpdateUserAttributes: { UserAttributes: [{ Name: 'given_name', Value: 'Mallory' }] },
  DeleteUserAttributes: { UserAttributeNames: ['given_name'] },
  VerifyUserAttribute: { AttributeName: 'email', Code: '123456' },
  GetUserAttributeVerificationCode: { AttributeName: 'email' },
  DeleteUser: {},
  SetUserSettings: { MFAOptions: [] },
  ConfirmDevice: { DeviceKey: 'us-east-1_x', DeviceSecretVerifierConfig: { PasswordVerifier: 'x', Salt: 'x' } },
  ListDevices: {},
  GetDevice: { DeviceKey: 'us-east-1_x' },
  ForgetDevice: { DeviceKey: 'us-east-1_x' },
  UpdateDeviceStatus: { DeviceKey: 'us-east-1_x', DeviceRememberedStatus: 'remembered' },
};

describe('double rule B: access tokens are verified on every access-token call (signature, token_use)', () => {
  it('a forged or tampered AccessToken is "Invalid Access Token" on every operation, and changes nothing', async () => {
    const tokens = await signIn(ctx.seed.users.tokenuser);
    for (const [operation, input] of Object.entries(ACCESS_TOKEN_OPERATIONS)) {
      for (const AccessToken of [forged(tokens.AccessToken), tampered(tokens.AccessToken), tokens.IdToken, 'not-a-jwt']) {
        const { status, json } = await call(ctx.endpoint, operation, { ...input, AccessToken });
        assert.equal(status, 400, `${operation}: ${JSON.stringify(json)}`);
        assert.deepEqual(json, notAuthorized('Invalid Access Token'), operation);
      }
    }
    // The user is still there, unchanged, and the real token still works.
    const me = await call(ctx.endpoint, 'GetUser', { AccessToken: tokens.AccessToken });
    assert.equal(me.status, 200, JSON.stringify(me.json));
    assert.equal(me.json.Username, 'tokenuser');
    assert.equal(me.json.UserAttributes.find((a) => a.Name === 'given_name'), undefined);
  });
});

describe('double rule C: RevokeToken (API_RevokeToken) and GlobalSignOut (API_GlobalSignOut)', () => {
  it('RevokeToken revokes the refresh token and the access tokens issued from it, and no other session', async () => {
    const u = ctx.seed.users.revoker;
    const first = await signIn(u);
    const other = await signIn(u);
    const refreshed = await refresh(first.RefreshToken);
    assert.equal(refreshed.status, 200, JSON.stringify(refreshed.json));
    const fromRefresh = refreshed.json.AuthenticationResult.AccessToken;

    const revoked = await call(ctx.endpoint, 'RevokeToken', { ClientId: plain().clientId, Token: first.RefreshToken });
    assert.deepEqual(revoked, { status: 200, json: {} });
    for (const AccessToken of [first.AccessToken, fromRefresh]) {
      assert.deepEqual((await call(ctx.endpoint, 'GetUser', { AccessToken })).json, notAuthorized('Access Token has been revoked'));
    }
    assert.deepEqual((await refresh(first.RefreshToken)).json, notAuthorized('Refresh Token has been revoked'));
    // The other sign-in of the same user is untouched.
    assert.equal((await call(ctx.endpoint, 'GetUser', { AccessToken: other.AccessToken })).status, 200);
    assert.equal((await refresh(other.RefreshToken)).status, 200);
  });

  it('AWS SDK: GlobalSignOut ends every session of the user; later calls and refreshes are refused', async () => {
    const u = ctx.seed.users.globalout;
    const a = await signIn(u);
    const b = await signIn(u);
    const bystander = await signIn(ctx.seed.users.signin);
    await sdk().send(new GlobalSignOutCommand({ AccessToken: a.AccessToken }));
    for (const AccessToken of [a.AccessToken, b.AccessToken]) {
      const error = await rejected(sdk().send(new GetUserCommand({ AccessToken })));
      assert.equal(error.name, 'NotAuthorizedException');
      assert.equal(error.message, 'Access Token has been revoked');
    }
    // GlobalSignOut again with a token it revoked: refused the same way (what a second device sees).
    const again = await rejected(sdk().send(new GlobalSignOutCommand({ AccessToken: b.AccessToken })));
    assert.equal(again.message, 'Access Token has been revoked');
    for (const token of [a.RefreshToken, b.RefreshToken]) assert.deepEqual((await refresh(token)).json, notAuthorized('Refresh Token has been revoked'));
    // Another user is not signed out.
    assert.equal((await sdk().send(new GetUserCommand({ AccessToken: bystander.AccessToken }))).Username, 'signin');
    // A new sign-in after the global sign-out works.
    const fresh = await signIn(u);
    assert.equal((await call(ctx.endpoint, 'GetUser', { AccessToken: fresh.AccessToken })).status, 200);
    await sdk().send(new RevokeTokenCommand({ ClientId: plain().clientId, Token: fresh.RefreshToken }));
    assert.deepEqual((await refresh(fresh.RefreshToken)).json, notAuthorized('Refresh Token has been revoked'));
  });
});

describe('double rule B: access tokens expire on the double\'s clock', () => {
  // Last in this file: it moves the double's clock an hour forward.
  it('after AccessTokenValidity (60 minutes) the token is "Access Token has expired"; a refresh gives a working one', async () => {
    const tokens = await signIn(ctx.seed.users.tokenuser);
    const { exp, iat } = jwtClaims(tokens.AccessToken);
    assert.equal(exp - iat, 3600);
    assert.equal(tokens.ExpiresIn, 3600);
    assert.equal((await call(ctx.endpoint, 'GetUser', { AccessToken: tokens.AccessToken })).status, 200);
    await advanceClock(ctx.endpoint, 3600 * 1000 + 1000);
    assert.deepEqual((await call(ctx.endpoint, 'GetUser', { AccessToken: tokens.AccessToken })).json, notAuthorized('Access Token has expired'));
    assert.deepEqual((await call(ctx.endpoint, 'ListDevices', { AccessToken: tokens.AccessToken })).json, notAuthorized('Access Token has expired'));
    const renewed = await refresh(tokens.RefreshToken);
    assert.equal(renewed.status, 200, JSON.stringify(renewed.json));
    assert.equal((await call(ctx.endpoint, 'GetUser', { AccessToken: renewed.json.AuthenticationResult.AccessToken })).status, 200);
  });
});
