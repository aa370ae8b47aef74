// Issue 16, item 6: a link to the redirect URI with `?error=` or `?code=` must not make a signed-in user look signed
// out. Such a link is a callback only when a sign-in from this browser (this tab's pending state and verifier) is
// waiting for it; any other is removed from the address bar and the stored session is restored as usual.
import { expect } from 'chai';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { CLIENT, jwt, POOL } from '../support/fake-cognito.js';
import { until } from '../support/until.js';

const DOMAIN = 'https://auth.example.com';
const TOKENS_KEY = `cognito-elements.${CLIENT}.tokens`;
const PENDING_KEY = `cognito-elements.${CLIENT}.oauth`;

describe('issue 16.6: a callback link with no sign-in pending', () => {
  const original = `${location.pathname}${location.search}${location.hash}`;
  const here = `${location.origin}${location.pathname}`;
  const created: Element[] = [];
  const realFetch = window.fetch;
  let tokenRequests: string[] = [];

  beforeEach(() => {
    tokenRequests = [];
    window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).startsWith(DOMAIN)) tokenRequests.push(String(input));
      return realFetch(input, init);
    }) as typeof fetch;
  });

  afterEach(() => {
    window.fetch = realFetch;
    for (const el of created.splice(0)) el.remove();
    history.replaceState(history.state, '', original);
    for (const key of Object.keys(localStorage)) if (key.startsWith('cognito-elements.')) localStorage.removeItem(key);
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('cognito-elements.')) sessionStorage.removeItem(key);
  });

  function storeSession(): string {
    const value = JSON.stringify({
      idToken: jwt({ sub: 'alice-sub', 'cognito:username': 'alice', email: 'alice@example.com', token_use: 'id' }),
      accessToken: jwt({ sub: 'alice-sub', username: 'alice', token_use: 'access' }),
      refreshToken: 'alice-refresh',
      tokenType: 'Bearer',
      expiresAt: Date.now() + 3600_000,
    });
    localStorage.setItem(TOKENS_KEY, value);
    return value;
  }

  async function land(query: string) {
    history.replaceState(history.state, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}${query}`);
    const el = document.createElement('cognito-authenticator') as CognitoAuthenticator;
    const events: CustomEvent[] = [];
    for (const t of ['cognito-signed-in', 'cognito-signed-out', 'cognito-error']) el.addEventListener(t, (e) => events.push(e as CustomEvent));
    el.navigate = () => undefined;
    const attrs = { 'user-pool-id': POOL, 'client-id': CLIENT, endpoint: 'http://127.0.0.1:9', domain: DOMAIN, 'redirect-uri': here, 'identity-providers': '[{"name":"Google"}]' };
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.body.append(el);
    created.push(el);
    await el.updateComplete;
    return { el, events };
  }

  function callbackParams(): string[] {
    const params = new URLSearchParams(location.search);
    return ['code', 'state', 'error', 'error_description'].filter((p) => params.has(p));
  }

  for (const query of ['error=access_denied&error_description=Sign-in+was+cancelled&state=x', 'code=attacker-code&state=x']) {
    it(`signed in, a link with ?${query.split('=')[0]}=: still signed in, nothing shown, the address bar cleaned`, async () => {
      const stored = storeSession();
      const { el, events } = await land(query);
      await until(() => el.getAttribute('screen') === 'signed-in', 'the stored session restored');
      await until(() => callbackParams().length === 0, 'the address bar cleaned');
      expect(el.querySelector('[role="alert"]')?.textContent ?? null, 'an error shown').to.equal(null);
      expect(events.map((e) => [e.type, e.detail.restored])).to.deep.equal([['cognito-signed-in', true]]);
      expect(localStorage.getItem(TOKENS_KEY)).to.equal(stored);
      expect(tokenRequests).to.deep.equal([]);
    });
  }

  it('signed out, a link with ?code=: the sign-in form, no error and no token request', async () => {
    const { el, events } = await land('code=attacker-code&state=x');
    await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form');
    await until(() => callbackParams().length === 0, 'the address bar cleaned');
    expect(el.querySelector('[role="alert"]')?.textContent ?? null, 'an error shown').to.equal(null);
    expect(events.map((e) => [e.type, e.detail.code])).to.deep.equal([]);
    expect(tokenRequests).to.deep.equal([]);
  });

  it('a sign-in pending in this tab: the callback is handled (its error shown, the pending state used up)', async () => {
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state: 's1', verifier: 'v'.repeat(43), redirectUri: here }));
    const { el } = await land('error=access_denied&state=s1');
    const alert = await until(() => el.querySelector('[role="alert"]'), 'the error');
    expect(alert.getAttribute('data-error-code')).to.equal('oauth-access-denied');
    expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
    expect(callbackParams()).to.deep.equal([]);
  });
});
