// Federation end to end, in Chromium, against a real OAuth 2.0 server: oauth2-mock-server with Cognito's endpoint
// paths (scripts/oauth-server.js), started by scripts/test.js on 127.0.0.1 and used as the element's `domain`.
//
// The journey a user makes across pages is replayed in one page: the element's `navigate` seam records the authorize
// URL instead of leaving; the browser then follows it for real (fetch follows the server's 302 to redirect_uri, a
// blank page of the test server) and reads the code and state off the final URL; the address bar is set to that
// callback URL (history.replaceState) and a fresh element is mounted, as after the redirect. The server itself
// checks the PKCE code_verifier against the S256 challenge at /oauth2/token.
import { expect } from 'chai';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { expectAccessible } from '../elements/helpers.js';
import { until } from '../support/until.js';

const TEST_ENV_URL = '/__test-env.js';
const env = ((await import(/* @vite-ignore */ TEST_ENV_URL)) as { default: { oauthDomain: string | null } }).default;
if (!env.oauthDomain) throw new Error('OAUTH_DOMAIN is not set: run the e2e tests with `npm test` (scripts/test.js)');
const OAUTH: string = env.oauthDomain;

const POOL = 'us-east-1_Federation1';
const CLIENT = 'federationclient1';
const RETURN_PATH = '/__oauth-return';
const REDIRECT = `${location.origin}${RETURN_PATH}`;
const PROVIDERS = JSON.stringify([
  { name: 'Google' },
  { name: 'AcmeSAML', label: 'Acme', identifiers: ['acme.com'] },
  { name: 'ContosoOIDC', identifiers: ['contoso.com', 'contoso.co.uk'] },
]);
const PENDING_KEY = `cognito-elements.${CLIENT}.oauth`;
const TOKENS_KEY = `cognito-elements.${CLIENT}.tokens`;

interface LogEntry {
  endpoint: 'authorize' | 'token' | 'revoke' | 'logout';
  params: Record<string, string>;
  contentType?: string;
  status?: number;
  error?: string;
  description?: string;
  pkce?: string;
}

const original = `${location.pathname}${location.search}${location.hash}`;
const mounted: Element[] = [];

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  history.replaceState(history.state, '', original);
  for (const storage of [localStorage, sessionStorage]) {
    for (const key of Object.keys(storage)) if (key.startsWith('cognito-elements.')) storage.removeItem(key);
  }
});

async function serverLog(): Promise<LogEntry[]> {
  return (await (await fetch(`${OAUTH}/__oauth/log`)).json()) as LogEntry[];
}

async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

interface Mounted {
  el: CognitoAuthenticator;
  events: CustomEvent[];
  navigated: string[];
}

/** A page with <cognito-authenticator> pointed at the OAuth server; navigate() records instead of leaving. */
async function page(attrs: Record<string, string> = {}): Promise<Mounted> {
  const el = document.createElement('cognito-authenticator');
  const events: CustomEvent[] = [];
  const navigated: string[] = [];
  for (const type of ['cognito-signed-in', 'cognito-signed-out', 'cognito-error']) el.addEventListener(type, (e) => events.push(e as CustomEvent));
  el.navigate = (url: string) => void navigated.push(url);
  const all: Record<string, string> = {
    'user-pool-id': POOL,
    'client-id': CLIENT,
    // Never AWS: nothing here talks to Cognito's API, and a stray request would fail at once on a closed local port.
    endpoint: 'http://127.0.0.1:9',
    domain: OAUTH,
    'redirect-uri': REDIRECT,
    'identity-providers': PROVIDERS,
    ...attrs,
  };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  document.body.append(el);
  mounted.push(el);
  await until(() => el.querySelector('form') !== null || el.getAttribute('screen') === 'signed-in', { what: 'the first render', timeout: 8000 });
  return { el, events, navigated };
}

/** Types an email into the corporate-ID box and sends it; resolves to the authorize URL the element went to. */
async function routeByEmail(m: Mounted, email: string): Promise<string> {
  const input = m.el.querySelector<HTMLInputElement>('input[name="email"]')!;
  input.value = email;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  m.el.querySelector<HTMLButtonElement>('[data-action="idp-email"]')!.click();
  await until(() => m.navigated.length > 0, { what: 'the redirect to /oauth2/authorize', timeout: 8000 });
  return m.navigated.at(-1)!;
}

/** The browser follows the authorize URL: the server redirects to redirect_uri with the code (or an error). */
async function follow(authorizeUrl: string): Promise<URL> {
  const response = await fetch(authorizeUrl, { credentials: 'omit' });
  expect(response.redirected, 'the server redirected back').to.equal(true);
  return new URL(response.url);
}

/** The page the user lands on: the callback URL in the address bar, a new element mounted as on page load. */
async function landOn(callback: URL, attrs: Record<string, string> = {}): Promise<Mounted> {
  for (const el of mounted.splice(0)) el.remove();
  const query = new URLSearchParams(location.search);
  for (const [k, v] of callback.searchParams) query.append(k, v);
  history.replaceState(history.state, '', `${RETURN_PATH}?${query.toString()}`);
  return page(attrs);
}

interface Pending {
  state: string;
  verifier: string;
  redirectUri: string;
  keepSignedIn?: boolean;
}

function pending(): Pending {
  return JSON.parse(sessionStorage.getItem(PENDING_KEY)!) as Pending;
}

async function errorShown(m: Mounted, code: string, text: string): Promise<void> {
  await until(() => m.el.querySelector('[role="alert"][data-error-code]') !== null, { what: `the ${code} error`, timeout: 8000 });
  const alert = m.el.querySelector('[role="alert"][data-error-code]')!;
  expect(alert.getAttribute('data-error-code')).to.equal(code);
  expect(alert.textContent!.replace(/\s+/g, ' ').trim()).to.equal(text);
  expect(alert.classList.contains('errorMessage-customizable')).to.equal(true);
  expect(m.el.getAttribute('screen')).to.equal('sign-in');
  expect(m.events.some((e) => e.type === 'cognito-signed-in'), 'no cognito-signed-in').to.equal(false);
  expect(m.events.filter((e) => e.type === 'cognito-error').map((e) => e.detail.code)).to.deep.equal([code]);
  expect(localStorage.getItem(TOKENS_KEY), 'no tokens stored').to.equal(null);
  expect(sessionStorage.getItem(PENDING_KEY), 'the pending state is used up').to.equal(null);
  const params = new URLSearchParams(location.search);
  expect(['code', 'state', 'error', 'error_description'].filter((p) => params.has(p)), 'address bar cleaned').to.deep.equal([]);
}

/**
 * A callback nobody in this tab is waiting for (issue 16.6): not handled at all. It leaves the address bar, no error is
 * shown, nothing is sent to /oauth2/token, and the page is what it would be without it (the form, or the stored session).
 */
async function ignored(m: Mounted, code: string, screen: 'sign-in' | 'signed-in'): Promise<void> {
  const params = () => ['code', 'state', 'error', 'error_description'].filter((p) => new URLSearchParams(location.search).has(p));
  await until(() => params().length === 0, { what: 'the address bar cleaned', timeout: 8000 });
  await until(() => m.el.getAttribute('screen') === screen && (screen === 'signed-in' || m.el.querySelector('cognito-sign-in form')), {
    what: `the ${screen} screen`,
    timeout: 8000,
  });
  expect(m.el.querySelector('[role="alert"]')?.textContent ?? null, 'no error shown').to.equal(null);
  expect(m.events.filter((e) => e.type === 'cognito-error').map((e) => e.detail.code)).to.deep.equal([]);
  expect((await serverLog()).filter((e) => e.endpoint === 'token' && e.params.code === code).length, 'token requests with the code').to.be.at.most(1);
}

/** A whole successful sign-in by email domain; returns what it used. */
async function signInByEmail(email = 'grace@Contoso.com') {
  const start = await page();
  const authorize = await routeByEmail(start, email);
  const { verifier, state } = pending();
  const callback = await follow(authorize);
  const back = await landOn(callback);
  await until(() => back.el.getAttribute('screen') === 'signed-in', { what: 'signed in', timeout: 8000 });
  return { authorize, verifier, state, callback, back };
}

describe('e2e federation against a real OAuth 2.0 server (oauth2-mock-server)', () => {
  it('email-domain routing -> authorize with idp_identifier and the S256 challenge -> code -> PKCE exchange -> signed in', async () => {
    const start = await page();
    await expectAccessible(start.el);
    const authorize = await routeByEmail(start, 'Grace@Contoso.COM');

    // The authorize request: Cognito's path on the configured domain, every parameter of the code grant with PKCE.
    const url = new URL(authorize);
    expect(`${url.origin}${url.pathname}`).to.equal(`${OAUTH}/oauth2/authorize`);
    const { state, verifier, redirectUri } = pending();
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      response_type: 'code',
      client_id: CLIENT,
      redirect_uri: REDIRECT,
      scope: 'openid email profile',
      state,
      code_challenge: await s256(verifier),
      code_challenge_method: 'S256',
      idp_identifier: 'contoso.com',
      lang: start.el.language,
    });
    expect(redirectUri).to.equal(REDIRECT);
    expect(state).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(verifier).to.match(/^[A-Za-z0-9_-]{43}$/);

    // The server redirects back with a code and the same state.
    const callback = await follow(authorize);
    expect(`${callback.origin}${callback.pathname}`).to.equal(REDIRECT);
    expect(callback.searchParams.get('state')).to.equal(state);
    const code = callback.searchParams.get('code')!;
    expect(code).to.have.length.greaterThan(10);
    const sentToAuthorize = (await serverLog()).filter((e) => e.endpoint === 'authorize' && e.params.state === state);
    expect(sentToAuthorize).to.have.length(1);
    expect(sentToAuthorize[0]!.params.code_challenge).to.equal(await s256(verifier));

    // Back on the redirect URI: the element exchanges the code and signs in.
    const back = await landOn(callback);
    await until(() => back.el.getAttribute('screen') === 'signed-in', { what: 'signed in', timeout: 8000 });
    const exchanges = (await serverLog()).filter((e) => e.endpoint === 'token' && e.params.code === code);
    expect(exchanges).to.have.length(1);
    expect(exchanges[0]!.contentType).to.match(/^application\/x-www-form-urlencoded/);
    expect(exchanges[0]!.params).to.deep.equal({
      grant_type: 'authorization_code',
      client_id: CLIENT,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(exchanges[0]!.status).to.equal(200);
    expect(exchanges[0]!.pkce, 'the server checked code_verifier against the S256 challenge').to.equal('verified');

    const signedIn = back.events.filter((e) => e.type === 'cognito-signed-in');
    expect(signedIn).to.have.length(1);
    expect(signedIn[0]!.detail).to.deep.include({ username: 'CorporateSAML_johndoe', restored: false });
    expect(signedIn[0]!.detail.claims.email).to.equal('johndoe@contoso.com');
    const stored = JSON.parse(localStorage.getItem(TOKENS_KEY)!) as { idToken: string; accessToken: string; refreshToken: string };
    expect(stored.idToken).to.equal(signedIn[0]!.detail.tokens.idToken);
    expect(stored.refreshToken).to.be.a('string');
    expect(sessionStorage.getItem(PENDING_KEY), 'state and verifier used once, then gone').to.equal(null);

    // The address bar: code and state removed, everything else as it was.
    expect(location.pathname).to.equal(RETURN_PATH);
    expect(location.search).to.equal(new URL(original, location.origin).search);
  });

  it('a social button sends identity_provider; the tokens refresh at /oauth2/token; sign-out revokes and goes through /logout', async () => {
    const start = await page({ 'logout-uri': `${location.origin}${RETURN_PATH}?signed-out` });
    start.el.querySelector<HTMLButtonElement>('.socialButton-customizable[data-provider="Google"]')!.click();
    await until(() => start.navigated.length === 1, { what: 'the redirect', timeout: 8000 });
    const url = new URL(start.navigated[0]!);
    expect(url.searchParams.get('identity_provider')).to.equal('Google');
    expect(url.searchParams.has('idp_identifier')).to.equal(false);
    const back = await (async () => {
      const callback = await follow(start.navigated[0]!);
      for (const el of mounted.splice(0)) el.remove();
      const query = new URLSearchParams(location.search);
      for (const [k, v] of callback.searchParams) query.append(k, v);
      history.replaceState(history.state, '', `${RETURN_PATH}?${query.toString()}`);
      return page({ 'logout-uri': `${location.origin}${RETURN_PATH}?signed-out` });
    })();
    await until(() => back.el.getAttribute('screen') === 'signed-in', { what: 'signed in', timeout: 8000 });
    const first = back.el.session!.tokens;
    expect(back.el.session!.username).to.equal('Google_johndoe');

    await back.el.flow!.refresh();
    const refreshes = (await serverLog()).filter((e) => e.endpoint === 'token' && e.params.refresh_token === first.refreshToken);
    expect(refreshes.map((e) => [e.params.grant_type, e.params.client_id, e.status])).to.deep.equal([['refresh_token', CLIENT, 200]]);
    const renewed = back.el.session!.tokens;
    // This server rotates refresh tokens (Cognito does when rotation is on): the answer's new one is kept. (The access
    // token may be byte-identical: same claims within the same second.)
    expect(renewed.refreshToken).to.be.a('string').and.not.equal(first.refreshToken);
    expect(renewed.expiresAt).to.be.at.least(first.expiresAt);
    expect(JSON.parse(localStorage.getItem(TOKENS_KEY)!).accessToken).to.equal(renewed.accessToken);
    expect(back.events.filter((e) => e.type === 'cognito-signed-in')).to.have.length(1);

    await back.el.signOut();
    expect(localStorage.getItem(TOKENS_KEY)).to.equal(null);
    const revokes = (await serverLog()).filter((e) => e.endpoint === 'revoke' && e.params.token === renewed.refreshToken);
    expect(revokes.map((e) => e.params.client_id)).to.deep.equal([CLIENT]);
    const logout = new URL(back.navigated.at(-1)!);
    expect(`${logout.origin}${logout.pathname}`).to.equal(`${OAUTH}/logout`);
    expect(Object.fromEntries(logout.searchParams)).to.deep.equal({ client_id: CLIENT, logout_uri: `${location.origin}${RETURN_PATH}?signed-out` });
    const after = await fetch(logout.href, { credentials: 'omit' });
    expect(after.url).to.equal(`${location.origin}${RETURN_PATH}?signed-out`);
  });

  it('"Keep me signed in" unticked, then Google: back from the redirect the tokens are in sessionStorage only, and stay there', async () => {
    const KEEP = { 'keep-signed-in': '' };
    const ORIGIN_KEY = `cognito-elements.${CLIENT}.token-origin`;
    const start = await page(KEEP);
    const box = await until(() => start.el.querySelector<HTMLInputElement>('input[name="keep_signed_in"]'), { what: 'the box', timeout: 8000 });
    expect(box.checked, 'ticked at first (storage="local")').to.equal(true);
    box.click();
    start.el.querySelector<HTMLButtonElement>('.socialButton-customizable[data-provider="Google"]')!.click();
    await until(() => start.navigated.length === 1, { what: 'the redirect', timeout: 8000 });
    expect(pending().keepSignedIn, 'the box, kept with the state and verifier').to.equal(false);
    expect(new URL(start.navigated[0]!).search, 'and not sent').to.not.match(/keep/i);
    // In this one document every "page" shares one storage object (storage.ts keeps one per page), which now holds the
    // choice; after a real redirect the page starts with a fresh one. Set it back the other way, so that only the
    // pending record can tell the page after the redirect.
    void start.el.flow!.signIn({ username: '', keepSignedIn: true });

    const back = await landOn(await follow(start.navigated[0]!), KEEP);
    await until(() => back.el.getAttribute('screen') === 'signed-in', { what: 'signed in', timeout: 8000 });
    expect(localStorage.getItem(TOKENS_KEY), 'nothing in localStorage').to.equal(null);
    expect(JSON.parse(sessionStorage.getItem(TOKENS_KEY)!).accessToken).to.equal(back.el.session!.tokens.accessToken);
    expect([sessionStorage.getItem(ORIGIN_KEY), localStorage.getItem(ORIGIN_KEY)]).to.deep.equal(['hosted', null]);
    expect(sessionStorage.getItem(PENDING_KEY), 'the pending sign-in, choice and all, used up').to.equal(null);

    // A refresh at /oauth2/token writes there again.
    const first = back.el.session!.tokens;
    await back.el.flow!.refresh();
    expect(back.el.session!.tokens.refreshToken).to.not.equal(first.refreshToken);
    expect(JSON.parse(sessionStorage.getItem(TOKENS_KEY)!).refreshToken).to.equal(back.el.session!.tokens.refreshToken);
    expect(localStorage.getItem(TOKENS_KEY)).to.equal(null);

    // A reload (no callback in the address bar) restores the session from there.
    for (const el of mounted.splice(0)) el.remove();
    history.replaceState(history.state, '', original);
    const reload = await page(KEEP);
    await until(() => reload.el.getAttribute('screen') === 'signed-in', { what: 'restored', timeout: 8000 });
    expect(reload.events.map((e) => [e.type, e.detail.restored])).to.deep.equal([['cognito-signed-in', true]]);
    expect(localStorage.getItem(TOKENS_KEY)).to.equal(null);
  });

  it('a tampered state is refused before any token request: a clear error, nothing stored', async () => {
    const start = await page();
    const authorize = await routeByEmail(start, 'ada@acme.com');
    expect(new URL(authorize).searchParams.get('idp_identifier')).to.equal('acme.com');
    const callback = await follow(authorize);
    const code = callback.searchParams.get('code')!;
    callback.searchParams.set('state', 'AAAAAAAAAAAAAAAAAAAAAA');
    const back = await landOn(callback);
    await errorShown(back, 'oauth-state-mismatch', 'This sign-in response does not match the sign-in started in this browser, so it was ignored. Start again.');
    expect((await serverLog()).filter((e) => e.endpoint === 'token' && e.params.code === code)).to.deep.equal([]);
    await expectAccessible(back.el);
  });

  it('a reused code: replaying the callback is ignored in the browser; the code with a fresh state is refused by the server', async () => {
    const first = await signInByEmail();
    const code = first.callback.searchParams.get('code')!;

    // 1. The same callback URL again (back button, reload, a leaked link): its state was used up, so it is nobody's
    // callback: a signed-in user stays signed in (issue 16.6), a signed-out one sees the form, never an error.
    const whileSignedIn = await landOn(first.callback);
    await ignored(whileSignedIn, code, 'signed-in');
    expect(whileSignedIn.events.map((e) => [e.type, e.detail.restored])).to.deep.equal([['cognito-signed-in', true]]);
    await whileSignedIn.el.signOut({ logout: false });
    expect(localStorage.getItem(TOKENS_KEY)).to.equal(null);
    const replay = await landOn(first.callback);
    await ignored(replay, code, 'sign-in');
    expect(replay.events.map((e) => e.type)).to.deep.equal([]);
    expect((await serverLog()).filter((e) => e.endpoint === 'token' && e.params.code === code)).to.have.length(1);

    // 2. The old code slipped into a new, genuine sign-in: the server redeems a code once only.
    history.replaceState(history.state, '', original);
    const again = await page();
    await routeByEmail(again, 'grace@contoso.com');
    const fresh = pending();
    const forged = new URL(first.callback.href);
    forged.searchParams.set('state', fresh.state);
    const back = await landOn(forged);
    await errorShown(back, 'oauth-invalid-grant', 'The sign-in was not accepted: it has expired or was already used. Start again.');
    const attempts = (await serverLog()).filter((e) => e.endpoint === 'token' && e.params.code === code);
    expect(attempts.map((e) => [e.status, e.error])).to.deep.equal([
      [200, undefined],
      [400, 'invalid_grant'],
    ]);
    expect(attempts[1]!.params.code_verifier).to.equal(fresh.verifier);
  });

  it('a missing verifier (the pending sign-in is gone from this tab): not handled, no token request, no error', async () => {
    const start = await page();
    const callback = await follow(await routeByEmail(start, 'ada@acme.com'));
    sessionStorage.removeItem(PENDING_KEY);
    const back = await landOn(callback);
    await ignored(back, callback.searchParams.get('code')!, 'sign-in');
    expect(localStorage.getItem(TOKENS_KEY), 'no tokens stored').to.equal(null);
    expect((await serverLog()).filter((e) => e.endpoint === 'token' && e.params.code === callback.searchParams.get('code'))).to.deep.equal([]);
  });

  it('the server verifies PKCE: a wrong code_verifier is refused and nobody is signed in', async () => {
    const start = await page();
    const callback = await follow(await routeByEmail(start, 'ada@acme.com'));
    const p = pending();
    // Another well-formed verifier, as an attacker holding a stolen code would have to guess.
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ ...p, verifier: 'x'.repeat(43) }));
    const back = await landOn(callback);
    await errorShown(back, 'oauth-invalid-grant', 'The sign-in was not accepted: it has expired or was already used. Start again.');
    const attempts = (await serverLog()).filter((e) => e.endpoint === 'token' && e.params.code === callback.searchParams.get('code'));
    expect(attempts).to.have.length(1);
    expect(attempts[0]!.params.code_verifier).to.equal('x'.repeat(43));
    expect([attempts[0]!.status, attempts[0]!.error]).to.deep.equal([400, 'invalid_grant']);
    expect(attempts[0]!.description).to.equal('code_verifier provided does not match code_challenge');
  });

  for (const [error, code, text] of [
    ['server_error', 'oauth-server-error', 'Your identity provider or the sign-in service had a problem. Try again.'],
    ['access_denied', 'oauth-access-denied', 'Sign-in was cancelled, or your identity provider did not allow it.'],
  ] as const) {
    it(`the server returns error=${error}: a translated error, no token request, nothing stored`, async () => {
      const start = await page();
      await fetch(`${OAUTH}/__oauth/next-error?error=${error}&error_description=${encodeURIComponent('<script>alert(1)</script> raw text')}`, { method: 'POST' });
      const callback = await follow(await routeByEmail(start, 'ada@acme.com'));
      expect(callback.searchParams.get('error')).to.equal(error);
      expect(callback.searchParams.has('code')).to.equal(false);
      const tokenRequestsBefore = (await serverLog()).filter((e) => e.endpoint === 'token').length;
      const back = await landOn(callback);
      await errorShown(back, code, text);
      expect(back.el.textContent).not.to.contain('raw text');
      expect(back.el.querySelector('script')).to.equal(null);
      expect((await serverLog()).filter((e) => e.endpoint === 'token').length).to.equal(tokenRequestsBefore);
      await expectAccessible(back.el);
    });
  }
});
