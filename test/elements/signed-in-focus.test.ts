// Where focus goes when a sign-in from a step ends: the step's input (which had it) is gone. The built-in signed-in
// view's heading takes it, so a keyboard or screen-reader user is not left on <body>; a restored session on page load
// takes no focus (the first screen of a page never does).
import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import { authResult, FakeCognito } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import { fakeAuthenticators } from './fake-authenticator.js';
import { type } from './helpers.js';

let cognito = new FakeCognito();
const { create, removeAll } = fakeAuthenticators('test-signed-in-focus-authenticator', () => ({ api: cognito.api }));

beforeEach(() => {
  cognito = new FakeCognito();
});
afterEach(() => removeAll());

describe('focus once signed in', () => {
  it('Enter in the password: the signed-in heading has the focus, not <body>', async () => {
    cognito.on('initiateAuth', () => authResult('sub-ada'));
    const el = await create({ 'auth-flow': 'USER_PASSWORD_AUTH' });
    const form = await until(() => el.querySelector<HTMLFormElement>('form[data-screen="sign-in"]'), 'the sign-in form');
    type(form, 'username', 'ada');
    type(form, 'password', 'Correct-Horse-9');
    form.querySelector<HTMLInputElement>('input[name="password"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
    await until(() => document.activeElement === el.querySelector('.cognito-signed-in h1'), 'focus on the signed-in heading');
    // Later renders (a token refresh, a theme change) never take focus back once the user has put it elsewhere.
    (document.activeElement as HTMLElement).blur();
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    expect(document.activeElement).to.equal(document.body);
  });
});
