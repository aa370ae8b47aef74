// Double rule (scripts/double/device-srp.js): a remembered device signs in with DEVICE_SRP_AUTH →
// DEVICE_PASSWORD_VERIFIER and skips MFA. Proven with AWS's amazon-cognito-identity-js as an independent client (its
// CognitoUser confirms the device after a sign-in that returns NewDeviceMetadata, then answers DEVICE_SRP_AUTH by
// itself on the next authenticateUser), plus the server-side SRP against the shared device vectors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import * as srp from '../../scripts/double/srp.js';
import { call, useDouble } from './double-harness.js';

const ctx = useDouble();
const shared = (name) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../shared/${name}`, import.meta.url)), 'utf8'));

function userOf(clientKey, username) {
  const p = ctx.seed.pools.plain;
  const pool = new CognitoUserPool({ UserPoolId: p.id, ClientId: p.clients[clientKey].clientId, endpoint: ctx.endpoint });
  return new CognitoUser({ Username: username, Pool: pool });
}

/** authenticateUser (USER_SRP_AUTH, DEVICE_KEY when the library has one); answers SMS MFA with the seed's code when asked. */
function signIn(user, password) {
  const steps = [];
  return new Promise((resolve) => {
    const callbacks = {
      onSuccess: (session, userConfirmationNecessary) => resolve({ kind: 'success', steps, session, userConfirmationNecessary }),
      onFailure: (error) => resolve({ kind: 'failure', steps, error }),
      mfaRequired: () => {
        steps.push('SMS_MFA');
        user.sendMFACode(ctx.seed.code, callbacks);
      },
      totpRequired: () => resolve({ kind: 'totp', steps }),
    };
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), callbacks);
  });
}
const promised = (fn) => new Promise((resolve, reject) => fn({ onSuccess: resolve, onFailure: reject }));
const remembered = (device) => device.DeviceAttributes.find((a) => a.Name === 'dev:device_remembered_status')?.Value;

describe('double rule: DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER (API_RespondToAuthChallenge, device tracking)', () => {
  it('the server side of device SRP matches amazon-cognito-identity-js (shared vectors: group key + device key identity)', () => {
    for (const v of shared('srp-device-vectors.json')) {
      const key = srp.sessionKey({ A: BigInt(`0x${v.expected.AHex}`), B: BigInt(`0x${v.challenge.SRP_B}`), b: BigInt(`0x${v.server.bHex}`), v: BigInt(`0x${v.server.verifierHex}`) });
      assert.equal(key.toString('hex'), v.expected.hkdfHex, v.id);
      const signature = srp.claimSignature({ key, poolName: v.deviceGroupKey, userId: v.deviceKey, secretBlock: v.challenge.SECRET_BLOCK, timestamp: v.timestamp });
      assert.equal(signature, v.expected.PASSWORD_CLAIM_SIGNATURE, v.id);
    }
    for (const v of shared('srp-device-verifier-vectors.json')) {
      const verifier = srp.verifier({ poolName: v.deviceGroupKey, userId: v.deviceKey, password: v.expected.DeviceRandomPassword, saltHex: v.expected.saltPadHex });
      assert.equal(srp.padHex(verifier), v.expected.verifierPadHex, v.id);
    }
  });

  it('amazon-cognito-identity-js: MFA and ConfirmDevice on the first sign-in; the next one goes through DEVICE_SRP_AUTH without MFA', async () => {
    const u = ctx.seed.users.rememberme;
    const first = await signIn(userOf('devices', u.username), u.password);
    assert.equal(first.kind, 'success', first.error?.message);
    assert.deepEqual(first.steps, ['SMS_MFA']);
    assert.equal(first.userConfirmationNecessary, undefined, 'an "always" pool remembers the device on ConfirmDevice');
    const AccessToken = first.session.getAccessToken().getJwtToken();
    const { json } = await call(ctx.endpoint, 'ListDevices', { AccessToken });
    assert.equal(json.Devices.length, 1);
    assert.equal(remembered(json.Devices[0]), 'remembered');

    // Watch the wire: the double must answer DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER.
    const challenges = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (url, init) => {
      const res = await realFetch(url, init);
      if (String(init?.headers?.['X-Amz-Target'] ?? init?.headers?.['x-amz-target'] ?? '').endsWith('RespondToAuthChallenge')) {
        challenges.push(JSON.parse(init.body).ChallengeName);
      }
      return res;
    };
    let second;
    try {
      second = await signIn(userOf('devices', u.username), u.password);
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.equal(second.kind, 'success', second.error?.message);
    assert.deepEqual(second.steps, [], 'no MFA from a remembered device');
    assert.deepEqual(challenges, ['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    assert.equal((await call(ctx.endpoint, 'ListDevices', { AccessToken: second.session.getAccessToken().getJwtToken() })).json.Devices.length, 1, 'no new device');
  });

  it('raw: a wrong device claim is NotAuthorizedException; a DEVICE_SRP_AUTH Session answers once', async () => {
    const u = ctx.seed.users.rememberme;
    const lib = userOf('devices', u.username);
    lib.getCachedDeviceKeyAndPassword();
    assert.ok(lib.deviceKey, 'the library kept the device from the previous test');
    const clientId = ctx.seed.pools.plain.clients.devices.clientId;
    const init = await call(ctx.endpoint, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: u.username, PASSWORD: u.password, DEVICE_KEY: lib.deviceKey } });
    assert.equal(init.json.ChallengeName, 'DEVICE_SRP_AUTH', JSON.stringify(init.json));
    const A = (srp.modPow(srp.g, 12345678901234567890n, srp.N)).toString(16);
    const start = await call(ctx.endpoint, 'RespondToAuthChallenge', { ClientId: clientId, ChallengeName: 'DEVICE_SRP_AUTH', Session: init.json.Session, ChallengeResponses: { USERNAME: u.username, DEVICE_KEY: lib.deviceKey, SRP_A: A } });
    assert.equal(start.json.ChallengeName, 'DEVICE_PASSWORD_VERIFIER', JSON.stringify(start.json));
    const p = start.json.ChallengeParameters;
    assert.deepEqual(Object.keys(p).sort(), ['DEVICE_KEY', 'SALT', 'SECRET_BLOCK', 'SRP_B', 'USERNAME']);
    const again = await call(ctx.endpoint, 'RespondToAuthChallenge', { ClientId: clientId, ChallengeName: 'DEVICE_SRP_AUTH', Session: init.json.Session, ChallengeResponses: { USERNAME: u.username, DEVICE_KEY: lib.deviceKey, SRP_A: A } });
    assert.equal(again.json.__type, 'NotAuthorizedException');
    const wrong = await call(ctx.endpoint, 'RespondToAuthChallenge', {
      ClientId: clientId,
      ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
      Session: start.json.Session,
      ChallengeResponses: { USERNAME: u.username, DEVICE_KEY: lib.deviceKey, PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK, PASSWORD_CLAIM_SIGNATURE: Buffer.alloc(32).toString('base64'), TIMESTAMP: 'Tue Sep 2 20:09:05 UTC 2025' },
    });
    assert.deepEqual(wrong.json, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('ForgetDevice: the next sign-in asks for MFA again and gets a new device', async () => {
    const u = ctx.seed.users.rememberme;
    const lib = userOf('devices', u.username);
    const signedIn = await signIn(lib, u.password);
    assert.deepEqual(signedIn.steps, []);
    await promised((cb) => lib.forgetDevice(cb));
    const next = await signIn(userOf('devices', u.username), u.password);
    assert.equal(next.kind, 'success', next.error?.message);
    assert.deepEqual(next.steps, ['SMS_MFA']);
  });

  it('a device forgotten elsewhere: PASSWORD_VERIFIER with its DEVICE_KEY is ResourceNotFoundException; the same answer without it goes on to MFA', async () => {
    const u = ctx.seed.users.rememberme;
    const lib = userOf('devices', u.username);
    const signedIn = await signIn(lib, u.password);
    assert.deepEqual(signedIn.steps, [], 'the device of the previous test is remembered');
    lib.getCachedDeviceKeyAndPassword();
    const staleKey = lib.deviceKey;
    // Forgotten on the server only (another browser's "Forget this device", an admin): this library still has it.
    const forgot = await call(ctx.endpoint, 'ForgetDevice', { AccessToken: signedIn.session.getAccessToken().getJwtToken(), DeviceKey: staleKey });
    assert.equal(forgot.status, 200);

    const wire = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = async (url, init) => {
      const res = await realFetch(url, init);
      const body = JSON.parse(init.body);
      if (body.ChallengeName === 'PASSWORD_VERIFIER') {
        const answer = await res.clone().json();
        wire.push({ deviceKey: body.ChallengeResponses.DEVICE_KEY ?? null, error: answer.__type ? `${answer.__type}: ${answer.message}` : null });
      }
      return res;
    };
    let next;
    try {
      next = await signIn(userOf('devices', u.username), u.password);
    } finally {
      globalThis.fetch = realFetch;
    }
    // amazon-cognito-identity-js forgets the device and sends the same answer again without DEVICE_KEY.
    assert.deepEqual(wire, [
      { deviceKey: staleKey, error: 'ResourceNotFoundException: Device does not exist.' },
      { deviceKey: null, error: null },
    ]);
    assert.equal(next.kind, 'success', next.error?.message);
    assert.deepEqual(next.steps, ['SMS_MFA'], 'a new device: MFA again');
  });

  it('USER_AUTH through a device-tracking client: PASSWORD from a remembered device gets DEVICE_SRP_AUTH too', async () => {
    const u = ctx.seed.users.otpuser;
    const clientId = ctx.seed.doublePools.passwordless.clients.devices.clientId;
    const userAuth = (extra = {}) =>
      call(ctx.endpoint, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: u.username, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: u.password, ...extra } });
    const first = await userAuth();
    const { DeviceKey } = first.json.AuthenticationResult.NewDeviceMetadata;
    const verifierConfig = { PasswordVerifier: Buffer.from('verifier').toString('base64'), Salt: Buffer.from('salt').toString('base64') };
    await call(ctx.endpoint, 'ConfirmDevice', { AccessToken: first.json.AuthenticationResult.AccessToken, DeviceKey, DeviceSecretVerifierConfig: verifierConfig });
    const next = await userAuth({ DEVICE_KEY: DeviceKey });
    assert.equal(next.json.ChallengeName, 'DEVICE_SRP_AUTH', JSON.stringify(next.json));
  });

  it('opt-in pool: ConfirmDevice needs the user\'s confirmation; MFA until UpdateDeviceStatus remembered, then none', async () => {
    const u = ctx.seed.users.optinuser;
    const first = await signIn(userOf('optin', u.username), u.password);
    assert.equal(first.kind, 'success', first.error?.message);
    assert.deepEqual(first.steps, ['SMS_MFA']);
    assert.equal(first.userConfirmationNecessary, true);

    const second = userOf('optin', u.username);
    const notYet = await signIn(second, u.password);
    assert.deepEqual(notYet.steps, ['SMS_MFA'], 'a device not remembered does not skip MFA');
    await promised((cb) => second.setDeviceStatusRemembered(cb));

    const third = await signIn(userOf('optin', u.username), u.password);
    assert.equal(third.kind, 'success', third.error?.message);
    assert.deepEqual(third.steps, []);
  });
});
