import type { StorageKind } from '../config.js';

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

const keepers: Partial<Record<StorageKind, KeepSignedInStorage>> = {};

/**
 * The storage for a kind, falling back to memory where the page's storage is blocked (private modes, sandboxes). With
 * `keepSignedIn` (the "Keep me signed in" box), a KeepSignedInStorage over both local and session storage, `kind` being
 * where it writes until the user chooses.
 */
export function storageFor(kind: StorageKind, keepSignedIn = false): StorageLike {
  if (kind === 'memory') return new MemoryStorage();
  // One per page and kind: flows sharing it see each other's writes (TokenStore.concerns compares storages).
  if (keepSignedIn) return (keepers[kind] ??= new KeepSignedInStorage(storageFor('local'), storageFor('session'), kind === 'local'));
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
 * One JSON value under one key of a storage: the one wrapper every stored thing of the library goes through (the
 * tokens, a pending OAuth sign-in). Reading never throws: a value that is absent, unreadable or fails `parse` is
 * undefined (and an invalid one is removed, so it is not read again).
 */
export class StoredJson<T> {
  readonly storage: StorageLike;
  readonly key: string;
  readonly #parse: (value: Record<string, unknown>) => T | undefined;
  readonly #onInvalid: () => void;

  /** `onInvalid` runs when a stored value fails `parse` (default: remove it). */
  constructor(storage: StorageLike, key: string, parse: (value: Record<string, unknown>) => T | undefined, onInvalid?: () => void) {
    this.storage = storage;
    this.key = key;
    this.#parse = parse;
    this.#onInvalid = onInvalid ?? (() => this.remove());
  }

  read(): T | undefined {
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch {
      return undefined;
    }
    if (!raw) return undefined;
    let value: T | undefined;
    try {
      const parsed: unknown = JSON.parse(raw);
      value = typeof parsed === 'object' && parsed !== null ? this.#parse(parsed as Record<string, unknown>) : undefined;
    } catch {
      value = undefined;
    }
    if (value === undefined) this.#onInvalid();
    return value;
  }

  /** Throws when the storage refuses (quota, blocked): the caller decides whether that matters. */
  write(value: T): void {
    this.storage.setItem(this.key, JSON.stringify(value));
  }

  remove(): void {
    try {
      this.storage.removeItem(this.key);
    } catch {
      // Nothing to remove where storage cannot be reached.
    }
  }

  /** Reads and removes the value: for things that must be used at most once. */
  take(): T | undefined {
    const value = this.read();
    this.remove();
    return value;
  }
}

/**
 * "Keep me signed in": the user's choice between localStorage (kept across browser restarts, shared with other tabs)
 * and sessionStorage (this tab only, gone when it closes). A value is read from wherever it is (this tab's first).
 * Once the user has chosen (at sign-in), values go where the choice says and any copy in the other place is removed;
 * before that (a reload, a restored session), a value is rewritten where it already is, so a refresh follows the choice
 * made at sign-in for the session's whole lifetime. Removing removes from both: a sign-out leaves nothing anywhere.
 */
export class KeepSignedInStorage implements StorageLike {
  readonly #local: StorageLike;
  readonly #session: StorageLike;
  /** The page's own storage (`storage`), whatever the user chooses: for what is the device's, not the session's. */
  readonly home: StorageLike;
  #keep: boolean;
  #chosen = false;

  /** `keep`: where new values go until the user chooses (localStorage when true). */
  constructor(local: StorageLike, session: StorageLike, keep: boolean) {
    this.#local = local;
    this.#session = session;
    this.home = keep ? local : session;
    this.#keep = keep;
  }

  /** Whether new values go to localStorage: the box's initial state, then the user's choice. */
  get keep(): boolean {
    return this.#keep;
  }

  /** The user's choice, made on the sign-in form (AuthFlow.signIn's `keepSignedIn`). */
  choose(keep: boolean): void {
    this.#keep = keep;
    this.#chosen = true;
  }

  getItem(key: string): string | null {
    return this.#session.getItem(key) ?? this.#local.getItem(key);
  }

  setItem(key: string, value: string): void {
    const [here, other] = this.#keep ? [this.#local, this.#session] : [this.#session, this.#local];
    if (!this.#chosen && here.getItem(key) === null && other.getItem(key) !== null) return other.setItem(key, value);
    here.setItem(key, value);
    other.removeItem(key);
  }

  removeItem(key: string): void {
    this.#session.removeItem(key);
    this.#local.removeItem(key);
  }
}
