// "Keep me signed in" with an identity provider: the box on the sign-in form applies to "Continue with Google" as it
// does to a password. The tokens arrive on the page after the redirect, a new one (a new flow and a new
// KeepSignedInStorage over the same local and session storage), so the box's value travels in the pending sign-in
// record this tab wrote (sessionStorage, with the state and verifier), never in the URL.
import { expect } from 'chai';
import type { AuthOptions } from '../../src/config.js';
import { KeepSignedInStorage, MemoryStorage, storagePrefix, tokensKey } from '../../src/session/storage.js';
import { CLIENT, harness, jwt } from '../support/fake-cognito.js';

const REDIRECT = 'https://app.example.com/callback';
const KEY = tokensKey(CLIENT);
const ORIGIN_KEY = `${storagePrefix(CLIENT)}token-origin`;
const PENDING_KEY = `${storagePrefix(CLIENT)}oauth`;
const FED: AuthOptions = {
  domain: 'https://auth.example.com',
  redirectUri: REDIRECT,
  allowCrossOriginRedirect: true,
  identityProviders: [{ name: 'Google' }, { name: 'Okta', identifiers: ['acme.com'] }],
};

let serial = 0;
function tokenAnswer(): Response {
  const n = ++serial;
  const body = {
    id_token: jwt({ sub: 'sub-1', 'cognito:username': 'Google_1', token_use: 'id', n }),
    access_token: jwt({ sub: 'sub-1', username: 'Google_1', token_use: 'access', n }),
    refresh_token: `oauth-refresh-${n}`,
    expires_in: 3600,
    token_type: 'Bearer',
  };
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
}

/** One browser tab: its localStorage and sessionStorage, which every page (flow) opened in it shares. */
function tab() {
  const local = new MemoryStorage();
  const session = new MemoryStorage();
  const navigated: string[] = [];
  const tokenRequests: Record<string, string>[] = [];
  /**
   * A page of this tab, as the element builds it: `storage` is the configured kind (the box's first state), and
   * `keepSignedIn` the attribute. The pending OAuth sign-in lives in this tab's sessionStorage.
   */
  const page = (storage: 'local' | 'session' = 'local', keepSignedIn = true) =>
    harness(
      { ...FED, storage, keepSignedIn },
      {
        storage: keepSignedIn ? new KeepSignedInStorage(local, session, storage === 'local') : storage === 'local' ? local : session,
        oauth: {
          storage: session,
          navigate: (url) => void navigated.push(url),
          fetch: async (_input, init) => {
            tokenRequests.push(Object.fromEntries(new URLSearchParams(String(init?.body ?? ''))));
            return tokenAnswer();
          },
        },
      },
    );
  /** Where the tokens are: 'local', 'session', or what went wrong. */
  const where = (key = KEY) => {
    const inLocal = local.getItem(key) !== null;
    const inSession = session.getItem(key) !== null;
    return inLocal && !inSession ? 'local' : inSession && !inLocal ? 'session' : `local ${inLocal}, session ${inSession}`;
  };
  /** The callback Cognito sends the last authorize request back with. */
  const callback = (extra = '') => {
    const state = new URL(navigated.at(-1)!).searchParams.get('state')!;
    return `${REDIRECT}?code=the-code&state=${state}${extra}`;
  };
  return { local, session, navigated, tokenRequests, page, where, callback };
}

describe('"Keep me signed in" with an identity provider', () => {
  for (const keep of [false, true]) {
    const place = keep ? 'local' : 'session';
    it(`${keep ? 'ticked' : 'unticked'}, then a provider: after the redirect the tokens go to ${place}Storage only, and stay there on reload and refresh`, async () => {
      const t = tab();
      // The box starts the other way, so only the user's choice can put the tokens where they end up.
      const first = t.page(keep ? 'session' : 'local');
      await first.flow.signInWithProvider('Google', { keepSignedIn: keep });
      expect(t.navigated).to.have.length(1);
      expect(new URL(t.navigated[0]!).searchParams.has('keepSignedIn'), 'the choice is not sent').to.equal(false);
      expect(first.flow.keepSignedIn, 'the form shows the box as the user left it').to.equal(keep);

      // The way back: a new page of the same tab, whose box would start the other way.
      const back = t.page(keep ? 'session' : 'local');
      expect(await back.flow.completeHostedSignIn(t.callback())).to.equal(true);
      expect(back.flow.state.screen).to.equal('signed-in');
      expect(t.where(), 'the tokens').to.equal(place);
      expect(t.where(ORIGIN_KEY), 'how the session started, with them').to.equal(place);
      expect(t.session.getItem(PENDING_KEY), 'the pending sign-in, choice and all, is used up').to.equal(null);
      expect(back.flow.keepSignedIn).to.equal(keep);

      // A reload restores from there, and a refresh writes there again.
      const reload = t.page(keep ? 'session' : 'local');
      expect(await reload.flow.restore()).to.equal(true);
      const before = reload.flow.session!.tokens.accessToken;
      await reload.flow.refresh();
      expect(t.tokenRequests.at(-1)?.grant_type).to.equal('refresh_token');
      expect(reload.flow.session!.tokens.accessToken).to.not.equal(before);
      expect(t.where(), 'after the refresh').to.equal(place);
    });
  }

  it('the email box (idp_identifier) carries the box too', async () => {
    const t = tab();
    const first = t.page('local');
    await first.flow.signInWithEmail({ email: 'ada@acme.com', keepSignedIn: false });
    expect(new URL(t.navigated[0]!).searchParams.get('idp_identifier')).to.equal('acme.com');
    const back = t.page('local');
    expect(await back.flow.completeHostedSignIn(t.callback())).to.equal(true);
    expect(t.where()).to.equal('session');
  });

  it('the URL cannot choose: parameters on the callback are ignored, the pending record decides', async () => {
    const t = tab();
    await t.page('local').flow.signInWithProvider('Google', { keepSignedIn: true });
    const back = t.page('local');
    expect(await back.flow.completeHostedSignIn(t.callback('&keepSignedIn=false&keep_signed_in=false'))).to.equal(true);
    expect(t.where()).to.equal('local');
  });

  it('a callback with no sign-in pending (a link) changes nothing, wherever the session is', async () => {
    const t = tab();
    // Signed in earlier with the box unticked; then a link with a code arrives, in a new page.
    await t.page('local').flow.signInWithProvider('Google', { keepSignedIn: false });
    await t.page('local').flow.completeHostedSignIn(t.callback());
    expect(t.where()).to.equal('session');
    const stored = t.session.getItem(KEY);
    const requests = t.tokenRequests.length;
    const link = t.page('local');
    expect(await link.flow.completeHostedSignIn(`${REDIRECT}?code=planted&state=planted&keepSignedIn=true`)).to.equal(false);
    expect(await link.flow.restore()).to.equal(true);
    expect(t.where()).to.equal('session');
    expect(t.session.getItem(KEY)).to.equal(stored);
    expect(t.tokenRequests).to.have.length(requests);
  });

  it('no box value given: the tokens go where the configured storage says, as before', async () => {
    const t = tab();
    await t.page('session').flow.signInWithProvider('Google');
    expect(JSON.parse(t.session.getItem(PENDING_KEY)!)).to.not.have.property('keepSignedIn');
    await t.page('session').flow.completeHostedSignIn(t.callback());
    expect(t.where()).to.equal('session');
  });

  it('without keep-signed-in, a value passed in changes nothing and is not recorded', async () => {
    const t = tab();
    await t.page('local', false).flow.signInWithProvider('Google', { keepSignedIn: false });
    expect(JSON.parse(t.session.getItem(PENDING_KEY)!)).to.not.have.property('keepSignedIn');
    const back = t.page('local', false);
    expect(await back.flow.completeHostedSignIn(t.callback())).to.equal(true);
    expect(back.flow.keepSignedIn).to.equal(undefined);
    expect(t.where()).to.equal('local');
  });
});
