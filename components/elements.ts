/**
 * The elements' public API, exported by both entries (`components/index.ts`, the npm build, adds the engine;
 * `components/cdn.ts`, the script-tag build, does not): the element classes, `defineAll`, the translation functions
 * and the element types.
 *
 * Importing it registers <cognito-authenticator> and the sign-in screen at once (that is all the first paint needs);
 * the other screens are defined as soon as the browser is idle, each from its own lazily loaded chunk (see
 * authenticator/screen-registry.ts), so every element is registered without making the first paint wait.
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

/** Resolves when every element is defined (they are, shortly after load, by themselves). */
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
  idle(() => {
    void defineAll().catch(() => undefined);
    accountOnPage();
  });
  document.addEventListener('cognito-signed-in', accountOnPage);
}
