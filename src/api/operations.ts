import type { ErrorContext } from '../errors.js';
import type {
  AssociateSoftwareTokenRequest,
  AssociateSoftwareTokenResponse,
  CompleteWebAuthnRegistrationRequest,
  CompleteWebAuthnRegistrationResponse,
  ConfirmDeviceRequest,
  ConfirmDeviceResponse,
  ChangePasswordRequest,
  ChangePasswordResponse,
  DeleteUserAttributesRequest,
  DeleteUserAttributesResponse,
  DeleteUserRequest,
  DeleteUserResponse,
  DeleteWebAuthnCredentialRequest,
  DeleteWebAuthnCredentialResponse,
  GetUserAttributeVerificationCodeRequest,
  GetUserAttributeVerificationCodeResponse,
  GetUserRequest,
  GetUserResponse,
  ListDevicesRequest,
  ListDevicesResponse,
  ListWebAuthnCredentialsRequest,
  ListWebAuthnCredentialsResponse,
  UpdateUserAttributesRequest,
  UpdateUserAttributesResponse,
  VerifyUserAttributeRequest,
  VerifyUserAttributeResponse,
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
  ConfirmSignUpRequest,
  ConfirmSignUpResponse,
  ForgetDeviceRequest,
  ForgetDeviceResponse,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  GetTokensFromRefreshTokenRequest,
  GetTokensFromRefreshTokenResponse,
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
  StartWebAuthnRegistrationRequest,
  StartWebAuthnRegistrationResponse,
  UpdateDeviceStatusRequest,
  UpdateDeviceStatusResponse,
  VerifySoftwareTokenRequest,
  VerifySoftwareTokenResponse,
} from './types.js';

/**
 * One row per Cognito operation the engine calls: its name on the wire (`X-Amz-Target:
 * AWSCognitoIdentityProviderService.<name>`), its request and response types (as the API reference names them, see
 * types.ts) and what an exception from it means (the ErrorContext toAuthError reads). The CognitoApi seam, the fetch
 * client and the test fake (test/support/) are all derived from this table, so they cannot drift apart.
 *
 * Adding an operation is one row here (plus its types in types.ts).
 */
export interface Operation<Request, Response> {
  /** The operation's name in `X-Amz-Target`. */
  readonly name: string;
  /** Which meaning a Cognito exception takes for this request; see ErrorContext. */
  readonly context: (input: Request) => ErrorContext;
  /** Type carriers only: never read at run time. */
  readonly request?: Request;
  readonly response?: Response;
}

function op<Request, Response>(name: string, context: ErrorContext | ((input: Request) => ErrorContext) = 'other'): Operation<Request, Response> {
  return { name, context: typeof context === 'function' ? context : () => context };
}

// TOTP set-up runs inside an MFA_SETUP challenge (with its Session) or for a signed-in user (with an AccessToken):
// an expired code means an expired challenge only in the first case.
const challengeIfSession = (input: { Session?: string }): ErrorContext => (input.Session ? 'challenge' : 'other');

export const OPERATIONS = {
  initiateAuth: op<InitiateAuthRequest, InitiateAuthResponse>('InitiateAuth', (input) =>
    input.AuthFlow === 'REFRESH_TOKEN_AUTH' ? 'refresh' : 'sign-in',
  ),
  respondToAuthChallenge: op<RespondToAuthChallengeRequest, RespondToAuthChallengeResponse>('RespondToAuthChallenge', 'challenge'),
  signUp: op<SignUpRequest, SignUpResponse>('SignUp'),
  confirmSignUp: op<ConfirmSignUpRequest, ConfirmSignUpResponse>('ConfirmSignUp'),
  resendConfirmationCode: op<ResendConfirmationCodeRequest, ResendConfirmationCodeResponse>('ResendConfirmationCode'),
  forgotPassword: op<ForgotPasswordRequest, ForgotPasswordResponse>('ForgotPassword'),
  confirmForgotPassword: op<ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse>('ConfirmForgotPassword'),
  associateSoftwareToken: op<AssociateSoftwareTokenRequest, AssociateSoftwareTokenResponse>('AssociateSoftwareToken', challengeIfSession),
  verifySoftwareToken: op<VerifySoftwareTokenRequest, VerifySoftwareTokenResponse>('VerifySoftwareToken', challengeIfSession),
  setUserMfaPreference: op<SetUserMFAPreferenceRequest, SetUserMFAPreferenceResponse>('SetUserMFAPreference'),
  revokeToken: op<RevokeTokenRequest, RevokeTokenResponse>('RevokeToken'),
  globalSignOut: op<GlobalSignOutRequest, GlobalSignOutResponse>('GlobalSignOut'),
  getTokensFromRefreshToken: op<GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse>('GetTokensFromRefreshToken', 'refresh'),
  // Remembered devices and passkeys (issue 14): all with the signed-in user's access token.
  confirmDevice: op<ConfirmDeviceRequest, ConfirmDeviceResponse>('ConfirmDevice'),
  updateDeviceStatus: op<UpdateDeviceStatusRequest, UpdateDeviceStatusResponse>('UpdateDeviceStatus'),
  forgetDevice: op<ForgetDeviceRequest, ForgetDeviceResponse>('ForgetDevice'),
  startWebAuthnRegistration: op<StartWebAuthnRegistrationRequest, StartWebAuthnRegistrationResponse>('StartWebAuthnRegistration'),
  completeWebAuthnRegistration: op<CompleteWebAuthnRegistrationRequest, CompleteWebAuthnRegistrationResponse>('CompleteWebAuthnRegistration'),
  // The signed-in user's own account (src/account/), each with the user's AccessToken.
  getUser: op<GetUserRequest, GetUserResponse>('GetUser'),
  updateUserAttributes: op<UpdateUserAttributesRequest, UpdateUserAttributesResponse>('UpdateUserAttributes'),
  deleteUserAttributes: op<DeleteUserAttributesRequest, DeleteUserAttributesResponse>('DeleteUserAttributes'),
  verifyUserAttribute: op<VerifyUserAttributeRequest, VerifyUserAttributeResponse>('VerifyUserAttribute'),
  getUserAttributeVerificationCode: op<GetUserAttributeVerificationCodeRequest, GetUserAttributeVerificationCodeResponse>(
    'GetUserAttributeVerificationCode',
  ),
  // "Incorrect username or password." here is about the current password the user typed (see ErrorContext).
  changePassword: op<ChangePasswordRequest, ChangePasswordResponse>('ChangePassword', 'change-password'),
  deleteUser: op<DeleteUserRequest, DeleteUserResponse>('DeleteUser'),
  listWebAuthnCredentials: op<ListWebAuthnCredentialsRequest, ListWebAuthnCredentialsResponse>('ListWebAuthnCredentials'),
  deleteWebAuthnCredential: op<DeleteWebAuthnCredentialRequest, DeleteWebAuthnCredentialResponse>('DeleteWebAuthnCredential'),
  listDevices: op<ListDevicesRequest, ListDevicesResponse>('ListDevices'),
};

type Operations = typeof OPERATIONS;

/** An operation's method name on CognitoApi (`initiateAuth`, …). */
export type CognitoOperation = keyof Operations;

export type RequestOf<Op extends CognitoOperation> = Operations[Op] extends Operation<infer Request, infer _Response> ? Request : never;
export type ResponseOf<Op extends CognitoOperation> = Operations[Op] extends Operation<infer _Request, infer Response> ? Response : never;

type Methods = { [Op in CognitoOperation]: (input: RequestOf<Op>) => Promise<ResponseOf<Op>> };

/**
 * One async function per Cognito operation the flows use. This interface is the engine's seam: AuthFlow talks only
 * to it, the fetch-based implementation (client.ts) is the real one, and unit tests pass a recording fake. Every method
 * rejects with an AuthError (see errors.ts), never with a raw transport error.
 */
export interface CognitoApi extends Methods {}

/** What an exception from `operation` called with `input` means (see toAuthError). */
export function errorContextOf(operation: CognitoOperation, input: unknown): ErrorContext {
  const context = OPERATIONS[operation].context as (input: unknown) => ErrorContext;
  return context((input ?? {}) as never);
}
