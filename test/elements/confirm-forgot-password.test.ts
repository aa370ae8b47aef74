import { expect } from 'chai';
import '../../components/screens/confirm-forgot-password.js';
import '../../components/screens/sign-in.js';
import { exception } from '../support/fake-cognito.js';
import { click, expectAccessible, harness, input, mount, submit, type, type Harness, described } from './helpers.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function sent(destination = 'a***@e***.com', medium = 'EMAIL') {
  return { CodeDeliveryDetails: { DeliveryMedium: medium, Destination: destination, AttributeName: medium === 'SMS' ? 'phone_number' : 'email' } };
}

/** A flow on the code screen, reached the way a user reaches it: ForgotPassword answered with CodeDeliveryDetails. */
async function onCodeScreen(destination?: string, medium?: string): Promise<{ h: Harness; el: HTMLElement }> {
  const h = harness();
  h.cognito.on('forgotPassword', () => sent(destination, medium));
  h.flow.goTo('forgot-password');
  await h.flow.forgotPassword({ username: 'ada' });
  expect(h.flow.state.screen).to.equal('confirm-forgot-password');
  const el = await mount('cognito-confirm-forgot-password', h.flow);
  return { h, el };
}

function fill(el: HTMLElement, code: string, password: string, confirm = password): void {
  type(el, 'code', code);
  type(el, 'password', password);
  type(el, 'confirm_password', confirm);
}

const wait = () => new Promise((r) => setTimeout(r, 10));

describe('<cognito-confirm-forgot-password>', () => {
  it('renders code and new-password fields with hosted-UI classes, labels and autocomplete', async () => {
    const { el } = await onCodeScreen();
    expect(el.querySelectorAll('form')).to.have.length(1);
    const code = input(el, 'code');
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');
    expect(input(el, 'password').autocomplete).to.equal('new-password');
    expect(input(el, 'password').type).to.equal('password');
    expect(input(el, 'confirm_password').autocomplete).to.equal('new-password');
    expect(input(el, 'username')).to.have.property('hidden', true);
    expect(input(el, 'username').value).to.equal('ada');
    for (const [name, text] of [
      ['code', 'Code'],
      ['password', 'New password'],
      ['confirm_password', 'Confirm password'],
    ] as const) {
      const i = input(el, name);
      expect(i.classList.contains('inputField-customizable')).to.equal(true);
      const label = el.querySelector(`label[for="${i.id}"]`)!;
      expect(label.classList.contains('label-customizable')).to.equal(true);
      expect(label.textContent!.trim()).to.equal(text);
    }
    expect(el.querySelector('h1')!.textContent).to.contain('Reset your password');
    expect(el.querySelector('.submitButton-customizable')!.textContent).to.contain('Reset my password');
    expect(el.querySelector('[data-action="resend-code"]')!.textContent).to.contain('Send a new code');
    expect(el.querySelector('[data-action="back"]')).to.exist;
    // Five requirements, neutral until a password is typed.
    expect(el.querySelectorAll('.cognito-check-pending').length).to.equal(5);
    expect(el.querySelectorAll('.passwordCheck-notValid-customizable').length).to.equal(0);
    expect(input(el, 'password').getAttribute('aria-describedby')).to.contain(el.querySelector('.cognito-password-checks ul')!.id);
    // The step exists for the code: it takes focus, and is described by the step's title and where the code went.
    expect(document.activeElement === input(el, 'code'), 'focus').to.equal(true);
    expect(described(input(el, 'code'))).to.contain('Reset your password');
    await expectAccessible(el);
  });

  it('says where the code went, with the masked destination', async () => {
    const { el } = await onCodeScreen('+*******0100', 'SMS');
    const text = el.querySelector('[data-delivery]')!.textContent!;
    // The medium in running text's words, not its option label ("by Text message (SMS)").
    expect(text).to.contain('We have sent a password reset code by text message to');
    expect(text).to.contain('+*******0100');
    expect(text).to.contain('Enter it below to reset your password.');
    expect(text).not.to.contain('(SMS)');
    const { el: byEmail } = await onCodeScreen('a***@e***.com', 'EMAIL');
    const emailText = byEmail.querySelector('[data-delivery]')!.textContent!;
    expect(emailText).to.contain('We have sent a password reset code by email to');
    expect(emailText).to.contain('a***@e***.com');
    expect(emailText).not.to.contain('by Email');
    const none = await mount('cognito-confirm-forgot-password', undefined, {
      state: { screen: 'confirm-forgot-password', username: 'ada', busy: false, notice: 'password-reset-required' },
    });
    expect(none.querySelector('[data-delivery]')!.textContent).to.contain('Enter the password reset code we sent you.');
    expect(none.querySelector('[data-notice="password-reset-required"]')!.getAttribute('role')).to.equal('status');
  });

  it('flips the checklist as the password is typed', async () => {
    const { el } = await onCodeScreen();
    const rule = (r: string) => el.querySelector(`[data-rule="${r}"]`)!;
    type(el, 'password', 'a');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(rule('lowercase').classList.contains('passwordCheck-valid-customizable')).to.equal(true);
    expect(rule('uppercase').classList.contains('passwordCheck-notValid-customizable')).to.equal(true);
    expect(rule('minLength').getAttribute('data-valid')).to.equal('false');
    type(el, 'password', 'New-pass-1');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.querySelectorAll('.passwordCheck-valid-customizable').length).to.equal(5);
    expect(rule('symbol').textContent).to.contain('(met)');
  });

  it('sends ConfirmForgotPassword, then lands on sign-in with the password-changed notice', async () => {
    const { h, el } = await onCodeScreen();
    h.cognito.on('confirmForgotPassword', () => ({}));
    fill(el, ' 123 456 ', 'New-pass-1');
    await submit(el);
    expect(h.cognito.callsOf('confirmForgotPassword')).to.deep.equal([
      { ClientId: 'testclient123', Username: 'ada', ConfirmationCode: '123456', Password: 'New-pass-1' },
    ]);
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'ada', notice: 'password-changed' });
    expect(el.querySelector('form')).to.equal(null);
    const signIn = await mount('cognito-sign-in', h.flow);
    expect(signIn.querySelector('[data-notice="password-changed"]')!.textContent).to.contain('Your password has been changed.');
  });

  it('shows a mismatch before submit, tied to the confirm field, and sends nothing on submit', async () => {
    const { h, el } = await onCodeScreen();
    const update = () => (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const status = el.querySelector('[data-mismatch]')!;
    expect(status.getAttribute('role')).to.equal('status');
    type(el, 'confirm_password', 'New-pass-2');
    await update();
    expect(status.textContent!.trim(), 'only once both have text').to.equal('');
    type(el, 'password', 'New-pass-1');
    await update();
    const confirm = input(el, 'confirm_password');
    // The confirmation was left (typing the password moved focus): the match is checked now, said under it.
    expect(status.textContent).to.contain('The passwords do not match.');
    expect(confirm.getAttribute('aria-invalid')).to.equal('true');
    expect(confirm.getAttribute('aria-describedby')).to.contain(status.id);
    await expectAccessible(el);
    type(el, 'code', '123456');
    await submit(el);
    expect(h.cognito.callsOf('confirmForgotPassword')).to.have.length(0);
    expect(status.textContent).to.contain('The passwords do not match.');
    expect(document.activeElement === confirm, 'focus').to.equal(true);
    type(el, 'confirm_password', 'New-pass-1');
    await update();
    expect(status.textContent!.trim()).to.equal('');
  });

  it('a password the policy refuses is reported on the password field before anything is sent', async () => {
    const { h, el } = await onCodeScreen();
    fill(el, '123456', 'short');
    await submit(el);
    expect(h.cognito.calls.filter((c) => c.op !== 'forgotPassword')).to.have.length(0);
    const password = input(el, 'password');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement === password, 'focus').to.equal(true);
    expect(el.querySelector('[role="alert"]')!.textContent).to.contain('The password does not meet the requirements below.');
    await expectAccessible(el);
  });

  const errors = [
    { name: 'CodeMismatchException', text: 'Invalid code. Check it and try again.', field: 'code' },
    { name: 'ExpiredCodeException', text: 'The code has expired. Request a new one.', field: 'code' },
    { name: 'InvalidPasswordException', text: 'The password does not meet the requirements.', field: 'password' },
    { name: 'LimitExceededException', text: 'Attempt limit exceeded. Wait a while before you try again.', field: undefined },
  ];
  for (const c of errors) {
    it(`shows ${c.name} translated in role=alert and keeps everything typed`, async () => {
      const { h, el } = await onCodeScreen();
      h.cognito.on('confirmForgotPassword', () => exception(c.name, 'raw Cognito message'));
      fill(el, '123456', 'New-pass-1');
      await submit(el);
      await wait();
      const alert = el.querySelector('[role="alert"]')!;
      expect(alert.classList.contains('errorMessage-customizable')).to.equal(true);
      expect(alert.textContent).to.contain(c.text);
      expect(alert.textContent).not.to.contain('raw Cognito message');
      // Focus goes to the field the error is about, else to the message.
      expect(document.activeElement === (c.field ? input(el, c.field) : alert), 'focus').to.equal(true);
      for (const name of ['code', 'password']) {
        expect(input(el, name).getAttribute('aria-invalid'), name).to.equal(name === c.field ? 'true' : 'false');
      }
      if (c.field) expect(described(input(el, c.field))).to.contain(c.text);
      expect(input(el, 'code').value).to.equal('123456');
      expect(input(el, 'password').value).to.equal('New-pass-1');
      expect(input(el, 'confirm_password').value).to.equal('New-pass-1');
      expect(el.querySelectorAll('.passwordCheck-valid-customizable').length).to.equal(5);
      expect(h.flow.state.screen).to.equal('confirm-forgot-password');
      await expectAccessible(el);
    });
  }

  it('disables submit and links while the request is in flight', async () => {
    const { h, el } = await onCodeScreen();
    let release!: () => void;
    h.cognito.on('confirmForgotPassword', () => new Promise((r) => (release = () => r({}))));
    fill(el, '123456', 'New-pass-1');
    await submit(el);
    const button = el.querySelector<HTMLButtonElement>('.submitButton-customizable')!;
    expect([button.disabled, button.getAttribute('aria-disabled')], 'aria-disabled, never disabled').to.deep.equal([false, 'true']);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(el.querySelector('[data-action="resend-code"]')!.getAttribute('aria-disabled')).to.equal('true');
    release();
    await wait();
    expect(h.flow.state.screen).to.equal('sign-in');
  });

  it('"Send a new code" asks Cognito again, says so, and keeps what was typed', async () => {
    const h = harness();
    h.cognito.on('forgotPassword', () => sent('a***@e***.com'), () => sent('b***@e***.com'));
    h.flow.goTo('forgot-password');
    await h.flow.forgotPassword({ username: 'ada' });
    const el = await mount('cognito-confirm-forgot-password', h.flow);
    expect(el.querySelector('[data-delivery]')!.textContent).to.contain('a***@e***.com');
    type(el, 'password', 'New-pass-1');
    await click(el, '[data-action="resend-code"]');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const calls = h.cognito.callsOf('forgotPassword');
    expect(calls).to.have.length(2);
    expect(calls[1]).to.deep.equal({ ClientId: 'testclient123', Username: 'ada' });
    expect(el.querySelector('[data-notice="code-resent"]')!.textContent).to.contain('A new code has been sent.');
    expect(el.querySelector('[data-delivery]')!.textContent).to.contain('b***@e***.com');
    expect(input(el, 'password').value).to.equal('New-pass-1');
  });

  it('back goes to sign-in with the username', async () => {
    const { h, el } = await onCodeScreen();
    await click(el, '[data-action="back"]');
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'ada' });
  });

  it('renders a hostile destination as text', async () => {
    const { el } = await onCodeScreen(HOSTILE);
    expect(el.querySelector('img')).to.equal(null);
    expect(el.querySelector('[data-delivery]')!.textContent).to.contain(HOSTILE);
  });
});
