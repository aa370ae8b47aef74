// While a way to sign in (or "Create a passkey") is being processed, the button the user pressed keeps the focus: it
// is aria-disabled, never `disabled` (README, Focus and messages), and a second press sends nothing. Another way from
// the code step goes straight to the next step (never through the choice). After "Create a passkey", the user sees
// and hears "Your passkey is ready…" also when the page shows its own signed-in content inside the element.
import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import type { WebAuthnSeam } from '../../src/crypto/webauthn.js';
import { authResult, FakeCognito } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import { type } from './helpers.js';
import { fakeAuthenticators } from './fake-authenticator.js';

let cognito = new FakeCognito();
let creations = 0;
let releaseCreate: (() => void) | undefined;
/** The browser's passkey dialog: create() stays open until the test releases it. */
const webauthn: WebAuthnSeam = {
  supported: () => true,
  get: async () => ({ id: 'c' }),
  create: () => {
    creations++;
    return new Promise((resolve) => (releaseCreate = () => resolve({ id: 'new', rawId: 'new', type: 'public-key', response: {} })));
  },
};

const { create, removeAll } = fakeAuthenticators('test-methods-busy-authenticator', () => ({ api: cognito.api, webauthn }));

const screen = (el: Element, name: string) => until(() => el.querySelector<HTMLFormElement>(`form[data-screen="${name}"]`), `the ${name} screen`);
const selectChallenge = (available: string[]) => ({ ChallengeName: 'SELECT_CHALLENGE', Session: 'session-select', ChallengeParameters: {}, AvailableChallenges: available });
const otp = (name: 'EMAIL_OTP' | 'SMS_OTP', destination: string) => ({
  ChallengeName: name,
  Session: `session-${name}`,
  ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: name === 'SMS_OTP' ? 'SMS' : 'EMAIL', CODE_DELIVERY_DESTINATION: destination },
});
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim();
/** A Cognito answer the test hands out when it wants (so it can look at the busy state). */
function held<T>(value: T): { handler: () => Promise<T>; release: () => void } {
  let release = () => {};
  return { handler: () => new Promise<T>((r) => (release = () => r(value))), release: () => release() };
}

/** A form the element failed to handle must fail the test, not navigate the test page away. */
const noNavigation = (e: Event) => e.preventDefault();
before(() => window.addEventListener('submit', noNavigation));
after(() => window.removeEventListener('submit', noNavigation));

beforeEach(() => {
  cognito = new FakeCognito();
  creations = 0;
  releaseCreate = undefined;
});
afterEach(() => {
  removeAll();
});

/** Everything the element said about its screen: the `screen` attribute's values and the screen-change events. */
function watchScreens(el: Element): { attribute: string[]; events: string[]; stop: () => void } {
  const attribute: string[] = [];
  const events: string[] = [];
  const observer = new MutationObserver(() => attribute.push(el.getAttribute('screen') ?? ''));
  observer.observe(el, { attributes: true, attributeFilter: ['screen'] });
  const onChange = (e: Event) => events.push((e as CustomEvent<{ screen: string }>).detail.screen);
  el.addEventListener('cognito-screen-change', onChange);
  return { attribute, events, stop: () => (observer.disconnect(), el.removeEventListener('cognito-screen-change', onChange)) };
}

describe('sign-in methods while busy', () => {
  it('the choice: the pressed way keeps the focus, says it is busy, is aria-disabled (not disabled); a second press sends nothing', async () => {
    const answer = held(otp('EMAIL_OTP', 'a***@e***'));
    cognito.on('initiateAuth', () => selectChallenge(['EMAIL_OTP', 'PASSWORD'])).on('respondToAuthChallenge', answer.handler);
    const el = await create({ 'sign-in-methods': 'email-otp password', 'passkey-prompt': 'off' });
    const form = await screen(el, 'sign-in');
    type(form, 'username', 'ada');
    await sendKeys({ press: 'Enter' });
    const choice = await screen(el, 'sign-in-method');
    const email = choice.querySelector<HTMLButtonElement>('[data-method="email-otp"]')!;
    email.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => email.getAttribute('aria-busy') === 'true', 'busy');
    expect(document.activeElement, 'focus while busy').to.equal(email);
    expect(text(email.querySelector('.cognito-visually-hidden'))).to.equal('Please wait…');
    const buttons = [...choice.querySelectorAll<HTMLButtonElement>('button[data-method]')];
    expect(buttons.map((b) => [b.disabled, b.getAttribute('aria-disabled')])).to.deep.equal([
      [false, 'true'],
      [false, 'true'],
    ]);
    await sendKeys({ press: 'Enter' });
    buttons[1]!.click();
    expect(document.activeElement).to.equal(email);
    answer.release();
    await screen(el, 'sign-in-code');
    expect(cognito.callsOf('respondToAuthChallenge')).to.have.length(1);
    expect(el.querySelector('form[data-screen="sign-in-password"]')).to.equal(null);
  });

  it('code step -> "Text me a code": focus stays on it while busy, a second press sends nothing, the choice never shows', async () => {
    const sms = held(otp('SMS_OTP', '+*******0101'));
    cognito.on('initiateAuth', () => selectChallenge(['EMAIL_OTP', 'SMS_OTP']), sms.handler);
    cognito.on('respondToAuthChallenge', () => otp('EMAIL_OTP', 'a***@e***'));
    const el = await create({ 'sign-in-methods': 'email-otp sms-otp', 'passkey-prompt': 'off' });
    type(await screen(el, 'sign-in'), 'username', 'ada');
    await sendKeys({ press: 'Enter' });
    (await screen(el, 'sign-in-method')).querySelector<HTMLButtonElement>('[data-method="email-otp"]')!.click();
    const code = await screen(el, 'sign-in-code');
    const watch = watchScreens(el);
    const textMe = code.querySelector<HTMLButtonElement>('.cognito-other-ways [data-method="sms-otp"]')!;
    expect(text(textMe)).to.equal('Text me a code');
    textMe.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => textMe.getAttribute('aria-disabled') === 'true', 'busy');
    expect(textMe.disabled).to.equal(false);
    expect(document.activeElement, 'focus while busy').to.equal(textMe);
    await sendKeys({ press: 'Enter' });
    expect(cognito.callsOf('initiateAuth')).to.have.length(2);
    sms.release();
    await until(() => text(el.querySelector('form[data-screen="sign-in-code"] p'))?.includes('+*******0101'), 'the SMS code step');
    watch.stop();
    expect(cognito.callsOf('initiateAuth')).to.have.length(2);
    expect(cognito.callsOf('initiateAuth')[1]!.AuthParameters).to.deep.include({ PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(watch.attribute, 'the screen attribute').not.to.include('sign-in-method');
    expect(watch.events, 'cognito-screen-change').to.deep.equal([]);
  });
});

describe('"Create a passkey" on the prompt', () => {
  async function toPrompt(el: Element, username: string): Promise<HTMLFormElement> {
    cognito.on('initiateAuth', () => authResult(`sub-${username}`));
    cognito.on('startWebAuthnRegistration', () => ({ CredentialCreationOptions: { challenge: 'AAAA', rp: { id: 'localhost', name: 't' }, user: { id: 'AAAA', name: username, displayName: username }, pubKeyCredParams: [] } }));
    cognito.on('completeWebAuthnRegistration', () => ({}));
    const form = await screen(el, 'sign-in');
    type(form, 'username', username);
    type(form, 'password', 'correct horse battery');
    form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    return screen(el, 'passkey-prompt');
  }

  it('keeps the focus while the dialog is open (one dialog for two presses); with the page\'s own content, the confirmation is shown, read out and focused', async () => {
    const el = await create({ 'sign-in-methods': 'password passkey' });
    const page = Object.assign(document.createElement('main'), { textContent: 'Welcome to the app' });
    el.append(page);
    const prompt = await toPrompt(el, 'grace');
    const button = prompt.querySelector<HTMLButtonElement>('[data-action="create-passkey"]')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => creations === 1, 'the passkey dialog');
    await until(() => button.getAttribute('aria-busy') === 'true', 'busy');
    expect([button.disabled, button.getAttribute('aria-disabled')]).to.deep.equal([false, 'true']);
    expect(document.activeElement, 'focus while the dialog is open').to.equal(button);
    await sendKeys({ press: 'Enter' });
    button.click();
    expect(creations, 'a second press opens no second dialog').to.equal(1);
    releaseCreate!();
    await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
    const notice = await until(() => el.querySelector<HTMLElement>('[data-notice="passkey-created"]'), 'the confirmation');
    expect(notice.getAttribute('role')).to.equal('status');
    expect(text(notice)).to.equal('Your passkey is ready. Next time, sign in with it.');
    expect(notice.checkVisibility(), 'the confirmation is visible').to.equal(true);
    expect(page.checkVisibility(), 'the page content is visible').to.equal(true);
    expect(notice.compareDocumentPosition(page) & Node.DOCUMENT_POSITION_FOLLOWING, 'before the page content').to.not.equal(0);
    await until(() => document.activeElement === notice, 'focus on the confirmation');
    expect(cognito.callsOf('startWebAuthnRegistration')).to.have.length(1);
    expect(cognito.callsOf('completeWebAuthnRegistration')).to.have.length(1);
  });

  it('without page content, the built-in signed-in view shows the confirmation and focus goes to it', async () => {
    const el = await create({ 'sign-in-methods': 'password passkey' });
    const prompt = await toPrompt(el, 'alan');
    prompt.querySelector<HTMLButtonElement>('[data-action="create-passkey"]')!.click();
    await until(() => creations === 1, 'the passkey dialog');
    releaseCreate!();
    const notice = await until(() => el.querySelector<HTMLElement>('.cognito-signed-in [data-notice="passkey-created"]'), 'the confirmation');
    await until(() => document.activeElement === notice, 'focus on the confirmation');
  });
});
