/**
 * Choosing and setting up multi-factor authentication: its English (src/locales/en/mfa.ts) and sheet
 * (themes/mfa.css), imported by those screens, the QR code and the account's two-step verification section.
 */
import { addEnglish } from '../../src/i18n-english.js';
import english from '../../src/locales/en/mfa.js';
import css from '../../themes/mfa.css?inline';
import { addFeatureStyles } from '../styles.js';

addEnglish(english);
addFeatureStyles('mfa', css);
