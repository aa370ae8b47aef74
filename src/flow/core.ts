import type { CognitoApi } from '../api/operations.js';
import type { InitiateAuthResponse } from '../api/types.js';
import type { AuthConfig } from '../config.js';
import type { createSrpSession } from '../crypto/srp-user.js';
import type { HostedSignIn } from '../oauth/hosted-sign-in.js';
import type { Clock } from '../session/clock.js';
import type { WebAuthnSeam } from '../crypto/webauthn.js';
import type { DeviceStore } from '../session/device-store.js';
import type { SessionManager } from '../session/manager.js';
import type { StorageLike } from '../session/storage.js';
import type { FlowContext } from './context.js';
import type { Guard, Runner } from './runner.js';

/** An InitiateAuth or RespondToAuthChallenge answer: tokens, or the next challenge. */
export type AuthResponse = InitiateAuthResponse;

/**
 * What every journey module works with: AuthFlow builds one and passes it to the intent functions, so a journey is a
 * file of functions over this, not a part of one class.
 */
export interface FlowCore {
  readonly config: AuthConfig;
  readonly api: CognitoApi;
  readonly sessions: SessionManager;
  readonly clock: Clock;
  readonly runner: Runner;
  readonly context: FlowContext;
  readonly hosted: HostedSignIn | undefined;
  /** Where the tokens live: a KeepSignedInStorage with "Keep me signed in", which a provider sign-in chooses in too. */
  readonly storage: StorageLike;
  /** The SRP module's createSrpSession, loaded with import() the first time (never in the first paint). */
  srp(): Promise<typeof createSrpSession>;
  /** The device store (src/session/device-store.ts), loaded with import() when a device is to be read or written. */
  devices(): Promise<DeviceStore>;
  /** Whether this browser keeps a device record for `username` (a synchronous look, so sign-in never waits for nothing). */
  hasDevice(username: string): boolean;
  /** The WebAuthn seam (passkeys), loaded on first use; undefined when the page gave none. */
  webauthn(): Promise<WebAuthnSeam | undefined>;
  /** A name for this browser, for ConfirmDevice's DeviceName (e.g. "Chrome on macOS"). */
  deviceName(): string | undefined;
  /** Follows an answer: tokens mean signed in; a challenge goes through the router (challenge-router.ts). */
  follow(response: AuthResponse, username: string, guard: Guard): Promise<void>;
}
