import { expect } from 'chai';
import '../../components/screens/new-password.js';
import type { AuthState } from '../../src/state/index.js';
import { authResult, exception } from '../support/fake-cognito.js';
import { click, expectAccessible, harness, input, mount, submit, type, type Harness, described } from './helpers.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

/** A flow in the NEW_PASSWORD_REQUIRED challenge, reached by a sign-in that Cognito answers with it. */
async function onChallenge(
  requiredAttributes = '["userAttributes.given_name"]',
  userAttributes = '{"email":"a@b.c"}',
): Promise<{ h: Harness; el: Updating }> {
  const h = harness();
  h.cognito.on('initiateAuth', () => ({
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: 's',
    ChallengeParameters: { USER_ID_FOR_SRP: 'u', requiredAttributes, userAttributes },
  }));
  await h.flow.signIn({ username: 'ada', password: 'Temp-pass-1' });
  expect(h.flow.state.screen).to.equal('new-password');
  const el = await mount<Updating>('cognito-new-password', h.flow);
  return { h, el };
}

function state(requiredAttributes: string[], userAttributes: Record<string, string> = {}, extra: Partial<AuthState> = {}) {
  return { state: { screen: 'new-password', username: 'ada', busy: false, requiredAttributes, userAttributes, ...extra } };
}

const wait = () => new Promise((r) => setTimeout(r, 10));

describe('<cognito-new-password>', () => {
  it('renders new-password fields and one labelled input per required attribute', async () => {
    const { el } = await onChallenge();
    expect(el.querySelectorAll('form')).to.have.length(1);
    expect(el.querySelector('h1')!.textContent).to.contain('Change your password');
    expect(el.textContent).to.contain('Please enter a new password.');
    expect(input(el, 'password').autocomplete).to.equal('new-password');
    expect(input(el, 'confirm_password').autocomplete).to.equal('new-password');
    const given = input(el, 'given_name');
    expect(given.autocomplete).to.equal('given-name');
    expect(given.type).to.equal('text');
    expect(given.value).to.equal('');
    expect(el.querySelector(`label[for="${given.id}"]`)!.textContent!.trim()).to.equal('Given name');
    // Only what Cognito requires is asked for.
    expect(el.querySelector('[name="email"]')).to.equal(null);
    expect(el.querySelectorAll('.inputField-customizable')).to.have.length(3);
    expect(el.querySelectorAll('.label-customizable')).to.have.length(3);
    expect(el.querySelector('.submitButton-customizable')!.textContent).to.contain('Send');
    // The step exists for the new password: it takes focus, described by the step's title and instructions.
    expect(document.activeElement === input(el, 'password'), 'focus').to.equal(true);
    expect(described(input(el, 'password'))).to.contain('Change your password').and.to.contain('Please enter a new password.');
    await expectAccessible(el);
  });

  it('gives each attribute its input type and autocomplete, and prefills what Cognito sent', async () => {
    const el = await mount<Updating>('cognito-new-password', undefined, state(
      ['email', 'phone_number', 'given_name', 'family_name', 'name', 'birthdate', 'custom:tier'],
      { email: 'a@b.c', birthdate: '1990-12-10', name: 'Ada Lovelace' },
    ));
    const expected: Record<string, [string, string, string]> = {
      email: ['email', 'email', 'a@b.c'],
      phone_number: ['tel', 'tel', ''],
      given_name: ['text', 'given-name', ''],
      family_name: ['text', 'family-name', ''],
      name: ['text', 'name', 'Ada Lovelace'],
      birthdate: ['date', 'bday', '1990-12-10'],
      'custom:tier': ['text', '', ''],
    };
    for (const [name, [typ, autocomplete, value]] of Object.entries(expected)) {
      const i = input(el, name);
      expect(i.type, name).to.equal(typ);
      expect(i.autocomplete, name).to.equal(autocomplete);
      expect(i.value, name).to.equal(value);
      expect(el.querySelector(`label[for="${i.id}"]`), name).to.exist;
    }
    expect(el.querySelector(`label[for="${input(el, 'custom:tier').id}"]`)!.textContent!.trim()).to.equal('tier');
    const phone = input(el, 'phone_number');
    expect(document.getElementById(phone.getAttribute('aria-describedby')!)!.textContent).to.contain('country code');
    await expectAccessible(el);
  });

  it('flips the checklist as the password is typed', async () => {
    const { el } = await onChallenge();
    type(el, 'password', 'ABC');
    await el.updateComplete;
    expect(el.querySelector('[data-rule="uppercase"]')!.classList.contains('passwordCheck-valid-customizable')).to.equal(true);
    expect(el.querySelector('[data-rule="number"]')!.classList.contains('passwordCheck-notValid-customizable')).to.equal(true);
    type(el, 'password', 'New-pass-1');
    await el.updateComplete;
    expect(el.querySelectorAll('.passwordCheck-valid-customizable')).to.have.length(5);
  });

  it('answers NEW_PASSWORD_REQUIRED with the password and the required attributes typed, then signs in', async () => {
    const { h, el } = await onChallenge();
    h.cognito.on('respondToAuthChallenge', () => authResult());
    type(el, 'password', 'New-pass-1');
    type(el, 'confirm_password', 'New-pass-1');
    type(el, 'given_name', ' Ada ');
    await submit(el);
    await wait();
    const calls = h.cognito.callsOf('respondToAuthChallenge');
    expect(calls).to.have.length(1);
    expect(calls[0]).to.deep.equal({
      ClientId: 'testclient123',
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 's',
      ChallengeResponses: { USERNAME: 'u', NEW_PASSWORD: 'New-pass-1', 'userAttributes.given_name': 'Ada' },
    });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('a missing required attribute is reported on its field, with aria-invalid and focus; nothing is sent', async () => {
    const { h, el } = await onChallenge('["userAttributes.given_name","userAttributes.email"]');
    expect(input(el, 'email').value).to.equal('a@b.c');
    type(el, 'password', 'New-pass-1');
    type(el, 'confirm_password', 'New-pass-1');
    type(el, 'email', 'grace@example.com');
    await submit(el);
    const given = input(el, 'given_name');
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Given name is required.');
    expect(given.getAttribute('aria-invalid')).to.equal('true');
    expect(described(given)).to.contain('Given name is required.');
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('false');
    expect(document.activeElement === given, 'focus').to.equal(true);
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(0);
    // Everything typed survives the failed submit and the re-render, prefilled fields included.
    expect(input(el, 'email').value).to.equal('grace@example.com');
    expect(input(el, 'password').value).to.equal('New-pass-1');
    expect(input(el, 'confirm_password').value).to.equal('New-pass-1');
    await expectAccessible(el);
  });

  it('a prefilled attribute the user cleared stays cleared after a failed submit', async () => {
    const { el } = await onChallenge('["userAttributes.email"]');
    type(el, 'password', 'New-pass-1');
    type(el, 'confirm_password', 'New-pass-1');
    type(el, 'email', '');
    await submit(el);
    expect(input(el, 'email').value).to.equal('');
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement === input(el, 'email'), 'focus').to.equal(true);
  });

  it('shows a mismatch before submit, tied to the confirm field, and sends nothing', async () => {
    const { h, el } = await onChallenge();
    type(el, 'password', 'New-pass-1');
    type(el, 'confirm_password', 'New-pass-');
    await el.updateComplete;
    const status = el.querySelector('[data-mismatch]')!;
    expect(status.textContent!.trim(), 'not while typing').to.equal('');
    input(el, 'password').focus(); // leaving the confirmation checks it
    await el.updateComplete;
    const confirm = input(el, 'confirm_password');
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.contain('The passwords do not match.');
    expect(confirm.getAttribute('aria-invalid')).to.equal('true');
    expect(confirm.getAttribute('aria-describedby')).to.contain(status.id);
    await expectAccessible(el);
    type(el, 'given_name', 'Ada');
    await submit(el);
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(0);
    expect(document.activeElement === confirm, 'focus').to.equal(true);
  });

  for (const c of [
    { name: 'InvalidPasswordException', text: 'The password does not meet the requirements.' },
    { name: 'LimitExceededException', text: 'Attempt limit exceeded. Wait a while before you try again.' },
  ]) {
    it(`shows ${c.name} translated in role=alert and keeps what was typed`, async () => {
      const { h, el } = await onChallenge();
      h.cognito.on('respondToAuthChallenge', () => exception(c.name, 'raw Cognito message'));
      type(el, 'password', 'New-pass-1');
      type(el, 'confirm_password', 'New-pass-1');
      type(el, 'given_name', 'Ada');
      await submit(el);
      await wait();
      const alert = el.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain(c.text);
      expect(alert.textContent).not.to.contain('raw Cognito message');
      const invalid = el.querySelector<HTMLElement>('[aria-invalid="true"]');
      expect(document.activeElement === (invalid ?? alert), 'focus').to.equal(true);
      expect(input(el, 'password').getAttribute('aria-invalid')).to.equal(c.name === 'InvalidPasswordException' ? 'true' : 'false');
      expect(input(el, 'given_name').value).to.equal('Ada');
      expect(input(el, 'password').value).to.equal('New-pass-1');
      await expectAccessible(el);
    });
  }

  it('disables submit while the answer is in flight', async () => {
    const { h, el } = await onChallenge('[]');
    let release!: () => void;
    h.cognito.on('respondToAuthChallenge', () => new Promise((r) => (release = () => r(authResult()))));
    type(el, 'password', 'New-pass-1');
    type(el, 'confirm_password', 'New-pass-1');
    await submit(el);
    const button = el.querySelector<HTMLButtonElement>('.submitButton-customizable')!;
    expect([button.disabled, button.getAttribute('aria-disabled')], 'aria-disabled, never disabled').to.deep.equal([false, 'true']);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    release();
    await wait();
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('back abandons the challenge for sign-in', async () => {
    const { h, el } = await onChallenge();
    await click(el, '[data-action="back"]');
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'ada' });
  });

  it('renders hostile attribute values and names as text', async () => {
    const el = await mount<Updating>('cognito-new-password', undefined, state(['given_name', `custom:${HOSTILE}`], { given_name: HOSTILE }));
    expect(el.querySelector('img')).to.equal(null);
    expect(input(el, 'given_name').value).to.equal(HOSTILE);
    expect(el.textContent).to.contain('<img src=x onerror=alert(1)>');
    await expectAccessible(el);
  });
});
