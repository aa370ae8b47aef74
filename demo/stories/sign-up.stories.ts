// <cognito-sign-up>: username per the pool, sign-up attributes, the live password checklist.
import '../../components/screens/sign-up.js';
import type { StoryContext, StoryObj } from '../csf.js';
import { EXAMPLE_PASSWORD, error, screenMeta, screenStory, typeInto, type FrameArgs } from '../story-kit.js';

export default screenMeta('Screens/Sign up', 'cognito-sign-up');

const options = { usernameAttributes: 'email', signUpAttributes: 'given_name family_name' };

export const Empty = screenStory('cognito-sign-up', { options, state: { screen: 'sign-up', username: '', busy: false } });

export const Filled = screenStory('cognito-sign-up', {
  options,
  state: { screen: 'sign-up', username: '', busy: false },
  fill: { username: 'ada@example.com', given_name: 'Ada', family_name: 'Lovelace', password: EXAMPLE_PASSWORD, confirm_password: EXAMPLE_PASSWORD },
});

export const Invalid = screenStory('cognito-sign-up', {
  options,
  state: { screen: 'sign-up', username: 'ada@example.com', busy: false, error: error('password-policy', 'password') },
  fill: { given_name: 'Ada', family_name: 'Lovelace', password: 'lovelace', confirm_password: 'lovelace1' },
});

export const Busy = screenStory('cognito-sign-up', {
  options,
  state: { screen: 'sign-up', username: 'ada@example.com', busy: true },
  fill: { given_name: 'Ada', family_name: 'Lovelace', password: EXAMPLE_PASSWORD, confirm_password: EXAMPLE_PASSWORD },
});

export const ServerError = screenStory('cognito-sign-up', {
  name: 'Server error',
  options,
  state: { screen: 'sign-up', username: 'ada@example.com', busy: false, error: error('username-exists', 'username') },
  fill: { given_name: 'Ada', family_name: 'Lovelace' },
});

export const PhoneAndCustomAttribute = screenStory('cognito-sign-up', {
  name: 'Phone username, custom attribute',
  options: { usernameAttributes: 'phone_number', signUpAttributes: 'email birthdate custom:company' },
  formFields: { 'custom:company': { label: 'Company', required: false, order: 1 } },
  state: { screen: 'sign-up', username: '', busy: false },
});

export const StrictPolicy = screenStory('cognito-sign-up', {
  name: 'Password policy: 12 characters',
  options: { ...options, passwordPolicy: { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false } },
  state: { screen: 'sign-up', username: '', busy: false },
  fill: { password: 'Lovelace1' },
});

/** A screen story with a `play` of its own (typing, then leaving a field). */
function withPlay(story: StoryObj<FrameArgs>, play: (el: HTMLElement & { updateComplete: Promise<unknown> }) => Promise<void>, tag: string): StoryObj<FrameArgs> {
  return {
    ...story,
    play: async ({ canvasElement }: StoryContext<FrameArgs>) => {
      const el = canvasElement.querySelector(tag) as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
      if (el) await play(el);
    },
  };
}

// 3. Password checks: neutral until typed; the mismatch said under the confirmation once it is left.
export const ChecksNeutral = screenStory('cognito-sign-up', { name: '3. Password checks before typing', state: { screen: 'sign-up', username: '', busy: false } });
export const MismatchOnLeave = withPlay(
  screenStory('cognito-sign-up', { name: '3. Mismatch after leaving the confirmation', state: { screen: 'sign-up', username: '', busy: false } }),
  async (el) => {
    typeInto(el, 'password', EXAMPLE_PASSWORD);
    el.querySelector<HTMLInputElement>('[name="confirm_password"]')!.focus();
    typeInto(el, 'confirm_password', 'Correct-horse');
    await el.updateComplete;
    el.querySelector<HTMLInputElement>('[name="password"]')!.focus();
    await el.updateComplete;
  },
  'cognito-sign-up',
);
