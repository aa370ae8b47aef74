/**
 * Signing in with an identity provider: its English (src/locales/en/idp.ts) and the provider buttons' sheet
 * (themes/idp.css, also worn by the sign-in method buttons), imported by the code that draws them, so neither is in the
 * first paint of a page without identity providers.
 */
import { addEnglish } from '../../src/i18n-english.js';
import english from '../../src/locales/en/idp.js';
import css from '../../themes/idp.css?inline';
import { addFeatureStyles } from '../styles.js';

addEnglish(english);
addFeatureStyles('idp', css);
