// Issue 16, item 7: the requests to Cognito's /oauth2/token and /oauth2/revoke carry a code and its PKCE verifier,
// or a refresh token. Over real HTTP (the test server's fault middleware, web-test-runner.config.js), in Chromium:
// a 307 from the token endpoint must not make the browser re-post them elsewhere, and no request sends a Referer.
import { expect } from 'chai';
import { AuthError } from '../../src/errors.js';
import { TokenEndpoint } from '../../src/oauth/token-endpoint.js';

const grant = { code: 'the-code', verifier: 'v'.repeat(43), redirectUri: 'https://app.example.com/' };

function tag(name: string): string {
  return `${name}-${Math.random().toString(36).slice(2, 10)}`;
}

async function hits(t: string): Promise<number> {
  const r = await fetch(`/__fault-hits/${t}`);
  return ((await r.json()) as { hits: number }).hits;
}

/** A TokenEndpoint on the test server at `/__fault/<kind>/<tag>`, over the browser's own fetch. */
function endpointAt(kind: string, t: string, seen: unknown[] = []): TokenEndpoint {
  return new TokenEndpoint({
    domain: `${location.origin}/__fault/${kind}/${t}`,
    clientId: 'client-1',
    now: () => Date.now(),
    timeoutMs: 5000,
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      seen.push(await response.clone().json().catch(() => undefined));
      return response;
    },
  });
}

const calls: [string, (e: TokenEndpoint) => Promise<unknown>][] = [
  ['the code exchange', (e) => e.exchange(grant)],
  ['a refresh', (e) => e.refresh('the-refresh-token')],
  ['a revocation', (e) => e.revoke('the-refresh-token')],
];

describe('issue 16.7: token-endpoint requests never follow a redirect', () => {
  for (const [name, call] of calls) {
    it(`${name}: a 307 is refused, nothing is re-posted to where it points`, async () => {
      const t = tag('token-307');
      let error: unknown;
      try {
        await call(endpointAt('redirect', t));
      } catch (e) {
        error = e;
      }
      expect(await hits(t), 'the request reached the endpoint').to.equal(1);
      expect(await hits(`${t}-followed`), 'the body was re-posted to the redirect target').to.equal(0);
      expect(error, 'the call fails').to.be.instanceOf(AuthError);
    });
  }

  it('sends no Referer (the page URL may carry the callback) and no cookies', async () => {
    const t = tag('token-referer');
    const seen: { headers?: Record<string, string>; body?: string }[] = [];
    await endpointAt('echo', t, seen).revoke('the-refresh-token');
    const request = seen[0]!;
    expect(request.body).to.contain('token=the-refresh-token');
    expect(request.headers).not.to.have.property('referer');
    expect(request.headers).not.to.have.property('cookie');
  });
});
