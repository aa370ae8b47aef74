import type { CognitoApi } from '../api/operations.js';
import type { Clock } from './clock.js';
import type { AuthError } from '../errors.js';
import type { SignOutReason } from '../state/index.js';
import { refreshTokenAuth, type TokenOrigin, type TokenRefresher } from './refreshers.js';
import { storagePrefix, type StorageLike } from './storage.js';
import type { TokenStore } from './token-store.js';
import { sessionFrom, type Tokens, type UserSession } from './tokens.js';

export type { TokenOrigin, TokenRefresher } from './refreshers.js';

export interface SessionManagerOptions {
  api: CognitoApi;
  store: TokenStore;
  clientId: string;
  clock: Clock;
  secretHash?: (username: string) => string | Promise<string>;
  /** Told when the session ends by itself (refresh refused, or expired with no way to refresh). */
  onEnded(reason: SignOutReason): void;
  onRefreshed(session: UserSession): void;
  /** How tokens of each origin renew and are revoked; `cognito` defaults to REFRESH_TOKEN_AUTH and RevokeToken. */
  refreshers?: Partial<Record<TokenOrigin, TokenRefresher>>;
  /** Keeps the origin of the stored tokens beside them, so a restored session refreshes the right way. */
  originStorage?: StorageLike;
}

// Refresh this long before expiry, or a quarter of the lifetime for short-lived tokens.
const REFRESH_LEAD_MS = 5 * 60 * 1000;
// Transient refresh failures are retried: at most this many tries, backing off from BASE, capped at MAX.
const REFRESH_TRIES = 4;
const BACKOFF_BASE_MS = 1000;
const BACKOFF_MAX_MS = 30000;

const TRANSIENT = new Set(['network', 'timeout', 'server-error', 'too-many-requests', 'limit-exceeded', 'concurrent-modification']);

/**
 * Owns the signed-in session: storage, the refresh timer, the refresh (by the refresher of the tokens' origin) with
 * backoff, and revocation.
 */
export class SessionManager {
  readonly #o: SessionManagerOptions;
  #session: UserSession | undefined;
  #timer: unknown;
  #refreshing: Promise<UserSession | undefined> | undefined;
  #origin: TokenOrigin = 'cognito';
  readonly #cognito: TokenRefresher;

  constructor(options: SessionManagerOptions) {
    this.#o = options;
    this.#cognito = refreshTokenAuth(options);
  }

  /** Where the current session's tokens came from. */
  get origin(): TokenOrigin {
    return this.#origin;
  }

  #refresher(): TokenRefresher {
    return this.#o.refreshers?.[this.#origin] ?? this.#cognito;
  }

  get #originKey(): string {
    return `${storagePrefix(this.#o.clientId)}token-origin`;
  }

  #loadOrigin(): TokenOrigin {
    try {
      return this.#o.originStorage?.getItem(this.#originKey) === 'hosted' ? 'hosted' : 'cognito';
    } catch {
      return 'cognito';
    }
  }

  #saveOrigin(origin: TokenOrigin): void {
    try {
      if (origin === 'hosted') this.#o.originStorage?.setItem(this.#originKey, origin);
      else this.#o.originStorage?.removeItem(this.#originKey);
    } catch {
      // Blocked storage: the origin is still known in memory for this page.
    }
  }

  get session(): UserSession | undefined {
    return this.#session;
  }

  /** Starts a session from fresh tokens: stores them and schedules the refresh. */
  start(tokens: Tokens, origin: TokenOrigin = 'cognito'): UserSession {
    this.#session = sessionFrom(tokens);
    this.#origin = origin;
    // Before the tokens: saving them tells other authenticators, which then read the origin too.
    this.#saveOrigin(origin);
    this.#o.store.save(tokens);
    this.#schedule();
    return this.#session;
  }

  /**
   * The stored session, refreshed first when it is about to expire; undefined when there is none or it cannot be
   * refreshed (then storage is cleared).
   */
  async restore(): Promise<UserSession | undefined> {
    const tokens = this.#o.store.load();
    if (!tokens) return undefined;
    let session: UserSession;
    try {
      session = sessionFrom(tokens);
    } catch {
      this.#o.store.clear();
      return undefined;
    }
    this.#session = session;
    this.#origin = this.#loadOrigin();
    if (tokens.expiresAt - this.#o.clock.now() > 60_000) {
      this.#schedule();
      return session;
    }
    return this.refresh();
  }

  /** REFRESH_TOKEN_AUTH now. Concurrent calls share one request. Ends the session when Cognito refuses. */
  refresh(): Promise<UserSession | undefined> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refresh(): Promise<UserSession | undefined> {
    const current = this.#session;
    const refreshToken = current?.tokens.refreshToken;
    if (!current || !refreshToken) {
      this.#end('expired');
      return undefined;
    }
    const origin = this.#origin;
    const refresher = this.#refresher();
    for (let attempt = 1; ; attempt++) {
      // Signed out (or in as someone else) during a backoff wait: send nothing more.
      if (this.#session !== current) return this.#session;
      try {
        const tokens = await refresher.refresh(current);
        // Signed out (or signed in as someone else) while the request was in flight: drop the answer.
        if (this.#session !== current) return this.#session;
        const session = this.start({ ...tokens, refreshToken: tokens.refreshToken ?? refreshToken }, origin);
        this.#o.onRefreshed(session);
        return session;
      } catch (e) {
        if (this.#session !== current) return this.#session;
        const code = (e as AuthError).code;
        if (!TRANSIENT.has(code) || attempt >= REFRESH_TRIES) {
          // Refused (revoked or expired refresh token) or still failing: sign out once, never loop.
          if (!TRANSIENT.has(code) || current.tokens.expiresAt <= this.#o.clock.now()) {
            this.#end('refresh-failed');
            return undefined;
          }
          // Still valid for a while: try again later instead of signing the user out over a blip.
          this.#schedule(Math.min(BACKOFF_MAX_MS * 2, current.tokens.expiresAt - this.#o.clock.now()));
          return current;
        }
        const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
        await new Promise<void>((resolve) => this.#o.clock.setTimeout(resolve, backoff / 2 + this.#o.clock.random() * (backoff / 2)));
      }
    }
  }

  #schedule(delay?: number): void {
    this.#clearTimer();
    const tokens = this.#session?.tokens;
    if (!tokens?.refreshToken) return;
    if (delay === undefined) {
      const lifetime = tokens.expiresAt - this.#o.clock.now();
      delay = lifetime - Math.min(REFRESH_LEAD_MS, lifetime / 4);
    }
    this.#timer = this.#o.clock.setTimeout(() => void this.refresh(), Math.max(0, delay));
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.#o.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #end(reason: SignOutReason): void {
    this.clear();
    this.#o.onEnded(reason);
  }

  /** Forgets the session locally: timer, memory and storage. Never touches the network, so it cannot fail. */
  clear(): Tokens | undefined {
    const tokens = this.#session?.tokens;
    this.#clearTimer();
    this.#session = undefined;
    this.#origin = 'cognito';
    this.#saveOrigin('cognito');
    this.#o.store.clear();
    return tokens;
  }

  /**
   * Signs out: clears locally first (so a dead network can never keep a user signed in), then revokes the refresh
   * token and, when `global` and the access token may, signs out every device. Network failures are ignored.
   */
  async signOut(global: boolean): Promise<void> {
    const refresher = this.#refresher();
    const tokens = this.clear();
    if (!tokens) return;
    const calls: Promise<unknown>[] = [];
    if (tokens.refreshToken) calls.push(refresher.revoke(tokens));
    if (global) calls.push(this.#o.api.globalSignOut({ AccessToken: tokens.accessToken }));
    await Promise.allSettled(calls);
  }

  /**
   * Brings this manager in step with storage after another authenticator or tab wrote it: their sign-out ends this
   * session (`onEnded('other-tab')`), their sign-in or refresh is adopted. Returns the session when one was adopted.
   */
  sync(): UserSession | undefined {
    const stored = this.#o.store.load();
    if (!stored) {
      if (this.#session) {
        this.#clearTimer();
        this.#session = undefined;
        this.#o.onEnded('other-tab');
      }
      return undefined;
    }
    if (this.#session?.tokens.accessToken === stored.accessToken) return undefined;
    try {
      this.#session = sessionFrom(stored);
    } catch {
      return undefined;
    }
    this.#origin = this.#loadOrigin();
    this.#schedule();
    return this.#session;
  }

  dispose(): void {
    this.#clearTimer();
  }
}
