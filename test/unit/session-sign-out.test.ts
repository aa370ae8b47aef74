// Sign-out (issue 13: defects 3 and 9; issue 16: 5): local by default, global only when asked (GlobalSignOut first,
// and reported when it fails), never dependent on parsing a token, and no request that must fail for a client with a
// secret. Asserted at the API seam: requests in order, storage, state and events.
import { expect } from 'chai';
import type { AuthError } from '../../src/errors.js';
import { tokensKey } from '../../src/session/index.js';
import { authResult, CLIENT, exception, harness, type Harness } from '../support/fake-cognito.js';

const PASSWORD = 'Correct-Horse-9';

async function signedIn(h: Harness, result = authResult('ada')) {
  h.cognito.on('initiateAuth', () => result);
  await h.flow.signIn({ username: 'ada', password: PASSWORD });
  expect(h.flow.state.screen).to.equal('signed-in');
  return h.flow.session!.tokens;
}

/** Every request after sign-in, in the order sent. */
const sent = (h: Harness) => h.cognito.calls.filter((c) => c.op !== 'initiateAuth');

function expectSignedOutHere(h: Harness) {
  expect(h.flow.state).to.deep.include({ screen: 'sign-in', notice: 'signed-out' });
  expect(h.flow.session).to.equal(undefined);
  expect(h.storage.getItem(tokensKey(CLIENT))).to.equal(null);
  expect(h.events.filter((e) => e.type === 'signed-out').map((e) => (e as { reason: string }).reason)).to.deep.equal(['user']);
}

describe('13.3 signOut() is local by default', () => {
  it('revokes this refresh token only, even when the access token may sign out everywhere', async () => {
    const h = harness();
    h.cognito.on('revokeToken', () => ({})).on('globalSignOut', () => ({}));
    const { refreshToken } = await signedIn(h); // its access token has aws.cognito.signin.user.admin
    await h.flow.signOut();
    expect(sent(h)).to.deep.equal([{ op: 'revokeToken', input: { ClientId: CLIENT, Token: refreshToken } }]);
    expectSignedOutHere(h);
  });

  it('signOut({ global: true }) sends GlobalSignOut first, then revokes the refresh token', async () => {
    const h = harness();
    h.cognito.on('revokeToken', () => ({})).on('globalSignOut', () => ({}));
    const { accessToken, refreshToken } = await signedIn(h);
    await h.flow.signOut({ global: true });
    expect(sent(h)).to.deep.equal([
      { op: 'globalSignOut', input: { AccessToken: accessToken } },
      { op: 'revokeToken', input: { ClientId: CLIENT, Token: refreshToken } },
    ]);
    expectSignedOutHere(h);
  });

  it('RevokeToken is not sent before GlobalSignOut has answered (it would revoke the access token GlobalSignOut needs)', async () => {
    const h = harness();
    let answer!: () => void;
    h.cognito.on('revokeToken', () => ({})).on('globalSignOut', () => new Promise<object>((resolve) => (answer = () => resolve({}))));
    await signedIn(h);
    const signingOut = h.flow.signOut({ global: true });
    await Promise.resolve();
    // Signed out here at once, whatever the network does.
    expect(h.flow.state.screen).to.equal('sign-in');
    expect(sent(h).map((c) => c.op)).to.deep.equal(['globalSignOut']);
    answer();
    await signingOut;
    expect(sent(h).map((c) => c.op)).to.deep.equal(['globalSignOut', 'revokeToken']);
  });

  it('a refused GlobalSignOut rejects signOut({ global: true }) and fires an error event; this device is signed out anyway', async () => {
    const h = harness();
    h.cognito.on('revokeToken', () => ({})).on('globalSignOut', () => exception('NotAuthorizedException', 'Access Token has been revoked'));
    await signedIn(h);
    let rejected: AuthError | undefined;
    await h.flow.signOut({ global: true }).catch((e: AuthError) => (rejected = e));
    expect(rejected?.cognitoName).to.equal('NotAuthorizedException');
    const errors = h.events.filter((e) => e.type === 'error');
    expect(errors).to.have.length(1);
    expect((errors[0] as { error: AuthError }).error).to.equal(rejected);
    expect(sent(h).map((c) => c.op), 'the refresh token is still revoked').to.deep.equal(['globalSignOut', 'revokeToken']);
    expectSignedOutHere(h);
  });

  it('a failed RevokeToken on a local sign-out is not an error: nothing is left on this device', async () => {
    const h = harness();
    h.cognito.on('revokeToken', () => {
      throw new TypeError('Failed to fetch');
    });
    await signedIn(h);
    await h.flow.signOut();
    expect(h.events.filter((e) => e.type === 'error')).to.deep.equal([]);
    expectSignedOutHere(h);
  });
});

describe('16.5 sign-out never depends on parsing a token', () => {
  for (const global of [false, true]) {
    it(`signs out with an access token that is not a JWT (global: ${global})`, async () => {
      const h = harness();
      h.cognito.on('revokeToken', () => ({})).on('globalSignOut', () => ({}));
      const opaque = authResult('ada');
      opaque.AuthenticationResult.AccessToken = 'opaque-access-token';
      await signedIn(h, opaque);
      await h.flow.signOut({ global });
      expectSignedOutHere(h);
      expect(h.cognito.callsOf('globalSignOut')).to.deep.equal(global ? [{ AccessToken: 'opaque-access-token' }] : []);
      expect(h.cognito.callsOf('revokeToken')).to.have.length(1);
    });
  }
});

describe('13.9 sign-out for an app client with a secret', () => {
  it('sends no RevokeToken (it needs the client secret itself): the tokens are forgotten here', async () => {
    const h = harness({ secretHash: (u) => `h(${u})` });
    h.cognito.on('revokeToken', () => exception('NotAuthorizedException', 'Client secret is required'));
    await signedIn(h);
    await h.flow.signOut();
    expect(sent(h)).to.deep.equal([]);
    expectSignedOutHere(h);
  });

  it("hands the refresh token to the page's revokeToken hook instead, for its server to revoke with the secret", async () => {
    const revoked: unknown[] = [];
    const h = harness({
      secretHash: (u) => `h(${u})`,
      revokeToken: async (request) => {
        revoked.push(request);
      },
    });
    const { refreshToken } = await signedIn(h);
    await h.flow.signOut();
    expect(revoked).to.deep.equal([{ refreshToken, clientId: CLIENT }]);
    expect(sent(h)).to.deep.equal([]);
    expectSignedOutHere(h);
  });

  it('global sign-out still works (GlobalSignOut needs only the access token)', async () => {
    const h = harness({ secretHash: (u) => `h(${u})` });
    h.cognito.on('globalSignOut', () => ({}));
    const { accessToken } = await signedIn(h);
    await h.flow.signOut({ global: true });
    expect(sent(h)).to.deep.equal([{ op: 'globalSignOut', input: { AccessToken: accessToken } }]);
  });
});
