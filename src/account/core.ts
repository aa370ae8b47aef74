import type { CognitoApi } from '../api/operations.js';
import type { AuthConfig } from '../config.js';
import type { AuthFlow } from '../flow/auth-flow.js';
import type { Guard } from '../flow/runner.js';
import type { Clock } from '../session/clock.js';
import type { MfaType } from '../state/index.js';
import type { AccountEvent, AccountNotice, AccountSection, AccountState } from './state.js';

/** Creates a passkey for the signed-in user: StartWebAuthnRegistration, the browser's prompt, CompleteWebAuthnRegistration. */
export type RegisterPasskeyFn = (accessToken: string) => Promise<void>;

/** The account options, parsed (see AccountOptions in account-flow.ts). */
export interface AccountSettings {
  attributes: string[];
  mfaTypes: MfaType[];
  registerPasskey?: RegisterPasskeyFn;
  forgetThisDevice?: () => void;
}

/**
 * What the section modules (profile.ts, security.ts, devices.ts) work with: AccountFlow builds one, so a section is a
 * file of intent functions over this, as the sign-in journeys are over FlowCore.
 */
export interface AccountCore {
  readonly auth: AuthFlow;
  readonly api: CognitoApi;
  readonly config: AuthConfig;
  readonly settings: AccountSettings;
  readonly clock: Clock;
  readonly state: AccountState;
  /**
   * Runs one intent of `section`: nothing when signed out or the section is busy; busy while it runs; a failure lands in
   * the section's `error` (a revoked session signs out). `work` may return the notice to show on success.
   */
  run(section: AccountSection, work: (guard: Guard) => Promise<AccountNotice | void>): Promise<void>;
  /** Sends a request with a fresh access token (renewed first when near expiry, and once more if Cognito says expired). */
  call<T>(send: (accessToken: string) => Promise<T>): Promise<T>;
  /** Replaces part of one section's state. */
  patch<S extends AccountSection>(section: S, change: Partial<AccountState[S]>): void;
  /** Replaces top-level fields (`user`). */
  set(change: Partial<Pick<AccountState, 'user'>>): void;
  emit(event: AccountEvent): void;
}
