import { StoredJson, storagePrefix, type StorageLike } from '../session/storage.js';

/** The authorization request in flight: what must survive the trip to the identity provider and back. */

export interface PendingAuthorization {
  state: string;
  verifier: string;
  /** The redirect_uri the authorize request named: the token request must name the same. */
  redirectUri: string;
  /**
   * "Keep me signed in" as the box stood when the sign-in left for the provider: the page after the redirect is a new
   * one, and only this record (written by this tab, never the URL) can tell it where the tokens go. Absent without the
   * box. Not a secret.
   */
  keepSignedIn?: boolean;
  /**
   * The address typed in the corporate email box (idp_identifier sign-in), to give it back to the box when the
   * provider returns an error to this tab: trying again is then one press. Not a secret; never in the URL. Written with
   * the rest (src/oauth/grant.ts) and checked where it is read (src/flow/hosted.ts, lazy), so the parser here, in the
   * first paint, does not grow.
   */
  email?: string;
}

/**
 * Code grant ready to redeem: what the token request sends (it names these fields; HostedSignIn.redeem builds the
 * grant from the pending record, whose other fields ride along unsent). Lives in memory only.
 */
export interface CodeGrant {
  code: string;
  verifier: string;
  redirectUri: string;
  /** The pending sign-in's keepSignedIn, carried to where the tokens are stored (never sent). */
  keepSignedIn?: boolean;
}

function parsePending(p: Record<string, unknown>): PendingAuthorization | undefined {
  if (typeof p.state !== 'string' || typeof p.verifier !== 'string' || typeof p.redirectUri !== 'string') return undefined;
  if (!p.state || !p.verifier) return undefined;
  if (p.keepSignedIn !== undefined && typeof p.keepSignedIn !== 'boolean') return undefined;
  // The object JSON.parse just made, nobody else's: checked above, it is returned as it is (smaller than a copy).
  return p as unknown as PendingAuthorization;
}

/** The one pending authorization of an app client, in sessionStorage (this tab only), taken out at most once. */
export class PendingStore {
  readonly #stored: StoredJson<PendingAuthorization>;

  constructor(storage: StorageLike, clientId: string) {
    this.#stored = new StoredJson(storage, `${storagePrefix(clientId)}oauth`, parsePending);
  }

  get key(): string {
    return this.#stored.key;
  }

  save(pending: PendingAuthorization): void {
    this.#stored.write(pending);
  }

  /** Whether a sign-in started in this tab is waiting for its callback (nothing is consumed). */
  has(): boolean {
    return this.#stored.read() !== undefined;
  }

  /** Reads and removes the pending authorization: a state and verifier are never used twice. */
  take(): PendingAuthorization | undefined {
    return this.#stored.take();
  }
}
