// The real CognitoApi (src/cognito.ts + the lazy src/cognito-client.ts) over real HTTP: the test server's /__fault
// endpoints (web-test-runner.config.js) answer as Cognito, a broken network or a proxy would, and `echo` sends back the
// request it received. Where fetch is replaced, the stub answers itself: nothing here ever reaches AWS.
import { expect } from 'chai';
import { createCognitoApi, preloadSdk, type CognitoApi, type CognitoOperation } from '../../src/api/client.js';
import { defaultEndpoint } from '../../src/api/transport.js';
import { AuthError, type AuthErrorCode } from '../../src/errors.js';
import { CLIENT } from '../support/fake-cognito.js';

let serial = 0;

function apiAt(kind: string, timeoutMs = 5000): { api: CognitoApi; tag: string } {
  const tag = `c${Date.now()}${++serial}`;
  const endpoint = `${location.origin}/__fault/${kind}/${tag}`;
  return { api: createCognitoApi({ region: 'us-east-1', endpoint, timeoutMs }), tag };
}

async function hits(tag: string): Promise<number> {
  return ((await (await fetch(`/__fault-hits/${tag}`)).json()) as { hits: number }).hits;
}

async function rejection(promise: Promise<unknown>): Promise<AuthError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (e) {
    expect(e).to.be.instanceOf(AuthError);
    return e as AuthError;
  }
  throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
}

const SIGN_IN = { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT, AuthParameters: { USERNAME: 'ada', PASSWORD: 'Secret-Pass-123!' } } as const;
const REFRESH = { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT, AuthParameters: { REFRESH_TOKEN: 'a-refresh-token' } } as const;

interface Echo {
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** Each method of CognitoApi and the operation it must name on the wire. */
const TARGETS: Record<CognitoOperation, string> = {
  initiateAuth: 'InitiateAuth',
  getTokensFromRefreshToken: 'GetTokensFromRefreshToken',
  respondToAuthChallenge: 'RespondToAuthChallenge',
  signUp: 'SignUp',
  confirmSignUp: 'ConfirmSignUp',
  resendConfirmationCode: 'ResendConfirmationCode',
  forgotPassword: 'ForgotPassword',
  confirmForgotPassword: 'ConfirmForgotPassword',
  associateSoftwareToken: 'AssociateSoftwareToken',
  verifySoftwareToken: 'VerifySoftwareToken',
  setUserMfaPreference: 'SetUserMFAPreference',
  revokeToken: 'RevokeToken',
  globalSignOut: 'GlobalSignOut',
  confirmDevice: 'ConfirmDevice',
  updateDeviceStatus: 'UpdateDeviceStatus',
  forgetDevice: 'ForgetDevice',
  startWebAuthnRegistration: 'StartWebAuthnRegistration',
  completeWebAuthnRegistration: 'CompleteWebAuthnRegistration',
  getUser: 'GetUser',
  updateUserAttributes: 'UpdateUserAttributes',
  deleteUserAttributes: 'DeleteUserAttributes',
  verifyUserAttribute: 'VerifyUserAttribute',
  getUserAttributeVerificationCode: 'GetUserAttributeVerificationCode',
  changePassword: 'ChangePassword',
  deleteUser: 'DeleteUser',
  listWebAuthnCredentials: 'ListWebAuthnCredentials',
  deleteWebAuthnCredential: 'DeleteWebAuthnCredential',
  listDevices: 'ListDevices',
};

describe('CognitoApi over fetch: the request', () => {
  afterEach(() => {
    document.cookie = 'probe=; max-age=0; path=/';
  });

  it("sends one POST in Cognito's JSON 1.1 protocol, no cookie, no referrer, no signature, and returns the JSON answer", async () => {
    document.cookie = 'probe=1; path=/';
    const { api, tag } = apiAt('echo');
    const echo = (await api.initiateAuth(SIGN_IN)) as unknown as Echo;
    expect(echo.method).to.equal('POST');
    expect(echo.headers['content-type']).to.equal('application/x-amz-json-1.1');
    expect(echo.headers['x-amz-target']).to.equal('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(JSON.parse(echo.body)).to.deep.equal(SIGN_IN);
    expect(echo.headers.cookie, 'cookies (credentials: omit)').to.equal(undefined);
    expect(echo.headers.referer, 'the page address (referrerPolicy: no-referrer)').to.equal(undefined);
    for (const header of ['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-user-agent', 'amz-sdk-request']) {
      expect(echo.headers[header], header).to.equal(undefined);
    }
    expect(await hits(tag)).to.equal(1);
  });

  it('names each operation in X-Amz-Target and sends its input as the body', async () => {
    for (const [operation, target] of Object.entries(TARGETS) as [CognitoOperation, string][]) {
      const { api } = apiAt('echo');
      const input = { ClientId: CLIENT, Marker: operation };
      const echo = (await (api[operation] as (input: object) => Promise<unknown>)(input)) as Echo;
      expect(echo.headers['x-amz-target'], operation).to.equal(`AWSCognitoIdentityProviderService.${target}`);
      expect(JSON.parse(echo.body), operation).to.deep.equal(input);
    }
  });

  it('leaves out input fields that are undefined, as the SDK did', async () => {
    const { api } = apiAt('echo');
    const echo = (await api.forgotPassword({ ClientId: CLIENT, Username: 'ada', SecretHash: undefined })) as unknown as Echo;
    expect(echo.body).to.equal(`{"ClientId":"${CLIENT}","Username":"ada"}`);
  });

  describe('with fetch stubbed (nothing leaves the page)', () => {
    const realFetch = window.fetch;
    let seen: { url: string; init: RequestInit }[];
    let answer: () => Response;

    beforeEach(() => {
      seen = [];
      answer = () => new Response('{}', { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' } });
      window.fetch = (async (url: RequestInfo | URL, init?: RequestInit) => {
        seen.push({ url: String(url), init: init ?? {} });
        return answer();
      }) as typeof fetch;
    });
    afterEach(() => {
      window.fetch = realFetch;
    });

    it('omits credentials, bypasses caches and refuses redirects (a 307 would re-send a password elsewhere)', async () => {
      const api = createCognitoApi({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9/', timeoutMs: 5000 });
      await api.confirmSignUp({ ClientId: CLIENT, Username: 'ada', ConfirmationCode: '123456' });
      expect(seen).to.have.length(1);
      // Picked fields only: a failure message that printed the AbortSignal (an EventTarget) would crash the browser.
      const { method, credentials, cache, redirect, referrerPolicy, signal } = seen[0]!.init;
      expect({ method, credentials, cache, redirect, referrerPolicy }).to.deep.equal({
        method: 'POST',
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
      });
      expect(signal instanceof AbortSignal, 'an abort signal for the timeout').to.equal(true);
    });

    it("without an endpoint, posts to the region's Cognito endpoint", async () => {
      const api = createCognitoApi({ region: 'eu-central-1', timeoutMs: 5000 });
      expect(await api.globalSignOut({ AccessToken: 'an-access-token' })).to.deep.equal({});
      expect(seen.map((s) => s.url)).to.deep.equal(['https://cognito-idp.eu-central-1.amazonaws.com/']);
    });

    it('an empty 200 answer is an empty output; a 200 that is not a JSON object is a server error', async () => {
      const api = createCognitoApi({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9/', timeoutMs: 5000 });
      answer = () => new Response('', { status: 200 });
      expect(await api.revokeToken({ ClientId: CLIENT, Token: 'a-refresh-token' })).to.deep.equal({});
      for (const body of ['[1]', 'null', '"ok"']) {
        answer = () => new Response(body, { status: 200 });
        const err = await rejection(api.revokeToken({ ClientId: CLIENT, Token: 'a-refresh-token' }));
        expect(err.code, body).to.equal('server-error');
        expect(err.status, body).to.equal(200);
      }
    });

    it("a 403 page from a firewall is a server error that keeps the status and none of the page's text", async () => {
      const api = createCognitoApi({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9/', timeoutMs: 5000 });
      answer = () => new Response('<html><body>Request blocked</body></html>', { status: 403, headers: { 'content-type': 'text/html' } });
      const err = await rejection(api.initiateAuth(SIGN_IN));
      expect(err.code).to.equal('server-error');
      expect(err.status).to.equal(403);
      expect(err.cognitoName).to.equal(undefined);
      expect(err.cognitoMessage).to.equal(undefined);
    });
  });

  it('preloadSdk loads the client once and resolves to nothing', async () => {
    expect(await preloadSdk()).to.equal(undefined);
    expect(await preloadSdk()).to.equal(undefined);
  });
});

describe('CognitoApi over fetch: faults, each request sent once', () => {
  afterEach(() => {
    delete (window as { __pwned?: boolean }).__pwned;
  });

  const FAULTS: { kind: string; code: AuthErrorCode; status?: number; cognitoName?: string }[] = [
    { kind: 'unavailable', code: 'server-error', status: 503 },
    { kind: 'html', code: 'server-error', status: 502 },
    { kind: 'malformed', code: 'server-error', status: 200 },
    { kind: 'expired', code: 'session-expired', status: 400, cognitoName: 'NotAuthorizedException' },
    { kind: 'throttled', code: 'too-many-requests', status: 400, cognitoName: 'TooManyRequestsException' },
    { kind: 'limit', code: 'limit-exceeded', status: 400, cognitoName: 'LimitExceededException' },
    { kind: 'lockout', code: 'too-many-failed-attempts', status: 400, cognitoName: 'NotAuthorizedException' },
  ];
  for (const f of FAULTS) {
    it(`${f.kind} -> ${f.code}`, async () => {
      const { api, tag } = apiAt(f.kind);
      const err = await rejection(api.initiateAuth(SIGN_IN));
      expect(err.code).to.equal(f.code);
      expect(err.status).to.equal(f.status);
      expect(err.cognitoName).to.equal(f.cognitoName);
      if (!f.cognitoName) expect(err.cognitoMessage, 'no text from a body that is not Cognito JSON').to.equal(undefined);
      expect(err.retryable).to.equal(f.code === 'server-error');
      expect(await hits(tag), 'sent once, never re-sent').to.equal(1);
      expect((window as { __pwned?: boolean }).__pwned, 'nothing from an error page ran').to.equal(undefined);
    });
  }

  it("keeps Cognito's exception message beside the code", async () => {
    const { api } = apiAt('throttled');
    const err = await rejection(api.signUp({ ClientId: CLIENT, Username: 'ada', Password: 'Secret-Pass-123!' }));
    expect(err.cognitoMessage).to.equal('Rate exceeded');
  });

  it('reset (the connection drops) -> network', async () => {
    const { api, tag } = apiAt('reset');
    const err = await rejection(api.initiateAuth(SIGN_IN));
    expect(err.code).to.equal('network');
    expect(err.status).to.equal(undefined);
    expect(err.retryable).to.equal(true);
    // Chromium may itself retry a reset connection at the socket level; the client sends once (see the stub test).
    expect(await hits(tag)).to.be.greaterThan(0);
  });

  it('hang -> timeout after timeoutMs, and the request is given up', async () => {
    const { api, tag } = apiAt('hang', 500);
    const start = performance.now();
    const err = await rejection(api.initiateAuth(SIGN_IN));
    const took = performance.now() - start;
    expect(err.code).to.equal('timeout');
    expect(err.retryable).to.equal(true);
    expect(took).to.be.within(450, 3000);
    expect(await hits(tag)).to.equal(1);
  });

  describe('the exception name, wherever Cognito puts it, read in the context of the call', () => {
    it("from the x-amzn-errortype header, its ':…' suffix cut off", async () => {
      const refresh = await rejection(apiAt('coral').api.initiateAuth(REFRESH));
      expect(refresh.cognitoName).to.equal('NotAuthorizedException');
      expect(refresh.cognitoMessage).to.equal('Refresh Token has been revoked');
      expect(refresh.code, 'refreshing: the session is over').to.equal('session-expired');
      const signIn = await rejection(apiAt('coral').api.initiateAuth(SIGN_IN));
      expect(signIn.code, 'signing in: wrong credentials').to.equal('incorrect-credentials');
    });

    it("from the body's __type, its '…#' prefix cut off", async () => {
      const signIn = await rejection(apiAt('prefixed').api.initiateAuth(SIGN_IN));
      expect(signIn.cognitoName).to.equal('UserNotFoundException');
      expect(signIn.code, 'sign-in never tells a missing user from a wrong password').to.equal('incorrect-credentials');
      const forgot = await rejection(apiAt('prefixed').api.forgotPassword({ ClientId: CLIENT, Username: 'ada' }));
      expect(forgot.code).to.equal('user-not-found');
      expect(forgot.status).to.equal(400);
    });
  });
});

describe('defaultEndpoint', () => {
  it("is the region's cognito-idp endpoint in its partition", () => {
    expect(defaultEndpoint('us-east-1')).to.equal('https://cognito-idp.us-east-1.amazonaws.com/');
    expect(defaultEndpoint('us-gov-west-1')).to.equal('https://cognito-idp.us-gov-west-1.amazonaws.com/');
    expect(defaultEndpoint('cn-north-1')).to.equal('https://cognito-idp.cn-north-1.amazonaws.com.cn/');
    expect(defaultEndpoint('eusc-de-east-1')).to.equal('https://cognito-idp.eusc-de-east-1.amazonaws.eu/');
  });
});
