/**
 * The elements' public API, exported by both entries (`components/index.ts`, the npm build, adds the engine;
 * `components/cdn.ts`, the script-tag build, does not): the element classes, `defineAll`, the translation functions
 * and the element types.
 *
 * Importing it registers <cognito-authenticator> and the sign-in screen at once (that is all the first paint needs);
 * every other screen is defined from its own chunk the first time an authenticator shows it (see
 * authenticator/screen-registry.ts), so a page downloads only the screens its users reach: a password-only page never
 * fetches the passkey, one-time-code or verify-contact screens (issue 17: a plain page stays at 45 KB until idle).
 * `defineAll()` defines every screen at once, for pages that render screen elements themselves.
 * Registration is idempotent: loading this twice never throws.
 */
import { loadAllScreens } from './authenticator/screen-registry.js';

export { CognitoAuthenticator } from './authenticator.js';
export { CognitoSignIn } from './screens/sign-in.js';
export { CognitoScreen } from './base.js';
export type * from './types.js';
export {
  addTranslations,
  loadLanguage,
  matchLocale,
  LOCALES,
  type Locale,
  type MessageKey,
  type Translations,
  type TranslationsByLanguage,
} from '../src/i18n.js';

/** Defines every screen element now (an authenticator defines each one by itself when it first shows it). */
export function defineAll(): Promise<void> {
  return loadAllScreens();
}

/**
 * Defines `<cognito-account>` and its sections (`cognito-elements/account`, a chunk of its own: a page with only the
 * authenticator never loads it). Called by itself when the page has an account element at idle time or at a sign-in;
 * a page that adds one later calls it (or imports `cognito-elements/account`).
 */
export function defineAccount(): Promise<void> {
  return import('./account/index.js').then(() => undefined);
}

/** Loads the account elements when an undefined one is on the page. */
function accountOnPage(): void {
  if ([...document.querySelectorAll(':not(:defined)')].some((e) => e.localName.startsWith('cognito-account'))) void defineAccount().catch(() => undefined);
}

if (typeof window !== 'undefined') {
  const idle = (globalThis as { requestIdleCallback?: (fn: () => void) => void }).requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  idle(accountOnPage);
  document.addEventListener('cognito-signed-in', accountOnPage);
}
