/**
 * English for the first paint: what the sign-in screen, the frame around every screen, the errors a page can raise
 * before Cognito has answered anything (those of its answers are ./server-errors.ts) and the signed-in view need. src/i18n-phrases.ts bundles it; every other namespace is its own module
 * (./*.ts), registered by the elements that show it (components/features/*.ts).
 */
export default {
  common: {
    username: 'Username',
    email: 'Email',
    phone_number: 'Phone number',
    emailOrPhone: 'Email or phone number',
    password: 'Password',
    newPassword: 'New password',
    currentPassword: 'Current password',
    confirmPassword: 'Confirm password',
    code: 'Code',
    showPassword: 'Show password',
    optional: '(optional)',
    busy: 'Please wait…',
    retry: 'Try again',
    offline: 'You are offline. Check your connection.',
    back: 'Back to sign in',
    or: 'or',
  },
  fieldErrors: {
    email: 'Enter your email address.',
    phone: 'Enter your phone number.',
    username: 'Enter your username.',
    password: 'Enter your password.',
    confirmPassword: 'Enter the password again.',
    code: 'Enter the code.',
    mfa: 'Choose a way to verify.',
    other: '{{field}} is required.',
  },
  // Only the contact attributes, which later steps without the registration module name too (setup-sms's phone number
  // error, verifying an address); the other labels come with the sign-up, new-password and profile forms (./registration.ts).
  attributes: {
    email: 'Email',
    phone_number: 'Phone number',
  },
  signIn: {
    title: 'Sign in',
    heading: 'Sign in with your username and password',
    headingEmail: 'Sign in with your email and password',
    submit: 'Sign in',
    forgotPassword: 'Forgot your password?',
    needAccount: 'Need an account?',
    signUp: 'Sign up',
  },
  mfaTypes: {
    SMS_MFA: 'Text message (SMS)',
    SOFTWARE_TOKEN_MFA: 'Authenticator app',
    EMAIL_OTP: 'Email',
  },
  signedIn: {
    title: 'Signed in',
    as: 'Signed in as {{name}}',
    signOut: 'Sign out',
  },
  notices: {
    'signed-out': 'You have signed out.',
    'password-changed': 'Your password has been changed. Sign in with your new password.',
    'account-confirmed': 'Your account is confirmed. Sign in to continue.',
    'code-resent': 'A new code has been sent.',
    'totp-enabled': 'Your authenticator app is set up.',
    'passkey-created': 'Your passkey is ready. Next time, sign in with it.',
    'account-deleted': 'Your account has been deleted.',
  },
  config: {
    title: 'Sign-in is not set up correctly',
    attribute: 'Check the {{attribute}} attribute: {{message}}',
  },
  errors: {
    'session-expired': 'Your session has expired. Sign in again.',
    'too-many-requests': 'Too many requests. Wait a moment and try again.',
    configuration: 'Sign-in is not set up correctly for this site.',
    offline: 'You are offline. Connect to the internet, then try again.',
    network: 'We could not reach the sign-in service. Check your connection and try again.',
    timeout: 'The sign-in service took too long to answer. Try again.',
    'server-error': 'The sign-in service had a problem. Try again.',
    'required-field': 'Fill in {{field}}.',
    'passwords-do-not-match': 'The passwords do not match.',
    'password-policy': 'The password does not meet the requirements below.',
    'invalid-phone-number': 'Enter the phone number with its country code, for example +14155550100.',
    'invalid-code-format': 'Enter the code you received, digits only.',
    'not-signed-in': 'You are not signed in.',
    'session-revoked': 'Your session has ended, for example because you signed out on all devices. Sign in again.',
    'confirmation-mismatch': 'What you typed does not match. Type it exactly as shown.',
    'attribute-not-writable': 'This site is not allowed to save some of the details you entered. Contact the site’s support.',
    'passkey-not-supported': 'This browser does not support passkeys. Choose another way to sign in.',
    unknown: 'Something went wrong. Try again.',
  },
};
