import type { CognitoApi } from '../api/operations.js';
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

/** InitiateAuth REFRESH_TOKEN_AUTH to renew, RevokeToken to revoke: tokens from the user pool's own sign-in. */
export function refreshTokenAuth(options: {
  api: CognitoApi;
  clientId: string;
  clock: Clock;
  secretHash?: (username: string) => string | Promise<string>;
}): TokenRefresher {
  const { api, clientId, clock, secretHash } = options;
  return {
    refresh: async (session) => {
      const refreshToken = session.tokens.refreshToken ?? '';
      const params: Record<string, string> = { REFRESH_TOKEN: refreshToken };
      if (secretHash) params.SECRET_HASH = await secretHash(session.username);
      const response = await api.initiateAuth({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: params });
      if (!response.AuthenticationResult) throw new Error('no tokens');
      return tokensFrom(response.AuthenticationResult, clock.now(), refreshToken);
    },
    revoke: (tokens) => api.revokeToken({ ClientId: clientId, Token: tokens.refreshToken ?? '' }),
  };
}
