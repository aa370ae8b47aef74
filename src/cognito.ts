import type {
  AssociateSoftwareTokenCommandInput,
  AssociateSoftwareTokenCommandOutput,
  ConfirmForgotPasswordCommandInput,
  ConfirmForgotPasswordCommandOutput,
  ConfirmSignUpCommandInput,
  ConfirmSignUpCommandOutput,
  ForgotPasswordCommandInput,
  ForgotPasswordCommandOutput,
  GlobalSignOutCommandInput,
  GlobalSignOutCommandOutput,
  InitiateAuthCommandInput,
  InitiateAuthCommandOutput,
  ResendConfirmationCodeCommandInput,
  ResendConfirmationCodeCommandOutput,
  RespondToAuthChallengeCommandInput,
  RespondToAuthChallengeCommandOutput,
  RevokeTokenCommandInput,
  RevokeTokenCommandOutput,
  SetUserMFAPreferenceCommandInput,
  SetUserMFAPreferenceCommandOutput,
  SignUpCommandInput,
  SignUpCommandOutput,
  VerifySoftwareTokenCommandInput,
  VerifySoftwareTokenCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AuthConfig } from './config.js';
import { toAuthError, type ErrorContext } from './errors.js';

/** An SDK output without the transport metadata, so fakes in tests stay plain data. */
type Out<T> = Omit<T, '$metadata'>;

/**
 * One async function per Cognito operation the flows use. This interface is the engine's seam: AuthFlow talks only
 * to it, the SDK-backed implementation below is the real one, and unit tests pass a recording fake.
 * Every method rejects with an AuthError (see errors.ts), never with a raw SDK error.
 */
export interface CognitoApi {
  initiateAuth(input: InitiateAuthCommandInput): Promise<Out<InitiateAuthCommandOutput>>;
  respondToAuthChallenge(input: RespondToAuthChallengeCommandInput): Promise<Out<RespondToAuthChallengeCommandOutput>>;
  signUp(input: SignUpCommandInput): Promise<Out<SignUpCommandOutput>>;
  confirmSignUp(input: ConfirmSignUpCommandInput): Promise<Out<ConfirmSignUpCommandOutput>>;
  resendConfirmationCode(input: ResendConfirmationCodeCommandInput): Promise<Out<ResendConfirmationCodeCommandOutput>>;
  forgotPassword(input: ForgotPasswordCommandInput): Promise<Out<ForgotPasswordCommandOutput>>;
  confirmForgotPassword(input: ConfirmForgotPasswordCommandInput): Promise<Out<ConfirmForgotPasswordCommandOutput>>;
  associateSoftwareToken(input: AssociateSoftwareTokenCommandInput): Promise<Out<AssociateSoftwareTokenCommandOutput>>;
  verifySoftwareToken(input: VerifySoftwareTokenCommandInput): Promise<Out<VerifySoftwareTokenCommandOutput>>;
  setUserMfaPreference(input: SetUserMFAPreferenceCommandInput): Promise<Out<SetUserMFAPreferenceCommandOutput>>;
  revokeToken(input: RevokeTokenCommandInput): Promise<Out<RevokeTokenCommandOutput>>;
  globalSignOut(input: GlobalSignOutCommandInput): Promise<Out<GlobalSignOutCommandOutput>>;
}

export type CognitoOperation = keyof CognitoApi;

type Sdk = typeof import('./sdk.js');

let sdkPromise: Promise<Sdk> | undefined;

/** Starts loading the SDK without waiting for it: call right after first paint so the first request is fast. */
export function preloadSdk(): Promise<Sdk> {
  sdkPromise ??= import('./sdk.js').catch((e: unknown) => {
    // A failed chunk load must not stick: the next call tries again.
    sdkPromise = undefined;
    throw e;
  });
  return sdkPromise;
}

/** Which exceptions mean what depends on what was asked; see toAuthError. */
function contextOf(operation: CognitoOperation, input: unknown): ErrorContext {
  if (operation === 'respondToAuthChallenge') return 'challenge';
  if (operation === 'associateSoftwareToken' || operation === 'verifySoftwareToken') {
    return (input as { Session?: string }).Session ? 'challenge' : 'other';
  }
  if (operation === 'initiateAuth') {
    return (input as InitiateAuthCommandInput).AuthFlow === 'REFRESH_TOKEN_AUTH' ? 'refresh' : 'sign-in';
  }
  return 'other';
}

const COMMANDS = {
  initiateAuth: 'InitiateAuthCommand',
  respondToAuthChallenge: 'RespondToAuthChallengeCommand',
  signUp: 'SignUpCommand',
  confirmSignUp: 'ConfirmSignUpCommand',
  resendConfirmationCode: 'ResendConfirmationCodeCommand',
  forgotPassword: 'ForgotPasswordCommand',
  confirmForgotPassword: 'ConfirmForgotPasswordCommand',
  associateSoftwareToken: 'AssociateSoftwareTokenCommand',
  verifySoftwareToken: 'VerifySoftwareTokenCommand',
  setUserMfaPreference: 'SetUserMFAPreferenceCommand',
  revokeToken: 'RevokeTokenCommand',
  globalSignOut: 'GlobalSignOutCommand',
} as const satisfies Record<CognitoOperation, keyof Sdk>;

type AnyCommand = new (input: never) => object;

/** The real CognitoApi, over the AWS SDK, loaded lazily. */
export function createCognitoApi(config: Pick<AuthConfig, 'region' | 'endpoint' | 'timeoutMs'>): CognitoApi {
  let client: InstanceType<Sdk['CognitoIdentityProviderClient']> | undefined;

  async function call(operation: CognitoOperation, input: object): Promise<never> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    try {
      const sdk = await preloadSdk();
      client ??= new sdk.CognitoIdentityProviderClient({
        region: config.region,
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        // Code submissions must never be re-sent behind the user's back; callers retry what is safe to retry.
        maxAttempts: 1,
      });
      const Command = sdk[COMMANDS[operation]] as unknown as AnyCommand;
      const output = (await client.send(new Command(input as never) as never, { abortSignal: controller.signal })) as {
        $metadata?: unknown;
      };
      const { $metadata: _ignored, ...rest } = output;
      return rest as never;
    } catch (err) {
      if (controller.signal.aborted) throw toAuthError({ name: 'TimeoutError', message: 'Request timed out' });
      throw toAuthError(err, contextOf(operation, input));
    } finally {
      clearTimeout(timer);
    }
  }

  const api = {} as Record<CognitoOperation, (input: object) => Promise<never>>;
  for (const operation of Object.keys(COMMANDS) as CognitoOperation[]) {
    api[operation] = (input) => call(operation, input);
  }
  return api as unknown as CognitoApi;
}
