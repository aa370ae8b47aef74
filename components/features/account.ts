/**
 * <cognito-account> and its sections: their English (src/locales/en/account.ts) and sheet (themes/account.css),
 * imported by every section (components/account/section.ts).
 */
import { addEnglish } from '../../src/i18n-english.js';
import english from '../../src/locales/en/account.js';
import css from '../../themes/account.css?inline';
import { addFeatureStyles } from '../styles.js';

addEnglish(english);
addFeatureStyles('account', css);
