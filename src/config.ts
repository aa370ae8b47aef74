import { parsePasswordPolicy, PasswordPolicyError, type PasswordPolicy, type PasswordPolicyType } from './password-policy.js';
// -- federation (issue 5): domain, redirect-uri, scopes, identity-providers, hide-native, idp-routing, logout-uri --
import { FederationConfigError, parseFederation, type FederationConfig, type FederationOptions } from './federation-config.js';
// -- end federation --

export type AuthFlowType = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';
export type UsernameAttribute = 'email' | 'phone_number';
export type StorageKind = 'memory' | 'session' | 'local';

/** Computes Cognito's SECRET_HASH for an app client with a secret; the page computes it on its server. */
export type SecretHashFn = (username: string) => string | Promise<string>;

/**
 * Cognito cannot add a phone number to an account that has not finished signing in; its MFA_SETUP guidance is to
 * "collect a phone_number attribute for the user, then restart the authentication flow". A page that offers SMS set-up
 * supplies this hook (its server calls AdminUpdateUserAttributes), and the flow then signs in again.
 */
export type SmsMfaSetupFn = (request: { username: string; phoneNumber: string }) => Promise<void>;

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
