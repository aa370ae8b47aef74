import type { FederationConfig } from '../federation-config.js';
import { authorizeUrl } from './authorize-url.js';
import type { AuthorizeTarget } from './hosted-sign-in.js';
import type { PendingAuthorization } from './pending.js';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce.js';

/**
 * The part of HostedSignIn that only runs once a user picks an identity provider or comes back from one: PKCE and
 * state, the authorize URL, and /oauth2/token and /oauth2/revoke (token-endpoint.ts). HostedSignIn loads it with
 * import() when it is built (a page with a `domain`), so no page without identity providers downloads it, and a page
 * with them has it long before the user clicks.
 */
export { TokenEndpoint } from './token-endpoint.js';

export interface AuthorizationRequest {
  clientId: string;
  config: FederationConfig;
  crypto: Crypto;
  target: AuthorizeTarget;
  lang?: string;
}

/**
 * A fresh state and PKCE verifier (to keep until the callback, with the target's keepSignedIn and email), and the
 * /oauth2/authorize URL carrying them.
 */
export async function prepareAuthorization(r: AuthorizationRequest): Promise<{ url: string; pending: PendingAuthorization }> {
  const state = createState(r.crypto);
  const verifier = createCodeVerifier(r.crypto);
  const codeChallenge = await codeChallengeS256(verifier, r.crypto);
  const { domain, redirectUri, scopes } = r.config;
  const url = authorizeUrl({
    domain,
    clientId: r.clientId,
    redirectUri,
    scopes,
    state,
    codeChallenge,
    identityProvider: 'identityProvider' in r.target ? r.target.identityProvider : undefined,
    idpIdentifier: 'idpIdentifier' in r.target ? r.target.idpIdentifier : undefined,
    lang: r.lang?.trim() || undefined,
  });
  const pending: PendingAuthorization = { state, verifier, redirectUri };
  if (r.target.keepSignedIn !== undefined) pending.keepSignedIn = r.target.keepSignedIn;
  if (r.target.email !== undefined) pending.email = r.target.email;
  return { url, pending };
}
