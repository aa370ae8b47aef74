// ClientMetadata and threat protection data (issue 18): the page's ClientMetadata goes with every request whose input
// shape has it, and UserContextData.EncodedData (AWS's collection script, or the page's function) with every sign-in,
// sign-up, reset and confirm call whose shape has it, added in one place at the CognitoApi seam. Which operations take
// which member is proven against AWS's own SDK: it serialises only the members of an operation's input shape.
import * as sdk from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import { OPERATIONS, type CognitoApi, type CognitoOperation } from '../../src/api/operations.js';
import { withRequestExtras } from '../../src/api/request-extras.js';
import { parseConfig, type AuthOptions } from '../../src/config.js';
import { authResult, CLIENT, exception, harness, POOL, settle } from '../support/fake-cognito.js';

type Collector = { getData(username: string, pool: string, client: string): unknown };
const page = globalThis as { AmazonCognitoAdvancedSecurityData?: Collector };

afterEach(() => {
  delete page.AmazonCognitoAdvancedSecurityData;
});

/** Whether the SDK keeps `member` in `operation`'s request body (i.e. it is a member of its input shape). */
async function sdkTakes(operation: string, member: string, value: unknown): Promise<boolean> {
  let body: Record<string, unknown> = {};
  const client = new sdk.CognitoIdentityProviderClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { body?: unknown }) {
        const text = request.body instanceof Uint8Array ? new TextDecoder().decode(request.body) : String(request.body ?? '{}');
        body = JSON.parse(text) as Record<string, unknown>;
        return { response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: new TextEncoder().encode('{}') } };
      },
    },
  } as sdk.CognitoIdentityProviderClientConfig);
  const Command = (sdk as unknown as Record<string, new (input: unknown) => never>)[`${operation}Command`]!;
  await client.send(new Command({ [member]: value }));
  client.destroy();
  return member in body;
}

/** A CognitoApi recording each request (as sent) and answering `{}`. */
function recordingApi(): { api: CognitoApi; sent: Map<CognitoOperation, Record<string, unknown>> } {
  const sent = new Map<CognitoOperation, Record<string, unknown>>();
  const api = Object.fromEntries(
    Object.keys(OPERATIONS).map((op) => [op, async (input: Record<string, unknown>) => (sent.set(op as CognitoOperation, input), {})]),
  ) as unknown as CognitoApi;
  return { api, sent };
}

/** A plausible request for every operation, with a username where the operation has one. */
const USERNAME_INPUT = { ClientId: CLIENT, Username: 'ada', AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'ada' }, ChallengeResponses: { USERNAME: 'ada' } };

function config(options: AuthOptions) {
  return parseConfig({ userPoolId: POOL, clientId: CLIENT, ...options });
}

describe('ClientMetadata and UserContextData at the API seam', () => {
  it('adds ClientMetadata to exactly the operations whose input shape has it (proven with the AWS SDK)', async function () {
    this.timeout(20000);
    const { api, sent } = recordingApi();
    const wrapped = withRequestExtras(api, config({ clientMetadata: { campaign: 'spring' } }));
    for (const op of Object.keys(OPERATIONS) as CognitoOperation[]) {
      await (wrapped[op] as (input: object) => Promise<unknown>)({ ...USERNAME_INPUT });
      const takes = await sdkTakes(OPERATIONS[op].name, 'ClientMetadata', { campaign: 'spring' });
      expect(sent.get(op)?.ClientMetadata, `${op}: ClientMetadata ${takes ? 'missing' : 'sent, but not a member'}`).to.deep.equal(
        takes ? { campaign: 'spring' } : undefined,
      );
    }
  });

  it('adds UserContextData from AWS\'s collection script to every operation that takes it, asked with the username, pool and client', async function () {
    this.timeout(20000);
    const asked: string[][] = [];
    page.AmazonCognitoAdvancedSecurityData = { getData: (...args: string[]) => (asked.push(args), `encoded-for-${args[0]}`) };
    const { api, sent } = recordingApi();
    const wrapped = withRequestExtras(api, config({}));
    for (const op of Object.keys(OPERATIONS) as CognitoOperation[]) {
      await (wrapped[op] as (input: object) => Promise<unknown>)({ ...USERNAME_INPUT });
      const takes = await sdkTakes(OPERATIONS[op].name, 'UserContextData', { EncodedData: 'x' });
      expect(sent.get(op)?.UserContextData, op).to.deep.equal(takes ? { EncodedData: 'encoded-for-ada' } : undefined);
    }
    expect(asked[0]).to.deep.equal(['ada', POOL, CLIENT]);
  });

  it('sends no UserContextData with a refresh (no username, not a sign-in)', async () => {
    page.AmazonCognitoAdvancedSecurityData = { getData: () => 'encoded' };
    const { api, sent } = recordingApi();
    await withRequestExtras(api, config({})).initiateAuth({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: CLIENT, AuthParameters: { REFRESH_TOKEN: 'r' } });
    expect(sent.get('initiateAuth')).to.not.have.property('UserContextData');
  });

  it('without ClientMetadata, a collector or a function, requests go out exactly as the journey made them', async () => {
    const { api, sent } = recordingApi();
    const input = { ClientId: CLIENT, Username: 'ada', Password: 'Pass-word-1' };
    await withRequestExtras(api, config({})).signUp({ ...input });
    expect(sent.get('signUp')).to.deep.equal(input);
  });

  it('a collector that throws (or a page function that rejects) never fails the request: it goes without the data', async () => {
    page.AmazonCognitoAdvancedSecurityData = {
      getData: () => {
        throw new Error('collector broke');
      },
    };
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const { api, sent } = recordingApi();
      await withRequestExtras(api, config({})).forgotPassword({ ClientId: CLIENT, Username: 'ada' });
      expect(sent.get('forgotPassword')).to.deep.equal({ ClientId: CLIENT, Username: 'ada' });
      const rejecting = withRequestExtras(api, config({ userContextData: () => Promise.reject(new Error('no')) }));
      await rejecting.signUp({ ClientId: CLIENT, Username: 'ada' });
      expect(sent.get('signUp')).to.deep.equal({ ClientId: CLIENT, Username: 'ada' });
    } finally {
      console.warn = warn;
    }
  });

  it('the page\'s userContextData function replaces the script and is asked with the username', async () => {
    page.AmazonCognitoAdvancedSecurityData = { getData: () => 'from-script' };
    const { api, sent } = recordingApi();
    const wrapped = withRequestExtras(api, config({ userContextData: async (u) => `from-page-${u}` }));
    await wrapped.confirmSignUp({ ClientId: CLIENT, Username: 'ada', ConfirmationCode: '123456' });
    expect(sent.get('confirmSignUp')?.UserContextData).to.deep.equal({ EncodedData: 'from-page-ada' });
  });

  it('a ClientMetadata function is asked per request with the operation name; the journey\'s own keys win', async () => {
    const asked: string[] = [];
    const { api, sent } = recordingApi();
    const wrapped = withRequestExtras(
      api,
      config({ clientMetadata: ({ operation }) => (asked.push(operation), { source: 'web', terms: 'page' }) }),
    );
    await wrapped.signUp({ ClientId: CLIENT, Username: 'ada', ClientMetadata: { terms: 'true' } });
    await wrapped.getTokensFromRefreshToken({ ClientId: CLIENT, RefreshToken: 'r' });
    expect(asked).to.deep.equal(['SignUp', 'GetTokensFromRefreshToken']);
    expect(sent.get('signUp')?.ClientMetadata).to.deep.equal({ source: 'web', terms: 'true' });
    expect(sent.get('getTokensFromRefreshToken')?.ClientMetadata).to.deep.equal({ source: 'web', terms: 'page' });
  });

  it('rejects ClientMetadata that Cognito would refuse (non-string values), naming the option', () => {
    expect(() => config({ clientMetadata: { n: 1 } as unknown as Record<string, string> })).to.throw(/clientMetadata/);
    expect(() => config({ userContextData: 'x' as unknown as () => string })).to.throw(/userContextData/);
  });
});

describe('ClientMetadata and UserContextData through the journeys', () => {
  it('sign-in (InitiateAuth, RespondToAuthChallenge) and the refresh carry them', async () => {
    page.AmazonCognitoAdvancedSecurityData = { getData: (u: string) => `ctx-${u}` };
    const h = harness({ clientMetadata: { app: 'shop' } });
    h.cognito
      .on('initiateAuth', () => ({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'S'.repeat(40), ChallengeParameters: { USER_ID_FOR_SRP: 'sub-1' } }))
      .on('respondToAuthChallenge', () => authResult('sub-1'))
      .on('getTokensFromRefreshToken', () => authResult('sub-1'));
    await h.flow.signIn({ username: 'ada', password: 'Pass-word-1' });
    await h.flow.submitMfaCode({ code: '123456' });
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.cognito.callsOf('initiateAuth')[0]).to.deep.include({ ClientMetadata: { app: 'shop' }, UserContextData: { EncodedData: 'ctx-ada' } });
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]).to.deep.include({ ClientMetadata: { app: 'shop' }, UserContextData: { EncodedData: 'ctx-sub-1' } });
    await h.flow.refresh();
    const refresh = h.cognito.callsOf('getTokensFromRefreshToken')[0] ?? h.cognito.callsOf('initiateAuth')[1];
    expect(refresh).to.deep.include({ ClientMetadata: { app: 'shop' } });
    expect(refresh).to.not.have.property('UserContextData');
  });

  it('sign-up, confirmation, a resent code, and a password reset carry them; the form\'s metadata goes with SignUp', async () => {
    page.AmazonCognitoAdvancedSecurityData = { getData: (u: string) => `ctx-${u}` };
    const h = harness({ clientMetadata: { app: 'shop' } });
    h.cognito
      .on('signUp', () => ({ UserConfirmed: false, UserSub: 'sub-1' }))
      .on('resendConfirmationCode', () => ({}))
      .on('confirmSignUp', () => ({}))
      .on('initiateAuth', () => authResult('sub-1'))
      .on('forgotPassword', () => ({}))
      .on('confirmForgotPassword', () => ({}));
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada', password: 'Pass-word-1', clientMetadata: { terms: 'true' } });
    await h.flow.resendSignUpCode();
    await h.flow.confirmSignUp({ code: '123456' });
    await settle();
    const both = { ClientMetadata: { app: 'shop' }, UserContextData: { EncodedData: 'ctx-ada' } };
    expect(h.cognito.callsOf('signUp')[0]).to.deep.include({ ClientMetadata: { app: 'shop', terms: 'true' }, UserContextData: { EncodedData: 'ctx-ada' } });
    expect(h.cognito.callsOf('resendConfirmationCode')[0]).to.deep.include(both);
    expect(h.cognito.callsOf('confirmSignUp')[0]).to.deep.include(both);
    await h.flow.signOut();
    h.flow.goTo('forgot-password');
    await h.flow.forgotPassword({ username: 'ada' });
    await h.flow.confirmForgotPassword({ code: '123456', password: 'Pass-word-2', confirmPassword: 'Pass-word-2' });
    expect(h.cognito.callsOf('forgotPassword')[0]).to.deep.include(both);
    expect(h.cognito.callsOf('confirmForgotPassword')[0]).to.deep.include(both);
  });

  it('a failing Cognito answer is still the journey\'s error (the extras change nothing else)', async () => {
    const h = harness({ clientMetadata: { app: 'shop' } });
    h.cognito.on('initiateAuth', () => exception('NotAuthorizedException', 'Incorrect username or password.'));
    await h.flow.signIn({ username: 'ada', password: 'wrong-Pass-1' });
    expect(h.flow.state.error?.code).to.equal('incorrect-credentials');
  });
});
