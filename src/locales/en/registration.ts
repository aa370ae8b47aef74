/**
 * English for the sign-up screen and its field types, and the labels of the attributes a form asks for (sign-up,
 * new-password and the account profile: components/parts/attributes.ts registers it for all three); email and
 * phone_number's are in the first paint's.
 */
export default {
  attributes: {
    address: 'Address',
    birthdate: 'Birthdate',
    family_name: 'Family name',
    gender: 'Gender',
    given_name: 'Given name',
    locale: 'Locale',
    middle_name: 'Middle name',
    name: 'Name',
    nickname: 'Nickname',
    picture: 'Picture URL',
    preferred_username: 'Preferred username',
    profile: 'Profile URL',
    website: 'Website',
    zoneinfo: 'Time zone',
  },
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
