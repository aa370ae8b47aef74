/**
 * Resetting a forgotten password: its English (src/locales/en/reset.ts), imported by those screens so it comes with
 * them.
 */
import { addEnglish } from '../../src/i18n-english.js';
import english from '../../src/locales/en/reset.js';

addEnglish(english);
