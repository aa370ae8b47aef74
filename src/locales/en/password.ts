/**
 * English for choosing a new password: the new-password screen and the password checklist.
 */
export default {
  newPassword: {
    title: 'Change your password',
    instructions: 'Please enter a new password.',
    attributesIntro: 'We also need the following details.',
    phoneHint: 'Include the country code, for example +14155550100.',
    submit: 'Send',
  },
  password: {
    requirements: 'Password requirements',
    minLength_one: 'At least {{count}} character',
    minLength_other: 'At least {{count}} characters',
    number: 'Contains a number',
    symbol: 'Contains a special character',
    uppercase: 'Contains an uppercase letter',
    lowercase: 'Contains a lowercase letter',
    met: 'met',
    notMet: 'not met',
  },
};
