import type { AuthError } from '../errors.js';
import type { UserSession } from '../session/tokens.js';
import type { SetupSmsState, SetupTotpState } from './mfa-setup.js';
import type { ConfirmForgotPasswordState, ForgotPasswordState } from './reset-password.js';
import type { ChallengeStep, SignInState } from './sign-in.js';
import type { ConfirmSignUpState, SignUpState } from './sign-up.js';
import type { CodeDelivery, MfaType, Notice, Status } from './status.js';

/** Signed in: the session's tokens and claims. */
export interface SignedInState {
  screen: 'signed-in';
  username: string;
  session: UserSession;
}

/**
 * Everything a screen needs to render, keyed by `screen`: one member per screen, each journey's in its own file. The
 * view is a function of this state; nothing else about the flow (passwords, Cognito sessions) is ever part of it.
 */
export type AuthState = Status &
  (
    | SignInState
    | SignUpState
    | ConfirmSignUpState
    | ForgotPasswordState
    | ConfirmForgotPasswordState
    | ({ username: string } & ChallengeStep)
    | SetupTotpState
    | SetupSmsState
    | SignedInState
  );

export type Screen = AuthState['screen'];

/** The state of one screen. */
export type StateOf<S extends Screen> = Extract<AuthState, { screen: S }>;

export type SignOutReason = 'user' | 'refresh-failed' | 'expired' | 'other-tab';

/** Things that happen, beside state changes, for the element to turn into DOM events. */
export type FlowEvent =
  | { type: 'signed-in'; session: UserSession; restored: boolean }
  | { type: 'signed-out'; reason: SignOutReason }
  | { type: 'signed-up'; username: string; userSub?: string; confirmed: boolean }
  | { type: 'tokens-refreshed'; session: UserSession }
  | { type: 'error'; error: AuthError; screen: Screen };

export type { ChallengeStep, CodeDelivery, MfaType, Notice, Status };
