// Choice-based sign-in (sign-in-methods, issue 14): the identifier-first sign-in form, the choice of methods (and the
// progress line while the passkey dialog is open), the password step, the first-factor code step, and each passkey
// failure with the other ways still offered.
import '../../components/screens/sign-in.js';
import '../../components/screens/sign-in-method.js';
import '../../components/screens/sign-in-password.js';
import '../../components/screens/sign-in-code.js';
import type { SignInMethod } from '../../src/state/index.js';
import { error, EXAMPLE_PASSWORD, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/Passwordless sign-in', 'cognito-sign-in-method');

const options = { signInMethods: 'passkey email-otp sms-otp password' };
const methods: SignInMethod[] = ['passkey', 'email-otp', 'sms-otp', 'password'];
const choice = { screen: 'sign-in-method' as const, username: 'ada@example.com', methods };

export const IdentifierFirst = screenStory('cognito-sign-in', {
  name: 'Sign-in: username first (password optional)',
  state: { screen: 'sign-in', username: '', busy: false },
  options,
});
export const PasswordlessOnly = screenStory('cognito-sign-in', {
  name: 'Sign-in: no password at all',
  state: { screen: 'sign-in', username: 'ada@example.com', busy: false },
  options: { signInMethods: 'passkey email-otp' },
});
export const Choice = screenStory('cognito-sign-in-method', { name: 'Choose a method', state: { ...choice, busy: false }, options });
export const PasskeyDialogOpen = screenStory('cognito-sign-in-method', {
  name: 'Passkey dialog open (progress)',
  state: { ...choice, busy: true, pending: 'passkey' },
  options,
});
export const PasskeyCancelled = screenStory('cognito-sign-in-method', {
  name: 'Passkey cancelled',
  state: { ...choice, busy: false, error: error('passkey-cancelled') },
  options,
});
export const PasskeyTimeout = screenStory('cognito-sign-in-method', {
  name: 'Passkey timed out',
  state: { ...choice, busy: false, error: error('passkey-timeout') },
  options,
});
export const NoPasskey = screenStory('cognito-sign-in-method', {
  name: 'No passkey yet',
  state: { ...choice, methods: ['email-otp', 'password'], busy: false, error: error('passkey-not-found') },
  options,
});
export const NotSupported = screenStory('cognito-sign-in-method', {
  name: 'Browser without passkeys',
  state: { ...choice, methods: ['email-otp', 'password'], busy: false, error: error('passkey-not-supported') },
  options,
});
export const NoMethod = screenStory('cognito-sign-in-method', {
  name: 'No way to sign in here',
  state: { ...choice, methods: [], busy: false, error: error('no-sign-in-method') },
  options,
});
export const Password = screenStory('cognito-sign-in-password', {
  name: 'Password step',
  state: { screen: 'sign-in-password', username: 'ada@example.com', methods, busy: false },
  options,
  fill: { password: EXAMPLE_PASSWORD },
});
export const EmailCode = screenStory('cognito-sign-in-code', {
  name: 'Email code',
  state: { screen: 'sign-in-code', username: 'ada@example.com', method: 'email-otp', delivery: { medium: 'EMAIL', destination: 'a***@e***' }, methods, busy: false },
  options,
});
export const SmsCodeResent = screenStory('cognito-sign-in-code', {
  name: 'Text message code, resent',
  state: { screen: 'sign-in-code', username: 'ada@example.com', method: 'sms-otp', delivery: { medium: 'SMS', destination: '+*******0101' }, methods, busy: false, notice: 'code-resent' },
  options,
});
export const WrongCode = screenStory('cognito-sign-in-code', {
  name: 'Wrong code',
  state: { screen: 'sign-in-code', username: 'ada@example.com', method: 'email-otp', delivery: { medium: 'EMAIL', destination: 'a***@e***' }, methods, busy: false, error: error('code-mismatch', 'code') },
  options,
  fill: { code: '000000' },
});
