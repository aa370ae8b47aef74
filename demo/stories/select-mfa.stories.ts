// <cognito-select-mfa>: SELECT_MFA_TYPE, when a user has more than one MFA method.
import '../../components/screens/select-mfa.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/Select MFA', 'cognito-select-mfa');

const base = { screen: 'select-mfa' as const, username: 'ada@example.com', options: ['SOFTWARE_TOKEN_MFA' as const, 'SMS_MFA' as const, 'EMAIL_OTP' as const] };

export const Empty = screenStory('cognito-select-mfa', { state: { ...base, busy: false } });
export const Filled = screenStory('cognito-select-mfa', { state: { ...base, busy: false }, fill: { mfa: 'SMS_MFA' } });
export const Invalid = screenStory('cognito-select-mfa', { state: { ...base, busy: false, error: error('required-field', 'mfa') } });
export const Busy = screenStory('cognito-select-mfa', { state: { ...base, busy: true } });
export const ServerError = screenStory('cognito-select-mfa', {
  name: 'Server error',
  state: { ...base, busy: false, error: error('too-many-requests') },
});

export const MfaChoiceMessage = screenStory('cognito-select-mfa', {
  name: '4. "Choose a way to verify."',
  state: { screen: 'select-mfa', username: 'ada', busy: false, options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'], error: error('required-field', 'mfa') },
});
