import { expect } from 'chai';
import { AuthError, authError, FIELD_OF_ERROR, toAuthError, type AuthErrorCode, type ErrorContext } from '../../src/errors.js';
import { installCognitoErrors } from '../../src/api/cognito-errors.js';

// As src/api/transport.ts does when it loads: what Cognito's exceptions mean, and the English of their errors.
installCognitoErrors();

/** Builds what the AWS SDK throws for a service exception. */
function serviceException(name: string, message = '', httpStatusCode = 400): Error & { $metadata: { httpStatusCode: number } } {
  const err = new Error(message) as Error & { $metadata: { httpStatusCode: number } };
  err.name = name;
  err.$metadata = { httpStatusCode };
  return err;
}

// Cognito exception name -> the code a user of the library sees, outside any special context.
const EXCEPTIONS: [string, AuthErrorCode][] = [
  // Outside sign-in, a refusal we cannot name is not "Incorrect username or password." (issue 13, defect 6).
  ['NotAuthorizedException', 'not-authorized'],
  ['UserNotFoundException', 'user-not-found'],
  ['UserNotConfirmedException', 'user-not-confirmed'],
  ['PasswordResetRequiredException', 'password-reset-required'],
  ['UsernameExistsException', 'username-exists'],
  ['AliasExistsException', 'alias-exists'],
  ['InvalidPasswordException', 'invalid-password'],
  ['PasswordHistoryPolicyViolationException', 'password-history'],
  ['InvalidParameterException', 'invalid-parameter'],
  ['CodeMismatchException', 'code-mismatch'],
  ['ExpiredCodeException', 'code-expired'],
  ['CodeDeliveryFailureException', 'code-delivery-failed'],
  ['MFAMethodNotFoundException', 'mfa-method-not-found'],
  ['SoftwareTokenMFANotFoundException', 'software-token-not-found'],
  ['EnableSoftwareTokenMFAException', 'totp-verification-failed'],
  ['TooManyRequestsException', 'too-many-requests'],
  ['LimitExceededException', 'limit-exceeded'],
  ['TooManyFailedAttemptsException', 'too-many-failed-attempts'],
  ['ResourceNotFoundException', 'configuration'],
  ['InvalidUserPoolConfigurationException', 'configuration'],
  ['InvalidOAuthFlowException', 'configuration'],
  ['UnauthorizedException', 'configuration'],
  ['InvalidSmsRoleAccessPolicyException', 'sms-configuration'],
  ['InvalidSmsRoleTrustRelationshipException', 'sms-configuration'],
  ['InvalidEmailRoleAccessPolicyException', 'email-configuration'],
  ['InvalidLambdaResponseException', 'lambda-error'],
  ['UnexpectedLambdaException', 'lambda-error'],
  ['UserLambdaValidationException', 'lambda-error'],
  ['ForbiddenException', 'forbidden'],
  ['UnsupportedOperationException', 'unsupported-operation'],
  ['UnsupportedTokenTypeException', 'unsupported-operation'],
  ['UnsupportedUserStateException', 'unsupported-operation'],
  ['ConcurrentModificationException', 'concurrent-modification'],
  ['InternalErrorException', 'server-error'],
];

// Every code, as a record so the compiler insists on a new code being added here too.
const ALL_CODES: Record<AuthErrorCode, true> = {
  'incorrect-credentials': true,
  'user-disabled': true,
  'too-many-failed-attempts': true,
  'user-not-confirmed': true,
  'password-reset-required': true,
  'user-not-found': true,
  'username-exists': true,
  'email-exists': true,
  'phone-exists': true,
  'email-not-found': true,
  'phone-not-found': true,
  'alias-exists': true,
  'invalid-password': true,
  'password-history': true,
  'invalid-parameter': true,
  'code-mismatch': true,
  'code-expired': true,
  'code-delivery-failed': true,
  'session-expired': true,
  'mfa-method-not-found': true,
  'software-token-not-found': true,
  'sms-mfa-needs-phone': true,
  'totp-verification-failed': true,
  'unsupported-challenge': true,
  'srp-invalid-challenge': true,
  'too-many-requests': true,
  'limit-exceeded': true,
  configuration: true,
  'sms-configuration': true,
  'email-configuration': true,
  'lambda-error': true,
  forbidden: true,
  'unsupported-operation': true,
  offline: true,
  network: true,
  timeout: true,
  'server-error': true,
  'concurrent-modification': true,
  'required-field': true,
  'passwords-do-not-match': true,
  'password-policy': true,
  'invalid-phone-number': true,
  'invalid-code-format': true,
  'not-signed-in': true,
  'oauth-no-provider': true,
  'oauth-state-mismatch': true,
  'oauth-missing-verifier': true,
  'oauth-access-denied': true,
  'oauth-server-error': true,
  'oauth-invalid-grant': true,
  'oauth-invalid-request': true,
  'oauth-error': true,
  'no-sign-in-method': true,
  'passkey-cancelled': true,
  'passkey-timeout': true,
  'passkey-not-found': true,
  'passkey-not-supported': true,
  'passkey-failed': true,
  'passkey-exists': true,
  'passkey-create-cancelled': true,
  'passkey-create-timeout': true,
  'passkey-create-not-supported': true,
  'passkey-create-failed': true,
  'totp-code-reused': true,
  'already-confirmed': true,
  'password-reset-not-allowed': true,
  'sign-up-disabled': true,
  'temporary-password-expired': true,
  'secret-hash-mismatch': true,
  'attribute-not-writable': true,
  'no-recovery-destination': true,
  'auth-flow-not-enabled': true,
  'not-authorized': true,
  'current-password-incorrect': true,
  'session-revoked': true,
  'confirmation-mismatch': true,
  unknown: true,
};

describe('toAuthError', () => {
  describe('Cognito exceptions', () => {
    for (const [name, code] of EXCEPTIONS) {
      it(`${name} -> ${code}`, () => {
        const err = toAuthError(serviceException(name, `Cognito says ${name}`));
        expect(err).to.be.instanceOf(AuthError);
        expect(err.code).to.equal(code);
        expect(err.cognitoName).to.equal(name);
        expect(err.cognitoMessage).to.equal(`Cognito says ${name}`);
        expect(err.status).to.equal(400);
        // The user sees the library's message for the code, not Cognito's text.
        expect(err.message).to.equal(authError(code).message);
      });
    }

    it('maps the same exceptions when they arrive as a plain { __type, message } body', () => {
      for (const [name, code] of EXCEPTIONS) {
        expect(toAuthError({ __type: name, message: 'x' }).code, name).to.equal(code);
      }
    });
  });

  describe('NotAuthorizedException', () => {
    const cases: [string, AuthErrorCode][] = [
      ['Incorrect username or password.', 'incorrect-credentials'],
      ['Invalid session for the user, session is expired.', 'session-expired'],
      ['Password attempts exceeded', 'too-many-failed-attempts'],
      ['User is disabled.', 'user-disabled'],
    ];
    for (const [message, code] of cases) {
      for (const context of ['sign-in', 'challenge', 'other'] as ErrorContext[]) {
        it(`"${message}" (${context}) -> ${code}`, () => {
          const err = toAuthError(serviceException('NotAuthorizedException', message), context);
          expect(err.code).to.equal(code);
          expect(err.cognitoMessage).to.equal(message);
        });
      }
    }

    it("-> session-expired in the 'refresh' context (revoked or expired refresh token)", () => {
      expect(toAuthError(serviceException('NotAuthorizedException', 'Refresh Token has been revoked'), 'refresh').code).to.equal('session-expired');
      expect(toAuthError(serviceException('NotAuthorizedException', 'Invalid Refresh Token'), 'refresh').code).to.equal('session-expired');
      expect(toAuthError(serviceException('NotAuthorizedException', 'Invalid Refresh Token'), 'other').code).to.equal('not-authorized');
    });

    it('access tokens: revoked or unknown -> session-revoked, expired -> session-expired, in every context', () => {
      for (const context of ['other', 'change-password', 'challenge'] as ErrorContext[]) {
        expect(toAuthError(serviceException('NotAuthorizedException', 'Access Token has been revoked'), context).code).to.equal('session-revoked');
        expect(toAuthError(serviceException('NotAuthorizedException', 'Invalid Access Token'), context).code).to.equal('session-revoked');
        expect(toAuthError(serviceException('NotAuthorizedException', 'Access Token has expired'), context).code).to.equal('session-expired');
      }
    });

    it("ChangePassword's \"Incorrect username or password.\" is about the current password", () => {
      const err = toAuthError(serviceException('NotAuthorizedException', 'Incorrect username or password.'), 'change-password');
      expect(err.code).to.equal('current-password-incorrect');
      expect(FIELD_OF_ERROR[err.code]).to.equal('current_password');
      expect(err.message).to.not.equal(authError('incorrect-credentials').message);
    });

    it('still reports a disabled user while refreshing', () => {
      expect(toAuthError(serviceException('NotAuthorizedException', 'User is disabled.'), 'refresh').code).to.equal('user-disabled');
    });
  });

  // Issue 13, defect 6: Cognito's message tells these refusals apart; each has its own code and advice. Matched on
  // case-insensitive substrings, so the same text with other casing or punctuation (or the client id appended) maps too.
  describe('specific refusals, told apart by Cognito\'s message', () => {
    const cases: [name: string, message: string, code: AuthErrorCode, contexts: ErrorContext[]][] = [
      ['NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED', 'already-confirmed', ['other']],
      ['NotAuthorizedException', 'User password cannot be reset in the current state.', 'password-reset-not-allowed', ['other']],
      ['NotAuthorizedException', 'SignUp is not permitted for this user pool', 'sign-up-disabled', ['other']],
      ['NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.', 'temporary-password-expired', ['sign-in', 'challenge']],
      ['NotAuthorizedException', 'Unable to verify secret hash for client 6p0s0r4cl13nt1d', 'secret-hash-mismatch', ['sign-in', 'challenge', 'other']],
      ['NotAuthorizedException', 'Client 6p0s0r4cl13nt1d is configured for secret but secret was not received', 'secret-hash-mismatch', ['sign-in', 'other']],
      ['NotAuthorizedException', 'A client attempted to write unauthorized attribute', 'attribute-not-writable', ['other', 'challenge']],
      [
        'InvalidParameterException',
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
        'no-recovery-destination',
        ['other'],
      ],
      ['InvalidParameterException', 'USER_SRP_AUTH is not enabled for the client.', 'auth-flow-not-enabled', ['sign-in']],
      ['InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled for this client', 'auth-flow-not-enabled', ['sign-in']],
      ['ExpiredCodeException', 'Your software token has already been used once.', 'totp-code-reused', ['challenge', 'other']],
      ['InvalidParameterException', 'User does not have delivery config set to turn on SMS_MFA', 'sms-mfa-needs-phone', ['other']],
      ['InvalidParameterException', 'User does not have a phone_number set to turn on SMS MFA', 'sms-mfa-needs-phone', ['other']],
    ];
    for (const [name, message, code, contexts] of cases) {
      for (const context of contexts) {
        it(`${name} "${message}" (${context}) -> ${code}`, () => {
          for (const text of [message, message.toUpperCase(), message.toLowerCase().replace(/\.$/, '')]) {
            const err = toAuthError(serviceException(name, text), context);
            expect(err.code, text).to.equal(code);
            expect(err.cognitoMessage).to.equal(text);
            expect(err.message).to.equal(authError(code).message);
            expect(err.message).to.not.equal(authError('incorrect-credentials').message);
          }
        });
      }
    }

    it('a reused TOTP code is about the code field', () => {
      const err = toAuthError(serviceException('ExpiredCodeException', 'Your software token has already been used once.'), 'challenge');
      expect(FIELD_OF_ERROR[err.code]).to.equal('code');
    });

    it('"Incorrect username or password." only where the user typed a username and password', () => {
      for (const context of ['sign-in', 'challenge'] as ErrorContext[]) {
        expect(toAuthError(serviceException('NotAuthorizedException', 'Something new'), context).code, context).to.equal('incorrect-credentials');
      }
      const other = toAuthError(serviceException('NotAuthorizedException', 'Something new'), 'other');
      expect(other.code).to.equal('not-authorized');
      expect(other.message).to.not.equal(authError('incorrect-credentials').message);
    });

    it('other InvalidParameterException messages stay invalid-parameter', () => {
      expect(toAuthError(serviceException('InvalidParameterException', '1 validation error detected'), 'sign-in').code).to.equal('invalid-parameter');
    });
  });

  describe('no user enumeration on sign-in', () => {
    for (const name of ['UserNotFoundException', 'InvalidPasswordException']) {
      it(`${name} in 'sign-in' -> incorrect-credentials`, () => {
        const signIn = toAuthError(serviceException(name, 'User does not exist.'), 'sign-in');
        expect(signIn.code).to.equal('incorrect-credentials');
        expect(signIn.message).to.equal(toAuthError(serviceException('NotAuthorizedException', 'Incorrect username or password.'), 'sign-in').message);
      });
    }

    it('UserNotFoundException elsewhere -> user-not-found', () => {
      for (const context of ['challenge', 'refresh', 'other'] as ErrorContext[]) {
        expect(toAuthError(serviceException('UserNotFoundException'), context).code, context).to.equal('user-not-found');
      }
      expect(toAuthError(serviceException('UserNotFoundException')).code).to.equal('user-not-found');
    });

    it('InvalidPasswordException elsewhere -> invalid-password', () => {
      for (const context of ['challenge', 'refresh', 'other'] as ErrorContext[]) {
        expect(toAuthError(serviceException('InvalidPasswordException'), context).code, context).to.equal('invalid-password');
      }
    });
  });

  describe('ExpiredCodeException', () => {
    it("-> session-expired in the 'challenge' context", () => {
      expect(toAuthError(serviceException('ExpiredCodeException', 'Invalid code provided, please request a code again.'), 'challenge').code).to.equal(
        'session-expired',
      );
    });

    it('-> code-expired elsewhere', () => {
      expect(toAuthError(serviceException('ExpiredCodeException'), 'other').code).to.equal('code-expired');
      expect(toAuthError(serviceException('ExpiredCodeException'), 'sign-in').code).to.equal('code-expired');
    });
  });

  describe('protocol-style names', () => {
    it('reads aws.protocol#CodeMismatchException as CodeMismatchException', () => {
      const err = toAuthError({ __type: 'aws.protocol#CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
      expect(err.code).to.equal('code-mismatch');
      expect(err.cognitoName).to.equal('CodeMismatchException');
      expect(err.cognitoMessage).to.equal('Invalid verification code provided, please try again.');
    });

    it('reads a namespaced name on `name` too, and keeps context rules', () => {
      const err = toAuthError(
        serviceException('com.amazonaws.cognito.identity.idp.model#NotAuthorizedException', 'Invalid session for the user, session is expired.'),
        'challenge',
      );
      expect(err.code).to.equal('session-expired');
      expect(err.cognitoName).to.equal('NotAuthorizedException');
      expect(toAuthError({ __type: 'aws.protocol#UserNotFoundException' }, 'sign-in').code).to.equal('incorrect-credentials');
    });
  });

  describe('transport failures', () => {
    it('TypeError without a status (fetch failed) -> network', () => {
      const err = toAuthError(new TypeError('Failed to fetch'));
      expect(err.code).to.equal('network');
      expect(err.cognitoName).to.equal('TypeError');
      expect(err.status).to.equal(undefined);
    });

    it('a TypeError with an HTTP status is not a network failure', () => {
      const err = Object.assign(new TypeError('bad body'), { $metadata: { httpStatusCode: 502 } });
      expect(toAuthError(err).code).to.equal('server-error');
    });

    it('TimeoutError and AbortError -> timeout', () => {
      expect(toAuthError({ name: 'TimeoutError', message: 'Request timed out' }).code).to.equal('timeout');
      expect(toAuthError(new DOMException('The operation was aborted.', 'AbortError')).code).to.equal('timeout');
      expect(toAuthError(new DOMException('signal timed out', 'TimeoutError')).code).to.equal('timeout');
    });

    it('an unknown exception with HTTP status 503 -> server-error, keeping the status', () => {
      const err = toAuthError(serviceException('ServiceUnavailable', 'Service Unavailable', 503));
      expect(err.code).to.equal('server-error');
      expect(err.status).to.equal(503);
      expect(err.cognitoName).to.equal('ServiceUnavailable');
    });

    it('reads the status from $response when $metadata has none', () => {
      const err = toAuthError({ name: 'Whatever', $response: { statusCode: 500 } });
      expect(err.code).to.equal('server-error');
      expect(err.status).to.equal(500);
    });

    it("SyntaxError (a proxy's HTML error page instead of JSON) -> server-error", () => {
      expect(toAuthError(new SyntaxError('Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON')).code).to.equal('server-error');
    });

    it('a known exception wins over a 5xx status', () => {
      expect(toAuthError(serviceException('TooManyRequestsException', 'Rate exceeded', 500)).code).to.equal('too-many-requests');
    });
  });

  describe('unknown errors', () => {
    it('an unknown exception without status -> unknown, keeping the name', () => {
      const err = toAuthError({ name: 'SomethingNewException', message: 'new' });
      expect(err.code).to.equal('unknown');
      expect(err.cognitoName).to.equal('SomethingNewException');
      expect(err.cognitoMessage).to.equal('new');
      expect(err.message).to.equal(authError('unknown').message);
    });

    it('anything thrown that is not an object -> unknown', () => {
      for (const thrown of [undefined, null, 'boom', 42]) {
        const err = toAuthError(thrown);
        expect(err, String(thrown)).to.be.instanceOf(AuthError);
        expect(err.code).to.equal('unknown');
        expect(err.cognitoName).to.equal(undefined);
        expect(err.cognitoMessage).to.equal(undefined);
      }
    });

    it('a plain Error -> unknown', () => {
      expect(toAuthError(new Error('oops')).code).to.equal('unknown');
    });
  });

  it('passes an AuthError through unchanged', () => {
    const original = authError('code-mismatch', { field: 'code', cognitoName: 'CodeMismatchException' });
    for (const context of ['sign-in', 'challenge', 'refresh', 'other'] as ErrorContext[]) {
      expect(toAuthError(original, context)).to.equal(original);
    }
    const sessionExpired = authError('session-expired');
    expect(toAuthError(sessionExpired, 'sign-in')).to.equal(sessionExpired);
  });
});

describe('AuthError', () => {
  it('keeps code, message, cognitoName, cognitoMessage, field and status', () => {
    const err = new AuthError('code-mismatch', 'Wrong code', {
      cognitoName: 'CodeMismatchException',
      cognitoMessage: 'Invalid verification code provided, please try again.',
      field: 'code',
      status: 400,
    });
    expect(err).to.be.instanceOf(Error);
    expect(err.name).to.equal('AuthError');
    expect(err.code).to.equal('code-mismatch');
    expect(err.message).to.equal('Wrong code');
    expect(err.cognitoName).to.equal('CodeMismatchException');
    expect(err.cognitoMessage).to.equal('Invalid verification code provided, please try again.');
    expect(err.field).to.equal('code');
    expect(err.status).to.equal(400);
  });

  it('toJSON has code, message, cognitoName, field and retryable, and never more', () => {
    const err = toAuthError(serviceException('CodeMismatchException', 'Invalid verification code provided, please try again.', 400));
    const full = new AuthError('code-mismatch', 'Wrong code', {
      cognitoName: 'CodeMismatchException',
      cognitoMessage: 'raw text that may echo input',
      field: 'code',
      status: 400,
    });
    expect(full.toJSON()).to.deep.equal({ code: 'code-mismatch', message: 'Wrong code', cognitoName: 'CodeMismatchException', field: 'code', retryable: false });
    expect(JSON.parse(JSON.stringify(full))).to.deep.equal({
      code: 'code-mismatch',
      message: 'Wrong code',
      cognitoName: 'CodeMismatchException',
      field: 'code',
      retryable: false,
    });
    expect(authError('network').toJSON().retryable).to.equal(true);
    const allowed = ['code', 'message', 'cognitoName', 'field', 'retryable'];
    for (const key of Object.keys(JSON.parse(JSON.stringify(err)) as object)) expect(allowed).to.include(key);
    expect(JSON.stringify(err)).not.to.include('Invalid verification code provided');
    expect(JSON.stringify(full)).not.to.include('raw text');
  });

  it('authError(code) gives every code a non-empty English message', () => {
    const codes = Object.keys(ALL_CODES) as AuthErrorCode[];
    expect(codes).to.have.length(77);
    const messages = new Set<string>();
    for (const code of codes) {
      const err = authError(code);
      expect(err.code).to.equal(code);
      expect(err.message, code).to.be.a('string');
      expect(err.message.trim().length, code).to.be.greaterThan(3);
      // Plain English prose, not the code echoed back.
      expect(err.message, code).to.not.equal(code);
      expect(err.message, code).to.match(/^[A-Z].*[.!]$/);
      messages.add(err.message);
    }
    expect(messages.size).to.be.greaterThan(30);
  });

  it('authError passes init through', () => {
    const err = authError('required-field', { field: 'username' });
    expect(err.field).to.equal('username');
    expect(err.toJSON().field).to.equal('username');
  });
});
