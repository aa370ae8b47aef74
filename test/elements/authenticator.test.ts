import { expect } from 'chai';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { jwt, settle } from '../support/fake-cognito.js';
import { expectAccessible } from './helpers.js';
import { until } from '../support/until.js';

const POOL = 'us-east-1_TestPool1';
const CLIENT = 'testclient123';
const created: Element[] = [];

async function create(attrs: Record<string, string>, children = ''): Promise<{ el: CognitoAuthenticator; events: CustomEvent[] }> {
  const el = document.createElement('cognito-authenticator');
  const events: CustomEvent[] = [];
  for (const type of ['cognito-signed-in', 'cognito-signed-out', 'cognito-signed-up', 'cognito-screen-change', 'cognito-error']) {
    el.addEventListener(type, (e) => events.push(e as CustomEvent));
  }
  // Never the real AWS endpoint from a test: a closed loopback port, so any request fails at once, locally.
  for (const [k, v] of Object.entries({ endpoint: 'http://127.0.0.1:9', ...attrs })) el.setAttribute(k, v);
  if (children) el.innerHTML = children;
  document.body.append(el);
  created.push(el);
  await el.updateComplete;
  await settle();
  await el.updateComplete;
  return { el, events };
}

afterEach(() => {
  for (const el of created.splice(0)) el.remove();
  for (const key of Object.keys(localStorage)) if (key.startsWith('cognito-elements.')) localStorage.removeItem(key);
});

describe('<cognito-authenticator>', () => {
  it('a missing user-pool-id renders a visible configuration error naming it, and fires cognito-error', async () => {
    const { el, events } = await create({ 'client-id': CLIENT });
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('user-pool-id');
    expect(el.querySelector('form')).to.equal(null);
    const error = events.find((e) => e.type === 'cognito-error')!;
    expect(error.detail).to.deep.include({ code: 'configuration', attribute: 'user-pool-id' });
  });

  it('a malformed client-id is named too, and fixing the attribute shows the form', async () => {
    const { el } = await create({ 'user-pool-id': POOL, 'client-id': 'not a client id!' });
    expect(el.querySelector('[role="alert"]')!.textContent).to.contain('client-id');
    el.setAttribute('client-id', CLIENT);
    await el.updateComplete;
    await settle();
    expect(el.querySelector('cognito-sign-in form')).to.exist;
    expect(el.querySelector('[data-attribute]')).to.equal(null);
  });

  it('reflects the screen, fires cognito-screen-change, and loads the next screen on demand', async () => {
    const { el, events } = await create({ 'user-pool-id': POOL, 'client-id': CLIENT });
    expect(el.getAttribute('screen')).to.equal('sign-in');
    // Loading a page never steals focus; moving between screens does move it, to the new heading.
    expect(el.contains(document.activeElement), 'no focus taken on load').to.equal(false);
    el.querySelector<HTMLButtonElement>('[data-action="sign-up"]')!.click();
    await until(() => el.querySelector('cognito-sign-up form') !== null, 'the sign-up form');
    await until(() => document.activeElement === el.querySelector('cognito-sign-up h1'), 'focus on the sign-up heading');
    expect(el.getAttribute('screen')).to.equal('sign-up');
    const change = events.filter((e) => e.type === 'cognito-screen-change').at(-1)!;
    expect(change.detail).to.deep.equal({ screen: 'sign-up', previous: 'sign-in' });
  });

  it('initial-screen and hide-sign-up', async () => {
    const { el } = await create({ 'user-pool-id': POOL, 'client-id': CLIENT, 'initial-screen': 'forgot-password' });
    await until(() => el.querySelector('cognito-forgot-password form') !== null, 'the forgot-password form');
    expect(el.getAttribute('screen')).to.equal('forgot-password');
    const hidden = await create({ 'user-pool-id': POOL, 'client-id': CLIENT, 'hide-sign-up': '' });
    expect(hidden.el.querySelector('[data-action="sign-up"]')).to.equal(null);
  });

  it('hides the page\'s children until signed in, and restores a stored session without showing the form', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 's-1', 'cognito:username': 's-1', email: 'ada@example.com', exp: now + 3600, iat: now };
    localStorage.setItem(
      `cognito-elements.${CLIENT}.tokens`,
      JSON.stringify({ idToken: jwt(claims), accessToken: jwt({ ...claims, token_use: 'access' }), refreshToken: 'r', tokenType: 'Bearer', expiresAt: Date.now() + 3600_000 }),
    );
    const { el, events } = await create({ 'user-pool-id': POOL, 'client-id': CLIENT }, '<p id="secret-content">Members only</p>');
    await until(() => el.getAttribute('screen') === 'signed-in', 'the restored session');
    await el.updateComplete;
    expect(el.querySelector('form')).to.equal(null);
    expect(getComputedStyle(el.querySelector('#secret-content')!).display).to.not.equal('none');
    const signedIn = events.find((e) => e.type === 'cognito-signed-in')!;
    expect(signedIn.detail).to.deep.include({ username: 's-1', restored: true });
    expect(signedIn.detail.claims.email).to.equal('ada@example.com');
    expect(el.session?.claims.email).to.equal('ada@example.com');

    // Signing out (network failures ignored) clears storage, hides the content again and fires cognito-signed-out.
    await el.signOut({ global: false });
    await el.updateComplete;
    expect(localStorage.getItem(`cognito-elements.${CLIENT}.tokens`)).to.equal(null);
    expect(el.getAttribute('screen')).to.equal('sign-in');
    expect(getComputedStyle(el.querySelector('#secret-content')!).display).to.equal('none');
    expect(events.find((e) => e.type === 'cognito-signed-out')!.detail).to.deep.equal({ reason: 'user' });
  });

  it('children are hidden from a signed-out visitor', async () => {
    const { el } = await create({ 'user-pool-id': POOL, 'client-id': CLIENT }, '<p id="members">Members only</p>');
    expect(getComputedStyle(el.querySelector('#members')!).display).to.equal('none');
    expect(el.querySelector('cognito-sign-in')).to.exist;
  });

  it('logo and legal text: safe URLs only, text never markup', async () => {
    const { el } = await create({
      'user-pool-id': POOL,
      'client-id': CLIENT,
      logo: 'javascript:alert(1)',
      'legal-text': '<img src=x onerror=alert(1)> Terms apply',
    });
    expect(el.querySelector('.logo-customizable')).to.equal(null);
    expect(el.querySelector('.legalText-customizable')!.textContent).to.contain('<img src=x onerror=alert(1)> Terms apply');
    expect(el.querySelector('.legalText-customizable img')).to.equal(null);
    el.setAttribute('logo', 'data:image/png;base64,iVBORw0KGgo=');
    await el.updateComplete;
    expect(el.querySelector<HTMLImageElement>('.banner-customizable .logo-customizable')!.getAttribute('src')).to.match(/^data:image\/png/);
  });

  it('puts the hosted-UI classes on the frame, and is accessible', async () => {
    const { el } = await create({ 'user-pool-id': POOL, 'client-id': CLIENT, 'legal-text': 'Terms apply' });
    expect(el.querySelector('.background-customizable')).to.exist;
    expect(el.querySelector('.submitButton-customizable')).to.exist;
    await expectAccessible(el);
  });
});

describe('<cognito-authenticator> in step and re-attached', () => {
  function storeTokens(): void {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 's-1', 'cognito:username': 's-1', email: 'ada@example.com', exp: now + 3600, iat: now };
    localStorage.setItem(
      `cognito-elements.${CLIENT}.tokens`,
      JSON.stringify({ idToken: jwt(claims), accessToken: jwt({ ...claims, token_use: 'access' }), refreshToken: 'r', tokenType: 'Bearer', expiresAt: Date.now() + 3600_000 }),
    );
  }

  it('two authenticators on one page: signing out in one signs out the other', async () => {
    storeTokens();
    const a = await create({ 'user-pool-id': POOL, 'client-id': CLIENT });
    const b = await create({ 'user-pool-id': POOL, 'client-id': CLIENT });
    await until(() => a.el.getAttribute('screen') === 'signed-in' && b.el.getAttribute('screen') === 'signed-in', 'both signed in');
    await a.el.signOut({ global: false });
    await until(() => b.el.getAttribute('screen') === 'sign-in', 'the other to sign out');
    expect(b.events.find((e) => e.type === 'cognito-signed-out')!.detail).to.deep.equal({ reason: 'other-tab' });
  });

  it('another tab signing out (storage event) signs this tab out', async () => {
    storeTokens();
    const { el, events } = await create({ 'user-pool-id': POOL, 'client-id': CLIENT });
    await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
    const key = `cognito-elements.${CLIENT}.tokens`;
    const oldValue = localStorage.getItem(key);
    localStorage.removeItem(key);
    window.dispatchEvent(new StorageEvent('storage', { key, oldValue, newValue: null, storageArea: localStorage }));
    await until(() => el.getAttribute('screen') === 'sign-in', 'signed out');
    expect(events.filter((e) => e.type === 'cognito-signed-out')).to.have.length(1);
  });

  it('removed and re-added mid-flow (a framework re-render): the screen resumes, nothing doubles', async () => {
    const { el, events } = await create({ 'user-pool-id': POOL, 'client-id': CLIENT });
    el.querySelector<HTMLButtonElement>('[data-action="sign-up"]')!.click();
    await until(() => el.querySelector('cognito-sign-up form') !== null, 'sign-up');
    const flow = el.flow;
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(el.flow === flow, 'the same flow').to.equal(true);
    expect(el.getAttribute('screen')).to.equal('sign-up');
    expect(el.querySelectorAll('cognito-sign-up')).to.have.length(1);
    const before = events.length;
    el.querySelector<HTMLButtonElement>('cognito-sign-up [data-action="sign-in"]')!.click();
    await until(() => el.getAttribute('screen') === 'sign-in', 'sign-in');
    expect(events.slice(before).filter((e) => e.type === 'cognito-screen-change')).to.have.length(1);
  });
});

describe('<cognito-authenticator> sign-out leaves nothing behind', () => {
  it('clears every key the library wrote, in every storage, and nothing else', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 's-1', 'cognito:username': 's-1', exp: now + 3600, iat: now };
    const prefix = `cognito-elements.${CLIENT}.`;
    localStorage.setItem(
      `${prefix}tokens`,
      JSON.stringify({ idToken: jwt(claims), accessToken: jwt(claims), refreshToken: 'r', tokenType: 'Bearer', expiresAt: Date.now() + 3600_000 }),
    );
    localStorage.setItem(`${prefix}token-origin`, 'native');
    sessionStorage.setItem(`${prefix}oauth`, '{"state":"s"}');
    localStorage.setItem('page.own.key', 'keep me');
    const { el } = await create({ 'user-pool-id': POOL, 'client-id': CLIENT });
    await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
    await el.signOut({ global: false });
    const ours = (area: Storage) => Object.keys(area).filter((k) => k.startsWith(prefix));
    expect(ours(localStorage)).to.deep.equal([]);
    expect(ours(sessionStorage)).to.deep.equal([]);
    expect(localStorage.getItem('page.own.key')).to.equal('keep me');
    localStorage.removeItem('page.own.key');
  });
});
