/**
 * Signing up: its English (src/locales/en/registration.ts, with the sign-up field types and the attribute labels),
 * imported by the sign-up screen so it comes with it, and by components/parts/attributes.ts for the other forms that
 * ask for attributes (new-password, the account profile).
 */
import { addEnglish } from '../../src/i18n-english.js';
import english from '../../src/locales/en/registration.js';

addEnglish(english);
