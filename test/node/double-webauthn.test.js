// Double rule (scripts/double/webauthn.js): passkeys - Start/CompleteWebAuthnRegistration, List/DeleteWebAuthnCredential
// and the WEB_AUTHN sign-in challenge, verified by @simplewebauthn/server. The credentials come from a software
// authenticator written for these tests (double-authenticator.js); registration goes through AWS's own SDK
// (@aws-sdk/client-cognito-identity-provider) to prove the shapes, the failure cases through raw requests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  ListWebAuthnCredentialsCommand,
  StartWebAuthnRegistrationCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createAuthenticator } from './double-authenticator.js';
import { advanceClock, call, jwtClaims, useDouble } from './double-harness.js';

const ctx = useDouble();
const pool = () => ctx.seed.doublePools.passwordless;
const sdk = () => new CognitoIdentityProviderClient({ endpoint: ctx.endpoint, region: ctx.seed.region, credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });

async function signIn(username, password, clientId = pool().clientId) {
  const { status, json } = await call(ctx.endpoint, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } });
  assert.equal(status, 200, JSON.stringify(json));
  return json.AuthenticationResult.AccessToken;
}
const start = (AccessToken) => call(ctx.endpoint, 'StartWebAuthnRegistration', { AccessToken });
const complete = (AccessToken, Credential) => call(ctx.endpoint, 'CompleteWebAuthnRegistration', { AccessToken, Credential });
const list = (AccessToken) => call(ctx.endpoint, 'ListWebAuthnCredentials', { AccessToken });
const errorOf = (res) => `${res.json.__type}`;

/** USER_AUTH → SELECT_CHALLENGE → WEB_AUTHN: the challenge answer (CREDENTIAL_REQUEST_OPTIONS parsed) and its Session. */
async function webAuthnChallenge(username) {
  const init = await call(ctx.endpoint, 'InitiateAuth', { ClientId: pool().clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: username } });
  assert.ok(init.json.AvailableChallenges.includes('WEB_AUTHN'), JSON.stringify(init.json));
  const chosen = await call(ctx.endpoint, 'RespondToAuthChallenge', {
    ClientId: pool().clientId,
    ChallengeName: 'SELECT_CHALLENGE',
    Session: init.json.Session,
    ChallengeResponses: { USERNAME: username, ANSWER: 'WEB_AUTHN' },
  });
  assert.equal(chosen.json.ChallengeName, 'WEB_AUTHN', JSON.stringify(chosen.json));
  assert.equal(typeof chosen.json.ChallengeParameters.CREDENTIAL_REQUEST_OPTIONS, 'string');
  return { options: JSON.parse(chosen.json.ChallengeParameters.CREDENTIAL_REQUEST_OPTIONS), Session: chosen.json.Session };
}
const answerWebAuthn = (username, Session, credential) =>
  call(ctx.endpoint, 'RespondToAuthChallenge', {
    ClientId: pool().clientId,
    ChallengeName: 'WEB_AUTHN',
    Session,
    ChallengeResponses: { USERNAME: username, CREDENTIAL: JSON.stringify(credential) },
  });

describe('double rule: passkeys (API_StartWebAuthnRegistration, API_CompleteWebAuthnRegistration, API_ListWebAuthnCredentials, API_DeleteWebAuthnCredential, WEB_AUTHN)', () => {
  const u = () => ctx.seed.users.passkeyuser;
  const authenticator = createAuthenticator({ origin: 'http://localhost:8000' });

  it('AWS SDK: StartWebAuthnRegistration returns creation options, CompleteWebAuthnRegistration stores the verified passkey, ListWebAuthnCredentials shows it', async () => {
    const AccessToken = await signIn(u().username, u().password);
    const client = sdk();
    const { CredentialCreationOptions: options } = await client.send(new StartWebAuthnRegistrationCommand({ AccessToken }));
    assert.equal(options.rp.id, 'localhost');
    assert.equal(options.user.name, u().email);
    assert.equal(Buffer.from(options.user.id, 'base64url').toString('utf8'), u().sub);
    assert.match(options.challenge, /^[A-Za-z0-9_-]{32,}$/);
    assert.deepEqual(options.pubKeyCredParams.map((p) => p.alg), [-7, -257]);
    assert.equal(options.authenticatorSelection.residentKey, 'required');
    assert.equal(options.attestation, 'none');
    assert.deepEqual(options.excludeCredentials, []);

    const credential = authenticator.create(options);
    assert.deepEqual(await client.send(new CompleteWebAuthnRegistrationCommand({ AccessToken, Credential: credential })).then(({ $metadata, ...rest }) => rest), {});
    const { Credentials } = await client.send(new ListWebAuthnCredentialsCommand({ AccessToken }));
    assert.equal(Credentials.length, 1);
    assert.equal(Credentials[0].CredentialId, credential.id);
    assert.equal(Credentials[0].RelyingPartyId, 'localhost');
    assert.equal(Credentials[0].AuthenticatorAttachment, 'platform');
    assert.deepEqual(Credentials[0].AuthenticatorTransports, ['internal', 'hybrid']);
    assert.ok(Credentials[0].FriendlyCredentialName);
    assert.ok(Credentials[0].CreatedAt instanceof Date && Math.abs(Credentials[0].CreatedAt.getTime() - Date.now()) < 60_000);

    // The next registration excludes it.
    const again = await start(AccessToken);
    assert.deepEqual(again.json.CredentialCreationOptions.excludeCredentials.map((c) => c.id), [credential.id]);
  });

  it('WEB_AUTHN is then offered; the assertion is verified (challenge, origin, RP ID, signature, counter) → tokens', async () => {
    const { options, Session } = await webAuthnChallenge(u().username);
    assert.equal(options.rpId, 'localhost');
    assert.deepEqual(options.allowCredentials.map((c) => c.id), [...authenticator.credentials.keys()]);
    const ok = await answerWebAuthn(u().username, Session, authenticator.get(options));
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.equal(jwtClaims(ok.json.AuthenticationResult.AccessToken).username, u().username);
    assert.ok(ok.json.AuthenticationResult.RefreshToken);
    // The Session answered once.
    const replay = await answerWebAuthn(u().username, Session, authenticator.get(options));
    assert.equal(replay.json.__type, 'NotAuthorizedException');
  });

  for (const [what, overrides] of [
    ['a corrupted signature', { corruptSignature: true }],
    ['another ceremony\'s challenge', { challenge: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['a page on another origin', { origin: 'https://evil.example' }],
    ['another relying party', { rpId: 'evil.example' }],
    ['a signature counter that went back', { counter: 1 }],
  ]) {
    it(`an assertion with ${what} is NotAuthorizedException`, async () => {
      const { options, Session } = await webAuthnChallenge(u().username);
      const res = await answerWebAuthn(u().username, Session, authenticator.get(options, overrides));
      assert.equal(res.status, 400);
      assert.deepEqual(res.json, { __type: 'NotAuthorizedException', message: 'Invalid WebAuthn credential.' });
    });
  }

  it('registration errors: no challenge, wrong challenge, origin, relying party, another app client', async () => {
    const AccessToken = await signIn(u().username, u().password);
    const creator = createAuthenticator({ origin: 'http://localhost:8000' });
    // Nothing started (a fresh sign-in does not start one; the last Start above was answered by nobody: start anew).
    const first = (await start(AccessToken)).json.CredentialCreationOptions;
    assert.equal(errorOf(await complete(AccessToken, creator.create(first, { challenge: 'bm90LXRoZS1jaGFsbGVuZ2U' }))), 'WebAuthnChallengeNotFoundException');
    // The challenge is spent by that attempt.
    assert.equal(errorOf(await complete(AccessToken, creator.create(first))), 'WebAuthnChallengeNotFoundException');

    const second = (await start(AccessToken)).json.CredentialCreationOptions;
    assert.equal(errorOf(await complete(AccessToken, creator.create(second, { origin: 'https://evil.example' }))), 'WebAuthnOriginNotAllowedException');
    const third = (await start(AccessToken)).json.CredentialCreationOptions;
    assert.equal(errorOf(await complete(AccessToken, creator.create(third, { rpId: 'evil.example' }))), 'WebAuthnRelyingPartyMismatchException');

    const fourth = (await start(AccessToken)).json.CredentialCreationOptions;
    const otherClientToken = await signIn(u().username, u().password, pool().clients.devices.clientId);
    assert.equal(errorOf(await complete(otherClientToken, creator.create(fourth))), 'WebAuthnClientMismatchException');

    const malformed = await complete(AccessToken, { id: 'x' });
    assert.equal(malformed.json.__type, 'InvalidParameterException');
    assert.equal((await list(AccessToken)).json.Credentials.length, 1, 'none of these was stored');
  });

  it('origins: http://127.0.0.1:<any port> and http://localhost:<any port> are accepted, https://localhost is not', async () => {
    const AccessToken = await signIn(u().username, u().password);
    const creator = createAuthenticator();
    const attempt = async (origin) => complete(AccessToken, creator.create((await start(AccessToken)).json.CredentialCreationOptions, { origin }));
    assert.equal(errorOf(await attempt('https://localhost:8443')), 'WebAuthnOriginNotAllowedException');
    assert.equal((await attempt('http://127.0.0.1:39999')).status, 200);
    assert.equal((await attempt('http://localhost:5173')).status, 200);
    assert.equal((await list(AccessToken)).json.Credentials.length, 3);
  });

  it('DeleteWebAuthnCredential removes it (ResourceNotFoundException the second time); without passkeys WEB_AUTHN is not offered', async () => {
    const AccessToken = await signIn(u().username, u().password);
    for (const c of (await list(AccessToken)).json.Credentials) {
      assert.deepEqual(await call(ctx.endpoint, 'DeleteWebAuthnCredential', { AccessToken, CredentialId: c.CredentialId }), { status: 200, json: {} });
      assert.equal((await call(ctx.endpoint, 'DeleteWebAuthnCredential', { AccessToken, CredentialId: c.CredentialId })).json.__type, 'ResourceNotFoundException');
    }
    assert.deepEqual((await list(AccessToken)).json, { Credentials: [] });
    const init = await call(ctx.endpoint, 'InitiateAuth', { ClientId: pool().clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: u().username } });
    assert.ok(!init.json.AvailableChallenges.includes('WEB_AUTHN'), JSON.stringify(init.json));
  });

  it('a registration challenge lasts 3 minutes (the double\'s clock)', async () => {
    const AccessToken = await signIn(u().username, u().password);
    const options = (await start(AccessToken)).json.CredentialCreationOptions;
    assert.equal(options.timeout, 180_000);
    await advanceClock(ctx.endpoint, 3 * 60_000 + 1);
    try {
      assert.equal(errorOf(await complete(AccessToken, createAuthenticator().create(options))), 'WebAuthnChallengeNotFoundException');
    } finally {
      await fetch(`${ctx.endpoint}/__double/clock`, { method: 'POST', body: JSON.stringify({ reset: true }) });
    }
  });

  it('access tokens are checked; a pool without WEB_AUTHN answers WebAuthnNotEnabledException', async () => {
    assert.deepEqual((await start('not-a-token')).json, { __type: 'NotAuthorizedException', message: 'Invalid Access Token' });
    const plain = await signIn(ctx.seed.users.signin.username, ctx.seed.users.signin.password, ctx.seed.pools.plain.clientId);
    assert.equal(errorOf(await start(plain)), 'WebAuthnNotEnabledException');
    assert.equal((await list(plain)).status, 200);
  });
});
