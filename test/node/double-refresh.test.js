// Rule E of the Cognito double (scripts/double/refresh.js): refresh-token rotation on an app client
// (GetTokensFromRefreshToken rotates, REFRESH_TOKEN_AUTH is refused, the old refresh token stops working), the same
// operation on a client without rotation (new ID and access tokens only), and app clients with a secret, which need
// ClientSecret on GetTokensFromRefreshToken and RevokeToken. GetTokensFromRefreshToken also goes through AWS's own SDK.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CognitoIdentityProviderClient, GetTokensFromRefreshTokenCommand } from '@aws-sdk/client-cognito-identity-provider';
import { call, jwtClaims, useDouble } from './double-harness.js';

const ctx = useDouble();
const clients = () => ctx.seed.pools.plain.clients;
const signIn = async (clientId, user = ctx.seed.users.rotator) => {
  const { status, json } = await call(ctx.endpoint, 'InitiateAuth', {
    ClientId: clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
  });
  assert.equal(status, 200, JSON.stringify(json));
  return json.AuthenticationResult;
};
const getTokens = (ClientId, RefreshToken, extra = {}) => call(ctx.endpoint, 'GetTokensFromRefreshToken', { ClientId, RefreshToken, ...extra });
const sdk = () =>
  new CognitoIdentityProviderClient({ endpoint: ctx.endpoint, region: ctx.seed.region, credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });

describe('double rule E: refresh-token rotation (API_GetTokensFromRefreshToken, API_RefreshTokenRotationType)', () => {
  it('a rotation client refuses REFRESH_TOKEN_AUTH', async () => {
    const tokens = await signIn(clients().rotation.clientId);
    const { status, json } = await call(ctx.endpoint, 'InitiateAuth', {
      ClientId: clients().rotation.clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
    });
    assert.equal(status, 400);
    assert.equal(json.__type, 'InvalidParameterException');
  });

  it('AWS SDK: GetTokensFromRefreshToken rotates; the old refresh token is refused after use, the new one works', async () => {
    const ClientId = clients().rotation.clientId;
    const tokens = await signIn(ClientId);
    const first = await sdk().send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken: tokens.RefreshToken }));
    const result = first.AuthenticationResult;
    assert.ok(result.AccessToken && result.IdToken && result.RefreshToken);
    assert.notEqual(result.RefreshToken, tokens.RefreshToken);
    assert.equal(jwtClaims(result.AccessToken).username, 'rotator');
    assert.equal(result.TokenType, 'Bearer');

    let error;
    try {
      await sdk().send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken: tokens.RefreshToken }));
    } catch (e) {
      error = e;
    }
    assert.equal(error?.name, 'RefreshTokenReuseException');

    const second = await getTokens(ClientId, result.RefreshToken);
    assert.equal(second.status, 200, JSON.stringify(second.json));
    assert.ok(second.json.AuthenticationResult.RefreshToken);
    // Revoking the newest refresh token revokes the access tokens of the whole chain.
    assert.deepEqual(await call(ctx.endpoint, 'RevokeToken', { ClientId, Token: second.json.AuthenticationResult.RefreshToken }), { status: 200, json: {} });
    assert.equal((await call(ctx.endpoint, 'GetUser', { AccessToken: result.AccessToken })).json.message, 'Access Token has been revoked');
  });

  it('without rotation, GetTokensFromRefreshToken returns new ID and access tokens only, and the refresh token keeps working', async () => {
    const ClientId = ctx.seed.pools.plain.clientId;
    const tokens = await signIn(ClientId);
    for (let i = 0; i < 2; i++) {
      const { status, json } = await getTokens(ClientId, tokens.RefreshToken);
      assert.equal(status, 200, JSON.stringify(json));
      assert.ok(json.AuthenticationResult.AccessToken && json.AuthenticationResult.IdToken);
      assert.equal(json.AuthenticationResult.RefreshToken, undefined);
    }
    // A refresh token is good only with the app client that issued it.
    assert.deepEqual((await getTokens(clients().rotation.clientId, tokens.RefreshToken)).json, { __type: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
  });
});

describe('double rule E: app clients with a secret (API_GetTokensFromRefreshToken, API_RevokeToken: ClientSecret)', () => {
  it('GetTokensFromRefreshToken and RevokeToken need the ClientSecret', async () => {
    const { clientId: ClientId, clientSecret } = clients().secret;
    const tokens = await signIn(ClientId);
    for (const extra of [{}, { ClientSecret: 'wrong-secret-0123456789abcdef' }]) {
      const refused = await getTokens(ClientId, tokens.RefreshToken, extra);
      assert.deepEqual(refused.json, { __type: 'NotAuthorizedException', message: `Unable to verify secret hash for client ${ClientId}` });
      const notRevoked = await call(ctx.endpoint, 'RevokeToken', { ClientId, Token: tokens.RefreshToken, ...extra });
      assert.equal(notRevoked.json.__type, 'UnauthorizedException');
    }
    assert.equal((await getTokens(ClientId, tokens.RefreshToken, { ClientSecret: clientSecret })).status, 200);
    assert.deepEqual(await call(ctx.endpoint, 'RevokeToken', { ClientId, Token: tokens.RefreshToken, ClientSecret: clientSecret }), { status: 200, json: {} });
    assert.deepEqual((await getTokens(ClientId, tokens.RefreshToken, { ClientSecret: clientSecret })).json, {
      __type: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
  });
});
