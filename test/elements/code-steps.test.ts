// The one-time-code steps as a keyboard user lives them: a wrong code is selected so the next one replaces it, "Send a
// new code" clears the field and puts focus in it, its notice is said in a status region that was there before (a
// live region that arrives already filled is often not read), and the busy submit button keeps focus and sends once.
import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import '../../components/screens/confirm-forgot-password.js';
import '../../components/screens/confirm-sign-up.js';
import '../../components/screens/mfa-code.js';
import '../../components/screens/verify-attributes.js';
import { authResult, exception, FakeCognito, jwt } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import { fakeAuthenticators } from './fake-authenticator.js';
import { harness, input, mount, settle, submit, type } from './helpers.js';

let cognito = new FakeCognito();
const { create, removeAll } = fakeAuthenticators('test-code-steps-authenticator', () => ({ api: cognito.api }));

beforeEach(() => {
  cognito = new FakeCognito();
});
afterEach(() => {
  removeAll();
});

const WRONG = () => exception('CodeMismatchException', 'Invalid code or auth state for the user.');
const EMAIL_OTP = { ChallengeName: 'EMAIL_OTP', Session: 'session-otp', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' } };
const SELECT = { ChallengeName: 'SELECT_CHALLENGE', Session: 'session-select', ChallengeParameters: {}, AvailableChallenges: ['PASSWORD', 'EMAIL_OTP'] };
const SENT = { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com', AttributeName: 'email' } };
const RESENT = 'A new code has been sent.';

const screen = (el: Element, name: string) => until(() => el.querySelector<HTMLFormElement>(`form[data-screen="${name}"]`), `the ${name} screen`);
/** What has focus, by name (a failing comparison of DOM elements is too big for the runner to report). */
const focused = () => document.activeElement?.getAttribute('name') ?? document.activeElement?.getAttribute('data-action') ?? document.activeElement?.className;
const selection = (field: HTMLInputElement) => field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The status region is there, empty, before any notice; with the elements' styles (in <cognito-authenticator>), it
 * takes no room and is out of the layout, yet stays in the accessibility tree (not display:none).
 */
function emptyStatus(root: Element, styled = false): Element {
  const status = root.querySelector('p[role="status"]');
  expect(status, 'a status region before any notice').to.exist;
  expect(text(status)).to.equal('');
  expect(status!.hasAttribute('data-notice')).to.equal(false);
  if (styled) {
    const box = status!.getBoundingClientRect();
    expect(box.height * box.width, 'the empty region takes no room').to.be.at.most(1);
    const style = getComputedStyle(status!);
    expect([style.position, style.display], 'out of the layout, not hidden').to.deep.equal(['absolute', 'block']);
  }
  return status!;
}

/** <cognito-authenticator> on a passwordless pool, signed in up to "Email me a code": the sign-in-code step. */
async function signInCodeStep() {
  const el = await create({ 'sign-in-methods': 'email-otp password', 'passkey-prompt': 'off' });
  const form = await screen(el, 'sign-in');
  type(form, 'username', 'ada');
  await sendKeys({ press: 'Enter' });
  const choice = await screen(el, 'sign-in-method');
  choice.querySelector<HTMLButtonElement>('button[data-method="email-otp"]')!.click();
  const code = await screen(el, 'sign-in-code');
  const field = code.querySelector<HTMLInputElement>('input[name="code"]')!;
  await until(() => document.activeElement === field, 'focus on the code');
  return { el, code, field };
}

describe('one-time-code steps', () => {
  it('sign-in code: a wrong code is selected and replaced by the next; a new code empties the field and focuses it', async () => {
    let release: (() => void) | undefined;
    cognito.on('initiateAuth', () => SELECT, () => new Promise((r) => (release = () => r(EMAIL_OTP))));
    cognito.on('respondToAuthChallenge', () => EMAIL_OTP, WRONG, WRONG, () => authResult('sub-ada'));
    const { el, code, field } = await signInCodeStep();
    const status = emptyStatus(code, true);

    await sendKeys({ type: '111111' });
    await sendKeys({ press: 'Enter' });
    await until(() => code.querySelector('[role="alert"][data-error-code="code-mismatch"]'), 'the wrong-code message');
    expect(focused(), 'focus after the error').to.equal('code');
    expect(selection(field), 'the wrong code is selected').to.equal('111111');
    await sendKeys({ type: '222222' });
    expect(field.value, 'typed over the wrong code').to.equal('222222');
    await sendKeys({ press: 'Enter' });
    await until(() => cognito.callsOf('respondToAuthChallenge').length === 3, 'the second code sent');
    await until(() => selection(field) === '222222', 'the second wrong code selected');

    code.querySelector<HTMLButtonElement>('[data-action="resend"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => release, 'the new code asked for');
    release!();
    await until(() => text(status) === RESENT, 'the notice, in the region that was there before');
    expect(code.querySelector('[role="status"]'), 'the same region').to.equal(status);
    expect(status.getAttribute('data-notice')).to.equal('code-resent');
    expect(field.value, 'the old code is gone').to.equal('');
    expect(focused(), 'focus after the resend').to.equal('code');
    await sendKeys({ type: '333333' });
    expect(field.value).to.equal('333333');
    await sendKeys({ press: 'Enter' });
    await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
    expect(cognito.callsOf('respondToAuthChallenge').at(-1)!.ChallengeResponses).to.deep.include({ EMAIL_OTP_CODE: '333333' });
  });

  it('the busy submit button keeps focus (aria-disabled, not disabled); Enter again and a click send nothing more', async () => {
    let release: (() => void) | undefined;
    cognito.on('initiateAuth', () => SELECT);
    cognito.on('respondToAuthChallenge', () => EMAIL_OTP, () => new Promise((r) => (release = () => r(authResult('sub-ada')))));
    const { el, code } = await signInCodeStep();
    await sendKeys({ type: '123456' });
    await sendKeys({ press: 'Tab' });
    const button = code.querySelector<HTMLButtonElement>('.submitButton-customizable')!;
    expect(focused()).to.equal('submitButton-customizable');
    await sendKeys({ press: 'Enter' });
    await until(() => button.getAttribute('aria-busy') === 'true', 'busy');
    expect([button.disabled, button.getAttribute('aria-disabled')]).to.deep.equal([false, 'true']);
    await sendKeys({ press: 'Enter' });
    button.click();
    await settle();
    expect(focused(), 'focus while busy').to.equal('submitButton-customizable');
    const codes = () => cognito.callsOf('respondToAuthChallenge').filter((c) => c.ChallengeName === 'EMAIL_OTP');
    expect(codes(), 'one request').to.have.length(1);
    release!();
    await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
    expect(codes()).to.have.length(1);
  });

  it('confirm sign-up: a wrong code is selected; "Send a new code" empties and focuses the field, said in the existing region', async () => {
    const h = harness();
    h.cognito.on('signUp', () => ({ UserConfirmed: false, UserSub: 'sub-1', ...SENT }));
    h.cognito.on('confirmSignUp', WRONG);
    h.cognito.on('resendConfirmationCode', () => SENT);
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada', password: 'Pass-word-1', confirmPassword: 'Pass-word-1' });
    const el = await mount<HTMLElement>('cognito-confirm-sign-up', h.flow);
    const status = emptyStatus(el);
    const field = input(el, 'code');
    type(el, 'code', '111111');
    await submit(el);
    expect(focused()).to.equal('code');
    expect(selection(field)).to.equal('111111');
    el.querySelector<HTMLButtonElement>('[data-action="resend-code"]')!.click();
    await until(() => text(status) === RESENT, 'the notice, in the region that was there before');
    expect(el.querySelector('[role="status"]')).to.equal(status);
    expect(field.value).to.equal('');
    expect(focused()).to.equal('code');
  });

  it('confirm a reset: "Send a new code" empties and focuses the code, keeps the new password; a wrong code is selected', async () => {
    const h = harness();
    h.cognito.on('forgotPassword', () => SENT);
    h.cognito.on('confirmForgotPassword', WRONG);
    h.flow.goTo('forgot-password');
    await h.flow.forgotPassword({ username: 'ada' });
    const el = await mount<HTMLElement>('cognito-confirm-forgot-password', h.flow);
    const status = emptyStatus(el);
    type(el, 'code', '111111');
    type(el, 'password', 'New-pass-1');
    type(el, 'confirm_password', 'New-pass-1');
    await submit(el);
    await until(() => el.querySelector('[role="alert"][data-error-code="code-mismatch"]'), 'the wrong-code message');
    const field = input(el, 'code');
    expect(focused()).to.equal('code');
    expect(selection(field)).to.equal('111111');
    el.querySelector<HTMLButtonElement>('[data-action="resend-code"]')!.click();
    await until(() => text(status) === RESENT, 'the notice, in the region that was there before');
    expect(field.value).to.equal('');
    expect(focused()).to.equal('code');
    expect(input(el, 'password').value).to.equal('New-pass-1');
  });

  it('verify an attribute: "Send a new code" empties and focuses the code field', async () => {
    const h = harness({ verifyAttributes: 'email' });
    const result = authResult();
    result.AuthenticationResult.IdToken = jwt({ sub: 'user-sub-1', 'cognito:username': 'user-sub-1', email: 'ada@example.com', email_verified: false, token_use: 'id' });
    h.cognito.on('initiateAuth', () => result, () => authResult());
    h.cognito.on('getUserAttributeVerificationCode', () => SENT);
    await h.flow.signIn({ username: 'ada', password: 'Passw0rd!' });
    const el = await mount<HTMLElement>('cognito-verify-attributes', h.flow);
    const status = emptyStatus(el);
    await submit(el);
    const field = await until(() => el.querySelector<HTMLInputElement>('input[name="code"]'), 'the code field');
    type(el, 'code', '111');
    el.querySelector<HTMLButtonElement>('[data-action="resend"]')!.click();
    await until(() => text(status) === RESENT, 'the notice, in the region that was there before');
    expect(field.value).to.equal('');
    expect(focused()).to.equal('code');
  });

  it('MFA code: a wrong code is selected, so typing replaces it', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => ({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's1', ChallengeParameters: { USER_ID_FOR_SRP: 'u' } }));
    h.cognito.on('respondToAuthChallenge', WRONG);
    await h.flow.signIn({ username: 'ada', password: 'Pass-word-1' });
    const el = await mount<HTMLElement>('cognito-mfa-code', h.flow);
    const field = input(el, 'code');
    type(el, 'code', '111111');
    await submit(el);
    expect(focused()).to.equal('code');
    expect(selection(field)).to.equal('111111');
    await sendKeys({ type: '2' });
    expect(field.value).to.equal('2');
  });
});
