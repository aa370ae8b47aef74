/**
 * Choosing a new password: its English (src/locales/en/password.ts) and the checklist's sheet (themes/password.css),
 * imported by the new-password fields so they come with them.
 */
import { addEnglish } from '../../src/i18n-english.js';
import english from '../../src/locales/en/password.js';
import css from '../../themes/password.css?inline';
import { addFeatureStyles } from '../styles.js';

addEnglish(english);
addFeatureStyles('password', css);
