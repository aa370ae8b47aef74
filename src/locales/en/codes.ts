/**
 * English for entering a code we sent or an app shows: confirming an account, multi-factor and sign-in codes.
 */
export default {
  confirmSignUp: {
    title: 'Confirm your account',
    sentNowhere: 'Enter the code we sent you to confirm your account.',
    submit: 'Verify',
    resend: 'Send a new code',
    resendFailed: 'We could not send a new code.',
  },
  mfaCode: {
    title: 'Verify your identity',
    sms: 'We have sent a code by text message to {{destination}}. Enter it below.',
    email: 'We have sent a code by email to {{destination}}. Enter it below.',
    totp: 'Enter the code from your authenticator app.',
    totpDevice: 'Enter the code from your authenticator app on {{device}}.',
    submit: 'Verify',
    smsNowhere: 'We have sent a code by text message. Enter it below.',
    emailNowhere: 'We have sent a code by email. Enter it below.',
    rememberDevice: 'Remember this device',
  },
};
