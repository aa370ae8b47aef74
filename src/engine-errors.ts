import { installCognitoErrors } from './api/cognito-errors.js';
import { installOAuthErrors } from './oauth/english.js';
import { authError as raise, toAuthError as convert, type AuthError, type AuthErrorCode, type AuthErrorInit, type ErrorContext } from './errors.js';

// The engine entry's authError and toAuthError (src/index.ts): errors.ts's own, with what every Cognito exception means
// and its English (and the oauth-* errors' English) installed at the first call. Inside the elements those come with the lazily loaded Cognito client
// (src/api/transport.ts), so the first paint never carries them; a page that calls these itself (a CognitoApi of its
// own, say) gets them without having sent anything. A call, not an import-time effect: the entry has no side effects.

/** An AuthError for `code`, its message the English the screen shows for it. */
export function authError(code: AuthErrorCode, init?: AuthErrorInit): AuthError {
  installCognitoErrors();
  installOAuthErrors();
  return raise(code, init);
}

/** Turns whatever a call to Cognito threw (service exception, fetch failure, abort, a proxy's page) into an AuthError. */
export function toAuthError(err: unknown, context?: ErrorContext): AuthError {
  installCognitoErrors();
  return convert(err, context);
}
