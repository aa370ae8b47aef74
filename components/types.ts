/**
 * The public types of the elements, for TypeScript users and framework typings: every element class (so the
 * `HTMLElementTagNameMap` entry each element file declares is always in scope, also for screens that are loaded
 * lazily), the `cognito-*` events with their typed `detail` (`HTMLElementEventMap`), and the prop types the React and
 * Vue typings (`cognito-elements/react`, `cognito-elements/vue`) are built from.
 *
 * Types only: importing this module adds no code.
 */
import type { LitElement } from 'lit';
import type { AuthErrorCode } from '../src/errors.js';
import type { AccountChange, AccountSection } from '../src/account/index.js';
import type { Screen, SignOutReason } from '../src/state/index.js';

export type { CognitoAuthenticator } from './authenticator.js';
export type { CognitoQrCode } from './parts/qr-code.js';
export type { CognitoConfirmForgotPassword } from './screens/confirm-forgot-password.js';
export type { CognitoConfirmSignUp } from './screens/confirm-sign-up.js';
export type { CognitoForgotPassword } from './screens/forgot-password.js';
export type { CognitoMfaCode } from './screens/mfa-code.js';
export type { CognitoNewPassword } from './screens/new-password.js';
export type { CognitoSelectMfa } from './screens/select-mfa.js';
export type { CognitoSetupMfa } from './screens/setup-mfa.js';
export type { CognitoSetupSms } from './screens/setup-sms.js';
export type { CognitoSetupTotp } from './screens/setup-totp.js';
export type { CognitoSignIn } from './screens/sign-in.js';
export type { CognitoSignUp } from './screens/sign-up.js';
export type { FieldChoice, FieldType, ShapedFieldOptions, ShapedFormFields, SignUpValidator } from './parts/fields/types.js';
export type { SlotPosition } from './controllers/slots.js';

/**
 * `cognito-signed-in`: a user signed in, or a stored session was restored (`restored: true`). Never carries the
 * refresh token: the event bubbles and is composed, so every script on the page can read it. A page that keeps the
 * refresh token itself reads it from `el.session.tokens.refreshToken`.
 */
export interface SignedInDetail {
  username: string;
  claims: Record<string, unknown>;
  tokens: { idToken: string; accessToken: string; expiresAt: number };
  restored: boolean;
}

/**
 * `cognito-tokens-refreshed`: the session's tokens were renewed (before they expire, or by `flow.refresh()`): replace
 * the tokens your page keeps. Never carries the refresh token.
 */
export interface TokensRefreshedDetail {
  username: string;
  claims: Record<string, unknown>;
  tokens: { idToken: string; accessToken: string; expiresAt: number };
}

/** `cognito-signed-out`: the session ended (the user signed out, refresh failed, it expired, or another tab). */
export interface SignedOutDetail {
  reason: SignOutReason;
}

/** `cognito-signed-up`: SignUp succeeded; `confirmed` is false while a confirmation code is still needed. */
export interface SignedUpDetail {
  username: string;
  userSub?: string;
  confirmed: boolean;
}

/** `cognito-screen-change`: the screen shown changed (`previous` is null for the first one). */
export interface ScreenChangeDetail {
  screen: Screen;
  previous: Screen | null;
}

/**
 * `cognito-error`: an error the user was shown (`message` is the text shown, in the element's language), or an invalid configuration (`code: 'configuration'`, with the
 * `attribute` at fault). Never carries a password, code or token.
 */
export interface CognitoErrorDetail {
  code: AuthErrorCode | 'configuration';
  message: string;
  /** The Cognito exception name, e.g. `NotAuthorizedException`. */
  cognitoName?: string;
  /** The input the error is about, e.g. `password`. */
  field?: string;
  /** True when "Try again" may send the same request again (offline, network, timeout, server error). */
  retryable?: boolean;
  /** For `configuration` errors: the attribute (or option) at fault. */
  attribute?: string;
  /** The screen the error happened on. */
  screen?: Screen;
  /** For errors of an account section (`<cognito-account-*>`): which one. */
  section?: AccountSection;
}

/**
 * `cognito-account-updated`, from an account section: what changed (`profile` with the `attributes` saved or removed,
 * `email-verified`, `phone_number-verified`, `password`, `mfa`, `passkeys`, `devices`, `deleted`).
 */
export interface CognitoAccountUpdatedDetail {
  change: AccountChange;
  attributes?: string[];
}

/** The events `<cognito-authenticator>` dispatches (bubbling and composed), by type. */
export interface CognitoEventMap {
  'cognito-signed-in': CustomEvent<SignedInDetail>;
  'cognito-tokens-refreshed': CustomEvent<TokensRefreshedDetail>;
  'cognito-signed-out': CustomEvent<SignedOutDetail>;
  'cognito-signed-up': CustomEvent<SignedUpDetail>;
  'cognito-screen-change': CustomEvent<ScreenChangeDetail>;
  'cognito-error': CustomEvent<CognitoErrorDetail>;
  'cognito-account-updated': CustomEvent<CognitoAccountUpdatedDetail>;
}

declare global {
  // `el.addEventListener('cognito-signed-in', (e) => e.detail.claims)` is typed on every element; the events bubble
  // and are composed, so listening on the document or window is typed too.
  interface HTMLElementEventMap extends CognitoEventMap {}
  interface DocumentEventMap extends CognitoEventMap {}
  interface WindowEventMap extends CognitoEventMap {}
}

/** Every tag this package defines. */
export type CognitoTagName = Extract<keyof HTMLElementTagNameMap, `cognito-${string}`>;

type IsReadonly<T, K extends keyof T> =
  (<U>() => U extends { [Q in K]: T[K] } ? 1 : 2) extends <U>() => U extends { -readonly [Q in K]: T[K] } ? 1 : 2 ? false : true;

/**
 * The properties a page can set on element `E`: its own public, writable fields (attributes' property names such as
 * `userPoolId`, and object properties such as `config` or `secretHash`), without LitElement's and HTMLElement's
 * members, methods, read-only getters (`flow`, `session`) or `_`-prefixed internals. React 19 and Vue set a
 * property when the element has it, so these are what a framework template passes.
 */
export type CognitoElementProps<E extends HTMLElement> = {
  [K in keyof E as K extends keyof LitElement | `_${string}` | 'signOut'
    ? never
    : IsReadonly<E, K> extends true
      ? never
      : K]?: E[K];
};

/** The events `<cognito-account>` and its sections dispatch (components/account/events.ts). */
export type CognitoAccountEventMap = Pick<CognitoEventMap, 'cognito-account-updated' | 'cognito-error'>;

/** The events of element `T`: the `cognito-*` events for the authenticator and the account elements, none for the screens. */
export type CognitoElementEvents<T extends CognitoTagName> = T extends 'cognito-authenticator'
  ? CognitoEventMap
  : T extends `cognito-account${string}`
    ? CognitoAccountEventMap
    : Record<never, never>;
