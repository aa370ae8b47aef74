import type { AuthenticationResultType } from '../api/types.js';

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  tokenType: string;
  /** When the access and id tokens expire, in ms since the epoch of the local clock. */
  expiresAt: number;
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

/**
 * Turns an AuthenticationResult into tokens. Expiry comes from ExpiresIn counted from `now` on the local clock, so a
 * device whose clock is hours off still refreshes on time; when ExpiresIn is missing (cognito-local's refresh), the
 * lifetime is the token's own exp − iat, both of the server's clock.
 */
export function tokensFrom(result: AuthenticationResultType, now: number, previousRefreshToken?: string): Tokens {
  if (!result.IdToken || !result.AccessToken) throw new Error('Cognito returned no tokens');
  let lifetime = result.ExpiresIn;
  if (!lifetime) {
    const { exp, iat } = decodeJwt(result.AccessToken);
    lifetime = typeof exp === 'number' && typeof iat === 'number' && exp > iat ? exp - iat : 3600;
  }
  return {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    // REFRESH_TOKEN_AUTH answers without a refresh token unless rotation is on: keep the one we have.
    refreshToken: result.RefreshToken ?? previousRefreshToken,
    tokenType: result.TokenType ?? 'Bearer',
    expiresAt: now + lifetime * 1000,
  };
}

export function sessionFrom(tokens: Tokens): UserSession {
  const claims = decodeJwt(tokens.idToken);
  const username = String(claims['cognito:username'] ?? decodeJwt(tokens.accessToken).username ?? claims.sub ?? '');
  return { tokens, claims, username };
}
