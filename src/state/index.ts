import type { AuthError } from '../errors.js';
import type { UserSession } from '../session/tokens.js';
import type { SetupSmsState, SetupTotpState } from './mfa-setup.js';
import type { ConfirmForgotPasswordState, ForgotPasswordState } from './reset-password.js';
import type { ChallengeStep, SignInState } from './sign-in.js';
import type { ConfirmSignUpState, SignUpState } from './sign-up.js';
import type { VerifyAttributesState } from './verify-attributes.js';
import type { PasskeyPromptState, SignInCodeState, SignInMethod, SignInMethodState, SignInPasswordState } from './user-auth.js';
export type { PasskeyPromptState, SignInCodeState, SignInMethod, SignInMethodState, SignInPasswordState };
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
    | VerifyAttributesState
    | SignInMethodState
    | SignInPasswordState
    | SignInCodeState
    | PasskeyPromptState
  );

export type Screen = AuthState['screen'];

/** The state of one screen. */
export type StateOf<S extends Screen> = Extract<AuthState, { screen: S }>;

/**
 * Why a session ended: `user` signed out here; `refresh-failed` / `expired` could not be renewed; `other-tab` signed
 * out elsewhere on this browser; `revoked` was refused by Cognito (signed out everywhere, or by an administrator);
 * `deleted` the user deleted their account (src/account/).
 */
export type SignOutReason = 'user' | 'refresh-failed' | 'expired' | 'other-tab' | 'revoked' | 'deleted';

/** Things that happen, beside state changes, for the element to turn into DOM events. */
export type FlowEvent =
  | { type: 'signed-in'; session: UserSession; restored: boolean }
  | { type: 'signed-out'; reason: SignOutReason }
  | { type: 'signed-up'; username: string; userSub?: string; confirmed: boolean }
  | { type: 'tokens-refreshed'; session: UserSession }
  | { type: 'error'; error: AuthError; screen: Screen };

export type { ChallengeStep, CodeDelivery, MfaType, Notice, Status, VerifyAttributesState };
export type { VerifiableAttribute } from './verify-attributes.js';
