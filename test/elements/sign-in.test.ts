import { expect } from 'chai';
import '../../components/screens/sign-in.js';
import { authResult, exception } from '../support/fake-cognito.js';
import { click, expectAccessible, harness, input, mount, submit, type, described } from './helpers.js';
import { until } from '../support/until.js';

describe('<cognito-sign-in>', () => {
  it('renders a labelled form with hosted-UI classes and the right autocomplete', async () => {
    const h = harness({ usernameAttributes: 'email' });
    const el = await mount('cognito-sign-in', h.flow);
    const form = el.querySelector('form')!;
    expect(form).to.exist;
    expect(input(el, 'username').autocomplete).to.equal('username');
    expect(input(el, 'username').type).to.equal('email');
    expect(input(el, 'password').autocomplete).to.equal('current-password');
    expect(el.querySelector(`label[for="${input(el, 'username').id}"]`)!.textContent).to.contain('Email');
    expect(el.querySelectorAll('.inputField-customizable')).to.have.length(2);
    expect(el.querySelector('.submitButton-customizable')!.textContent).to.contain('Sign in');
    expect(el.querySelector('[data-action="forgot-password"]')).to.exist;
    expect(el.querySelector('[data-action="sign-up"]')).to.exist;
    await expectAccessible(el);
  });

  it('submits username and password to the flow, shows busy, then signs in', async () => {
    const h = harness();
    let release!: () => void;
    h.cognito.on('initiateAuth', () => new Promise((r) => (release = () => r(authResult()))));
    const el = await mount('cognito-sign-in', h.flow);
    type(el, 'username', 'ada');
    type(el, 'password', 'Pass-word-1');
    await submit(el);
    const button = el.querySelector<HTMLButtonElement>('.submitButton-customizable')!;
    expect([button.disabled, button.getAttribute('aria-disabled')], 'aria-disabled, never disabled').to.deep.equal([false, 'true']);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    release();
    await until(() => h.flow.state.screen === 'signed-in', 'signed in');
    expect(h.cognito.callsOf('initiateAuth')[0]).to.deep.include({ AuthParameters: { USERNAME: 'ada', PASSWORD: 'Pass-word-1' } });
  });

  it('shows a translated error in role=alert, clears the password, keeps the username', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => exception('NotAuthorizedException', 'Incorrect username or password.'));
    const el = await mount('cognito-sign-in', h.flow);
    type(el, 'username', 'ada');
    type(el, 'password', 'wrong');
    await submit(el);
    const alert = await until(() => el.querySelector('[role="alert"]'), 'the error');
    expect(alert.classList.contains('errorMessage-customizable')).to.equal(true);
    expect(alert.textContent).to.contain('Incorrect username or password.');
    expect(input(el, 'password').value).to.equal('');
    expect(input(el, 'username').value).to.equal('ada');
    await expectAccessible(el);
  });

  it('a sign-in that may be tried again (the service failed) keeps the password the retry will send', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => exception('InternalErrorException', 'Internal error'), () => authResult());
    const el = await mount('cognito-sign-in', h.flow);
    type(el, 'username', 'ada');
    type(el, 'password', 'Pass-word-1');
    await submit(el);
    await until(() => el.querySelector('[role="alert"] [data-action="retry"]'), 'the error with "Try again"');
    expect(input(el, 'password').value).to.equal('Pass-word-1');
    await click(el, '[data-action="retry"]');
    await until(() => h.flow.state.screen === 'signed-in', 'signed in');
    expect(h.cognito.callsOf('initiateAuth').map((c) => (c.AuthParameters as Record<string, string>).PASSWORD)).to.deep.equal(['Pass-word-1', 'Pass-word-1']);
  });

  it('an empty username is reported on the field, which gets focus and aria-invalid', async () => {
    const h = harness();
    const el = await mount('cognito-sign-in', h.flow);
    await submit(el);
    const username = input(el, 'username');
    expect(username.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement === username, 'focus').to.equal(true);
    expect(described(username)).to.equal('Enter your username.');
    expect(h.cognito.calls).to.have.length(0);
  });

  it('show-password toggles the input type and its pressed state; its name stays "Show password" (APG toggle button)', async () => {
    const h = harness();
    const el = await mount('cognito-sign-in', h.flow);
    const eye = el.querySelector('[data-action="show-password"]')!;
    const heard = () => [eye.textContent!.trim(), eye.getAttribute('aria-label'), eye.getAttribute('aria-pressed')];
    type(el, 'password', 'secret-Value-1');
    expect(heard()).to.deep.equal(['Show password', null, 'false']);
    await click(el, '[data-action="show-password"]');
    expect(input(el, 'password').type).to.equal('text');
    expect(heard(), 'pressed, same name').to.deep.equal(['Show password', null, 'true']);
    await click(el, '[data-action="show-password"]');
    expect(input(el, 'password').type).to.equal('password');
    expect(heard()).to.deep.equal(['Show password', null, 'false']);
    expect(input(el, 'password').value).to.equal('secret-Value-1');
  });

  it('links go to sign-up and forgot-password carrying the typed username; hide-sign-up hides the link', async () => {
    const h = harness();
    const el = await mount('cognito-sign-in', h.flow);
    type(el, 'username', 'ada');
    await click(el, '[data-action="forgot-password"]');
    expect(h.flow.state).to.deep.include({ screen: 'forgot-password', username: 'ada' });
    const h1 = harness();
    const withLink = await mount('cognito-sign-in', h1.flow);
    type(withLink, 'username', 'grace');
    await click(withLink, '[data-action="sign-up"]');
    expect(h1.flow.state).to.deep.include({ screen: 'sign-up', username: 'grace' });
    const h2 = harness();
    const hidden = await mount('cognito-sign-in', h2.flow, { hideSignUp: true });
    expect(hidden.querySelector('[data-action="sign-up"]')).to.equal(null);
  });

  it('renders any username as text, never as markup', async () => {
    const h = harness();
    const el = await mount('cognito-sign-in', undefined, {
      state: { screen: 'sign-in', username: '<img src=x onerror=alert(1)>', busy: false },
    });
    expect(el.querySelector('img')).to.equal(null);
    expect(input(el, 'username').value).to.equal('<img src=x onerror=alert(1)>');
    void h;
  });

  it('idp-routing="auto": routed to a provider (no password), the instruction says the corporate ID, not "email and password"', async () => {
    const h = harness({
      domain: 'https://auth.example.com',
      redirectUri: 'https://app.example.com/',
      allowCrossOriginRedirect: true,
      usernameAttributes: 'email',
      idpRouting: 'auto',
      identityProviders: [{ name: 'GlobexOIDC', label: 'Globex', identifiers: ['globex.example'] }],
    });
    const el = await mount<HTMLElement & { updateComplete: Promise<unknown> }>('cognito-sign-in', h.flow);
    const instruction = () => el.querySelector('form > p.textDescription-customizable:not(.cognito-alt)')?.textContent?.trim();
    expect(instruction()).to.equal('Sign in with your email and password');
    type(el, 'username', 'ada@globex.example');
    await el.updateComplete;
    expect(el.querySelector('input[name="password"]'), 'no password').to.equal(null);
    expect(el.querySelector('.submitButton-customizable')!.textContent!.trim()).to.equal('Continue with Globex');
    expect(instruction()).to.equal('Sign in with your corporate ID');
    type(el, 'username', 'ada@example.org');
    await el.updateComplete;
    expect(input(el, 'password')).to.exist;
    expect(instruction()).to.equal('Sign in with your email and password');
  });
});
