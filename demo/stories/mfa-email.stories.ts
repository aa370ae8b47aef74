// <cognito-mfa-code> answering EMAIL_OTP: the code went to a masked email address.
import '../../components/screens/mfa-code.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/MFA code: email', 'cognito-mfa-code');

const base = {
  screen: 'mfa-code' as const,
  username: 'ada@example.com',
  mfaType: 'EMAIL_OTP' as const,
  delivery: { medium: 'EMAIL', destination: 'a***@e***.com' },
};

export const Empty = screenStory('cognito-mfa-code', { state: { ...base, busy: false } });
export const Filled = screenStory('cognito-mfa-code', { state: { ...base, busy: false }, fill: { code: '48213907' } });
export const Invalid = screenStory('cognito-mfa-code', {
  state: { ...base, busy: false, error: error('required-field', 'code') },
});
export const Busy = screenStory('cognito-mfa-code', { state: { ...base, busy: true }, fill: { code: '48213907' } });
export const ServerError = screenStory('cognito-mfa-code', {
  name: 'Server error',
  state: { ...base, busy: false, error: error('code-expired', 'code') },
  fill: { code: '48213907' },
});
