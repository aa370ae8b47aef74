// <cognito-confirm-forgot-password>: the code from ForgotPassword and a new password (ConfirmForgotPassword).
import '../../components/screens/confirm-forgot-password.js';
import { EXAMPLE_PASSWORD, error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/Confirm forgot password', 'cognito-confirm-forgot-password');

const base = { screen: 'confirm-forgot-password' as const, username: 'ada@example.com', delivery: { medium: 'EMAIL', destination: 'a***@e***.com' } };

export const Empty = screenStory('cognito-confirm-forgot-password', { state: { ...base, busy: false } });
export const Filled = screenStory('cognito-confirm-forgot-password', {
  state: { ...base, busy: false },
  fill: { code: '123456', password: EXAMPLE_PASSWORD, confirm_password: EXAMPLE_PASSWORD },
});
export const Invalid = screenStory('cognito-confirm-forgot-password', {
  state: { ...base, busy: false, error: error('password-policy', 'password') },
  fill: { code: '123456', password: 'password', confirm_password: 'password' },
});
export const Busy = screenStory('cognito-confirm-forgot-password', {
  state: { ...base, busy: true },
  fill: { code: '123456', password: EXAMPLE_PASSWORD, confirm_password: EXAMPLE_PASSWORD },
});
export const ServerError = screenStory('cognito-confirm-forgot-password', {
  name: 'Server error',
  state: { ...base, busy: false, error: error('code-expired', 'code') },
  fill: { code: '123456' },
});
