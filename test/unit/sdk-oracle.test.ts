// AWS's own SDK as the oracle for what goes on the wire (issue 13, "Requests as AWS's own SDK sends them"): for every
// row of OPERATIONS, the same input is serialised by @aws-sdk/client-cognito-identity-provider (a client whose request
// handler captures the HTTP request instead of sending it) and by our fetch client (global fetch captured), and the
// X-Amz-Target header, the content type and the JSON body must be the same. The SDK serialises only the members of the
// operation's input shape, so a member we misspell or invent is missing from its body: comparing the two bodies both
// ways fails on it, and the test also names every such key.
import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import { createCognitoApi } from '../../src/api/client.js';
import { OPERATIONS, type CognitoOperation, type RequestOf } from '../../src/api/operations.js';
import { defaultEndpoint } from '../../src/api/transport.js';

const REGION = 'eu-west-1';
const CLIENT_ID = '6p0s0r4cl13nt1d0f26ch4rs0k';
// Realistic shapes: Cognito checks Session (20..2048 chars), tokens ([A-Za-z0-9-_=.]+), codes ([\S]+).
const SESSION = 'AYABeFakeSessionForTheOracleTest-0123456789abcdefghijklmnopqrstuvwxyz';
const ACCESS_TOKEN = 'eyJraWQiOiJ0ZXN0IiwiYWxnIjoiUlMyNTYifQ.eyJzdWIiOiJ1c2VyLXN1Yi0xIiwidG9rZW5fdXNlIjoiYWNjZXNzIn0.c2ln';
const REFRESH_TOKEN = 'eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.refresh.token';
const SECRET_HASH = 'ZmFrZS1zZWNyZXQtaGFzaC1vZi1zaGEyNTY=';
const USER_ID = 'a1b2c3d4-5678-90ab-cdef-1234567890ab';
// What src/api/request-extras.ts adds (issue 18): the page's ClientMetadata and the threat protection data.
const CLIENT_METADATA = { app: 'shop', campaign: 'spring' };
const USER_CONTEXT_DATA = { EncodedData: 'eyJwYXlsb2FkIjoiZGV2aWNlLWZpbmdlcnByaW50In0=' };

/**
 * The inputs each operation is checked with: one per way the engine calls it. An operation added to OPERATIONS without
 * a row here fails the test below, by name (add its realistic inputs here).
 */
const ORACLE_INPUTS: { [Op in CognitoOperation]?: readonly RequestOf<Op>[] } = {
  initiateAuth: [
    { AuthFlow: 'USER_SRP_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'ada', SRP_A: 'a1f3'.repeat(192), SECRET_HASH } },
    { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'ada@example.com', PASSWORD: 'Correct-Horse-9' } },
    {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: CLIENT_ID,
      AuthParameters: { USERNAME: 'ada', SRP_A: 'a1f3'.repeat(192) },
      ClientMetadata: CLIENT_METADATA,
      UserContextData: USER_CONTEXT_DATA,
    },
    { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN }, ClientMetadata: CLIENT_METADATA },
    { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT_ID, AuthParameters: { REFRESH_TOKEN, DEVICE_KEY: 'eu-west-1_0a1b2c3d-device' } },
    { AuthFlow: 'USER_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'ada', PREFERRED_CHALLENGE: 'EMAIL_OTP', DEVICE_KEY: 'eu-west-1_0a1b2c3d-device' } },
    { AuthFlow: 'USER_AUTH', ClientId: CLIENT_ID, AuthParameters: { USERNAME: 'ada' }, Session: SESSION },
  ],
  respondToAuthChallenge: [
    {
      ClientId: CLIENT_ID,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: {
        USERNAME: USER_ID,
        PASSWORD_CLAIM_SECRET_BLOCK: 'c2VjcmV0LWJsb2Nr',
        PASSWORD_CLAIM_SIGNATURE: 'c2lnbmF0dXJl',
        TIMESTAMP: 'Fri Dec 4 13:45:07 UTC 2026',
      },
    },
    { ClientId: CLIENT_ID, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: SESSION, ChallengeResponses: { USERNAME: USER_ID, SOFTWARE_TOKEN_MFA_CODE: '123456' } },
    {
      ClientId: CLIENT_ID,
      ChallengeName: 'SMS_MFA',
      Session: SESSION,
      ChallengeResponses: { USERNAME: USER_ID, SMS_MFA_CODE: '123456' },
      ClientMetadata: CLIENT_METADATA,
      UserContextData: USER_CONTEXT_DATA,
    },
    { ClientId: CLIENT_ID, ChallengeName: 'SELECT_MFA_TYPE', Session: SESSION, ChallengeResponses: { USERNAME: USER_ID, ANSWER: 'EMAIL_OTP' } },
    { ClientId: CLIENT_ID, ChallengeName: 'SELECT_CHALLENGE', Session: SESSION, ChallengeResponses: { USERNAME: USER_ID, ANSWER: 'PASSWORD_SRP', SRP_A: 'a1f3'.repeat(192) } },
    { ClientId: CLIENT_ID, ChallengeName: 'WEB_AUTHN', Session: SESSION, ChallengeResponses: { USERNAME: USER_ID, CREDENTIAL: '{"id":"cred","type":"public-key"}' } },
    { ClientId: CLIENT_ID, ChallengeName: 'DEVICE_SRP_AUTH', Session: SESSION, ChallengeResponses: { USERNAME: USER_ID, DEVICE_KEY: 'eu-west-1_0a1b2c3d-device', SRP_A: 'a1f3'.repeat(192) } },
    { ClientId: CLIENT_ID, ChallengeName: 'MFA_SETUP', Session: SESSION, ChallengeResponses: { USERNAME: USER_ID, EMAIL: 'ada@example.com' } },
    {
      ClientId: CLIENT_ID,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: SESSION,
      ChallengeResponses: { USERNAME: USER_ID, NEW_PASSWORD: 'Another-Horse-7', 'userAttributes.given_name': 'Ada', SECRET_HASH },
    },
  ],
  signUp: [
    {
      ClientId: CLIENT_ID,
      SecretHash: SECRET_HASH,
      Username: 'ada',
      Password: 'Correct-Horse-9',
      UserAttributes: [
        { Name: 'email', Value: 'ada@example.com' },
        { Name: 'phone_number', Value: '+14155550100' },
      ],
    },
    {
      ClientId: CLIENT_ID,
      Username: 'ada@example.com',
      Password: 'Correct-Horse-9',
      UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }],
      ClientMetadata: { ...CLIENT_METADATA, terms: 'true' },
      UserContextData: USER_CONTEXT_DATA,
    },
  ],
  confirmSignUp: [
    { ClientId: CLIENT_ID, SecretHash: SECRET_HASH, Username: 'ada', ConfirmationCode: '123456' },
    { ClientId: CLIENT_ID, Username: 'ada', ConfirmationCode: '123456', ClientMetadata: CLIENT_METADATA, UserContextData: USER_CONTEXT_DATA },
  ],
  resendConfirmationCode: [
    { ClientId: CLIENT_ID, Username: 'ada' },
    { ClientId: CLIENT_ID, Username: 'ada', ClientMetadata: CLIENT_METADATA, UserContextData: USER_CONTEXT_DATA },
  ],
  forgotPassword: [
    { ClientId: CLIENT_ID, SecretHash: SECRET_HASH, Username: 'ada' },
    { ClientId: CLIENT_ID, Username: 'ada', ClientMetadata: CLIENT_METADATA, UserContextData: USER_CONTEXT_DATA },
  ],
  confirmForgotPassword: [
    { ClientId: CLIENT_ID, Username: 'ada', ConfirmationCode: '654321', Password: 'Another-Horse-7' },
    {
      ClientId: CLIENT_ID,
      Username: 'ada',
      ConfirmationCode: '654321',
      Password: 'Another-Horse-7',
      ClientMetadata: CLIENT_METADATA,
      UserContextData: USER_CONTEXT_DATA,
    },
  ],
  associateSoftwareToken: [{ Session: SESSION }, { AccessToken: ACCESS_TOKEN }],
  verifySoftwareToken: [
    { Session: SESSION, UserCode: '123456', FriendlyDeviceName: 'Work phone' },
    { AccessToken: ACCESS_TOKEN, UserCode: '123456' },
  ],
  setUserMfaPreference: [
    { AccessToken: ACCESS_TOKEN, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } },
    { AccessToken: ACCESS_TOKEN, SMSMfaSettings: { Enabled: true, PreferredMfa: false }, EmailMfaSettings: { Enabled: false } },
  ],
  revokeToken: [{ Token: REFRESH_TOKEN, ClientId: CLIENT_ID }],
  globalSignOut: [{ AccessToken: ACCESS_TOKEN }],
  getTokensFromRefreshToken: [
    { RefreshToken: REFRESH_TOKEN, ClientId: CLIENT_ID },
    { RefreshToken: REFRESH_TOKEN, ClientId: CLIENT_ID, DeviceKey: 'eu-west-1_0a1b2c3d-device' },
    { RefreshToken: REFRESH_TOKEN, ClientId: CLIENT_ID, ClientMetadata: CLIENT_METADATA },
  ],
  confirmDevice: [
    {
      AccessToken: ACCESS_TOKEN,
      DeviceKey: 'eu-west-1_0a1b2c3d-device',
      DeviceSecretVerifierConfig: { PasswordVerifier: 'dmVyaWZpZXI=', Salt: 'c2FsdA==' },
      DeviceName: 'Chrome on macOS',
    },
  ],
  updateDeviceStatus: [{ AccessToken: ACCESS_TOKEN, DeviceKey: 'eu-west-1_0a1b2c3d-device', DeviceRememberedStatus: 'remembered' }],
  forgetDevice: [{ AccessToken: ACCESS_TOKEN, DeviceKey: 'eu-west-1_0a1b2c3d-device' }],
  getUser: [{ AccessToken: ACCESS_TOKEN }],
  updateUserAttributes: [
    {
      AccessToken: ACCESS_TOKEN,
      UserAttributes: [
        { Name: 'email', Value: 'ada.new@example.com' },
        { Name: 'custom:tier', Value: 'gold' },
      ],
    },
    { AccessToken: ACCESS_TOKEN, UserAttributes: [{ Name: 'given_name', Value: 'Ada' }], ClientMetadata: CLIENT_METADATA },
  ],
  deleteUserAttributes: [{ AccessToken: ACCESS_TOKEN, UserAttributeNames: ['nickname', 'custom:tier'] }],
  verifyUserAttribute: [{ AccessToken: ACCESS_TOKEN, AttributeName: 'email', Code: '123456' }],
  getUserAttributeVerificationCode: [
    { AccessToken: ACCESS_TOKEN, AttributeName: 'phone_number' },
    { AccessToken: ACCESS_TOKEN, AttributeName: 'email', ClientMetadata: CLIENT_METADATA },
  ],
  changePassword: [{ AccessToken: ACCESS_TOKEN, PreviousPassword: 'Correct-Horse-9', ProposedPassword: 'Another-Horse-7' }],
  deleteUser: [{ AccessToken: ACCESS_TOKEN }],
  listWebAuthnCredentials: [{ AccessToken: ACCESS_TOKEN, MaxResults: 20 }, { AccessToken: ACCESS_TOKEN, NextToken: 'bmV4dC1wYWdl' }],
  deleteWebAuthnCredential: [{ AccessToken: ACCESS_TOKEN, CredentialId: 'Y3JlZGVudGlhbC1pZA' }],
  listDevices: [{ AccessToken: ACCESS_TOKEN, Limit: 60 }, { AccessToken: ACCESS_TOKEN, Limit: 60, PaginationToken: 'bmV4dC1wYWdl' }],
  startWebAuthnRegistration: [{ AccessToken: ACCESS_TOKEN }],
  completeWebAuthnRegistration: [{ AccessToken: ACCESS_TOKEN, Credential: { id: 'cred', rawId: 'cred', type: 'public-key', response: {} } }],
};

interface Captured {
  url: string;
  method: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

type SdkCommand = new (input: never) => Parameters<sdk.CognitoIdentityProviderClient['send']>[0];

/** The SDK's command class for an operation's wire name (`InitiateAuth` -> InitiateAuthCommand). */
function sdkCommand(name: string): SdkCommand | undefined {
  const command = (sdk as unknown as Record<string, unknown>)[`${name}Command`];
  return typeof command === 'function' ? (command as SdkCommand) : undefined;
}

const lowerKeys = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/** The SDK's request body (bytes or a string) as text. */
function bodyText(body: unknown): string {
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return typeof body === 'string' ? body : '{}';
}

/** What the SDK puts on the wire for `input`: its request handler captures the request and answers 200 `{}`. */
async function throughSdk(name: string, input: unknown, region = REGION): Promise<Captured> {
  let captured: Captured | undefined;
  const client = new sdk.CognitoIdentityProviderClient({
    region,
    // These operations are unsigned (smithy.api#noAuth); dummy credentials make sure nothing is looked up if one is not.
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { protocol: string; hostname: string; port?: number; path: string; method: string; headers: Record<string, string>; body?: unknown }) {
        const port = request.port ? `:${request.port}` : '';
        captured = {
          url: `${request.protocol}//${request.hostname}${port}${request.path}`,
          method: request.method,
          headers: lowerKeys(request.headers),
          body: JSON.parse(bodyText(request.body)) as Record<string, unknown>,
        };
        const response = { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: new TextEncoder().encode('{}') };
        return { response };
      },
    },
  } as sdk.CognitoIdentityProviderClientConfig);
  const Command = sdkCommand(name);
  if (!Command) throw new Error(`the SDK has no ${name}Command: is "${name}" Cognito's name for the operation?`);
  await client.send(new Command(input as never));
  client.destroy();
  if (!captured) throw new Error(`the SDK sent nothing for ${name}`);
  return captured;
}

/** What our fetch client puts on the wire for `input` (global fetch captured, answering 200 `{}`). */
async function throughOurs(operation: CognitoOperation, input: unknown, region = REGION): Promise<Captured> {
  const realFetch = globalThis.fetch;
  let captured: Captured | undefined;
  globalThis.fetch = async (url: RequestInfo | URL, init?: RequestInit) => {
    captured = {
      url: String(url),
      method: init?.method ?? 'GET',
      headers: lowerKeys(Object.fromEntries(new Headers(init?.headers).entries())),
      body: JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>,
    };
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' } });
  };
  try {
    const api = createCognitoApi({ region, endpoint: undefined, timeoutMs: 10000 });
    await (api[operation] as (input: unknown) => Promise<unknown>)(input);
  } finally {
    globalThis.fetch = realFetch;
  }
  if (!captured) throw new Error(`our client sent nothing for ${operation}`);
  return captured;
}

/** Dotted paths of every object key in `value` (array items as `[]`), for naming what one side dropped. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, `${prefix}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keyPaths(v, `${prefix}${k}.`)]);
}

const OPERATION_NAMES = Object.keys(OPERATIONS) as CognitoOperation[];

describe('requests as the AWS SDK sends them (oracle: @aws-sdk/client-cognito-identity-provider)', () => {
  it('has realistic inputs for every operation in OPERATIONS', () => {
    const missing = OPERATION_NAMES.filter((op) => !ORACLE_INPUTS[op]?.length);
    expect(missing, `operations without oracle inputs in test/unit/sdk-oracle.test.ts: ${missing.join(', ')}`).to.deep.equal([]);
  });

  it('names every operation as the SDK does (a command exists for each wire name)', () => {
    const unknown = OPERATION_NAMES.filter((op) => !sdkCommand(OPERATIONS[op].name)).map((op) => `${op}: ${OPERATIONS[op].name}`);
    expect(unknown, 'wire names the SDK has no command for').to.deep.equal([]);
  });

  for (const operation of OPERATION_NAMES) {
    const inputs = (ORACLE_INPUTS[operation] ?? []) as readonly object[];
    inputs.forEach((input, i) => {
      const label = `${operation} #${i + 1} (${Object.keys(input).join(', ')})`;
      it(`${label}: same target, content type and body`, async () => {
        const name = OPERATIONS[operation].name;
        const theirs = await throughSdk(name, structuredClone(input));
        const ours = await throughOurs(operation, structuredClone(input));

        expect(ours.headers['x-amz-target'], 'X-Amz-Target').to.equal(theirs.headers['x-amz-target']);
        expect(ours.headers['x-amz-target']).to.equal(`AWSCognitoIdentityProviderService.${name}`);
        expect(ours.headers['content-type'], 'Content-Type').to.equal(theirs.headers['content-type']);
        expect(ours.method).to.equal(theirs.method);
        expect(ours.url, 'endpoint').to.equal(theirs.url);

        // A member the SDK does not know is dropped from its body: name it, then compare the whole bodies.
        const sdkKeys = new Set(keyPaths(theirs.body));
        const notMembers = keyPaths(ours.body).filter((k) => !sdkKeys.has(k));
        expect(notMembers, `keys we send that are not members of ${name}'s input shape`).to.deep.equal([]);
        const weDrop = [...sdkKeys].filter((k) => !keyPaths(ours.body).includes(k));
        expect(weDrop, `members the SDK sends and we do not`).to.deep.equal([]);
        expect(ours.body).to.deep.equal(theirs.body);
        // And the body is exactly the input: our client neither adds nor loses anything.
        expect(ours.body).to.deep.equal(input);
      });
    });
  }

  it('fails on a misspelt member: the SDK drops it, so the bodies differ', async () => {
    const misspelt = { ClientId: CLIENT_ID, Username: 'ada', SecretHas: SECRET_HASH };
    const theirs = await throughSdk('ForgotPassword', misspelt);
    const ours = await throughOurs('forgotPassword', misspelt);
    expect(theirs.body).to.not.have.property('SecretHas');
    expect(ours.body).to.not.deep.equal(theirs.body);
  });

  for (const region of ['us-east-1', 'ap-southeast-2', 'cn-north-1', 'us-gov-west-1']) {
    it(`resolves the default endpoint in ${region} as the SDK does`, async () => {
      const theirs = await throughSdk('GlobalSignOut', { AccessToken: ACCESS_TOKEN }, region);
      expect(defaultEndpoint(region)).to.equal(theirs.url);
    });
  }
});
