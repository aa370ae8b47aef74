/**
 * Signing up: its English (src/locales/en/registration.ts, with the sign-up field types), imported by the sign-up
 * screen so it comes with it.
 */
import { addEnglish } from '../../src/i18n-english.js';
import english from '../../src/locales/en/registration.js';

addEnglish(english);
