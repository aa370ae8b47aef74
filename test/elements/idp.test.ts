// Identity providers on the sign-in screen and in <cognito-authenticator>: buttons, the email box, hide-native,
// idp-routing="auto", and the way back (callback in the address bar). Navigation is observed through the `navigate`
// seam; the token endpoint is a fake fetch (the real OAuth server is exercised in test/e2e/federation.e2e.test.ts).
import { expect } from 'chai';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import type { AuthOptions } from '../../src/config.js';
import { MemoryStorage } from '../../src/session/index.js';
import { KeepSignedInStorage } from '../../src/session/storage.js';
import { CLIENT, jwt, POOL } from '../support/fake-cognito.js';
import { expectAccessible, harness, input, mount, settle, type } from './helpers.js';
import { until } from '../support/until.js';

const DOMAIN = 'https://auth.example.com';
const SOCIAL = [{ name: 'Google' }, { name: 'Facebook' }, { name: 'LoginWithAmazon' }, { name: 'SignInWithApple' }];

function setup(options: AuthOptions) {
  const navigated: string[] = [];
  const h = harness({ domain: DOMAIN, redirectUri: 'https://app.example.com/', allowCrossOriginRedirect: true, ...options }, { oauth: { storage: new MemoryStorage(), navigate: (url) => navigated.push(url) } });
  return { ...h, navigated };
}

async function signIn(options: AuthOptions) {
  const h = setup(options);
  const el = await mount<HTMLElement & { updateComplete: Promise<unknown> }>('cognito-sign-in', h.flow);
  return { h, el };
}

function text(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function pressEnter(target: HTMLElement): boolean {
  const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
  return target.dispatchEvent(event);
}

describe('<cognito-sign-in> identity providers', () => {
  it('social providers: hosted-UI buttons with the provider name and an inline SVG mark, legal text under them', async () => {
    const { h, el } = await signIn({ identityProviders: SOCIAL });
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('.socialButton-customizable')];
    expect(buttons.map((b) => b.dataset.provider)).to.deep.equal(['Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple']);
    expect(buttons.map((b) => text(b))).to.deep.equal(['Continue with Google', 'Continue with Facebook', 'Continue with Amazon', 'Continue with Apple']);
    for (const b of buttons) {
      expect(b.type).to.equal('button');
      expect(b.dataset.action).to.equal('idp');
      const mark = b.querySelector('svg')!;
      expect(mark.namespaceURI).to.equal('http://www.w3.org/2000/svg');
      expect(mark.getAttribute('aria-hidden')).to.equal('true');
      expect(mark.querySelectorAll('path').length).to.be.greaterThan(0);
      expect(mark.querySelector('path')!.namespaceURI).to.equal('http://www.w3.org/2000/svg');
    }
    const legal = el.querySelector('.cognito-idp-social .legalText-customizable')!;
    expect(text(legal)).to.equal('We won’t post to any of your accounts without asking first');
    expect(buttons.at(-1)!.compareDocumentPosition(legal) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    // No corporate section without SAML/OIDC providers; the user pool form stays.
    expect(el.querySelector('.idpDescription-customizable')).to.equal(null);
    expect(input(el, 'password')).to.exist;
    buttons[0]!.click();
    await until(() => h.navigated.length > 0, 'the redirect to /oauth2/authorize');
    expect(h.navigated).to.have.length(1);
    const url = new URL(h.navigated[0]!);
    expect(url.origin + url.pathname).to.equal('https://auth.example.com/oauth2/authorize');
    expect(url.searchParams.get('identity_provider')).to.equal('Google');
    expect(url.searchParams.get('code_challenge_method')).to.equal('S256');
    await expectAccessible(el);
  });

  it('SAML/OIDC providers without identifiers: idpButton-customizable buttons under "Sign in with your corporate ID"', async () => {
    const { h, el } = await signIn({ identityProviders: [{ name: 'Google' }, { name: 'AcmeSAML', label: 'Acme employees' }, { name: 'Partners', identifiers: ['partner.example'] }] });
    const heading = el.querySelector('.idpDescription-customizable')!;
    expect(text(heading)).to.equal('Sign in with your corporate ID');
    const group = heading.closest('[role="group"]')!;
    expect(group.getAttribute('aria-labelledby')).to.equal(heading.id);
    const buttons = [...group.querySelectorAll<HTMLButtonElement>('.idpButton-customizable')];
    // Only some have identifiers: every provider gets its button, and there is no email box.
    expect(buttons.map((b) => [b.dataset.action, b.dataset.provider, text(b)])).to.deep.equal([
      ['idp', 'AcmeSAML', 'Acme employees'],
      ['idp', 'Partners', 'Partners'],
    ]);
    expect(el.querySelector('input[name="email"]')).to.equal(null);
    expect(buttons[0]!.querySelector('svg')).to.equal(null);
    buttons[1]!.click();
    await until(() => h.navigated.length > 0, 'the redirect to /oauth2/authorize');
    expect(new URL(h.navigated[0]!).searchParams.get('identity_provider')).to.equal('Partners');
    await expectAccessible(el);
  });

  it('every SAML/OIDC provider with identifiers: one email box; Enter routes by domain without submitting the password form', async () => {
    const { h, el } = await signIn({
      identityProviders: [{ name: 'Okta', identifiers: ['acme.com'] }, { name: 'Azure', identifiers: ['contoso.com'] }, { name: 'Google' }],
    });
    expect(el.querySelector('.idpButton-customizable')).to.equal(null);
    const email = input(el, 'email');
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('email');
    expect(text(el.querySelector(`label[for="${email.id}"]`))).to.equal('Work email');
    type(el, 'email', 'Grace@Contoso.COM');
    expect(pressEnter(email), 'Enter is taken by the email box').to.equal(false);
    await until(() => h.navigated.length > 0, 'the redirect to /oauth2/authorize');
    expect(h.navigated).to.have.length(1);
    const url = new URL(h.navigated[0]!);
    expect(url.searchParams.get('idp_identifier')).to.equal('contoso.com');
    expect(url.searchParams.has('identity_provider')).to.equal(false);
    expect(h.cognito.calls, 'no user pool sign-in was sent').to.deep.equal([]);
    await expectAccessible(el);
  });

  it('the email box: a domain nobody lists says so, marks the box invalid, and offers the password form with the address', async () => {
    const { h, el } = await signIn({ identityProviders: [{ name: 'Okta', identifiers: ['acme.com'] }] });
    type(el, 'email', 'ada@eu.acme.com');
    (el.querySelector('[data-action="idp-email"]') as HTMLButtonElement).click();
    await settle();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(h.navigated).to.deep.equal([]);
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-error-code')).to.equal('oauth-no-provider');
    expect(text(alert)).to.equal('There is no single sign-on for this email address. Check the address.');
    const email = input(el, 'email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    const hint = el.querySelector('[data-hint="use-password"]')!;
    expect(email.getAttribute('aria-describedby')).to.equal(`${alert.id} ${hint.id}`);
    expect(document.activeElement === email, 'focus on the email box').to.equal(true);
    expect(text(hint)).to.equal('You can also sign in with your password below.');
    expect(input(el, 'username').value).to.equal('ada@eu.acme.com');
    await expectAccessible(el);
  });

  it('hide-native: identity providers only, no user pool form, no sign-up; the form submit routes the email', async () => {
    const { h, el } = await signIn({ hideNative: true, identityProviders: [{ name: 'Google' }, { name: 'Okta', identifiers: ['acme.com'] }] });
    expect(el.querySelector('input[name="username"]')).to.equal(null);
    expect(el.querySelector('input[name="password"]')).to.equal(null);
    expect(el.querySelector('[data-action="sign-up"]')).to.equal(null);
    expect(el.querySelector('[data-action="forgot-password"]')).to.equal(null);
    expect(el.querySelector('.cognito-or')).to.equal(null);
    expect(el.querySelector('.socialButton-customizable')).to.exist;
    type(el, 'email', 'nobody@example.org');
    el.querySelector('form')!.requestSubmit();
    await until(() => el.querySelector('[role="alert"]'), 'the error');
    expect(el.querySelector('[role="alert"]')!.getAttribute('data-error-code')).to.equal('oauth-no-provider');
    expect(el.querySelector('[data-hint="use-password"]'), 'no password to fall back on').to.equal(null);
    type(el, 'email', 'ada@acme.com');
    el.querySelector('form')!.requestSubmit();
    await until(() => h.navigated.length > 0, 'the redirect to /oauth2/authorize');
    expect(new URL(h.navigated[0]!).searchParams.get('idp_identifier')).to.equal('acme.com');
    await expectAccessible(el);
  });

  it('idp-routing="auto": a username whose domain is an identifier offers "Continue with <label>" instead of a password', async () => {
    const { h, el } = await signIn({ usernameAttributes: 'email', idpRouting: 'auto', identityProviders: [{ name: 'Okta', label: 'Acme SSO', identifiers: ['acme.com'] }] });
    // The username field is the email box here: no second one.
    expect(el.querySelector('input[name="email"]')).to.equal(null);
    type(el, 'username', 'ada@acme.com');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.querySelector('input[name="password"]')).to.equal(null);
    expect(text(el.querySelector('.submitButton-customizable .cognito-submit-label'))).to.equal('Continue with Acme SSO');
    await expectAccessible(el);
    type(el, 'username', 'ada@example.org');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(input(el, 'password')).to.exist;
    expect(text(el.querySelector('.submitButton-customizable .cognito-submit-label'))).to.equal('Sign in');
    type(el, 'username', 'ADA@acme.com');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    el.querySelector('form')!.requestSubmit();
    await until(() => h.navigated.length > 0, 'the redirect to /oauth2/authorize');
    expect(new URL(h.navigated[0]!).searchParams.get('idp_identifier')).to.equal('acme.com');
    expect(h.cognito.calls).to.deep.equal([]);
  });

  it('labels and names are text, never markup', async () => {
    const { el } = await signIn({ identityProviders: [{ name: 'Evil<b>', label: '<img src=x onerror="window.__pwned=1">' }] });
    const button = el.querySelector('.idpButton-customizable')!;
    expect(text(button)).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(button.querySelector('img')).to.equal(null);
    expect(button.getAttribute('data-provider')).to.equal('Evil<b>');
  });

  it('"Keep me signed in": the box as it stands goes with a provider sign-in (recorded with the pending one, not sent)', async () => {
    const pending = new MemoryStorage();
    const navigated: string[] = [];
    const options = { domain: DOMAIN, redirectUri: 'https://app.example.com/', allowCrossOriginRedirect: true, keepSignedIn: true };
    const providers = [{ name: 'Google' }, { name: 'Okta', identifiers: ['acme.com'] }];
    const storage = new KeepSignedInStorage(new MemoryStorage(), new MemoryStorage(), true);
    const h = harness({ ...options, identityProviders: providers }, { storage, oauth: { storage: pending, navigate: (url) => navigated.push(url) } });
    const el = await mount<HTMLElement & { updateComplete: Promise<unknown> }>('cognito-sign-in', h.flow);
    const recorded = () => (JSON.parse(pending.getItem(`cognito-elements.${CLIENT}.oauth`)!) as { keepSignedIn?: unknown }).keepSignedIn;
    const box = await until(() => el.querySelector<HTMLInputElement>('input[name="keep_signed_in"]'), 'the box');
    expect(box.checked, 'ticked at first with storage="local"').to.equal(true);
    box.click();
    el.querySelector<HTMLButtonElement>('[data-provider="Google"]')!.click();
    await until(() => navigated.length === 1, 'the redirect');
    expect(recorded(), 'unticked').to.equal(false);
    expect(navigated[0]).to.not.match(/keep/i);
    expect(h.flow.keepSignedIn).to.equal(false);
    // Ticked again, through the email box (idp_identifier).
    box.click();
    input(el, 'email').value = 'ada@acme.com';
    el.querySelector<HTMLButtonElement>('[data-action="idp-email"]')!.click();
    await until(() => navigated.length === 2, 'the second redirect');
    expect(new URL(navigated[1]!).searchParams.get('idp_identifier')).to.equal('acme.com');
    expect(recorded(), 'ticked').to.equal(true);
  });

  it('without keep-signed-in: no box, and a provider sign-in chooses nothing', async () => {
    const { h, el } = await signIn({ identityProviders: SOCIAL });
    expect(el.querySelector('input[name="keep_signed_in"]')).to.equal(null);
    el.querySelector<HTMLButtonElement>('[data-provider="Google"]')!.click();
    await until(() => h.navigated.length === 1, 'the redirect');
    expect(h.flow.keepSignedIn).to.equal(undefined);
  });
});

describe('<cognito-authenticator> identity providers', () => {
  const original = `${location.pathname}${location.search}${location.hash}`;
  const created: Element[] = [];
  const here = `${location.origin}${location.pathname}`;

  afterEach(() => {
    for (const el of created.splice(0)) el.remove();
    history.replaceState(history.state, '', original);
    for (const key of Object.keys(localStorage)) if (key.startsWith('cognito-elements.')) localStorage.removeItem(key);
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('cognito-elements.')) sessionStorage.removeItem(key);
  });

  async function create(attrs: Record<string, string>, navigated: string[] = []) {
    const el = document.createElement('cognito-authenticator');
    const events: CustomEvent[] = [];
    for (const t of ['cognito-signed-in', 'cognito-error']) el.addEventListener(t, (e) => events.push(e as CustomEvent));
    el.navigate = (url: string) => void navigated.push(url);
    const all = { 'user-pool-id': POOL, 'client-id': CLIENT, endpoint: 'http://127.0.0.1:9', domain: DOMAIN, 'redirect-uri': here, ...attrs };
    for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
    document.body.append(el);
    created.push(el);
    await el.updateComplete;
    await settle();
    return { el: el as CognitoAuthenticator, events, navigated };
  }

  function withCallback(query: string): void {
    history.replaceState(history.state, '', `${location.pathname}${location.search}${location.search ? '&' : '?'}${query}`);
  }

  it('identity-providers as a JSON attribute; a click goes through the overridable navigate(url)', async () => {
    const { el, navigated } = await create({ 'identity-providers': '[{"name":"Google"},{"name":"Okta","identifiers":["acme.com"]}]', lang: 'de' });
    await until(() => el.querySelector('.socialButton-customizable') !== null, 'the buttons');
    el.querySelector<HTMLButtonElement>('[data-provider="Google"]')!.click();
    await until(() => navigated.length === 1, 'navigate');
    const url = new URL(navigated[0]!);
    expect(url.searchParams.get('client_id')).to.equal(CLIENT);
    expect(url.searchParams.get('redirect_uri')).to.equal(here);
    expect(url.searchParams.get('lang')).to.equal('de');
    const pending = JSON.parse(sessionStorage.getItem(`cognito-elements.${CLIENT}.oauth`)!) as { state: string };
    expect(url.searchParams.get('state')).to.equal(pending.state);
    await expectAccessible(el);
  });

  it('an invalid identity-providers attribute is a configuration error naming it', async () => {
    const { el, events } = await create({ 'identity-providers': '[{"name":"Okta","identifiers":["acme.com"]},{"name":"Azure","identifiers":["acme.com"]}]' });
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.getAttribute('data-attribute')).to.equal('identity-providers');
    expect(alert.textContent).to.contain('used by both');
    expect(events.find((e) => e.type === 'cognito-error')!.detail).to.deep.include({ code: 'configuration', attribute: 'identity-providers' });
  });

  it('back with error=access_denied: a translated error, the address bar cleaned, nothing stored', async () => {
    sessionStorage.setItem(`cognito-elements.${CLIENT}.oauth`, JSON.stringify({ state: 's1', verifier: 'v'.repeat(43), redirectUri: here }));
    withCallback('error=access_denied&error_description=User+cancelled&state=s1');
    const { el, events } = await create({ 'identity-providers': '[{"name":"Google"}]' });
    await until(() => el.querySelector('[role="alert"]') !== null, 'the error');
    expect(el.querySelector('[role="alert"]')!.getAttribute('data-error-code')).to.equal('oauth-access-denied');
    expect(text(el.querySelector('[role="alert"]'))).to.equal('Sign-in was cancelled, or your identity provider did not allow it.');
    expect(text(el), 'the raw description is not shown').not.to.contain('User cancelled');
    const params = new URLSearchParams(location.search);
    expect(['error', 'error_description', 'state', 'code'].filter((p) => params.has(p))).to.deep.equal([]);
    expect(location.search, 'other parameters stay').to.equal(new URL(original, location.origin).search);
    expect(sessionStorage.getItem(`cognito-elements.${CLIENT}.oauth`)).to.equal(null);
    expect(localStorage.getItem(`cognito-elements.${CLIENT}.tokens`)).to.equal(null);
    expect(events.filter((e) => e.type === 'cognito-error').map((e) => e.detail.code)).to.deep.equal(['oauth-access-denied']);
    await expectAccessible(el);
  });

  it('back with code and state: exchanged at <domain>/oauth2/token, signed in, cognito-signed-in, address bar cleaned', async () => {
    sessionStorage.setItem(`cognito-elements.${CLIENT}.oauth`, JSON.stringify({ state: 'good-state', verifier: 'v'.repeat(43), redirectUri: here }));
    withCallback('code=the-code&state=good-state');
    const requests: { url: string; body: string }[] = [];
    const realFetch = window.fetch;
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).startsWith(DOMAIN)) return realFetch(input, init);
      requests.push({ url: String(input), body: String(init?.body) });
      const id = jwt({ sub: 's', 'cognito:username': 'Google_1', email: 'ada@example.com' });
      return new Response(JSON.stringify({ id_token: id, access_token: jwt({ sub: 's', username: 'Google_1' }), refresh_token: 'r', expires_in: 3600 }), { status: 200 });
    }) as typeof fetch;
    try {
      const { el, events } = await create({ 'identity-providers': '[{"name":"Google"}]' });
      await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
      expect(requests.map((r) => r.url)).to.deep.equal([`${DOMAIN}/oauth2/token`]);
      expect(Object.fromEntries(new URLSearchParams(requests[0]!.body))).to.deep.equal({
        grant_type: 'authorization_code',
        client_id: CLIENT,
        code: 'the-code',
        redirect_uri: here,
        code_verifier: 'v'.repeat(43),
      });
      const signedIn = events.filter((e) => e.type === 'cognito-signed-in');
      expect(signedIn).to.have.length(1);
      expect(signedIn[0]!.detail).to.deep.include({ username: 'Google_1', restored: false });
      expect(new URLSearchParams(location.search).has('code')).to.equal(false);
      expect(new URLSearchParams(location.search).has('state')).to.equal(false);
      expect(localStorage.getItem(`cognito-elements.${CLIENT}.tokens`)).to.be.a('string');
    } finally {
      window.fetch = realFetch;
    }
  });

  it('a tampered state: refused before any request, with a translated error', async () => {
    sessionStorage.setItem(`cognito-elements.${CLIENT}.oauth`, JSON.stringify({ state: 'good-state', verifier: 'v'.repeat(43), redirectUri: here }));
    withCallback('code=the-code&state=evil-state');
    const { el } = await create({ 'identity-providers': '[{"name":"Google"}]' });
    await until(() => el.querySelector('[role="alert"]') !== null, 'the error');
    expect(el.querySelector('[role="alert"]')!.getAttribute('data-error-code')).to.equal('oauth-state-mismatch');
    expect(new URLSearchParams(location.search).has('code')).to.equal(false);
    expect(localStorage.getItem(`cognito-elements.${CLIENT}.tokens`)).to.equal(null);
  });
});
