// Refresh: REFRESH_TOKEN_AUTH, GetTokensFromRefreshToken (with refresh-token rotation) and RevokeToken.
//
// - A refresh token the double never issued, one issued to another app client, or one of a device-tracked session
//   presented without that session's DEVICE_KEY (devices.js): NotAuthorizedException "Invalid Refresh Token".
//   A revoked one (RevokeToken, GlobalSignOut): "Refresh Token has been revoked"; past its exp: "Refresh Token has expired".
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html (REFRESH_TOKEN_AUTH, DEVICE_KEY)
//   https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
// - Rotation (seed `refreshTokenRotation` on an app client: RefreshTokenRotation.Feature ENABLED): such a client cannot
//   list ALLOW_REFRESH_TOKEN_AUTH, so REFRESH_TOKEN_AUTH is refused as any flow the client does not allow
//   (InvalidParameterException); GetTokensFromRefreshToken returns new ID, access and refresh tokens and the old refresh
//   token stops working after RetryGracePeriodSeconds (0 unless seeded) - then RefreshTokenReuseException. Without
//   rotation GetTokensFromRefreshToken returns new ID and access tokens only:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RefreshTokenRotationType.html
//   https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
// - RevokeToken revokes the refresh token and the access tokens issued from it (tokens.js); an app client with a secret
//   needs its ClientSecret there and on GetTokensFromRefreshToken:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html
import { CognitoError, invalidParameter, notAuthorized } from './errors.js';

export const INVALID_REFRESH = 'Invalid Refresh Token';
export const REVOKED_REFRESH = 'Refresh Token has been revoked';
export const EXPIRED_REFRESH = 'Refresh Token has expired';

const rotates = (client) => client.RefreshTokenRotation?.Feature === 'ENABLED';
const UNIT_SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/** Seconds an access token of this client lives (AccessTokenValidity in TokenValidityUnits.AccessToken). */
export function accessTokenSeconds(client) {
  if (client?.AccessTokenValidity === undefined) return 3600;
  return client.AccessTokenValidity * (UNIT_SECONDS[client.TokenValidityUnits?.AccessToken ?? 'hours'] ?? 3600);
}

export function createRefresh({ store, clock, tokens }) {
  async function clientOf(clientId) {
    const client = await store.client(clientId);
    if (!client) throw new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
    return client;
  }

  /** An app client with a secret: the request must carry it (never the case for a browser). */
  function checkSecret(client, secret, failure) {
    if (client.ClientSecret && secret !== client.ClientSecret) throw failure(`Unable to verify secret hash for client ${client.ClientId}`);
  }

  /** The refresh token's record after every check both refresh calls share, and the user it belongs to. */
  async function usable(token, client, deviceKey, { reuse } = {}) {
    const info = token ? tokens.refreshInfo(token) : undefined;
    if (!info || info.clientId !== client.ClientId) throw notAuthorized(INVALID_REFRESH);
    if (tokens.isRevoked(token)) throw notAuthorized(REVOKED_REFRESH);
    const claims = await tokens.verified(token);
    if (!claims) throw notAuthorized(INVALID_REFRESH);
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= clock.now()) throw notAuthorized(EXPIRED_REFRESH);
    if (info.deviceKey && deviceKey !== info.deviceKey) throw notAuthorized(INVALID_REFRESH);
    if (info.spentAt !== undefined) {
      const grace = (client.RefreshTokenRotation?.RetryGracePeriodSeconds ?? 0) * 1000;
      if (clock.now() > info.spentAt + grace) throw reuse ?? notAuthorized(INVALID_REFRESH);
    }
    const user = await store.user(info.poolId, info.username);
    if (!user || user.Enabled === false) throw notAuthorized(INVALID_REFRESH);
    return { info, user };
  }

  /** New tokens from `token`; with `rotate`, a new refresh token too and the old one spent. */
  async function renew(token, client, user, rotate) {
    const issued = await tokens.issue(user, client);
    const result = { AccessToken: issued.AccessToken, ExpiresIn: accessTokenSeconds(client), IdToken: issued.IdToken, TokenType: 'Bearer' };
    if (rotate) {
      result.RefreshToken = issued.RefreshToken;
      tokens.record(result, { from: token });
      tokens.spend(token);
    } else {
      tokens.record(result, { from: token });
    }
    return result;
  }

  return {
    /** InitiateAuth REFRESH_TOKEN_AUTH (or REFRESH_TOKEN). */
    async initiate(req) {
      const client = await clientOf(req.ClientId);
      const flows = client.ExplicitAuthFlows ?? [];
      if (rotates(client) || (flows.length > 0 && !flows.includes('ALLOW_REFRESH_TOKEN_AUTH'))) {
        throw invalidParameter('REFRESH_TOKEN_AUTH flow not enabled for this client');
      }
      const token = req.AuthParameters?.REFRESH_TOKEN;
      if (!token) throw invalidParameter('Missing required parameter REFRESH_TOKEN');
      const { user } = await usable(token, client, req.AuthParameters?.DEVICE_KEY);
      return { ChallengeParameters: {}, AuthenticationResult: await renew(token, client, user, false) };
    },

    async getTokens(req) {
      const client = await clientOf(req.ClientId);
      checkSecret(client, req.ClientSecret, notAuthorized);
      if (!req.RefreshToken) throw invalidParameter('Missing required parameter RefreshToken');
      const reuse = new CognitoError('RefreshTokenReuseException', 'Refresh token has already been used.');
      const { user } = await usable(req.RefreshToken, client, req.DeviceKey, { reuse });
      return { AuthenticationResult: await renew(req.RefreshToken, client, user, rotates(client)) };
    },

    /**
     * RevokeToken. A token that is not a refresh token of this client changes nothing and is not an error, as OAuth
     * token revocation (RFC 7009) answers; the client secret, when the client has one, must be right.
     */
    async revoke(req) {
      const client = await clientOf(req.ClientId);
      checkSecret(client, req.ClientSecret, (message) => new CognitoError('UnauthorizedException', message));
      if (!req.Token) throw invalidParameter('Missing required parameter Token');
      if (tokens.refreshInfo(req.Token)?.clientId === client.ClientId) tokens.revoke(req.Token);
      return {};
    },
  };
}
