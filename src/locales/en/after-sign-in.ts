/**
 * English for the prompts after sign-in: offering to create a passkey, verifying an email address or phone number.
 */
export default {
  passkeyPrompt: {
    title: 'Create a passkey?',
    instructions: 'Next time, sign in with your fingerprint, face or screen lock instead of a password or code.',
    create: 'Create a passkey',
    notNow: 'Not now',
    dontAskAgain: 'Don’t ask again on this device',
    waiting: 'Follow your browser’s instructions to create your passkey.',
  },
  verifyAttributes: {
    titleEmail: 'Verify your email address',
    titlePhone: 'Verify your phone number',
    instructions: 'Verify {{value}} so you can reset your password if you forget it.',
    send: 'Send code',
    sent: 'We have sent a code to {{destination}}. Enter it below.',
    sentNowhere: 'We have sent a code. Enter it below.',
    submit: 'Verify',
    resend: 'Send a new code',
    skip: 'Skip for now',
  },
};
