/**
 * English of "Forget this device" (AuthFlow.forgetDevice): src/flow/devices.ts registers it when it forgets a device,
 * so the first paint does not carry it.
 */
export default {
  notices: {
    'device-forgotten': 'This device is forgotten. Your next sign-in will ask for your verification code again.',
  },
};
