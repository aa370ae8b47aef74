import type { AuthenticationResultType } from '../api/types.js';

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  tokenType: string;
  /**
   * When the earlier of the access and ID tokens expires, in ms since the epoch of the local clock: an app client sets
   * their lifetimes separately, and the session is renewed before either one lapses.
   */
  expiresAt: number;
  /**
   * The device Cognito remembered at sign-in (NewDeviceMetadata), where the pool tracks devices: every refresh must
   * send its key, or Cognito refuses it. Kept beside the tokens so a restored session refreshes too.
   */
  deviceKey?: string;
  deviceGroupKey?: string;
}

/** The claims of an id token (or access token): standard OIDC claims plus Cognito's own. */
export type Claims = Record<string, unknown> & {
  sub?: string;
  email?: string;
  'cognito:username'?: string;
  exp?: number;
  iat?: number;
};

export interface UserSession {
  tokens: Tokens;
  /** Claims of the id token. */
  claims: Claims;
  /** Cognito's username (`cognito:username`), which for email or phone pools is the `sub`, not what the user typed. */
  username: string;
  /**
   * The tokens have expired and could not be renewed for a network reason (offline, timeout, server error): the user is
   * still signed in with the claims last known, the access token will be refused until a refresh succeeds. Absent on a
   * fresh session. A network failure never ends a session; only Cognito refusing the refresh token does.
   */
  stale?: true;
}

/** Decodes a JWT's payload. It does not verify the signature: the tokens came straight from Cognito over TLS. */
export function decodeJwt(token: string): Claims {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new Error('JWT payload is not an object');
  return claims as Claims;
}

/** A JWT's lifetime in seconds (exp − iat, both of the server's clock), or undefined when it cannot be read. */
function lifetimeOf(token: string): number | undefined {
  try {
    const { exp, iat } = decodeJwt(token);
    return typeof exp === 'number' && typeof iat === 'number' && exp > iat ? exp - iat : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Turns an AuthenticationResult into tokens. Expiry is counted from `now` on the local clock, so a device whose clock
 * is hours off still refreshes on time: the access token's lifetime is ExpiresIn (or, when missing, as in
 * cognito-local's refresh, its own exp − iat), the ID token's its exp − iat, and the earlier of the two ends decides.
 */
export function tokensFrom(result: AuthenticationResultType, now: number, previousRefreshToken?: string): Tokens {
  if (!result.IdToken || !result.AccessToken) throw new Error('Cognito returned no tokens');
  const access = result.ExpiresIn || lifetimeOf(result.AccessToken) || 3600;
  const id = lifetimeOf(result.IdToken) ?? access;
  const tokens: Tokens = {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    // Without rotation a refresh answers without a refresh token: keep the one we have.
    refreshToken: result.RefreshToken ?? previousRefreshToken,
    tokenType: result.TokenType ?? 'Bearer',
    expiresAt: now + Math.min(access, id) * 1000,
  };
  const device = result.NewDeviceMetadata;
  if (device?.DeviceKey) tokens.deviceKey = device.DeviceKey;
  if (device?.DeviceGroupKey) tokens.deviceGroupKey = device.DeviceGroupKey;
  return tokens;
}

export function sessionFrom(tokens: Tokens): UserSession {
  const claims = decodeJwt(tokens.idToken);
  const username = String(claims['cognito:username'] ?? decodeJwt(tokens.accessToken).username ?? claims.sub ?? '');
  return { tokens, claims, username };
}
