import type { CognitoApi } from '../api/operations.js';
import type { RefreshCall, RevokeTokenFn } from '../config.js';
import type { Clock } from './clock.js';
import type { AuthError } from '../errors.js';
import type { SignOutReason } from '../state/index.js';
import { cognitoRefresher, type TokenOrigin, type TokenRefresher } from './refreshers.js';
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
  /** Which call renews Cognito's tokens (default `auto`, see RefreshCall). */
  refreshCall?: RefreshCall;
  /** Revokes a refresh token on the page's server instead of RevokeToken (clients with a secret). */
  revokeToken?: RevokeTokenFn;
  /** Whether the browser believes it is online: while it does not, no refresh is sent and the tokens are kept. */
  isOnline?: () => boolean;
  /** Told when the session ends by itself (refresh refused, or expired with no way to refresh). */
  onEnded(reason: SignOutReason): void;
  onRefreshed(session: UserSession): void;
  /** Told when expired tokens are kept because the refresh failed for a network reason (`session.stale`). */
  onStale?(session: UserSession): void;
  /** How tokens of each origin renew and are revoked; `cognito` defaults to cognitoRefresher (refreshers.ts). */
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
// After the tries above still fail for a network reason, the next attempt comes this much later (or at expiry).
const RETRY_LATER_MS = 2 * BACKOFF_MAX_MS;

const TRANSIENT = new Set(['network', 'timeout', 'server-error', 'too-many-requests', 'limit-exceeded', 'concurrent-modification']);

/**
 * Owns the signed-in session: storage, the refresh timer, the refresh (by the refresher of the tokens' origin) with
 * backoff, and revocation. Only Cognito refusing the refresh token ends a session: a network failure keeps the tokens
 * (expired ones as a `stale` session) and tries again later.
 */
export class SessionManager {
  readonly #o: SessionManagerOptions;
  #session: UserSession | undefined;
  #timer: unknown;
  #refreshing: Promise<UserSession | undefined> | undefined;
  #origin: TokenOrigin = 'cognito';
  /** Whether storage holds what this manager wrote (false where writes fail): then it tells of other tabs' writes. */
  #persisted = false;
  readonly #cognito: TokenRefresher;

  constructor(options: SessionManagerOptions) {
    this.#o = options;
    this.#cognito = cognitoRefresher(options);
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
    this.#persisted = this.#o.store.load()?.accessToken === tokens.accessToken;
    this.#schedule();
    return this.#session;
  }

  /**
   * The stored session, refreshed first when it is about to expire; undefined when there is none or Cognito refused
   * its refresh token (then storage is cleared). Offline, or on any other network failure, the stored session is kept
   * (`stale` once expired) and refreshed later: a page opened offline still knows who is signed in.
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
    this.#persisted = true;
    this.#origin = this.#loadOrigin();
    if (tokens.expiresAt - this.#o.clock.now() > 60_000) {
      this.#schedule();
      return session;
    }
    return this.refresh();
  }

  /**
   * Renews the tokens now (the page calls it when back online, too). Concurrent calls share one request. Ends the
   * session only when Cognito refuses the refresh token.
   */
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
      // Known to be offline: a request would only fail. Keep the tokens and wait for the network.
      if (this.#o.isOnline?.() === false) return this.#keep(current);
      try {
        const tokens = await refresher.refresh(current);
        // Signed out (or signed in as someone else) while the request was in flight, here or in another tab whose
        // `storage` event has not arrived yet: drop the answer, or it would sign this user back in everywhere.
        if (this.#session !== current || this.#changedElsewhere(current)) return this.#session;
        const session = this.start({ ...tokens, refreshToken: tokens.refreshToken ?? refreshToken }, origin);
        this.#o.onRefreshed(session);
        return session;
      } catch (e) {
        // The same, and a refusal must not clear tokens another tab has written since.
        if (this.#session !== current || this.#changedElsewhere(current)) return this.#session;
        if (!TRANSIENT.has((e as AuthError).code)) {
          // Refused (revoked or expired refresh token): sign out once, never loop.
          this.#end('refresh-failed');
          return undefined;
        }
        const backoff = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
        // Waiting in here is worth it only while the tokens still work: expired ones are kept (stale) at once.
        if (attempt >= REFRESH_TRIES || current.tokens.expiresAt <= this.#o.clock.now() + backoff) return this.#keep(current);
        await new Promise<void>((resolve) => this.#o.clock.setTimeout(resolve, backoff / 2 + this.#o.clock.random() * (backoff / 2)));
      }
    }
  }

  /**
   * A refresh failed for a network reason: the tokens stay (a network failure never deletes them), marked stale once
   * expired, and the next try is scheduled.
   */
  #keep(current: UserSession): UserSession {
    const left = current.tokens.expiresAt - this.#o.clock.now();
    let session = current;
    if (left <= 0 && !current.stale) {
      session = { ...current, stale: true };
      this.#session = session;
      this.#o.onStale?.(session);
    }
    this.#schedule(left > 0 ? Math.min(RETRY_LATER_MS, left) : RETRY_LATER_MS);
    return session;
  }

  /** Whether another tab replaced or removed the stored tokens since `current` was stored. */
  #changedElsewhere(current: UserSession): boolean {
    return this.#persisted && this.#o.store.load()?.accessToken !== current.tokens.accessToken;
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
   * Signs out: clears locally first (so a dead network can never keep a user signed in), then, when `global`, sends
   * GlobalSignOut, and then revokes this refresh token. GlobalSignOut goes first and alone: RevokeToken also revokes
   * the access token GlobalSignOut is authorised by. Rejects with GlobalSignOut's failure (other devices may still be
   * signed in); a failed revocation is not reported, as nothing on this device can use the token any more.
   */
  async signOut(global: boolean): Promise<void> {
    const refresher = this.#refresher();
    const tokens = this.clear();
    if (!tokens) return;
    let failure: unknown;
    if (global) {
      try {
        await this.#o.api.globalSignOut({ AccessToken: tokens.accessToken });
      } catch (e) {
        failure = e;
      }
    }
    // Revoked also when GlobalSignOut failed: this refresh token must not outlive the sign-out.
    if (tokens.refreshToken) await Promise.resolve(tokens).then((t) => refresher.revoke(t)).catch(() => undefined);
    if (failure !== undefined) throw failure;
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
    this.#persisted = true;
    this.#origin = this.#loadOrigin();
    this.#schedule();
    return this.#session;
  }

  dispose(): void {
    this.#clearTimer();
  }
}
