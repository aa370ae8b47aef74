import type { CognitoApi } from '../api/operations.js';
import type { InitiateAuthResponse } from '../api/types.js';
import type { AuthConfig } from '../config.js';
import type { createSrpSession } from '../crypto/srp-user.js';
import type { HostedSignIn } from '../oauth/hosted-sign-in.js';
import type { Clock } from '../session/clock.js';
import type { SessionManager } from '../session/manager.js';
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
  /** The SRP module's createSrpSession, loaded with import() the first time (never in the first paint). */
  srp(): Promise<typeof createSrpSession>;
  /** Follows an answer: tokens mean signed in; a challenge goes through the router (challenge-router.ts). */
  follow(response: AuthResponse, username: string, guard: Guard): Promise<void>;
}
