import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import '../../components/screens/confirm-sign-up.js';
import type { CognitoConfirmSignUp } from '../../components/screens/confirm-sign-up.js';
import { authResult, CLIENT, exception } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import { click, expectAccessible, harness, input, mount, settle, submit, type, described } from './helpers.js';

const PASSWORD = 'Pass-word-1';
const EMAIL_DELIVERY = { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com', AttributeName: 'email' } };

/** Signs up through the flow with a faked SignUp answer, then mounts the confirmation screen. */
async function confirmScreen(answer: Record<string, unknown> = EMAIL_DELIVERY) {
  const h = harness();
  h.cognito.on('signUp', () => ({ UserConfirmed: false, UserSub: 'sub-1', ...answer }));
  h.flow.goTo('sign-up');
  await h.flow.signUp({ username: 'ada', password: PASSWORD, confirmPassword: PASSWORD });
  expect(h.flow.state.screen).to.equal('confirm-sign-up');
  const el = await mount<CognitoConfirmSignUp>('cognito-confirm-sign-up', h.flow);
  return { h, el };
}

const delivery = (el: Element) => el.querySelector('[data-delivery]')!.textContent!.trim();

describe('<cognito-confirm-sign-up>', () => {
  it('says where the code went and renders a one-time-code input with the hosted-UI classes', async () => {
    const { el } = await confirmScreen();
    expect(el.querySelectorAll('form')).to.have.length(1);
    expect(el.querySelector('[data-screen-heading]')!.textContent).to.equal('Confirm your account');
    expect(delivery(el)).to.contain('by email to');
    expect(delivery(el)).to.contain('a***@e***.com');
    expect(el.querySelector('form')!.getAttribute('aria-describedby')).to.equal(el.querySelector('[data-delivery]')!.id);
    const code = input(el, 'code');
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');
    expect(code.maxLength).to.equal(10);
    expect(code.classList.contains('inputField-customizable')).to.equal(true);
    expect(el.querySelector(`label[for="${code.id}"]`)!.textContent!.trim()).to.equal('Code');
    expect(el.querySelector('.submitButton-customizable')!.textContent).to.contain('Verify');
    expect(el.querySelector('[data-action="resend-code"]')!.textContent).to.equal('Send a new code');
    expect(el.querySelector('[data-action="back"]')!.textContent).to.equal('Back to sign in');
    await expectAccessible(el);
  });

  it('without delivery details it still asks for the code', async () => {
    const { el } = await confirmScreen({});
    expect(delivery(el)).to.equal('Enter the code we sent you to confirm your account.');
  });

  it('submits ConfirmSignUp with the code, then signs in with the password typed at sign-up', async () => {
    const { h, el } = await confirmScreen();
    h.cognito.on('confirmSignUp', () => ({})).on('initiateAuth', () => authResult());
    type(el, 'code', ' 123 456 ');
    await submit(el);
    expect(h.cognito.callsOf('confirmSignUp')).to.deep.equal([{ ClientId: CLIENT, Username: 'ada', ConfirmationCode: '123456' }]);
    expect(h.cognito.callsOf('initiateAuth')[0]).to.deep.include({ AuthParameters: { USERNAME: 'ada', PASSWORD } });
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(el.querySelector('form')).to.equal(null);
  });

  it('a wrong code shows the translated error, marks the code invalid and keeps it', async () => {
    const { h, el } = await confirmScreen();
    h.cognito.on('confirmSignUp', () => exception('CodeMismatchException', 'Invalid verification code provided, please try again.'));
    type(el, 'code', '000000');
    await submit(el);
    await el.updateComplete;
    const alert = el.querySelector<HTMLElement>('[role="alert"]')!;
    expect(alert.classList.contains('errorMessage-customizable')).to.equal(true);
    expect(alert.textContent!.trim()).to.equal('Invalid code. Check it and try again.');
    expect(document.activeElement === input(el, 'code'), 'focus on the code').to.equal(true);
    const code = input(el, 'code');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    expect(described(code)).to.contain(alert.textContent!.trim());
    expect(code.value).to.equal('000000');
    await expectAccessible(el);
  });

  it('an empty or malformed code is refused before anything is sent, on the code field', async () => {
    const { h, el } = await confirmScreen();
    await submit(el);
    expect(el.querySelector('[role="alert"]')!.textContent).to.contain('Enter the code.');
    expect(document.activeElement === input(el, 'code'), 'focus').to.equal(true);
    type(el, 'code', '12ab');
    await submit(el);
    expect(el.querySelector('[role="alert"]')!.getAttribute('data-error-code')).to.equal('invalid-code-format');
    expect(input(el, 'code').getAttribute('aria-invalid')).to.equal('true');
    expect(h.cognito.callsOf('confirmSignUp')).to.have.length(0);
  });

  it('"Send a new code" calls ResendConfirmationCode, shows the notice and the new destination', async () => {
    const { h, el } = await confirmScreen();
    h.cognito.on('resendConfirmationCode', () => ({ CodeDeliveryDetails: { DeliveryMedium: 'SMS', Destination: '+*******0100' } }));
    await click(el, '[data-action="resend-code"]');
    await el.updateComplete;
    expect(h.cognito.callsOf('resendConfirmationCode')).to.deep.equal([{ ClientId: CLIENT, Username: 'ada' }]);
    const notice = el.querySelector('[data-notice="code-resent"]')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.equal('A new code has been sent.');
    expect(delivery(el)).to.contain('by text message to');
    expect(delivery(el)).to.contain('+*******0100');
    await expectAccessible(el);
  });

  it('a failed resend after an unconfirmed sign-in is shown as a non-blocking alert; the code can still be sent', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => exception('UserNotConfirmedException', 'User is not confirmed.'), () => authResult())
      .on('resendConfirmationCode', () => exception('LimitExceededException', 'Attempt limit exceeded'))
      .on('confirmSignUp', () => ({}));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.screen).to.equal('confirm-sign-up');
    const el = await mount<CognitoConfirmSignUp>('cognito-confirm-sign-up', h.flow);
    const message = el.querySelector('.cognito-resend-error')!;
    expect(message.classList.contains('errorMessage-customizable')).to.equal(true);
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.contain('We could not send a new code.');
    expect(message.textContent).to.contain('Attempt limit exceeded. Wait a while before you try again.');
    expect(input(el, 'code').getAttribute('aria-invalid')).to.equal('false');
    expect(el.querySelector<HTMLButtonElement>('.submitButton-customizable')!.disabled).to.equal(false);
    await expectAccessible(el);
    type(el, 'code', '123456');
    await submit(el);
    expect(h.cognito.callsOf('confirmSignUp')).to.have.length(1);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('is busy while confirming: submit disabled, resend aria-disabled (focusable)', async () => {
    const { h, el } = await confirmScreen();
    let release!: () => void;
    h.cognito.on('confirmSignUp', () => new Promise((r) => (release = () => r({})))).on('initiateAuth', () => authResult());
    type(el, 'code', '123456');
    await submit(el);
    const button = el.querySelector<HTMLButtonElement>('.submitButton-customizable')!;
    expect([button.disabled, button.getAttribute('aria-disabled')], 'aria-disabled, never disabled').to.deep.equal([false, 'true']);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    // Busy, but focusable: aria-disabled, never disabled (that would drop a keyboard user's focus).
    expect(el.querySelector('[data-action="resend-code"]')!.getAttribute('aria-disabled')).to.equal('true');
    release();
    await settle();
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('"Send a new code" by keyboard: focus stays on it while the code is sent, then goes to the code; pressed again, nothing is sent', async () => {
    const { h, el } = await confirmScreen();
    let release!: () => void;
    h.cognito.on('resendConfirmationCode', () => new Promise((r) => (release = () => r(EMAIL_DELIVERY))));
    const resend = el.querySelector<HTMLButtonElement>('[data-action="resend-code"]')!;
    resend.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.querySelector('.submitButton-customizable[aria-busy="true"]'), 'busy');
    // What has focus, by name (a failing DOM-element comparison is too big for the runner to report).
    const focused = () => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.localName;
    expect(focused(), 'focus while busy').to.equal('resend-code');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    resend.click();
    expect(h.cognito.callsOf('resendConfirmationCode')).to.have.length(1);
    release();
    await until(() => el.querySelector('[data-notice="code-resent"]'), 'the resent notice');
    expect(focused(), 'focus after: the code').to.equal('input');
    expect(resend.getAttribute('aria-disabled')).to.equal('false');
    expect(h.cognito.callsOf('resendConfirmationCode')).to.have.length(1);
  });

  it('the back link returns to sign-in with the username', async () => {
    const { h, el } = await confirmScreen();
    await click(el, '[data-action="back"]');
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'ada' });
  });

  it('renders a hostile destination as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const el = await mount<CognitoConfirmSignUp>('cognito-confirm-sign-up', undefined, {
      state: { screen: 'confirm-sign-up', username: hostile, busy: false, delivery: { medium: 'EMAIL', destination: hostile } },
    });
    expect(el.querySelector('img')).to.equal(null);
    expect(delivery(el)).to.contain(hostile);
  });
});
