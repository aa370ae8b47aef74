// Issue 16, item 6, in the engine: a callback on the redirect URI is handled only when a sign-in started in this tab
// (its state and verifier in the pending store) is waiting for it. Any other one is nobody's: completeHostedSignIn
// resolves false and changes nothing, so a signed-in user stays signed in and no error is put on the screen.
import { expect } from 'chai';
import { MemoryStorage } from '../../src/session/index.js';
import { authResult, harness } from '../support/fake-cognito.js';

const REDIRECT = 'https://app.example.com/callback';

function setup() {
  const pending = new MemoryStorage();
  const fetchCalls: string[] = [];
  const navigated: string[] = [];
  const h = harness(
    { domain: 'https://auth.example.com', redirectUri: REDIRECT, allowCrossOriginRedirect: true },
    {
      oauth: {
        storage: pending,
        navigate: (url) => void navigated.push(url),
        fetch: async (input) => {
          fetchCalls.push(String(input));
          return new Response('{}', { status: 500 });
        },
      },
    },
  );
  return { ...h, pending, fetchCalls, navigated };
}

describe('issue 16.6: callbacks nobody in this tab is waiting for', () => {
  for (const query of ['error=access_denied&error_description=x&state=s', 'code=c&state=s']) {
    it(`signed in, ?${query.split('=')[0]}= with no sign-in pending: not handled, still signed in, nothing sent`, async () => {
      const h = setup();
      h.cognito.on('initiateAuth', () => authResult('alice'));
      await h.flow.signIn({ username: 'alice', password: 'Pass-word-1' });
      expect(h.flow.state.screen).to.equal('signed-in');
      const events = h.events.length;
      const url = `${REDIRECT}?${query}`;
      expect(h.flow.hosted!.returnedTo(url), 'it is a callback address (to be cleaned)').to.equal(true);
      expect(h.flow.hosted!.callback(url), 'but nobody is waiting for it').to.equal(undefined);
      expect(await h.flow.completeHostedSignIn(url)).to.equal(false);
      expect(h.flow.state.screen).to.equal('signed-in');
      expect(h.flow.state.error).to.equal(undefined);
      expect(h.events.slice(events)).to.deep.equal([]);
      expect(h.fetchCalls).to.deep.equal([]);
    });
  }

  it('with a sign-in pending, the same error callback is handled (and the pending state used up)', async () => {
    const h = setup();
    await h.flow.signInWithProvider('Google');
    const state = new URL(h.navigated[0]!).searchParams.get('state')!;
    const url = `${REDIRECT}?error=access_denied&state=${state}`;
    expect(h.flow.hosted!.callback(url)).to.deep.include({ kind: 'error', error: 'access_denied' });
    expect(await h.flow.completeHostedSignIn(url)).to.equal(true);
    expect(h.flow.state.error?.code).to.equal('oauth-access-denied');
    expect(h.flow.hosted!.callback(url), 'used once').to.equal(undefined);
  });
});
