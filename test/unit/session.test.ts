import { expect } from 'chai';
import type { InitiateAuthRequest } from '../../src/api/types.js';
import type { CognitoApi } from '../../src/api/client.js';
import { OPERATIONS } from '../../src/api/operations.js';
import { authError } from '../../src/errors.js';
import {
  decodeJwt,
  MemoryStorage,
  sessionFrom,
  storageFor,
  storagePrefix,
  TokenStore,
  tokensFrom,
  type StorageLike,
  type Tokens,
  type UserSession,
} from '../../src/session/index.js';
import { SessionManager } from '../../src/session/index.js';
import type { SignOutReason } from '../../src/state/index.js';
import { FakeClock } from '../support/clock.js';
import { settle } from '../support/until.js';

// ---------------------------------------------------------------------------------------------------------------------
// Test JWTs, built by hand

function base64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function jwt(payload: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ alg: 'RS256', kid: 'test' }))}.${base64url(JSON.stringify(payload))}.sig`;
}

const SUB = '7d8ca528-4931-4254-9273-ea5ee853f271';

function idToken(extra: Record<string, unknown> = {}): string {
  return jwt({ sub: SUB, 'cognito:username': SUB, email: 'ana@example.com', iat: 1_700_000_000, exp: 1_700_003_600, token_use: 'id', ...extra });
}

function accessToken(extra: Record<string, unknown> = {}): string {
  return jwt({ sub: SUB, username: SUB, iat: 1_700_000_000, exp: 1_700_003_600, token_use: 'access', ...extra });
}

/** Stored tokens; pass null for no refresh token. */
function tokens(expiresAt: number, refreshToken: string | null = 'refresh-1', n = 1): Tokens {
  return { idToken: idToken({ n }), accessToken: accessToken({ n }), refreshToken: refreshToken ?? undefined, tokenType: 'Bearer', expiresAt };
}

// ---------------------------------------------------------------------------------------------------------------------

describe('decodeJwt', () => {
  it('decodes a base64url payload that uses - and _ and has no padding', () => {
    const payload = { sub: SUB, note: '??>>>~~~ÿÿ?>', n: 1 };
    const token = jwt(payload);
    const part = token.split('.')[1]!;
    // The test is only meaningful if the payload really uses the URL-safe alphabet and would need padding.
    expect(part).to.include('-');
    expect(part).to.include('_');
    expect(part.length % 4).to.not.equal(0);
    expect(decodeJwt(token)).to.deep.equal(payload);
  });

  it('decodes UTF-8 claims such as a name with accents', () => {
    const payload = { name: 'José Müller-Łukasiewicz', given_name: 'Zoë', family_name: '山田', nickname: '😀' };
    expect(decodeJwt(jwt(payload))).to.deep.equal(payload);
  });

  it('decodes payloads of every length modulo 4', () => {
    for (let i = 0; i < 4; i++) {
      const payload = { pad: 'x'.repeat(i) };
      expect(decodeJwt(jwt(payload))).to.deep.equal(payload);
    }
  });

  it('throws for something that is not a JWT', () => {
    expect(() => decodeJwt('')).to.throw();
    expect(() => decodeJwt('not-a-jwt')).to.throw();
    expect(() => decodeJwt('a..c')).to.throw();
    expect(() => decodeJwt(`a.${base64url('not json')}.c`)).to.throw();
    expect(() => decodeJwt('a.!!!!.c')).to.throw();
  });

  it('throws when the payload is JSON but not an object', () => {
    expect(() => decodeJwt(`a.${base64url('[1,2]')}.c`)).to.throw();
    expect(() => decodeJwt(`a.${base64url('null')}.c`)).to.throw();
    expect(() => decodeJwt(`a.${base64url('"sub"')}.c`)).to.throw();
  });
});

describe('tokensFrom', () => {
  const NOW = 1_800_000_000_000;

  it('takes expiry from ExpiresIn counted from now on the local clock', () => {
    const t = tokensFrom(
      { IdToken: idToken(), AccessToken: accessToken(), RefreshToken: 'r', TokenType: 'Bearer', ExpiresIn: 3600 },
      NOW,
    );
    expect(t).to.deep.equal({ idToken: idToken(), accessToken: accessToken(), refreshToken: 'r', tokenType: 'Bearer', expiresAt: NOW + 3_600_000 });
  });

  it("without ExpiresIn uses the access token's exp − iat as the lifetime, not its exp", () => {
    // The server clock (iat/exp) is far from the local one: only the lifetime is taken.
    const t = tokensFrom({ IdToken: idToken(), AccessToken: accessToken({ iat: 1_000, exp: 1_900 }) }, NOW);
    expect(t.expiresAt).to.equal(NOW + 900_000);
  });

  it('keeps the previous refresh token when the answer has none (REFRESH_TOKEN_AUTH)', () => {
    expect(tokensFrom({ IdToken: idToken(), AccessToken: accessToken(), ExpiresIn: 60 }, NOW, 'previous').refreshToken).to.equal('previous');
    expect(tokensFrom({ IdToken: idToken(), AccessToken: accessToken(), ExpiresIn: 60 }, NOW).refreshToken).to.equal(undefined);
  });

  it('uses a new refresh token when the answer has one (rotation)', () => {
    expect(tokensFrom({ IdToken: idToken(), AccessToken: accessToken(), RefreshToken: 'rotated', ExpiresIn: 60 }, NOW, 'previous').refreshToken).to.equal(
      'rotated',
    );
  });

  it('defaults TokenType to Bearer', () => {
    expect(tokensFrom({ IdToken: idToken(), AccessToken: accessToken(), ExpiresIn: 60 }, NOW).tokenType).to.equal('Bearer');
  });

  it('throws without an IdToken or AccessToken', () => {
    expect(() => tokensFrom({ AccessToken: accessToken(), ExpiresIn: 60 }, NOW)).to.throw();
    expect(() => tokensFrom({ IdToken: idToken(), ExpiresIn: 60 }, NOW)).to.throw();
    expect(() => tokensFrom({}, NOW)).to.throw();
  });
});

describe('sessionFrom', () => {
  it('takes the username from cognito:username of the id token and exposes its claims', () => {
    const t = tokens(Date.now() + 3_600_000);
    t.idToken = idToken({ 'cognito:username': 'ana', email: 'ana@example.com', name: 'Ana Núñez' });
    const session = sessionFrom(t);
    expect(session.username).to.equal('ana');
    expect(session.claims.email).to.equal('ana@example.com');
    expect(session.claims.name).to.equal('Ana Núñez');
    expect(session.tokens).to.equal(t);
  });

  it("falls back to the access token's username, then to sub", () => {
    const t = tokens(Date.now() + 3_600_000);
    t.idToken = jwt({ sub: 'the-sub' });
    t.accessToken = jwt({ sub: 'the-sub', username: 'from-access' });
    expect(sessionFrom(t).username).to.equal('from-access');
    t.accessToken = jwt({ sub: 'the-sub' });
    expect(sessionFrom(t).username).to.equal('the-sub');
  });

  it('throws when the id token is not a JWT', () => {
    const t = tokens(Date.now() + 3_600_000);
    t.idToken = 'garbage';
    expect(() => sessionFrom(t)).to.throw();
  });
});

describe('storage', () => {
  const written: [Storage, string][] = [];
  afterEach(() => {
    for (const [storage, key] of written.splice(0)) storage.removeItem(key);
  });

  it('MemoryStorage gets, sets and removes', () => {
    const m = new MemoryStorage();
    expect(m.getItem('k')).to.equal(null);
    m.setItem('k', 'v');
    expect(m.getItem('k')).to.equal('v');
    m.setItem('k', 'w');
    expect(m.getItem('k')).to.equal('w');
    m.removeItem('k');
    expect(m.getItem('k')).to.equal(null);
    m.removeItem('missing');
  });

  it("storageFor('memory') gives an isolated store each time, outside the page's storage", () => {
    const a = storageFor('memory');
    const b = storageFor('memory');
    expect(a).to.not.equal(b);
    a.setItem('cognito-elements.test.isolated', 'a');
    expect(b.getItem('cognito-elements.test.isolated')).to.equal(null);
    expect(localStorage.getItem('cognito-elements.test.isolated')).to.equal(null);
    expect(sessionStorage.getItem('cognito-elements.test.isolated')).to.equal(null);
  });

  it("storageFor('local') and storageFor('session') use the window's storage and leave no probe behind", () => {
    const before = [localStorage.length, sessionStorage.length];
    expect(storageFor('local')).to.equal(window.localStorage);
    expect(storageFor('session')).to.equal(window.sessionStorage);
    expect([localStorage.length, sessionStorage.length]).to.deep.equal(before);
  });

  it('storagePrefix namespaces keys by app client id', () => {
    expect(storagePrefix('client-a')).to.equal('cognito-elements.client-a.');
    expect(storagePrefix('client-a')).to.not.equal(storagePrefix('client-b'));
    expect(new TokenStore(new MemoryStorage(), 'client-a').key).to.equal('cognito-elements.client-a.tokens');
  });

  describe('TokenStore', () => {
    it('saves, loads and clears tokens (round trip through localStorage)', () => {
      const store = new TokenStore(localStorage, 'roundtrip');
      written.push([localStorage, store.key]);
      const t = tokens(1_800_000_000_000);
      expect(store.load()).to.equal(undefined);
      store.save(t);
      expect(localStorage.getItem('cognito-elements.roundtrip.tokens')).to.be.a('string');
      expect(store.load()).to.deep.equal(t);
      // A second store on the same storage and client sees the same tokens (a reload of the page).
      expect(new TokenStore(localStorage, 'roundtrip').load()).to.deep.equal(t);
      store.clear();
      expect(store.load()).to.equal(undefined);
      expect(localStorage.getItem(store.key)).to.equal(null);
    });

    it('round trips through sessionStorage', () => {
      const store = new TokenStore(sessionStorage, 'roundtrip-session');
      written.push([sessionStorage, store.key]);
      const t = tokens(1_800_000_000_000, null);
      store.save(t);
      expect(store.load()).to.deep.equal({ ...t, refreshToken: undefined });
      store.clear();
      expect(sessionStorage.getItem(store.key)).to.equal(null);
    });

    it('defaults a missing tokenType to Bearer', () => {
      const storage = new MemoryStorage();
      const store = new TokenStore(storage, 'c');
      storage.setItem(store.key, JSON.stringify({ idToken: 'i', accessToken: 'a', expiresAt: 5 }));
      expect(store.load()).to.deep.equal({ idToken: 'i', accessToken: 'a', refreshToken: undefined, tokenType: 'Bearer', expiresAt: 5 });
    });

    for (const [label, raw] of [
      ['corrupt JSON', '{"idToken":'],
      ['JSON null', 'null'],
      ['a JSON string', '"tokens"'],
      ['no idToken', JSON.stringify({ accessToken: 'a', expiresAt: 1 })],
      ['no accessToken', JSON.stringify({ idToken: 'i', expiresAt: 1 })],
      ['expiresAt as a string', JSON.stringify({ idToken: 'i', accessToken: 'a', expiresAt: '1' })],
      ['idToken as a number', JSON.stringify({ idToken: 1, accessToken: 'a', expiresAt: 1 })],
    ] as const) {
      it(`clears ${label} and returns undefined`, () => {
        const storage = new MemoryStorage();
        const store = new TokenStore(storage, 'c');
        storage.setItem(store.key, raw);
        expect(store.load()).to.equal(undefined);
        expect(storage.getItem(store.key)).to.equal(null);
      });
    }

    it('does not let two app clients collide', () => {
      const a = new TokenStore(localStorage, 'client-a');
      const b = new TokenStore(localStorage, 'client-b');
      written.push([localStorage, a.key], [localStorage, b.key]);
      expect(a.key).to.not.equal(b.key);
      const ta = tokens(1_800_000_000_000, 'refresh-a', 1);
      const tb = tokens(1_800_000_000_000, 'refresh-b', 2);
      a.save(ta);
      expect(b.load()).to.equal(undefined);
      b.save(tb);
      expect(a.load()).to.deep.equal(ta);
      expect(b.load()).to.deep.equal(tb);
      a.clear();
      expect(a.load()).to.equal(undefined);
      expect(b.load()).to.deep.equal(tb);
    });

    it('survives a storage that throws', () => {
      const broken: StorageLike = {
        getItem() {
          throw new Error('SecurityError');
        },
        setItem() {
          throw new Error('QuotaExceededError');
        },
        removeItem() {
          throw new Error('SecurityError');
        },
      };
      const store = new TokenStore(broken, 'c');
      expect(() => store.save(tokens(1))).to.not.throw();
      expect(store.load()).to.equal(undefined);
      expect(() => store.clear()).to.not.throw();
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// SessionManager, with a fake Cognito and a fake clock

type InitiateAuth = CognitoApi['initiateAuth'];

function fakeApi(initiateAuth: InitiateAuth) {
  const calls = {
    initiateAuth: [] as InitiateAuthRequest[],
    revokeToken: [] as unknown[],
    globalSignOut: [] as unknown[],
  };
  const notUsed = (): never => {
    throw new Error('not used by SessionManager');
  };
  // Every operation of the table throws unless used below: a new operation needs no row here.
  const unused = Object.fromEntries(Object.keys(OPERATIONS).map((op) => [op, notUsed])) as unknown as CognitoApi;
  const api: CognitoApi & { calls: typeof calls; revokeResult: () => Promise<object>; globalResult: () => Promise<object>; onRevoke?: () => void } = {
    ...unused,
    calls,
    revokeResult: async () => ({}),
    globalResult: async () => ({}),
    initiateAuth: (input) => {
      calls.initiateAuth.push(structuredClone(input));
      return initiateAuth(input);
    },
    revokeToken: (input) => {
      api.onRevoke?.();
      calls.revokeToken.push(input);
      return api.revokeResult();
    },
    globalSignOut: (input) => {
      calls.globalSignOut.push(input);
      return api.globalResult();
    },
    respondToAuthChallenge: notUsed,
    signUp: notUsed,
    confirmSignUp: notUsed,
    resendConfirmationCode: notUsed,
    forgotPassword: notUsed,
    confirmForgotPassword: notUsed,
    associateSoftwareToken: notUsed,
    verifySoftwareToken: notUsed,
    setUserMfaPreference: notUsed,
    getTokensFromRefreshToken: notUsed,
  };
  return api;
}

const CLIENT_ID = 'test-client-123';
const HOUR = 3_600_000;

/** What Cognito answers to REFRESH_TOKEN_AUTH: new id and access tokens, no refresh token. */
function refreshed(n = 2) {
  return { AuthenticationResult: { IdToken: idToken({ n }), AccessToken: accessToken({ n }), ExpiresIn: 3600, TokenType: 'Bearer' } };
}

function setup(initiateAuth: InitiateAuth = async () => refreshed(), secretHash?: (username: string) => string | Promise<string>) {
  const clock = new FakeClock(1_800_000_000_000);
  const api = fakeApi(initiateAuth);
  const storage = new MemoryStorage();
  const store = new TokenStore(storage, CLIENT_ID);
  const ended: SignOutReason[] = [];
  const refreshedSessions: UserSession[] = [];
  const manager = new SessionManager({
    api,
    store,
    clientId: CLIENT_ID,
    clock,
    secretHash,
    // The schedule, backoff and storage are what these tests are about; the call's choice is session-refresh.test.ts's.
    refreshCall: 'REFRESH_TOKEN_AUTH',
    onEnded: (reason) => ended.push(reason),
    onRefreshed: (session) => refreshedSessions.push(session),
  });
  return { clock, api, storage, store, ended, refreshedSessions, manager };
}

describe('SessionManager', () => {
  it('start() stores the tokens and schedules a refresh before expiry', async () => {
    const { clock, api, store, manager } = setup();
    const t = tokens(clock.time + HOUR);
    const session = manager.start(t);
    expect(session.username).to.equal(SUB);
    expect(manager.session).to.equal(session);
    expect(store.load()).to.deep.equal(t);
    expect(clock.timers).to.have.length(1);
    const delay = clock.timers[0]!.ms;
    expect(delay).to.be.greaterThan(HOUR / 2);
    expect(delay).to.be.at.most(HOUR - 60_000);
    // Nothing is sent before the timer fires.
    await clock.advance(delay - 1);
    expect(api.calls.initiateAuth).to.have.length(0);
    await clock.advance(1);
    expect(api.calls.initiateAuth).to.have.length(1);
  });

  it('schedules the refresh before expiry for short-lived tokens too', () => {
    const { clock, manager } = setup();
    manager.start(tokens(clock.time + 5 * 60_000));
    expect(clock.timers).to.have.length(1);
    expect(clock.timers[0]!.ms).to.be.greaterThan(0).and.lessThan(5 * 60_000);
  });

  it('schedules nothing without a refresh token', () => {
    const { clock, manager } = setup();
    manager.start(tokens(clock.time + HOUR, null));
    expect(clock.timers).to.have.length(0);
  });

  it('refreshes with exactly REFRESH_TOKEN_AUTH, ClientId and REFRESH_TOKEN when the timer fires, keeping the refresh token', async () => {
    const { clock, api, store, manager, refreshedSessions, ended } = setup();
    manager.start(tokens(clock.time + HOUR, 'refresh-1'));
    await clock.advance(clock.timers[0]!.ms);
    expect(api.calls.initiateAuth).to.deep.equal([{ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN: 'refresh-1' } }]);
    const session = manager.session!;
    expect(session.tokens.idToken).to.equal(idToken({ n: 2 }));
    expect(session.tokens.accessToken).to.equal(accessToken({ n: 2 }));
    expect(session.tokens.refreshToken).to.equal('refresh-1');
    expect(session.tokens.expiresAt).to.equal(clock.time + HOUR);
    expect(store.load()).to.deep.equal(session.tokens);
    expect(refreshedSessions).to.deep.equal([session]);
    expect(ended).to.deep.equal([]);
    // And the next refresh is scheduled from the new expiry.
    expect(clock.timers).to.have.length(1);
  });

  it('ends the session once when Cognito refuses the refresh, clears storage and schedules nothing more', async () => {
    const { clock, api, store, storage, manager, ended, refreshedSessions } = setup(async () => {
      throw authError('session-expired', { cognitoName: 'NotAuthorizedException' });
    });
    manager.start(tokens(clock.time + HOUR));
    await clock.advance(HOUR - 60_000);
    expect(api.calls.initiateAuth).to.have.length(1);
    expect(ended).to.deep.equal(['refresh-failed']);
    expect(manager.session).to.equal(undefined);
    expect(store.load()).to.equal(undefined);
    expect(storage.getItem(store.key)).to.equal(null);
    expect(clock.timers).to.have.length(0);
    // No loop: a day later still one request and one end.
    await clock.advance(24 * HOUR);
    expect(api.calls.initiateAuth).to.have.length(1);
    expect(ended).to.deep.equal(['refresh-failed']);
    expect(refreshedSessions).to.deep.equal([]);
  });

  it('retries transient failures with backoff between tries and then succeeds', async () => {
    let failures = 2;
    const { clock, api, manager, ended, refreshedSessions } = setup(async () => {
      if (failures-- > 0) throw authError('network');
      return refreshed();
    });
    manager.start(tokens(clock.time + HOUR, 'refresh-1'));
    const firstDelay = clock.timers[0]!.ms;
    await clock.advance(firstDelay);
    expect(api.calls.initiateAuth).to.have.length(1);

    // A backoff timer waits before the second try; nothing is sent until it fires.
    expect(clock.timers).to.have.length(1);
    const backoff1 = clock.timers[0]!.ms;
    expect(backoff1).to.be.greaterThan(0);
    await clock.advance(backoff1 - 1);
    expect(api.calls.initiateAuth).to.have.length(1);
    await clock.advance(1);
    expect(api.calls.initiateAuth).to.have.length(2);

    expect(clock.timers).to.have.length(1);
    const backoff2 = clock.timers[0]!.ms;
    expect(backoff2).to.be.greaterThan(backoff1);
    await clock.advance(backoff2);
    expect(api.calls.initiateAuth).to.have.length(3);
    for (const call of api.calls.initiateAuth) {
      expect(call).to.deep.equal({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN: 'refresh-1' } });
    }
    expect(ended).to.deep.equal([]);
    expect(refreshedSessions).to.have.length(1);
    expect(manager.session!.tokens.idToken).to.equal(idToken({ n: 2 }));
  });

  it('keeps a still-valid session when transient failures persist, and tries again later', async () => {
    const { clock, api, store, manager, ended } = setup(async () => {
      throw authError('server-error');
    });
    manager.start(tokens(clock.time + HOUR));
    await clock.advance(clock.timers[0]!.ms + 30_000); // the first try and all its backoff retries
    const tries = api.calls.initiateAuth.length;
    expect(tries).to.be.within(2, 10);
    expect(ended).to.deep.equal([]);
    expect(manager.session).to.not.equal(undefined);
    expect(store.load()).to.not.equal(undefined);
    // A later attempt is scheduled, still before expiry.
    expect(clock.timers).to.have.length(1);
    expect(clock.timers[0]!.at).to.be.lessThan(manager.session!.tokens.expiresAt);
  });

  it('keeps the tokens (stale) when transient failures persist past expiry, and keeps trying (issue 13, defect 4)', async () => {
    const { clock, store, manager, ended } = setup(async () => {
      throw authError('network');
    });
    const t = tokens(clock.time + HOUR);
    manager.start(t);
    await clock.advance(2 * HOUR);
    expect(ended).to.deep.equal([]);
    expect(manager.session?.stale).to.equal(true);
    expect(store.load()).to.deep.equal(t);
    expect(clock.timers).to.have.length(1);
  });

  it('concurrent refresh() calls share one request', async () => {
    let resolve!: (value: ReturnType<typeof refreshed>) => void;
    const { clock, api, manager } = setup(() => new Promise((r) => (resolve = r)));
    manager.start(tokens(clock.time + HOUR));
    const a = manager.refresh();
    const b = manager.refresh();
    const c = manager.refresh();
    await settle(5);
    expect(api.calls.initiateAuth).to.have.length(1);
    resolve(refreshed());
    const [sa, sb, sc] = await Promise.all([a, b, c]);
    expect(sa).to.not.equal(undefined);
    expect(sb).to.equal(sa);
    expect(sc).to.equal(sa);
    expect(api.calls.initiateAuth).to.have.length(1);
    // Once settled, a new refresh() is a new request.
    void manager.refresh();
    await settle(5);
    expect(api.calls.initiateAuth).to.have.length(2);
  });

  it('restore() of valid stored tokens makes no request and schedules the refresh', async () => {
    const { clock, api, store, manager } = setup();
    const t = tokens(clock.time + HOUR);
    store.save(t);
    const session = await manager.restore();
    expect(session?.tokens).to.deep.equal(t);
    expect(session?.username).to.equal(SUB);
    expect(manager.session).to.equal(session);
    expect(api.calls.initiateAuth).to.have.length(0);
    expect(clock.timers).to.have.length(1);
  });

  it('restore() with nothing stored returns undefined', async () => {
    const { api, manager, ended } = setup();
    expect(await manager.restore()).to.equal(undefined);
    expect(api.calls.initiateAuth).to.have.length(0);
    expect(ended).to.deep.equal([]);
  });

  it('restore() of nearly expired tokens refreshes first', async () => {
    const { clock, api, store, manager } = setup();
    store.save(tokens(clock.time + 30_000, 'stored-refresh'));
    const session = await manager.restore();
    expect(api.calls.initiateAuth).to.deep.equal([
      { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN: 'stored-refresh' } },
    ]);
    expect(session?.tokens.idToken).to.equal(idToken({ n: 2 }));
    expect(session?.tokens.refreshToken).to.equal('stored-refresh');
    expect(store.load()?.expiresAt).to.equal(clock.time + HOUR);
  });

  it('restore() of expired tokens whose refresh is refused returns undefined and clears storage', async () => {
    const { clock, store, manager, ended } = setup(async () => {
      throw authError('session-expired');
    });
    store.save(tokens(clock.time - 1000));
    expect(await manager.restore()).to.equal(undefined);
    expect(store.load()).to.equal(undefined);
    expect(ended).to.deep.equal(['refresh-failed']);
  });

  it('restore() clears stored tokens that are not JWTs', async () => {
    const { clock, storage, store, manager } = setup();
    store.save({ ...tokens(clock.time + HOUR), idToken: 'garbage' });
    expect(await manager.restore()).to.equal(undefined);
    expect(storage.getItem(store.key)).to.equal(null);
  });

  it('signOut(true) clears storage first, then signs out globally and then revokes the refresh token', async () => {
    const { clock, api, store, manager } = setup();
    const t = tokens(clock.time + HOUR, 'refresh-1');
    manager.start(t);
    let storedWhenRevoking: Tokens | undefined | 'not called' = 'not called';
    let globalBeforeRevoke = false;
    api.onRevoke = () => {
      storedWhenRevoking = store.load();
      globalBeforeRevoke = api.calls.globalSignOut.length === 1;
    };
    await manager.signOut(true);
    expect(storedWhenRevoking).to.equal(undefined);
    expect(globalBeforeRevoke).to.equal(true);
    expect(api.calls.revokeToken).to.deep.equal([{ ClientId: CLIENT_ID, Token: 'refresh-1' }]);
    expect(api.calls.globalSignOut).to.deep.equal([{ AccessToken: t.accessToken }]);
    expect(manager.session).to.equal(undefined);
    expect(store.load()).to.equal(undefined);
    expect(clock.timers).to.have.length(0);
  });

  it('signOut(false) revokes the refresh token but does not sign out other devices', async () => {
    const { clock, api, manager } = setup();
    manager.start(tokens(clock.time + HOUR, 'refresh-1'));
    await manager.signOut(false);
    expect(api.calls.revokeToken).to.deep.equal([{ ClientId: CLIENT_ID, Token: 'refresh-1' }]);
    expect(api.calls.globalSignOut).to.deep.equal([]);
  });

  it('signOut still clears when both revokeToken and globalSignOut reject, and rejects with the GlobalSignOut failure', async () => {
    const { clock, api, store, manager } = setup();
    api.revokeResult = async () => {
      throw authError('network');
    };
    api.globalResult = async () => {
      throw authError('server-error');
    };
    manager.start(tokens(clock.time + HOUR));
    const failure = await manager.signOut(true).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failure).to.have.property('code', 'server-error');
    expect(api.calls.revokeToken).to.have.length(1);
    expect(api.calls.globalSignOut).to.have.length(1);
    expect(manager.session).to.equal(undefined);
    expect(store.load()).to.equal(undefined);
    expect(clock.timers).to.have.length(0);
  });

  it('signOut without a session sends nothing', async () => {
    const { api, manager } = setup();
    await manager.signOut(true);
    expect(api.calls.revokeToken).to.have.length(0);
    expect(api.calls.globalSignOut).to.have.length(0);
  });

  it('sends no refresh request after signOut during a backoff wait', async () => {
    const { clock, api, manager } = setup(async () => {
      throw authError('network');
    });
    manager.start(tokens(clock.time + HOUR, 'refresh-1'));
    await clock.advance(clock.timers[0]!.ms);
    expect(api.calls.initiateAuth).to.have.length(1);
    await manager.signOut(false);
    await clock.advance(10 * 60_000);
    // Regression: a sign-out during a backoff wait must stop the retries.
    expect(api.calls.initiateAuth).to.have.length(1);
  });

  it('adds SECRET_HASH for the username when a secretHash is configured', async () => {
    const hashed: string[] = [];
    const { clock, api, manager } = setup(undefined, async (username) => {
      hashed.push(username);
      return `hash(${username})`;
    });
    const t = tokens(clock.time + HOUR, 'refresh-1');
    t.idToken = idToken({ 'cognito:username': 'ana' });
    manager.start(t);
    await manager.refresh();
    expect(hashed).to.deep.equal(['ana']);
    expect(api.calls.initiateAuth).to.deep.equal([
      { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN: 'refresh-1', SECRET_HASH: 'hash(ana)' } },
    ]);
  });

  it('dispose() stops the refresh timer', async () => {
    const { clock, api, manager } = setup();
    manager.start(tokens(clock.time + HOUR));
    manager.dispose();
    expect(clock.timers).to.have.length(0);
    await clock.advance(2 * HOUR);
    expect(api.calls.initiateAuth).to.have.length(0);
  });
});
