// Choice-based sign-in in <cognito-authenticator> on a fake Cognito: the identifier-first form (password optional), the
// choice of methods, the first-factor code screen (masked destination, resend, one-time-code field), the password step
// with the other ways, and "Remember this device" on the MFA screen. Keyboard only where it matters; axe on each step.
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { expect } from 'chai';
import { authResult, exception, FakeCognito } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import { expectAccessible, type } from './helpers.js';
import { fakeAuthenticators } from './fake-authenticator.js';

let cognito = new FakeCognito();

const { create, removeAll } = fakeAuthenticators('test-user-auth-authenticator', () => ({ api: cognito.api }));

const screen = (el: Element, name: string) => until(() => el.querySelector<HTMLFormElement>(`form[data-screen="${name}"]`), `the ${name} screen`);
const selectChallenge = (available: string[]) => ({ ChallengeName: 'SELECT_CHALLENGE', Session: 'session-select', ChallengeParameters: {}, AvailableChallenges: available });
const emailOtp = { ChallengeName: 'EMAIL_OTP', Session: 'session-otp', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' } };
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();

beforeEach(() => {
  cognito = new FakeCognito();
});
afterEach(() => {
  removeAll();
});

describe('choice-based sign-in screens', () => {
  it('identifier-first: the password is optional; a typed one signs in at once (PREFERRED_CHALLENGE PASSWORD)', async () => {
    cognito.on('initiateAuth', () => authResult('sub-ada'));
    const el = await create({ 'sign-in-methods': 'password email-otp', 'passkey-prompt': 'off' });
    const form = await screen(el, 'sign-in');
    expect(text(form.querySelector('.textDescription-customizable'))).to.equal('Enter your username, then choose how to sign in.');
    const password = form.querySelector<HTMLInputElement>('input[name="password"]')!;
    expect(password.getAttribute('aria-required')).to.equal('false');
    expect(text(form.querySelector(`label[for="${password.id}"]`))).to.equal('Password (optional)');
    expect(password.autocomplete).to.equal('current-password');
    await expectAccessible(el);
    type(form, 'username', 'ada');
    type(form, 'password', 'correct horse battery');
    form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
    const [call] = cognito.callsOf('initiateAuth');
    expect(call).to.deep.include({ AuthFlow: 'USER_AUTH' });
    expect(call!.AuthParameters).to.deep.equal({ USERNAME: 'ada', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'correct horse battery' });
  });

  it('username only -> the choice (page order, keyboard) -> an email code: masked destination, resend, then signed in', async () => {
    let release!: () => void; // the resend's answer, held so the test sees the busy state
    cognito.on('initiateAuth', () => selectChallenge(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP']), () => new Promise((r) => (release = () => r(emailOtp))));
    cognito.on('respondToAuthChallenge', () => emailOtp, () => exception('CodeMismatchException', 'Invalid code or auth state for the user.'), () => authResult('sub-ada'));
    const el = await create({ 'sign-in-methods': 'email-otp password', 'passkey-prompt': 'off' });
    const form = await screen(el, 'sign-in');
    type(form, 'username', 'ada');
    await sendKeys({ press: 'Enter' });
    const choice = await screen(el, 'sign-in-method');
    expect(cognito.callsOf('initiateAuth')[0]!.AuthParameters).to.deep.equal({ USERNAME: 'ada' });
    expect(text(choice.querySelector('h1'))).to.equal('Choose how to sign in');
    expect(text(choice.querySelector('p'))).to.equal('Signing in as \u2068ada\u2069');
    const buttons = [...choice.querySelectorAll<HTMLButtonElement>('button[data-method]')];
    // SMS_OTP is Cognito's but not the page's: not offered.
    expect(buttons.map((b) => text(b))).to.deep.equal(['Email me a code', 'Use my password']);
    // No input the step exists for: the heading takes focus, so a screen reader hears the title and the account first.
    await until(() => document.activeElement === choice.querySelector('h1'), 'focus on the heading');
    await expectAccessible(el);
    // Keyboard only: Tab to the first way, then the password button, Shift+Tab back, Enter on the email one.
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(buttons[0]);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(buttons[1]);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(document.activeElement).to.equal(buttons[0]);
    await sendKeys({ press: 'Enter' });
    const code = await screen(el, 'sign-in-code');
    expect(cognito.callsOf('respondToAuthChallenge')[0]).to.deep.include({ ChallengeName: 'SELECT_CHALLENGE', Session: 'session-select' });
    expect(cognito.callsOf('respondToAuthChallenge')[0]!.ChallengeResponses).to.deep.include({ ANSWER: 'EMAIL_OTP' });
    expect(text(code.querySelector('p'))).to.equal('We have sent a code by email to \u2066a***@e***\u2069. Enter it below.');
    const input = code.querySelector<HTMLInputElement>('input[name="code"]')!;
    expect(input.autocomplete).to.equal('one-time-code');
    await until(() => document.activeElement === input, 'focus on the code');
    expect(text(code.querySelector('.cognito-other-ways'))).to.contain('Use my password');
    await expectAccessible(el);

    // "Send a new code" by keyboard: focus stays on it while busy (aria-disabled, never disabled), pressed twice, one
    // request; sent, focus goes to the code.
    const resend = code.querySelector<HTMLButtonElement>('[data-action="resend"]')!;
    resend.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => code.querySelector('.submitButton-customizable[aria-busy="true"]'), 'busy');
    const focused = () => document.activeElement?.getAttribute('data-action') ?? document.activeElement?.localName;
    expect(focused(), 'focus while busy').to.equal('resend');
    await sendKeys({ press: 'Enter' });
    release();
    await until(() => el.querySelector('[data-notice="code-resent"]'), 'the resent notice');
    expect(focused(), 'focus after the resend: the (cleared) code').to.equal('input');
    expect(cognito.callsOf('initiateAuth')).to.have.length(2);
    expect(cognito.callsOf('initiateAuth')[1]!.AuthParameters).to.deep.equal({ USERNAME: 'ada', PREFERRED_CHALLENGE: 'EMAIL_OTP' });

    type(code, 'code', '000000');
    await sendKeys({ press: 'Enter' });
    const alert = await until(() => el.querySelector('[role="alert"][data-error-code="code-mismatch"]'), 'the wrong-code message');
    expect(alert).to.exist;
    type(code, 'code', '123456');
    await sendKeys({ press: 'Enter' });
    await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
    const last = cognito.callsOf('respondToAuthChallenge').at(-1)!;
    expect(last).to.deep.include({ ChallengeName: 'EMAIL_OTP' });
    expect(last.ChallengeResponses).to.deep.include({ EMAIL_OTP_CODE: '123456' });
  });

  it('the password step: username kept for password managers, a refused password cleared, another way one click away', async () => {
    cognito.on('initiateAuth', () => selectChallenge(['PASSWORD', 'EMAIL_OTP']), () => emailOtp);
    cognito.on('respondToAuthChallenge', () => exception('NotAuthorizedException', 'Incorrect username or password.'));
    const el = await create({ 'sign-in-methods': 'password email-otp' });
    type(await screen(el, 'sign-in'), 'username', 'ada');
    (await screen(el, 'sign-in')).querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    (await screen(el, 'sign-in-method')).querySelector<HTMLButtonElement>('[data-method="password"]')!.click();
    const step = await screen(el, 'sign-in-password');
    expect(cognito.callsOf('respondToAuthChallenge')).to.have.length(0);
    const hidden = step.querySelector<HTMLInputElement>('input[name="username"]')!;
    expect([hidden.value, hidden.autocomplete, hidden.hidden]).to.deep.equal(['ada', 'username', true]);
    const password = step.querySelector<HTMLInputElement>('input[name="password"]')!;
    await until(() => document.activeElement === password, 'focus on the password');
    await expectAccessible(el);
    type(step, 'password', 'wrong password');
    step.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    await until(() => el.querySelector('[role="alert"][data-error-code="incorrect-credentials"]'), 'incorrect-credentials');
    expect(password.value).to.equal('');
    expect(cognito.callsOf('respondToAuthChallenge')[0]!.ChallengeResponses).to.deep.include({ ANSWER: 'PASSWORD', PASSWORD: 'wrong password' });
    step.querySelector<HTMLButtonElement>('.cognito-other-ways [data-method="email-otp"]')!.click();
    await screen(el, 'sign-in-code');
    expect(cognito.callsOf('initiateAuth')[1]!.AuthParameters).to.deep.include({ PREFERRED_CHALLENGE: 'EMAIL_OTP' });
  });

  it('the method buttons show their label on one line, centred, in every theme at 320 and 1280 px (idp.css adopted)', async () => {
    cognito.on('initiateAuth', () => selectChallenge(['PASSWORD', 'EMAIL_OTP', 'SMS_OTP']));
    try {
      for (const theme of ['classic', 'modern', 'dark']) {
        const el = await create({ 'sign-in-methods': 'email-otp sms-otp password', theme });
        const form = await screen(el, 'sign-in');
        type(form, 'username', 'ada');
        form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
        const choice = await screen(el, 'sign-in-method');
        // The live element's sheets: the theme (its window shows once it came) and idp.css, with the method buttons' code.
        await until(() => choice.checkVisibility({ visibilityProperty: true }), `the ${theme} theme`);
        const buttons = [...choice.querySelectorAll<HTMLButtonElement>('button[data-method]')];
        expect(buttons.map((b) => b.dataset.method)).to.deep.equal(['email-otp', 'sms-otp', 'password']);
        expect(getComputedStyle(buttons[1]!).backgroundColor, 'idp.css styles the other ways').not.to.equal(getComputedStyle(buttons[0]!).backgroundColor);
        for (const width of [320, 1280]) {
          await setViewport({ width, height: 900 });
          for (const b of buttons) {
            const label = b.querySelector<HTMLElement>('.cognito-submit-label')!;
            const box = label.getBoundingClientRect();
            const button = b.getBoundingClientRect();
            const lineHeight = parseFloat(getComputedStyle(label).lineHeight);
            const where = `${theme} ${width}px "${text(label)}"`;
            expect(box.height, `${where}: one line`).to.be.below(1.5 * lineHeight);
            expect(box.width, `${where}: as wide as its text`).to.be.above(60);
            expect(Math.abs(box.left + box.width / 2 - (button.left + button.width / 2)), `${where}: centred`).to.be.below(2);
          }
        }
        removeAll();
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('no way this account can use here: the choice says so, with Back to sign in', async () => {
    cognito.on('initiateAuth', () => selectChallenge(['WEB_AUTHN']));
    const el = await create({ 'sign-in-methods': 'email-otp sms-otp' });
    const form = await screen(el, 'sign-in');
    expect(form.querySelector('input[name="password"]')).to.equal(null);
    expect(form.querySelector('[data-action="forgot-password"]')).to.equal(null);
    type(form, 'username', 'ada');
    form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    const alert = await until(() => el.querySelector('[role="alert"][data-error-code="no-sign-in-method"]'), 'no-sign-in-method');
    expect(text(alert)).to.equal('This account cannot sign in here in any of the ways this site offers.');
    expect(el.querySelector('form[data-screen="sign-in-method"] [data-action="back"]')).to.exist;
  });

  it('"Remember this device" (remember-device): shown on the MFA screen, its answer sent with UpdateDeviceStatus', async () => {
    const sms = { ChallengeName: 'SMS_MFA', Session: 's1', ChallengeParameters: { CODE_DELIVERY_DESTINATION: '+*******0101', CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' } };
    cognito.on('initiateAuth', () => sms);
    let answer!: () => void;
    cognito.on('respondToAuthChallenge', async () => {
      await new Promise<void>((r) => (answer = r));
      return authResult('sub-ada', { NewDeviceMetadata: { DeviceKey: 'us-east-1_device-1', DeviceGroupKey: 'group-1' } });
    });
    cognito.on('confirmDevice', () => ({ UserConfirmationNecessary: true }));
    cognito.on('updateDeviceStatus', () => ({}));
    const plain = await create({});
    type(await screen(plain, 'sign-in'), 'username', 'ada');
    type(await screen(plain, 'sign-in'), 'password', 'pw-123456');
    (await screen(plain, 'sign-in')).querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    const without = await screen(plain, 'mfa-code');
    expect(without.querySelector('input[name="remember_device"]'), 'not without remember-device').to.equal(null);
    plain.remove();

    const el = await create({ 'remember-device': '' });
    type(await screen(el, 'sign-in'), 'username', 'ada');
    type(await screen(el, 'sign-in'), 'password', 'pw-123456');
    (await screen(el, 'sign-in')).querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    const mfa = await screen(el, 'mfa-code');
    const box = mfa.querySelector<HTMLInputElement>('input[type="checkbox"][name="remember_device"]')!;
    expect(text(mfa.querySelector(`label[for="${box.id}"]`))).to.equal('Remember this device');
    expect(box.checked).to.equal(false);
    await expectAccessible(el);
    type(mfa, 'code', '123456');
    box.click();
    mfa.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    // While the code is sent, the box cannot change: what the user last heard is what is sent.
    await until(() => box.getAttribute('aria-disabled') === 'true', 'the busy box');
    box.click();
    expect(box.checked, 'still ticked while busy').to.equal(true);
    answer();
    await until(() => cognito.callsOf('updateDeviceStatus').length === 1, 'UpdateDeviceStatus');
    expect(cognito.callsOf('updateDeviceStatus')[0]).to.deep.include({ DeviceKey: 'us-east-1_device-1', DeviceRememberedStatus: 'remembered' });
  });

  it('German: the new screens speak the page\'s language', async () => {
    cognito.on('initiateAuth', () => selectChallenge(['PASSWORD', 'EMAIL_OTP']));
    const el = await create({ 'sign-in-methods': 'email-otp password', lang: 'de' });
    const form = await screen(el, 'sign-in');
    type(form, 'username', 'ada');
    form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    const choice = await screen(el, 'sign-in-method');
    expect(text(choice.querySelector('h1'))).to.equal('Anmeldemethode wählen');
    expect([...choice.querySelectorAll('button[data-method]')].map((b) => text(b))).to.deep.equal(['Code per E-Mail senden', 'Mit meinem Passwort']);
  });
});
