import type { Screen } from '../../src/state/index.js';

/**
 * Every screen the authenticator shows: the engine's screen name -> how to load its element, whose tag is
 * `cognito-<screen>` (ScreenTag). A new screen is its file in components/screens/ (the element, `customElements.define`d
 * there under that tag) plus one row here; the `Record` over the engine's `Screen` makes a missing row a type error.
 *
 * Every screen but sign-in is loaded on first use, so the first paint carries only sign-in (components/authenticator.ts
 * imports it statically; an import() of it here, or a static import from this module, makes the bundler split the
 * entry into several files, which costs the first paint about 400 bytes). Nothing loads at idle: the authenticator
 * loads a screen when it first shows it, so a page fetches only the screens its users reach (issue 17);
 * `defineAll()` (components/elements.ts) loads them all. The import() calls must stay literal: the bundler makes one
 * lazy chunk per screen from them, named after the file.
 */
export const SCREENS = {
  'sign-in': () => Promise.resolve(),
  'sign-up': () => import('../screens/sign-up.js'),
  'confirm-sign-up': () => import('../screens/confirm-sign-up.js'),
  'forgot-password': () => import('../screens/forgot-password.js'),
  'confirm-forgot-password': () => import('../screens/confirm-forgot-password.js'),
  'new-password': () => import('../screens/new-password.js'),
  'select-mfa': () => import('../screens/select-mfa.js'),
  'setup-mfa': () => import('../screens/setup-mfa.js'),
  'setup-totp': () => import('../screens/setup-totp.js'),
  'setup-sms': () => import('../screens/setup-sms.js'),
  'mfa-code': () => import('../screens/mfa-code.js'),
  'sign-in-method': () => import('../screens/sign-in-method.js'),
  'sign-in-password': () => import('../screens/sign-in-password.js'),
  'sign-in-code': () => import('../screens/sign-in-code.js'),
  'passkey-prompt': () => import('../screens/passkey-prompt.js'),
  'verify-attributes': () => import('../screens/verify-attributes.js'),
} satisfies Record<Exclude<Screen, 'signed-in'>, () => Promise<unknown>>;

export type ScreenName = keyof typeof SCREENS;

/** A screen's element is `cognito-<screen>`: a screen whose element is not defined under that tag is a type error. */
export type ScreenTag = DefinedTag<`cognito-${ScreenName}`>;
type DefinedTag<T extends keyof HTMLElementTagNameMap> = T;

/** Loads (and so defines) every screen element. */
export function loadAllScreens(): Promise<void> {
  return Promise.all(Object.values(SCREENS).map((load) => load())).then(() => undefined);
}
