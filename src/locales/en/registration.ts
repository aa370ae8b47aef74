/**
 * English for the sign-up screen and its field types.
 */
export default {
  fields: {
    choose: 'Choose…',
    countryCode: 'Country code',
    checkboxRequired: 'Tick this box to continue.',
    phoneInvalid: 'Enter a valid phone number.',
  },
  signUp: {
    title: 'Sign up',
    heading: 'Sign up with a new account',
    submit: 'Sign up',
    haveAccount: 'Already have an account?',
    signIn: 'Sign in',
    phoneHint: 'Include the country code, for example +14155550100.',
  },
};
