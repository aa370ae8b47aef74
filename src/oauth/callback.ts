import { authError, type AuthError, type AuthErrorCode } from '../errors.js';

/** The way back from /oauth2/authorize: what Cognito appended to the redirect URI, and OAuth errors as AuthErrors. */

export type Callback =
  | { kind: 'code'; code: string; state: string }
  | { kind: 'error'; error: string; description?: string; state?: string };

/** Query parameters Cognito adds on the way back; removed from the address bar once read. */
export const CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'error_uri'] as const;

/**
 * What Cognito sent back, when `url` is the redirect URI (same origin and path) carrying `code` or `error`;
 * undefined for any other page, so a page's own `?code=` elsewhere is left alone.
 */
export function parseCallback(url: string, redirectUri: string): Callback | undefined {
  let here: URL;
  let target: URL;
  try {
    here = new URL(url);
    target = new URL(redirectUri);
  } catch {
    return undefined;
  }
  if (here.origin !== target.origin || here.pathname !== target.pathname) return undefined;
  const q = here.searchParams;
  const state = q.get('state') ?? undefined;
  const error = q.get('error');
  if (error !== null) return { kind: 'error', error, description: q.get('error_description') ?? undefined, state };
  const code = q.get('code');
  if (code !== null) return { kind: 'code', code, state: state ?? '' };
  return undefined;
}

/** `url` without the callback parameters, as a path for history.replaceState (other parameters and hash stay). */
export function cleanCallbackUrl(url: string): string {
  const u = new URL(url);
  for (const p of CALLBACK_PARAMS) u.searchParams.delete(p);
  return `${u.pathname}${u.search}${u.hash}`;
}

/** OAuth 2.0 error (RFC 6749 §4.1.2.1, §5.2) -> error code, for the authorize redirect and the token endpoint. */
const OAUTH_ERRORS: Record<string, AuthErrorCode> = {
  access_denied: 'oauth-access-denied',
  server_error: 'oauth-server-error',
  temporarily_unavailable: 'oauth-server-error',
  invalid_grant: 'oauth-invalid-grant',
  invalid_request: 'oauth-invalid-request',
  invalid_client: 'oauth-invalid-request',
  unauthorized_client: 'oauth-invalid-request',
  unsupported_response_type: 'oauth-invalid-request',
  unsupported_grant_type: 'oauth-invalid-request',
  invalid_scope: 'oauth-invalid-request',
};

/** An OAuth error as an AuthError: the server's `error` is kept as cognitoName, its description never shown alone. */
export function oauthError(error: string, description?: string, status?: number): AuthError {
  const code = OAUTH_ERRORS[error] ?? 'oauth-error';
  return authError(code, { cognitoName: error.slice(0, 64), cognitoMessage: description?.slice(0, 500), status });
}
