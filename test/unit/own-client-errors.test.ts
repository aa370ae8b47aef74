// A page that passes its own CognitoApi never loads the fetch client's chunk, which brings Cognito's exception table and
// its English: AuthFlow fetches them itself. This file imports nothing that installs them (each test file is a page of
// its own), so a regression shows as an 'unknown' error.
import { expect } from 'chai';
import { AuthFlow } from '../../src/flow/auth-flow.js';
import { parseConfig } from '../../src/config.js';
import { MemoryStorage } from '../../src/session/index.js';
import type { CognitoApi } from '../../src/api/operations.js';
import { until } from '../support/until.js';

describe("a page's own CognitoApi", () => {
  it("still gets Cognito's meaning and English for an exception it throws as Cognito sent it", async () => {
    const api = new Proxy({} as CognitoApi, {
      get: () => async () => {
        // Raw, as a hand-written client would throw Cognito's JSON error body.
        throw { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };
      },
    });
    const config = parseConfig({ userPoolId: 'us-east-1_AbCdEf123', clientId: 'client1', authFlow: 'USER_PASSWORD_AUTH' });
    const flow = new AuthFlow(config, { api, storage: new MemoryStorage() });
    let attempt = 0;
    // The table arrives with a lazily imported module: try until it is in (a few milliseconds), as a user would retry.
    await until(
      async () => {
        await flow.signIn({ username: `ada${attempt++}`, password: 'Correct-Horse-9' });
        return flow.state.error?.code === 'incorrect-credentials';
      },
      { what: 'the Cognito error table', timeout: 3000 },
    );
    expect(flow.state.error?.message).to.equal('Incorrect username or password.');
  });
});
