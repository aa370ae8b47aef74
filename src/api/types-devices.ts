// Remembered devices and passkeys: shapes named as in the Cognito API reference (see types.ts).

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
