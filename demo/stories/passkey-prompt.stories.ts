// <cognito-passkey-prompt>: "Create a passkey" after a sign-in without one; the progress while the browser's dialog is
// open; a passkey already on this device. And "Remember this device" on the MFA screen (remember-device).
import '../../components/screens/passkey-prompt.js';
import '../../components/screens/mfa-code.js';
import type { UserSession } from '../../src/session/tokens.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/Passkey prompt', 'cognito-passkey-prompt');

// The prompt shows nothing of the session: a placeholder stands in for the tokens a real sign-in has.
const session = { username: 'ada', claims: { email: 'ada@example.com' }, tokens: {} } as unknown as UserSession;
const base = { screen: 'passkey-prompt' as const, username: 'ada@example.com', session };
const options = { signInMethods: 'passkey email-otp password' };

export const Prompt = screenStory('cognito-passkey-prompt', { state: { ...base, busy: false }, options });
export const Creating = screenStory('cognito-passkey-prompt', { name: 'Dialog open (progress)', state: { ...base, busy: true }, options });
export const AlreadyThere = screenStory('cognito-passkey-prompt', { name: 'Passkey already on this device', state: { ...base, busy: false, error: error('passkey-exists') }, options });
export const Cancelled = screenStory('cognito-passkey-prompt', { name: 'Dialog cancelled', state: { ...base, busy: false, error: error('passkey-create-cancelled') }, options });
export const RememberDevice = screenStory('cognito-mfa-code', {
  name: 'MFA with "Remember this device"',
  state: { screen: 'mfa-code', username: 'ada', mfaType: 'SMS_MFA', delivery: { medium: 'SMS', destination: '+*******0101' }, busy: false },
  props: { rememberDevice: true },
});
