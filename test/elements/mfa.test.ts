import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import '../../components/screens/mfa-code.js';
import '../../components/screens/select-mfa.js';
import '../../components/screens/setup-mfa.js';
import '../../components/screens/setup-sms.js';
import { authResult, CLIENT, exception } from '../support/fake-cognito.js';
import { click, described, expectAccessible, harness, input, mount, settle, submit, type } from './helpers.js';
import { until } from '../support/until.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

function challenge(name: string, params: Record<string, string>, session = 's1') {
  return () => ({ ChallengeName: name, Session: session, ChallengeParameters: { USER_ID_FOR_SRP: 'u', ...params } });
}

/** A harness whose sign-in answers with `name`, already signed in up to that challenge. */
async function at(name: string, params: Record<string, string>, options: Parameters<typeof harness>[0] = {}) {
  const h = harness(options);
  h.cognito.on('initiateAuth', challenge(name, params));
  await h.flow.signIn({ username: 'ada', password: 'Pass-word-1' });
  return h;
}

const SMS = { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0101' };

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<cognito-mfa-code>', () => {
  it('SMS_MFA: says where the code went (isolated LTR), asks for one code, and answers SMS_MFA_CODE', async () => {
    const h = await at('SMS_MFA', SMS);
    let release!: () => void;
    h.cognito.on('respondToAuthChallenge', () => new Promise((r) => (release = () => r(authResult('u')))));
    const el = await mount('cognito-mfa-code', h.flow);
    expect(el.querySelector('form')!.dataset.screen).to.equal('mfa-code');
    expect(el.querySelector('h1')!.textContent).to.equal('Verify your identity');
    expect(el.textContent).to.contain('We have sent a code by text message to \u2066+*******0101\u2069. Enter it below.');
    const code = input(el, 'code');
    expect(el.querySelectorAll('input')).to.have.length(1);
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');
    expect(code.maxLength).to.equal(10);
    expect(code.classList.contains('inputField-customizable')).to.equal(true);
    expect(text(el.querySelector(`label[for="${code.id}"]`)!)).to.equal('Code');
    await expectAccessible(el);

    type(el, 'code', '123456');
    await submit(el);
    const button = el.querySelector<HTMLButtonElement>('.submitButton-customizable')!;
    expect([button.disabled, button.getAttribute('aria-disabled')], 'aria-disabled, never disabled').to.deep.equal([false, 'true']);
    expect(el.querySelector('[data-action="back"]')!.getAttribute('aria-disabled')).to.equal('true');
    release();
    await settle();
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.deep.equal([
      { ClientId: CLIENT, ChallengeName: 'SMS_MFA', Session: 's1', ChallengeResponses: { USERNAME: 'u', SMS_MFA_CODE: '123456' } },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('a wrong code shows code-mismatch in an alert and marks the code field invalid', async () => {
    const h = await at('SMS_MFA', SMS);
    h.cognito.on('respondToAuthChallenge', () => exception('CodeMismatchException', 'Invalid code received for user'));
    const el = await mount('cognito-mfa-code', h.flow);
    type(el, 'code', '000000');
    await submit(el);
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.classList.contains('errorMessage-customizable')).to.equal(true);
    expect(text(alert)).to.equal('Invalid code. Check it and try again.');
    const code = input(el, 'code');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    // Said under the field (the banner then hides, see look-messages.test.ts), and read with it.
    expect(described(code)).to.contain('Invalid code. Check it and try again.');
    expect(document.activeElement === code, 'focus on the code').to.equal(true);
    expect(h.flow.state.screen).to.equal('mfa-code');
    await expectAccessible(el);
  });

  it('a code that is not digits is refused on the field, which gets focus, and nothing is sent', async () => {
    const h = await at('SMS_MFA', SMS);
    const el = await mount('cognito-mfa-code', h.flow);
    type(el, 'code', '12ab');
    await submit(el);
    const code = input(el, 'code');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement === code, 'focus').to.equal(true);
    expect(text(el.querySelector('[role="alert"]')!)).to.equal('Enter the code you received, digits only.');
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(0);
    await expectAccessible(el);
  });

  it('EMAIL_OTP: answers EMAIL_OTP_CODE and shows a hostile destination as text', async () => {
    const h = await at('EMAIL_OTP', { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: HOSTILE });
    h.cognito.on('respondToAuthChallenge', () => authResult('u'));
    const el = await mount('cognito-mfa-code', h.flow);
    expect(el.querySelector('img')).to.equal(null);
    expect(el.textContent).to.contain(`We have sent a code by email to \u2066${HOSTILE}\u2069. Enter it below.`);
    await expectAccessible(el);
    type(el, 'code', '12345678');
    await submit(el);
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]).to.deep.equal({
      ClientId: CLIENT,
      ChallengeName: 'EMAIL_OTP',
      Session: 's1',
      ChallengeResponses: { USERNAME: 'u', EMAIL_OTP_CODE: '12345678' },
    });
  });

  it('SMS_MFA without a destination says so without one', async () => {
    const h = await at('SMS_MFA', {});
    const el = await mount('cognito-mfa-code', h.flow);
    expect(el.textContent).to.contain('We have sent a code by text message. Enter it below.');
  });

  it('SOFTWARE_TOKEN_MFA: names the device (as text, even when hostile) and answers SOFTWARE_TOKEN_MFA_CODE', async () => {
    const h = await at('SOFTWARE_TOKEN_MFA', { FRIENDLY_DEVICE_NAME: HOSTILE });
    h.cognito.on('respondToAuthChallenge', () => authResult('u'));
    const el = await mount('cognito-mfa-code', h.flow);
    expect(el.querySelector('img')).to.equal(null);
    expect(el.textContent).to.contain(`Enter the code from your authenticator app on \u2068${HOSTILE}\u2069.`);
    await expectAccessible(el);
    type(el, 'code', '654321');
    await submit(el);
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]).to.deep.equal({
      ClientId: CLIENT,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 's1',
      ChallengeResponses: { USERNAME: 'u', SOFTWARE_TOKEN_MFA_CODE: '654321' },
    });
    expect(h.flow.state.screen).to.equal('signed-in');

    const plain = await at('SOFTWARE_TOKEN_MFA', {});
    const el2 = await mount('cognito-mfa-code', plain.flow);
    expect(el2.textContent).to.contain('Enter the code from your authenticator app.');
  });

  it('back goes to sign-in with the username', async () => {
    const h = await at('SMS_MFA', SMS);
    const el = await mount('cognito-mfa-code', h.flow);
    await click(el, '[data-action="back"]');
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'ada' });
  });
});

describe('<cognito-select-mfa>', () => {
  const CHOOSE = { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' };

  it('lists the choices as a labelled radio group, the first checked', async () => {
    const h = await at('SELECT_MFA_TYPE', CHOOSE);
    const el = await mount('cognito-select-mfa', h.flow);
    const fieldset = el.querySelector('fieldset')!;
    expect(text(fieldset.querySelector('legend')!)).to.equal('Choose the method you want to use to verify your identity.');
    const radios = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="radio"][name="mfa"]')];
    expect(radios.map((r) => r.value)).to.deep.equal(['SMS_MFA', 'SOFTWARE_TOKEN_MFA']);
    expect(radios.map((r) => r.checked)).to.deep.equal([true, false]);
    expect(radios.map((r) => text(el.querySelector(`label[for="${r.id}"]`)!))).to.deep.equal(['Text message (SMS)', 'Authenticator app']);
    await expectAccessible(el);
  });

  it('answers SELECT_MFA_TYPE with the chosen method as ANSWER', async () => {
    const h = await at('SELECT_MFA_TYPE', CHOOSE);
    h.cognito.on('respondToAuthChallenge', challenge('SOFTWARE_TOKEN_MFA', {}, 's2'));
    const el = await mount('cognito-select-mfa', h.flow);
    await click(el, 'input[value="SOFTWARE_TOKEN_MFA"]');
    await submit(el);
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.deep.equal([
      { ClientId: CLIENT, ChallengeName: 'SELECT_MFA_TYPE', Session: 's1', ChallengeResponses: { USERNAME: 'u', ANSWER: 'SOFTWARE_TOKEN_MFA' } },
    ]);
    // The MFA journey loads on first use: wait for its screen rather than a fixed number of turns.
    await until(() => h.flow.state.screen === 'mfa-code', 'the code step');
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'SOFTWARE_TOKEN_MFA' });
  });

  it('shows a failure in an alert, keeps the choice, and stays accessible', async () => {
    const h = await at('SELECT_MFA_TYPE', CHOOSE);
    h.cognito.on('respondToAuthChallenge', () => exception('CodeDeliveryFailureException', 'could not send'));
    const el = await mount('cognito-select-mfa', h.flow);
    await submit(el);
    expect(text(el.querySelector('[role="alert"]')!)).to.equal('We could not send the code. Try again later.');
    expect(input(el, 'mfa').checked).to.equal(true);
    expect(h.cognito.callsOf('respondToAuthChallenge')[0]!.ChallengeResponses).to.deep.equal({ USERNAME: 'u', ANSWER: 'SMS_MFA' });
    await expectAccessible(el);
    await click(el, '[data-action="back"]');
    expect(h.flow.state.screen).to.equal('sign-in');
  });
});

/**
 * A held Cognito answer (the test releases it), so the screen can be looked at while its request runs.
 */
function held<T>(value: T): { handler: () => Promise<T>; release: () => void } {
  let release = () => {};
  return { handler: () => new Promise<T>((r) => (release = () => r(value))), release: () => release() };
}

/** The radios' checked states, and what a screen reader is told of them (aria-disabled), never `disabled`. */
function radios(el: Element): { checked: boolean[]; ariaDisabled: (string | null)[]; disabled: boolean[] } {
  const all = [...el.querySelectorAll<HTMLInputElement>('input[type="radio"][name="mfa"]')];
  return { checked: all.map((r) => r.checked), ariaDisabled: all.map((r) => r.getAttribute('aria-disabled')), disabled: all.map((r) => r.disabled) };
}

describe('the MFA choice while it is being sent (WCAG 3.2.2, 4.1.2)', () => {
  it('<cognito-select-mfa>: the radios are aria-disabled, keep focus, and arrow keys or a click do not change the choice sent', async () => {
    const h = await at('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' });
    const answer = held(challenge('SMS_MFA', SMS, 's2')());
    h.cognito.on('respondToAuthChallenge', answer.handler);
    const el = await mount('cognito-select-mfa', h.flow);
    expect(radios(el).ariaDisabled).to.deep.equal([null, null]);
    await submit(el);
    expect(h.flow.state.busy).to.equal(true);
    expect(radios(el)).to.deep.equal({ checked: [true, false], ariaDisabled: ['true', 'true'], disabled: [false, false] });

    const first = input(el, 'mfa');
    first.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(radios(el).checked, 'arrow key refused').to.deep.equal([true, false]);
    await click(el, 'input[value="SOFTWARE_TOKEN_MFA"]');
    await click(el, `label[for="${el.querySelector('input[value="SOFTWARE_TOKEN_MFA"]')!.id}"]`);
    expect(radios(el).checked, 'click refused').to.deep.equal([true, false]);
    expect(el.contains(document.activeElement), 'focus stays in the choice').to.equal(true);
    await expectAccessible(el);

    answer.release();
    await until(() => h.flow.state.screen === 'mfa-code', 'the code step');
    expect(h.cognito.callsOf('respondToAuthChallenge').map((c) => c.ChallengeResponses)).to.deep.equal([{ USERNAME: 'u', ANSWER: 'SMS_MFA' }]);
  });

  it('<cognito-setup-mfa>: the method being set up stays checked while busy, and no other method’s field appears', async () => {
    const h = await at('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' });
    const answer = held({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 's2' });
    h.cognito.on('associateSoftwareToken', answer.handler);
    const el = await mount('cognito-setup-mfa', h.flow);
    await submit(el);
    expect(h.flow.state.busy).to.equal(true);
    expect(radios(el)).to.deep.equal({ checked: [true, false], ariaDisabled: ['true', 'true'], disabled: [false, false] });
    input(el, 'mfa').focus();
    await sendKeys({ press: 'ArrowDown' });
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(radios(el).checked, 'arrow key refused').to.deep.equal([true, false]);
    expect(el.querySelector('[name="email"]'), 'no email field for a method not being set up').to.equal(null);
    answer.release();
    await until(() => h.flow.state.screen === 'setup-totp', 'the authenticator app step');
  });
});

describe('<cognito-setup-mfa>', () => {
  it('offers the methods; choosing email shows an email field, and sends MFA_SETUP with EMAIL', async () => {
    const h = await at('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' });
    h.cognito.on('respondToAuthChallenge', challenge('EMAIL_OTP', { CODE_DELIVERY_DESTINATION: 'a***@e***' }, 's2'));
    const el = await mount('cognito-setup-mfa', h.flow);
    expect(text(el.querySelector('fieldset legend')!)).to.equal('Method to set up');
    const radios = [...el.querySelectorAll<HTMLInputElement>('input[name="mfa"]')];
    expect(radios.map((r) => [r.value, r.checked])).to.deep.equal([['SOFTWARE_TOKEN_MFA', true], ['EMAIL_OTP', false]]);
    expect(el.querySelector('[name="email"]')).to.equal(null);
    await expectAccessible(el);

    await click(el, 'input[value="EMAIL_OTP"]');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const email = input(el, 'email');
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('email');
    expect(text(el.querySelector(`label[for="${email.id}"]`)!)).to.equal('Email address for codes');
    await expectAccessible(el);

    type(el, 'email', 'ada@example.com');
    await submit(el);
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.deep.equal([
      { ClientId: CLIENT, ChallengeName: 'MFA_SETUP', Session: 's1', ChallengeResponses: { USERNAME: 'u', EMAIL: 'ada@example.com' } },
    ]);
    // The MFA journey loads on first use: wait for its screen rather than a fixed number of turns.
    await until(() => h.flow.state.screen === 'mfa-code', 'the code step');
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'EMAIL_OTP' });
  });

  it('a missing email is reported on the email field', async () => {
    const h = await at('MFA_SETUP', { MFAS_CAN_SETUP: '["EMAIL_OTP","SOFTWARE_TOKEN_MFA"]' });
    const el = await mount('cognito-setup-mfa', h.flow);
    await submit(el);
    const email = input(el, 'email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement === email, 'focus').to.equal(true);
    expect(described(email)).to.contain('Enter your email address.');
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(0);
    await expectAccessible(el);
  });

  it('an address that is not one says what to fix, under the field and nowhere generic (WCAG 3.3.3)', async () => {
    const h = await at('MFA_SETUP', { MFAS_CAN_SETUP: '["EMAIL_OTP","SOFTWARE_TOKEN_MFA"]' });
    const el = await mount('cognito-setup-mfa', h.flow);
    type(el, 'email', 'ada@');
    await submit(el);
    const email = input(el, 'email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement === email, 'focus').to.equal(true);
    expect(described(email)).to.equal('Enter a valid email address.');
    expect(text(el.querySelector('[role="alert"]')!)).to.equal('Enter a valid email address.');
    expect(el.textContent).not.to.contain('not valid');
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(0);
    await expectAccessible(el);
  });

  it('the authenticator app starts AssociateSoftwareToken with the challenge session', async () => {
    const h = await at('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' });
    h.cognito.on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 's2' }));
    const el = await mount('cognito-setup-mfa', h.flow);
    await submit(el);
    expect(h.cognito.callsOf('associateSoftwareToken')).to.deep.equal([{ Session: 's1' }]);
    expect(h.flow.state.screen).to.equal('setup-totp');
  });

  it('text message leads to phone set-up when the page can add a number', async () => {
    const h = await at('MFA_SETUP', { MFAS_CAN_SETUP: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }, { smsMfaSetup: async () => {} });
    const el = await mount('cognito-setup-mfa', h.flow);
    expect(text(el.querySelector(`label[for="${input(el, 'mfa').id}"]`)!)).to.equal('Text message (SMS)');
    await submit(el);
    expect(h.flow.state.screen).to.equal('setup-sms');
  });
});

describe('<cognito-setup-sms>', () => {
  async function atSetupSms(saved: { username: string; phoneNumber: string }[]) {
    const h = harness({ smsMfaSetup: async (r) => void saved.push(r) });
    h.cognito.on('initiateAuth', challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }), challenge('SMS_MFA', SMS, 's9'));
    await h.flow.signIn({ username: 'ada', password: 'Pass-word-1' });
    await h.flow.chooseMfaSetup('SMS_MFA');
    expect(h.flow.state.screen).to.equal('setup-sms');
    return h;
  }

  it('asks for a phone number with a hint tied to the field, then saves it normalised and signs in again', async () => {
    const saved: { username: string; phoneNumber: string }[] = [];
    const h = await atSetupSms(saved);
    const el = await mount('cognito-setup-sms', h.flow);
    const phone = input(el, 'phone_number');
    expect(phone.type).to.equal('tel');
    expect(phone.autocomplete).to.equal('tel');
    expect(text(el.querySelector(`label[for="${phone.id}"]`)!)).to.equal('Phone number');
    const hintId = phone.getAttribute('aria-describedby')!;
    expect(el.querySelector(`[id="${hintId}"]`)!.textContent).to.contain('\u2066+14155550100\u2069');
    await expectAccessible(el);

    type(el, 'phone_number', '+1 (415) 555-0101');
    await submit(el);
    expect(saved).to.deep.equal([{ username: 'u', phoneNumber: '+14155550101', session: 's1', password: 'Pass-word-1' }]);
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(2);
    // The MFA journey loads on first use: wait for its screen rather than a fixed number of turns.
    await until(() => h.flow.state.screen === 'mfa-code', 'the code step');
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'SMS_MFA' });
  });

  it('an invalid number is reported on the field and the hook is not called', async () => {
    const saved: { username: string; phoneNumber: string }[] = [];
    const h = await atSetupSms(saved);
    const el = await mount('cognito-setup-sms', h.flow);
    type(el, 'phone_number', '555-0101');
    await submit(el);
    const phone = input(el, 'phone_number');
    const alert = el.querySelector('[role="alert"]')!;
    expect(text(alert)).to.equal('Enter the phone number with its country code, for example +14155550100.');
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    // Said once: the message replaces the hint that says the same (the country code, the example).
    expect(described(phone)).to.equal(text(alert));
    expect(el.textContent).not.to.contain('Include the country code');
    expect(document.activeElement === phone, 'focus').to.equal(true);
    expect(saved).to.have.length(0);
    await expectAccessible(el);
    await click(el, '[data-action="back"]');
    expect(h.flow.state.screen).to.equal('sign-in');
  });
});
