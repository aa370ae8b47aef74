/** The URLs of Cognito's OAuth 2.0 endpoints a browser is sent to: /logout here, /oauth2/authorize in authorize-url.ts. */

export function query(params: [string, string | undefined][]): string {
  return params
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

/** `<domain>/logout?client_id=…&logout_uri=…`: ends the session Cognito keeps on its domain. */
export function logoutUrl(p: { domain: string; clientId: string; logoutUri: string }): string {
  return `${p.domain}/logout?${query([
    ['client_id', p.clientId],
    ['logout_uri', p.logoutUri],
  ])}`;
}
