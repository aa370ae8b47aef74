// Passkeys in <cognito-authenticator> with REAL WebAuthn ceremonies: navigator.credentials.create/get run in headless
// Chromium against the DevTools virtual authenticator (web-test-runner.config.js), the engine on a fake Cognito that
// hands out WebAuthn options and records the credential the element sends back. What is checked is what the user sees
// (the prompt, the progress line, each failure's message with the other ways still offered) and what reaches Cognito
// (a credential whose client data names this origin, the ceremony's type and Cognito's challenge).
import { expect } from 'chai';
import { AccountFlow } from '../../src/account/index.js';
import { createBrowserWebAuthn } from '../../src/crypto/webauthn.js';
import { authResult, FakeCognito, harness } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import { decodeClientData, virtualAuthenticator } from '../support/virtual-authenticator.js';
import { mountAccount, press, text } from './account-support.js';
import { expectAccessible, type } from './helpers.js';
import { fakeAuthenticators } from './fake-authenticator.js';

let cognito = new FakeCognito();

// The element's own deps (its webauthn loader) stay: only Cognito is fake.
const { create, removeAll } = fakeAuthenticators('test-passkey-authenticator', () => ({ api: cognito.api }));

const b64url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (n = 32): string => b64url(crypto.getRandomValues(new Uint8Array(n)));

/** StartWebAuthnRegistration's options as Cognito gives them (an object), for rp `localhost` (the test page's host). */
function creationOptions(challenge: string, exclude: string[] = []) {
  return {
    CredentialCreationOptions: {
      rp: { id: 'localhost', name: 'cognito-elements test' },
      user: { id: b64url(new TextEncoder().encode('sub-ada')), name: 'ada', displayName: 'ada' },
      challenge,
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
      timeout: 60000,
      excludeCredentials: exclude.map((id) => ({ type: 'public-key', id })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      attestation: 'none',
    },
  };
}

/** The WEB_AUTHN challenge with CREDENTIAL_REQUEST_OPTIONS (a JSON string, as Cognito sends it). */
function webAuthnChallenge(challenge: string, allow: string[]) {
  const options = { challenge, rpId: 'localhost', timeout: 60000, userVerification: 'required', allowCredentials: allow.map((id) => ({ type: 'public-key', id })) };
  return { ChallengeName: 'WEB_AUTHN', Session: 'session-webauthn', ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(options) } };
}

const selectChallenge = (available: string[]) => ({ ChallengeName: 'SELECT_CHALLENGE', Session: 'session-select', ChallengeParameters: {}, AvailableChallenges: available });

async function screen(el: Element, name: string): Promise<HTMLFormElement> {
  return until(() => el.querySelector<HTMLFormElement>(`form[data-screen="${name}"]`), `the ${name} screen`);
}

/** Every text the progress line showed while `run` ran (the passkey dialog is instant with a virtual authenticator). */
async function progressDuring(el: Element, run: () => Promise<unknown>): Promise<string[]> {
  const seen = new Set<string>();
  const observer = new MutationObserver(() => {
    for (const p of el.querySelectorAll('.cognito-progress')) if (p.textContent?.trim()) seen.add(p.textContent.trim());
  });
  observer.observe(el, { subtree: true, childList: true, characterData: true });
  try {
    await run();
  } finally {
    observer.disconnect();
  }
  return [...seen];
}

/** Signs in with a typed password (USER_AUTH, PREFERRED_CHALLENGE PASSWORD): the passkey prompt follows. */
async function signInWithPassword(el: Element): Promise<void> {
  const form = await screen(el, 'sign-in');
  type(form, 'username', 'ada');
  type(form, 'password', 'correct horse battery');
  form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
}

/** Registers a passkey through the prompt; resolves to the credential id the virtual authenticator made. */
async function registerThroughPrompt(el: Element): Promise<string> {
  const challenge = random();
  cognito.on('startWebAuthnRegistration', () => creationOptions(challenge));
  cognito.on('completeWebAuthnRegistration', () => ({}));
  const prompt = await screen(el, 'passkey-prompt');
  prompt.querySelector<HTMLButtonElement>('[data-action="create-passkey"]')!.click();
  await until(() => el.getAttribute('screen') === 'signed-in' && cognito.callsOf('completeWebAuthnRegistration').length === 1, 'the passkey registered');
  const sent = cognito.callsOf('completeWebAuthnRegistration')[0]!.Credential as { id: string; response: { clientDataJSON: string; attestationObject: string } };
  expect(sent.response.attestationObject).to.be.a('string').and.not.empty;
  expect(decodeClientData(sent.response.clientDataJSON)).to.deep.include({ type: 'webauthn.create', challenge, origin: location.origin });
  return sent.id;
}

beforeEach(async () => {
  cognito = new FakeCognito();
  await virtualAuthenticator.add();
});

afterEach(async () => {
  removeAll();
  await virtualAuthenticator.remove();
});

describe('passkeys with a real WebAuthn ceremony (virtual authenticator)', () => {
  it('after a password sign-in, "Create a passkey" registers one (progress shown while the dialog is open), then a passkey sign-in uses it', async () => {
    cognito.on('initiateAuth', () => authResult('sub-ada'), () => selectChallenge(['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN']));
    const el = await create({ 'sign-in-methods': 'passkey email-otp password' });
    const signedIn: Event[] = [];
    el.addEventListener('cognito-signed-in', (e) => signedIn.push(e));
    await signInWithPassword(el);
    const prompt = await screen(el, 'passkey-prompt');
    // Signed in already: the page hears it now, not after the prompt.
    expect(signedIn).to.have.length(1);
    expect(cognito.callsOf('initiateAuth')[0]).to.deep.include({ AuthFlow: 'USER_AUTH' });
    expect(cognito.callsOf('initiateAuth')[0]!.AuthParameters).to.deep.include({ USERNAME: 'ada', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'correct horse battery' });
    expect(prompt.querySelector('h1')!.textContent).to.equal('Create a passkey?');
    // A choice, not an input the step exists for: the heading takes focus (README, Focus and messages).
    expect(document.activeElement).to.equal(prompt.querySelector('h1'));
    await expectAccessible(el);

    let id = '';
    const progress = await progressDuring(el, async () => (id = await registerThroughPrompt(el)));
    expect(progress).to.include('Follow your browser’s instructions to create your passkey.');
    expect(el.querySelector('[data-notice="passkey-created"]')?.textContent).to.equal('Your passkey is ready. Next time, sign in with it.');
    expect(signedIn, 'leaving the prompt fires nothing').to.have.length(1);
    const held = await virtualAuthenticator.credentials();
    expect(held.map((c) => c.credentialId)).to.deep.equal([id]);
    expect(held[0]).to.deep.include({ rpId: 'localhost', isResidentCredential: true });

    // The next sign-in: the username, then "Sign in with a passkey" (first: the page's order), a real get().
    await el.signOut();
    const challenge = random();
    cognito.on('respondToAuthChallenge', () => webAuthnChallenge(challenge, [id]), () => authResult('sub-ada'));
    const form = await screen(el, 'sign-in');
    type(form, 'username', 'ada');
    form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    const choice = await screen(el, 'sign-in-method');
    const buttons = [...choice.querySelectorAll<HTMLButtonElement>('button[data-method]')];
    expect(buttons.map((b) => [b.dataset.method, b.textContent!.trim()])).to.deep.equal([
      ['passkey', 'Sign in with a passkey'],
      ['email-otp', 'Email me a code'],
      ['password', 'Use my password'],
    ]);
    expect(document.activeElement).to.equal(choice.querySelector('h1'));
    await expectAccessible(el);
    const waiting = await progressDuring(el, async () => {
      buttons[0]!.click();
      await until(() => el.getAttribute('screen') === 'signed-in', 'signed in with the passkey');
    });
    expect(waiting).to.include('Follow your browser’s instructions to use your passkey.');
    const [select, answer] = cognito.callsOf('respondToAuthChallenge');
    expect(select).to.deep.include({ ChallengeName: 'SELECT_CHALLENGE' });
    expect(select!.ChallengeResponses).to.deep.include({ ANSWER: 'WEB_AUTHN' });
    expect(answer).to.deep.include({ ChallengeName: 'WEB_AUTHN' });
    const credential = JSON.parse((answer!.ChallengeResponses as Record<string, string>).CREDENTIAL!) as { id: string; response: { clientDataJSON: string; signature: string } };
    expect(credential.id).to.equal(id);
    expect(credential.response.signature).to.be.a('string').and.not.empty;
    expect(decodeClientData(credential.response.clientDataJSON)).to.deep.include({ type: 'webauthn.get', challenge, origin: location.origin });
    // Signed in with a passkey: no prompt to make another one.
    expect(el.querySelector('cognito-passkey-prompt')).to.equal(null);
  });

  it('a user who refuses the passkey dialog sees why, on the choice, with the other ways still offered', async () => {
    const el = await create({ 'sign-in-methods': 'passkey email-otp password' });
    cognito.on('initiateAuth', () => authResult('sub-ada'), () => selectChallenge(['EMAIL_OTP', 'WEB_AUTHN']));
    await signInWithPassword(el);
    const id = await registerThroughPrompt(el);
    await el.signOut();
    await virtualAuthenticator.setUserVerified(false);
    cognito.on('respondToAuthChallenge', () => webAuthnChallenge(random(), [id]));
    const form = await screen(el, 'sign-in');
    type(form, 'username', 'ada');
    form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    const choice = await screen(el, 'sign-in-method');
    choice.querySelector<HTMLButtonElement>('[data-method="passkey"]')!.click();
    const alert = await until(() => el.querySelector<HTMLElement>('[role="alert"][data-error-code="passkey-cancelled"]'), 'the passkey-cancelled message');
    expect(alert.textContent).to.contain('The passkey request was cancelled');
    await until(() => document.activeElement === alert, 'focus on the message');
    const offered = [...el.querySelectorAll<HTMLButtonElement>('form[data-screen="sign-in-method"] button[data-method]')];
    expect(offered.map((b) => b.dataset.method)).to.deep.equal(['passkey', 'email-otp']);
    expect(offered.every((b) => !b.disabled)).to.equal(true);
    expect(cognito.callsOf('respondToAuthChallenge').map((c) => c.ChallengeName)).to.deep.equal(['SELECT_CHALLENGE']);
    await expectAccessible(el);
  });

  it('no passkey of this account on this device: the dialog fails and says so; none registered at all: no dialog, its own message', async () => {
    const el = await create({ 'sign-in-methods': 'passkey email-otp' });
    // Cognito lists a passkey this authenticator does not hold (made on another device); after that failure the choice
    // starts a new USER_AUTH with PREFERRED_CHALLENGE WEB_AUTHN, and Cognito lists none.
    cognito.on('initiateAuth', () => selectChallenge(['EMAIL_OTP', 'WEB_AUTHN']), () => webAuthnChallenge(random(), []));
    cognito.on('respondToAuthChallenge', () => webAuthnChallenge(random(), [random(16)]));
    const form = await screen(el, 'sign-in');
    type(form, 'username', 'ada');
    form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    let choice = await screen(el, 'sign-in-method');
    choice.querySelector<HTMLButtonElement>('[data-method="passkey"]')!.click();
    await until(() => el.querySelector('[role="alert"][data-error-code="passkey-cancelled"]'), 'passkey-cancelled for a passkey held elsewhere');
    choice = await screen(el, 'sign-in-method');
    await until(() => !choice.querySelector<HTMLButtonElement>('[data-method="passkey"]')!.disabled, 'the choice ready again');
    choice.querySelector<HTMLButtonElement>('[data-method="passkey"]')!.click();
    const alert = await until(() => el.querySelector('[role="alert"][data-error-code="passkey-not-found"]'), 'passkey-not-found');
    expect(alert.textContent).to.contain('There is no passkey for this account yet. Choose another way to sign in.');
    expect((await virtualAuthenticator.credentials()).length).to.equal(0);
  });

  it('a browser without passkeys is never offered one; a page that offers only passkeys says the browser cannot', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
    Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true, writable: true });
    try {
      cognito.on('initiateAuth', () => selectChallenge(['EMAIL_OTP', 'WEB_AUTHN']));
      const el = await create({ 'sign-in-methods': 'passkey email-otp' });
      let form = await screen(el, 'sign-in');
      type(form, 'username', 'ada');
      form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
      // Cognito offers WEB_AUTHN, the browser cannot: only the code is left, so it is sent at once.
      cognito.on('respondToAuthChallenge', () => ({ ChallengeName: 'EMAIL_OTP', Session: 's', ChallengeParameters: { CODE_DELIVERY_DESTINATION: 'a***@e***', CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL' } }));
      await screen(el, 'sign-in-code');
      expect(cognito.callsOf('respondToAuthChallenge')[0]!.ChallengeResponses).to.deep.include({ ANSWER: 'EMAIL_OTP' });

      const only = await create({ 'sign-in-methods': 'passkey' });
      form = await screen(only, 'sign-in');
      expect(form.querySelector('input[name="password"]')).to.equal(null);
      type(form, 'username', 'ada');
      form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
      const alert = await until(() => only.querySelector('[role="alert"][data-error-code="passkey-not-supported"]'), 'passkey-not-supported');
      expect(alert.textContent).to.contain('This browser does not support passkeys.');
    } finally {
      Object.defineProperty(window, 'PublicKeyCredential', original);
    }
  });

  it('the prompt: a passkey already on this device says so; "Don\'t ask again on this device" is honoured at the next sign-in', async () => {
    cognito.on('initiateAuth', () => authResult('sub-ada'));
    const el = await create({ 'sign-in-methods': 'password passkey' });
    await signInWithPassword(el);
    const id = await registerThroughPrompt(el);
    // Another page (a new engine, nothing stored: the prompt comes again) on the same device: Cognito excludes the
    // passkey this authenticator already holds, so create() refuses and the prompt says why.
    await el.signOut();
    cognito = new FakeCognito();
    cognito.on('initiateAuth', () => authResult('sub-ada'));
    const again = await create({ 'sign-in-methods': 'password passkey' });
    await signInWithPassword(again);
    const prompt = await screen(again, 'passkey-prompt');
    cognito.on('startWebAuthnRegistration', () => creationOptions(random(), [id]));
    prompt.querySelector<HTMLButtonElement>('[data-action="create-passkey"]')!.click();
    const alert = await until(() => again.querySelector('[role="alert"][data-error-code="passkey-exists"]'), 'passkey-exists');
    expect(alert.textContent).to.contain('This device already has a passkey for this account.');
    expect((await virtualAuthenticator.credentials()).map((c) => c.credentialId)).to.deep.equal([id]);
    await expectAccessible(again);
    prompt.querySelector<HTMLButtonElement>('[data-action="dont-ask-again"]')!.click();
    await until(() => again.getAttribute('screen') === 'signed-in', 'signed in without a passkey');
    await again.signOut();
    await signInWithPassword(again);
    await until(() => again.getAttribute('screen') === 'signed-in', 'signed in, not asked again');
    expect(again.querySelector('cognito-passkey-prompt')).to.equal(null);
  });
  it('the prompt: a refused passkey dialog says the passkey was not created (no "sign in" advice); the prompt stays usable', async () => {
    cognito.on('initiateAuth', () => authResult('sub-ada'));
    const el = await create({ 'sign-in-methods': 'password passkey' });
    await signInWithPassword(el);
    const prompt = await screen(el, 'passkey-prompt');
    const errors: Event[] = [];
    el.addEventListener('cognito-error', (e) => errors.push(e));
    cognito.on('startWebAuthnRegistration', () => creationOptions(random()));
    cognito.on('completeWebAuthnRegistration', () => ({}));
    await virtualAuthenticator.setUserVerified(false);
    prompt.querySelector<HTMLButtonElement>('[data-action="create-passkey"]')!.click();
    const alert = await until(() => el.querySelector<HTMLElement>('[role="alert"][data-error-code="passkey-create-cancelled"]'), 'the creation message');
    expect(alert.textContent!.trim()).to.equal('The passkey was not created: the request was cancelled. You can try again.');
    expect(alert.textContent).not.to.match(/sign in/i);
    await until(() => document.activeElement === alert, 'focus on the message');
    expect((errors[0] as CustomEvent).detail).to.deep.include({ code: 'passkey-create-cancelled' });
    expect(el.getAttribute('screen')).to.equal('passkey-prompt');
    const actions = ['create-passkey', 'not-now', 'dont-ask-again'].map((a) => el.querySelector<HTMLButtonElement>(`form[data-screen="passkey-prompt"] [data-action="${a}"]`));
    await until(() => actions.every((b) => b && !b.disabled && b.getAttribute('aria-disabled') !== 'true'), 'the prompt\'s buttons usable again');
    expect(cognito.callsOf('completeWebAuthnRegistration')).to.have.length(0);
    expect(await virtualAuthenticator.credentials()).to.have.length(0);
    await expectAccessible(el);
    // "Try again" is what the message offers: it works.
    await virtualAuthenticator.setUserVerified(true);
    actions[0]!.click();
    await until(() => el.getAttribute('screen') === 'signed-in' && cognito.callsOf('completeWebAuthnRegistration').length === 1, 'the passkey registered');
    expect(await virtualAuthenticator.credentials()).to.have.length(1);
  });

  it('<cognito-account-passkeys>: a refused dialog at "Add a passkey" says the passkey was not created; adding again works', async () => {
    const h = harness({ signInMethods: ['password', 'passkey'], passkeyPrompt: false }, { webauthn: createBrowserWebAuthn() });
    h.cognito.on('initiateAuth', () => authResult('sub-ada'));
    await h.flow.signIn({ username: 'ada', password: 'correct horse battery' });
    expect(h.flow.state.screen).to.equal('signed-in');
    h.cognito.on('listWebAuthnCredentials', () => ({ Credentials: [] }));
    h.cognito.on('startWebAuthnRegistration', () => creationOptions(random()));
    h.cognito.on('completeWebAuthnRegistration', () => ({}));
    const account = new AccountFlow(h.flow, {}, { api: h.cognito.api, clock: h.clock });
    const el = await mountAccount<HTMLElement>('cognito-account-passkeys', { account, flow: h.flow });
    const errors: CustomEvent[] = [];
    el.addEventListener('cognito-error', (e) => errors.push(e as CustomEvent));
    await until(() => el.querySelector('[data-empty]'), 'the empty list');
    await virtualAuthenticator.setUserVerified(false);
    await press(el, 'add-passkey');
    const alert = await until(() => el.querySelector<HTMLElement>('[role="alert"][data-error-code="passkey-create-cancelled"]'), 'the creation message');
    expect(text(alert)).to.equal('The passkey was not created: the request was cancelled. You can try again.');
    expect(errors[0]?.detail).to.deep.include({ code: 'passkey-create-cancelled', section: 'passkeys' });
    const add = await until(() => el.querySelector<HTMLButtonElement>('[data-action="add-passkey"]:not([disabled])'), 'Add a passkey usable again');
    expect(h.cognito.callsOf('completeWebAuthnRegistration')).to.have.length(0);
    await expectAccessible(el);
    await virtualAuthenticator.setUserVerified(true);
    add.click();
    await until(() => text(el.querySelector('[data-status]')) === 'Your passkey has been added.', 'the passkey added');
    expect(el.querySelector('[data-error-code]')).to.equal(null);
    expect(await virtualAuthenticator.credentials()).to.have.length(1);
  });
});
