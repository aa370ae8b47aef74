// What the English sign-in form waits for (issue 8): not i18next, not the identity-provider UI, not the
// customization-css sanitizer. Each comes only when it is needed: i18next never on a plain English page (issue 17;
// with another language or an override, and then it changes no word on the screen), the IdP UI with identity
// providers, the sanitizer with customization-css. Observed through
// the modules this page fetches; this page imports nothing that fetches them by itself.
import { expect } from 'chai';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { getI18n, loadI18next } from '../../src/i18n.js';
import { settle } from '../support/fake-cognito.js';
import { until } from '../support/until.js';

performance.setResourceTimingBufferSize(100_000);

const fetched = (pattern: RegExp) => performance.getEntriesByType('resource').some((e) => pattern.test(new URL(e.name).pathname));
const I18NEXT = /\/(i18next|i18n-next)[./]/;
const IDP_UI = /\/components\/parts\/(federation-ui|idp-buttons)\.[jt]s$/;
const SANITIZER = /\/components\/customization\.[jt]s$/;

const created: Element[] = [];
afterEach(() => {
  for (const el of created.splice(0)) el.remove();
});

function authenticator(attrs: Record<string, string> = {}): CognitoAuthenticator {
  const el = document.createElement('cognito-authenticator');
  const all = { endpoint: 'http://127.0.0.1:9', 'user-pool-id': 'us-east-1_TestPool1', 'client-id': 'testclient123', storage: 'memory', lang: 'en', ...attrs };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  document.body.append(el);
  created.push(el);
  return el;
}

/** What a user (or a screen reader) gets from the element: its markup without Lit's comment markers. */
const markup = (el: Element) => el.innerHTML.replace(/<!--[^]*?-->/g, '');

describe('first paint', () => {
  // First in this file: nothing has fetched i18next, the IdP UI or the sanitizer yet.
  it('the English sign-in form renders without i18next and never fetches it; i18next, when asked for, changes no word', async () => {
    const el = authenticator();
    await el.updateComplete;
    await el.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>('cognito-sign-in')!.updateComplete;
    expect(el.querySelector('cognito-sign-in form'), 'the form, at once').to.not.equal(null);
    expect(el.querySelector('h1')!.textContent!.trim()).to.equal('Sign in');
    expect(getI18n(), 'rendered by the built-in lookup').to.equal(undefined);
    expect(fetched(I18NEXT), 'i18next not fetched before the first paint').to.equal(false);
    const before = markup(el);

    // Long after the first paint (two frames and a task), a plain English page still has not fetched i18next.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve));
    expect(fetched(I18NEXT), 'i18next not fetched by an English page').to.equal(false);
    expect(getI18n()).to.equal(undefined);

    // A page that asks for it (loadI18next, as another language or an override does) gets it, and no word changes.
    await loadI18next();
    expect(fetched(I18NEXT)).to.equal(true);
    // Everything rendered again by i18next: the same markup.
    const signIn = el.querySelector<HTMLElement & { requestUpdate(): void; updateComplete: Promise<unknown> }>('cognito-sign-in')!;
    el.requestUpdate();
    signIn.requestUpdate();
    await el.updateComplete;
    await signIn.updateComplete;
    expect(markup(el)).to.equal(before);
    expect(fetched(IDP_UI), 'no identity-provider UI without identity providers').to.equal(false);
    expect(fetched(SANITIZER), 'no sanitizer without customization-css').to.equal(false);
  });

  it('identity providers bring their UI with the form: the buttons are there on its first render', async () => {
    const el = authenticator({ domain: 'https://auth.example.com', 'identity-providers': '[{"name":"Google"}]' });
    await el.updateComplete;
    await settle();
    await until(() => el.querySelector('cognito-sign-in form') !== null, 'the form');
    expect(el.querySelector('[data-provider="Google"]'), 'the button with the form').to.not.equal(null);
    expect(fetched(IDP_UI)).to.equal(true);
  });

  it('customization-css brings the sanitizer, and the element is never shown unstyled', async () => {
    // The colour of the submit button the moment it first appears.
    let first: string | undefined;
    const watch = new MutationObserver(() => {
      const submit = document.querySelector('cognito-sign-in .cognito-form > .submitButton-customizable');
      if (submit && first === undefined) first = getComputedStyle(submit).backgroundColor;
    });
    watch.observe(document.body, { subtree: true, childList: true });
    const el = authenticator({ 'customization-css': '.submitButton-customizable { background-color: #123456 }' });
    await el.updateComplete;
    await until(() => el.querySelector('cognito-sign-in form') !== null, 'the form');
    watch.disconnect();
    expect(first, 'customized from the start').to.equal('rgb(18, 52, 86)');
    expect(fetched(SANITIZER)).to.equal(true);
  });
});
