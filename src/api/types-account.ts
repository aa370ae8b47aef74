// The signed-in user's own account (src/account/): shapes named as in the Cognito API reference (see types.ts).
import type { AttributeType, CodeDeliveryDetailsType } from './types.js';

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
