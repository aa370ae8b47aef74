/**
 * The prompts after sign-in (create a passkey, verify an email address or phone number): their English
 * (src/locales/en/after-sign-in.ts), imported by those screens and the account's passkeys section.
 */
import { addEnglish } from '../../src/i18n-english.js';
import english from '../../src/locales/en/after-sign-in.js';

addEnglish(english);
