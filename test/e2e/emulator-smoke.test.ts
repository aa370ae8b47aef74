// Checks that the cognito-local emulator the e2e run started (scripts/emulator.js) is reachable from the browser and
// answers with the seed in test/fixtures/seed.json. Uses raw fetch, independent of the library under test.
import { expect } from 'chai';

interface SeedPool {
  id: string;
  clientId: string;
  signInWith: 'email' | 'username';
  usernameFrom: 'sub' | 'username';
}
interface SeedUser {
  username: string;
  email: string;
  password: string;
  sub: string;
}
interface Seed {
  code: string;
  pools: Record<string, SeedPool>;
  users: Record<string, SeedUser>;
}
interface TestEnv {
  endpoint: string | null;
  fixtures: Seed | null;
}

// Served by the test runner (web-test-runner.config.js) from COGNITO_ENDPOINT and COGNITO_FIXTURES.
const TEST_ENV_URL = '/__test-env.js';
const env = ((await import(/* @vite-ignore */ TEST_ENV_URL)) as { default: TestEnv }).default;

function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '=')));
}

async function cognito(endpoint: string, target: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe('e2e: cognito-local emulator', () => {
  const { endpoint, fixtures } = env;

  if (!endpoint || !fixtures) {
    it('is configured', () => {
      expect.fail(
        'COGNITO_ENDPOINT / COGNITO_FIXTURES are not set: run the e2e group through scripts/test.js, or start ' +
          '`node scripts/emulator.js` and pass its endpoint and test/fixtures/seed.json to wtr',
      );
    });
    return;
  }

  it('answers GET /health', async () => {
    const res = await fetch(`${endpoint}/health`);
    expect(res.status).to.equal(200);
    expect(await res.json()).to.deep.equal({ ok: true });
  });

  for (const [poolKey, pool] of Object.entries(fixtures.pools)) {
    it(`signs in a confirmed seed user of the "${poolKey}" pool (USER_PASSWORD_AUTH, by ${pool.signInWith})`, async () => {
      const user = fixtures.users.signin;
      const { status, json } = await cognito(endpoint, 'InitiateAuth', {
        ClientId: pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: user[pool.signInWith], PASSWORD: user.password },
      });
      expect(status, JSON.stringify(json)).to.equal(200);
      expect(json.ChallengeName).to.equal(undefined);
      const result = json.AuthenticationResult;
      expect(result.AccessToken).to.be.a('string');
      expect(result.IdToken).to.be.a('string');
      expect(result.RefreshToken).to.be.a('string');

      const idToken = decodeJwt(result.IdToken);
      expect(idToken.token_use).to.equal('id');
      expect(idToken.aud).to.equal(pool.clientId);
      expect(idToken.sub).to.equal(user.sub);
      expect(idToken.email).to.equal(user.email);
      // Email pools store users under their sub, as real Cognito does; plain pools under the username.
      expect(idToken['cognito:username']).to.equal(user[pool.usernameFrom]);
      expect(String(idToken.iss)).to.match(new RegExp(`/${pool.id}$`));
    });
  }
});
