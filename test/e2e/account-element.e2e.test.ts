// <cognito-account> through the DOM against the Cognito double: a fresh user signed up through the engine into the
// page's session storage, an authenticator that restores that session, and the account element (`for` it) driven by
// filling inputs and clicking its buttons; then the authenticator's sign-in form proves what changed.
import { expect } from 'chai';
import '../../components/index.js';
import '../../components/account/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { storageFor } from '../../src/session/index.js';
import { endpoint, flowFor, freshIdentity, freshTotp, seed } from './env.js';
import { until } from '../support/until.js';

const PASSWORD = 'Account-Pass-123!';
const NEW_PASSWORD = 'Account-NewPass-456!';
const WAIT = { timeout: 8000 };
const mounted: Element[] = [];

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  sessionStorage.clear();
});

/** A new user of the plain pool, signed up and confirmed, signed in into this page's session storage. */
async function newUser(tag: string): Promise<{ username: string; email: string }> {
  const id = freshIdentity(tag);
  const flow = flowFor('plain', { signUpAttributes: 'email', storage: 'session' }, storageFor('session'));
  flow.goTo('sign-up');
  await flow.signUp({ username: id.username, password: PASSWORD, attributes: { email: id.email } });
  await flow.confirmSignUp({ code: seed.code });
  expect(flow.state.screen, JSON.stringify(flow.state.error)).to.equal('signed-in');
  flow.dispose?.();
  return id;
}

/** The authenticator (restoring the stored session) and a `<cognito-account for=…>` beside it. */
async function page(sections: string, attributes = 'email', mfaTypes?: string): Promise<{ auth: CognitoAuthenticator; account: HTMLElement }> {
  const p = seed.pools.plain;
  const auth = document.createElement('cognito-authenticator');
  auth.id = 'auth';
  for (const [k, v] of Object.entries({ 'user-pool-id': p.id, 'client-id': p.clientId, endpoint, storage: 'session', 'auth-flow': 'USER_SRP_AUTH' })) {
    if (v) auth.setAttribute(k, v);
  }
  const account = document.createElement('cognito-account');
  account.setAttribute('for', 'auth');
  account.setAttribute('sections', sections);
  account.setAttribute('attributes', attributes);
  if (mfaTypes) account.setAttribute('mfa-types', mfaTypes);
  document.body.append(auth, account);
  mounted.push(auth, account);
  await until(() => auth.getAttribute('screen') === 'signed-in', { what: 'the restored session', ...WAIT });
  await until(() => account.querySelector('.cognito-account-section'), { what: 'the account sections', ...WAIT });
  return { auth, account };
}

function fill(root: Element, name: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!input) throw new Error(`no input ${name}`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

function press(root: Element, action: string): void {
  const button = root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
  if (!button) throw new Error(`no button ${action}`);
  button.click();
}

/** Signs out with the account's own button, then signs in with the authenticator's form. */
async function signOutAndIn(auth: Element, account: Element, username: string, password: string): Promise<void> {
  press(account, 'sign-out');
  await until(() => auth.getAttribute('screen') === 'sign-in' && auth.querySelector('cognito-sign-in form'), { what: 'the sign-in form', ...WAIT });
  const form = auth.querySelector('cognito-sign-in')!;
  fill(form, 'username', username);
  fill(form, 'password', password);
  form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
}

describe('<cognito-account> (e2e, through the DOM)', function () {

  it('change the password, then sign in with the new one', async () => {
    const { username } = await newUser('elpw');
    const { auth, account } = await page('password sessions');
    const section = account.querySelector('cognito-account-password')!;
    fill(section, 'current_password', PASSWORD);
    fill(section, 'password', NEW_PASSWORD);
    fill(section, 'confirm_password', NEW_PASSWORD);
    section.querySelector('form')!.requestSubmit();
    await until(() => section.querySelector('[data-notice="password-changed"]') || section.querySelector('[role="alert"]'), { what: 'the answer', ...WAIT });
    expect(section.querySelector('[role="alert"]')?.textContent ?? '').to.equal('');
    await signOutAndIn(auth, account.querySelector('cognito-account-sessions')!, username, NEW_PASSWORD);
    await until(() => auth.getAttribute('screen') === 'signed-in', { what: 'signed in with the new password', ...WAIT });
  });

  it('add an authenticator app, then sign in with a code from it', async () => {
    const { username } = await newUser('eltotp');
    const { auth, account } = await page('mfa sessions');
    const section = account.querySelector('cognito-account-mfa')!;
    await until(() => section.querySelector('[data-action="add-app"]'), { what: 'add app', ...WAIT });
    press(section, 'add-app');
    await until(() => section.querySelector('form[data-totp-setup]'), { what: 'the set-up', ...WAIT });
    press(section, 'show-secret');
    const key = await until(() => section.querySelector('.cognito-secret-key'), { what: 'the secret', ...WAIT });
    const secret = (key.textContent ?? '').replace(/\s+/g, '');
    fill(section, 'code', await freshTotp(secret));
    fill(section, 'device_name', 'Test phone');
    section.querySelector<HTMLFormElement>('form[data-totp-setup]')!.requestSubmit();
    await until(() => section.querySelector('[data-notice="totp-enabled"]'), { what: 'TOTP on', ...WAIT });
    await signOutAndIn(auth, account.querySelector('cognito-account-sessions')!, username, PASSWORD);
    await until(() => auth.getAttribute('screen') === 'mfa-code' && auth.querySelector('cognito-mfa-code form'), { what: 'the code screen', ...WAIT });
    const mfa = auth.querySelector('cognito-mfa-code')!;
    fill(mfa, 'code', await freshTotp(secret));
    mfa.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    await until(() => auth.getAttribute('screen') === 'signed-in', { what: 'signed in with a code', ...WAIT });
  });

  it('SMS for a user with no phone number: not offered (Cognito would refuse it), the row says what to do', async () => {
    await newUser('nosms');
    const { account } = await page('mfa', 'email', 'SOFTWARE_TOKEN_MFA SMS_MFA');
    const row = await until(() => account.querySelector('cognito-account-mfa [data-mfa-type="SMS_MFA"]'), { what: 'the SMS row', ...WAIT });
    expect(row.getAttribute('data-enabled')).to.equal('false');
    expect(row.querySelector('[data-action="turn-on"]')).to.equal(null);
    expect(row.querySelector('[data-hint]')?.textContent?.trim()).to.equal('Add and verify a phone number in your profile to use text messages.');
  });

  it('change the email and verify it with the code', async () => {
    const { email } = await newUser('elmail');
    const { account } = await page('profile', 'email');
    const section = account.querySelector('cognito-account-profile')!;
    await until(() => section.querySelector('[name="email"]'), { what: 'the profile form', ...WAIT });
    fill(section, 'email', email.replace('@', '.new@'));
    section.querySelector('form')!.requestSubmit();
    const code = await until(() => section.querySelector('form[data-verify="email"] [name="code"]'), { what: 'the code field', ...WAIT });
    await until(() => section.querySelector('[data-attribute="email"]')?.textContent?.includes('Not verified yet.'), { what: 'shown as not verified', ...WAIT });
    fill(section, 'code', seed.code);
    code.closest('form')!.requestSubmit();
    await until(() => section.querySelector('[data-notice="attribute-verified"]'), { what: 'verified', ...WAIT });
    expect(section.querySelector('[data-attribute="email"]')?.textContent).not.to.contain('Not verified yet.');
  });

  it('delete the account, then fail to sign in', async () => {
    const { username } = await newUser('eldel');
    const { auth, account } = await page('delete');
    const updated: string[] = [];
    account.addEventListener('cognito-account-updated', (e) => updated.push((e as CustomEvent).detail.change));
    const section = account.querySelector('cognito-account-delete')!;
    fill(section, 'confirmation', 'DELETE');
    section.querySelector('form')!.requestSubmit();
    await until(() => auth.getAttribute('screen') === 'sign-in' && auth.querySelector('cognito-sign-in form'), { what: 'signed out', ...WAIT });
    expect(updated).to.deep.equal(['deleted']);
    expect(account.textContent).to.contain('You are not signed in.');
    const form = auth.querySelector('cognito-sign-in')!;
    fill(form, 'username', username);
    fill(form, 'password', PASSWORD);
    form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    await until(() => auth.querySelector('cognito-sign-in [role="alert"]'), { what: 'the refusal', ...WAIT });
    expect(auth.getAttribute('screen')).to.equal('sign-in');
  });

  it('forget this device in the Devices section, then be asked for MFA again', async () => {
    // A seeded user with SMS MFA (only this file signs in as it), on the plain pool's "opt-in" device-tracking client:
    // the device is remembered only when the user ticks "Remember this device".
    const user = seed.users.rememberme!;
    const p = seed.pools.plain;
    const auth = document.createElement('cognito-authenticator');
    auth.id = 'auth';
    const attrs = { 'user-pool-id': p.id, 'client-id': p.clients!.optin!.clientId, endpoint, storage: 'session', 'auth-flow': 'USER_SRP_AUTH', 'remember-device': '' };
    for (const [k, v] of Object.entries(attrs)) auth.setAttribute(k, v);
    const account = document.createElement('cognito-account');
    account.setAttribute('for', 'auth');
    account.setAttribute('sections', 'devices sessions');
    document.body.append(auth, account);
    mounted.push(auth, account);
    const challenges = watchChallenges();
    try {
      const signIn = async () => {
        const form = await until(() => auth.getAttribute('screen') === 'sign-in' && auth.querySelector('cognito-sign-in form'), { what: 'the sign-in form', ...WAIT });
        fill(form, 'username', user.username);
        fill(form, 'password', user.password);
        form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
        await until(() => ['signed-in', 'mfa-code'].includes(auth.getAttribute('screen') ?? ''), { what: 'signed in or asked for a code', ...WAIT });
      };
      const signOut = async () => {
        press(account.querySelector('cognito-account-sessions')!, 'sign-out');
        await until(() => auth.getAttribute('screen') === 'sign-in', { what: 'signed out', ...WAIT });
      };

      // First sign-in: the SMS code, with "Remember this device".
      await signIn();
      const mfa = await until(() => auth.querySelector('cognito-mfa-code form'), { what: 'the code screen', ...WAIT });
      fill(mfa, 'code', seed.code);
      mfa.querySelector<HTMLInputElement>('input[name="remember_device"]')!.click();
      mfa.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
      await until(() => auth.getAttribute('screen') === 'signed-in', { what: 'signed in with the code', ...WAIT });
      await signOut();

      // Second: the remembered device answers DEVICE_SRP_AUTH by itself, no code asked.
      challenges.length = 0;
      await signIn();
      expect(auth.getAttribute('screen')).to.equal('signed-in');
      expect(challenges).to.deep.equal(['PASSWORD_VERIFIER', 'DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);

      // The Devices section lists it as "This device", remembered; Forget it.
      const devices = account.querySelector('cognito-account-devices')!;
      const mine = await until(() => devices.querySelector<HTMLElement>('[data-device][data-current="true"]'), { what: 'this device in the list', ...WAIT });
      expect(mine.querySelector('[data-this-device]')?.textContent).to.equal('This device');
      expect(mine.dataset.remembered).to.equal('true');
      const updated: string[] = [];
      account.addEventListener('cognito-account-updated', (e) => updated.push((e as CustomEvent).detail.change));
      press(mine, 'forget-device');
      await until(() => devices.querySelector('[data-notice="device-forgotten"]') || devices.querySelector('[role="alert"]'), { what: 'the answer', ...WAIT });
      expect(devices.querySelector('[role="alert"]')?.textContent ?? '').to.equal('');
      expect(devices.querySelector('[data-device][data-current="true"]')).to.equal(null);
      expect(updated).to.deep.equal(['devices']);
      await signOut();

      // Third: no device to answer for it, so the code is asked again.
      challenges.length = 0;
      await signIn();
      expect(auth.getAttribute('screen')).to.equal('mfa-code');
      expect(challenges).to.deep.equal(['PASSWORD_VERIFIER']);
    } finally {
      challenges.stop();
    }
  });
});

/** The ChallengeName of every RespondToAuthChallenge the page sends, until `stop()`. */
function watchChallenges(): string[] & { stop(): void } {
  const seen = [] as unknown as string[] & { stop(): void };
  const real = window.fetch;
  window.fetch = (input, init) => {
    const target = new Headers(init?.headers).get('X-Amz-Target') ?? '';
    if (target.endsWith('.RespondToAuthChallenge') && typeof init?.body === 'string') {
      seen.push((JSON.parse(init.body) as { ChallengeName: string }).ChallengeName);
    }
    return real(input, init);
  };
  seen.stop = () => {
    window.fetch = real;
  };
  return seen;
}
