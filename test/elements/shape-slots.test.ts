// Named slots without a shadow root (issue 18): the page's children with slot="<screen>-header|footer|before-submit"
// (or header/footer/before-submit for every screen) show in their place on their screen, are out of sight on others
// and once signed in, and are the page's own nodes throughout: never recreated, so listeners and state survive screen
// changes and re-renders.
import { expect } from 'chai';
import '../../components/index.js';
import preloadCss from '../../themes/preload.css?inline';
import { CognitoAuthenticator } from '../../components/authenticator.js';
import { SCREENS, type ScreenName } from '../../components/authenticator/screen-registry.js';
import { composeStories, type ComposedStory } from '../../demo/csf.js';
import { modules } from '../../demo/stories/index.js';
import { tokensKey } from '../../src/session/storage.js';
import type { AuthConfig } from '../../src/config.js';
import { AuthFlow, type FlowDeps } from '../../src/flow/auth-flow.js';
import { authResult, CLIENT, FakeClock, FakeCognito, jwt, POOL } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import { expectAccessible, type } from './helpers.js';

let cognito = new FakeCognito();

class SlotsAuthenticator extends CognitoAuthenticator {
  protected override createFlow(config: AuthConfig, deps: FlowDeps): AuthFlow {
    return new AuthFlow(config, { ...deps, api: cognito.api, clock: new FakeClock() });
  }
}
customElements.define('test-slots-authenticator', SlotsAuthenticator);

const created: Element[] = [];
afterEach(() => {
  for (const el of created.splice(0)) el.remove();
  cognito = new FakeCognito();
});

/** An authenticator with the page's children, as markup a page would write. */
async function create(children: string): Promise<CognitoAuthenticator> {
  const el = document.createElement('test-slots-authenticator') as CognitoAuthenticator;
  for (const [k, v] of Object.entries({ 'user-pool-id': POOL, 'client-id': CLIENT, 'auth-flow': 'USER_PASSWORD_AUTH', storage: 'memory' })) el.setAttribute(k, v);
  el.innerHTML = children;
  document.body.append(el);
  created.push(el);
  await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form');
  return el;
}

function visible(node: Element): boolean {
  return node.isConnected && node.getClientRects().length > 0;
}

describe('slots: the page\'s content on the screens', () => {
  it('puts header, before-submit and footer in place on their screen, and only there', async () => {
    const el = await create(`
      <p slot="sign-in-header" id="h">Welcome back to Acme</p>
      <label slot="sign-in-before-submit" id="b"><input type="checkbox" id="remember-device"> Trust this device</label>
      <p slot="sign-in-footer" id="f">Need help? <a href="/help">Contact us</a></p>
      <p slot="sign-up-footer" id="suf">By signing up you accept our terms.</p>`);
    const form = el.querySelector('cognito-sign-in form')!;
    const header = document.getElementById('h')!;
    const before = document.getElementById('b')!;
    const footer = document.getElementById('f')!;
    expect(form.contains(header) && visible(header)).to.equal(true);
    expect(header.compareDocumentPosition(form.querySelector('[data-screen-heading]')!) & Node.DOCUMENT_POSITION_FOLLOWING, 'header before the heading').to.not.equal(0);
    expect(before.nextElementSibling, 'before-submit right above the submit button').to.equal(null);
    expect(before.parentElement!.nextElementSibling).to.equal(form.querySelector('.submitButton-customizable'));
    expect(form.lastElementChild!.contains(footer), 'footer last').to.equal(true);
    expect(document.getElementById('suf')!.isConnected && visible(document.getElementById('suf')!), 'sign-up content is not on sign-in').to.equal(false);
    await expectAccessible(el);
  });

  it('keeps the page\'s own nodes, listeners and state across re-renders and screen changes', async () => {
    const el = await create(`
      <p slot="header" id="everywhere">Acme</p>
      <label slot="sign-in-before-submit"><input type="checkbox" id="trust"> Trust this device</label>
      <p slot="sign-up-footer" id="suf"><button type="button" id="terms-button">Terms</button></p>`);
    const trust = document.getElementById('trust') as HTMLInputElement;
    const everywhere = document.getElementById('everywhere')!;
    const termsButton = document.getElementById('terms-button')!;
    let clicks = 0;
    termsButton.addEventListener('click', () => clicks++);
    trust.checked = true;

    // A re-render (a language change re-renders every phrase) leaves them where and as they are.
    el.setAttribute('lang', 'de');
    await until(() => el.querySelector('cognito-sign-in [data-screen-heading]')?.textContent === 'Anmelden', 'German');
    expect(document.getElementById('trust')).to.equal(trust);
    expect(trust.checked).to.equal(true);

    el.flow!.goTo('sign-up');
    const signUp = await until(() => el.querySelector('cognito-sign-up form'), 'the sign-up form');
    await until(() => signUp.contains(termsButton), 'the sign-up footer');
    expect(signUp.contains(everywhere), 'a header for every screen moves along').to.equal(true);
    expect(visible(trust), 'sign-in content leaves with sign-in').to.equal(false);
    expect(trust.isConnected, 'still in the document, for the page').to.equal(true);
    termsButton.click();
    expect(clicks, 'its listener still works').to.equal(1);

    el.flow!.goTo('sign-in');
    const signIn = await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form again');
    await until(() => signIn.contains(trust), 'the same checkbox back');
    expect(document.getElementById('trust')).to.equal(trust);
    expect(trust.checked, 'its state survived').to.equal(true);
    expect(visible(termsButton)).to.equal(false);
  });

  it('once signed in, slotted content is out of sight and the page\'s signed-in children show', async () => {
    cognito.on('initiateAuth', () => authResult());
    const el = await create(`<p slot="sign-in-footer" id="f">Help</p><div id="private">Your account</div>`);
    const form = el.querySelector('cognito-sign-in form')!;
    type(form, 'username', 'ada');
    type(form, 'password', 'Pass-word-1');
    form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
    expect(visible(document.getElementById('private')!)).to.equal(true);
    await until(() => document.getElementById('f')?.closest('[data-cognito-slots]'), 'the footer parked, still the page\'s node');
    expect(visible(document.getElementById('f')!)).to.equal(false);
  });

  it('works on a screen used on its own: its own slotted children', async () => {
    const { harness } = await import('../support/fake-cognito.js');
    const h = harness();
    const screen = document.createElement('cognito-sign-in') as HTMLElement & { flow: AuthFlow; updateComplete: Promise<unknown> };
    screen.innerHTML = '<p slot="sign-in-footer" id="own-footer">Footer</p>';
    screen.flow = h.flow;
    document.body.append(screen);
    created.push(screen);
    await screen.updateComplete;
    const footer = document.getElementById('own-footer')!;
    expect(screen.querySelector('form')!.contains(footer)).to.equal(true);
  });
});

/** The first story of each screen: an element of the screen's tag showing that screen's state (flow and state set). */
function screenElements(): Map<ScreenName, HTMLElement> {
  const found = new Map<ScreenName, HTMLElement>();
  const tags = new Map(Object.keys(SCREENS).map((name) => [`COGNITO-${name.toUpperCase()}`, name as ScreenName]));
  const stories: ComposedStory[] = modules.filter((m) => tags.has(String((m.default as { component?: string }).component).toUpperCase())).flatMap((m) => composeStories(m));
  for (const story of stories) {
    if (found.size === tags.size) break;
    const node = story.render(story.args, { id: story.id, name: story.name, title: story.title, args: story.args, canvasElement: document.body });
    if (!(node instanceof HTMLElement)) continue;
    const el = [...node.querySelectorAll('*')].find((e) => tags.has(e.tagName)) as (HTMLElement & { state?: { screen?: string } }) | undefined;
    const name = el && tags.get(el.tagName)!;
    if (el && name && el.state?.screen === name && !found.has(name)) found.set(name, el);
  }
  return found;
}

describe('slots: every screen', () => {
  it('places its own <screen>-header, -before-submit and -footer, and the ones for every screen, in their places', async () => {
    await Promise.all(Object.values(SCREENS).map((load) => load()));
    const elements = screenElements();
    expect([...elements.keys()].sort(), 'a story for every screen in the registry').to.deep.equal(Object.keys(SCREENS).sort());
    for (const [name, el] of elements) {
      // A screen used on its own: its children fill its slots (inside the authenticator, the authenticator's do).
      el.innerHTML = ['header', 'before-submit', 'footer'].flatMap((p) => [`<p slot="${name}-${p}" data-at="${p}">${name} ${p}</p>`, `<p slot="${p}" data-at="${p}">every ${p}</p>`]).join('');
      const page = [...el.children] as HTMLElement[];
      const canvas = document.createElement('div');
      canvas.append(el);
      document.body.append(canvas);
      created.push(canvas);
      const form = await until(() => el.querySelector('form'), `the ${name} form`);
      await until(() => page.every((p) => form.contains(p)), `every slotted child in the ${name} form`);
      const heading = form.querySelector('[data-screen-heading]')!;
      const submit = form.querySelector('button[type="submit"]')!;
      for (const p of page) {
        expect(visible(p), `${p.slot} shows on ${name}`).to.equal(true);
        const at = p.dataset.at!;
        if (at === 'header') expect(p.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING, `${p.slot} above the heading of ${name}`).to.not.equal(0);
        if (at === 'before-submit') expect(p.compareDocumentPosition(submit) & Node.DOCUMENT_POSITION_FOLLOWING, `${p.slot} above the submit button of ${name}`).to.not.equal(0);
        if (at === 'footer') expect(form.lastElementChild!.contains(p), `${p.slot} last in the ${name} form`).to.equal(true);
      }
      expect(form.firstElementChild!.contains(page[0]!), `the header first in the ${name} form`).to.equal(true);
    }
  });
});

/** A session for `sub` stored as a past visit left it, then an authenticator with `children` added to the page. */
function restoredAuthenticator(sub: string, email: string, children: string): CognitoAuthenticator {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub, 'cognito:username': sub, email, exp: now + 3600, iat: now };
  localStorage.setItem(tokensKey(CLIENT), JSON.stringify({ idToken: jwt(claims), accessToken: jwt({ ...claims, token_use: 'access' }), refreshToken: 'r', tokenType: 'Bearer', expiresAt: Date.now() + 3600_000 }));
  const el = document.createElement('test-slots-authenticator') as CognitoAuthenticator;
  for (const [k, v] of Object.entries({ 'user-pool-id': POOL, 'client-id': CLIENT, storage: 'local' })) el.setAttribute(k, v);
  el.innerHTML = children;
  document.body.append(el);
  created.push(el);
  return el;
}

describe('slots: a stored session restored before any screen', () => {
  it('never shows the slotted children signed in, shows the page\'s signed-in content, and places them once signed out', async () => {
    const el = restoredAuthenticator('s-1', 'ada@example.com', '<p slot="sign-in-footer" id="f">Need help?</p><p slot="header" id="h">Acme</p><div id="private">Your account</div>');
    try {
      await until(() => el.getAttribute('screen') === 'signed-in', 'the restored session');
      await el.updateComplete;
      expect(el.querySelector('form'), 'no screen has rendered').to.equal(null);
      expect(visible(document.getElementById('private')!), 'the signed-in content').to.equal(true);
      expect(visible(document.getElementById('f')!), 'a screen\'s footer, signed in').to.equal(false);
      expect(visible(document.getElementById('h')!), 'the header for every screen, signed in').to.equal(false);

      await el.signOut({ global: false });
      const form = await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form');
      await until(() => form.contains(document.getElementById('f')) && form.contains(document.getElementById('h')), 'the slotted children placed');
      expect(visible(document.getElementById('f')!)).to.equal(true);
    } finally {
      localStorage.removeItem(tokensKey(CLIENT));
    }
  });

  it('with slotted children only, a restored session still shows the signed-in view (slotted ones are not signed-in content)', async () => {
    const el = restoredAuthenticator('s-2', 'bea@example.com', '<p slot="sign-in-footer">Need help?</p>');
    try {
      await until(() => el.getAttribute('screen') === 'signed-in', 'the restored session');
      const view = await until(() => el.querySelector('.cognito-signed-in'), 'the built-in signed-in view');
      expect(view.textContent).to.contain('bea@example.com');
      expect(view.querySelector('[data-action="sign-out"]'), 'a way to sign out').to.not.equal(null);
    } finally {
      localStorage.removeItem(tokensKey(CLIENT));
    }
  });

  it('preload.css: slotted children stay hidden once the element is defined, before its own sheet is in', async () => {
    // A page of its own, where <cognito-authenticator> is defined but has adopted nothing: only preload.css applies.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    created.push(frame);
    const win = frame.contentWindow as Window & typeof globalThis;
    const doc = frame.contentDocument!;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(preloadCss);
    doc.adoptedStyleSheets = [sheet];
    win.customElements.define('cognito-authenticator', class extends win.HTMLElement {});
    doc.body.innerHTML = '<cognito-authenticator screen="signed-in"><p slot="footer" id="f">Help</p><div id="private">Your account</div></cognito-authenticator>';
    expect(doc.getElementById('f')!.getClientRects().length, 'the slotted child').to.equal(0);
    expect(doc.getElementById('private')!.getClientRects().length, 'preload.css leaves the rest to the element').to.be.above(0);
  });
});
