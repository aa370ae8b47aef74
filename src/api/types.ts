/**
 * The request and response shapes of the Cognito user pool operations the engine calls, named as in the Amazon Cognito
 * user pools API reference (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/). Requests
 * hold only the fields the engine sends; responses hold the documented fields. Optional fields are those the reference
 * does not mark required. Types only: nothing here is shipped as code, and no AWS SDK is needed to use them.
 */
import type { MfaSettingsType } from './types-account.js';

/** How InitiateAuth authenticates (AuthFlowType). */
export type AuthFlowType =
  | 'USER_SRP_AUTH'
  | 'REFRESH_TOKEN_AUTH'
  | 'REFRESH_TOKEN'
  | 'CUSTOM_AUTH'
  | 'ADMIN_NO_SRP_AUTH'
  | 'USER_PASSWORD_AUTH'
  | 'ADMIN_USER_PASSWORD_AUTH'
  | 'USER_AUTH';

/** The challenge Cognito asks the user to answer next (ChallengeNameType). */
export type ChallengeNameType =
  | 'SMS_MFA'
  | 'EMAIL_OTP'
  | 'SOFTWARE_TOKEN_MFA'
  | 'SELECT_MFA_TYPE'
  | 'MFA_SETUP'
  | 'PASSWORD_VERIFIER'
  | 'CUSTOM_CHALLENGE'
  | 'SELECT_CHALLENGE'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'
  | 'ADMIN_NO_SRP_AUTH'
  | 'NEW_PASSWORD_REQUIRED'
  | 'SMS_OTP'
  | 'PASSWORD'
  | 'WEB_AUTHN'
  | 'PASSWORD_SRP';

/** A user attribute, e.g. `{ Name: 'email', Value: 'a@example.com' }` (AttributeType). */
export interface AttributeType {
  Name: string;
  Value?: string;
}

/**
 * Threat protection (advanced security) context: `EncodedData` is what AWS's collection script
 * (`AmazonCognitoAdvancedSecurityData.getData`) returns (UserContextDataType).
 */
export interface UserContextDataType {
  IpAddress?: string;
  EncodedData?: string;
}

/** The device Cognito remembered at sign-in, when device tracking is on (NewDeviceMetadataType). */
export interface NewDeviceMetadataType {
  DeviceKey?: string;
  DeviceGroupKey?: string;
}

/** The tokens of a successful sign-in or refresh (AuthenticationResultType). ExpiresIn is in seconds. */
export interface AuthenticationResultType {
  AccessToken?: string;
  ExpiresIn?: number;
  TokenType?: string;
  RefreshToken?: string;
  IdToken?: string;
  NewDeviceMetadata?: NewDeviceMetadataType;
}

/** Where a confirmation or reset code was sent; Destination is masked, e.g. `a***@e***` (CodeDeliveryDetailsType). */
export interface CodeDeliveryDetailsType {
  Destination?: string;
  DeliveryMedium?: 'SMS' | 'EMAIL';
  AttributeName?: string;
}

/** Starts a sign-in (USER_SRP_AUTH, USER_PASSWORD_AUTH, …) or refreshes tokens (REFRESH_TOKEN_AUTH). */
export interface InitiateAuthRequest {
  AuthFlow: AuthFlowType;
  ClientId: string;
  AuthParameters?: Record<string, string>;
  /** USER_AUTH only: the Session of a ConfirmSignUp, to sign the new user in without a second code. */
  Session?: string;
  /** For the pool's Lambda triggers (see AuthOptions.clientMetadata); added by src/api/request-extras.ts. */
  ClientMetadata?: Record<string, string>;
  /** Threat protection data (AmazonCognitoAdvancedSecurityData); added by src/api/request-extras.ts. */
  UserContextData?: UserContextDataType;
}

/** Either tokens (AuthenticationResult) or the next challenge with its Session. */
export interface InitiateAuthResponse {
  ChallengeName?: ChallengeNameType;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResultType;
  AvailableChallenges?: ChallengeNameType[];
}

/** Answers the challenge named in the previous response. */
export interface RespondToAuthChallengeRequest {
  ClientId: string;
  ChallengeName: ChallengeNameType;
  Session?: string;
  ChallengeResponses?: Record<string, string>;
  /** For the pool's Lambda triggers (see AuthOptions.clientMetadata); added by src/api/request-extras.ts. */
  ClientMetadata?: Record<string, string>;
  /** Threat protection data (AmazonCognitoAdvancedSecurityData); added by src/api/request-extras.ts. */
  UserContextData?: UserContextDataType;
}

/** Either tokens (AuthenticationResult) or the next challenge with its Session. */
export interface RespondToAuthChallengeResponse {
  ChallengeName?: ChallengeNameType;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
  AuthenticationResult?: AuthenticationResultType;
  AvailableChallenges?: ChallengeNameType[];
}

/** Registers a user. */
export interface SignUpRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  Password?: string;
  UserAttributes?: AttributeType[];
  /** For the pool's Lambda triggers (see AuthOptions.clientMetadata); added by src/api/request-extras.ts. */
  ClientMetadata?: Record<string, string>;
  /** Threat protection data (AmazonCognitoAdvancedSecurityData); added by src/api/request-extras.ts. */
  UserContextData?: UserContextDataType;
}

export interface SignUpResponse {
  UserConfirmed: boolean;
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
  UserSub: string;
  Session?: string;
}

/** Confirms a registration with the code Cognito sent. */
export interface ConfirmSignUpRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  ConfirmationCode: string;
  /** The Session of the SignUp answer: ConfirmSignUp then returns one that signs the user in (USER_AUTH). */
  Session?: string;
  /** For the pool's Lambda triggers (see AuthOptions.clientMetadata); added by src/api/request-extras.ts. */
  ClientMetadata?: Record<string, string>;
  /** Threat protection data (AmazonCognitoAdvancedSecurityData); added by src/api/request-extras.ts. */
  UserContextData?: UserContextDataType;
}

export interface ConfirmSignUpResponse {
  Session?: string;
}

/** Sends the registration's confirmation code again. */
export interface ResendConfirmationCodeRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  /** For the pool's Lambda triggers (see AuthOptions.clientMetadata); added by src/api/request-extras.ts. */
  ClientMetadata?: Record<string, string>;
  /** Threat protection data (AmazonCognitoAdvancedSecurityData); added by src/api/request-extras.ts. */
  UserContextData?: UserContextDataType;
}

export interface ResendConfirmationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

/** Sends a password reset code. */
export interface ForgotPasswordRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  /** For the pool's Lambda triggers (see AuthOptions.clientMetadata); added by src/api/request-extras.ts. */
  ClientMetadata?: Record<string, string>;
  /** Threat protection data (AmazonCognitoAdvancedSecurityData); added by src/api/request-extras.ts. */
  UserContextData?: UserContextDataType;
}

export interface ForgotPasswordResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

/** Sets a new password with the reset code. */
export interface ConfirmForgotPasswordRequest {
  ClientId: string;
  SecretHash?: string;
  Username: string;
  ConfirmationCode: string;
  Password: string;
  /** For the pool's Lambda triggers (see AuthOptions.clientMetadata); added by src/api/request-extras.ts. */
  ClientMetadata?: Record<string, string>;
  /** Threat protection data (AmazonCognitoAdvancedSecurityData); added by src/api/request-extras.ts. */
  UserContextData?: UserContextDataType;
}

/** An empty body: success is the answer. */
export interface ConfirmForgotPasswordResponse {}

/** Starts TOTP set-up: for a signed-in user (AccessToken) or within MFA_SETUP (Session). */
export interface AssociateSoftwareTokenRequest {
  AccessToken?: string;
  Session?: string;
}

/** SecretCode is the TOTP secret (base32): show it once, never store it. */
export interface AssociateSoftwareTokenResponse {
  SecretCode?: string;
  Session?: string;
}

/** Checks a first code from the authenticator app. */
export interface VerifySoftwareTokenRequest {
  AccessToken?: string;
  Session?: string;
  UserCode: string;
  FriendlyDeviceName?: string;
}

export interface VerifySoftwareTokenResponse {
  Status?: 'SUCCESS' | 'ERROR';
  Session?: string;
}

/** Whether an MFA factor is on and preferred (SoftwareTokenMfaSettingsType). */
export interface SoftwareTokenMfaSettingsType {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

/** Sets the signed-in user's MFA preferences. */
export interface SetUserMFAPreferenceRequest {
  SMSMfaSettings?: MfaSettingsType;
  SoftwareTokenMfaSettings?: SoftwareTokenMfaSettingsType;
  EmailMfaSettings?: MfaSettingsType;
  AccessToken: string;
}

/** An empty body: success is the answer. */
export interface SetUserMFAPreferenceResponse {}

/** Revokes a refresh token and the tokens issued from it. */
export interface RevokeTokenRequest {
  Token: string;
  ClientId: string;
}

/** An empty body: success is the answer. */
export interface RevokeTokenResponse {}

/** Signs the user out of every device: revokes all their tokens. */
export interface GlobalSignOutRequest {
  AccessToken: string;
}

/** An empty body: success is the answer. */
export interface GlobalSignOutResponse {}

/**
 * Renews the tokens from a refresh token: new ID and access tokens, and a new refresh token when the app client rotates
 * them (then the one sent stops working after the client's grace period). The one refresh call that works with rotation
 * on and off. `ClientSecret` is left out on purpose: a client secret never belongs in a browser.
 */
export interface GetTokensFromRefreshTokenRequest {
  RefreshToken: string;
  ClientId: string;
  /** The device key from NewDeviceMetadata, required where the pool remembers devices. */
  DeviceKey?: string;
  /** For the pool's Lambda triggers; added by src/api/request-extras.ts. */
  ClientMetadata?: Record<string, string>;
}

/** The new tokens; RefreshToken only with rotation. NewDeviceMetadata is never returned here. */
export interface GetTokensFromRefreshTokenResponse {
  AuthenticationResult?: AuthenticationResultType;
}

// The signed-in user's account, remembered devices and passkeys, in files of their own.
export type * from './types-account.js';
export type * from './types-devices.js';
