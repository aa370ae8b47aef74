/**
 * What the elements need for identity providers and nothing else needs: the buttons and the email box, email-domain
 * routing, and cleaning the OAuth callback out of the address bar. The sign-in screen and the authenticator load it
 * with import() only when identity providers are configured or a callback is in the address bar, so a plain sign-in
 * form never downloads it.
 */
import '../features/idp.js'; // its English and sheet, with this code
export { idpSection, requestedLang } from './idp-buttons.js';
export { routeEmail } from '../../src/idp-routing.js';
export { cleanCallbackUrl } from '../../src/oauth/callback.js';
