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
  // codes and challenges
  | 'code-mismatch'
  | 'code-expired'
  | 'code-delivery-failed'
  | 'session-expired'
  | 'mfa-method-not-found'
  | 'software-token-not-found'
  | 'totp-verification-failed'
  | 'unsupported-challenge'
  | 'srp-invalid-challenge'
  // throttling
  | 'too-many-requests'
  | 'limit-exceeded'
  // the pool, the app client or the page are set up wrongly
  | 'configuration'
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
    return new AuthError(this.code, this.message, { ...this, field });
  }

  /** Plain data for events: never holds a password, code or token, as nothing that builds an AuthError passes one. */
  toJSON(): { code: AuthErrorCode; message: string; cognitoName?: string; field?: string; retryable: boolean } {
    return { code: this.code, message: this.message, cognitoName: this.cognitoName, field: this.field, retryable: this.retryable };
  }
}

const RETRYABLE = new Set<AuthErrorCode>(['offline', 'network', 'timeout', 'server-error']);

/** English fallbacks; the UI shows the translation of `errors.<code>` instead. */
const MESSAGES: Record<AuthErrorCode, string> = {
  'incorrect-credentials': 'Incorrect username or password.',
  'user-disabled': 'This account is disabled.',
  'too-many-failed-attempts': 'Too many failed attempts. Wait a while before you try again.',
  'user-not-confirmed': 'This account is not confirmed yet.',
  'password-reset-required': 'You must reset your password before you can sign in.',
  'user-not-found': 'No account was found for that username.',
  'username-exists': 'An account with this username already exists.',
  'alias-exists': 'An account with this email address or phone number already exists.',
  'invalid-password': 'The password does not meet the requirements.',
  'password-history': 'You used this password before. Choose a new one.',
  'invalid-parameter': 'Some of the details you entered are not valid.',
  'code-mismatch': 'The code is not correct. Check it and try again.',
  'code-expired': 'The code has expired. Request a new one.',
  'code-delivery-failed': 'The code could not be sent. Try again later.',
  'session-expired': 'Your session has expired. Sign in again.',
  'mfa-method-not-found': 'No multi-factor authentication method is set up for this account.',
  'software-token-not-found': 'No authenticator app is set up for this account.',
  'totp-verification-failed': 'The code was not accepted. Check that your device clock is correct and try again.',
  'unsupported-challenge': 'This sign-in step is not supported.',
  'srp-invalid-challenge': 'The server sent an invalid sign-in challenge. Nothing was sent back.',
  'too-many-requests': 'Too many requests. Wait a moment and try again.',
  'limit-exceeded': 'Too many attempts. Wait a while before you try again.',
  configuration: 'Sign-in is not set up correctly for this site.',
  'sms-configuration': 'Text messages cannot be sent right now.',
  'email-configuration': 'Email cannot be sent right now.',
  'lambda-error': 'The sign-in service rejected the request.',
  forbidden: 'The request was blocked.',
  'unsupported-operation': 'This operation is not supported.',
  offline: 'You are offline. Connect to the internet and try again.',
  network: 'Could not reach the sign-in service. Check your connection and try again.',
  timeout: 'The sign-in service took too long to answer. Try again.',
  'server-error': 'The sign-in service had a problem. Try again.',
  'concurrent-modification': 'Something changed at the same time. Try again.',
  'required-field': 'This field is required.',
  'passwords-do-not-match': 'The passwords do not match.',
  'password-policy': 'The password does not meet the requirements.',
  'invalid-phone-number': 'Enter the phone number with its country code, for example +14155550100.',
  'invalid-code-format': 'Enter the code you received.',
  'not-signed-in': 'You are not signed in.',
  'oauth-no-provider': 'No single sign-on provider is set up for that email domain.',
  'oauth-state-mismatch': 'The sign-in response does not match the request made from this browser. Nothing was signed in.',
  'oauth-missing-verifier': 'This sign-in response was already used, or was started in another tab or window. Start again.',
  'oauth-access-denied': 'Sign-in was cancelled or refused by the identity provider.',
  'oauth-server-error': 'The identity provider or the sign-in service had a problem. Try again.',
  'oauth-invalid-grant': 'The sign-in was not accepted: it has expired or was already used. Start again.',
  'oauth-invalid-request': 'Sign-in with this provider is not set up correctly for this site.',
  'oauth-error': 'Sign-in with the identity provider failed. Try again.',
  unknown: 'Something went wrong. Try again.',
};

export function authError(code: AuthErrorCode, init: AuthErrorInit = {}): AuthError {
  return new AuthError(code, MESSAGES[code], init);
}

/** The input an error is about when Cognito does not say: the one field of the screen it can only concern. */
export const FIELD_OF_ERROR: Partial<Record<AuthErrorCode, string>> = {
  'code-mismatch': 'code',
  'code-expired': 'code',
  'totp-verification-failed': 'code',
  'invalid-code-format': 'code',
  'username-exists': 'username',
  'alias-exists': 'username',
  'user-not-found': 'username',
  'invalid-password': 'password',
  'password-history': 'password',
};

/** Cognito exception name -> error code, for the exceptions that mean the same on every operation. */
const BY_EXCEPTION: Record<string, AuthErrorCode> = {
  NotAuthorizedException: 'incorrect-credentials',
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
};

/** What the caller was doing, where the same exception means different things. */
export type ErrorContext = 'sign-in' | 'challenge' | 'refresh' | 'other';

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
  if (name === 'NotAuthorizedException') {
    // Cognito says "Invalid session for the user, session is expired." for a challenge answered after 3 minutes.
    if (lower.includes('session')) return authError('session-expired', init);
    if (lower.includes('password attempts exceeded')) return authError('too-many-failed-attempts', init);
    if (lower.includes('disabled')) return authError('user-disabled', init);
    if (context === 'refresh') return authError('session-expired', init);
    return authError('incorrect-credentials', init);
  }
  // Nothing in the UI may tell "no such user" from "wrong password" on sign-in; cognito-local also answers a wrong
  // password with InvalidPasswordException where Cognito says NotAuthorizedException.
  if (context === 'sign-in' && (name === 'UserNotFoundException' || name === 'InvalidPasswordException')) {
    return authError('incorrect-credentials', init);
  }
  if (name === 'ExpiredCodeException' && context === 'challenge') return authError('session-expired', init);

  const mapped = BY_EXCEPTION[name];
  if (mapped) return authError(mapped, init);
  if (status !== undefined && status >= 500) return authError('server-error', init);
  if (name === 'SyntaxError' || (status !== undefined && status >= 400)) return authError('server-error', init);
  return authError('unknown', init);
}
