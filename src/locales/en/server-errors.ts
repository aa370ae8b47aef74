/**
 * English for the errors only Cognito's answers raise (its exceptions, src/errors.ts's toAuthError): src/api/transport.ts
 * registers it when it loads, before it can turn any answer into an error, so the first paint never carries it. The
 * errors a page can raise before any answer (a field left empty, offline, a page set up wrongly) stay in
 * ./first-paint.ts, those of an identity provider's sign-in in ./oauth-errors.ts; the three share the `errors` namespace.
 */
export default {
  errors: {
    // Raised while reading an answer of Cognito's (a challenge this library cannot answer, a malformed SRP challenge).
    'unsupported-challenge': 'This sign-in step is not supported here. Contact the site’s support.',
    'srp-invalid-challenge': 'The sign-in service sent an invalid response. Try again.',
    'incorrect-credentials': 'Incorrect username or password.',
    'user-disabled': 'This account is disabled.',
    'too-many-failed-attempts': 'Too many failed attempts. Wait a while before you try again.',
    'user-not-confirmed': 'This account is not confirmed yet.',
    'password-reset-required': 'You must reset your password before you can sign in.',
    'user-not-found': 'We could not find an account with that username.',
    'username-exists': 'An account with this username already exists.',
    // In a pool whose usernames are email addresses or phone numbers, the screen asks for that, not a "username".
    'email-exists': 'An account with this email address already exists.',
    'phone-exists': 'An account with this phone number already exists.',
    'email-not-found': 'We could not find an account with that email address.',
    'phone-not-found': 'We could not find an account with that phone number.',
    'alias-exists': 'An account with this email address or phone number already exists.',
    'invalid-password': 'The password does not meet the requirements.',
    'password-history': 'You have used this password before. Choose a new one.',
    'invalid-parameter': 'Some of the details you entered are not valid.',
    'code-mismatch': 'Invalid code. Check it and try again.',
    'code-expired': 'The code has expired. Request a new one.',
    'code-delivery-failed': 'We could not send the code. Try again later.',
    'mfa-method-not-found': 'No multi-factor authentication method is set up for this account.',
    'software-token-not-found': 'No authenticator app is set up for this account.',
    'totp-verification-failed': 'The code was not accepted. Check that the clock on your device is correct, then try a new code.',
    'limit-exceeded': 'Attempt limit exceeded. Wait a while before you try again.',
    'sms-configuration': 'Text messages cannot be sent right now.',
    'email-configuration': 'Email cannot be sent right now.',
    'lambda-error': 'The sign-in service rejected the request.',
    forbidden: 'The request was blocked.',
    'unsupported-operation': 'This operation is not supported.',
    'concurrent-modification': 'Something changed at the same time. Try again.',
    'current-password-incorrect': 'Your current password is wrong. Check it and try again.',
    'totp-code-reused': 'This code has already been used. Wait for your authenticator app to show a new code, then enter it.',
    'already-confirmed': 'This account is already confirmed. Sign in to continue.',
    'password-reset-not-allowed':
      'The password of this account cannot be reset yet. Sign in with the temporary password you were given, or contact the site’s support.',
    'no-recovery-destination': 'We cannot send you a reset code: this account has no verified email address or phone number. Contact the site’s support.',
    'temporary-password-expired': 'Your temporary password has expired. Ask an administrator to send you a new one.',
    'sign-up-disabled': 'You cannot create an account here. Ask an administrator to create one for you.',
    'not-authorized': 'This request was not allowed. Sign in again, then try again.',
    'auth-flow-not-enabled': 'This way of signing in is not enabled for this site. Contact the site’s support.',
    'secret-hash-mismatch': 'Sign-in is not set up correctly for this site: the app client secret does not match. Contact the site’s support.',
    'no-sign-in-method': 'This account cannot sign in here in any of the ways this site offers.',
    'passkey-cancelled': 'The passkey request was cancelled, or this device has no passkey for this account. Try again or choose another way to sign in.',
    'passkey-timeout': 'The passkey request timed out. Try again or choose another way to sign in.',
    'passkey-not-found': 'There is no passkey for this account yet. Choose another way to sign in.',
    'passkey-failed': 'The passkey could not be used on this site. Choose another way to sign in.',
    'passkey-exists': 'This device already has a passkey for this account.',
    'passkey-create-cancelled': 'The passkey was not created: the request was cancelled. You can try again.',
    'passkey-create-timeout': 'The passkey was not created: the request timed out. You can try again.',
    'passkey-create-not-supported': 'The passkey was not created: this browser or device cannot make one that this site accepts.',
    'passkey-create-failed': 'The passkey could not be created on this site.',
    'sms-mfa-needs-phone': 'Add and verify a phone number in your profile to use text messages.',
  },
};
