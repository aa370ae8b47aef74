import { query } from './urls.js';

/** `<domain>/oauth2/authorize`: apart from urls.ts because only the lazily loaded grant.ts needs it. */

export interface AuthorizeParams {
  domain: string;
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  codeChallenge: string;
  /** `identity_provider`: go straight to this provider (Google, a SAML provider name, …). */
  identityProvider?: string;
  /** `idp_identifier`: let Cognito pick the provider that lists this identifier (an email domain). */
  idpIdentifier?: string;
  /** `lang`: the language of Cognito's pages, when set. */
  lang?: string;
}

/** `<domain>/oauth2/authorize?…` for the authorization code grant with PKCE S256. */
export function authorizeUrl(p: AuthorizeParams): string {
  if (p.identityProvider && p.idpIdentifier) throw new Error('authorizeUrl: identity_provider or idp_identifier, not both');
  return `${p.domain}/oauth2/authorize?${query([
    ['response_type', 'code'],
    ['client_id', p.clientId],
    ['redirect_uri', p.redirectUri],
    ['scope', p.scopes.join(' ')],
    ['state', p.state],
    ['code_challenge', p.codeChallenge],
    ['code_challenge_method', 'S256'],
    ['identity_provider', p.identityProvider],
    ['idp_identifier', p.idpIdentifier],
    ['lang', p.lang],
  ])}`;
}
