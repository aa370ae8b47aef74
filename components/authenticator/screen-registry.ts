import type { Screen } from '../../src/state/index.js';

/**
 * Every screen the authenticator shows: the engine's screen name -> the element's tag and how to load it. A new
 * screen is its file in components/screens/ (the element, `customElements.define`d there) plus one row here; the
 * `Record` over the engine's `Screen` makes a missing row a type error.
 *
 * Every screen but sign-in is loaded on first use, so the first paint carries only sign-in (components/authenticator.ts
 * imports it statically; an import() of it here, or a static import from this module, makes the bundler split the
 * entry into several files, which costs the first paint about 400 bytes). Nothing loads at idle: the authenticator
 * loads a screen when it first shows it, so a page fetches only the screens its users reach (issue 17);
 * `defineAll()` (components/elements.ts) loads them all. The import() calls must stay literal: the bundler makes one
 * lazy chunk per screen from them, named after the file.
 */
export const SCREENS = {
  'sign-in': { tag: 'cognito-sign-in', load: () => Promise.resolve() },
  'sign-up': { tag: 'cognito-sign-up', load: () => import('../screens/sign-up.js') },
  'confirm-sign-up': { tag: 'cognito-confirm-sign-up', load: () => import('../screens/confirm-sign-up.js') },
  'forgot-password': { tag: 'cognito-forgot-password', load: () => import('../screens/forgot-password.js') },
  'confirm-forgot-password': { tag: 'cognito-confirm-forgot-password', load: () => import('../screens/confirm-forgot-password.js') },
  'new-password': { tag: 'cognito-new-password', load: () => import('../screens/new-password.js') },
  'select-mfa': { tag: 'cognito-select-mfa', load: () => import('../screens/select-mfa.js') },
  'setup-mfa': { tag: 'cognito-setup-mfa', load: () => import('../screens/setup-mfa.js') },
  'setup-totp': { tag: 'cognito-setup-totp', load: () => import('../screens/setup-totp.js') },
  'setup-sms': { tag: 'cognito-setup-sms', load: () => import('../screens/setup-sms.js') },
  'mfa-code': { tag: 'cognito-mfa-code', load: () => import('../screens/mfa-code.js') },
  'sign-in-method': { tag: 'cognito-sign-in-method', load: () => import('../screens/sign-in-method.js') },
  'sign-in-password': { tag: 'cognito-sign-in-password', load: () => import('../screens/sign-in-password.js') },
  'sign-in-code': { tag: 'cognito-sign-in-code', load: () => import('../screens/sign-in-code.js') },
  'passkey-prompt': { tag: 'cognito-passkey-prompt', load: () => import('../screens/passkey-prompt.js') },
  'verify-attributes': { tag: 'cognito-verify-attributes', load: () => import('../screens/verify-attributes.js') },
} satisfies Record<Exclude<Screen, 'signed-in'>, { tag: keyof HTMLElementTagNameMap; load: () => Promise<unknown> }>;

export type ScreenName = keyof typeof SCREENS;

/** Loads (and so defines) every screen element. */
export function loadAllScreens(): Promise<void> {
  return Promise.all(Object.values(SCREENS).map((s) => s.load())).then(() => undefined);
}
