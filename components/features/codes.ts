/**
 * Entering a code (confirming an account, a multi-factor or sign-in code): its English (src/locales/en/codes.ts),
 * imported by those screens so it comes with them.
 */
import { addEnglish } from '../../src/i18n-english.js';
import english from '../../src/locales/en/codes.js';

addEnglish(english);
