import { StoredJson, tokensKey, type StorageLike } from './storage.js';
import type { Tokens } from './tokens.js';

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

function parseTokens(t: Record<string, unknown>): Tokens | undefined {
  if (typeof t.idToken !== 'string' || typeof t.accessToken !== 'string' || typeof t.expiresAt !== 'number') return undefined;
  const tokens: Tokens = {
    idToken: t.idToken,
    accessToken: t.accessToken,
    refreshToken: typeof t.refreshToken === 'string' ? t.refreshToken : undefined,
    tokenType: typeof t.tokenType === 'string' ? t.tokenType : 'Bearer',
    expiresAt: t.expiresAt,
  };
  // Only where the pool tracks devices, so stored tokens of other pools read back exactly as they were.
  if (typeof t.deviceKey === 'string') tokens.deviceKey = t.deviceKey;
  if (typeof t.deviceGroupKey === 'string') tokens.deviceGroupKey = t.deviceGroupKey;
  return tokens;
}

/**
 * Reads and writes the tokens of one app client (with the device key Cognito gave them, where it tracks devices).
 * Nothing but tokens is ever stored: never a password or a code.
 */
export class TokenStore {
  readonly #stored: StoredJson<Tokens>;

  constructor(storage: StorageLike, clientId: string) {
    // Unreadable tokens are cleared like a sign-out, so other authenticators on the page hear of it.
    this.#stored = new StoredJson(storage, tokensKey(clientId), parseTokens, () => this.clear());
  }

  get key(): string {
    return this.#stored.key;
  }

  /** Whether `change` is a write to the same tokens by another store. */
  concerns(change: TokenChange): boolean {
    return change.source !== this && change.storage === this.#stored.storage && change.key === this.#stored.key;
  }

  #changed(): void {
    const detail: TokenChange = { storage: this.#stored.storage, key: this.#stored.key, source: this };
    tokenChanges.dispatchEvent(new CustomEvent<TokenChange>('change', { detail }));
  }

  load(): Tokens | undefined {
    return this.#stored.read();
  }

  save(tokens: Tokens): void {
    try {
      this.#stored.write(tokens);
    } catch {
      // Quota or a blocked storage: the session still works in memory for this page.
    }
    this.#changed();
  }

  clear(): void {
    this.#stored.remove();
    this.#changed();
  }
}
