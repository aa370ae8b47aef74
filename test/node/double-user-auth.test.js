// Double rule (scripts/double/user-auth.js, one-time-codes.js): choice-based sign-in, InitiateAuth AuthFlow USER_AUTH
// → SELECT_CHALLENGE (AvailableChallenges) → PASSWORD / PASSWORD_SRP / EMAIL_OTP / SMS_OTP, proven through AWS's own
// SDK (@aws-sdk/client-cognito-identity-provider) and raw requests. (WEB_AUTHN: double-webauthn.test.js.)
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { CognitoIdentityProviderClient, InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationHelper } from 'amazon-cognito-identity-js';
import { advanceClock, call, jwtClaims, totp, useDouble } from './double-harness.js';

const ctx = useDouble();
const pool = () => ctx.seed.doublePools.passwordless;
const user = (key) => ctx.seed.users[key];
const initiate = (USERNAME, extra = {}, clientId = pool().clientId) =>
  call(ctx.endpoint, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME, ...extra } });
const respond = (ChallengeName, Session, ChallengeResponses) => call(ctx.endpoint, 'RespondToAuthChallenge', { ClientId: pool().clientId, ChallengeName, Session, ChallengeResponses });
const select = async (username, ANSWER, extra = {}) => {
  const init = await initiate(username);
  assert.equal(init.json.ChallengeName, 'SELECT_CHALLENGE', JSON.stringify(init.json));
  return respond('SELECT_CHALLENGE', init.json.Session, { USERNAME: username, ANSWER, ...extra });
};
const tokensOf = (res) => {
  assert.equal(res.status, 200, JSON.stringify(res.json));
  assert.ok(res.json.AuthenticationResult?.AccessToken, JSON.stringify(res.json));
  return res.json.AuthenticationResult;
};

/** SRP_A and the PASSWORD_VERIFIER answer, computed with amazon-cognito-identity-js's own SRP helper. */
async function srpClient(password) {
  const poolName = pool().id.split('_')[1];
  const helper = new AuthenticationHelper(poolName);
  const A = await new Promise((res, rej) => helper.getLargeAValue((e, v) => (e ? rej(e) : res(v))));
  const BigInteger = helper.N.constructor;
  return {
    SRP_A: A.toString(16),
    async answer(p, timestamp = 'Tue Sep 2 20:09:05 UTC 2025') {
      const key = await new Promise((res, rej) =>
        helper.getPasswordAuthenticationKey(p.USER_ID_FOR_SRP, password, new BigInteger(p.SRP_B, 16), new BigInteger(p.SALT, 16), (e, v) => (e ? rej(e) : res(v))),
      );
      const signature = createHmac('sha256', key)
        .update(Buffer.concat([Buffer.from(poolName + p.USER_ID_FOR_SRP), Buffer.from(p.SECRET_BLOCK, 'base64'), Buffer.from(timestamp)]))
        .digest('base64');
      return { USERNAME: p.USER_ID_FOR_SRP, PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE: signature, TIMESTAMP: timestamp };
    },
  };
}

describe('double rule: USER_AUTH choice-based sign-in (API_InitiateAuth, API_RespondToAuthChallenge)', () => {
  after(() => fetch(`${ctx.endpoint}/__double/clock`, { method: 'POST', body: JSON.stringify({ reset: true }) }));

  it('AWS SDK: USER_AUTH → SELECT_CHALLENGE with AvailableChallenges → EMAIL_OTP (masked destination) → EMAIL_OTP_CODE → tokens', async () => {
    const client = new CognitoIdentityProviderClient({ endpoint: ctx.endpoint, region: ctx.seed.region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const u = user('otpuser');
    const init = await client.send(new InitiateAuthCommand({ ClientId: pool().clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: u.username } }));
    assert.equal(init.ChallengeName, 'SELECT_CHALLENGE');
    assert.deepEqual(init.AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP']);
    const otp = await client.send(
      new RespondToAuthChallengeCommand({ ClientId: pool().clientId, ChallengeName: 'SELECT_CHALLENGE', Session: init.Session, ChallengeResponses: { USERNAME: u.username, ANSWER: 'EMAIL_OTP' } }),
    );
    assert.equal(otp.ChallengeName, 'EMAIL_OTP');
    assert.deepEqual(otp.ChallengeParameters, { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'o***@e***' });
    const done = await client.send(
      new RespondToAuthChallengeCommand({ ClientId: pool().clientId, ChallengeName: 'EMAIL_OTP', Session: otp.Session, ChallengeResponses: { USERNAME: u.username, EMAIL_OTP_CODE: ctx.seed.code } }),
    );
    assert.equal(jwtClaims(done.AuthenticationResult.AccessToken).username, u.username);
    assert.equal(done.AuthenticationResult.TokenType, 'Bearer');
  });

  it('AvailableChallenges follow what the user has: no password → EMAIL_OTP only; TOTP MFA → passwords only (no passwordless with MFA)', async () => {
    assert.deepEqual((await initiate(user('choosy').username)).json.AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP']);
    assert.deepEqual((await initiate(user('nopassword').username)).json.AvailableChallenges, ['EMAIL_OTP']);
    assert.deepEqual((await initiate(user('pwlessmfa').username)).json.AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP']);
  });

  it('SMS_OTP through PREFERRED_CHALLENGE; a wrong code is CodeMismatchException and the same Session may try again', async () => {
    const u = user('otpuser');
    const sms = await initiate(u.username, { PREFERRED_CHALLENGE: 'SMS_OTP' });
    assert.equal(sms.json.ChallengeName, 'SMS_OTP', JSON.stringify(sms.json));
    assert.deepEqual(sms.json.ChallengeParameters, { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0114' });
    const wrong = await respond('SMS_OTP', sms.json.Session, { USERNAME: u.username, SMS_OTP_CODE: '000000' });
    assert.deepEqual(wrong.json, { __type: 'CodeMismatchException', message: 'Invalid code or auth state for the user.' });
    tokensOf(await respond('SMS_OTP', sms.json.Session, { USERNAME: u.username, SMS_OTP_CODE: ctx.seed.code }));
    // Used: the Session is gone.
    assert.equal((await respond('SMS_OTP', sms.json.Session, { USERNAME: u.username, SMS_OTP_CODE: ctx.seed.code })).json.__type, 'NotAuthorizedException');
  });

  it('PASSWORD: with the password in the choice → tokens; without it → a PASSWORD challenge; a wrong one → "Incorrect username or password."', async () => {
    const u = user('otpuser');
    tokensOf(await select(u.username, 'PASSWORD', { PASSWORD: u.password }));
    tokensOf(await initiate(u.username, { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: u.password }));
    const asked = await select(u.username, 'PASSWORD');
    assert.equal(asked.json.ChallengeName, 'PASSWORD');
    tokensOf(await respond('PASSWORD', asked.json.Session, { USERNAME: u.username, PASSWORD: u.password }));
    const wrong = await select(u.username, 'PASSWORD', { PASSWORD: 'Not-The-Password-1' });
    assert.deepEqual(wrong.json, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('PASSWORD after which MFA follows: a TOTP user gets SOFTWARE_TOKEN_MFA', async () => {
    const u = user('pwlessmfa');
    const res = await select(u.username, 'PASSWORD', { PASSWORD: u.password });
    assert.equal(res.json.ChallengeName, 'SOFTWARE_TOKEN_MFA', JSON.stringify(res.json));
    const done = await respond('SOFTWARE_TOKEN_MFA', res.json.Session, { USERNAME: u.username, SOFTWARE_TOKEN_MFA_CODE: totp(u.totp.secret) });
    tokensOf(done);
  });

  it('PASSWORD_SRP: SRP_A with the choice (or a PASSWORD_SRP challenge) → PASSWORD_VERIFIER → tokens; a wrong password fails', async () => {
    const u = user('otpuser');
    const srp = await srpClient(u.password);
    const verifier = await select(u.username, 'PASSWORD_SRP', { SRP_A: srp.SRP_A });
    assert.equal(verifier.json.ChallengeName, 'PASSWORD_VERIFIER', JSON.stringify(verifier.json));
    tokensOf(await respond('PASSWORD_VERIFIER', undefined, await srp.answer(verifier.json.ChallengeParameters)));

    const srp2 = await srpClient(u.password);
    const asked = await initiate(u.username, { PREFERRED_CHALLENGE: 'PASSWORD_SRP' });
    assert.equal(asked.json.ChallengeName, 'PASSWORD_SRP');
    const v2 = await respond('PASSWORD_SRP', asked.json.Session, { USERNAME: u.username, SRP_A: srp2.SRP_A });
    tokensOf(await respond('PASSWORD_VERIFIER', undefined, await srp2.answer(v2.json.ChallengeParameters)));

    const bad = await srpClient('Not-The-Password-1');
    const v3 = await initiate(u.username, { PREFERRED_CHALLENGE: 'PASSWORD_SRP', SRP_A: bad.SRP_A });
    const wrong = await respond('PASSWORD_VERIFIER', undefined, await bad.answer(v3.json.ChallengeParameters));
    assert.deepEqual(wrong.json, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('a user without a password: no password is ever right (USER_AUTH PASSWORD is not offered, USER_PASSWORD_AUTH fails)', async () => {
    const u = user('nopassword');
    assert.equal((await select(u.username, 'PASSWORD', { PASSWORD: 'undefined' })).json.__type, 'InvalidParameterException');
    for (const PASSWORD of ['undefined', '', 'Anything-123!']) {
      const res = await call(ctx.endpoint, 'InitiateAuth', { ClientId: pool().clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: u.username, PASSWORD } });
      assert.equal(res.json.__type, 'NotAuthorizedException', PASSWORD);
    }
    tokensOf(await respond('EMAIL_OTP', (await select(u.username, 'EMAIL_OTP')).json.Session, { USERNAME: u.username, EMAIL_OTP_CODE: ctx.seed.code }));
  });

  it('errors: client without ALLOW_USER_AUTH, an ANSWER not offered, a PREFERRED_CHALLENGE not offered, USERNAME of someone else', async () => {
    const noUserAuth = await initiate(user('choosy').username, {}, pool().clients.nouserauth.clientId);
    assert.deepEqual(noUserAuth.json, { __type: 'InvalidParameterException', message: 'USER_AUTH is not enabled for the client.' });
    const notOffered = await select(user('choosy').username, 'WEB_AUTHN');
    assert.equal(notOffered.json.__type, 'InvalidParameterException');
    const fallback = await initiate(user('choosy').username, { PREFERRED_CHALLENGE: 'WEB_AUTHN' });
    assert.equal(fallback.json.ChallengeName, 'SELECT_CHALLENGE');
    assert.equal((await initiate(user('choosy').username, { PREFERRED_CHALLENGE: 'SMS_MFA' })).json.__type, 'InvalidParameterException');
    const init = await initiate(user('choosy').username);
    const other = await respond('SELECT_CHALLENGE', init.json.Session, { USERNAME: user('otpuser').username, ANSWER: 'EMAIL_OTP' });
    assert.deepEqual(other.json, { __type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
  });

  it('an unknown user is offered every factor and fails at the end (PreventUserExistenceErrors)', async () => {
    const init = await initiate('nobody-here');
    assert.deepEqual(init.json.AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN']);
    const otp = await respond('SELECT_CHALLENGE', init.json.Session, { USERNAME: 'nobody-here', ANSWER: 'EMAIL_OTP' });
    assert.equal(otp.json.ChallengeName, 'EMAIL_OTP');
    assert.equal((await respond('EMAIL_OTP', otp.json.Session, { USERNAME: 'nobody-here', EMAIL_OTP_CODE: ctx.seed.code })).json.__type, 'CodeMismatchException');
    const pw = await select('nobody-here', 'PASSWORD', { PASSWORD: 'Whatever-123!' });
    assert.deepEqual(pw.json, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('sessions expire after 3 minutes like every challenge session', async () => {
    const u = user('choosy');
    const otp = await select(u.username, 'EMAIL_OTP');
    await advanceClock(ctx.endpoint, 3 * 60_000 + 1);
    const late = await respond('EMAIL_OTP', otp.json.Session, { USERNAME: u.username, EMAIL_OTP_CODE: ctx.seed.code });
    assert.deepEqual(late.json, { __type: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
  });
});
