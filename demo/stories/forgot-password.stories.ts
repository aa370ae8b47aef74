// <cognito-forgot-password>: ForgotPassword sends a code.
import '../../components/screens/forgot-password.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/Forgot password', 'cognito-forgot-password');

const options = { usernameAttributes: 'email' };

export const Empty = screenStory('cognito-forgot-password', { options, state: { screen: 'forgot-password', username: '', busy: false } });
export const Filled = screenStory('cognito-forgot-password', { options, state: { screen: 'forgot-password', username: 'ada@example.com', busy: false } });
export const Invalid = screenStory('cognito-forgot-password', {
  options,
  state: { screen: 'forgot-password', username: '', busy: false, error: error('required-field', 'username') },
});
export const Busy = screenStory('cognito-forgot-password', { options, state: { screen: 'forgot-password', username: 'ada@example.com', busy: true } });
export const ServerError = screenStory('cognito-forgot-password', {
  name: 'Server error',
  options,
  state: { screen: 'forgot-password', username: 'ada@example.com', busy: false, error: error('limit-exceeded') },
});
export const ResetRequired = screenStory('cognito-forgot-password', {
  name: 'Notice: reset required',
  options,
  state: { screen: 'forgot-password', username: 'ada@example.com', busy: false, notice: 'password-reset-required' },
});
