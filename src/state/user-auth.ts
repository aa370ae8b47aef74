import type { SignInMethod } from '../config.js';
import type { UserSession } from '../session/tokens.js';
import type { CodeDelivery } from './status.js';

export type { SignInMethod };

/**
 * Choice-based sign-in (USER_AUTH, src/flow/user-auth.ts). The sign-in screen itself stays `sign-in` (username, and a
 * password field when `config.signInMethods` includes `password`); these are the steps after it.
 */

/** Pick how to sign in: Cognito's AvailableChallenges ∩ the page's methods, in the page's order. */
export interface SignInMethodState {
  screen: 'sign-in-method';
  username: string;
  methods: SignInMethod[];
  /** The method being tried while `busy` (e.g. `passkey`: the browser's passkey dialog is open). */
  pending?: SignInMethod;
}

/** The password, when the user picked `password` without having typed it on the sign-in screen. */
export interface SignInPasswordState {
  screen: 'sign-in-password';
  username: string;
  /** The other ways still offered ("Sign in another way"). */
  methods: SignInMethod[];
}

/** A one-time code sent by email or SMS as the FIRST factor (not MFA: that is `mfa-code`). */
export interface SignInCodeState {
  screen: 'sign-in-code';
  username: string;
  method: 'email-otp' | 'sms-otp';
  delivery?: CodeDelivery;
  methods: SignInMethod[];
}

/** Signed in (tokens exist, `signed-in` has fired): "Create a passkey", "Not now", "Don't ask again on this device". */
export interface PasskeyPromptState {
  screen: 'passkey-prompt';
  username: string;
  session: UserSession;
}
