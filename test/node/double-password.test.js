// Rule 3 of the Cognito double (scripts/double/delivery.js, scripts/double/password-policy.js): ResendConfirmationCode,
// which cognito-local lacks, and the pool's password policy - here a policy set in this file's copy of the seed -
// on SignUp, ChangePassword, ConfirmForgotPassword and NEW_PASSWORD_REQUIRED. The SignUp / ResendConfirmationCode /
// ConfirmSignUp path and the InitiateAuth errors go through AWS's own SDK (@aws-sdk/client-cognito-identity-provider).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { call, useDouble } from './double-harness.js';

// Another policy than Cognito's default, so the test shows it comes from the seed: 10 characters, no symbol needed.
const POLICY = { MinimumLength: 10, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false };
const ctx = useDouble({
  seed: (seed) => {
    seed.pools.plain.passwordPolicy = POLICY;
    return seed;
  },
});
const plain = () => ctx.seed.pools.plain;
const sdk = () =>
  new CognitoIdentityProviderClient({
    endpoint: ctx.endpoint,
    region: ctx.seed.region,
    credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' }, // these operations need none; the SDK may sign
  });
const rejected = async (promise) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the request to fail');
};
const policyError = (rule) => ({ __type: 'InvalidPasswordException', message: `Password did not conform with policy: ${rule}` });

describe('double rule 3: ResendConfirmationCode (API_ResendConfirmationCode)', () => {
  it('AWS SDK: SignUp, ResendConfirmationCode (masked), ConfirmSignUp with the code', async () => {
    const client = sdk();
    const up = await client.send(
      new SignUpCommand({ ClientId: plain().clientId, Username: 'sdkuser', Password: 'Sdkuser-Pass1', UserAttributes: [{ Name: 'email', Value: 'sdkuser@example.com' }] }),
    );
    assert.equal(up.UserConfirmed, false);
    const again = await client.send(new ResendConfirmationCodeCommand({ ClientId: plain().clientId, Username: 'sdkuser' }));
    assert.deepEqual(again.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 's***@e***' });
    await client.send(new ConfirmSignUpCommand({ ClientId: plain().clientId, Username: 'sdkuser', ConfirmationCode: ctx.seed.code }));
    const confirmed = await rejected(client.send(new ResendConfirmationCodeCommand({ ClientId: plain().clientId, Username: 'sdkuser' })));
    assert.equal(confirmed.name, 'InvalidParameterException');
    assert.equal(confirmed.message, 'User is already confirmed.');
  });

  it('an unknown user gets a made-up delivery (PreventUserExistenceErrors), not an error', async () => {
    const res = await call(ctx.endpoint, 'ResendConfirmationCode', { ClientId: plain().clientId, Username: 'nobody@example.com' });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.CodeDeliveryDetails.Destination, 'n***@e***');
  });

  it('AWS SDK: InitiateAuth errors arrive as the SDK\'s typed exceptions', async () => {
    const client = sdk();
    const noSrp = await rejected(
      client.send(new InitiateAuthCommand({ ClientId: plain().clients.nosrp.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'signin', SRP_A: 'abc' } })),
    );
    assert.equal(noSrp.name, 'InvalidParameterException');
    assert.equal(noSrp.message, 'USER_SRP_AUTH is not enabled for the client.');
    const badA = await rejected(
      client.send(new InitiateAuthCommand({ ClientId: plain().clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'signin' } })),
    );
    assert.equal(badA.name, 'InvalidParameterException');
  });
});

describe('double rule 3: the pool password policy (API_PasswordPolicyType)', () => {
  it('SignUp: each rule of the seed\'s policy, first broken rule named', async () => {
    const signUp = (Password) =>
      call(ctx.endpoint, 'SignUp', { ClientId: plain().clientId, Username: 'policyuser', Password, UserAttributes: [{ Name: 'email', Value: 'policyuser@example.com' }] });
    assert.deepEqual((await signUp('Short-1a')).json, policyError('Password not long enough'));
    assert.deepEqual((await signUp('lowercase-only-1')).json, policyError('Password must have uppercase characters'));
    assert.deepEqual((await signUp('UPPERCASE-ONLY-1')).json, policyError('Password must have lowercase characters'));
    assert.deepEqual((await signUp('NoNumbersHere')).json, policyError('Password must have numeric characters'));
    // The seed's policy needs no symbol: Cognito's default would refuse this one.
    const ok = await signUp('NoSymbols123');
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
  });

  it('the email pool keeps Cognito\'s default policy: symbols required', async () => {
    const res = await call(ctx.endpoint, 'SignUp', { ClientId: ctx.seed.pools.email.clientId, Username: 'nosymbol@example.com', Password: 'NoSymbols123' });
    assert.deepEqual(res.json, policyError('Password must have symbol characters'));
  });

  it('ChangePassword (ProposedPassword)', async () => {
    const u = ctx.seed.users.changepass;
    const auth = await call(ctx.endpoint, 'InitiateAuth', {
      ClientId: plain().clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: u.username, PASSWORD: u.password },
    });
    const AccessToken = auth.json.AuthenticationResult.AccessToken;
    const weak = await call(ctx.endpoint, 'ChangePassword', { AccessToken, PreviousPassword: u.password, ProposedPassword: 'short' });
    assert.deepEqual(weak.json, policyError('Password not long enough'));
    const ok = await call(ctx.endpoint, 'ChangePassword', { AccessToken, PreviousPassword: u.password, ProposedPassword: u.newPassword });
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
  });

  it('ConfirmForgotPassword (Password)', async () => {
    const u = ctx.seed.users.forgot;
    await call(ctx.endpoint, 'ForgotPassword', { ClientId: plain().clientId, Username: u.username });
    const weak = await call(ctx.endpoint, 'ConfirmForgotPassword', { ClientId: plain().clientId, Username: u.username, ConfirmationCode: ctx.seed.code, Password: 'nouppercase1' });
    assert.deepEqual(weak.json, policyError('Password must have uppercase characters'));
    const ok = await call(ctx.endpoint, 'ConfirmForgotPassword', { ClientId: plain().clientId, Username: u.username, ConfirmationCode: ctx.seed.code, Password: u.newPassword });
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
  });

  it('RespondToAuthChallenge NEW_PASSWORD_REQUIRED (NEW_PASSWORD)', async () => {
    const u = ctx.seed.users.newpass;
    const init = await call(ctx.endpoint, 'InitiateAuth', {
      ClientId: plain().clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: u.username, PASSWORD: u.password },
    });
    assert.equal(init.json.ChallengeName, 'NEW_PASSWORD_REQUIRED');
    const respond = (NEW_PASSWORD) =>
      call(ctx.endpoint, 'RespondToAuthChallenge', {
        ClientId: plain().clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: init.json.Session,
        ChallengeResponses: { USERNAME: u.username, NEW_PASSWORD },
      });
    assert.deepEqual((await respond('NoDigitsAtAll')).json, policyError('Password must have numeric characters'));
    const ok = await respond(u.newPassword);
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.ok(ok.json.AuthenticationResult.AccessToken);
  });
});
