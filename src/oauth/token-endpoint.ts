import { authError, toAuthError } from '../errors.js';
import { tokensFrom, type Tokens } from '../session/tokens.js';
import { oauthError } from './callback.js';
import { installOAuthErrors } from './english.js';
import type { CodeGrant } from './pending.js';

// A refused exchange or refresh is an oauth-* error: its English comes with this chunk (a restored hosted session
// refreshes here without src/flow/hosted.ts).
installOAuthErrors();

interface TokenResponse {
  id_token?: unknown;
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  token_type?: unknown;
  error?: unknown;
  error_description?: unknown;
}

export interface TokenEndpointOptions {
  /** `https://<domain>`: the user pool's domain. */
  domain: string;
  clientId: string;
  fetch: typeof fetch;
  now: () => number;
  /** Milliseconds before a request is given up. */
  timeoutMs: number;
}

/** Cognito's /oauth2/token and /oauth2/revoke for one app client (a public client: no secret is sent). */
export class TokenEndpoint {
  readonly #o: TokenEndpointOptions;

  constructor(options: TokenEndpointOptions) {
    this.#o = options;
  }

  /** The code exchange (grant_type=authorization_code with the PKCE code_verifier). */
  async exchange(grant: CodeGrant): Promise<Tokens> {
    const body = await this.#token({
      grant_type: 'authorization_code',
      client_id: this.#o.clientId,
      code: grant.code,
      redirect_uri: grant.redirectUri,
      code_verifier: grant.verifier,
    });
    return this.#tokens(body);
  }

  /** grant_type=refresh_token; without a new refresh token in the answer, `refreshToken` is kept. */
  async refresh(refreshToken: string): Promise<Tokens> {
    const body = await this.#token({ grant_type: 'refresh_token', client_id: this.#o.clientId, refresh_token: refreshToken });
    return this.#tokens(body, refreshToken);
  }

  async revoke(refreshToken: string): Promise<void> {
    await this.#post('/oauth2/revoke', { token: refreshToken, client_id: this.#o.clientId });
  }

  #tokens(body: TokenResponse, previousRefreshToken?: string): Tokens {
    if (typeof body.id_token !== 'string' || typeof body.access_token !== 'string') {
      throw authError('server-error', { cognitoMessage: 'the token endpoint returned no id_token/access_token' });
    }
    return tokensFrom(
      {
        IdToken: body.id_token,
        AccessToken: body.access_token,
        RefreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
        ExpiresIn: typeof body.expires_in === 'number' ? body.expires_in : undefined,
        TokenType: typeof body.token_type === 'string' ? body.token_type : undefined,
      },
      this.#o.now(),
      previousRefreshToken,
    );
  }

  async #token(params: Record<string, string>): Promise<TokenResponse> {
    const response = await this.#post('/oauth2/token', params);
    let body: TokenResponse;
    try {
      body = (await response.json()) as TokenResponse;
    } catch (e) {
      throw authError('server-error', { status: response.status, cognitoMessage: e instanceof Error ? e.message : undefined });
    }
    if (typeof body !== 'object' || body === null) throw authError('server-error', { status: response.status });
    if (!response.ok || typeof body.error === 'string') {
      if (response.status >= 500) throw authError('server-error', { status: response.status });
      if (response.status === 429) throw authError('too-many-requests', { status: response.status });
      const description = typeof body.error_description === 'string' ? body.error_description : undefined;
      throw oauthError(typeof body.error === 'string' ? body.error : 'invalid_request', description, response.status);
    }
    return body;
  }

  async #post(path: string, params: Record<string, string>): Promise<Response> {
    const signal = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(this.#o.timeoutMs) : undefined;
    try {
      const response = await this.#o.fetch(`${this.#o.domain}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
        credentials: 'omit',
        cache: 'no-store',
        // Cognito's endpoints never redirect: a 307/308 would re-post the code and its verifier, or the refresh token,
        // wherever it pointed. And the page's address (which may still hold the callback) is not sent along.
        redirect: 'error',
        referrerPolicy: 'no-referrer',
        signal,
      });
      if (response.status >= 500) throw authError('server-error', { status: response.status });
      return response;
    } catch (e) {
      throw toAuthError(e);
    }
  }
}
