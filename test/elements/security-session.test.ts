// Issue 16, items 4 and 10: what a second tab and the page's own listeners learn about the session.
// - Another tab (here: a same-origin frame, whose localStorage writes reach this page as real `storage` events) that
//   writes a different user's tokens switches the user: the page must hear `cognito-signed-out` then
//   `cognito-signed-in`, never silently see "Signed in as bob". The same user's renewed tokens fire nothing.
// - `cognito-signed-in` bubbles and is composed, so every script on the page sees its detail: it never carries the
//   refresh token, which stays on `el.session`.
import { expect } from 'chai';
import '../../components/index.js';
import { CognitoAuthenticator } from '../../components/authenticator.js';
import type { AuthConfig } from '../../src/config.js';
import { AuthFlow, type FlowDeps } from '../../src/flow/auth-flow.js';
import { authResult, CLIENT, FakeClock, FakeCognito, jwt, POOL } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import { type } from './helpers.js';

const TOKENS_KEY = `cognito-elements.${CLIENT}.tokens`;
let cognito = new FakeCognito();
let clock = new FakeClock();

class TestAuthenticator extends CognitoAuthenticator {
  protected override createFlow(config: AuthConfig, deps: FlowDeps): AuthFlow {
    return new AuthFlow(config, { ...deps, api: cognito.api, clock });
  }
}
customElements.define('test-security-session-authenticator', TestAuthenticator);

const created: Element[] = [];
type Seen = { type: string; detail: Record<string, unknown> };

async function create(): Promise<{ el: CognitoAuthenticator; seen: Seen[] }> {
  const el = document.createElement('test-security-session-authenticator') as TestAuthenticator;
  const attrs = { 'user-pool-id': POOL, 'client-id': CLIENT, 'auth-flow': 'USER_PASSWORD_AUTH', storage: 'local' };
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const seen: Seen[] = [];
  for (const t of ['cognito-signed-in', 'cognito-signed-out']) {
    el.addEventListener(t, (e) => seen.push({ type: e.type, detail: (e as CustomEvent<Record<string, unknown>>).detail }));
  }
  document.body.append(el);
  created.push(el);
  await el.updateComplete;
  return { el, seen };
}

async function signIn(el: CognitoAuthenticator): Promise<void> {
  const form = await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form');
  type(form, 'username', 'alice');
  type(form, 'password', 'correct horse battery');
  form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
  await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
}

/** Tokens as the library stores them, for `sub` with `email`. */
function storedTokens(sub: string, email: string, n: number): string {
  return JSON.stringify({
    idToken: jwt({ sub, 'cognito:username': sub, email, token_use: 'id', n }),
    accessToken: jwt({ sub, username: sub, token_use: 'access', scope: 'aws.cognito.signin.user.admin', n }),
    refreshToken: `refresh-${sub}-${n}`,
    tokenType: 'Bearer',
    expiresAt: Date.now() + 3600_000,
  });
}

/** A second browsing context of this origin: its storage writes reach this page as `storage` events. */
async function otherTab(): Promise<Window> {
  const frame = document.createElement('iframe');
  frame.src = 'about:blank';
  document.body.append(frame);
  created.push(frame);
  return frame.contentWindow!;
}

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

beforeEach(() => {
  cognito = new FakeCognito();
  clock = new FakeClock();
  localStorage.removeItem(TOKENS_KEY);
});

afterEach(() => {
  for (const el of created.splice(0)) el.remove();
  for (const key of Object.keys(localStorage)) if (key.startsWith('cognito-elements.')) localStorage.removeItem(key);
});

describe('issue 16.4: another tab switching the user', () => {
  it('a different user\'s tokens: cognito-signed-out (other-tab) then cognito-signed-in; the same user renewed: nothing', async () => {
    cognito.on('initiateAuth', () => authResult('alice-sub'));
    const { el, seen } = await create();
    await signIn(el);
    expect(seen.map((e) => e.type)).to.deep.equal(['cognito-signed-in']);
    seen.length = 0;
    const tab = await otherTab();

    // The other tab renews alice's tokens (its refresh timer), then bob signs in there.
    tab.localStorage.setItem(TOKENS_KEY, storedTokens('alice-sub', 'ada@example.com', 900));
    await until(() => el.session?.tokens.refreshToken === 'refresh-alice-sub-900', 'the renewed tokens adopted');
    tab.localStorage.setItem(TOKENS_KEY, storedTokens('bob-sub', 'bob@example.com', 901));
    await until(() => el.session?.username === 'bob-sub', 'bob adopted');
    await until(() => seen.length >= 2, 'the events of the switch');

    // Storage events arrive in order: by bob's, alice's renewal was handled, and it fired nothing.
    expect(seen.map((e) => [e.type, e.detail.reason ?? e.detail.username])).to.deep.equal([
      ['cognito-signed-out', 'other-tab'],
      ['cognito-signed-in', 'bob-sub'],
    ]);
    expect(seen[1]!.detail.restored).to.equal(true);
    await until(() => text(el).includes('bob@example.com'), 'bob shown');
    expect(el.getAttribute('screen')).to.equal('signed-in');
  });
});

describe('issue 16.10: the refresh token stays off the page\'s events', () => {
  it('cognito-signed-in (bubbling, composed) carries id and access tokens only; el.session keeps the refresh token', async () => {
    const answer = authResult('alice-sub');
    cognito.on('initiateAuth', () => answer);
    const onDocument: CustomEvent[] = [];
    const listener = (e: Event) => onDocument.push(e as CustomEvent);
    document.addEventListener('cognito-signed-in', listener);
    try {
      const { el } = await create();
      await signIn(el);
      await until(() => onDocument.length === 1, 'cognito-signed-in on the document');
      const event = onDocument[0]!;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(Object.keys(event.detail.tokens).sort()).to.deep.equal(['accessToken', 'expiresAt', 'idToken']);
      expect(JSON.stringify(event.detail)).not.to.contain(answer.AuthenticationResult.RefreshToken);
      expect(el.session?.tokens.refreshToken).to.equal(answer.AuthenticationResult.RefreshToken);
    } finally {
      document.removeEventListener('cognito-signed-in', listener);
    }
  });
});
