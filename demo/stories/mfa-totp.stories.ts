// <cognito-mfa-code> answering SOFTWARE_TOKEN_MFA: the code from the user's authenticator app.
import '../../components/screens/mfa-code.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/MFA code: TOTP', 'cognito-mfa-code');

const base = { screen: 'mfa-code' as const, username: 'ada@example.com', mfaType: 'SOFTWARE_TOKEN_MFA' as const, deviceName: 'Pixel 9' };

export const Empty = screenStory('cognito-mfa-code', { state: { ...base, busy: false } });
export const Filled = screenStory('cognito-mfa-code', { state: { ...base, busy: false }, fill: { code: '287082' } });
export const Invalid = screenStory('cognito-mfa-code', {
  state: { ...base, busy: false, error: error('invalid-code-format', 'code') },
  fill: { code: '28' },
});
export const Busy = screenStory('cognito-mfa-code', { state: { ...base, busy: true }, fill: { code: '287082' } });
export const ServerError = screenStory('cognito-mfa-code', {
  name: 'Server error',
  state: { ...base, busy: false, error: error('code-mismatch', 'code') },
  fill: { code: '000000' },
});
export const NoDeviceName = screenStory('cognito-mfa-code', {
  name: 'No device name',
  state: { screen: 'mfa-code', username: 'ada@example.com', mfaType: 'SOFTWARE_TOKEN_MFA', busy: false },
});

// 10. Modern: pick theme "modern" — logo in the card, centred title, muted description, a clear type scale.
export const ModernLayout = screenStory('cognito-mfa-code', {
  name: '10. Modern layout (choose the modern theme)',
  state: { screen: 'mfa-code', username: 'ada', busy: false, mfaType: 'SOFTWARE_TOKEN_MFA', deviceName: 'Pixel 9' },
});
