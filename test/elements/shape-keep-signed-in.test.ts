// "Keep me signed in" (issue 18, option keep-signed-in): a box on sign-in choosing where that user's tokens live:
// ticked, localStorage (across browser restarts and tabs); unticked, sessionStorage (this tab only). The choice holds
// for the session's lifetime (a refresh writes to the same place, a reload restores from it), sign-out clears both,
// and without the option nothing changes (tokens where `storage` says, no box).
import { expect } from 'chai';
import '../../components/index.js';
import { CognitoAuthenticator } from '../../components/authenticator.js';
import type { AuthConfig } from '../../src/config.js';
import { AuthFlow, type FlowDeps } from '../../src/flow/auth-flow.js';
import { tokensKey } from '../../src/session/storage.js';
import { authResult, CLIENT, FakeClock, FakeCognito, POOL } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import { expectAccessible, type } from './helpers.js';

let cognito = new FakeCognito();

class KeepAuthenticator extends CognitoAuthenticator {
  protected override createFlow(config: AuthConfig, deps: FlowDeps): AuthFlow {
    // No storage given: the element's own choice of storage is what is tested.
    return new AuthFlow(config, { ...deps, api: cognito.api, clock: new FakeClock() });
  }
}
customElements.define('test-keep-authenticator', KeepAuthenticator);

const KEY = tokensKey(CLIENT);
const created: Element[] = [];

function clearStorage(): void {
  for (const area of [localStorage, sessionStorage]) for (const k of Object.keys(area)) if (k.startsWith('cognito-elements.')) area.removeItem(k);
}

beforeEach(() => {
  cognito = new FakeCognito();
  clearStorage();
});
afterEach(() => {
  for (const el of created.splice(0)) el.remove();
  clearStorage();
});

async function create(attrs: Record<string, string>): Promise<CognitoAuthenticator> {
  const el = document.createElement('test-keep-authenticator') as CognitoAuthenticator;
  for (const [k, v] of Object.entries({ 'user-pool-id': POOL, 'client-id': CLIENT, 'auth-flow': 'USER_PASSWORD_AUTH', ...attrs })) el.setAttribute(k, v);
  document.body.append(el);
  created.push(el);
  await el.updateComplete;
  return el;
}

async function signIn(el: CognitoAuthenticator, keep?: boolean): Promise<void> {
  const form = await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form');
  const box = form.querySelector<HTMLInputElement>('input[name="keep_signed_in"]');
  if (keep !== undefined) box!.checked = keep;
  type(form, 'username', 'ada');
  type(form, 'password', 'Pass-word-1');
  form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
  await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
}

describe('"Keep me signed in" (keep-signed-in)', () => {
  it('shows a labelled box, ticked at first with the default local storage, unticked with storage="session"', async () => {
    const el = await create({ 'keep-signed-in': '' });
    const form = await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form');
    const box = form.querySelector<HTMLInputElement>('input[name="keep_signed_in"]')!;
    expect(box.type).to.equal('checkbox');
    expect(box.checked).to.equal(true);
    const label = form.querySelector<HTMLElement>(`label[for="${box.id}"]`)!;
    expect(label.textContent).to.equal('Keep me signed in');
    // The box and its words on one line, the box first (at the start edge).
    const [b, l] = [box.getBoundingClientRect(), label.getBoundingClientRect()];
    expect(b.bottom > l.top && l.bottom > b.top, `box ${b.top}-${b.bottom}, label ${l.top}-${l.bottom}`).to.equal(true);
    expect(b.right).to.be.at.most(l.left);
    await expectAccessible(el);
    el.remove();
    const session = await create({ 'keep-signed-in': '', storage: 'session' });
    const box2 = await until(() => session.querySelector<HTMLInputElement>('cognito-sign-in input[name="keep_signed_in"]'), 'the box');
    expect(box2.checked).to.equal(false);
  });

  it('unticked: the tokens go to sessionStorage only; a refresh writes there too; a reload restores them; sign-out clears both', async () => {
    cognito.on('initiateAuth', () => authResult('sub-1')).on('getTokensFromRefreshToken', () => authResult('sub-1'));
    const el = await create({ 'keep-signed-in': '' });
    await signIn(el, false);
    expect(sessionStorage.getItem(KEY)).to.contain('idToken');
    expect(localStorage.getItem(KEY)).to.equal(null);
    const before = sessionStorage.getItem(KEY);
    await el.flow!.refresh();
    expect(sessionStorage.getItem(KEY)).to.not.equal(before);
    expect(localStorage.getItem(KEY), 'a refresh follows the choice').to.equal(null);

    // A reload: a new element on the same storage restores the session without the form.
    el.remove();
    const again = await create({ 'keep-signed-in': '' });
    await until(() => again.getAttribute('screen') === 'signed-in', 'restored after a reload');
    await again.signOut();
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('ticked: the tokens go to localStorage only (other tabs see them through the storage event)', async () => {
    cognito.on('initiateAuth', () => authResult('sub-1'));
    const el = await create({ 'keep-signed-in': '', storage: 'session' });
    await signIn(el, true);
    expect(localStorage.getItem(KEY)).to.contain('idToken');
    expect(sessionStorage.getItem(KEY)).to.equal(null);
    // Another tab signs out: localStorage is cleared there and this tab follows.
    localStorage.removeItem(KEY);
    window.dispatchEvent(new StorageEvent('storage', { key: KEY, storageArea: localStorage }));
    await until(() => el.getAttribute('screen') === 'sign-in', 'signed out with the other tab');
  });

  it('choice-based sign-in: the box holds through the later steps and back to the form; the code step stores where it says', async () => {
    const select = () => ({ ChallengeName: 'SELECT_CHALLENGE', Session: 's-select', ChallengeParameters: {}, AvailableChallenges: ['EMAIL_OTP', 'PASSWORD'] });
    const code = () => ({ ChallengeName: 'EMAIL_OTP', Session: 's-otp', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' } });
    cognito.on('initiateAuth', select).on('respondToAuthChallenge', code, () => authResult('sub-1'));
    const el = await create({ 'keep-signed-in': '', 'sign-in-methods': 'email-otp password', 'passkey-prompt': 'off' });
    const form = await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form');
    form.querySelector<HTMLInputElement>('input[name="keep_signed_in"]')!.checked = false;
    type(form, 'username', 'ada');
    form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    const choice = await until(() => el.querySelector('form[data-screen="sign-in-method"]'), 'the choice');

    // Back to the form (a new one): the box as the user left it, so submitting again does not flip the choice.
    choice.querySelector<HTMLButtonElement>('[data-action="back"]')!.click();
    const again = await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form again');
    expect(again.querySelector<HTMLInputElement>('input[name="keep_signed_in"]')!.checked, 'the box, back on the form').to.equal(false);
    again.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    const methods = await until(() => el.querySelector('form[data-screen="sign-in-method"]'), 'the choice again');
    methods.querySelector<HTMLButtonElement>('[data-method="email-otp"]')!.click();
    const codeForm = await until(() => el.querySelector('form[data-screen="sign-in-code"]'), 'the code step');
    type(codeForm, 'code', '123456');
    codeForm.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
    expect(sessionStorage.getItem(KEY)).to.contain('idToken');
    expect(localStorage.getItem(KEY)).to.equal(null);
  });

  it('without the option: no box, and the tokens go where storage says', async () => {
    cognito.on('initiateAuth', () => authResult('sub-1'));
    const el = await create({});
    await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form');
    expect(el.querySelector('input[name="keep_signed_in"]')).to.equal(null);
    await signIn(el);
    expect(localStorage.getItem(KEY)).to.contain('idToken');
    expect(sessionStorage.getItem(KEY)).to.equal(null);
  });
});
