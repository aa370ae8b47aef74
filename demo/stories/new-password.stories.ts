// <cognito-new-password>: NEW_PASSWORD_REQUIRED, for users an administrator created, with required attributes.
import '../../components/screens/new-password.js';
import { EXAMPLE_PASSWORD, error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/New password', 'cognito-new-password');

const base = { screen: 'new-password' as const, username: 'ada', requiredAttributes: ['given_name'], userAttributes: { email: 'ada@example.com' } };

export const Empty = screenStory('cognito-new-password', { state: { ...base, busy: false } });
export const Filled = screenStory('cognito-new-password', {
  state: { ...base, busy: false },
  fill: { password: EXAMPLE_PASSWORD, confirm_password: EXAMPLE_PASSWORD, given_name: 'Ada' },
});
export const Invalid = screenStory('cognito-new-password', {
  state: { ...base, busy: false, error: error('passwords-do-not-match', 'confirm_password') },
  fill: { password: EXAMPLE_PASSWORD, confirm_password: 'Correct-horse-8', given_name: 'Ada' },
});
export const Busy = screenStory('cognito-new-password', {
  state: { ...base, busy: true },
  fill: { password: EXAMPLE_PASSWORD, confirm_password: EXAMPLE_PASSWORD, given_name: 'Ada' },
});
export const ServerError = screenStory('cognito-new-password', {
  name: 'Server error',
  state: { ...base, busy: false, error: error('password-history', 'password') },
});
export const NoAttributes = screenStory('cognito-new-password', {
  name: 'No required attributes',
  state: { screen: 'new-password', username: 'ada', requiredAttributes: [], userAttributes: {}, busy: false },
});
