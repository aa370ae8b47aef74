import type { CognitoApi } from '../api/operations.js';
import type { AuthenticationResultType } from '../api/types.js';
import type { RefreshCall, RevokeTokenFn } from '../config.js';
import { authError, type AuthError } from '../errors.js';
import type { Clock } from './clock.js';
import { tokensFrom, type Tokens, type UserSession } from './tokens.js';

/** Where a session's tokens came from: Cognito's API (the user pool form) or the OAuth 2.0 endpoints (an IdP). */
export type TokenOrigin = 'cognito' | 'hosted';

/**
 * Renews and revokes the tokens of one origin: one refresher per refresh call. Failures are AuthErrors; transient ones
 * are retried by the SessionManager. The `hosted` one (/oauth2/token, /oauth2/revoke) is HostedSignIn's (src/oauth/).
 */
export interface TokenRefresher {
  /** Fresh tokens for the session's refresh token (without a new refresh token, the current one is kept). */
  refresh(session: UserSession): Promise<Tokens>;
  revoke(tokens: Tokens): Promise<unknown>;
}

export interface CognitoRefresherOptions {
  api: CognitoApi;
  clientId: string;
  clock: Clock;
  secretHash?: (username: string) => string | Promise<string>;
  /** Default `auto`: see RefreshCall (src/config.ts). */
  refreshCall?: RefreshCall;
  /** The page's server revokes instead of RevokeToken (clients with a secret). */
  revokeToken?: RevokeTokenFn;
}

/**
 * The exceptions an endpoint answers for an operation it does not know: Cognito's own (an endpoint from before
 * GetTokensFromRefreshToken), and cognito-local's `CognitoLocal#Unsupported`. Nothing else makes `auto` fall back: a
 * refusal of the refresh token must end the session, not be retried another way.
 */
const UNKNOWN_OPERATION = new Set(['UnknownOperationException', 'Unsupported']);

/**
 * Tokens from the user pool's own sign-in: renewed with GetTokensFromRefreshToken or InitiateAuth REFRESH_TOKEN_AUTH
 * (see RefreshCall), revoked with RevokeToken. Both send the device key where Cognito gave one.
 *
 * A client with a secret: GetTokensFromRefreshToken and RevokeToken need the secret itself (ClientSecret; RevokeToken
 * authenticates the client), which never belongs in a browser, so neither is sent. Refresh is REFRESH_TOKEN_AUTH with
 * SECRET_HASH (from the page's `secretHash`), and revocation is the page's `revokeToken` hook, or nothing: the tokens are
 * then forgotten on this device and the refresh token lapses at the end of its lifetime.
 */
export function cognitoRefresher(options: CognitoRefresherOptions): TokenRefresher {
  const { api, clientId, clock, secretHash, revokeToken } = options;
  let call: RefreshCall = secretHash ? 'REFRESH_TOKEN_AUTH' : (options.refreshCall ?? 'auto');

  const refreshTokenAuth = async (session: UserSession): Promise<AuthenticationResultType | undefined> => {
    const { refreshToken = '', deviceKey } = session.tokens;
    const params: Record<string, string> = { REFRESH_TOKEN: refreshToken };
    if (secretHash) params.SECRET_HASH = await secretHash(session.username);
    if (deviceKey) params.DEVICE_KEY = deviceKey;
    return (await api.initiateAuth({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: params })).AuthenticationResult;
  };

  const getTokens = async (session: UserSession): Promise<AuthenticationResultType | undefined> => {
    const { refreshToken = '', deviceKey } = session.tokens;
    const request = { ClientId: clientId, RefreshToken: refreshToken, ...(deviceKey ? { DeviceKey: deviceKey } : {}) };
    return (await api.getTokensFromRefreshToken(request)).AuthenticationResult;
  };

  const renew = async (session: UserSession): Promise<AuthenticationResultType | undefined> => {
    if (call === 'REFRESH_TOKEN_AUTH') return refreshTokenAuth(session);
    try {
      return await getTokens(session);
    } catch (e) {
      const name = (e as AuthError).cognitoName ?? '';
      // A rotated-out refresh token used again after the grace period: refused for good, never a blip to retry.
      if (name === 'RefreshTokenReuseException') throw authError('session-expired', { cognitoName: name });
      const unknown = UNKNOWN_OPERATION.has(name);
      // Chosen explicitly: not a failure to retry (it is a 4xx/5xx 'server-error' otherwise), the call can never work.
      if (unknown && call !== 'auto') throw authError('unsupported-operation', { cognitoName: name });
      if (!unknown) throw e;
      // This endpoint will never know it: REFRESH_TOKEN_AUTH from now on (it has no rotation to refuse us for).
      call = 'REFRESH_TOKEN_AUTH';
      return refreshTokenAuth(session);
    }
  };

  return {
    refresh: async (session) => {
      const result = await renew(session);
      if (!result) throw new Error('no tokens');
      const tokens = tokensFrom(result, clock.now(), session.tokens.refreshToken);
      // Neither refresh call returns NewDeviceMetadata: the device of the sign-in stays.
      const { deviceKey, deviceGroupKey } = session.tokens;
      return { ...tokens, ...(deviceKey ? { deviceKey } : {}), ...(deviceGroupKey ? { deviceGroupKey } : {}) };
    },
    revoke: async (tokens) => {
      if (!tokens.refreshToken) return;
      if (revokeToken) return revokeToken({ refreshToken: tokens.refreshToken, clientId });
      if (secretHash) return; // RevokeToken would be refused without the client secret: send nothing that must fail.
      return api.revokeToken({ ClientId: clientId, Token: tokens.refreshToken });
    },
  };
}
