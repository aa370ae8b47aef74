// Back from the corporate email box's provider with an error: the address the user typed comes back, so trying again
// is one press. It travels in the pending sign-in record this tab wrote (sessionStorage, with the state and verifier),
// never in the URL, and only this tab's own error return (its state) gets it.
import { expect } from 'chai';
import type { AuthOptions } from '../../src/config.js';
import { MemoryStorage, storagePrefix } from '../../src/session/storage.js';
import { CLIENT, harness } from '../support/fake-cognito.js';

const REDIRECT = 'https://app.example.com/callback';
const PENDING_KEY = `${storagePrefix(CLIENT)}oauth`;
const EMAIL = 'johndoe@acme.example';
const FED: AuthOptions = {
  domain: 'https://auth.example.com',
  redirectUri: REDIRECT,
  allowCrossOriginRedirect: true,
  identityProviders: [{ name: 'Google' }, { name: 'Acme', identifiers: ['acme.example'] }],
};

/** One browser tab: its sessionStorage, shared by every page (flow) opened in it. */
function tab() {
  const session = new MemoryStorage();
  const navigated: string[] = [];
  const tokenRequests: string[] = [];
  const page = () =>
    harness(FED, {
      oauth: {
        storage: session,
        navigate: (url) => void navigated.push(url),
        fetch: async (input) => {
          tokenRequests.push(String(input));
          return new Response('{}', { status: 500 });
        },
      },
    });
  const record = () => JSON.parse(session.getItem(PENDING_KEY) ?? 'null') as Record<string, unknown> | null;
  const state = () => new URL(navigated.at(-1)!).searchParams.get('state')!;
  return { session, navigated, tokenRequests, page, record, state };
}

describe('the corporate email box after an error return', () => {
  it('the address is kept with the pending sign-in (not in the URL) and comes back to the sign-in state', async () => {
    const t = tab();
    await t.page().flow.signInWithEmail({ email: ` ${EMAIL} ` });
    expect(t.navigated).to.have.length(1);
    expect(new URL(t.navigated[0]!).searchParams.get('idp_identifier')).to.equal('acme.example');
    expect(decodeURIComponent(t.navigated[0]!)).to.not.contain('johndoe');
    expect(t.record()).to.include({ email: EMAIL, state: t.state() });

    const back = t.page();
    expect(back.flow.state).to.include({ screen: 'sign-in', username: '' });
    expect(await back.flow.completeHostedSignIn(`${REDIRECT}?error=access_denied&state=${t.state()}`)).to.equal(true);
    expect(back.flow.state).to.include({ screen: 'sign-in', username: EMAIL, busy: false });
    expect(back.flow.state.error?.code).to.equal('oauth-access-denied');
    expect(t.record(), 'the record is used once').to.equal(null);
    expect(t.tokenRequests).to.deep.equal([]);
  });

  it('a provider button keeps no address', async () => {
    const t = tab();
    await t.page().flow.signInWithProvider('Google');
    expect(t.record()).to.not.have.property('email');
    const back = t.page();
    await back.flow.completeHostedSignIn(`${REDIRECT}?error=access_denied&state=${t.state()}`);
    expect(back.flow.state.error?.code).to.equal('oauth-access-denied');
    expect(back.flow.state).to.include({ username: '' });
  });

  it('an error return that is not this sign-in\'s (another state, or none) gives nothing back', async () => {
    for (const query of ['error=access_denied&state=someone-else', 'error=access_denied']) {
      const t = tab();
      await t.page().flow.signInWithEmail({ email: EMAIL });
      const back = t.page();
      await back.flow.completeHostedSignIn(`${REDIRECT}?${query}`);
      expect(back.flow.state.error?.code, query).to.equal('oauth-access-denied');
      expect(back.flow.state, query).to.include({ username: '' });
    }
  });

  it('another tab (nothing pending) is not answered at all', async () => {
    const t = tab();
    await t.page().flow.signInWithEmail({ email: EMAIL });
    const other = tab();
    const back = other.page();
    expect(await back.flow.completeHostedSignIn(`${REDIRECT}?error=access_denied&state=${t.state()}`)).to.equal(false);
    expect(back.flow.state).to.include({ username: '' });
    expect(back.flow.state.error).to.equal(undefined);
  });

  it('a stored address that is not a string is not given back (storage is not trusted)', async () => {
    const t = tab();
    await t.page().flow.signInWithEmail({ email: EMAIL });
    t.session.setItem(PENDING_KEY, JSON.stringify({ ...t.record(), email: { html: '<b>x</b>' } }));
    const back = t.page();
    expect(await back.flow.completeHostedSignIn(`${REDIRECT}?error=access_denied&state=${t.state()}`)).to.equal(true);
    expect(back.flow.state.error?.code).to.equal('oauth-access-denied');
    expect(back.flow.state).to.include({ username: '' });
    expect(t.record()).to.equal(null);
  });

  it('a code return after the email box still signs in with the record (the address rides along unused)', async () => {
    const t = tab();
    await t.page().flow.signInWithEmail({ email: EMAIL });
    const back = t.page();
    expect(await back.flow.completeHostedSignIn(`${REDIRECT}?code=the-code&state=${t.state()}`)).to.equal(true);
    // The token endpoint of this tab answers 500: what matters is that the exchange was attempted with the record.
    expect(t.tokenRequests).to.have.length(1);
    expect(t.tokenRequests[0]).to.equal('https://auth.example.com/oauth2/token');
  });
});
