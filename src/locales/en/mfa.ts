/**
 * English for choosing and setting up multi-factor authentication (authenticator app, text messages).
 */
export default {
  selectMfa: {
    title: 'Choose how to verify',
    instructions: 'Choose the method you want to use to verify your identity.',
    submit: 'Continue',
  },
  setupMfa: {
    title: 'Set up multi-factor authentication',
    instructions: 'Your account must have multi-factor authentication. Choose a method to set up.',
    submit: 'Continue',
    emailLabel: 'Email address for codes',
    legend: 'Method to set up',
    emailInvalid: 'Enter a valid email address.',
  },
  setupTotp: {
    title: 'Set up an authenticator app',
    step1: 'Install an authenticator app on your mobile device.',
    step2: 'Scan this QR code with the app.',
    step3: 'Enter the 6-digit code the app shows.',
    qrAlt: 'QR code to add this account to an authenticator app',
    showSecret: 'Can’t scan the code? Show the secret key',
    hideSecret: 'Hide the secret key',
    secretLabel: 'Secret key',
    deviceName: 'Device name',
    submit: 'Verify',
    deviceNameHint: 'A name to recognise this app by later, such as “Work phone”.',
    qrLoading: 'Loading the QR code…',
    qrFailed: 'The QR code could not be shown. Use the secret key instead.',
    cancel: 'Cancel',
    copy: 'Copy key',
    copied: 'Key copied.',
    copyFailed: 'Copying did not work. Select the key and copy it.',
  },
  setupSms: {
    title: 'Set up text message codes',
    instructions: 'Enter the mobile phone number that should receive your sign-in codes, with its country code.',
    submit: 'Continue',
    phoneHint: 'Include the country code, for example {{example}}.',
  },
};
