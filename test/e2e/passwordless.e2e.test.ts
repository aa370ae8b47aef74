// Passwordless, passkeys and remembered devices end to end (issue 14): <cognito-authenticator> over real HTTP against
// the Cognito double (USER_AUTH, SELECT_CHALLENGE, EMAIL_OTP/SMS_OTP first factors, WebAuthn registration and
// sign-in verified by @simplewebauthn/server, device SRP), with REAL WebAuthn ceremonies in Chromium on the DevTools
// virtual authenticator. Only the double has these pools and users: excluded against a real pool
// (live-exclusions.json).
import { expect } from 'chai';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { until } from '../support/until.js';
import { virtualAuthenticator } from '../support/virtual-authenticator.js';
import { endpoint, freshIdentity, seed, type SeedUser } from './env.js';

interface DoublePool {
  id: string;
  clientId: string;
  clients?: Record<string, { clientId: string }>;
}
const fixtures = seed as unknown as {
  code: string;
  doublePools: Record<string, DoublePool>;
  pools: Record<string, DoublePool>;
  users: Record<string, SeedUser>;
};
const CODE = fixtures.code;
const TIMEOUT = { timeout: 15_000 };

const created: CognitoAuthenticator[] = [];
async function authenticator(pool: DoublePool, attrs: Record<string, string>, clientId = pool.clientId): Promise<CognitoAuthenticator> {
  const el = document.createElement('cognito-authenticator');
  const all = { 'user-pool-id': pool.id, 'client-id': clientId, endpoint, storage: 'memory', ...attrs };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  document.body.append(el);
  created.push(el);
  await el.updateComplete;
  return el;
}

const screen = (el: Element, name: string) =>
  until(() => el.querySelector<HTMLFormElement>(`form[data-screen="${name}"]`), { what: `the ${name} screen`, ...TIMEOUT });
const signedIn = (el: Element) => until(() => el.getAttribute('screen') === 'signed-in', { what: 'signed in', ...TIMEOUT });
const errorOn = (el: Element, code: string) => until(() => el.querySelector<HTMLElement>(`[role="alert"][data-error-code="${code}"]`), { what: code, ...TIMEOUT });

function fill(form: HTMLFormElement, name: string, value: string): void {
  const input = form.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!input) throw new Error(`no input ${name}`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
const press = (form: Element, selector: string) => form.querySelector<HTMLButtonElement>(selector)!.click();

/** The identifier-first form: the username (and the password, when given), then submit. */
async function start(el: Element, username: string, password?: string): Promise<void> {
  const form = await screen(el, 'sign-in');
  fill(form, 'username', username);
  if (password !== undefined) fill(form, 'password', password);
  press(form, '.submitButton-customizable');
}

/** The ways the choice offers, by method. */
async function offered(el: Element): Promise<string[]> {
  const choice = await screen(el, 'sign-in-method');
  await until(() => !choice.querySelector<HTMLButtonElement>('button[data-method]')?.disabled, 'the choice ready');
  return [...choice.querySelectorAll<HTMLButtonElement>('button[data-method]')].map((b) => b.dataset.method!);
}

describe('passwordless, passkeys and remembered devices (e2e)', function () {
  this.timeout(60_000);
  const pwless = fixtures.doublePools.passwordless!;

  beforeEach(async () => {
    await virtualAuthenticator.add();
  });
  afterEach(async () => {
    for (const el of created.splice(0)) el.remove();
    await virtualAuthenticator.remove();
  });

  it('passkey registration after a password sign-in, then a passkey sign-in (no password, no prompt)', async () => {
    const user = fixtures.users.passkeyelement!;
    const el = await authenticator(pwless, { 'sign-in-methods': 'passkey email-otp password' });
    await start(el, user.username, user.password);
    const prompt = await screen(el, 'passkey-prompt');
    press(prompt, '[data-action="create-passkey"]');
    await until(() => el.querySelector('[data-notice="passkey-created"]'), { what: 'passkey-created', ...TIMEOUT });
    expect((await virtualAuthenticator.credentials()).length).to.equal(1);
    await el.signOut();

    await start(el, user.username);
    expect((await offered(el))[0]).to.equal('passkey');
    press(await screen(el, 'sign-in-method'), '[data-method="passkey"]');
    await signedIn(el);
    expect(el.session?.username).to.equal(user.username);
    expect(el.querySelector('cognito-passkey-prompt')).to.equal(null);
  });

  it('method choice, then an email code as the only factor; "Text me a code" from the code screen', async () => {
    const user = fixtures.users.otpelement!;
    const el = await authenticator(pwless, { 'sign-in-methods': 'email-otp sms-otp password', 'passkey-prompt': 'off' });
    await start(el, user.username);
    expect(await offered(el)).to.deep.equal(['email-otp', 'sms-otp', 'password']);
    press(await screen(el, 'sign-in-method'), '[data-method="email-otp"]');
    let code = await screen(el, 'sign-in-code');
    expect(code.dataset.method).to.equal('email-otp');
    expect(code.querySelector('p')!.textContent).to.match(/by email to .*\*\*\*/);
    press(code, '.cognito-other-ways [data-method="sms-otp"]');
    code = await until(() => el.querySelector<HTMLFormElement>('form[data-screen="sign-in-code"][data-method="sms-otp"]'), { what: 'the SMS code', ...TIMEOUT });
    fill(code, 'code', '000000');
    press(code, '.submitButton-customizable');
    await errorOn(el, 'code-mismatch');
    fill(code, 'code', CODE);
    press(code, '.submitButton-customizable');
    await signedIn(el);
    expect(el.session?.username).to.equal(user.username);
  });

  it('"Remember this device" in an opt-in pool skips MFA next time; "Forget this device", and MFA is asked again', async () => {
    const user = fixtures.users.optinuser!;
    const plain = fixtures.pools.plain!;
    // The product's default USER_SRP_AUTH: PASSWORD_VERIFIER names the remembered device, so DEVICE_SRP_AUTH follows.
    const el = await authenticator(plain, { 'remember-device': '' }, plain.clients!.optin!.clientId);
    const mfaSignIn = async (remember: boolean) => {
      await start(el, user.username, user.password);
      const mfa = await screen(el, 'mfa-code');
      fill(mfa, 'code', CODE);
      if (remember) press(mfa, 'input[name="remember_device"]');
      press(mfa, '.submitButton-customizable');
      await signedIn(el);
    };
    await mfaSignIn(true);
    await el.signOut();
    // The remembered device answers DEVICE_SRP_AUTH by itself: no MFA screen.
    await start(el, user.username, user.password);
    await signedIn(el);
    expect(el.querySelector('form[data-screen="mfa-code"]')).to.equal(null);
    await el.flow!.forgetDevice();
    expect(el.flow!.state).to.deep.include({ screen: 'signed-in', notice: 'device-forgotten' });
    await until(() => el.querySelector('[data-notice="device-forgotten"]'), 'the device-forgotten notice');
    await el.signOut();
    await start(el, user.username, user.password);
    await screen(el, 'mfa-code');
  });

  it('passwordless sign-up: no password asked; the confirmation code signs the new user in', async () => {
    const id = freshIdentity('pwlsu');
    const el = await authenticator(pwless, { 'sign-in-methods': 'email-otp', 'sign-up-attributes': 'email', 'initial-screen': 'sign-up', 'passkey-prompt': 'off' });
    const form = await screen(el, 'sign-up');
    expect(form.querySelector('input[type="password"]')).to.equal(null);
    fill(form, 'username', id.username);
    fill(form, 'email', id.email);
    press(form, '.submitButton-customizable');
    const confirm = await screen(el, 'confirm-sign-up');
    fill(confirm, 'code', CODE);
    press(confirm, '.submitButton-customizable');
    await signedIn(el);
    expect(el.session?.username).to.equal(id.username);
  });

  it('failures: a refused passkey dialog (cancelled), no passkey at all, and a browser without passkeys', async () => {
    const user = fixtures.users.passkeyelement!;
    // Cancelled: the user does not verify; the other ways stay offered.
    const el = await authenticator(pwless, { 'sign-in-methods': 'passkey password' });
    await start(el, user.username, user.password);
    const prompt = await screen(el, 'passkey-prompt').catch(() => undefined);
    if (prompt) {
      press(prompt, '[data-action="create-passkey"]');
      await until(() => el.querySelector('[data-notice="passkey-created"]'), { what: 'passkey-created', ...TIMEOUT });
    }
    await el.signOut();
    await virtualAuthenticator.setUserVerified(false);
    await start(el, user.username);
    press(await screen(el, 'sign-in-method'), '[data-method="passkey"]');
    expect((await errorOn(el, 'passkey-cancelled')).textContent).to.contain('cancelled');
    expect(await offered(el)).to.deep.equal(['passkey', 'password']);

    // No passkey: a user who never registered one is not offered it; a page that offers only passkeys says why.
    const nopass = fixtures.users.otpelement!;
    const only = await authenticator(pwless, { 'sign-in-methods': 'passkey' });
    await start(only, nopass.username);
    await errorOn(only, 'no-sign-in-method');

    // Not supported: the browser has no WebAuthn.
    const original = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
    Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true, writable: true });
    try {
      const old = await authenticator(pwless, { 'sign-in-methods': 'passkey' });
      await start(old, user.username);
      expect((await errorOn(old, 'passkey-not-supported')).textContent).to.contain('does not support passkeys');
    } finally {
      Object.defineProperty(window, 'PublicKeyCredential', original);
    }
  });
});
