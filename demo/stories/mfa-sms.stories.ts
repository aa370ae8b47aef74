// <cognito-mfa-code> answering SMS_MFA: the code went by text message to a masked number.
import '../../components/screens/mfa-code.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/MFA code: SMS', 'cognito-mfa-code');

const base = {
  screen: 'mfa-code' as const,
  username: 'ada@example.com',
  mfaType: 'SMS_MFA' as const,
  delivery: { medium: 'SMS', destination: '+*******0101' },
};

export const Empty = screenStory('cognito-mfa-code', { state: { ...base, busy: false } });
export const Filled = screenStory('cognito-mfa-code', { state: { ...base, busy: false }, fill: { code: '123456' } });
export const Invalid = screenStory('cognito-mfa-code', {
  state: { ...base, busy: false, error: error('invalid-code-format', 'code') },
  fill: { code: '12ab' },
});
export const Busy = screenStory('cognito-mfa-code', { state: { ...base, busy: true }, fill: { code: '123456' } });
export const ServerError = screenStory('cognito-mfa-code', {
  name: 'Server error',
  state: { ...base, busy: false, error: error('code-mismatch', 'code') },
  fill: { code: '000000' },
});
export const SessionExpired = screenStory('cognito-mfa-code', {
  name: 'Session expired',
  state: { ...base, busy: false, error: error('session-expired') },
});

// 2. Focus: the code step focuses its code input (phones show the keyboard and the one-time-code suggestion).
export const FocusOnCode = screenStory('cognito-mfa-code', {
  name: '2. Focus on the code',
  state: { screen: 'mfa-code', username: 'ada', busy: false, mfaType: 'SMS_MFA', delivery: { medium: 'SMS', destination: '+*******0100' } },
  props: { focusOnArrival: true },
});
