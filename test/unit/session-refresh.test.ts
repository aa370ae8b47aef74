// Refresh against Cognito as it is configured in real pools (issue 13: defects 1, 2, 4, 8, 9; issue 16: 9): device
// tracking, refresh-token rotation, the ID token's own lifetime, clients with a secret, offline starts, and a refresh
// answer that lands after another tab signed out. Asserted at the API seam: the requests sent, storage, state, events.
import { expect } from 'chai';
import { ConfigError, parseConfig } from '../../src/config.js';
import { tokensKey } from '../../src/session/index.js';
import { authResult, CLIENT, exception, harness, jwt, POOL, settle, type Harness } from '../support/fake-cognito.js';

const PASSWORD = 'Correct-Horse-9';
const DEVICE = { DeviceKey: 'us-east-1_0a1b2c3d-4e5f-device', DeviceGroupKey: '-dg1' };
const HOUR = 3_600_000;

type Result = ReturnType<typeof authResult>;

/** What a refresh answers when rotation is off: new ID and access tokens, no refresh token, no device metadata. */
function renewed(sub = 'ada'): Result {
  const result = authResult(sub);
  delete (result.AuthenticationResult as { RefreshToken?: string }).RefreshToken;
  return result;
}

/** Signs in with `result`; InitiateAuth answers sign-ins with it and REFRESH_TOKEN_AUTH with `onRefresh`. */
async function signedIn(h: Harness, result: Result = authResult('ada'), onRefresh: () => unknown = () => renewed()): Promise<Result> {
  h.cognito.on('initiateAuth', (input) => (input.AuthFlow === 'REFRESH_TOKEN_AUTH' ? onRefresh() : result));
  await h.flow.signIn({ username: 'ada', password: PASSWORD });
  expect(h.flow.state.screen).to.equal('signed-in');
  return result;
}

const refreshFlows = (h: Harness) => h.cognito.callsOf('initiateAuth').filter((c) => c.AuthFlow === 'REFRESH_TOKEN_AUTH');
const stored = (h: Harness) => JSON.parse(h.storage.getItem(tokensKey(CLIENT)) ?? 'null') as Record<string, unknown> | null;
const signedOutReasons = (h: Harness) => h.events.filter((e) => e.type === 'signed-out').map((e) => (e as { reason: string }).reason);
const networkDown = (): never => {
  throw new TypeError('Failed to fetch');
};

describe('13.1 device tracking: the device key stays with the session and goes with every refresh', () => {
  it('keeps NewDeviceMetadata and sends DeviceKey on every GetTokensFromRefreshToken', async () => {
    const h = harness();
    const first = await signedIn(h, authResult('ada', { NewDeviceMetadata: DEVICE }));
    h.cognito.on('getTokensFromRefreshToken', () => renewed());
    await h.flow.refresh();
    await h.flow.refresh();
    const refreshToken = first.AuthenticationResult.RefreshToken;
    // The second answer has no NewDeviceMetadata (GetTokensFromRefreshToken never returns it): the key is kept.
    expect(h.cognito.callsOf('getTokensFromRefreshToken')).to.deep.equal([
      { ClientId: CLIENT, RefreshToken: refreshToken, DeviceKey: DEVICE.DeviceKey },
      { ClientId: CLIENT, RefreshToken: refreshToken, DeviceKey: DEVICE.DeviceKey },
    ]);
    expect(h.flow.session?.tokens).to.deep.include({ deviceKey: DEVICE.DeviceKey, deviceGroupKey: DEVICE.DeviceGroupKey });
  });

  it('REFRESH_TOKEN_AUTH carries DEVICE_KEY', async () => {
    const h = harness({ refreshCall: 'REFRESH_TOKEN_AUTH' });
    const first = await signedIn(h, authResult('ada', { NewDeviceMetadata: DEVICE }));
    await h.flow.refresh();
    expect(refreshFlows(h)).to.deep.equal([
      {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: CLIENT,
        AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult.RefreshToken, DEVICE_KEY: DEVICE.DeviceKey },
      },
    ]);
  });

  it('a session restored after a reload still refreshes with its device key', async () => {
    const h = harness();
    const first = await signedIn(h, authResult('ada', { NewDeviceMetadata: DEVICE }));
    const reloaded = harness({}, { storage: h.storage });
    reloaded.cognito.on('getTokensFromRefreshToken', () => renewed());
    expect(await reloaded.flow.restore()).to.equal(true);
    await reloaded.flow.refresh();
    expect(reloaded.cognito.callsOf('getTokensFromRefreshToken')).to.deep.equal([
      { ClientId: CLIENT, RefreshToken: first.AuthenticationResult.RefreshToken, DeviceKey: DEVICE.DeviceKey },
    ]);
  });

  it('sends no device key when the pool does not track devices', async () => {
    const h = harness();
    await signedIn(h);
    h.cognito.on('getTokensFromRefreshToken', () => renewed());
    await h.flow.refresh();
    expect(h.cognito.callsOf('getTokensFromRefreshToken')[0]).to.not.have.property('DeviceKey');
  });
});

describe('13.2 refresh-token rotation: GetTokensFromRefreshToken, and its new refresh token is kept', () => {
  it('refreshes with GetTokensFromRefreshToken by default and uses each rotated refresh token for the next refresh', async () => {
    const h = harness();
    const first = await signedIn(h);
    const rotated1 = authResult('ada');
    const rotated2 = authResult('ada');
    h.cognito.on('getTokensFromRefreshToken', () => rotated1, () => rotated2);
    await h.flow.refresh();
    expect(stored(h)?.refreshToken).to.equal(rotated1.AuthenticationResult.RefreshToken);
    await h.flow.refresh();
    expect(h.cognito.callsOf('getTokensFromRefreshToken').map((c) => c.RefreshToken)).to.deep.equal([
      first.AuthenticationResult.RefreshToken,
      rotated1.AuthenticationResult.RefreshToken,
    ]);
    expect(refreshFlows(h), 'REFRESH_TOKEN_AUTH is refused by rotation clients: never sent').to.deep.equal([]);
    const state = h.flow.state;
    expect(state.screen === 'signed-in' && state.session.tokens.refreshToken).to.equal(rotated2.AuthenticationResult.RefreshToken);
    expect(stored(h)?.refreshToken).to.equal(rotated2.AuthenticationResult.RefreshToken);
  });

  it('keeps the current refresh token when rotation is off (the answer has none)', async () => {
    const h = harness();
    const first = await signedIn(h);
    h.cognito.on('getTokensFromRefreshToken', () => renewed());
    await h.flow.refresh();
    expect(h.flow.session?.tokens.refreshToken).to.equal(first.AuthenticationResult.RefreshToken);
  });

  for (const [endpoint, name] of [
    ['Cognito before the operation existed', 'UnknownOperationException'],
    ['cognito-local', 'CognitoLocal#Unsupported'],
  ] as const) {
    it(`falls back to REFRESH_TOKEN_AUTH, once and for good, when the endpoint does not know the operation (${endpoint})`, async () => {
      const h = harness();
      const first = await signedIn(h);
      h.cognito.on('getTokensFromRefreshToken', () => exception(name, 'Unsupported x-amz-target header'));
      await h.flow.refresh();
      await h.flow.refresh();
      expect(h.cognito.callsOf('getTokensFromRefreshToken')).to.have.length(1);
      expect(refreshFlows(h)).to.deep.equal([
        { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT, AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult.RefreshToken } },
        { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT, AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult.RefreshToken } },
      ]);
      expect(h.flow.state.screen).to.equal('signed-in');
      expect(signedOutReasons(h)).to.deep.equal([]);
    });
  }

  it('a refusal of GetTokensFromRefreshToken is no reason to fall back: the session ends', async () => {
    const h = harness();
    await signedIn(h);
    h.cognito.on('getTokensFromRefreshToken', () => exception('NotAuthorizedException', 'Invalid Refresh Token'));
    await h.flow.refresh();
    expect(refreshFlows(h)).to.deep.equal([]);
    expect(signedOutReasons(h)).to.deep.equal(['refresh-failed']);
    expect(stored(h)).to.equal(null);
  });

  it('a rotated-out refresh token used again (RefreshTokenReuseException) ends the session instead of retrying', async () => {
    const h = harness();
    await signedIn(h);
    h.cognito.on('getTokensFromRefreshToken', () => exception('RefreshTokenReuseException', 'Refresh token has already been used.'));
    await h.flow.refresh();
    expect(h.cognito.callsOf('getTokensFromRefreshToken')).to.have.length(1);
    expect(signedOutReasons(h)).to.deep.equal(['refresh-failed']);
  });

  it("refreshCall: 'REFRESH_TOKEN_AUTH' sends only InitiateAuth", async () => {
    const h = harness({ refreshCall: 'REFRESH_TOKEN_AUTH' });
    await signedIn(h);
    await h.flow.refresh();
    expect(refreshFlows(h)).to.have.length(1);
    expect(h.cognito.callsOf('getTokensFromRefreshToken')).to.deep.equal([]);
  });

  it("refreshCall: 'GetTokensFromRefreshToken' never falls back (an endpoint without it cannot refresh: the session ends)", async () => {
    const h = harness({ refreshCall: 'GetTokensFromRefreshToken' });
    await signedIn(h);
    h.cognito.on('getTokensFromRefreshToken', () => exception('UnknownOperationException'));
    await h.flow.refresh();
    expect(h.cognito.callsOf('getTokensFromRefreshToken')).to.have.length(1);
    expect(refreshFlows(h)).to.deep.equal([]);
    expect(signedOutReasons(h)).to.deep.equal(['refresh-failed']);
  });

  it('refreshCall is validated', () => {
    const base = { userPoolId: POOL, clientId: CLIENT };
    expect(parseConfig(base).refreshCall).to.equal('auto');
    expect(parseConfig({ ...base, refreshCall: 'REFRESH_TOKEN_AUTH' }).refreshCall).to.equal('REFRESH_TOKEN_AUTH');
    expect(() => parseConfig({ ...base, refreshCall: 'REFRESH_TOKEN' })).to.throw(ConfigError, /refresh-call/);
    // GetTokensFromRefreshToken needs the client secret itself when the client has one: never in a browser.
    const secretHash = (u: string) => u;
    expect(() => parseConfig({ ...base, secretHash, refreshCall: 'GetTokensFromRefreshToken' })).to.throw(ConfigError, /refresh-call/);
  });
});

describe('13.9 a client with a secret refreshes with REFRESH_TOKEN_AUTH and SECRET_HASH', () => {
  it('never sends GetTokensFromRefreshToken (it needs the client secret itself)', async () => {
    const h = harness({ secretHash: (u) => `h(${u})` });
    const first = await signedIn(h, authResult('ada', { NewDeviceMetadata: DEVICE }));
    await h.flow.refresh();
    expect(h.cognito.callsOf('getTokensFromRefreshToken')).to.deep.equal([]);
    expect(refreshFlows(h)).to.deep.equal([
      {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: CLIENT,
        AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult.RefreshToken, SECRET_HASH: 'h(ada)', DEVICE_KEY: DEVICE.DeviceKey },
      },
    ]);
  });
});

describe('13.8 expiry: the earlier of the ID and the access token', () => {
  /** A sign-in whose ID token lives `idSeconds` (exp − iat, on the server's clock) and access token `ExpiresIn`. */
  function lifetimes(idSeconds: number, accessSeconds: number): Result {
    const result = authResult('ada', { ExpiresIn: accessSeconds });
    const iat = 1_000_000;
    result.AuthenticationResult.IdToken = jwt({ sub: 'ada', 'cognito:username': 'ada', token_use: 'id', iat, exp: iat + idSeconds });
    return result;
  }

  it('an ID token shorter-lived than the access token is refreshed before it expires', async () => {
    const h = harness();
    await signedIn(h, lifetimes(600, 3600));
    expect(h.flow.session?.tokens.expiresAt).to.equal(h.clock.now() + 600_000);
    h.cognito.on('getTokensFromRefreshToken', () => renewed());
    await h.clock.advance(600_000 - 1);
    expect(h.cognito.callsOf('getTokensFromRefreshToken'), 'refreshed before the ID token expired').to.have.length(1);
  });

  it('an access token shorter-lived than the ID token sets the expiry as before', async () => {
    const h = harness();
    await signedIn(h, lifetimes(3600, 300));
    expect(h.flow.session?.tokens.expiresAt).to.equal(h.clock.now() + 300_000);
  });
});

describe('13.4 a network failure never deletes tokens', () => {
  /** A page opened after the stored access token expired, its refresh token still good. */
  function expiredOnDisk(deps: Parameters<typeof harness>[1] = {}): { h: Harness; refreshToken: string } {
    const h = harness({}, deps);
    const { AuthenticationResult: r } = authResult('ada');
    const expiresAt = h.clock.now() - HOUR;
    const tokens = { idToken: r.IdToken, accessToken: r.AccessToken, refreshToken: r.RefreshToken, tokenType: 'Bearer', expiresAt };
    h.storage.setItem(tokensKey(CLIENT), JSON.stringify(tokens));
    return { h, refreshToken: r.RefreshToken };
  }

  it('opening the page offline keeps the tokens and shows the user signed in with stale claims', async () => {
    const { h, refreshToken } = expiredOnDisk();
    let answer: () => unknown = networkDown;
    h.cognito.on('getTokensFromRefreshToken', () => answer());
    const restoring = h.flow.restore();
    await h.clock.advance(5 * 60_000);
    expect(await restoring).to.equal(true);
    const state = h.flow.state;
    expect(state.screen).to.equal('signed-in');
    expect(state.screen === 'signed-in' && state.session.stale).to.equal(true);
    expect(state.screen === 'signed-in' && state.session.claims.email).to.equal('ada@example.com');
    expect(stored(h)?.refreshToken, 'the refresh token is still stored').to.equal(refreshToken);
    expect(signedOutReasons(h)).to.deep.equal([]);
    expect(h.clock.pending, 'another try is scheduled').to.equal(1);

    // Back online: the element calls refresh() on the window's `online` event (or the scheduled try runs).
    const fresh = renewed();
    answer = () => fresh;
    await h.flow.refresh();
    const after = h.flow.state;
    expect(after.screen === 'signed-in' && after.session.tokens.accessToken).to.equal(fresh.AuthenticationResult.AccessToken);
    expect(after.screen === 'signed-in' && after.session.stale).to.equal(undefined);
    expect(h.events.filter((e) => e.type === 'tokens-refreshed')).to.have.length(1);
  });

  it('known to be offline (isOnline): sends nothing, keeps the tokens, and refreshes once online', async () => {
    let online = false;
    const { h } = expiredOnDisk({ isOnline: () => online });
    h.cognito.on('getTokensFromRefreshToken', () => renewed());
    expect(await h.flow.restore()).to.equal(true);
    expect(h.cognito.calls).to.deep.equal([]);
    expect(h.flow.session?.stale).to.equal(true);
    online = true;
    await h.flow.refresh();
    expect(h.cognito.callsOf('getTokensFromRefreshToken')).to.have.length(1);
    expect(h.flow.session?.stale).to.equal(undefined);
  });

  it('a signed-in user whose refresh keeps failing for network reasons past expiry stays signed in, stale', async () => {
    const h = harness();
    await signedIn(h);
    h.cognito.on('getTokensFromRefreshToken', networkDown);
    await h.clock.advance(3 * HOUR);
    expect(signedOutReasons(h)).to.deep.equal([]);
    expect(stored(h)).to.not.equal(null);
    const state = h.flow.state;
    expect(state.screen === 'signed-in' && state.session.stale).to.equal(true);
    expect(h.clock.pending, 'and it keeps trying').to.equal(1);
  });

  it('a refusal while stale still ends the session', async () => {
    const { h } = expiredOnDisk();
    let answer: () => unknown = networkDown;
    h.cognito.on('getTokensFromRefreshToken', () => answer());
    const restoring = h.flow.restore();
    await h.clock.advance(1000);
    expect(await restoring).to.equal(true);
    answer = () => exception('NotAuthorizedException', 'Refresh Token has been revoked');
    await h.flow.refresh();
    expect(signedOutReasons(h)).to.deep.equal(['refresh-failed']);
    expect(stored(h)).to.equal(null);
  });
});

describe('16.9 a refresh answer never signs a tab back in after a sign-out elsewhere', () => {
  // Either refresh call: the guard is on the write.
  it('an answer landing after another tab signed out is not written back', async () => {
    const h = harness({ refreshCall: 'REFRESH_TOKEN_AUTH' });
    let answer!: (value: Result) => void;
    await signedIn(h, authResult('ada'), () => new Promise<Result>((resolve) => (answer = resolve)));
    const refreshing = h.flow.refresh();
    await settle(5);
    // Tab A signs out: storage is cleared there; this tab's `storage` event has not been handled yet.
    h.storage.removeItem(tokensKey(CLIENT));
    answer(renewed());
    await refreshing;
    expect(stored(h), 'the tokens were not written back').to.equal(null);
    expect(h.events.filter((e) => e.type === 'tokens-refreshed')).to.deep.equal([]);
    // The storage event arrives: this tab signs out too.
    h.flow.syncFromStorage();
    expect(h.flow.state.screen).to.equal('sign-in');
    expect(signedOutReasons(h)).to.deep.equal(['other-tab']);
  });

  it('an answer landing after another tab signed in someone else does not overwrite them', async () => {
    const h = harness();
    await signedIn(h);
    let answer!: (value: Result) => void;
    h.cognito.on('getTokensFromRefreshToken', () => new Promise<Result>((resolve) => (answer = resolve)));
    const refreshing = h.flow.refresh();
    await settle(5);
    const { AuthenticationResult: bob } = authResult('bob');
    const expiresAt = h.clock.now() + HOUR;
    const theirs = { idToken: bob.IdToken, accessToken: bob.AccessToken, refreshToken: bob.RefreshToken, tokenType: 'Bearer', expiresAt };
    h.storage.setItem(tokensKey(CLIENT), JSON.stringify(theirs));
    answer(renewed());
    await refreshing;
    expect(stored(h)?.accessToken).to.equal(bob.AccessToken);
  });
});
