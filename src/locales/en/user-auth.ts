/**
 * English for choice-based sign-in (the `sign-in-methods` option): the sentence above the sign-in form and the screens
 * that choose a way, take a password or a code, or wait for a passkey. components/features/user-auth.ts registers it;
 * the sign-in screen waits for it before its first render when the option is set.
 */
export default {
  userAuth: {
    heading: 'Enter your username, then choose how to sign in.',
    headingEmail: 'Enter your email, then choose how to sign in.',
    methodTitle: 'Choose how to sign in',
    signingInAs: 'Signing in as {{name}}',
    methods: {
      password: 'Use my password',
      'email-otp': 'Email me a code',
      'sms-otp': 'Text me a code',
      passkey: 'Sign in with a passkey',
    },
    otherWays: 'Other ways to sign in',
    passkeyWaiting: 'Follow your browser’s instructions to use your passkey.',
    passwordTitle: 'Enter your password',
    codeTitle: 'Enter your sign-in code',
  },
};
