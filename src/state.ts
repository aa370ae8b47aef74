import type { ChallengeStep, CodeDelivery, MfaType } from './challenges.js';
import type { AuthError } from './errors.js';
import type { UserSession } from './session.js';

/** Informational messages a screen shows above its form (translated as `notices.<notice>`). */
export type Notice =
  | 'signed-out'
  | 'password-changed'
  | 'account-confirmed'
  | 'code-resent'
  | 'password-reset-required'
  | 'totp-enabled'
  | 'phone-number-saved';

export interface Status {
  /** A request is in flight: the screen disables its submit button and shows progress. */
  busy: boolean;
  error?: AuthError;
  notice?: Notice;
}

/**
 * Everything a screen needs to render, keyed by `screen`. The view is a function of this state; nothing else about
 * the flow (passwords, Cognito sessions) is ever part of it.
 */
export type AuthState = Status &
  (
    | { screen: 'sign-in'; username: string }
    | { screen: 'sign-up'; username: string }
    | { screen: 'confirm-sign-up'; username: string; delivery?: CodeDelivery; resendError?: AuthError }
    | { screen: 'forgot-password'; username: string }
    | { screen: 'confirm-forgot-password'; username: string; delivery?: CodeDelivery }
    | ({ username: string } & ChallengeStep)
    | {
        screen: 'setup-totp';
        username: string;
        /** The shared secret (base32), shown as text for manual entry and encoded in `uri` for the QR code. */
        secret: string;
        uri: string;
        /** True when a signed-in user adds an authenticator app; false during an MFA_SETUP challenge. */
        signedIn: boolean;
      }
    | { screen: 'setup-sms'; username: string }
    | { screen: 'signed-in'; username: string; session: UserSession }
  );

export type Screen = AuthState['screen'];

export type SignOutReason = 'user' | 'refresh-failed' | 'expired' | 'other-tab';

/** Things that happen, beside state changes, for the element to turn into DOM events. */
export type FlowEvent =
  | { type: 'signed-in'; session: UserSession; restored: boolean }
  | { type: 'signed-out'; reason: SignOutReason }
  | { type: 'signed-up'; username: string; userSub?: string; confirmed: boolean }
  | { type: 'tokens-refreshed'; session: UserSession }
  | { type: 'error'; error: AuthError; screen: Screen };

export type { ChallengeStep, CodeDelivery, MfaType };
