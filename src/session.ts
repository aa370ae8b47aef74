import type { AuthenticationResultType } from './cognito-types.js';
import type { StorageKind } from './config.js';

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

/** The subset of the Web Storage API the engine needs, so tests and memory storage need no page. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** Enumeration, as Web Storage has it: lets sign-out find every key the library wrote. */
  readonly length?: number;
  key?(index: number): string | null;
}

export class MemoryStorage implements StorageLike {
  readonly #items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, value);
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  get length(): number {
    return this.#items.size;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
}

/**
 * Removes every key this library wrote for `clientId` (tokens, how the session started, a pending OAuth sign-in) from
 * the page's local and session storage and from `extra` storages. Sign-out calls it, so nothing is left behind.
 */
export function clearLibraryKeys(clientId: string, extra: StorageLike[] = []): void {
  const prefix = storagePrefix(clientId);
  const areas: StorageLike[] = [...extra];
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    try {
      const area = globalThis[name];
      if (area) areas.push(area);
    } catch {
      // Blocked storage (sandboxed frames): nothing of ours can be there.
    }
  }
  for (const area of new Set(areas)) {
    try {
      if (typeof area.length !== 'number' || !area.key) continue;
      const ours: string[] = [];
      for (let i = 0; i < area.length; i++) {
        const key = area.key(i);
        if (key?.startsWith(prefix)) ours.push(key);
      }
      for (const key of ours) area.removeItem(key);
    } catch {
      // A storage that fails now fails for everyone; the tokens key was already cleared by the session.
    }
  }
}

/** The storage for a kind, falling back to memory where the page's storage is blocked (private modes, sandboxes). */
export function storageFor(kind: StorageKind): StorageLike {
  if (kind === 'memory') return new MemoryStorage();
  try {
    const storage = kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
    const probe = '__cognito-elements-probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return new MemoryStorage();
  }
}

/** Key prefix for everything the library stores: namespaced by app client so two clients on a page never collide. */
export function storagePrefix(clientId: string): string {
  return `cognito-elements.${clientId}.`;
}

/** The storage key under which a client's tokens are kept. */
export function tokensKey(clientId: string): string {
  return `${storagePrefix(clientId)}tokens`;
}

/**
 * Told of every write by any TokenStore on this page, so several authenticators (or flows) sharing one storage stay
 * in step: a sign-out in one signs the others out. Other tabs learn the same from the window's `storage` event.
 */
export const tokenChanges = new EventTarget();

export interface TokenChange {
  storage: StorageLike;
  key: string;
  source: TokenStore;
}

/** Reads and writes the tokens of one app client. Nothing but tokens is ever stored: never a password or a code. */
export class TokenStore {
  readonly #storage: StorageLike;
  readonly #key: string;

  constructor(storage: StorageLike, clientId: string) {
    this.#storage = storage;
    this.#key = tokensKey(clientId);
  }

  get key(): string {
    return this.#key;
  }

  /** Whether `change` is a write to the same tokens by another store. */
  concerns(change: TokenChange): boolean {
    return change.source !== this && change.storage === this.#storage && change.key === this.#key;
  }

  #changed(): void {
    tokenChanges.dispatchEvent(new CustomEvent<TokenChange>('change', { detail: { storage: this.#storage, key: this.#key, source: this } }));
  }

  load(): Tokens | undefined {
    let raw: string | null;
    try {
      raw = this.#storage.getItem(this.#key);
    } catch {
      return undefined;
    }
    if (!raw) return undefined;
    try {
      const t = JSON.parse(raw) as Partial<Tokens>;
      if (typeof t.idToken !== 'string' || typeof t.accessToken !== 'string' || typeof t.expiresAt !== 'number') {
        this.clear();
        return undefined;
      }
      return {
        idToken: t.idToken,
        accessToken: t.accessToken,
        refreshToken: typeof t.refreshToken === 'string' ? t.refreshToken : undefined,
        tokenType: typeof t.tokenType === 'string' ? t.tokenType : 'Bearer',
        expiresAt: t.expiresAt,
      };
    } catch {
      this.clear();
      return undefined;
    }
  }

  save(tokens: Tokens): void {
    try {
      this.#storage.setItem(this.#key, JSON.stringify(tokens));
    } catch {
      // Quota or a blocked storage: the session still works in memory for this page.
    }
    this.#changed();
  }

  clear(): void {
    try {
      this.#storage.removeItem(this.#key);
    } catch {
      // Nothing to clear where storage cannot be reached.
    }
    this.#changed();
  }
}
