import type { AuthError } from '../errors.js';
import type { CodeDelivery, MfaType } from '../state/index.js';

// The account flow's state: what the `<cognito-account>` sections render. Each section is render(state.<section>,
// state.user) + intents; nothing here is ever a password, a code or a token.

/** The sections of the account page, each one element; also the key of its status in AccountState. */
export type AccountSection = 'profile' | 'password' | 'mfa' | 'passkeys' | 'devices' | 'sessions' | 'deleteAccount';

/** What an `account-updated` event says changed. */
export type AccountChange =
  | 'profile'
  | 'email-verified'
  | 'phone_number-verified'
  | 'password'
  | 'mfa'
  | 'passkeys'
  | 'devices'
  | 'deleted';

/** Messages a section shows after a success (translated by the elements as `account.notices.<notice>`). */
export type AccountNotice =
  | 'profile-saved'
  | 'code-sent'
  | 'attribute-verified'
  | 'password-changed'
  | 'mfa-updated'
  | 'totp-enabled'
  | 'passkey-added'
  | 'passkey-deleted'
  | 'device-forgotten'
  | 'device-updated';

/** What every section carries: busy while its request is in flight, the error or notice of its last intent. */
export interface SectionStatus {
  busy: boolean;
  error?: AuthError;
  notice?: AccountNotice;
}

/** The signed-in user as GetUser describes them. */
export interface AccountUser {
  /** Cognito's username (the `sub` in email or phone pools). */
  username: string;
  /** Every attribute Cognito returned, by name (`email`, `given_name`, `custom:tier`, `email_verified`, …). */
  attributes: Record<string, string>;
  /** The email address and phone number the user has but has not verified (a changed one, until its code is entered). */
  unverified: ('email' | 'phone_number')[];
  /** UserMFASettingList: the MFA methods turned on. */
  mfaEnabled: MfaType[];
  /** PreferredMfaSetting. */
  mfaPreferred?: MfaType;
}

/** A code was sent to verify an email address or phone number (UpdateUserAttributes or a resend). */
export interface PendingVerification {
  attribute: 'email' | 'phone_number';
  delivery?: CodeDelivery;
}

export interface ProfileState extends SectionStatus {
  /** The attributes the page lets the user edit (AccountOptions.attributes), in its order. */
  editable: string[];
  /** Codes sent and not yet entered. */
  verifying: PendingVerification[];
}

export interface MfaState extends SectionStatus {
  /** The MFA methods the page offers (AccountOptions.mfaTypes), those the pool allows. */
  available: MfaType[];
  /** Adding or replacing an authenticator app: the secret (for manual entry) and the otpauth:// URI for the QR code. */
  totpSetup?: { secret: string; uri: string };
}

/** A passkey (ListWebAuthnCredentials). */
export interface Passkey {
  id: string;
  name: string;
  /** When it was created, ms since the epoch. */
  createdAt?: number;
  relyingPartyId?: string;
  /** `platform` (built into this device) or `cross-platform` (a security key, a phone). */
  attachment?: string;
  transports?: string[];
}

export interface PasskeysState extends SectionStatus {
  /** Undefined until listed (`loadPasskeys`). */
  passkeys?: Passkey[];
  /** Whether this page can create passkeys (a registration function was given). */
  canAdd: boolean;
}

/** A device the user signed in on (ListDevices). */
export interface AccountDevice {
  key: string;
  /** `device_name` (the browser's user agent for devices Cognito's SDKs confirmed), or undefined. */
  name?: string;
  /** `dev:device_remembered_status`: a remembered device may skip MFA. */
  remembered: boolean;
  /** DeviceLastAuthenticatedDate, ms since the epoch. */
  lastUsed?: number;
  createdAt?: number;
  /** The device this browser is (the session's device key). */
  current: boolean;
}

export interface DevicesState extends SectionStatus {
  /** Undefined until listed (`loadDevices`). */
  devices?: AccountDevice[];
}

/**
 * The whole account page. `signed-out`: no one is signed in (or the session ended, `error` says why when it was not
 * the user's own sign-out): nothing is sent, every intent does nothing. `ready`: signed in; `user` is undefined until
 * GetUser answered (`load`, called by the first section that needs it).
 */
export interface AccountState {
  status: 'signed-out' | 'ready';
  /** Cognito's username of the signed-in user, '' when signed out. */
  username: string;
  user?: AccountUser;
  /** Why the page is signed out when that was not a plain sign-out (e.g. `session-revoked`). */
  error?: AuthError;
  profile: ProfileState;
  password: SectionStatus;
  mfa: MfaState;
  passkeys: PasskeysState;
  devices: DevicesState;
  sessions: SectionStatus;
  deleteAccount: SectionStatus;
}

/** Things that happen, for the elements to turn into DOM events (`cognito-account-updated`, `cognito-error`). */
export type AccountEvent =
  | { type: 'account-updated'; section: AccountChange; attributes?: string[] }
  | { type: 'error'; error: AuthError; section: AccountSection };
