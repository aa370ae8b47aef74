// Tokens: issued on the double's clock, verified on every access-token call, revocable per sign-in and per user.
//
// Access tokens are JWTs signed with cognito-local's key (RS256, kid "CognitoLocal"; cognito-local serves its JWKS at
// /<UserPoolId>/.well-known/jwks.json and so does the double, which forwards it). cognito-local only decodes them; Cognito
// checks signature, expiry and revocation on every operation that takes an AccessToken and answers
// NotAuthorizedException "Invalid Access Token" / "Access Token has expired" / "Access Token has been revoked":
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html (NotAuthorizedException)
//   https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-verifying-a-jwt.html
//   https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
// Revocation follows the sign-in a token came from (its "family": the refresh token of that sign-in and every refresh
// token rotated out of it). RevokeToken revokes one family - its refresh token and the access tokens issued from it -
// GlobalSignOut every family of the user:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html
// New tokens after a refresh or an MFA_SETUP sign-in come from cognito-local's own generator (same claims, same key),
// run here on the double's clock, so an access token "expires" when the double's clock passes its exp.
import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { notAuthorized } from './errors.js';

const require = createRequire(import.meta.url);
const cognitoLocalDir = path.dirname(require.resolve('cognito-local/package.json'));
const { JwtTokenGenerator } = require(path.join(cognitoLocalDir, 'lib', 'services', 'tokenGenerator.js'));

export const INVALID_ACCESS = 'Invalid Access Token';
export const EXPIRED_ACCESS = 'Access Token has expired';
export const REVOKED_ACCESS = 'Access Token has been revoked';

function decode(token) {
  const parts = String(token ?? '').split('.');
  if (parts.length !== 3) return null;
  try {
    const json = (s) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
    return { header: json(parts[0]), claims: json(parts[1]), signed: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
  } catch {
    return null;
  }
}

/** The claims of a JWT, unverified (to find the pool or the user a token names before checking it). */
export const unverifiedClaims = (token) => decode(token)?.claims ?? null;

export function createTokens({ store, clock, upstream, issuerDomain }) {
  const keys = new Map(); // kid → KeyObject, from the JWKS cognito-local serves
  const families = new Map(); // refresh token → { family, poolId, clientId, username, deviceKey, spentAt }
  const origin = new Map(); // access-token jti → family
  const revoked = new Set(); // revoked families
  const byUser = new Map(); // "<poolId>/<username>" → Set of families

  /** The JWKS keys that may have signed a token with header `kid` (cognito-local signs its refresh tokens without one). */
  async function candidateKeys(poolId, kid) {
    if (keys.size === 0 || (kid !== undefined && !keys.has(kid))) {
      const res = await fetch(`${upstream}/${poolId}/.well-known/jwks.json`);
      for (const jwk of (await res.json()).keys ?? []) keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
    }
    return kid === undefined ? [...keys.values()] : [keys.get(kid)].filter(Boolean);
  }

  /** The verified claims of a JWT signed with the JWKS key of the pool it names, or null. */
  async function verified(token) {
    const jwt = decode(token);
    if (!jwt || jwt.header.alg !== 'RS256' || typeof jwt.claims.iss !== 'string') return null;
    const poolId = jwt.claims.iss.split('/').pop();
    if (jwt.claims.iss !== `${issuerDomain()}/${poolId}`) return null;
    try {
      await store.pool(poolId);
    } catch {
      return null;
    }
    const candidates = await candidateKeys(poolId, jwt.header.kid);
    if (!candidates.some((k) => verifySignature('RSA-SHA256', Buffer.from(jwt.signed), k, jwt.signature))) return null;
    return { ...jwt.claims, poolId };
  }

  const userKey = (poolId, username) => `${poolId}/${username}`;

  return {
    verified,
    /** The claims of a token the double has just received from cognito-local, with the pool they name (poolId). */
    unverified(token) {
      const claims = unverifiedClaims(token);
      return claims && { ...claims, poolId: String(claims.iss ?? '').split('/').pop() };
    },

    /** Checks an AccessToken as Cognito does before any operation that takes one; its claims (+ poolId) if valid. */
    async access(token) {
      const claims = await verified(token);
      if (!claims || claims.token_use !== 'access') throw notAuthorized(INVALID_ACCESS);
      if (typeof claims.exp !== 'number' || claims.exp * 1000 <= clock.now()) throw notAuthorized(EXPIRED_ACCESS);
      const family = origin.get(claims.jti);
      if (family !== undefined && revoked.has(family)) throw notAuthorized(REVOKED_ACCESS);
      return claims;
    },

    /**
     * Remembers the tokens of an AuthenticationResult the double passes on: a new RefreshToken starts a family (or,
     * rotated, continues `from`'s); the AccessToken belongs to that family. `deviceKey`: the device the session is bound to.
     */
    record(result, { from, deviceKey } = {}) {
      const claims = unverifiedClaims(result?.AccessToken);
      if (!claims) return;
      const poolId = String(claims.iss ?? '').split('/').pop();
      let family = from ? families.get(from)?.family : undefined;
      if (result.RefreshToken) {
        family ??= result.RefreshToken;
        families.set(result.RefreshToken, { family, poolId, clientId: claims.client_id, username: claims.username, deviceKey: deviceKey ?? (from ? families.get(from)?.deviceKey : undefined) });
        if (!byUser.has(userKey(poolId, claims.username))) byUser.set(userKey(poolId, claims.username), new Set());
        byUser.get(userKey(poolId, claims.username)).add(family);
      }
      if (family !== undefined) origin.set(claims.jti, family);
    },

    /** What the double knows about a refresh token (undefined if it never issued it). */
    refreshInfo: (token) => families.get(token),
    isRevoked: (token) => revoked.has(families.get(token)?.family),
    /** Rotation: the refresh token stops working (after the client's grace period). */
    spend(token) {
      const info = families.get(token);
      if (info && info.spentAt === undefined) info.spentAt = clock.now();
    },

    /** RevokeToken: the refresh token's family - it and every access token issued from it. */
    revoke(token) {
      const info = families.get(token);
      if (info) revoked.add(info.family);
    },
    /** GlobalSignOut: every family of the user. */
    revokeUser(poolId, username) {
      for (const family of byUser.get(userKey(poolId, username)) ?? []) revoked.add(family);
    },

    /** New ID, access (and, when asked, refresh) tokens for a user of cognito-local, on the double's clock. */
    async issue(user, client, { source = 'RefreshTokens' } = {}) {
      const { Groups = {} } = await store.pool(client.UserPoolId);
      const groups = Object.values(Groups)
        .filter((g) => Array.isArray(g.members) && g.members.includes(user.Username))
        .map((g) => g.GroupName)
        .sort((a, b) => a.localeCompare(b));
      const generator = new JwtTokenGenerator({ get: () => new Date(clock.now()) }, { enabled: () => false }, { IssuerDomain: issuerDomain() });
      return generator.generate({ logger: { debug() {}, info() {}, error() {} } }, user, groups, client, undefined, source);
    },
  };
}
