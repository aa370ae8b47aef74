// <cognito-setup-mfa>: MFA_SETUP, when the pool requires MFA and the user has none yet.
import '../../components/screens/setup-mfa.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/Set up MFA', 'cognito-setup-mfa');

const base = { screen: 'setup-mfa' as const, username: 'ada', options: ['SOFTWARE_TOKEN_MFA' as const, 'EMAIL_OTP' as const, 'SMS_MFA' as const] };

export const Empty = screenStory('cognito-setup-mfa', { state: { ...base, busy: false } });
export const Filled = screenStory('cognito-setup-mfa', {
  name: 'Filled (email)',
  state: { ...base, busy: false },
  fill: { mfa: 'EMAIL_OTP', email: 'ada@example.com' },
});
export const Invalid = screenStory('cognito-setup-mfa', {
  state: { ...base, busy: false, error: error('invalid-parameter', 'email') },
  fill: { mfa: 'EMAIL_OTP', email: 'ada@' },
});
export const Busy = screenStory('cognito-setup-mfa', { state: { ...base, busy: true } });
export const ServerError = screenStory('cognito-setup-mfa', {
  name: 'Server error',
  state: { ...base, busy: false, error: error('session-expired') },
});
