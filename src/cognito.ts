import type {
  AssociateSoftwareTokenRequest,
  AssociateSoftwareTokenResponse,
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
  ConfirmSignUpRequest,
  ConfirmSignUpResponse,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  GlobalSignOutRequest,
  GlobalSignOutResponse,
  InitiateAuthRequest,
  InitiateAuthResponse,
  ResendConfirmationCodeRequest,
  ResendConfirmationCodeResponse,
  RespondToAuthChallengeRequest,
  RespondToAuthChallengeResponse,
  RevokeTokenRequest,
  RevokeTokenResponse,
  SetUserMFAPreferenceRequest,
  SetUserMFAPreferenceResponse,
  SignUpRequest,
  SignUpResponse,
  VerifySoftwareTokenRequest,
  VerifySoftwareTokenResponse,
} from './cognito-types.js';
import type { AuthConfig } from './config.js';
import { AuthError, toAuthError, type ErrorContext } from './errors.js';

/**
 * One async function per Cognito operation the flows use. This interface is the engine's seam: AuthFlow talks only
 * to it, the fetch-based implementation below is the real one, and unit tests pass a recording fake. The input and
 * output types are Cognito's API shapes (see cognito-types.ts).
 * Every method rejects with an AuthError (see errors.ts), never with a raw transport error.
 */
export interface CognitoApi {
  initiateAuth(input: InitiateAuthRequest): Promise<InitiateAuthResponse>;
  respondToAuthChallenge(input: RespondToAuthChallengeRequest): Promise<RespondToAuthChallengeResponse>;
  signUp(input: SignUpRequest): Promise<SignUpResponse>;
  confirmSignUp(input: ConfirmSignUpRequest): Promise<ConfirmSignUpResponse>;
  resendConfirmationCode(input: ResendConfirmationCodeRequest): Promise<ResendConfirmationCodeResponse>;
  forgotPassword(input: ForgotPasswordRequest): Promise<ForgotPasswordResponse>;
  confirmForgotPassword(input: ConfirmForgotPasswordRequest): Promise<ConfirmForgotPasswordResponse>;
  associateSoftwareToken(input: AssociateSoftwareTokenRequest): Promise<AssociateSoftwareTokenResponse>;
  verifySoftwareToken(input: VerifySoftwareTokenRequest): Promise<VerifySoftwareTokenResponse>;
  setUserMfaPreference(input: SetUserMFAPreferenceRequest): Promise<SetUserMFAPreferenceResponse>;
  revokeToken(input: RevokeTokenRequest): Promise<RevokeTokenResponse>;
  globalSignOut(input: GlobalSignOutRequest): Promise<GlobalSignOutResponse>;
}

export type CognitoOperation = keyof CognitoApi;

type Client = typeof import('./cognito-client.js');

let clientPromise: Promise<Client> | undefined;

function loadClient(): Promise<Client> {
  clientPromise ??= import('./cognito-client.js').catch((e: unknown) => {
    // A failed chunk load must not stick: the next call tries again.
    clientPromise = undefined;
    throw e;
  });
  return clientPromise;
}

/**
 * Starts loading the Cognito client (the lazy chunk that speaks Cognito's JSON protocol) without waiting for it: call
 * right after first paint so the first request is fast.
 */
export function preloadSdk(): Promise<void> {
  return loadClient().then(() => undefined);
}

/** Which exceptions mean what depends on what was asked; see toAuthError. */
function contextOf(operation: CognitoOperation, input: unknown): ErrorContext {
  if (operation === 'respondToAuthChallenge') return 'challenge';
  if (operation === 'associateSoftwareToken' || operation === 'verifySoftwareToken') {
    return (input as { Session?: string }).Session ? 'challenge' : 'other';
  }
  if (operation === 'initiateAuth') {
    return (input as InitiateAuthRequest).AuthFlow === 'REFRESH_TOKEN_AUTH' ? 'refresh' : 'sign-in';
  }
  return 'other';
}

/** Each method's operation name on the wire (`X-Amz-Target: AWSCognitoIdentityProviderService.<name>`). */
const OPERATIONS = {
  initiateAuth: 'InitiateAuth',
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
} as const satisfies Record<CognitoOperation, string>;

/** The real CognitoApi: one fetch per call to Cognito's JSON API, its code loaded lazily (see cognito-client.ts). */
export function createCognitoApi(config: Pick<AuthConfig, 'region' | 'endpoint' | 'timeoutMs'>): CognitoApi {
  async function call(operation: CognitoOperation, input: object): Promise<never> {
    // The timeout covers loading the client too: a user waits for both.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    try {
      const client = await loadClient();
      const endpoint = config.endpoint ?? client.defaultEndpoint(config.region);
      return (await client.send(endpoint, OPERATIONS[operation], input, controller.signal, contextOf(operation, input))) as never;
    } catch (err) {
      // send() rejects with AuthErrors only; what is left is the chunk failing to load.
      if (err instanceof AuthError) throw err;
      if (controller.signal.aborted) throw toAuthError({ name: 'TimeoutError', message: 'Request timed out' });
      throw toAuthError(err, contextOf(operation, input));
    } finally {
      clearTimeout(timer);
    }
  }

  const api = {} as Record<CognitoOperation, (input: object) => Promise<never>>;
  for (const operation of Object.keys(OPERATIONS) as CognitoOperation[]) {
    api[operation] = (input) => call(operation, input);
  }
  return api as unknown as CognitoApi;
}
