// Rule 4 (in part) of the Cognito double: challenge sessions that expire after 3 minutes on the double's injectable
// clock (scripts/double/sessions.js, POST /__double/clock), and the lockout after five failed sign-ins
// (scripts/double/failures.js).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { advanceClock, call, doubleNow, useDouble } from './double-harness.js';

const ctx = useDouble();
const plain = () => ctx.seed.pools.plain;
const passwordAuth = (USERNAME, PASSWORD) =>
  call(ctx.endpoint, 'InitiateAuth', { ClientId: plain().clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } });
const smsAnswer = (Session) =>
  call(ctx.endpoint, 'RespondToAuthChallenge', {
    ClientId: plain().clientId,
    ChallengeName: 'SMS_MFA',
    Session,
    ChallengeResponses: { USERNAME: ctx.seed.users.sms.username, SMS_MFA_CODE: ctx.seed.code },
  });

describe('double: the clock control (POST /__double/clock)', () => {
  it('moves the double\'s clock forward by advanceMs and refuses anything else', async () => {
    const before = await doubleNow(ctx.endpoint);
    const after = await advanceClock(ctx.endpoint, 60_000);
    assert.ok(after - before >= 60_000 && after - before < 70_000, `${after - before}`);
    const bad = await fetch(`${ctx.endpoint}/__double/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: -1 }) });
    assert.equal(bad.status, 400);
  });

  it('{"reset": true} puts the clock back to real time', async () => {
    await advanceClock(ctx.endpoint, 90_000);
    const res = await fetch(`${ctx.endpoint}/__double/clock`, { method: 'POST', body: JSON.stringify({ reset: true }) });
    const { now } = await res.json();
    assert.ok(Math.abs(now - Date.now()) < 5000, `${now - Date.now()}`);
    assert.ok(Math.abs((await doubleNow(ctx.endpoint)) - Date.now()) < 5000);
  });
});

describe('double rule 4: challenge sessions expire after 3 minutes (API_RespondToAuthChallenge)', () => {
  it('an SMS_MFA answer after 3 minutes is refused; the same within 3 minutes signs in', async () => {
    const u = ctx.seed.users.sms;
    const late = await passwordAuth(u.username, u.password);
    assert.equal(late.json.ChallengeName, 'SMS_MFA');
    await advanceClock(ctx.endpoint, 3 * 60_000 + 1000);
    assert.deepEqual((await smsAnswer(late.json.Session)).json, {
      __type: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });

    const fresh = await passwordAuth(u.username, u.password);
    await advanceClock(ctx.endpoint, 2 * 60_000 + 50_000);
    const ok = await smsAnswer(fresh.json.Session);
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.ok(ok.json.AuthenticationResult.AccessToken);
  });

  it('a Session the server never issued is refused', async () => {
    assert.deepEqual((await smsAnswer('made-up-session')).json, { __type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
  });

  it('a PASSWORD_VERIFIER answered after 3 minutes is refused', async () => {
    const u = ctx.seed.users.signin;
    const pool = new CognitoUserPool({ UserPoolId: plain().id, ClientId: plain().clientId, endpoint: ctx.endpoint });
    const user = new CognitoUser({ Username: u.username, Pool: pool });
    // Hold the answer: amazon-cognito-identity-js sends it right after the challenge, so delay its fetch.
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (url, init) => {
      if (String(init?.headers?.['X-Amz-Target'] ?? '').endsWith('RespondToAuthChallenge')) await advanceClock(ctx.endpoint, 3 * 60_000 + 1000);
      return realFetch(url, init);
    };
    try {
      const error = await new Promise((resolve) =>
        user.authenticateUser(new AuthenticationDetails({ Username: u.username, Password: u.password }), {
          onSuccess: () => resolve(null),
          onFailure: resolve,
        }),
      );
      assert.equal(error?.code, 'NotAuthorizedException');
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});

describe('double rule 4: lockout after five failed sign-ins (developer guide, authentication)', () => {
  it('the sixth attempt is "Password attempts exceeded", even with the right password, until the lockout ends', async () => {
    const u = ctx.seed.users.lockout;
    for (let i = 1; i <= 5; i++) {
      assert.deepEqual((await passwordAuth(u.username, `Wrong-Pass-${i}!`)).json, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    }
    assert.deepEqual((await passwordAuth(u.username, u.password)).json, { __type: 'NotAuthorizedException', message: 'Password attempts exceeded' });

    // USER_SRP_AUTH counts and is locked the same way.
    const pool = new CognitoUserPool({ UserPoolId: plain().id, ClientId: plain().clientId, endpoint: ctx.endpoint });
    const srpError = await new Promise((resolve) =>
      new CognitoUser({ Username: u.username, Pool: pool }).authenticateUser(new AuthenticationDetails({ Username: u.username, Password: u.password }), {
        onSuccess: () => resolve(null),
        onFailure: resolve,
      }),
    );
    assert.equal(srpError?.message, 'Password attempts exceeded');

    await advanceClock(ctx.endpoint, 1500);
    const ok = await passwordAuth(u.username, u.password);
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.ok(ok.json.AuthenticationResult.AccessToken);
  });
});
