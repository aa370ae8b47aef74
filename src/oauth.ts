import { AuthError, authError, toAuthError, type AuthErrorCode } from './errors.js';
import type { FederationConfig } from './federation-config.js';
import type { TokenRefresher } from './session-manager.js';
import { MemoryStorage, storagePrefix, tokensFrom, type StorageLike, type Tokens, type UserSession } from './session.js';

/**
 * Cognito's OAuth 2.0 endpoints, as its hosted UI uses them for SAML, OIDC and social providers: the authorization
 * code grant with PKCE (RFC 7636, S256 only), a 128-bit `state` kept with the verifier in sessionStorage and used
 * once, the code exchange and refresh at /oauth2/token, revocation at /oauth2/revoke, and the /logout URL.
 * No DOM here: the browser is reached through the seams in OAuthDeps.
 */

/** Sends the browser somewhere (default: `location.assign`). Pages and tests replace it. */
export type Navigate = (url: string) => void;

export const browserNavigate: Navigate = (url) => {
  globalThis.location.assign(url);
};

export interface OAuthDeps {
  /** Used for /oauth2/token and /oauth2/revoke (default: the global fetch). */
  fetch?: typeof fetch;
  /** Where the pending state and verifier live until the user comes back (default: sessionStorage). */
  storage?: StorageLike;
  /** WebCrypto: random values and SHA-256 (default: globalThis.crypto). */
  crypto?: Crypto;
  navigate?: Navigate;
  now?: () => number;
  /** Milliseconds before a token request is given up. */
  timeoutMs?: number;
}

// ---- encoding and PKCE -----------------------------------------------------------------------------------------

export function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomBase64Url(crypto: Crypto, byteLength: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

/** A PKCE code_verifier: 32 random bytes, base64url (43 characters of the unreserved set, as RFC 7636 §4.1 asks). */
export function createCodeVerifier(crypto: Crypto = globalThis.crypto): string {
  return randomBase64Url(crypto, 32);
}

/** The S256 code_challenge: BASE64URL(SHA256(ASCII(code_verifier))) (RFC 7636 §4.2). */
export async function codeChallengeS256(verifier: string, crypto: Crypto = globalThis.crypto): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** A 128-bit random `state`, base64url (22 characters). */
export function createState(crypto: Crypto = globalThis.crypto): string {
  return randomBase64Url(crypto, 16);
}

// ---- URLs ------------------------------------------------------------------------------------------------------

export interface AuthorizeParams {
  domain: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  codeChallenge: string;
  /** `identity_provider`: go straight to this provider (Google, a SAML provider name, …). */
  identityProvider?: string;
  /** `idp_identifier`: let Cognito pick the provider that lists this identifier (an email domain). */
  idpIdentifier?: string;
  /** `lang`: the language of Cognito's pages, when set. */
  lang?: string;
}

function query(params: [string, string | undefined][]): string {
  return params
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

/** `<domain>/oauth2/authorize?…` for the authorization code grant with PKCE S256. */
export function authorizeUrl(p: AuthorizeParams): string {
  if (p.identityProvider && p.idpIdentifier) throw new Error('authorizeUrl: identity_provider or idp_identifier, not both');
  return `${p.domain}/oauth2/authorize?${query([
    ['response_type', 'code'],
    ['client_id', p.clientId],
    ['redirect_uri', p.redirectUri],
    ['scope', p.scopes.join(' ')],
    ['state', p.state],
    ['code_challenge', p.codeChallenge],
    ['code_challenge_method', 'S256'],
    ['identity_provider', p.identityProvider],
    ['idp_identifier', p.idpIdentifier],
    ['lang', p.lang],
  ])}`;
}

/** `<domain>/logout?client_id=…&logout_uri=…`: ends the session Cognito keeps on its domain. */
export function logoutUrl(p: { domain: string; clientId: string; logoutUri: string }): string {
  return `${p.domain}/logout?${query([
    ['client_id', p.clientId],
    ['logout_uri', p.logoutUri],
  ])}`;
}

// ---- the callback ------------------------------------------------------------------------------------------------

export type Callback =
  | { kind: 'code'; code: string; state: string }
  | { kind: 'error'; error: string; description?: string; state?: string };

/** Query parameters Cognito adds on the way back; removed from the address bar once read. */
export const CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri'] as const;

/**
 * What Cognito sent back, when `url` is the redirect URI (same origin and path) carrying `code` or `error`;
 * undefined for any other page, so a page's own `?code=` elsewhere is left alone.
 */
export function parseCallback(url: string, redirectUri: string): Callback | undefined {
  let here: URL;
  let target: URL;
  try {
    here = new URL(url);
    target = new URL(redirectUri);
  } catch {
    return undefined;
  }
  if (here.origin !== target.origin || here.pathname !== target.pathname) return undefined;
  const q = here.searchParams;
  const state = q.get('state') ?? undefined;
  const error = q.get('error');
  if (error !== null) return { kind: 'error', error, description: q.get('error_description') ?? undefined, state };
  const code = q.get('code');
  if (code !== null) return { kind: 'code', code, state: state ?? '' };
  return undefined;
}

/** `url` without the callback parameters, as a path for history.replaceState (other parameters and hash stay). */
export function cleanCallbackUrl(url: string): string {
  const u = new URL(url);
  for (const p of CALLBACK_PARAMS) u.searchParams.delete(p);
  return `${u.pathname}${u.search}${u.hash}`;
}

/** OAuth 2.0 error (RFC 6749 §4.1.2.1, §5.2) -> error code, for the authorize redirect and the token endpoint. */
const OAUTH_ERRORS: Record<string, AuthErrorCode> = {
  access_denied: 'oauth-access-denied',
  server_error: 'oauth-server-error',
  temporarily_unavailable: 'oauth-server-error',
  invalid_grant: 'oauth-invalid-grant',
  invalid_request: 'oauth-invalid-request',
  invalid_client: 'oauth-invalid-request',
  unauthorized_client: 'oauth-invalid-request',
  unsupported_response_type: 'oauth-invalid-request',
  unsupported_grant_type: 'oauth-invalid-request',
  invalid_scope: 'oauth-invalid-request',
};

/** An OAuth error as an AuthError: the server's `error` is kept as cognitoName, its description never shown alone. */
export function oauthError(error: string, description?: string, status?: number): AuthError {
  const code = OAUTH_ERRORS[error] ?? 'oauth-error';
  return authError(code, { cognitoName: error.slice(0, 64), cognitoMessage: description?.slice(0, 500), status });
}

// ---- the pending authorization -----------------------------------------------------------------------------------

export interface PendingAuthorization {
  state: string;
  verifier: string;
  /** The redirect_uri the authorize request named: the token request must name the same. */
  redirectUri: string;
}

/** Code grant ready to redeem: what the token request sends. Lives in memory only. */
export interface CodeGrant {
  code: string;
  verifier: string;
  redirectUri: string;
}

/** The one pending authorization of an app client, in sessionStorage (this tab only), taken out at most once. */
export class PendingStore {
  readonly #storage: StorageLike;
  readonly #key: string;

  constructor(storage: StorageLike, clientId: string) {
    this.#storage = storage;
    this.#key = `${storagePrefix(clientId)}oauth`;
  }

  get key(): string {
    return this.#key;
  }

  save(pending: PendingAuthorization): void {
    this.#storage.setItem(this.#key, JSON.stringify(pending));
  }

  /** Reads and removes the pending authorization: a state and verifier are never used twice. */
  take(): PendingAuthorization | undefined {
    let raw: string | null;
    try {
      raw = this.#storage.getItem(this.#key);
      this.#storage.removeItem(this.#key);
    } catch {
      return undefined;
    }
    if (!raw) return undefined;
    try {
      const p = JSON.parse(raw) as Partial<PendingAuthorization>;
      if (typeof p.state !== 'string' || typeof p.verifier !== 'string' || typeof p.redirectUri !== 'string') return undefined;
      if (!p.state || !p.verifier) return undefined;
      return { state: p.state, verifier: p.verifier, redirectUri: p.redirectUri };
    } catch {
      return undefined;
    }
  }
}

function sessionStorageOrMemory(): StorageLike {
  try {
    const s = globalThis.sessionStorage;
    const probe = '__cognito-elements-probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return new MemoryStorage();
  }
}

// ---- the client ----------------------------------------------------------------------------------------------------

export type AuthorizeTarget = { identityProvider: string } | { idpIdentifier: string };

interface TokenResponse {
  id_token?: unknown;
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  token_type?: unknown;
  error?: unknown;
  error_description?: unknown;
}

/** The hosted (OAuth 2.0) side of sign-in for one app client: authorize, callback, token, refresh, revoke, logout. */
export class HostedSignIn {
  readonly config: FederationConfig;
  readonly clientId: string;
  readonly pending: PendingStore;
  readonly #fetch: typeof fetch;
  readonly #crypto: Crypto;
  readonly #navigate: Navigate;
  readonly #now: () => number;
  readonly #timeoutMs: number;

  constructor(clientId: string, config: FederationConfig, deps: OAuthDeps = {}) {
    this.clientId = clientId;
    this.config = config;
    this.pending = new PendingStore(deps.storage ?? sessionStorageOrMemory(), clientId);
    this.#fetch = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#crypto = deps.crypto ?? globalThis.crypto;
    this.#navigate = deps.navigate ?? browserNavigate;
    this.#now = deps.now ?? (() => Date.now());
    this.#timeoutMs = deps.timeoutMs ?? 15000;
  }

  /** Stores a fresh state and verifier, then sends the browser to /oauth2/authorize. Resolves to the URL. */
  async begin(target: AuthorizeTarget, lang?: string): Promise<string> {
    const state = createState(this.#crypto);
    const verifier = createCodeVerifier(this.#crypto);
    const codeChallenge = await codeChallengeS256(verifier, this.#crypto);
    const { domain, redirectUri, scopes } = this.config;
    const url = authorizeUrl({
      domain,
      clientId: this.clientId,
      redirectUri,
      scopes,
      state,
      codeChallenge,
      identityProvider: 'identityProvider' in target ? target.identityProvider : undefined,
      idpIdentifier: 'idpIdentifier' in target ? target.idpIdentifier : undefined,
      lang: lang?.trim() || undefined,
    });
    this.pending.save({ state, verifier, redirectUri });
    this.#navigate(url);
    return url;
  }

  /** The callback in `url`, if `url` is one (see parseCallback). */
  callback(url: string): Callback | undefined {
    return parseCallback(url, this.config.redirectUri);
  }

  /**
   * Checks a callback against the pending authorization and consumes it, whatever the outcome: an error return, a
   * state that does not match, or no pending authorization at all (replayed link, another tab, cleared storage) each
   * throw, and nothing can be redeemed afterwards.
   */
  redeem(callback: Callback): CodeGrant {
    const pending = this.pending.take();
    if (callback.kind === 'error') throw oauthError(callback.error, callback.description);
    if (!pending) throw authError('oauth-missing-verifier');
    if (!callback.state || callback.state !== pending.state) throw authError('oauth-state-mismatch');
    if (!callback.code) throw authError('oauth-invalid-request');
    return { code: callback.code, verifier: pending.verifier, redirectUri: pending.redirectUri };
  }

  /** The code exchange at /oauth2/token (grant_type=authorization_code with the PKCE code_verifier). */
  async exchange(grant: CodeGrant): Promise<Tokens> {
    const body = await this.#token({
      grant_type: 'authorization_code',
      client_id: this.clientId,
      code: grant.code,
      redirect_uri: grant.redirectUri,
      code_verifier: grant.verifier,
    });
    return this.#tokens(body);
  }

  /** Tokens of a hosted sign-in renew at /oauth2/token and are revoked at /oauth2/revoke. */
  readonly refresher: TokenRefresher = {
    refresh: async (session: UserSession): Promise<Tokens> => {
      const refreshToken = session.tokens.refreshToken;
      if (!refreshToken) throw authError('session-expired');
      const body = await this.#token({ grant_type: 'refresh_token', client_id: this.clientId, refresh_token: refreshToken });
      return this.#tokens(body, refreshToken);
    },
    revoke: async (tokens: Tokens): Promise<void> => {
      if (!tokens.refreshToken) return;
      await this.#post('/oauth2/revoke', { token: tokens.refreshToken, client_id: this.clientId });
    },
  };

  /** `<domain>/logout?…` when `logout-uri` is configured. */
  logoutUrl(): string | undefined {
    const { domain, logoutUri } = this.config;
    return logoutUri ? logoutUrl({ domain, clientId: this.clientId, logoutUri }) : undefined;
  }

  /** Sends the browser to /logout (when configured). */
  logout(): boolean {
    const url = this.logoutUrl();
    if (url) this.#navigate(url);
    return Boolean(url);
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
      this.#now(),
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
    const signal = typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(this.#timeoutMs) : undefined;
    try {
      const response = await this.#fetch(`${this.config.domain}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(params).toString(),
        credentials: 'omit',
        cache: 'no-store',
        signal,
      });
      if (response.status >= 500) throw authError('server-error', { status: response.status });
      return response;
    } catch (e) {
      throw toAuthError(e);
    }
  }
}
