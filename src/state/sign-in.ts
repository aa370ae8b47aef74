import type { CodeDelivery, MfaType } from './status.js';
import type { SignInCodeState, SignInMethodState, SignInPasswordState } from './user-auth.js';

/** The sign-in form. */
export interface SignInState {
  screen: 'sign-in';
  username: string;
}

/**
 * What a challenge asks of the user: the screen to show and what it needs, before busy/error are added. One member
 * per challenge that needs an answer from the user (see src/flow/challenge-router.ts).
 */
export type ChallengeStep =
  | { screen: 'mfa-code'; mfaType: MfaType; delivery?: CodeDelivery; deviceName?: string }
  | { screen: 'select-mfa'; options: MfaType[] }
  | { screen: 'setup-mfa'; options: MfaType[] }
  | { screen: 'new-password'; requiredAttributes: string[]; userAttributes: Record<string, string> }
  // choice-based sign-in (USER_AUTH): src/state/user-auth.ts
  | Omit<SignInMethodState, 'username'>
  | Omit<SignInPasswordState, 'username'>
  | Omit<SignInCodeState, 'username'>;
