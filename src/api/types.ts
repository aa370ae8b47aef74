/**
 * The request and response shapes of the Cognito user pool operations the engine calls, named as in the Amazon Cognito
 * user pools API reference (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/). Requests
 * hold only the fields the engine sends; responses hold the documented fields. Optional fields are those the reference
 * does not mark required. Types only: nothing here is shipped as code, and no AWS SDK is needed to use them.
 */

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

// ---- the signed-in user's own account (src/account/; every request carries the user's AccessToken) --------------

/** An MFA factor's settings in SetUserMFAPreference (SMSMfaSettingsType, EmailMfaSettingsType). */
export interface MfaSettingsType {
  Enabled?: boolean;
  PreferredMfa?: boolean;
}

/** An MFA option of the legacy SMS settings, still returned by GetUser (MFAOptionType). */
export interface MFAOptionType {
  DeliveryMedium?: 'SMS' | 'EMAIL';
  AttributeName?: string;
}

/** The signed-in user's attributes and MFA settings. */
export interface GetUserRequest {
  AccessToken: string;
}

export interface GetUserResponse {
  Username: string;
  UserAttributes: AttributeType[];
  MFAOptions?: MFAOptionType[];
  /** `SMS_MFA`, `SOFTWARE_TOKEN_MFA` or `EMAIL_OTP`. */
  PreferredMfaSetting?: string;
  UserMFASettingList?: string[];
}

/** Changes attributes; a changed email or phone number is sent a code (CodeDeliveryDetailsList). */
export interface UpdateUserAttributesRequest {
  AccessToken: string;
  UserAttributes: AttributeType[];
  /** For the pool's Lambda triggers; added by src/api/request-extras.ts. */
  ClientMetadata?: Record<string, string>;
}

export interface UpdateUserAttributesResponse {
  CodeDeliveryDetailsList?: CodeDeliveryDetailsType[];
}

/** Removes attributes (a field the user cleared). */
export interface DeleteUserAttributesRequest {
  AccessToken: string;
  UserAttributeNames: string[];
}

/** An empty body: success is the answer. */
export interface DeleteUserAttributesResponse {}

/** Confirms an email address or phone number with the code Cognito sent. */
export interface VerifyUserAttributeRequest {
  AccessToken: string;
  AttributeName: string;
  Code: string;
}

/** An empty body: success is the answer. */
export interface VerifyUserAttributeResponse {}

/** Sends a code to verify an email address or phone number (again). */
export interface GetUserAttributeVerificationCodeRequest {
  AccessToken: string;
  AttributeName: string;
  /** For the pool's Lambda triggers; added by src/api/request-extras.ts. */
  ClientMetadata?: Record<string, string>;
}

export interface GetUserAttributeVerificationCodeResponse {
  CodeDeliveryDetails?: CodeDeliveryDetailsType;
}

/** Changes the signed-in user's password. */
export interface ChangePasswordRequest {
  AccessToken: string;
  PreviousPassword: string;
  ProposedPassword: string;
}

/** An empty body: success is the answer. */
export interface ChangePasswordResponse {}

/** Deletes the signed-in user. */
export interface DeleteUserRequest {
  AccessToken: string;
}

/** An empty body: success is the answer. */
export interface DeleteUserResponse {}

/** A passkey of the user (WebAuthnCredentialDescription). CreatedAt is in seconds since the epoch. */
export interface WebAuthnCredentialDescription {
  CredentialId: string;
  FriendlyCredentialName?: string;
  RelyingPartyId?: string;
  AuthenticatorAttachment?: string;
  AuthenticatorTransports?: string[];
  CreatedAt?: number;
}

export interface ListWebAuthnCredentialsRequest {
  AccessToken: string;
  NextToken?: string;
  MaxResults?: number;
}

export interface ListWebAuthnCredentialsResponse {
  Credentials: WebAuthnCredentialDescription[];
  NextToken?: string;
}

export interface DeleteWebAuthnCredentialRequest {
  AccessToken: string;
  CredentialId: string;
}

/** An empty body: success is the answer. */
export interface DeleteWebAuthnCredentialResponse {}

/**
 * A device of the user (DeviceType). `DeviceAttributes` hold `device_name`, `dev:device_remembered_status`
 * (`remembered` / `not_remembered`), `device_status`, `last_ip_used`; the dates are seconds since the epoch.
 */
export interface DeviceType {
  DeviceKey?: string;
  DeviceAttributes?: AttributeType[];
  DeviceCreateDate?: number;
  DeviceLastModifiedDate?: number;
  DeviceLastAuthenticatedDate?: number;
}

export interface ListDevicesRequest {
  AccessToken: string;
  Limit?: number;
  PaginationToken?: string;
}

export interface ListDevicesResponse {
  Devices?: DeviceType[];
  PaginationToken?: string;
}

// ForgetDevice and UpdateDeviceStatus: with ConfirmDevice below (remembered devices).

// ---- remembered devices (ConfirmDevice, UpdateDeviceStatus, ForgetDevice) --------------------------------------------

/** The SRP verifier of a device's random password (DeviceSecretVerifierConfigType), both base64. */
export interface DeviceSecretVerifierConfigType {
  PasswordVerifier?: string;
  Salt?: string;
}

/** Registers the device of NewDeviceMetadata for the signed-in user. */
export interface ConfirmDeviceRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceSecretVerifierConfig?: DeviceSecretVerifierConfigType;
  DeviceName?: string;
}

/** True where the pool lets users opt in: the device is remembered only after UpdateDeviceStatus `remembered`. */
export interface ConfirmDeviceResponse {
  UserConfirmationNecessary?: boolean;
}

export type DeviceRememberedStatusType = 'remembered' | 'not_remembered';

export interface UpdateDeviceStatusRequest {
  AccessToken: string;
  DeviceKey: string;
  DeviceRememberedStatus?: DeviceRememberedStatusType;
}

/** An empty body: success is the answer. */
export interface UpdateDeviceStatusResponse {}

export interface ForgetDeviceRequest {
  AccessToken?: string;
  DeviceKey: string;
}

/** An empty body: success is the answer. */
export interface ForgetDeviceResponse {}

// ---- passkeys (StartWebAuthnRegistration, CompleteWebAuthnRegistration) -----------------------------------------------

/** A JSON document as Cognito's `Document` members carry it (WebAuthn options and credentials). */
export type JsonDocument = { [key: string]: unknown };

export interface StartWebAuthnRegistrationRequest {
  AccessToken: string;
}

/** PublicKeyCredentialCreationOptionsJSON, as an object (not a string). */
export interface StartWebAuthnRegistrationResponse {
  CredentialCreationOptions?: JsonDocument;
}

/** The RegistrationResponseJSON of navigator.credentials.create, as an object. */
export interface CompleteWebAuthnRegistrationRequest {
  AccessToken: string;
  Credential: JsonDocument;
}

/** An empty body: success is the answer. */
export interface CompleteWebAuthnRegistrationResponse {}
