import { expect } from 'chai';
import '../../components/screens/forgot-password.js';
import { exception } from '../support/fake-cognito.js';
import { click, expectAccessible, harness, input, mount, submit, type, described } from './helpers.js';
import { until } from '../support/until.js';

const SENT = { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com', AttributeName: 'email' } };

describe('<cognito-forgot-password>', () => {
  it('renders one labelled form with hosted-UI classes, prefilled from the state', async () => {
    const h = harness();
    h.flow.goTo('forgot-password', 'ada');
    const el = await mount('cognito-forgot-password', h.flow);
    expect(el.querySelectorAll('form')).to.have.length(1);
    expect(el.querySelector('form')!.noValidate).to.equal(true);
    const username = input(el, 'username');
    expect(username.value).to.equal('ada');
    expect(username.type).to.equal('text');
    expect(username.autocomplete).to.equal('username');
    expect(username.classList.contains('inputField-customizable')).to.equal(true);
    const label = el.querySelector(`label[for="${username.id}"]`)!;
    expect(label.classList.contains('label-customizable')).to.equal(true);
    expect(label.textContent).to.contain('Username');
    expect(el.querySelector('h1')!.textContent).to.contain('Forgot your password?');
    expect(el.querySelector('.textDescription-customizable')!.textContent).to.contain('Enter your username below');
    expect(el.querySelector('.submitButton-customizable')!.textContent).to.contain('Reset my password');
    expect(el.querySelector('[data-action="back"]')!.classList.contains('redirect-customizable')).to.equal(true);
    expect(document.activeElement === el.querySelector('h1'), 'focus').to.equal(true);
    await expectAccessible(el);
  });

  it('labels the username as sign-in does for email, phone, and email-or-phone pools', async () => {
    const cases = [
      { usernameAttributes: 'email', label: 'Email', type: 'email', text: 'Enter your email address below' },
      { usernameAttributes: 'phone_number', label: 'Phone number', type: 'tel', text: 'Enter your phone number below' },
      { usernameAttributes: 'email,phone_number', label: 'Email or phone number', type: 'text', text: 'email address or phone number' },
    ];
    for (const c of cases) {
      const h = harness({ usernameAttributes: c.usernameAttributes });
      h.flow.goTo('forgot-password');
      const el = await mount('cognito-forgot-password', h.flow);
      const username = input(el, 'username');
      expect(username.type, c.usernameAttributes).to.equal(c.type);
      expect(username.autocomplete).to.equal('username');
      expect(el.querySelector(`label[for="${username.id}"]`)!.textContent!.trim()).to.equal(c.label);
      expect(el.textContent).to.contain(c.text);
    }
  });

  it('sends ForgotPassword for the typed username and moves on to the code screen', async () => {
    const h = harness();
    h.cognito.on('forgotPassword', () => SENT);
    h.flow.goTo('forgot-password');
    const el = await mount('cognito-forgot-password', h.flow);
    type(el, 'username', '  ada  ');
    await submit(el);
    expect(h.cognito.callsOf('forgotPassword')).to.deep.equal([{ ClientId: 'testclient123', Username: 'ada' }]);
    expect(h.flow.state).to.deep.include({
      screen: 'confirm-forgot-password',
      username: 'ada',
      delivery: { medium: 'EMAIL', destination: 'a***@e***.com', attribute: 'email' },
    });
    expect(el.querySelector('form')).to.equal(null);
  });

  it('disables submit while the request is in flight', async () => {
    const h = harness();
    let release!: () => void;
    h.cognito.on('forgotPassword', () => new Promise((r) => (release = () => r(SENT))));
    h.flow.goTo('forgot-password');
    const el = await mount('cognito-forgot-password', h.flow);
    type(el, 'username', 'ada');
    await submit(el);
    const button = el.querySelector<HTMLButtonElement>('.submitButton-customizable')!;
    expect([button.disabled, button.getAttribute('aria-disabled')], 'aria-disabled, never disabled').to.deep.equal([false, 'true']);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(el.querySelector('[data-action="back"]')!.getAttribute('aria-disabled')).to.equal('true');
    release();
    await until(() => h.flow.state.screen === 'confirm-forgot-password', 'the confirm screen');
  });

  it('an empty username is reported on the field, which gets focus and aria-invalid; nothing is sent', async () => {
    const h = harness();
    h.flow.goTo('forgot-password');
    const el = await mount('cognito-forgot-password', h.flow);
    await submit(el);
    const username = input(el, 'username');
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Enter your username.');
    expect(username.getAttribute('aria-invalid')).to.equal('true');
    expect(described(username)).to.equal('Enter your username.');
    expect(document.activeElement === username, 'focus').to.equal(true);
    expect(h.cognito.calls).to.have.length(0);
    await expectAccessible(el);
  });

  it('shows LimitExceededException translated in role=alert and keeps what was typed', async () => {
    const h = harness();
    h.cognito.on('forgotPassword', () => exception('LimitExceededException', 'Attempt limit exceeded, please try after some time.'));
    h.flow.goTo('forgot-password', 'ada');
    const el = await mount<HTMLElementTagNameMap['cognito-forgot-password']>('cognito-forgot-password', h.flow);
    type(el, 'username', 'grace');
    await submit(el);
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.classList.contains('errorMessage-customizable')).to.equal(true);
    expect(alert.textContent).to.contain('Attempt limit exceeded. Wait a while before you try again.');
    expect(alert.textContent).not.to.contain('please try after');
    expect(document.activeElement === alert, 'focus on the message').to.equal(true);
    expect(input(el, 'username').value).to.equal('grace');
    // A later re-render (e.g. a locale change) must not put the state's username back either.
    el.requestUpdate();
    await el.updateComplete;
    expect(input(el, 'username').value).to.equal('grace');
    expect(input(el, 'username').getAttribute('aria-invalid')).to.equal('false');
    await expectAccessible(el);
  });

  it('with email usernames, an unknown address is reported as an email address', async () => {
    const h = harness({ usernameAttributes: 'email' });
    h.cognito.on('forgotPassword', () => exception('UserNotFoundException', 'Username/client id combination not found.'));
    h.flow.goTo('forgot-password');
    const el = await mount<HTMLElementTagNameMap['cognito-forgot-password']>('cognito-forgot-password', h.flow);
    type(el, 'username', 'nobody@example.com');
    await submit(el);
    await el.updateComplete;
    const username = input(el, 'username');
    expect(el.querySelector(`label[for="${username.id}"]`)!.textContent!.trim()).to.equal('Email');
    const text = 'We could not find an account with that email address.';
    expect(el.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(text);
    expect(el.textContent).not.to.contain('username');
    expect(username.value).to.equal('nobody@example.com');
  });

  it('back goes to sign-in carrying the typed username', async () => {
    const h = harness();
    h.flow.goTo('forgot-password', 'ada');
    const el = await mount('cognito-forgot-password', h.flow);
    type(el, 'username', ' grace ');
    await click(el, '[data-action="back"]');
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'grace' });
    expect(h.cognito.calls).to.have.length(0);
  });

  it('renders a given state without a flow, and any username as text', async () => {
    const el = await mount('cognito-forgot-password', undefined, {
      state: { screen: 'forgot-password', username: '<img src=x onerror=alert(1)>', busy: false, notice: 'password-reset-required' },
    });
    expect(el.querySelector('img')).to.equal(null);
    expect(input(el, 'username').value).to.equal('<img src=x onerror=alert(1)>');
    expect(el.querySelector('[role="status"]')!.textContent).to.contain('You must reset your password');
  });
});
