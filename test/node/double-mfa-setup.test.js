// Rule A of the Cognito double (scripts/double/mfa-setup.js, scripts/double/totp.js): MFA_SETUP in a pool that requires
// MFA, driven by AssociateSoftwareToken / VerifySoftwareToken Sessions, the same with an AccessToken when signed in,
// and TOTP codes accepted once per 30-second window on the double's clock. The SRP + MFA_SETUP journey is proven with
// amazon-cognito-identity-js as an independent client.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { advanceClock, call, doubleNow, jwtClaims, totp, useDouble } from './double-harness.js';

const ctx = useDouble();
const mfaon = () => ctx.seed.doublePools.mfaon;
const ALREADY_USED = { __type: 'ExpiredCodeException', message: 'Your software token has already been used once.' };
const signIn = (clientId, USERNAME, PASSWORD) =>
  call(ctx.endpoint, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } });
const totpAnswer = (clientId, USERNAME, Session, code) =>
  call(ctx.endpoint, 'RespondToAuthChallenge', {
    ClientId: clientId,
    ChallengeName: 'SOFTWARE_TOKEN_MFA',
    Session,
    ChallengeResponses: { USERNAME, SOFTWARE_TOKEN_MFA_CODE: code },
  });
/** A code that is not the right one in any window the double accepts. */
const wrongCode = async (secret) => {
  const now = await doubleNow(ctx.endpoint);
  const taken = new Set([-1, 0, 1].map((w) => totp(secret, now + w * 30_000)));
  return ['000000', '111111', '222222', '333333'].find((c) => !taken.has(c));
};

describe('double rule A: MFA_SETUP with Sessions (API_AssociateSoftwareToken, API_VerifySoftwareToken)', () => {
  it('InitiateAuth → MFA_SETUP → AssociateSoftwareToken → VerifySoftwareToken → RespondToAuthChallenge signs in; each Session once', async () => {
    const u = ctx.seed.users.mfasetup;
    const start = await signIn(mfaon().clientId, u.username, u.password);
    assert.equal(start.status, 200, JSON.stringify(start.json));
    assert.equal(start.json.ChallengeName, 'MFA_SETUP');
    assert.deepEqual(JSON.parse(start.json.ChallengeParameters.MFAS_CAN_SETUP), ['SOFTWARE_TOKEN_MFA']);

    const associated = await call(ctx.endpoint, 'AssociateSoftwareToken', { Session: start.json.Session });
    assert.equal(associated.status, 200, JSON.stringify(associated.json));
    assert.match(associated.json.SecretCode, /^[A-Z2-7]{16,}$/);
    assert.ok(associated.json.Session && associated.json.Session !== start.json.Session);
    // The first Session was spent.
    assert.deepEqual((await call(ctx.endpoint, 'AssociateSoftwareToken', { Session: start.json.Session })).json, {
      __type: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });

    const secret = associated.json.SecretCode;
    const wrong = await call(ctx.endpoint, 'VerifySoftwareToken', { Session: associated.json.Session, UserCode: await wrongCode(secret) });
    assert.deepEqual(wrong.json, { __type: 'EnableSoftwareTokenMFAException', message: 'Code mismatch and fail enable Software Token MFA' });

    const code = totp(secret, await doubleNow(ctx.endpoint));
    const verified = await call(ctx.endpoint, 'VerifySoftwareToken', { Session: associated.json.Session, UserCode: code, FriendlyDeviceName: 'Node phone' });
    assert.equal(verified.status, 200, JSON.stringify(verified.json));
    assert.equal(verified.json.Status, 'SUCCESS');
    assert.ok(verified.json.Session && verified.json.Session !== associated.json.Session);

    const done = await call(ctx.endpoint, 'RespondToAuthChallenge', {
      ClientId: mfaon().clientId,
      ChallengeName: 'MFA_SETUP',
      Session: verified.json.Session,
      ChallengeResponses: { USERNAME: u.username },
    });
    assert.equal(done.status, 200, JSON.stringify(done.json));
    assert.equal(jwtClaims(done.json.AuthenticationResult.AccessToken).username, u.username);
    assert.ok(done.json.AuthenticationResult.RefreshToken);

    // The factor is now the user's: the next sign-in asks for it, and the code just used is refused in its window.
    const again = await signIn(mfaon().clientId, u.username, u.password);
    assert.equal(again.json.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    assert.equal(again.json.ChallengeParameters.FRIENDLY_DEVICE_NAME, 'Node phone');
    assert.deepEqual((await totpAnswer(mfaon().clientId, u.username, again.json.Session, code)).json, ALREADY_USED);
    // In the next window (the double's clock, moved instead of waiting) the next code signs in.
    const now = await advanceClock(ctx.endpoint, 30_000);
    const next = await totpAnswer(mfaon().clientId, u.username, again.json.Session, totp(secret, now));
    assert.equal(next.status, 200, JSON.stringify(next.json));
    assert.ok(next.json.AuthenticationResult.AccessToken);
  });

  it('a VerifySoftwareToken Session cannot be skipped: RespondToAuthChallenge MFA_SETUP with the Associate Session is refused', async () => {
    const u = ctx.seed.users.mfasetupsrp;
    const start = await signIn(mfaon().clientId, u.username, u.password);
    const associated = await call(ctx.endpoint, 'AssociateSoftwareToken', { Session: start.json.Session });
    const skipped = await call(ctx.endpoint, 'RespondToAuthChallenge', {
      ClientId: mfaon().clientId,
      ChallengeName: 'MFA_SETUP',
      Session: associated.json.Session,
      ChallengeResponses: { USERNAME: u.username },
    });
    assert.deepEqual(skipped.json, { __type: 'NotAuthorizedException', message: 'Invalid session for the user.' });
  });

  it('amazon-cognito-identity-js: USER_SRP_AUTH → mfaSetup → associateSoftwareToken → verifySoftwareToken signs in', async () => {
    const u = ctx.seed.users.mfasetupsrp;
    const pool = new CognitoUserPool({ UserPoolId: mfaon().id, ClientId: mfaon().clientId, endpoint: ctx.endpoint });
    const user = new CognitoUser({ Username: u.username, Pool: pool });
    const session = await new Promise((resolve, reject) => {
      const callbacks = {
        onSuccess: resolve,
        onFailure: reject,
        mfaSetup: () => user.associateSoftwareToken(callbacks),
        associateSecretCode: async (secret) => user.verifySoftwareToken(totp(secret, await doubleNow(ctx.endpoint)), 'Library phone', callbacks),
      };
      user.authenticateUser(new AuthenticationDetails({ Username: u.username, Password: u.password }), callbacks);
    });
    assert.equal(session.getAccessToken().decodePayload().username, u.username);
  });
});

describe('double rule A: TOTP set-up while signed in (AccessToken) and one code per window', () => {
  it('AssociateSoftwareToken / VerifySoftwareToken with an AccessToken; the verified code cannot sign in in the same window', async () => {
    const plain = ctx.seed.pools.plain;
    const u = ctx.seed.users.totpsetup;
    const signedIn = await signIn(plain.clientId, u.username, u.password);
    const AccessToken = signedIn.json.AuthenticationResult.AccessToken;
    const { json: associated } = await call(ctx.endpoint, 'AssociateSoftwareToken', { AccessToken });
    assert.ok(associated.SecretCode);
    const code = totp(associated.SecretCode, await doubleNow(ctx.endpoint));
    const verified = await call(ctx.endpoint, 'VerifySoftwareToken', { AccessToken, UserCode: code });
    assert.equal(verified.json.Status, 'SUCCESS', JSON.stringify(verified.json));
    // The same code again, even for VerifySoftwareToken: already used.
    assert.deepEqual((await call(ctx.endpoint, 'VerifySoftwareToken', { AccessToken, UserCode: code })).json, ALREADY_USED);

    const next = await signIn(plain.clientId, u.username, u.password);
    assert.equal(next.json.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    assert.deepEqual((await totpAnswer(plain.clientId, u.username, next.json.Session, code)).json, ALREADY_USED);
    const wrong = await totpAnswer(plain.clientId, u.username, next.json.Session, await wrongCode(associated.SecretCode));
    assert.deepEqual(wrong.json, { __type: 'CodeMismatchException', message: 'Invalid code received for user' });
    const now = await advanceClock(ctx.endpoint, 30_000);
    const ok = await totpAnswer(plain.clientId, u.username, next.json.Session, totp(associated.SecretCode, now));
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
  });

  it('codes follow the double\'s clock, not the real one: two windows ahead, the real-time code is refused', async () => {
    const plain = ctx.seed.pools.plain;
    const u = ctx.seed.users.totp;
    await advanceClock(ctx.endpoint, 60_000);
    const start = await signIn(plain.clientId, u.username, u.password);
    const realNow = Date.now();
    const doubleTime = await doubleNow(ctx.endpoint);
    assert.ok(doubleTime - realNow >= 60_000);
    const stale = totp(u.totp.secret, realNow - 30_000);
    const refused = await totpAnswer(plain.clientId, u.username, start.json.Session, stale);
    assert.equal(refused.json.__type, 'CodeMismatchException');
    const ok = await totpAnswer(plain.clientId, u.username, start.json.Session, totp(u.totp.secret, doubleTime));
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
  });
});
