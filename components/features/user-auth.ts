/**
 * Choice-based sign-in (`sign-in-methods`): its English (src/locales/en/user-auth.ts), imported by the screens that
 * show it (components/parts/sign-in-methods.ts, shared by them) and loaded by the sign-in screen when the option is set,
 * so a password-only page never carries it.
 */
import { addEnglish } from '../../src/i18n-english.js';
import english from '../../src/locales/en/user-auth.js';

addEnglish(english);
