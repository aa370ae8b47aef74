import { expect } from 'chai';
import { ConfigError, parseConfig, type AuthOptions } from '../../src/config.js';
import type { AuthError } from '../../src/errors.js';
import {
  authorizeUrl,
  base64Url,
  cleanCallbackUrl,
  codeChallengeS256,
  createCodeVerifier,
  createState,
  HostedSignIn,
  logoutUrl,
  parseCallback,
  PendingStore,
  type Callback,
} from '../../src/oauth/index.js';
import { MemoryStorage, sessionFrom } from '../../src/session/index.js';
import { CLIENT, harness, jwt, POOL, settle } from '../support/fake-cognito.js';

const DOMAIN = 'https://auth.example.com';
const REDIRECT = 'https://app.example.com/callback';

const BASE = {
  domain: DOMAIN,
  clientId: CLIENT,
  redirectUri: REDIRECT,
  scopes: ['openid', 'email', 'profile'],
  state: 'STATE',
  codeChallenge: 'CHALLENGE',
};

/** The query of a URL as ordered [key, value] pairs, decoded. */
function params(url: string): [string, string][] {
  return [...new URL(url).searchParams.entries()];
}

interface FetchCall {
  url: string;
  init: RequestInit;
  body: Record<string, string>;
}

/** A fetch that records requests and answers from a queue (the last answer repeats). */
function fakeFetch(...answers: (() => Response | Promise<Response>)[]) {
  const calls: FetchCall[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    calls.push({ url: String(input), init, body: Object.fromEntries(new URLSearchParams(String(init.body ?? ''))) });
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

function json(status: number, body: unknown): () => Response {
  return () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

let serial = 0;
function tokenBody(extra: Record<string, unknown> = {}) {
  const n = ++serial;
  return {
    id_token: jwt({ sub: 'sub-1', 'cognito:username': 'Okta_ada', email: 'ada@example.com', token_use: 'id', n }),
    access_token: jwt({ sub: 'sub-1', username: 'Okta_ada', scope: 'openid email profile', token_use: 'access', n }),
    refresh_token: `oauth-refresh-${n}`,
    expires_in: 3600,
    token_type: 'Bearer',
    ...extra,
  };
}

function federation(extra: AuthOptions = {}) {
  const config = parseConfig({
    userPoolId: POOL,
    clientId: CLIENT,
    domain: DOMAIN,
    redirectUri: REDIRECT,
    // The test page is on localhost; these URLs stand for an app on its own origin.
    allowCrossOriginRedirect: true,
    identityProviders: [{ name: 'Google' }, { name: 'Okta', label: 'Acme SSO', identifiers: ['acme.com', 'acme.co.uk'] }],
    ...extra,
  });
  return config.federation!;
}

function client(deps: { fetch?: typeof fetch; navigate?: (url: string) => void } = {}, extra: AuthOptions = {}) {
  const storage = new MemoryStorage();
  const navigated: string[] = [];
  const hosted = new HostedSignIn(CLIENT, federation(extra), {
    storage,
    navigate: deps.navigate ?? ((url) => navigated.push(url)),
    fetch: deps.fetch,
    now: () => 1_000_000,
  });
  return { hosted, storage, navigated };
}

function code(e: unknown): string {
  return (e as AuthError).code;
}

describe('PKCE (RFC 7636)', () => {
  // RFC 7636 appendix B, verbatim: the verifier, the octets of its SHA-256, and the challenge.
  const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
  const SHA256_OCTETS = [
    19, 211, 30, 150, 26, 26, 216, 236, 47, 22, 177, 12, 76, 152, 46, 8, 118, 168, 120, 173, 109, 241, 68, 86, 110, 225, 137, 74, 203, 112,
    249, 195,
  ];

  it('S256 of the appendix B verifier is the appendix B challenge', async () => {
    expect(await codeChallengeS256(VERIFIER)).to.equal(CHALLENGE);
    expect(base64Url(new Uint8Array(SHA256_OCTETS))).to.equal(CHALLENGE);
  });

  it('appendix B: the 32 octets of the example encode to its verifier (base64url, no padding)', () => {
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83,
      132, 141, 121,
    ];
    expect(base64Url(new Uint8Array(octets))).to.equal(VERIFIER);
  });

  it('a verifier is 32 random bytes: 43 characters of the unreserved set, new every time', () => {
    let asked = 0;
    const crypto = {
      getRandomValues: (a: Uint8Array<ArrayBuffer>) => {
        asked = a.byteLength;
        return globalThis.crypto.getRandomValues(a);
      },
    } as unknown as Crypto;
    const v = createCodeVerifier(crypto);
    expect(asked).to.equal(32);
    expect(v).to.match(/^[A-Za-z0-9\-._~]{43}$/);
    expect(createCodeVerifier()).to.not.equal(createCodeVerifier());
  });

  it('state carries 128 random bits (16 bytes, 22 base64url characters)', () => {
    let asked = 0;
    const crypto = {
      getRandomValues: (a: Uint8Array<ArrayBuffer>) => {
        asked = a.byteLength;
        return globalThis.crypto.getRandomValues(a);
      },
    } as unknown as Crypto;
    expect(createState(crypto)).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(asked).to.equal(16);
    const many = new Set(Array.from({ length: 50 }, () => createState()));
    expect(many.size).to.equal(50);
  });
});

describe('authorizeUrl', () => {
  it('goes to <domain>/oauth2/authorize with every parameter of the code grant with PKCE', () => {
    const url = authorizeUrl({ ...BASE, identityProvider: 'Google' });
    expect(url.startsWith('https://auth.example.com/oauth2/authorize?')).to.equal(true);
    expect(params(url)).to.deep.equal([
      ['response_type', 'code'],
      ['client_id', CLIENT],
      ['redirect_uri', REDIRECT],
      ['scope', 'openid email profile'],
      ['state', 'STATE'],
      ['code_challenge', 'CHALLENGE'],
      ['code_challenge_method', 'S256'],
      ['identity_provider', 'Google'],
    ]);
  });

  it('idp_identifier instead of identity_provider, and lang when set', () => {
    const url = authorizeUrl({ ...BASE, idpIdentifier: 'acme.com', lang: 'pt-BR' });
    const p = new URL(url).searchParams;
    expect(p.get('idp_identifier')).to.equal('acme.com');
    expect(p.has('identity_provider')).to.equal(false);
    expect(p.get('lang')).to.equal('pt-BR');
    expect(new URL(authorizeUrl({ ...BASE, idpIdentifier: 'acme.com' })).searchParams.has('lang')).to.equal(false);
  });

  it('never both identity_provider and idp_identifier', () => {
    expect(() => authorizeUrl({ ...BASE, identityProvider: 'Okta', idpIdentifier: 'acme.com' })).to.throw();
  });

  it('percent-encodes every value (spaces as %20, reserved characters, unicode), so nothing can add a parameter', () => {
    const url = authorizeUrl({
      ...BASE,
      redirectUri: 'https://app.example.com/cb?tenant=a b&x=1#frag',
      scopes: ['openid', 'email', 'https://api.example.com/read'],
      identityProvider: 'Acme SAML&evil=1 ü',
    });
    const query = url.slice(url.indexOf('?') + 1);
    expect(query).to.include('redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Ftenant%3Da%20b%26x%3D1%23frag');
    expect(query).to.include('scope=openid%20email%20https%3A%2F%2Fapi.example.com%2Fread');
    expect(query).to.include('identity_provider=Acme%20SAML%26evil%3D1%20%C3%BC');
    expect(query).not.to.include('+');
    const p = new URL(url).searchParams;
    expect(p.get('identity_provider')).to.equal('Acme SAML&evil=1 ü');
    expect(p.has('evil')).to.equal(false);
    expect(p.get('redirect_uri')).to.equal('https://app.example.com/cb?tenant=a b&x=1#frag');
  });

  it('logoutUrl: <domain>/logout with client_id and logout_uri', () => {
    const url = logoutUrl({ domain: DOMAIN, clientId: CLIENT, logoutUri: 'https://app.example.com/bye?x=1' });
    expect(url).to.equal(`https://auth.example.com/logout?client_id=${CLIENT}&logout_uri=https%3A%2F%2Fapp.example.com%2Fbye%3Fx%3D1`);
  });
});

describe('the callback URL', () => {
  it('is recognised only on the redirect URI (origin and path), with code or error', () => {
    expect(parseCallback(`${REDIRECT}?code=c1&state=s1`, REDIRECT)).to.deep.equal({ kind: 'code', code: 'c1', state: 's1' });
    expect(parseCallback(`${REDIRECT}?state=s1&error=access_denied&error_description=No+way`, REDIRECT)).to.deep.equal({
      kind: 'error',
      error: 'access_denied',
      description: 'No way',
      state: 's1',
    });
    expect(parseCallback(`${REDIRECT}?code=c1`, REDIRECT)).to.deep.equal({ kind: 'code', code: 'c1', state: '' });
    expect(parseCallback('https://app.example.com/other?code=c1&state=s1', REDIRECT)).to.equal(undefined);
    // Tokens are never taken from a URL fragment (the implicit grant): such a return is not a callback at all.
    expect(parseCallback(`${REDIRECT}#id_token=x.y.z&access_token=a.b.c&state=s1`, REDIRECT)).to.equal(undefined);
    expect(parseCallback(`${REDIRECT}#code=c1&state=s1`, REDIRECT)).to.equal(undefined);
    expect(parseCallback('https://evil.example.com/callback?code=c1&state=s1', REDIRECT)).to.equal(undefined);
    expect(parseCallback(`${REDIRECT}?tab=2`, REDIRECT)).to.equal(undefined);
    expect(parseCallback('not a url', REDIRECT)).to.equal(undefined);
  });

  it('cleaning removes code, state and the error parameters and keeps the rest', () => {
    expect(cleanCallbackUrl(`${REDIRECT}?tab=2&code=c1&state=s1#top`)).to.equal('/callback?tab=2#top');
    expect(cleanCallbackUrl(`${REDIRECT}?error=access_denied&error_description=x&error_uri=y&state=s`)).to.equal('/callback');
  });
});

describe('PendingStore', () => {
  it('keeps state and verifier under cognito-elements.<clientId>., and gives them out once', () => {
    const storage = new MemoryStorage();
    const store = new PendingStore(storage, CLIENT);
    expect(store.key).to.equal(`cognito-elements.${CLIENT}.oauth`);
    store.save({ state: 's', verifier: 'v', redirectUri: REDIRECT });
    expect(JSON.parse(storage.getItem(store.key)!)).to.deep.equal({ state: 's', verifier: 'v', redirectUri: REDIRECT });
    expect(store.take()).to.deep.equal({ state: 's', verifier: 'v', redirectUri: REDIRECT });
    expect(store.take()).to.equal(undefined);
    expect(storage.getItem(store.key)).to.equal(null);
  });

  it('treats a damaged entry as none, and removes it', () => {
    const storage = new MemoryStorage();
    const store = new PendingStore(storage, CLIENT);
    storage.setItem(store.key, '{not json');
    expect(store.take()).to.equal(undefined);
    storage.setItem(store.key, JSON.stringify({ state: 's' }));
    expect(store.take()).to.equal(undefined);
    expect(storage.getItem(store.key)).to.equal(null);
  });
});

describe('HostedSignIn', () => {
  it('begin(): stores a fresh state and verifier, then navigates once to an authorize URL carrying them', async () => {
    const { hosted, storage, navigated } = client();
    const url = await hosted.begin({ identityProvider: 'Google' }, 'de');
    expect(navigated).to.deep.equal([url]);
    const stored = JSON.parse(storage.getItem(`cognito-elements.${CLIENT}.oauth`)!) as { state: string; verifier: string; redirectUri: string };
    const p = new URL(url).searchParams;
    expect(p.get('state')).to.equal(stored.state);
    expect(stored.state).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(p.get('code_challenge')).to.equal(await codeChallengeS256(stored.verifier));
    expect(p.get('code_challenge_method')).to.equal('S256');
    expect(p.get('identity_provider')).to.equal('Google');
    expect(p.get('lang')).to.equal('de');
    expect(p.get('redirect_uri')).to.equal(REDIRECT);
    expect(stored.redirectUri).to.equal(REDIRECT);
    // The verifier itself never leaves the browser on the way out.
    expect(url).not.to.include(stored.verifier);
  });

  it('a second begin() replaces the pending state: only the latest redirect can come back', async () => {
    const { hosted } = client();
    const first = new URL(await hosted.begin({ identityProvider: 'Google' })).searchParams.get('state')!;
    const second = new URL(await hosted.begin({ idpIdentifier: 'acme.com' })).searchParams.get('state')!;
    expect(first).to.not.equal(second);
    expect(() => hosted.redeem({ kind: 'code', code: 'c', state: first })).to.throw().with.property('code', 'oauth-state-mismatch');
  });

  it('redeem(): the matching state gives the grant, and the pending state is used up', async () => {
    const { hosted, storage } = client();
    const url = await hosted.begin({ identityProvider: 'Google' });
    const state = new URL(url).searchParams.get('state')!;
    const { verifier } = JSON.parse(storage.getItem(`cognito-elements.${CLIENT}.oauth`)!) as { verifier: string };
    // The token request names the fields it sends (code, verifier, redirect URI); the rest of the record rides along.
    expect(hosted.redeem({ kind: 'code', code: 'the-code', state })).to.deep.include({ code: 'the-code', verifier, redirectUri: REDIRECT });
    // Replaying the same callback: nothing pending any more.
    expect(() => hosted.redeem({ kind: 'code', code: 'the-code', state })).to.throw().with.property('code', 'oauth-missing-verifier');
  });

  it('redeem(): the "Keep me signed in" value given at begin comes back with the grant, and only a boolean is kept', async () => {
    const { hosted, storage } = client();
    const url = await hosted.begin({ identityProvider: 'Google', keepSignedIn: false });
    expect(new URL(url).search).to.not.match(/keep/i);
    const state = new URL(url).searchParams.get('state')!;
    expect(hosted.redeem({ kind: 'code', code: 'c', state }).keepSignedIn).to.equal(false);
    // A record this library did not write (a string where a boolean goes) is no pending sign-in at all.
    const key = `cognito-elements.${CLIENT}.oauth`;
    storage.setItem(key, JSON.stringify({ state: 's', verifier: 'v', redirectUri: REDIRECT, keepSignedIn: 'false' }));
    expect(hosted.pending.has()).to.equal(false);
    expect(storage.getItem(key)).to.equal(null);
  });

  it('redeem(): a tampered or missing state is refused, and the pending state is gone either way', async () => {
    for (const state of ['tampered', '']) {
      const { hosted, storage } = client();
      await hosted.begin({ identityProvider: 'Google' });
      let error: unknown;
      try {
        hosted.redeem({ kind: 'code', code: 'c', state });
      } catch (e) {
        error = e;
      }
      expect(code(error), state).to.equal('oauth-state-mismatch');
      expect(storage.getItem(`cognito-elements.${CLIENT}.oauth`)).to.equal(null);
    }
  });

  it('redeem(): with nothing pending (another tab, cleared storage) the code is refused', () => {
    const { hosted } = client();
    expect(() => hosted.redeem({ kind: 'code', code: 'c', state: 's' })).to.throw().with.property('code', 'oauth-missing-verifier');
  });

  it('redeem(): an error return becomes a translated code, keeping the OAuth error for listeners', async () => {
    const cases: [string, string][] = [
      ['access_denied', 'oauth-access-denied'],
      ['server_error', 'oauth-server-error'],
      ['temporarily_unavailable', 'oauth-server-error'],
      ['invalid_request', 'oauth-invalid-request'],
      ['unauthorized_client', 'oauth-invalid-request'],
      ['invalid_scope', 'oauth-invalid-request'],
      ['something_new', 'oauth-error'],
    ];
    for (const [error, expected] of cases) {
      const { hosted, storage } = client();
      await hosted.begin({ identityProvider: 'Google' });
      const callback: Callback = { kind: 'error', error, description: '<b>raw</b> text' };
      let thrown: AuthError | undefined;
      try {
        hosted.redeem(callback);
      } catch (e) {
        thrown = e as AuthError;
      }
      expect(thrown?.code, error).to.equal(expected);
      expect(thrown?.cognitoName).to.equal(error);
      expect(thrown?.cognitoMessage).to.equal('<b>raw</b> text');
      expect(JSON.stringify(thrown)).not.to.include('raw');
      expect(storage.getItem(`cognito-elements.${CLIENT}.oauth`), 'pending state used up').to.equal(null);
    }
  });

  it('exchange(): POSTs the code, redirect_uri and code_verifier form-encoded to /oauth2/token', async () => {
    const body = tokenBody();
    const { fetch, calls } = fakeFetch(json(200, body));
    const { hosted } = client({ fetch });
    const tokens = await hosted.exchange({ code: 'the-code', verifier: 'the-verifier', redirectUri: REDIRECT });
    expect(calls).to.have.length(1);
    expect(calls[0]!.url).to.equal('https://auth.example.com/oauth2/token');
    expect(calls[0]!.init.method).to.equal('POST');
    expect(new Headers(calls[0]!.init.headers).get('content-type')).to.equal('application/x-www-form-urlencoded');
    expect(calls[0]!.init.credentials).to.equal('omit');
    expect(calls[0]!.body).to.deep.equal({
      grant_type: 'authorization_code',
      client_id: CLIENT,
      code: 'the-code',
      redirect_uri: REDIRECT,
      code_verifier: 'the-verifier',
    });
    expect(tokens).to.deep.equal({
      idToken: body.id_token,
      accessToken: body.access_token,
      refreshToken: body.refresh_token,
      tokenType: 'Bearer',
      expiresAt: 1_000_000 + 3600 * 1000,
    });
    expect(sessionFrom(tokens).username).to.equal('Okta_ada');
  });

  it('exchange(): token endpoint failures map to clear codes', async () => {
    const cases: [() => Response | Promise<Response>, string][] = [
      [json(400, { error: 'invalid_grant' }), 'oauth-invalid-grant'],
      [json(400, { error: 'invalid_client' }), 'oauth-invalid-request'],
      [json(401, { error: 'unauthorized_client' }), 'oauth-invalid-request'],
      [json(400, {}), 'oauth-invalid-request'],
      [json(500, { error: 'server_error' }), 'server-error'],
      [json(429, { error: 'slow_down' }), 'too-many-requests'],
      [() => new Response('<html>proxy</html>', { status: 502 }), 'server-error'],
      [() => new Response('not json', { status: 200 }), 'server-error'],
      [json(200, { access_token: 'only' }), 'server-error'],
      [() => Promise.reject(new TypeError('Failed to fetch')), 'network'],
    ];
    for (const [answer, expected] of cases) {
      const { fetch } = fakeFetch(answer);
      const { hosted } = client({ fetch });
      let thrown: unknown;
      try {
        await hosted.exchange({ code: 'c', verifier: 'v', redirectUri: REDIRECT });
      } catch (e) {
        thrown = e;
      }
      expect(code(thrown), expected).to.equal(expected);
    }
  });

  it('refresher: grant_type=refresh_token at /oauth2/token, keeping the refresh token Cognito does not resend', async () => {
    const first = tokenBody();
    const renewed = tokenBody({ refresh_token: undefined });
    const { fetch, calls } = fakeFetch(json(200, renewed));
    const { hosted } = client({ fetch });
    const session = sessionFrom({ idToken: first.id_token, accessToken: first.access_token, refreshToken: 'rt-1', tokenType: 'Bearer', expiresAt: 0 });
    const tokens = await hosted.refresher.refresh(session);
    expect(calls[0]!.url).to.equal('https://auth.example.com/oauth2/token');
    expect(calls[0]!.body).to.deep.equal({ grant_type: 'refresh_token', client_id: CLIENT, refresh_token: 'rt-1' });
    expect(tokens.refreshToken).to.equal('rt-1');
    expect(tokens.accessToken).to.equal(renewed.access_token);
  });

  it('refresher: revoke POSTs the refresh token to /oauth2/revoke', async () => {
    const { fetch, calls } = fakeFetch(() => new Response('', { status: 200 }));
    const { hosted } = client({ fetch });
    await hosted.refresher.revoke({ idToken: 'i', accessToken: 'a', refreshToken: 'rt-9', tokenType: 'Bearer', expiresAt: 0 });
    expect(calls.map((c) => [c.url, c.body])).to.deep.equal([['https://auth.example.com/oauth2/revoke', { token: 'rt-9', client_id: CLIENT }]]);
  });

  it('logoutUrl() only when logout-uri is configured', () => {
    expect(client().hosted.logoutUrl()).to.equal(undefined);
    const { hosted, navigated } = client({}, { logoutUri: 'https://app.example.com/' });
    expect(hosted.logoutUrl()).to.equal(`https://auth.example.com/logout?client_id=${CLIENT}&logout_uri=https%3A%2F%2Fapp.example.com%2F`);
    expect(hosted.logout()).to.equal(true);
    expect(navigated).to.deep.equal([hosted.logoutUrl()]);
  });
});

describe('AuthFlow with identity providers', () => {
  const FED: AuthOptions = {
    allowCrossOriginRedirect: true,
    domain: DOMAIN,
    redirectUri: REDIRECT,
    identityProviders: [{ name: 'Google' }, { name: 'Okta', label: 'Acme SSO', identifiers: ['acme.com'] }],
  };

  function setup(options: AuthOptions = {}, answers: (() => Response | Promise<Response>)[] = [json(200, tokenBody())]) {
    const { fetch, calls } = fakeFetch(...answers);
    const navigated: string[] = [];
    const pending = new MemoryStorage();
    const h = harness({ ...FED, ...options }, { oauth: { fetch, storage: pending, navigate: (url) => navigated.push(url) } });
    return { ...h, fetchCalls: calls, navigated, pending };
  }

  async function callbackFor(h: ReturnType<typeof setup>, provider = 'Google'): Promise<string> {
    await h.flow.signInWithProvider(provider);
    const state = new URL(h.navigated.at(-1)!).searchParams.get('state')!;
    return `${REDIRECT}?code=the-code&state=${state}`;
  }

  it('signInWithProvider: navigates to authorize with identity_provider and is no longer busy', async () => {
    const h = setup();
    await h.flow.signInWithProvider('Google', { lang: 'fr' });
    expect(h.navigated).to.have.length(1);
    const p = new URL(h.navigated[0]!).searchParams;
    expect(p.get('identity_provider')).to.equal('Google');
    expect(p.get('lang')).to.equal('fr');
    expect(h.flow.state.busy).to.equal(false);
    expect(h.cognito.calls).to.deep.equal([]);
  });

  it('signInWithEmail: routes the domain to idp_identifier; no match says so on the email field and moves the address', async () => {
    const h = setup();
    await h.flow.signInWithEmail({ email: 'Grace@ACME.com' });
    expect(new URL(h.navigated[0]!).searchParams.get('idp_identifier')).to.equal('acme.com');
    await h.flow.signInWithEmail({ email: 'grace@eu.acme.com' });
    expect(h.navigated).to.have.length(1);
    expect(h.flow.state.error?.code).to.equal('oauth-no-provider');
    expect(h.flow.state.error?.field).to.equal('email');
    expect(h.flow.state.username).to.equal('grace@eu.acme.com');
  });

  it('completeHostedSignIn: exchanges the code, stores the tokens as a hosted session, fires signed-in', async () => {
    const h = setup();
    const url = await callbackFor(h);
    expect(await h.flow.completeHostedSignIn(url)).to.equal(true);
    expect(h.fetchCalls).to.have.length(1);
    expect(h.fetchCalls[0]!.body.code).to.equal('the-code');
    expect(h.fetchCalls[0]!.body.code_verifier).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(h.flow.state.screen).to.equal('signed-in');
    const signedIn = h.events.filter((e) => e.type === 'signed-in');
    expect(signedIn).to.have.length(1);
    expect(signedIn[0]).to.deep.include({ restored: false });
    expect(h.storage.getItem(`cognito-elements.${CLIENT}.tokens`)).to.be.a('string');
    expect(h.storage.getItem(`cognito-elements.${CLIENT}.token-origin`)).to.equal('hosted');
    expect(h.cognito.calls).to.deep.equal([]);
  });

  it('completeHostedSignIn: ignores any other URL', async () => {
    const h = setup();
    expect(await h.flow.completeHostedSignIn('https://app.example.com/elsewhere?code=x&state=y')).to.equal(false);
    expect(h.flow.state.error).to.equal(undefined);
  });

  for (const [name, url, expected] of [
    ['a tampered state', 'tamper', 'oauth-state-mismatch'],
    ['an error return', `${REDIRECT}?error=access_denied&state=x`, 'oauth-access-denied'],
  ] as const) {
    it(`completeHostedSignIn: ${name} is a visible error, with nothing sent or stored`, async () => {
      const h = setup();
      const good = await callbackFor(h);
      const target = url === 'tamper' ? good.replace(/state=[^&]+/, 'state=AAAAAAAAAAAAAAAAAAAAAA') : url;
      await h.flow.completeHostedSignIn(target);
      expect(h.flow.state.screen).to.equal('sign-in');
      expect(h.flow.state.error?.code).to.equal(expected);
      expect(h.fetchCalls).to.deep.equal([]);
      expect(h.storage.getItem(`cognito-elements.${CLIENT}.tokens`)).to.equal(null);
      expect(h.events.map((e) => e.type)).to.deep.equal(['error']);
      // And the good callback can no longer be used either: the state was used up, so with no sign-in pending it is
      // nobody's callback and is not handled at all (issue 16.6: no error stands in for the screen).
      expect(await h.flow.completeHostedSignIn(good)).to.equal(false);
      expect(h.flow.state.error?.code).to.equal(expected);
      expect(h.fetchCalls).to.deep.equal([]);
    });
  }

  it('a refused code (invalid_grant) signs nobody in', async () => {
    const h = setup({}, [json(400, { error: 'invalid_grant' })]);
    await h.flow.completeHostedSignIn(await callbackFor(h));
    expect(h.flow.state.error?.code).to.equal('oauth-invalid-grant');
    expect(h.storage.getItem(`cognito-elements.${CLIENT}.tokens`)).to.equal(null);
  });

  it('"Try again" after a network failure re-sends the same exchange (the state is not needed twice)', async () => {
    const h = setup({}, [() => Promise.reject(new TypeError('Failed to fetch')), json(200, tokenBody())]);
    await h.flow.completeHostedSignIn(await callbackFor(h));
    expect(h.flow.state.error?.code).to.equal('network');
    await h.flow.retry();
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.fetchCalls).to.have.length(2);
    expect(h.fetchCalls[1]!.body).to.deep.equal(h.fetchCalls[0]!.body);
  });

  it('a hosted session refreshes through /oauth2/token, never REFRESH_TOKEN_AUTH, and also after a restore', async () => {
    const h = setup({}, [json(200, tokenBody()), json(200, tokenBody({ refresh_token: undefined }))]);
    await h.flow.completeHostedSignIn(await callbackFor(h));
    const before = h.flow.session!.tokens.refreshToken;
    await h.clock.advance(3600 * 1000);
    await settle();
    expect(h.fetchCalls.map((c) => c.body.grant_type)).to.deep.equal(['authorization_code', 'refresh_token']);
    expect(h.fetchCalls[1]!.body.refresh_token).to.equal(before);
    expect(h.cognito.callsOf('initiateAuth')).to.deep.equal([]);
    expect(h.flow.session!.tokens.refreshToken).to.equal(before);

    // A new flow on the same storage (a page reload) restores it as a hosted session.
    const { fetch, calls } = fakeFetch(json(200, tokenBody()));
    const reloaded = harness({ ...FED }, { storage: h.storage, clock: h.clock, oauth: { fetch, storage: new MemoryStorage(), navigate: () => undefined } });
    expect(await reloaded.flow.restore()).to.equal(true);
    await reloaded.flow.refresh();
    expect(calls.map((c) => c.body.grant_type)).to.deep.equal(['refresh_token']);
    expect(reloaded.cognito.callsOf('initiateAuth')).to.deep.equal([]);
  });

  it('sign-out revokes at /oauth2/revoke, then goes through /logout when logout-uri is set', async () => {
    const h = setup({ logoutUri: 'https://app.example.com/bye' }, [json(200, tokenBody()), () => new Response('', { status: 200 })]);
    await h.flow.completeHostedSignIn(await callbackFor(h));
    await h.flow.signOut();
    expect(h.fetchCalls.map((c) => c.url)).to.deep.equal(['https://auth.example.com/oauth2/token', 'https://auth.example.com/oauth2/revoke']);
    expect(h.cognito.calls).to.deep.equal([]);
    expect(h.navigated.at(-1)).to.equal(`https://auth.example.com/logout?client_id=${CLIENT}&logout_uri=https%3A%2F%2Fapp.example.com%2Fbye`);
    expect(h.storage.getItem(`cognito-elements.${CLIENT}.tokens`)).to.equal(null);
    expect(h.storage.getItem(`cognito-elements.${CLIENT}.token-origin`)).to.equal(null);
  });

  it('signInWithTokens starts a session from given tokens and fires the same signed-in event', () => {
    const h = setup();
    const b = tokenBody();
    const session = h.flow.signInWithTokens({ idToken: b.id_token, accessToken: b.access_token, refreshToken: 'r', tokenType: 'Bearer', expiresAt: h.clock.now() + 3600_000 });
    expect(session.username).to.equal('Okta_ada');
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.events.map((e) => e.type)).to.deep.equal(['signed-in']);
  });
});

describe('federation configuration', () => {
  const base = { userPoolId: POOL, clientId: CLIENT, allowCrossOriginRedirect: true };

  function refused(options: AuthOptions, attribute: string, part?: string): void {
    let error: unknown;
    try {
      parseConfig({ ...base, ...options });
    } catch (e) {
      error = e;
    }
    expect(error, JSON.stringify(options)).to.be.instanceOf(ConfigError);
    expect((error as ConfigError).attribute, JSON.stringify(options)).to.equal(attribute);
    expect((error as ConfigError).message.startsWith(`${attribute}: `)).to.equal(true);
    if (part) expect((error as ConfigError).message).to.include(part);
  }

  it('is absent without domain and providers; defaults otherwise', () => {
    expect(parseConfig(base).federation).to.equal(undefined);
    const f = parseConfig({ ...base, domain: 'myapp.auth.eu-west-1.amazoncognito.com' }).federation!;
    expect(f.domain).to.equal('https://myapp.auth.eu-west-1.amazoncognito.com');
    expect(f.scopes).to.deep.equal(['openid', 'email', 'profile']);
    expect(f.redirectUri).to.equal(`${location.origin}${location.pathname}`);
    expect(f.providers).to.deep.equal([]);
    expect(f.hideNative).to.equal(false);
    expect(f.idpRouting).to.equal('off');
  });

  it('parses the attribute forms: JSON providers, space-separated scopes, hide-native, idp-routing, logout-uri', () => {
    const f = parseConfig({
      ...base,
      domain: 'https://auth.example.com/',
      redirectUri: 'https://app.example.com',
      scopes: 'openid  phone aws.cognito.signin.user.admin',
      identityProviders: '[{"name":"Google"},{"name":"Okta","label":"Acme SSO","identifiers":["ACME.com","acme.co.uk."]}]',
      hideNative: true,
      idpRouting: 'auto',
      logoutUri: 'https://app.example.com/bye',
    }).federation!;
    expect(f.domain).to.equal('https://auth.example.com');
    expect(f.redirectUri, 'kept character for character').to.equal('https://app.example.com');
    expect(f.scopes).to.deep.equal(['openid', 'phone', 'aws.cognito.signin.user.admin']);
    expect(f.providers).to.deep.equal([
      { name: 'Google', label: undefined, identifiers: [], kind: 'social' },
      { name: 'Okta', label: 'Acme SSO', identifiers: ['acme.com', 'acme.co.uk'], kind: 'enterprise' },
    ]);
    expect(f.hideNative).to.equal(true);
    expect(f.idpRouting).to.equal('auto');
    expect(f.logoutUri).to.equal('https://app.example.com/bye');
  });

  it('allows http only for loopback hosts', () => {
    expect(parseConfig({ ...base, domain: 'http://127.0.0.1:9999' }).federation!.domain).to.equal('http://127.0.0.1:9999');
    expect(parseConfig({ ...base, domain: 'http://localhost:4000' }).federation!.domain).to.equal('http://localhost:4000');
    refused({ domain: 'http://auth.example.com' }, 'domain', 'https');
    refused({ domain: 'https://auth.example.com', redirectUri: 'http://app.example.com/' }, 'redirect-uri', 'https');
    refused({ domain: 'https://auth.example.com', logoutUri: 'http://app.example.com/' }, 'logout-uri', 'https');
  });

  it('redirect-uri must be on the page\'s origin unless explicitly allowed', () => {
    const strict = { userPoolId: POOL, clientId: CLIENT, domain: DOMAIN };
    let error: unknown;
    try {
      parseConfig({ ...strict, redirectUri: 'https://evil.example/cb' });
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ConfigError);
    expect((error as ConfigError).attribute).to.equal('redirect-uri');
    expect((error as ConfigError).message).to.contain('origin');
    expect(parseConfig({ ...strict, redirectUri: `${location.origin}/cb` }).federation!.redirectUri).to.equal(`${location.origin}/cb`);
    expect(parseConfig({ ...strict }).federation!.redirectUri).to.equal(`${location.origin}${location.pathname}`);
    expect(parseConfig({ ...strict, redirectUri: 'https://app.example.com/cb', allowCrossOriginRedirect: true }).federation!.redirectUri).to.equal(
      'https://app.example.com/cb',
    );
  });

  it('refuses every invalid case with an error naming the attribute', () => {
    const d = { domain: DOMAIN };
    refused({ domain: 'https://auth.example.com/oauth2' }, 'domain', 'domain only');
    refused({ domain: 'https://user:pw@auth.example.com' }, 'domain', 'credentials');
    refused({ domain: 'ftp://auth.example.com' }, 'domain');
    refused({ domain: 'https://' }, 'domain');
    refused({ identityProviders: [{ name: 'Google' }] }, 'domain', 'required');
    refused({ hideNative: true }, 'hide-native');
    refused({ ...d, hideNative: true }, 'hide-native', 'identity provider');
    refused({ redirectUri: REDIRECT }, 'redirect-uri', 'domain');
    refused({ logoutUri: REDIRECT }, 'logout-uri', 'domain');
    refused({ ...d, redirectUri: '/relative' }, 'redirect-uri', 'absolute');
    refused({ ...d, redirectUri: `${REDIRECT}#x` }, 'redirect-uri', 'fragment');
    refused({ ...d, scopes: 'email profile' }, 'scopes', 'openid');
    refused({ ...d, scopes: 'openid bad"scope' }, 'scopes', 'bad"scope');
    refused({ ...d, identityProviders: 'not json' }, 'identity-providers', 'JSON');
    refused({ ...d, identityProviders: '{"name":"Google"}' }, 'identity-providers', 'list');
    refused({ ...d, identityProviders: '["Google"]' }, 'identity-providers', 'object');
    refused({ ...d, identityProviders: '[{"label":"x"}]' }, 'identity-providers', 'name');
    refused({ ...d, identityProviders: '[{"name":"Google","icon":"x"}]' }, 'identity-providers', '"icon"');
    refused({ ...d, identityProviders: '[{"name":"Google"},{"name":"Google"}]' }, 'identity-providers', 'twice');
    refused({ ...d, identityProviders: '[{"name":"Okta","label":""}]' }, 'identity-providers', 'label');
    refused({ ...d, identityProviders: '[{"name":"Okta","identifiers":"acme.com"}]' }, 'identity-providers', 'list of email domains');
    refused({ ...d, identityProviders: '[{"name":"Okta","identifiers":["not a domain"]}]' }, 'identity-providers', 'not a domain');
    refused({ ...d, identityProviders: '[{"name":"Okta","identifiers":["localhost"]}]' }, 'identity-providers', 'not a domain');
    refused({ ...d, identityProviders: '[{"name":"Okta","identifiers":["10.0.0.1"]}]' }, 'identity-providers', 'not a domain');
    refused({ ...d, identityProviders: '[{"name":"Okta","identifiers":["ada@acme.com"]}]' }, 'identity-providers', 'not a domain');
    refused({ ...d, identityProviders: '[{"name":"Google","identifiers":["acme.com"]}]' }, 'identity-providers', 'social');
    refused(
      { ...d, identityProviders: '[{"name":"Okta","identifiers":["acme.com"]},{"name":"Azure","identifiers":["ACME.COM"]}]' },
      'identity-providers',
      'used by both',
    );
    refused({ ...d, identityProviders: '[{"name":"Okta","identifiers":["bücher.example"]},{"name":"Azure","identifiers":["xn--bcher-kva.example"]}]' }, 'identity-providers', 'used by both');
    refused({ ...d, idpRouting: 'sometimes' }, 'idp-routing', 'auto or off');
    refused({ ...d, idpRouting: 'auto', identityProviders: '[{"name":"Okta"}]' }, 'idp-routing', 'identifiers');
  });
});
