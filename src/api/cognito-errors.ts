/**
 * What each Cognito exception means to a user (an AuthErrorCode), and the English of the errors only Cognito's answers
 * raise: brought by the code that reads those answers (src/api/transport.ts, loaded lazily), never by the first paint.
 * The engine's entry (src/index.ts) installs them too, so its public toAuthError knows every exception at once.
 */
import { authError, addServerErrors, type AuthError, type AuthErrorCode, type AuthErrorInit, type ErrorContext } from '../errors.js';
import serverErrors from '../locales/en/server-errors.js';

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
    // SetUserMFAPreference turning SMS on for a user with no phone number ("User does not have delivery config set to
    // turn on SMS_MFA"; older: "User does not have a phone_number set to turn on SMS MFA", aws-amplify/amplify-js#618).
    [/delivery config set to turn on sms|phone_number set to turn on sms/, 'sms-mfa-needs-phone'],
  ],
  // A TOTP code is accepted once: the same code again in its 30-second window is refused with this message (at
  // RespondToAuthChallenge and VerifySoftwareToken alike). The challenge session is still valid: wait for the next code.
  ExpiredCodeException: [[/already been used/, 'totp-code-reused']],
};

/** The AuthError Cognito's exception `name` (with its `message`) means in `context`, or undefined for one not known. */
function cognitoError(name: string, message: string, context: ErrorContext, init: AuthErrorInit): AuthError | undefined {
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
  return mapped ? authError(mapped, init) : undefined;
}

/** Installs the meanings and the English above (once is enough; again is harmless). Call before reading an answer. */
export function installCognitoErrors(): void {
  addServerErrors(serverErrors, cognitoError);
}
