/**
 * cognito-elements: registers <cognito-authenticator> and every screen element.
 *
 * The authenticator and the sign-in screen are defined at once (that is all the first paint needs); the other
 * screens are defined as soon as the browser is idle, each from its own lazily loaded chunk, so every element is
 * registered without making the first paint wait. Registration is idempotent: loading this twice never throws.
 */
export { CognitoAuthenticator, type SignedInDetail } from './authenticator.js';
export { CognitoSignIn } from './screens/sign-in.js';
export { CognitoScreen } from './base.js';
export type * from './types.js';
export * from '../src/index.js';
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

const rest = () =>
  Promise.all([
    import('./screens/sign-up.js'),
    import('./screens/confirm-sign-up.js'),
    import('./screens/forgot-password.js'),
    import('./screens/confirm-forgot-password.js'),
    import('./screens/new-password.js'),
    import('./screens/select-mfa.js'),
    import('./screens/setup-mfa.js'),
    import('./screens/setup-totp.js'),
    import('./screens/setup-sms.js'),
    import('./screens/mfa-code.js'),
  ]);

/** Resolves when every element is defined (they are, shortly after load, by themselves). */
export function defineAll(): Promise<void> {
  return rest().then(() => undefined);
}

if (typeof window !== 'undefined') {
  const idle = (globalThis as { requestIdleCallback?: (fn: () => void) => void }).requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 200));
  idle(() => void defineAll().catch(() => undefined));
}
