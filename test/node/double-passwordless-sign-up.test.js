// Double rule (scripts/double/passwordless-sign-up.js): SignUp without a password where passwordless sign-in is
// available, and the sign-in straight from the sign-up: SignUp → Session → ConfirmSignUp(Session) → Session →
// InitiateAuth USER_AUTH with that Session → tokens, without a second code. Through AWS's own SDK and raw requests.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { CognitoIdentityProviderClient, ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { advanceClock, call, jwtClaims, useDouble } from './double-harness.js';

const ctx = useDouble();
const pool = () => ctx.seed.doublePools.passwordless;
const email = (name) => [{ Name: 'email', Value: `${name}@example.com` }];
const signUp = (Username, extra = {}, clientId = pool().clientId) => call(ctx.endpoint, 'SignUp', { ClientId: clientId, Username, UserAttributes: email(Username), ...extra });
const confirm = (Username, extra = {}) => call(ctx.endpoint, 'ConfirmSignUp', { ClientId: pool().clientId, Username, ConfirmationCode: ctx.seed.code, ...extra });
const userAuth = (USERNAME, Session) => call(ctx.endpoint, 'InitiateAuth', { ClientId: pool().clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME }, ...(Session ? { Session } : {}) });

describe('double rule: passwordless sign-up and sign-in with the ConfirmSignUp Session (API_SignUp, API_ConfirmSignUp, API_InitiateAuth)', () => {
  after(() => fetch(`${ctx.endpoint}/__double/clock`, { method: 'POST', body: JSON.stringify({ reset: true }) }));

  it('AWS SDK: SignUp without Password → Session; ConfirmSignUp with it → Session; USER_AUTH with that Session → tokens', async () => {
    const client = new CognitoIdentityProviderClient({ endpoint: ctx.endpoint, region: ctx.seed.region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const { username } = ctx.seed.signup.passwordless;
    const up = await client.send(new SignUpCommand({ ClientId: pool().clientId, Username: username, UserAttributes: email(username) }));
    assert.equal(up.UserConfirmed, false);
    assert.equal(up.CodeDeliveryDetails.Destination, 'p***@e***');
    assert.ok(up.Session);
    const confirmed = await client.send(new ConfirmSignUpCommand({ ClientId: pool().clientId, Username: username, ConfirmationCode: ctx.seed.code, Session: up.Session }));
    assert.ok(confirmed.Session);
    const signedIn = await client.send(new InitiateAuthCommand({ ClientId: pool().clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: username }, Session: confirmed.Session }));
    assert.equal(signedIn.ChallengeName, undefined);
    assert.equal(jwtClaims(signedIn.AuthenticationResult.AccessToken).username, username);

    // Once only; afterwards the new user signs in with email codes (confirming verified the email), never a password.
    const reuse = await userAuth(username, confirmed.Session);
    assert.equal(reuse.json.__type, 'NotAuthorizedException');
    assert.deepEqual((await userAuth(username)).json.AvailableChallenges, ['EMAIL_OTP']);
  });

  it('a password sign-up gets the same Session; ConfirmSignUp without SignUp\'s Session answers {}', async () => {
    const up = await signUp('pwsignup1', { Password: 'Pwsignup-123!' });
    assert.equal(up.status, 200, JSON.stringify(up.json));
    const wrongCode = await confirm('pwsignup1', { ConfirmationCode: '000000', Session: up.json.Session });
    assert.equal(wrongCode.json.__type, 'CodeMismatchException');
    const ok = await confirm('pwsignup1', { Session: up.json.Session });
    assert.equal(ok.status, 200);
    assert.equal(jwtClaims((await userAuth('pwsignup1', ok.json.Session)).json.AuthenticationResult.AccessToken).username, 'pwsignup1');

    await signUp('pwsignup2', { Password: 'Pwsignup-123!' });
    assert.deepEqual(await confirm('pwsignup2'), { status: 200, json: {} });
  });

  it('the Session is for that user and client only, and expires after 3 minutes', async () => {
    const up = await signUp('pwlessexp');
    const ok = await confirm('pwlessexp', { Session: up.json.Session });
    const other = await userAuth(ctx.seed.users.choosy.username, ok.json.Session);
    assert.deepEqual(other.json, { __type: 'NotAuthorizedException', message: 'Invalid session for the user.' });

    const up2 = await signUp('pwlessexp2');
    const ok2 = await confirm('pwlessexp2', { Session: up2.json.Session });
    await advanceClock(ctx.endpoint, 3 * 60_000 + 1);
    const late = await userAuth('pwlessexp2', ok2.json.Session);
    assert.deepEqual(late.json, { __type: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });

  it('without passwordless sign-in a password is required: a client without ALLOW_USER_AUTH, a pool without OTP factors, no email/phone given', async () => {
    const noUserAuth = await signUp('nopw1', {}, pool().clients.nouserauth.clientId);
    assert.equal(noUserAuth.json.__type, 'InvalidParameterException');
    const plainPool = await signUp('nopw2', {}, ctx.seed.pools.plain.clientId);
    assert.equal(plainPool.json.__type, 'InvalidParameterException');
    const noAttribute = await call(ctx.endpoint, 'SignUp', { ClientId: pool().clientId, Username: 'nopw3', Password: '' });
    assert.equal(noAttribute.json.__type, 'InvalidParameterException');
    // A password that is given must still meet the policy.
    assert.equal((await signUp('nopw4', { Password: 'short' })).json.__type, 'InvalidPasswordException');
    // None of them was created.
    assert.equal((await userAuth('nopw1')).json.ChallengeName, 'SELECT_CHALLENGE'); // (unknown users get a challenge too)
    const { json } = await call(ctx.endpoint, 'ResendConfirmationCode', { ClientId: pool().clientId, Username: 'nopw2' });
    assert.match(json.CodeDeliveryDetails.Destination, /^\+\*+0000$/, 'a made-up delivery: the user does not exist');
  });
});
