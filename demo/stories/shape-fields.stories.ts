// A sign-up form the page shapes (issue 18): checkbox with a link, select, date, a phone number with a country-code
// picker, and validateSignUp's messages under the fields. formFields and validateSignUp are properties of
// <cognito-authenticator> too; here the sign-up screen shows them alone.
import '../../components/screens/sign-up.js';
import type { ShapedFormFields, SignUpValidator } from '../../components/types.js';
import type { StoryContext } from '../csf.js';
import { EXAMPLE_PASSWORD, screenMeta, screenStory, type FrameArgs } from '../story-kit.js';

export default screenMeta('Shape the sign-up/Field types', 'cognito-sign-up');

const options = { usernameAttributes: 'email', signUpAttributes: 'given_name birthdate phone_number' };

const formFields: ShapedFormFields = {
  birthdate: { type: 'date', max: '2012-12-31' },
  phone_number: { type: 'tel', hint: 'For sign-in codes by text message.' },
  'custom:plan': {
    type: 'select',
    label: 'Plan',
    options: [
      { value: 'free', label: 'Free' },
      { value: 'team', label: 'Team' },
      { value: 'enterprise', label: 'Enterprise' },
    ],
  },
  newsletter: { type: 'checkbox', label: 'Send me product news', required: false, send: 'metadata' },
  terms: { type: 'checkbox', label: 'I accept the terms of service', link: { href: 'https://example.com/terms', text: 'Read the terms' }, send: 'metadata' },
};

const validateSignUp: SignUpValidator = (values) =>
  values.username.endsWith('@example.com') ? undefined : { username: 'Use your example.com work address.' };

export const Fields = screenStory('cognito-sign-up', {
  name: 'Checkbox, select, date, phone',
  options,
  formFields,
  props: { validateSignUp },
  state: { screen: 'sign-up', username: '', busy: false },
});

/** The messages a submit shows: a required box not ticked, a phone number that cannot be E.164, the page's own rule. */
export const Messages = {
  ...screenStory('cognito-sign-up', {
    name: 'Messages under the fields',
    options,
    formFields,
    props: { validateSignUp },
    state: { screen: 'sign-up', username: '', busy: false },
  }),
  play: async ({ canvasElement }: StoryContext<FrameArgs>) => {
    const el = canvasElement.querySelector('cognito-sign-up') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
    if (!el) return;
    await el.updateComplete;
    const set = (name: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`[name="${CSS.escape(name)}"]`);
      if (!input) return;
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    set('username', 'ada@gmail.example');
    set('given_name', 'Ada');
    set('phone_number', '12');
    set('password', EXAMPLE_PASSWORD);
    set('confirm_password', EXAMPLE_PASSWORD);
    // The story's flow sends nothing: the checks run before any request, as they do on a page.
    el.querySelector<HTMLFormElement>('form')?.requestSubmit();
    await el.updateComplete;
  },
};
