/**
 * English for resetting a forgotten password.
 */
export default {
  // Shown by the reset screen only (Cognito asked for a reset at sign-in).
  notices: {
    'password-reset-required': 'You must reset your password. Enter the code we sent you and a new password.',
  },
  forgotPassword: {
    title: 'Forgot your password?',
    instructions: 'Enter your username below and we will send a code to reset your password.',
    instructionsEmail: 'Enter your email address below and we will send a code to reset your password.',
    instructionsPhone: 'Enter your phone number below and we will send a code to reset your password.',
    instructionsEmailOrPhone: 'Enter your email address or phone number below and we will send a code to reset your password.',
    submit: 'Reset my password',
  },
  confirmForgotPassword: {
    title: 'Reset your password',
    sentEmail: 'We have sent a password reset code by email to {{destination}}. Enter it below to reset your password.',
    sentSms: 'We have sent a password reset code by text message to {{destination}}. Enter it below to reset your password.',
    sentNowhere: 'Enter the password reset code we sent you.',
    submit: 'Reset my password',
    resend: 'Send a new code',
  },
};
