import { addEnglish } from '../i18n-english.js';
import oauthErrors from '../locales/en/oauth-errors.js';

/**
 * Adds the English of the `oauth-*` errors (authError reads it when it builds an error, the elements when they show
 * one). Called when the code that raises them loads: src/flow/hosted.ts (redeem, no provider for an email) and
 * src/oauth/token-endpoint.ts (a refused exchange or refresh, possibly on a page that restored a hosted session
 * without loading hosted.ts). A function to call, not an import for its effect: src/** is marked free of side effects.
 */
export function installOAuthErrors(): void {
  addEnglish(oauthErrors);
}
