// <cognito-confirm-sign-up>: the code Cognito sent after SignUp (or to an unconfirmed user who signs in).
import '../../components/screens/confirm-sign-up.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/Confirm sign-up', 'cognito-confirm-sign-up');

const delivery = { medium: 'EMAIL', destination: 'a***@e***.com', attribute: 'email' };
const base = { screen: 'confirm-sign-up' as const, username: 'ada@example.com', delivery };

export const Empty = screenStory('cognito-confirm-sign-up', { state: { ...base, busy: false } });

export const Filled = screenStory('cognito-confirm-sign-up', { state: { ...base, busy: false }, fill: { code: '123456' } });

export const Invalid = screenStory('cognito-confirm-sign-up', {
  state: { ...base, busy: false, error: error('invalid-code-format', 'code') },
  fill: { code: '12ab' },
});

export const Busy = screenStory('cognito-confirm-sign-up', { state: { ...base, busy: true }, fill: { code: '123456' } });

export const ServerError = screenStory('cognito-confirm-sign-up', {
  name: 'Server error',
  state: { ...base, busy: false, error: error('code-mismatch', 'code') },
  fill: { code: '654321' },
});

export const CodeResent = screenStory('cognito-confirm-sign-up', {
  name: 'Notice: code resent',
  state: { ...base, busy: false, notice: 'code-resent' },
});

export const ResendFailed = screenStory('cognito-confirm-sign-up', {
  name: 'Resend failed',
  state: { screen: 'confirm-sign-up', username: 'ada@example.com', busy: false, resendError: error('limit-exceeded') },
});
