// The identity-provider section of the sign-in screen, as a keyboard and screen-reader user meets it: busy buttons
// keep the focus and say which provider is working, each section is a level-2 heading naming its group, the
// "use your password" hint describes the email box, and the address comes back to the box after an error return.
import { expect } from 'chai';
import { render } from 'lit';
import '../../components/index.js';
import type { AuthError } from '../../src/errors.js';
import { authError } from '../../src/errors.js';
import type { AuthOptions } from '../../src/config.js';
import type { FederationConfig } from '../../src/federation-config.js';
import type { Translate } from '../../src/i18n.js';
import { MemoryStorage } from '../../src/session/index.js';
import { idpSection } from '../../components/parts/idp-buttons.js';
import { adoptBaseStyles } from '../../components/styles.js';
import { harness, input, mount, settle, type } from './helpers.js';
import { until } from '../support/until.js';

const DOMAIN = 'https://auth.example.com';

async function signIn(options: AuthOptions) {
  const navigated: string[] = [];
  const h = harness({ domain: DOMAIN, redirectUri: 'https://app.example.com/', allowCrossOriginRedirect: true, ...options }, { oauth: { storage: new MemoryStorage(), navigate: (url) => navigated.push(url) } });
  const el = await mount<HTMLElement & { updateComplete: Promise<unknown> }>('cognito-sign-in', h.flow);
  return { h, el, navigated };
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const attr = (el: Element, name: string) => el.getAttribute(name);

/** Holds every SHA-256 (the PKCE challenge) until released: the sign-in stays busy meanwhile. */
function holdRedirect(): () => void {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const original = crypto.subtle.digest.bind(crypto.subtle);
  crypto.subtle.digest = (async (...args: Parameters<SubtleCrypto['digest']>) => {
    await gate;
    return original(...args);
  }) as SubtleCrypto['digest'];
  return () => {
    crypto.subtle.digest = original;
    release();
  };
}

describe('<cognito-sign-in> identity-provider section', () => {
  it('busy: the pressed provider keeps the focus and is aria-busy, the others aria-disabled; presses meanwhile do nothing', async () => {
    const { el, navigated } = await signIn({ identityProviders: [{ name: 'Google' }, { name: 'Facebook' }, { name: 'AcmeSAML', label: 'Acme' }] });
    const google = el.querySelector<HTMLButtonElement>('[data-provider="Google"]')!;
    const release = holdRedirect();
    try {
      google.focus();
      google.click();
      await until(() => attr(google, 'aria-busy') === 'true', 'the busy Google button');
      const buttons = [...el.querySelectorAll<HTMLButtonElement>('[data-action="idp"]')];
      expect(buttons.map((b) => [b.dataset.provider, b.disabled, attr(b, 'aria-disabled'), attr(b, 'aria-busy')])).to.deep.equal([
        ['Google', false, 'true', 'true'],
        ['Facebook', false, 'true', 'false'],
        ['AcmeSAML', false, 'true', 'false'],
      ]);
      expect(document.activeElement, 'focus stays on the pressed button').to.equal(google);
      // Its name says it is working (the spinner's spoken text), the others' names do not change.
      expect(text(google)).to.equal('Please wait… Continue with Google');
      expect(text(buttons[1]!)).to.equal('Continue with Facebook');
      buttons[1]!.click();
      google.click();
      buttons[2]!.click();
    } finally {
      release();
    }
    await until(() => navigated.length === 1, 'the redirect');
    await settle();
    expect(navigated.map((u) => new URL(u).searchParams.get('identity_provider')), 'one redirect, for the first press').to.deep.equal(['Google']);
    await el.updateComplete;
    expect(attr(google, 'aria-busy')).to.equal('false');
    expect(attr(google, 'aria-disabled')).to.equal('false');
  });

  it('busy from the email box: its button is aria-busy and keeps the focus; Enter in the box meanwhile sends nothing', async () => {
    const { el, navigated } = await signIn({ identityProviders: [{ name: 'Google' }, { name: 'Okta', identifiers: ['acme.com'] }] });
    const release = holdRedirect();
    const go = el.querySelector<HTMLButtonElement>('[data-action="idp-email"]')!;
    try {
      type(el, 'email', 'ada@acme.com');
      go.focus();
      go.click();
      await until(() => attr(go, 'aria-busy') === 'true', 'the busy button');
      expect([go.disabled, attr(go, 'aria-disabled')]).to.deep.equal([false, 'true']);
      expect(document.activeElement).to.equal(go);
      expect(attr(el.querySelector('[data-provider="Google"]')!, 'aria-busy')).to.equal('false');
      const box = input(el, 'email');
      const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      expect(box.dispatchEvent(enter), 'Enter still does not submit the password form').to.equal(false);
      go.click();
    } finally {
      release();
    }
    await until(() => navigated.length === 1, 'the redirect');
    await settle();
    expect(navigated).to.have.length(1);
    expect(new URL(navigated[0]!).searchParams.get('idp_identifier')).to.equal('acme.com');
  });

  it('each section is a level-2 heading naming its group (aria-labelledby), without changing the look', async () => {
    const { el } = await signIn({ identityProviders: [{ name: 'Google' }, { name: 'AcmeSAML', label: 'Acme' }] });
    const groups = [...el.querySelectorAll('.cognito-idp [role="group"]')];
    expect(groups.map((g) => {
      const h = el.querySelector(`#${CSS.escape(attr(g, 'aria-labelledby') ?? '')}`);
      return [h?.tagName, text(h), g.contains(h), g.hasAttribute('aria-label')];
    })).to.deep.equal([
      ['H2', 'Sign in with a social account', true, false],
      ['H2', 'Sign in with your corporate ID', true, false],
    ]);
    // The social buttons never had a visible title: the heading is for assistive technology only (with the sheets the
    // authenticator adopts).
    adoptBaseStyles(el);
    const social = groups[0]!.querySelector('h2')!.getBoundingClientRect();
    expect(social.width * social.height).to.be.at.most(1);
  });

  it('the "use your password" hint describes the email box, with the error', async () => {
    const { el } = await signIn({ identityProviders: [{ name: 'Okta', identifiers: ['acme.com'] }] });
    type(el, 'email', 'ada@eu.acme.com');
    el.querySelector<HTMLButtonElement>('[data-action="idp-email"]')!.click();
    const hint = await until(() => el.querySelector('[data-hint="use-password"]'), 'the hint');
    const alert = el.querySelector('[role="alert"]')!;
    expect(hint.id).to.not.equal('');
    expect(attr(input(el, 'email'), 'aria-describedby')!.split(' ')).to.deep.equal([alert.id, hint.id]);
  });
});

describe('idpSection: the address back in the email box', () => {
  const federation: FederationConfig = {
    domain: DOMAIN,
    redirectUri: 'https://app.example.com/',
    scopes: ['openid'],
    providers: [{ kind: 'enterprise', name: 'Okta', identifiers: ['acme.com'] }],
    hideNative: false,
    idpRouting: 'off',
  };
  let t: Translate;
  const host = document.createElement('div');

  before(async () => {
    const { el } = await signIn({ identityProviders: [{ name: 'Okta', identifiers: ['acme.com'] }] });
    t = (el as unknown as { t: Translate }).t;
    document.body.append(host);
  });
  after(() => host.remove());

  const draw = (email: string | undefined, error: AuthError | undefined) => {
    render(idpSection({ t, federation, id: 'x', busy: false, error, errorId: 'x-error', emailBox: true, email, onProvider: () => {}, onEmail: () => {} }), host);
    return host.querySelector<HTMLInputElement>('input[name="email"]')!;
  };

  it('beside an error from the provider the box shows the address it sent; a box typed in since keeps what was typed', () => {
    const box = draw('johndoe@acme.example', authError('oauth-access-denied'));
    expect(box.value).to.equal('johndoe@acme.example');
    box.value = 'grace@acme.com';
    draw('johndoe@acme.example', authError('oauth-access-denied'));
    expect(box.value).to.equal('grace@acme.com');
    render(null, host);
  });

  it('without such an error (a username, another error) the box stays empty', () => {
    expect(draw('johndoe@acme.example', undefined).value).to.equal('');
    render(null, host);
    expect(draw('johndoe@acme.example', authError('incorrect-credentials')).value).to.equal('');
    render(null, host);
    expect(draw('ada', authError('oauth-access-denied')).value).to.equal('');
    render(null, host);
  });
});

describe('<cognito-sign-in> with identity providers: the whole form', () => {
  it('back from the email box with access_denied: "Work email" shows the address again', async () => {
    const session = new MemoryStorage();
    const navigated: string[] = [];
    const opts = { domain: DOMAIN, redirectUri: 'https://app.example.com/', allowCrossOriginRedirect: true, identityProviders: [{ name: 'Acme', identifiers: ['acme.example'] }] };
    const first = harness(opts, { oauth: { storage: session, navigate: (u) => navigated.push(u) } });
    const el1 = await mount<HTMLElement>('cognito-sign-in', first.flow);
    type(el1, 'email', 'johndoe@acme.example');
    el1.querySelector<HTMLButtonElement>('[data-action="idp-email"]')!.click();
    await until(() => navigated.length === 1, 'the redirect');
    expect(navigated[0]).to.not.contain('johndoe');
    const state = new URL(navigated[0]!).searchParams.get('state')!;
    const back = harness(opts, { oauth: { storage: session, navigate: () => {} } });
    const el2 = await mount<HTMLElement & { updateComplete: Promise<unknown> }>('cognito-sign-in', back.flow);
    await back.flow.completeHostedSignIn(`https://app.example.com/?error=access_denied&state=${state}`);
    await el2.updateComplete;
    expect(el2.querySelector('[role="alert"]')!.getAttribute('data-error-code')).to.equal('oauth-access-denied');
    expect(input(el2, 'email').value).to.equal('johndoe@acme.example');
  });

  it('every way to sign in is a level-2 heading: social, corporate ID, and the email and password form', async () => {
    const { el } = await signIn({ usernameAttributes: 'email', identityProviders: [{ name: 'Google' }, { name: 'AcmeSAML', identifiers: ['acme.example'] }] });
    const headings = [...el.querySelectorAll('h2, [role="heading"][aria-level="2"]')].map(text);
    expect(headings).to.deep.equal(['Sign in with a social account', 'Sign in with your corporate ID', 'Sign in with your email and password']);
  });

  it('without providers the sentence is no heading', async () => {
    const { el } = await signIn({ usernameAttributes: 'email' });
    expect(el.querySelector('[role="heading"], h2')).to.equal(null);
  });
});
