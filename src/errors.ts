import { fieldLabel } from './field-label.js';
import { englishPhrase } from './i18n-english.js';
import firstPaint from './locales/en/first-paint.js';

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
// `cognito-error` event's) is the text the screen shows for the same error in English. Every error is in the first
// paint's English (src/locales/en/first-paint.ts, bundled anyway for the built-in lookup), so a message is right
// whenever it is raised; i18next is not involved.
const ENGLISH_ERRORS: Record<AuthErrorCode, string> = firstPaint.errors;

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
  return (ENGLISH_ERRORS[code] ?? ENGLISH_ERRORS.unknown).replace(/\{\{\s*field\s*\}\}/g, field ? fieldLabel(english, field) : '');
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

/** Cognito exception name -> error code, for the exceptions that mean the same on every operation. */
const BY_EXCEPTION: Record<string, AuthErrorCode> = {
  NotAuthorizedException: 'not-authorized',
  UserNotFoundException: 'user-not-found',
  UserNotConfirmedException: 'user-not-confirmed',
  PasswordResetRequiredException: 'password-reset-required',
  UsernameExistsException: 'username-exists',
  AliasExistsException: 'alias-exists',
  InvalidPasswordException: 'invalid-password',
  PasswordHistoryPolicyViolationException: 'password-history',
  InvalidParameterException: 'invalid-parameter',
  CodeMismatchException: 'code-mismatch',
  ExpiredCodeException: 'code-expired',
  CodeDeliveryFailureException: 'code-delivery-failed',
  MFAMethodNotFoundException: 'mfa-method-not-found',
  SoftwareTokenMFANotFoundException: 'software-token-not-found',
  EnableSoftwareTokenMFAException: 'totp-verification-failed',
  TooManyRequestsException: 'too-many-requests',
  LimitExceededException: 'limit-exceeded',
  TooManyFailedAttemptsException: 'too-many-failed-attempts',
  ResourceNotFoundException: 'configuration',
  InvalidUserPoolConfigurationException: 'configuration',
  InvalidOAuthFlowException: 'configuration',
  UnauthorizedException: 'configuration',
  InvalidSmsRoleAccessPolicyException: 'sms-configuration',
  InvalidSmsRoleTrustRelationshipException: 'sms-configuration',
  InvalidEmailRoleAccessPolicyException: 'email-configuration',
  InvalidLambdaResponseException: 'lambda-error',
  UnexpectedLambdaException: 'lambda-error',
  UserLambdaValidationException: 'lambda-error',
  ForbiddenException: 'forbidden',
  UnsupportedOperationException: 'unsupported-operation',
  UnsupportedTokenTypeException: 'unsupported-operation',
  UnsupportedUserStateException: 'unsupported-operation',
  ConcurrentModificationException: 'concurrent-modification',
  InternalErrorException: 'server-error',
  // Passkeys: the pool or app client is not set up for them (relying party, origins, feature plan) ...
  WebAuthnNotEnabledException: 'configuration',
  WebAuthnConfigurationMissingException: 'configuration',
  WebAuthnClientMismatchException: 'configuration',
  WebAuthnRelyingPartyMismatchException: 'configuration',
  WebAuthnOriginNotAllowedException: 'configuration',
  // ... the authenticator's credential is of a kind Cognito does not accept, or the registration took too long.
  WebAuthnCredentialNotSupportedException: 'passkey-not-supported',
  WebAuthnChallengeNotFoundException: 'passkey-timeout',
};

/**
 * Refusals that share an exception name with others but need their own advice, by what Cognito's message says
 * (lower-cased, so matched in any case; the patterns leave out punctuation and ids, which Cognito varies). Checked
 * before the exception's general meaning, in every context.
 */
const SPECIFIC_MESSAGES: Record<string, readonly (readonly [RegExp, AuthErrorCode])[]> = {
  NotAuthorizedException: [
    // ConfirmSignUp for an account that is confirmed already.
    [/cannot be confirmed|current status is confirmed/, 'already-confirmed'],
    // ForgotPassword for an account that has never signed in (FORCE_CHANGE_PASSWORD) or may not reset its password.
    [/password cannot be reset/, 'password-reset-not-allowed'],
    // SignUp when the pool lets only administrators create users.
    [/sign[\s-]?up is not permitted/, 'sign-up-disabled'],
    // Sign-in with an administrator's temporary password after its validity (the pool's TemporaryPasswordValidityDays).
    [/temporary password has expired/, 'temporary-password-expired'],
    // A SECRET_HASH that does not match the app client's secret, or none for a client that has one.
    [/secret[\s_]hash|secret was not received|configured (?:for|with) secret/, 'secret-hash-mismatch'],
    // SignUp or a NEW_PASSWORD_REQUIRED answer with an attribute the app client may not write.
    [/unauthorized attribute/, 'attribute-not-writable'],
    // Any operation with an AccessToken (GetUser, ChangePassword, …) after GlobalSignOut, RevokeToken or an admin's
    // sign-out ("Access Token has been revoked"), or with a token Cognito does not know ("Invalid Access Token"):
    // only signing in again helps. An expired one ("Access Token has expired") is renewed with the refresh token.
    [/access token has been revoked|invalid access token/, 'session-revoked'],
    [/access token has expired/, 'session-expired'],
  ],
  InvalidParameterException: [
    // ForgotPassword for an account with no verified email address or phone number to send the code to.
    [/no registered\/verified|no (?:registered|verified) email|verified email or phone/, 'no-recovery-destination'],
    // InitiateAuth with an AuthFlow the app client does not allow ("USER_SRP_AUTH is not enabled for the client.",
    // "USER_PASSWORD_AUTH flow not enabled for this client").
    [/_auth\b.*not enabled/, 'auth-flow-not-enabled'],
  ],
  // A TOTP code is accepted once: the same code again in its 30-second window is refused with this message (at
  // RespondToAuthChallenge and VerifySoftwareToken alike). The challenge session is still valid: wait for the next code.
  ExpiredCodeException: [[/already been used/, 'totp-code-reused']],
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

  const lower = message.toLowerCase();
  // One exception name, several refusals: Cognito's message tells them apart (matched loosely, in any case).
  const specific = (Object.hasOwn(SPECIFIC_MESSAGES, name) ? SPECIFIC_MESSAGES[name] : undefined)?.find(([pattern]) => pattern.test(lower));
  if (specific) return authError(specific[1], init);
  if (name === 'NotAuthorizedException') {
    // Cognito says "Invalid session for the user, session is expired." for a challenge answered after 3 minutes.
    if (lower.includes('session')) return authError('session-expired', init);
    if (lower.includes('password attempts exceeded')) return authError('too-many-failed-attempts', init);
    if (lower.includes('disabled')) return authError('user-disabled', init);
    // ChangePassword says so when PreviousPassword is wrong: the user's current password, not a sign-in.
    if (lower.includes('incorrect username or password')) {
      return authError(context === 'change-password' ? 'current-password-incorrect' : 'incorrect-credentials', init);
    }
    if (context === 'refresh') return authError('session-expired', init);
    // Where the user typed a username and password (InitiateAuth, and the PASSWORD_VERIFIER answer of SRP) an
    // unexplained refusal is about them; anywhere else "Incorrect username or password." would be wrong advice.
    if (context === 'sign-in' || context === 'challenge') return authError('incorrect-credentials', init);
    return authError('not-authorized', init);
  }
  // Nothing in the UI may tell "no such user" from "wrong password" on sign-in; cognito-local also answers a wrong
  // password with InvalidPasswordException where Cognito says NotAuthorizedException.
  if (context === 'sign-in' && (name === 'UserNotFoundException' || name === 'InvalidPasswordException')) {
    return authError('incorrect-credentials', init);
  }
  if (name === 'ExpiredCodeException' && context === 'challenge') return authError('session-expired', init);

  const mapped = Object.hasOwn(BY_EXCEPTION, name) ? BY_EXCEPTION[name] : undefined;
  if (mapped) return authError(mapped, init);
  if (status !== undefined && status >= 500) return authError('server-error', init);
  if (name === 'SyntaxError' || (status !== undefined && status >= 400)) return authError('server-error', init);
  return authError('unknown', init);
}
