import { parsePasswordPolicy, PasswordPolicyError, type PasswordPolicy, type PasswordPolicyType } from './password-policy.js';
// -- federation (issue 5): domain, redirect-uri, scopes, identity-providers, hide-native, idp-routing, logout-uri --
import { FederationConfigError, parseFederation, type FederationConfig, type FederationOptions } from './federation-config.js';
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

/** A configuration mistake, naming the attribute so the page author can fix it. */
export class ConfigError extends Error {
  readonly attribute: string;
  constructor(attribute: string, message: string) {
    super(`${attribute}: ${message}`);
    this.name = 'ConfigError';
    this.attribute = attribute;
  }
}

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

function list(value: string | readonly string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const items = typeof value === 'string' ? value.split(/[\s,]+/) : [...value];
  return items.map((s) => s.trim()).filter(Boolean);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

export function parseConfig(options: AuthOptions): AuthConfig {
  const userPoolId = options.userPoolId?.trim() ?? '';
  if (!userPoolId) throw new ConfigError('user-pool-id', 'is required (for example us-east-1_AbCdEf123)');
  const poolMatch = USER_POOL_ID.exec(userPoolId);
  if (!poolMatch) throw new ConfigError('user-pool-id', `"${userPoolId}" is not a user pool id (for example us-east-1_AbCdEf123)`);

  const clientId = options.clientId?.trim() ?? '';
  if (!clientId) throw new ConfigError('client-id', 'is required (the app client id of the user pool)');
  if (!CLIENT_ID.test(clientId)) throw new ConfigError('client-id', `"${clientId}" is not an app client id`);

  const region = options.region?.trim() || poolMatch[1]!;
  if (!REGION.test(region)) throw new ConfigError('region', `"${region}" is not an AWS region`);

  let endpoint: string | undefined;
  if (options.endpoint?.trim()) {
    let url: URL;
    try {
      url = new URL(options.endpoint.trim());
    } catch {
      throw new ConfigError('endpoint', `"${options.endpoint}" is not a URL`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
      throw new ConfigError('endpoint', 'must use https (http is allowed only for localhost)');
    }
    if (url.username || url.password) throw new ConfigError('endpoint', 'must not contain credentials');
    endpoint = url.href.replace(/\/$/, '');
  }

  const authFlow = (options.authFlow?.trim() || 'USER_SRP_AUTH') as AuthFlowType;
  if (authFlow !== 'USER_SRP_AUTH' && authFlow !== 'USER_PASSWORD_AUTH') {
    throw new ConfigError('auth-flow', `must be USER_SRP_AUTH or USER_PASSWORD_AUTH, not "${String(authFlow)}"`);
  }

  const usernameAttributes = list(options.usernameAttributes);
  for (const a of usernameAttributes) {
    if (a !== 'email' && a !== 'phone_number') {
      throw new ConfigError('username-attributes', `"${a}" is not allowed: use email, phone_number or both`);
    }
  }

  const signUpAttributes = [...new Set(list(options.signUpAttributes))];
  for (const a of signUpAttributes) {
    if (!(STANDARD_ATTRIBUTES as readonly string[]).includes(a) && !CUSTOM_ATTRIBUTE.test(a)) {
      throw new ConfigError('sign-up-attributes', `"${a}" is neither a standard Cognito attribute nor custom:<name>`);
    }
  }

  let passwordPolicy: PasswordPolicy;
  try {
    passwordPolicy = parsePasswordPolicy(options.passwordPolicy ?? undefined);
  } catch (e) {
    throw new ConfigError('password-policy', e instanceof PasswordPolicyError ? e.message.replace(/^password-policy /, '') : 'is not valid');
  }

  const storage = (options.storage?.trim() || 'local') as StorageKind;
  if (storage !== 'memory' && storage !== 'session' && storage !== 'local') {
    throw new ConfigError('storage', `must be memory, session or local, not "${String(storage)}"`);
  }

  const timeoutMs = options.timeoutMs ?? 15000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new ConfigError('timeout', 'must be a positive number of milliseconds');

  if (options.secretHash !== undefined && options.secretHash !== null && typeof options.secretHash !== 'function') {
    throw new ConfigError('secretHash', 'must be a function (username) => SECRET_HASH');
  }

  const refreshCall = (options.refreshCall?.trim() || 'auto') as RefreshCall;
  if (refreshCall !== 'auto' && refreshCall !== 'GetTokensFromRefreshToken' && refreshCall !== 'REFRESH_TOKEN_AUTH') {
    throw new ConfigError('refresh-call', `must be auto, GetTokensFromRefreshToken or REFRESH_TOKEN_AUTH, not "${String(refreshCall)}"`);
  }
  if (refreshCall === 'GetTokensFromRefreshToken' && options.secretHash) {
    throw new ConfigError(
      'refresh-call',
      'GetTokensFromRefreshToken needs the client secret itself, which never belongs in a browser: with secretHash, refresh uses REFRESH_TOKEN_AUTH',
    );
  }
  if (options.revokeToken !== undefined && options.revokeToken !== null && typeof options.revokeToken !== 'function') {
    throw new ConfigError('revokeToken', 'must be a function ({ refreshToken, clientId }) => Promise<void>');
  }

  const verifyAttributes = [...new Set(list(options.verifyAttributes))];
  for (const a of verifyAttributes) {
    if (a !== 'email' && a !== 'phone_number') {
      throw new ConfigError('verify-attributes', `"${a}" cannot be verified: use email, phone_number or both`);
    }
  }

  const signInMethods = [...new Set(list(options.signInMethods))] as SignInMethod[];
  for (const m of signInMethods) {
    if (!SIGN_IN_METHODS.includes(m)) throw new ConfigError('sign-in-methods', `"${m}" is not one of ${SIGN_IN_METHODS.join(', ')}`);
  }

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
    secretHash: options.secretHash ?? undefined,
    timeoutMs,
    totpIssuer: options.totpIssuer?.trim() || undefined,
    smsMfaSetup: options.smsMfaSetup ?? undefined,
    refreshCall,
    revokeToken: options.revokeToken ?? undefined,
    clientMetadata: parseClientMetadata(options.clientMetadata),
    userContextData: parseFunction(options.userContextData, 'userContextData', '(username) => EncodedData'),
    keepSignedIn: options.keepSignedIn === true && storage !== 'memory',
    signInMethods,
    passkeyPrompt: options.passkeyPrompt ?? signInMethods.includes('passkey'),
    passwordlessSignUp: options.passwordlessSignUp ?? (signInMethods.length > 0 && !signInMethods.includes('password')),
    verifyAttributes: verifyAttributes as UsernameAttribute[],
    verifyAttributesRequired: options.verifyAttributesRequired === true,
    federation: parseFederationOptions(options),
  };
}

// -- federation (issue 5) --
function parseFederationOptions(options: AuthOptions): FederationConfig | undefined {
  try {
    return parseFederation(options);
  } catch (e) {
    if (e instanceof FederationConfigError) throw new ConfigError(e.attribute, e.message);
    throw e;
  }
}
// -- end federation --

// -- ClientMetadata, threat protection data (issue 18) --
function parseFunction<F>(value: F | null | undefined, name: string, shape: string): F | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'function') throw new ConfigError(name, `must be a function ${shape}`);
  return value;
}

function parseClientMetadata(value: ClientMetadataOption | null | undefined): ClientMetadataOption | undefined {
  if (value === undefined || value === null || typeof value === 'function') return value ?? undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError('clientMetadata', 'must be an object of strings or a function');
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new ConfigError('clientMetadata', `"${k}" must be a string (Cognito's ClientMetadata holds strings only)`);
  }
  return { ...value };
}
