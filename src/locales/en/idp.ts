/**
 * English for signing in with an identity provider (social and corporate buttons, email-domain routing).
 */
export default {
  idp: {
    corporateHeading: 'Sign in with your corporate ID',
    socialHeading: 'Sign in with a social account',
    continueWith: 'Continue with {{provider}}',
    legalText: 'We won’t post to any of your accounts without asking first',
    emailLabel: 'Work email',
    emailPlaceholder: 'name@host.com',
    submit: 'Sign in',
    usePassword: 'You can also sign in with your password below.',
    providers: {
      Google: 'Google',
      Facebook: 'Facebook',
      LoginWithAmazon: 'Amazon',
      SignInWithApple: 'Apple',
    },
    continueSso: 'Continue with single sign-on',
  },
};
