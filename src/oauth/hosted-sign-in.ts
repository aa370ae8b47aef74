import { authError } from '../errors.js';
import type { FederationConfig } from '../federation-config.js';
import type { TokenRefresher } from '../session/refreshers.js';
import { storageFor, type StorageLike } from '../session/storage.js';
import type { Tokens, UserSession } from '../session/tokens.js';
import { oauthError, parseCallback, type Callback } from './callback.js';
import { PendingStore, type CodeGrant } from './pending.js';
// Type only: PKCE, the authorize URL and the token endpoint come with grant.ts, loaded with import() (see #grant).
import type { TokenEndpoint, TokenEndpointOptions } from './token-endpoint.js';
import { logoutUrl } from './urls.js';

/**
 * Cognito's OAuth 2.0 endpoints, as its hosted UI uses them for SAML, OIDC and social providers: the authorization
 * code grant with PKCE (RFC 7636, S256 only), a 128-bit `state` kept with the verifier in sessionStorage and used
 * once, the code exchange and refresh at /oauth2/token, revocation at /oauth2/revoke, and the /logout URL.
 * No DOM here: the browser is reached through the seams in OAuthDeps.
 *
 * What a page must know synchronously (is this address a callback, is a sign-in pending, the logout URL) is here;
 * the rest (PKCE, the authorize URL, the token endpoint: grant.ts) is a chunk whose download starts when this is
 * built, so pages without identity providers never load it and `AuthFlow.hosted` stays synchronous.
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

/**
 * Where /oauth2/authorize sends the user; and, kept with the pending state and verifier (never sent), the "Keep me
 * signed in" box's value for the tokens that come back.
 */
/** Where to sign in, and what the pending record keeps for the way back (never sent): the box's value, the email typed. */
export type AuthorizeTarget = ({ identityProvider: string } | { idpIdentifier: string }) & { keepSignedIn?: boolean; email?: string };

/** The hosted (OAuth 2.0) side of sign-in for one app client: authorize, callback, token, refresh, revoke, logout. */
export class HostedSignIn {
  readonly config: FederationConfig;
  readonly clientId: string;
  readonly pending: PendingStore;
  readonly #crypto: Crypto;
  readonly #navigate: Navigate;
  readonly #endpointOptions: TokenEndpointOptions;
  #grantModule: Promise<typeof import('./grant.js')> | undefined;
  #endpoint: TokenEndpoint | undefined;

  constructor(clientId: string, config: FederationConfig, deps: OAuthDeps = {}) {
    this.clientId = clientId;
    this.config = config;
    this.pending = new PendingStore(deps.storage ?? storageFor('session'), clientId);
    this.#crypto = deps.crypto ?? globalThis.crypto;
    this.#navigate = deps.navigate ?? browserNavigate;
    this.#endpointOptions = {
      domain: config.domain,
      clientId,
      fetch: deps.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      now: deps.now ?? (() => Date.now()),
      timeoutMs: deps.timeoutMs ?? 15000,
    };
    // Fetched now, so it is there long before the user clicks a provider or the callback is redeemed. A failure
    // (offline) is not kept: the next use tries again and reports it there.
    void this.#grant().catch(() => undefined);
  }

  /** grant.ts, loaded once; a failed load is forgotten so the next call retries. */
  #grant(): Promise<typeof import('./grant.js')> {
    return (this.#grantModule ??= import('./grant.js').catch((e: unknown) => {
      this.#grantModule = undefined;
      throw e;
    }));
  }

  async #tokenEndpoint(): Promise<TokenEndpoint> {
    const { TokenEndpoint } = await this.#grant();
    return (this.#endpoint ??= new TokenEndpoint(this.#endpointOptions));
  }

  /** Stores a fresh state and verifier, then sends the browser to /oauth2/authorize. Resolves to the URL. */
  async begin(target: AuthorizeTarget, lang?: string): Promise<string> {
    const { prepareAuthorization } = await this.#grant();
    const { url, pending } = await prepareAuthorization({ clientId: this.clientId, config: this.config, crypto: this.#crypto, target, lang });
    this.pending.save(pending);
    this.#navigate(url);
    return url;
  }

  /**
   * The callback in `url`, when `url` is one (see parseCallback) and a sign-in started in this tab is waiting for it.
   * Without one it is nobody's callback (a link someone sent, a replayed or bookmarked address): it must not show an
   * error or stand in for the stored session, so it is not handled at all (see returnedTo).
   */
  callback(url: string): Callback | undefined {
    const callback = parseCallback(url, this.config.redirectUri);
    return callback && this.pending.has() ? callback : undefined;
  }

  /** Whether `url` is the redirect URI carrying callback parameters, pending or not: they leave the address bar. */
  returnedTo(url: string): boolean {
    return parseCallback(url, this.config.redirectUri) !== undefined;
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
    return { ...pending, code: callback.code };
  }

  /** The code exchange at /oauth2/token (grant_type=authorization_code with the PKCE code_verifier). */
  async exchange(grant: CodeGrant): Promise<Tokens> {
    return (await this.#tokenEndpoint()).exchange(grant);
  }

  /** Tokens of a hosted sign-in renew at /oauth2/token and are revoked at /oauth2/revoke. */
  readonly refresher: TokenRefresher = {
    refresh: async (session: UserSession): Promise<Tokens> => {
      const refreshToken = session.tokens.refreshToken;
      if (!refreshToken) throw authError('session-expired');
      return (await this.#tokenEndpoint()).refresh(refreshToken);
    },
    revoke: async (tokens: Tokens): Promise<void> => {
      if (!tokens.refreshToken) return;
      await (await this.#tokenEndpoint()).revoke(tokens.refreshToken);
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
}
