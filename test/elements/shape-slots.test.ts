// Named slots without a shadow root (issue 18): the page's children with slot="<screen>-header|footer|before-submit"
// (or header/footer/before-submit for every screen) show in their place on their screen, are out of sight on others
// and once signed in, and are the page's own nodes throughout: never recreated, so listeners and state survive screen
// changes and re-renders.
import { expect } from 'chai';
import '../../components/index.js';
import { CognitoAuthenticator } from '../../components/authenticator.js';
import type { AuthConfig } from '../../src/config.js';
import { AuthFlow, type FlowDeps } from '../../src/flow/auth-flow.js';
import { authResult, CLIENT, FakeClock, FakeCognito, POOL } from '../support/fake-cognito.js';
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
