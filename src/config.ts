import { ConfigError, fail, fn, oneOf, webUrl, words } from './config-checks.js';
import { parsePasswordPolicy, PasswordPolicyError, type PasswordPolicy, type PasswordPolicyType } from './password-policy.js';
// -- federation (issue 5): domain, redirect-uri, scopes, identity-providers, hide-native, idp-routing, logout-uri --
import { parseFederation, type FederationConfig, type FederationOptions } from './federation-config.js';
// -- end federation --

export type AuthFlowType = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';
export type UsernameAttribute = 'email' | 'phone_number';
export type StorageKind = 'memory' | 'session' | 'local';
/** A way to sign in with USER_AUTH (choice-based sign-in), as the page lists them in `signInMethods`. */
export type SignInMethod = 'password' | 'email-otp' | 'sms-otp' | 'passkey';
const SIGN_IN_METHODS: readonly SignInMethod[] = ['password', 'email-otp', 'sms-otp', 'passkey'];

/** Computes Cognito's SECRET_HASH for an app client with a secret; the page computes it on its server. */
export type SecretHashFn = (username: string) => string | Promise<string>;

/**
 * What the SMS set-up hook is given. The user has no token yet, so the page's server must establish who is asking
 * before it adds anything: Cognito offers no call that tells a server whose MFA_SETUP Session it holds, so the proof
 * is the password the user just signed in with, checked on the server with AdminInitiateAuth (see the README's
 * "SMS MFA set-up during sign-in"). Never log or store any of it.
 */
export interface SmsMfaSetupRequest {
  /** Cognito's username for the user (USER_ID_FOR_SRP when Cognito gave one, else what the user typed). */
  username: string;
  /** E.164, e.g. `+14155550101`. */
  phoneNumber: string;
  /** The MFA_SETUP challenge's Session: evidence for logs and rate limits, never proof of who is asking by itself. */
  session: string;
  /** The password the user just signed in with, for the server to verify with AdminInitiateAuth before anything. */
  password: string;
}

/**
 * Cognito cannot add a phone number to an account that has not finished signing in; its MFA_SETUP guidance is to
 * "collect a phone_number attribute for the user, then restart the authentication flow". A page that offers SMS set-up
 * supplies this hook: its server verifies the caller (see SmsMfaSetupRequest), calls AdminUpdateUserAttributes, and the
 * flow then signs in again.
 */
export type SmsMfaSetupFn = (request: SmsMfaSetupRequest) => Promise<void>;

/**
 * How tokens are renewed. `auto` (the default) sends GetTokensFromRefreshToken, which works whether or not the app
 * client rotates refresh tokens, and falls back to InitiateAuth REFRESH_TOKEN_AUTH, for good, only when the endpoint
 * does not know the operation (an older emulator). With rotation on, Cognito refuses REFRESH_TOKEN_AUTH; a client with a
 * secret (`secretHash`) always uses REFRESH_TOKEN_AUTH, since GetTokensFromRefreshToken would need the secret itself.
 */
export type RefreshCall = 'auto' | 'GetTokensFromRefreshToken' | 'REFRESH_TOKEN_AUTH';

/**
 * Revokes a refresh token on the page's server, for app clients with a secret: Cognito's RevokeToken needs the client
 * secret, which never belongs in a browser. When set, sign-out calls it instead of sending RevokeToken.
 */
export type RevokeTokenFn = (request: { refreshToken: string; clientId: string }) => Promise<void>;

/** Key-value pairs for the pool's Lambda triggers (Cognito's `ClientMetadata`: strings only). */
export type ClientMetadata = Record<string, string>;
/**
 * ClientMetadata for every request that takes it (SignUp, InitiateAuth, …): an object, or a function asked per request
 * with the operation's name (`SignUp`, `InitiateAuth`, …).
 */
export type ClientMetadataOption = ClientMetadata | ((request: { operation: string }) => ClientMetadata | undefined | Promise<ClientMetadata | undefined>);
/**
 * Threat protection data for `username` (what AWS's collection script's `getData` returns); used instead of the
 * script. Undefined, empty or a failure: the request is sent without it.
 */
export type UserContextDataFn = (username: string) => string | undefined | Promise<string | undefined>;

/** Options as a page gives them: attribute strings or typed property values. */
export interface AuthOptions extends FederationOptions {
  userPoolId?: string | null;
  clientId?: string | null;
  region?: string | null;
  endpoint?: string | null;
  authFlow?: string | null;
  usernameAttributes?: string | readonly string[] | null;
  signUpAttributes?: string | readonly string[] | null;
  passwordPolicy?: string | PasswordPolicyType | null;
  storage?: string | null;
  secretHash?: SecretHashFn | null;
  /** Milliseconds before a Cognito request is given up (default 15000). */
  timeoutMs?: number | null;
  /** Issuer shown in authenticator apps for TOTP set-up (default: the page's host name). */
  totpIssuer?: string | null;
  smsMfaSetup?: SmsMfaSetupFn | null;
  /** How tokens are renewed (default `auto`); see RefreshCall. */
  refreshCall?: string | null;
  revokeToken?: RevokeTokenFn | null;
  /** ClientMetadata sent with every request that takes it, for the pool's Lambda triggers. */
  clientMetadata?: ClientMetadataOption | null;
  /** Threat protection data; default: AWS's collection script, when it is on the page. */
  userContextData?: UserContextDataFn | null;
  /**
   * Offer "Keep me signed in" on the sign-in form: ticked keeps the tokens in localStorage, unticked in
   * sessionStorage (this tab only). Ticked at first when `storage` is local (the default). Ignored for `memory`.
   */
  keepSignedIn?: boolean | null;
  /**
   * Choice-based sign-in (InitiateAuth USER_AUTH): the ways to offer, in the page's order (`password`, `email-otp`,
   * `sms-otp`, `passkey`). Absent or empty: the password form with `authFlow`, as before.
   */
  signInMethods?: string | readonly string[] | null;
  /** Offer "Create a passkey" after a sign-in without one (default: when `signInMethods` includes `passkey`). */
  passkeyPrompt?: boolean | null;
  /** SignUp without a password (default: when `signInMethods` is set and leaves out `password`). */
  passwordlessSignUp?: boolean | null;
  /**
   * Contact attributes to have verified right after sign-in: `email`, `phone_number` or both (default: none). A user
   * whose listed attribute is present but not verified sees the `verify-attributes` state (send code, enter code, skip).
   */
  verifyAttributes?: string | readonly string[] | null;
  /** With `verifyAttributes`: the user cannot skip (default false). */
  verifyAttributesRequired?: boolean | null;
}

export interface AuthConfig {
  userPoolId: string;
  clientId: string;
  region: string;
  endpoint?: string;
  authFlow: AuthFlowType;
  usernameAttributes: UsernameAttribute[];
  signUpAttributes: string[];
  passwordPolicy: PasswordPolicy;
  storage: StorageKind;
  secretHash?: SecretHashFn;
  timeoutMs: number;
  totpIssuer?: string;
  smsMfaSetup?: SmsMfaSetupFn;
  refreshCall: RefreshCall;
  revokeToken?: RevokeTokenFn;
  clientMetadata?: ClientMetadataOption;
  userContextData?: UserContextDataFn;
  /** Whether the sign-in form offers "Keep me signed in" (never with `memory` storage). */
  keepSignedIn: boolean;
  /** USER_AUTH methods in the page's order; empty: the password form (`authFlow`). */
  signInMethods: SignInMethod[];
  passkeyPrompt: boolean;
  passwordlessSignUp: boolean;
  /** Attributes to have verified after sign-in (empty: off). */
  verifyAttributes: UsernameAttribute[];
  verifyAttributesRequired: boolean;
  /** Sign-in through identity providers (OAuth 2.0 with the user pool domain); absent when not configured. */
  federation?: FederationConfig;
}

export { ConfigError };

const USER_POOL_ID = /^([a-z0-9-]+)_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;
const REGION = /^[a-z0-9-]{2,32}$/;

/** Cognito's standard attributes that a user may set at sign-up. */
export const STANDARD_ATTRIBUTES = [
  'address',
  'birthdate',
  'email',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'preferred_username',
  'profile',
  'website',
  'zoneinfo',
] as const;

// Cognito: "custom:" then a name of 1 to 20 characters.
const CUSTOM_ATTRIBUTE = /^custom:[\w-]{1,20}$/;
const CONTACT_ATTRIBUTES: readonly string[] = ['email', 'phone_number'];

export function parseConfig(options: AuthOptions): AuthConfig {
  const userPoolId = options.userPoolId?.trim() ?? '';
  if (!userPoolId) fail('user-pool-id', 'is required (for example us-east-1_AbCdEf123)');
  const poolMatch = USER_POOL_ID.exec(userPoolId);
  if (!poolMatch) fail('user-pool-id', `"${userPoolId}" is not a user pool id (for example us-east-1_AbCdEf123)`);

  const clientId = options.clientId?.trim() ?? '';
  if (!clientId) fail('client-id', 'is required (the app client id of the user pool)');
  if (!CLIENT_ID.test(clientId)) fail('client-id', `"${clientId}" is not an app client id`);

  const region = options.region?.trim() || poolMatch[1]!;
  if (!REGION.test(region)) fail('region', `"${region}" is not an AWS region`);

  const rawEndpoint = options.endpoint?.trim();
  const endpoint = rawEndpoint ? webUrl('endpoint', rawEndpoint).href.replace(/\/$/, '') : undefined;

  const authFlow = oneOf<AuthFlowType>('auth-flow', options.authFlow, ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'], 'USER_SRP_AUTH');
  const isContact = (a: string): boolean => CONTACT_ATTRIBUTES.includes(a);
  const usernameAttributes = words('username-attributes', options.usernameAttributes, isContact, 'is not allowed: use email, phone_number or both', true);
  const signUpAttributes = words(
    'sign-up-attributes',
    options.signUpAttributes,
    (a) => (STANDARD_ATTRIBUTES as readonly string[]).includes(a) || CUSTOM_ATTRIBUTE.test(a),
    'is neither a standard Cognito attribute nor custom:<name>',
  );

  let passwordPolicy: PasswordPolicy;
  try {
    passwordPolicy = parsePasswordPolicy(options.passwordPolicy ?? undefined);
  } catch (e) {
    fail('password-policy', e instanceof PasswordPolicyError ? e.message.replace(/^password-policy /, '') : 'is not valid');
  }

  const storage = oneOf<StorageKind>('storage', options.storage, ['memory', 'session', 'local'], 'local');

  const timeoutMs = options.timeoutMs ?? 15000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) fail('timeout', 'must be a positive number of milliseconds');

  const secretHash = fn('secretHash', options.secretHash, '(username) => SECRET_HASH');
  const refreshCall = oneOf<RefreshCall>('refresh-call', options.refreshCall, ['auto', 'GetTokensFromRefreshToken', 'REFRESH_TOKEN_AUTH'], 'auto');
  if (refreshCall === 'GetTokensFromRefreshToken' && secretHash) {
    fail(
      'refresh-call',
      'GetTokensFromRefreshToken needs the client secret itself, which never belongs in a browser: with secretHash, refresh uses REFRESH_TOKEN_AUTH',
    );
  }
  const revokeToken = fn('revokeToken', options.revokeToken, '({ refreshToken, clientId }) => Promise<void>');
  const verifyAttributes = words('verify-attributes', options.verifyAttributes, isContact, 'cannot be verified: use email, phone_number or both');
  const signInMethods = words(
    'sign-in-methods',
    options.signInMethods,
    (m) => (SIGN_IN_METHODS as readonly string[]).includes(m),
    `is not one of ${SIGN_IN_METHODS.join(', ')}`,
  ) as SignInMethod[];

  return {
    userPoolId,
    clientId,
    region,
    endpoint,
    authFlow,
    usernameAttributes: usernameAttributes as UsernameAttribute[],
    signUpAttributes,
    passwordPolicy,
    storage,
    secretHash,
    timeoutMs,
    totpIssuer: options.totpIssuer?.trim() || undefined,
    smsMfaSetup: options.smsMfaSetup ?? undefined,
    refreshCall,
    revokeToken,
    clientMetadata: parseClientMetadata(options.clientMetadata),
    userContextData: fn('userContextData', options.userContextData, '(username) => EncodedData'),
    keepSignedIn: options.keepSignedIn === true && storage !== 'memory',
    signInMethods,
    passkeyPrompt: options.passkeyPrompt ?? signInMethods.includes('passkey'),
    passwordlessSignUp: options.passwordlessSignUp ?? (signInMethods.length > 0 && !signInMethods.includes('password')),
    verifyAttributes: verifyAttributes as UsernameAttribute[],
    verifyAttributesRequired: options.verifyAttributesRequired === true,
    federation: parseFederation(options),
  };
}

// -- ClientMetadata, threat protection data (issue 18) --
function parseClientMetadata(value: ClientMetadataOption | null | undefined): ClientMetadataOption | undefined {
  if (value === undefined || value === null || typeof value === 'function') return value ?? undefined;
  if (typeof value !== 'object' || Array.isArray(value)) fail('clientMetadata', 'must be an object of strings or a function');
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') fail('clientMetadata', `"${k}" must be a string (Cognito's ClientMetadata holds strings only)`);
  }
  return { ...value };
}
