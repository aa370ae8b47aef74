// Sign-up with fields shaped by the page: the country chosen in a tel field's picker stays chosen whatever re-renders
// the form (typing elsewhere, the password checklist), by mouse or keyboard; and one submit of an empty form reports
// every missing field at once, under each field, with focus on the first one in the form's order. What is asserted is
// what the user sees and the request Cognito gets.
import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import '../../components/screens/sign-up.js';
import type { CognitoSignUp } from '../../components/screens/sign-up.js';
import type { ShapedFormFields } from '../../components/types.js';
import { described, harness, input, mount, submit, type } from './helpers.js';
import { until } from '../support/until.js';

const PASSWORD = 'Pass-word-1';

/** The README's example ("Sign-up fields: types, consent, phone numbers, your own checks"). */
const README_FIELDS: ShapedFormFields = {
  birthdate: { type: 'date', max: '2012-12-31' },
  phone_number: { type: 'tel' },
  'custom:plan': { type: 'select', label: 'Plan', options: [{ value: 'free', label: 'Free' }, { value: 'team', label: 'Team' }] },
  newsletter: { type: 'checkbox', label: 'Send me product news', required: false, send: 'metadata' },
  terms: { type: 'checkbox', label: 'I accept the terms', link: { href: '/terms', text: 'Read the terms' }, send: 'metadata' },
};

async function screen(formFields: ShapedFormFields, options: Parameters<typeof harness>[0] = {}) {
  const h = harness({ usernameAttributes: 'email', ...options });
  h.cognito.on('signUp', () => ({ UserConfirmed: false, UserSub: 'sub-1', CodeDeliveryDetails: { Destination: 'a***@e***', DeliveryMedium: 'EMAIL' } }));
  h.flow.goTo('sign-up');
  const el = await mount<CognitoSignUp>('cognito-sign-up', h.flow, { formFields });
  return { h, el };
}

function picker(el: Element): HTMLSelectElement {
  return el.querySelector<HTMLSelectElement>('select[name="phone_number#region"]')!;
}

/** What the picker shows: the text of its selected option. */
function shown(select: HTMLSelectElement): string {
  return select.selectedOptions[0]?.textContent?.trim() ?? '';
}

/** The message a user reads for an input: what its aria-describedby names, when it is marked invalid. */
function messageFor(el: Element, name: string): string | undefined {
  const field = input(el, name);
  return field.getAttribute('aria-invalid') === 'true' ? described(field) : undefined;
}

describe('sign-up: the country chosen for a phone number stays chosen', () => {
  it('chosen with the mouse, it survives typing in the other fields and the number goes out with its code', async () => {
    const { h, el } = await screen({ phone_number: { type: 'tel' } });
    const select = picker(el);
    expect(select.value, 'the browser\'s region (en-US) first').to.equal('US');
    select.focus();
    select.value = 'DE';
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
    type(el, 'phone_number', '15123456789');
    await el.updateComplete;
    type(el, 'username', 'ada@example.com');
    await el.updateComplete;
    // The password re-renders the form (its checklist) on every keystroke.
    for (const end of [1, 4, PASSWORD.length]) {
      type(el, 'password', PASSWORD.slice(0, end));
      await el.updateComplete;
      expect(picker(el).value, `after ${end} password characters`).to.equal('DE');
      expect(shown(picker(el))).to.equal('Germany +49');
    }
    type(el, 'confirm_password', PASSWORD);
    await el.updateComplete;
    expect(shown(picker(el))).to.equal('Germany +49');
    await submit(el);
    expect(h.cognito.callsOf('signUp')).to.have.length(1);
    expect(h.cognito.callsOf('signUp')[0]!.UserAttributes).to.deep.include({ Name: 'phone_number', Value: '+4915123456789' });
  });

  it('chosen with the keyboard (typing "Germ" on the picker), it survives real typing elsewhere', async () => {
    const { h, el } = await screen({ phone_number: { type: 'tel' } });
    picker(el).focus();
    await sendKeys({ type: 'Germ' });
    await until(() => picker(el).value === 'DE', 'Germany to be chosen by typing');
    for (const [name, text] of [['phone_number', '15123456789'], ['username', 'ada@example.com'], ['password', PASSWORD], ['confirm_password', PASSWORD]] as const) {
      input(el, name).focus();
      await sendKeys({ type: text });
      await el.updateComplete;
      expect(shown(picker(el)), `after typing in ${name}`).to.equal('Germany +49');
    }
    await submit(el);
    expect(h.cognito.callsOf('signUp')[0]!.UserAttributes).to.deep.include({ Name: 'phone_number', Value: '+4915123456789' });
  });
});

describe('sign-up: one submit reports every missing field', () => {
  it('the README\'s fields, all empty: a message under each required field, none under optional ones, focus on the first', async () => {
    const { h, el } = await screen(README_FIELDS, { signUpAttributes: 'given_name' });
    // Fields without `required: false` are required: no "(optional)" after their label.
    for (const name of ['birthdate', 'phone_number', 'custom:plan', 'terms']) {
      expect(el.querySelector(`[data-field="${name}"] .cognito-optional`), name).to.equal(null);
      expect(input(el, name).getAttribute('aria-required'), name).to.equal('true');
    }
    expect(el.querySelector('[data-field="newsletter"] .cognito-optional')).to.not.equal(null);

    await submit(el);
    expect(h.cognito.calls, 'nothing is sent').to.have.length(0);
    expect(messageFor(el, 'username')).to.equal('Enter your email address.');
    expect(messageFor(el, 'given_name')).to.equal('Given name is required.');
    expect(messageFor(el, 'birthdate')).to.equal('Birthdate is required.');
    expect(messageFor(el, 'phone_number')).to.equal('Enter your phone number.');
    expect(messageFor(el, 'custom:plan')).to.equal('Plan is required.');
    expect(messageFor(el, 'terms')).to.equal('Tick this box to continue.');
    expect(messageFor(el, 'password')).to.contain('Enter your password.');
    expect(messageFor(el, 'newsletter'), 'an optional field').to.equal(undefined);
    expect(messageFor(el, 'confirm_password'), 'nothing to compare yet').to.equal(undefined);
    await until(() => document.activeElement === input(el, 'username'), 'focus on the email, the first field');

    // Each message goes once its field is filled; the form then goes out in one more submit.
    type(el, 'username', 'ada@example.com');
    await el.updateComplete;
    expect(messageFor(el, 'username')).to.equal(undefined);
    expect(messageFor(el, 'given_name')).to.equal('Given name is required.');
  });

  it('the first invalid field in the form takes focus, whichever check found it', async () => {
    const { h, el } = await screen(README_FIELDS, { signUpAttributes: 'given_name' });
    type(el, 'username', 'ada@example.com');
    type(el, 'given_name', 'Ada');
    type(el, 'birthdate', '1990-04-02');
    type(el, 'phone_number', '030 1234567');
    await submit(el);
    expect(h.cognito.calls).to.have.length(0);
    for (const name of ['username', 'given_name', 'birthdate', 'phone_number']) expect(messageFor(el, name), name).to.equal(undefined);
    expect(messageFor(el, 'custom:plan')).to.equal('Plan is required.');
    expect(messageFor(el, 'password')).to.contain('Enter your password.');
    await until(() => document.activeElement === el.querySelector('select[name="custom:plan"]'), 'focus on Plan');
  });

  it('an optional field left empty is no error: the form goes out without it', async () => {
    const { h, el } = await screen(
      { birthdate: { type: 'date', required: false }, phone_number: { type: 'tel', required: false } },
      { signUpAttributes: 'given_name' },
    );
    type(el, 'username', 'ada@example.com');
    type(el, 'given_name', 'Ada');
    type(el, 'password', PASSWORD);
    type(el, 'confirm_password', PASSWORD);
    await submit(el);
    expect(h.cognito.callsOf('signUp'), 'sent at the first submit').to.have.length(1);
    expect(h.cognito.callsOf('signUp')[0]!.UserAttributes).to.deep.equal([
      { Name: 'given_name', Value: 'Ada' },
      { Name: 'email', Value: 'ada@example.com' },
    ]);
  });
});
