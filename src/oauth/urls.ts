/** The URLs of Cognito's OAuth 2.0 endpoints a browser is sent to: /oauth2/authorize and /logout. */

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

function query(params: [string, string | undefined][]): string {
  return params
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
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

/** `<domain>/logout?client_id=…&logout_uri=…`: ends the session Cognito keeps on its domain. */
export function logoutUrl(p: { domain: string; clientId: string; logoutUri: string }): string {
  return `${p.domain}/logout?${query([
    ['client_id', p.clientId],
    ['logout_uri', p.logoutUri],
  ])}`;
}
