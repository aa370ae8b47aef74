/**
 * cognito-elements/engine: the framework-free sign-in engine. Importing it registers no element and has no side
 * effects, so it tree-shakes into any app (or a server-rendered one) on its own.
 */
export { AuthFlow, type FlowDeps } from './flow/auth-flow.js';
export type { AuthState, FlowEvent, Notice, Screen, SignOutReason, Status } from './state/index.js';
export type { ChallengeStep, CodeDelivery, MfaType } from './state/index.js';
export type { VerifiableAttribute, VerifyAttributesState } from './state/index.js';
// The signed-in user's own account (issue 15): the engine of <cognito-account>. Nothing in the authenticator imports it.
export {
  AccountFlow,
  ACCOUNT_SECTIONS,
  type AccountChange,
  type AccountDeps,
  type AccountDevice,
  type AccountEvent,
  type AccountNotice,
  type AccountOptions,
  type AccountSection,
  type AccountState,
  type AccountUser,
  type ChangePasswordInput,
  type DevicesState,
  type MfaState,
  type Passkey,
  type PasskeysState,
  type PendingVerification,
  type ProfileInput,
  type ProfileState,
  type RegisterPasskeyFn,
  type SectionStatus,
} from './account/index.js';
export { otpauthUri } from './flow/mfa-setup.js';
export {
  parseConfig,
  ConfigError,
  STANDARD_ATTRIBUTES,
  type AuthConfig,
  type AuthOptions,
  type AuthFlowType,
  type SecretHashFn,
  type SmsMfaSetupFn,
  type SmsMfaSetupRequest,
  type StorageKind,
  type UsernameAttribute,
} from './config.js';
export { AuthError, type AuthErrorCode } from './errors.js';
export { authError, toAuthError } from './engine-errors.js';
export { createCognitoApi, preloadSdk, type CognitoApi, type CognitoOperation } from './api/client.js';
export {
  parsePasswordPolicy,
  checkPassword,
  isPasswordValid,
  DEFAULT_PASSWORD_POLICY,
  COGNITO_SYMBOLS,
  type PasswordPolicy,
  type PasswordPolicyType,
  type PasswordCheck,
  type PasswordRule,
} from './password-policy.js';
export {
  decodeJwt,
  MemoryStorage,
  storageFor,
  storagePrefix,
  TokenStore,
  type Claims,
  type StorageLike,
  type Tokens,
  type UserSession,
} from './session/index.js';
export { systemClock, type Clock } from './session/clock.js';
export { createSrpSession } from './crypto/srp-user.js';
// Choice-based sign-in, passkeys, remembered devices (issue 14). The WebAuthn seam's DOM implementation is exported for
// pages that build an AuthFlow themselves; the element loads it with import() on first use.
export type { PasskeyPromptState, SignInCodeState, SignInMethod, SignInMethodState, SignInPasswordState } from './state/index.js';
export { createBrowserWebAuthn, WebAuthnFailure, type WebAuthnFailureReason, type WebAuthnJson, type WebAuthnSeam } from './crypto/webauthn.js';
export type { DeviceRecord } from './session/device-store.js';
