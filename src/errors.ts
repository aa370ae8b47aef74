import { fieldLabel } from './field-label.js';
import { addEnglish, englishPhrase } from './i18n-english.js';
import type firstPaint from './locales/en/first-paint.js';
import type oauthErrors from './locales/en/oauth-errors.js';
import type serverErrors from './locales/en/server-errors.js';

/**
 * Every failure the engine can report, as a stable code the UI translates (`errors.<code>` in the locale files).
 * Cognito's exception name and raw message are kept beside it for `cognito-error` listeners and debugging, but the raw
 * message is never the only text a user sees.
 */
export type AuthErrorCode =
  // credentials and account state
  | 'incorrect-credentials'
  | 'user-disabled'
  | 'too-many-failed-attempts'
  | 'user-not-confirmed'
  | 'password-reset-required'
  | 'user-not-found'
  | 'username-exists'
  // the same two, in a pool whose usernames are email addresses or phone numbers (src/flow/sign-up.ts, reset-password.ts)
  | 'email-exists'
  | 'phone-exists'
  | 'email-not-found'
  | 'phone-not-found'
  | 'alias-exists'
  | 'invalid-password'
  | 'password-history'
  | 'invalid-parameter'
  | 'already-confirmed'
  | 'password-reset-not-allowed'
  | 'no-recovery-destination'
  | 'temporary-password-expired'
  | 'sign-up-disabled'
  | 'not-authorized'
  // the signed-in user's account (src/account/)
  | 'current-password-incorrect'
  | 'session-revoked'
  | 'confirmation-mismatch'
  // codes and challenges
  | 'code-mismatch'
  | 'code-expired'
  | 'code-delivery-failed'
  | 'session-expired'
  | 'mfa-method-not-found'
  | 'software-token-not-found'
  | 'sms-mfa-needs-phone'
  | 'totp-verification-failed'
  | 'totp-code-reused'
  | 'unsupported-challenge'
  | 'srp-invalid-challenge'
  // throttling
  | 'too-many-requests'
  | 'limit-exceeded'
  // the pool, the app client or the page are set up wrongly
  | 'configuration'
  | 'auth-flow-not-enabled'
  | 'secret-hash-mismatch'
  | 'attribute-not-writable'
  | 'sms-configuration'
  | 'email-configuration'
  | 'lambda-error'
  | 'forbidden'
  | 'unsupported-operation'
  // transport
  | 'offline'
  | 'network'
  | 'timeout'
  | 'server-error'
  | 'concurrent-modification'
  // checks made before anything is sent
  | 'required-field'
  | 'passwords-do-not-match'
  | 'password-policy'
  | 'invalid-phone-number'
  | 'invalid-code-format'
  | 'not-signed-in'
  // federation: the OAuth 2.0 authorization code flow with an identity provider
  | 'oauth-no-provider'
  | 'oauth-state-mismatch'
  | 'oauth-missing-verifier'
  | 'oauth-access-denied'
  | 'oauth-server-error'
  | 'oauth-invalid-grant'
  | 'oauth-invalid-request'
  | 'oauth-error'
  // choice-based sign-in, passkeys and remembered devices (issue 14)
  | 'no-sign-in-method'
  | 'passkey-cancelled'
  | 'passkey-timeout'
  | 'passkey-not-found'
  | 'passkey-not-supported'
  | 'passkey-failed'
  | 'passkey-exists'
  // creating one when signed in already (src/flow/passkey.ts): the same failures, without sign-in's advice
  | 'passkey-create-cancelled'
  | 'passkey-create-timeout'
  | 'passkey-create-not-supported'
  | 'passkey-create-failed'
  | 'unknown';

export interface AuthErrorInit {
  /** Cognito's exception name, e.g. `NotAuthorizedException`. */
  cognitoName?: string;
  /** Cognito's own message, unchanged. Show it only next to a translated message, never alone. */
  cognitoMessage?: string;
  /** The field the error is about, for focusing it (`username`, `password`, `code`, …). */
  field?: string;
  /** HTTP status of the response, when there was one. */
  status?: number;
}

export class AuthError extends Error {
  readonly code: AuthErrorCode;
  readonly cognitoName?: string;
  readonly cognitoMessage?: string;
  readonly field?: string;
  readonly status?: number;

  constructor(code: AuthErrorCode, message: string, init: AuthErrorInit = {}) {
    super(message);
    this.name = 'AuthError';
    this.code = code;
    this.cognitoName = init.cognitoName;
    this.cognitoMessage = init.cognitoMessage;
    this.field = init.field;
    this.status = init.status;
  }

  /** A transport failure: the same request may simply be sent again ("Try again"). */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }

  /** The same error, about `field` (for focusing and describing the input it concerns). */
  withField(field: string): AuthError {
    // The built-in English names the field; a message given by the caller is kept as it is.
    const message = this.message === englishMessage(this.code, this.field) ? englishMessage(this.code, field) : this.message;
    return new AuthError(this.code, message, { ...this, field });
  }

  /** Plain data for events: never holds a password, code or token, as nothing that builds an AuthError passes one. */
  toJSON(): { code: AuthErrorCode; message: string; cognitoName?: string; field?: string; retryable: boolean } {
    return { code: this.code, message: this.message, cognitoName: this.cognitoName, field: this.field, retryable: this.retryable };
  }
}

const RETRYABLE = new Set<AuthErrorCode>(['offline', 'network', 'timeout', 'server-error']);

// English comes from the English locale, the one source of every English phrase: an AuthError's message (and so the
// `cognito-error` event's) is the text the screen shows for the same error in English; i18next is not involved. The
// errors a page can raise before Cognito has answered anything are in the first paint's English
// (src/locales/en/first-paint.ts); those only Cognito's answers raise come with the code that reads them
// (src/locales/en/server-errors.ts, registered by src/api/transport.ts through addServerErrors before it can turn an
// answer into an error, with the meaning of each Cognito exception: src/api/cognito-errors.ts), so a message is right
// whenever it is raised.

/**
 * Every code has English in one of the three modules (a compile-time check: a code added without English fails); the
 * oauth-* errors' (src/locales/en/oauth-errors.ts) comes with the OAuth code that raises them (src/oauth/english.ts).
 */
type EnglishErrorCode =
  | keyof (typeof firstPaint)['errors']
  | keyof (typeof serverErrors)['errors']
  | keyof (typeof oauthErrors)['errors'];
const everyCodeHasEnglish: [AuthErrorCode] extends [EnglishErrorCode] ? true : never = true;
void everyCodeHasEnglish;

/** The AuthError a Cognito exception means (by its name and message, in a context), or undefined for none it knows. */
export type CognitoErrorMapper = (name: string, message: string, context: ErrorContext, init: AuthErrorInit) => AuthError | undefined;

let cognitoError: CognitoErrorMapper | undefined;

/**
 * Adds what Cognito's answers need (src/api/cognito-errors.ts calls it, for src/api/transport.ts, the engine's entry
 * and the tests' fake): the English of the errors only they raise (src/locales/en/server-errors.ts), for AuthError
 * messages and the elements' `errors.<code>` phrases alike, and what each exception means, for toAuthError. A function
 * to call, not a module to import for its effect: src/** is marked free of side effects, so a bare import would be
 * dropped from the bundle.
 */
export function addServerErrors(module: typeof serverErrors, mapper: CognitoErrorMapper): void {
  addEnglish(module);
  cognitoError = mapper;
}

/**
 * An English phrase by its dotted key (`common.username`); the key itself when there is none. Field labels of later
 * screens (`setupTotp.deviceName`) come with those screens (src/i18n-english.ts), which are loaded before they can
 * raise an error about that field.
 */
function english(key: string): string {
  return englishPhrase(key) ?? key;
}

/** The English message of `code`, about `field` when it names one (`Fill in Username.`), as the screen writes it. */
export function englishMessage(code: AuthErrorCode, field?: string): string {
  const text = englishPhrase(`errors.${code}`) ?? englishPhrase('errors.unknown')!;
  return text.replace(/\{\{\s*field\s*\}\}/g, field ? fieldLabel(english, field) : '');
}

export function authError(code: AuthErrorCode, init: AuthErrorInit = {}): AuthError {
  return new AuthError(code, englishMessage(code, init.field), init);
}

/** The input an error is about when Cognito does not say: the one field of the screen it can only concern. */
export const FIELD_OF_ERROR: Partial<Record<AuthErrorCode, string>> = {
  'code-mismatch': 'code',
  'code-expired': 'code',
  'totp-verification-failed': 'code',
  'totp-code-reused': 'code',
  'invalid-code-format': 'code',
  'username-exists': 'username',
  'alias-exists': 'username',
  'user-not-found': 'username',
  'invalid-password': 'password',
  'password-history': 'password',
  'current-password-incorrect': 'current_password',
  'confirmation-mismatch': 'confirmation',
};

/** What the caller was doing, where the same exception means different things. */
export type ErrorContext = 'sign-in' | 'challenge' | 'refresh' | 'change-password' | 'other';

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  __type?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: { statusCode?: number };
}

/**
 * Turns whatever an SDK call threw (service exception, fetch failure, abort, a proxy's HTML page) into an AuthError.
 */
export function toAuthError(err: unknown, context: ErrorContext = 'other'): AuthError {
  if (err instanceof AuthError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const rawName = typeof e.name === 'string' ? e.name : typeof e.__type === 'string' ? e.__type : '';
  // JSON protocol errors may arrive as "aws.protocol#NotAuthorizedException" when not parsed by the SDK.
  const name = rawName.includes('#') ? rawName.slice(rawName.lastIndexOf('#') + 1) : rawName;
  const message = typeof e.message === 'string' ? e.message : '';
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const init: AuthErrorInit = { cognitoName: name || undefined, cognitoMessage: message || undefined, status };

  if (name === 'TimeoutError' || name === 'AbortError' || name === 'RequestTimeout') return authError('timeout', init);
  if (name === 'TypeError' && !status) return authError('network', init);

  // Cognito's exceptions, once the code that reads its answers has brought their meanings (see addServerErrors).
  const cognito = name ? cognitoError?.(name, message, context, init) : undefined;
  if (cognito) return cognito;
  if (status !== undefined && status >= 500) return authError('server-error', init);
  if (name === 'SyntaxError' || (status !== undefined && status >= 400)) return authError('server-error', init);
  return authError('unknown', init);
}
