// Rule 1 of the Cognito double (scripts/double/srp-auth.js): USER_SRP_AUTH server side, proven with AWS's own
// amazon-cognito-identity-js as an independent client (its CognitoUser.authenticateUser runs USER_SRP_AUTH →
// PASSWORD_VERIFIER), plus raw requests for the checks a well-behaved client never trips.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { AuthenticationDetails, AuthenticationHelper, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { call, jwtClaims, totp, useDouble } from './double-harness.js';

const ctx = useDouble();

function poolFor(key) {
  const p = ctx.seed.pools[key];
  return new CognitoUserPool({ UserPoolId: p.id, ClientId: p.clientId, endpoint: ctx.endpoint });
}

/** authenticateUser with USER_SRP_AUTH; resolves with the callback that fired and its arguments. */
function authenticate(user, password, extra = {}) {
  return new Promise((resolve) => {
    user.setAuthenticationFlowType('USER_SRP_AUTH');
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), {
      onSuccess: (session) => resolve({ kind: 'success', session }),
      onFailure: (error) => resolve({ kind: 'failure', error }),
      totpRequired: (name, params) => resolve({ kind: 'totp', name, params }),
      mfaRequired: (name, params) => resolve({ kind: 'sms', name, params }),
      newPasswordRequired: (attrs) => resolve({ kind: 'new-password', attrs }),
      ...extra,
    });
  });
}

/** A correct PASSWORD_VERIFIER answer computed with amazon-cognito-identity-js's own SRP helper. */
async function claimFor({ poolKey, signIn, password, timestamp = 'Tue Sep 2 20:09:05 UTC 2025' }) {
  const pool = ctx.seed.pools[poolKey];
  const poolName = pool.id.split('_')[1];
  const helper = new AuthenticationHelper(poolName);
  const A = await new Promise((res, rej) => helper.getLargeAValue((e, v) => (e ? rej(e) : res(v))));
  const init = await call(ctx.endpoint, 'InitiateAuth', {
    ClientId: pool.clientId,
    AuthFlow: 'USER_SRP_AUTH',
    AuthParameters: { USERNAME: signIn, SRP_A: A.toString(16) },
  });
  assert.equal(init.status, 200, JSON.stringify(init.json));
  const p = init.json.ChallengeParameters;
  const BigInteger = helper.N.constructor; // the library's own big-integer type
  const key = await new Promise((res, rej) =>
    helper.getPasswordAuthenticationKey(p.USER_ID_FOR_SRP, password, new BigInteger(p.SRP_B, 16), new BigInteger(p.SALT, 16), (e, v) => (e ? rej(e) : res(v))),
  );
  const signature = createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(poolName + p.USER_ID_FOR_SRP), Buffer.from(p.SECRET_BLOCK, 'base64'), Buffer.from(timestamp)]))
    .digest('base64');
  return {
    clientId: pool.clientId,
    params: p,
    responses: { USERNAME: p.USER_ID_FOR_SRP, PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE: signature, TIMESTAMP: timestamp },
  };
}

const answer = (claim, responses = {}) =>
  call(ctx.endpoint, 'RespondToAuthChallenge', {
    ClientId: claim.clientId,
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeResponses: { ...claim.responses, ...responses },
  });

describe('double rule 1: USER_SRP_AUTH (API_InitiateAuth, API_RespondToAuthChallenge)', () => {
  for (const poolKey of ['plain', 'email']) {
    it(`amazon-cognito-identity-js signs in with USER_SRP_AUTH and gets tokens (${poolKey} pool)`, async () => {
      const u = ctx.seed.users.signin;
      const pool = ctx.seed.pools[poolKey];
      const user = new CognitoUser({ Username: u[pool.signInWith], Pool: poolFor(poolKey) });
      const result = await authenticate(user, u.password);
      assert.equal(result.kind, 'success', result.error?.message);
      const id = jwtClaims(result.session.getIdToken().getJwtToken());
      assert.equal(id.sub, u.sub);
      assert.equal(id['cognito:username'], u[pool.usernameFrom]);
      assert.ok(result.session.getRefreshToken().getToken());
    });
  }

  it('amazon-cognito-identity-js with a wrong password gets NotAuthorizedException "Incorrect username or password."', async () => {
    const u = ctx.seed.users.wrongpass;
    const result = await authenticate(new CognitoUser({ Username: u.username, Pool: poolFor('plain') }), 'Not-The-Password-1');
    assert.equal(result.kind, 'failure');
    assert.equal(result.error.code, 'NotAuthorizedException');
    assert.equal(result.error.message, 'Incorrect username or password.');
  });

  it('an unknown user gets a challenge, then the same NotAuthorizedException as a wrong password', async () => {
    const result = await authenticate(new CognitoUser({ Username: 'nobody', Pool: poolFor('plain') }), 'Whatever-123!');
    assert.equal(result.kind, 'failure');
    assert.equal(result.error.code, 'NotAuthorizedException');
    assert.equal(result.error.message, 'Incorrect username or password.');
  });

  it('PASSWORD_VERIFIER carries SRP_B, SALT, SECRET_BLOCK and USER_ID_FOR_SRP = the sub in the email pool', async () => {
    const u = ctx.seed.users.signin;
    const claim = await claimFor({ poolKey: 'email', signIn: u.email, password: u.password });
    assert.match(claim.params.SRP_B, /^[0-9a-f]+$/);
    assert.match(claim.params.SALT, /^[0-9a-f]+$/);
    assert.ok(Buffer.from(claim.params.SECRET_BLOCK, 'base64').length >= 32);
    assert.equal(claim.params.USER_ID_FOR_SRP, u.sub);
    const ok = await answer(claim);
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.ok(ok.json.AuthenticationResult.AccessToken);
  });

  it('USERNAME must be USER_ID_FOR_SRP: the email typed is refused even with a correct signature', async () => {
    const u = ctx.seed.users.signin;
    const claim = await claimFor({ poolKey: 'email', signIn: u.email, password: u.password });
    const res = await answer(claim, { USERNAME: u.email });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('TIMESTAMP must be "EEE MMM d HH:mm:ss UTC yyyy" (day not zero-padded)', async () => {
    const u = ctx.seed.users.signin;
    const padded = await claimFor({ poolKey: 'plain', signIn: u.username, password: u.password, timestamp: 'Tue Sep 02 20:09:05 UTC 2025' });
    const res = await answer(padded);
    assert.equal(res.status, 400);
    assert.equal(res.json.__type, 'InvalidParameterException');
    assert.equal(res.json.message, 'TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
  });

  it('the signature covers the TIMESTAMP sent: another timestamp fails', async () => {
    const u = ctx.seed.users.signin;
    const claim = await claimFor({ poolKey: 'plain', signIn: u.username, password: u.password });
    const res = await answer(claim, { TIMESTAMP: 'Wed Sep 3 20:09:05 UTC 2025' });
    assert.deepEqual(res.json, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('a SECRET_BLOCK answers once', async () => {
    const u = ctx.seed.users.signin;
    const claim = await claimFor({ poolKey: 'plain', signIn: u.username, password: u.password });
    assert.equal((await answer(claim)).status, 200);
    const again = await answer(claim);
    assert.deepEqual(again.json, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('after the verifier, MFA continues: amazon-cognito-identity-js answers SOFTWARE_TOKEN_MFA and gets tokens', async () => {
    const u = ctx.seed.users.totp;
    const user = new CognitoUser({ Username: u.username, Pool: poolFor('plain') });
    const first = await authenticate(user, u.password);
    assert.equal(first.kind, 'totp');
    const done = await new Promise((resolve) =>
      user.sendMFACode(totp(u.totp.secret), { onSuccess: (s) => resolve({ kind: 'success', s }), onFailure: (error) => resolve({ kind: 'failure', error }) }, 'SOFTWARE_TOKEN_MFA'),
    );
    assert.equal(done.kind, 'success', done.error?.message);
    assert.equal(jwtClaims(done.s.getAccessToken().getJwtToken()).username, u.username);
  });

  it('after the verifier, an admin-created user gets NEW_PASSWORD_REQUIRED', async () => {
    const u = ctx.seed.users.newpass;
    const result = await authenticate(new CognitoUser({ Username: u.username, Pool: poolFor('plain') }), u.password);
    assert.equal(result.kind, 'new-password');
  });

  it('a client without ALLOW_USER_SRP_AUTH gets InvalidParameterException', async () => {
    const res = await call(ctx.endpoint, 'InitiateAuth', {
      ClientId: ctx.seed.pools.plain.clients.nosrp.clientId,
      AuthFlow: 'USER_SRP_AUTH',
      AuthParameters: { USERNAME: 'signin', SRP_A: 'abcdef' },
    });
    assert.deepEqual(res.json, { __type: 'InvalidParameterException', message: 'USER_SRP_AUTH is not enabled for the client.' });
  });
});
