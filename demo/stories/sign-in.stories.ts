// <cognito-sign-in> in each of its states. Stories render engine states: no server is involved.
import '../../components/screens/sign-in.js';
import { EXAMPLE_PASSWORD, error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/Sign in', 'cognito-sign-in');

const email = { usernameAttributes: 'email' };

export const Empty = screenStory('cognito-sign-in', { options: email, state: { screen: 'sign-in', username: '', busy: false } });

export const Filled = screenStory('cognito-sign-in', {
  options: email,
  state: { screen: 'sign-in', username: 'ada@example.com', busy: false },
  fill: { password: EXAMPLE_PASSWORD },
});

export const Invalid = screenStory('cognito-sign-in', {
  options: email,
  state: { screen: 'sign-in', username: 'ada@example.com', busy: false, error: error('required-field', 'password') },
});

export const Busy = screenStory('cognito-sign-in', {
  options: email,
  state: { screen: 'sign-in', username: 'ada@example.com', busy: true },
  fill: { password: EXAMPLE_PASSWORD },
});

export const ServerError = screenStory('cognito-sign-in', {
  name: 'Server error',
  options: email,
  state: { screen: 'sign-in', username: 'ada@example.com', busy: false, error: error('incorrect-credentials') },
});

export const TooManyAttempts = screenStory('cognito-sign-in', {
  name: 'Locked out',
  options: email,
  state: { screen: 'sign-in', username: 'ada@example.com', busy: false, error: error('too-many-failed-attempts') },
});

export const SignedOut = screenStory('cognito-sign-in', {
  name: 'Notice: signed out',
  options: email,
  state: { screen: 'sign-in', username: '', busy: false, notice: 'signed-out' },
});

export const PlainUsernames = screenStory('cognito-sign-in', {
  name: 'Plain usernames',
  state: { screen: 'sign-in', username: '', busy: false },
});

export const EmailOrPhone = screenStory('cognito-sign-in', {
  name: 'Email or phone, no sign-up',
  options: { usernameAttributes: 'email phone_number' },
  props: { hideSignUp: true },
  state: { screen: 'sign-in', username: '', busy: false },
});
