import { expect } from 'chai';
import '../../components/screens/sign-up.js';
import type { CognitoSignUp } from '../../components/screens/sign-up.js';
import { authResult, CLIENT, exception } from '../support/fake-cognito.js';
import { click, expectAccessible, harness, input, mount, settle, submit, type, described } from './helpers.js';

const PASSWORD = 'Pass-word-1';

/** Mounts the screen on a flow that has been sent to sign-up, as the authenticator would. */
async function signUpScreen(options: Parameters<typeof harness>[0] = {}) {
  const h = harness(options);
  h.flow.goTo('sign-up');
  const el = await mount<CognitoSignUp>('cognito-sign-up', h.flow);
  return { h, el };
}

function labelOf(el: Element, name: string): string {
  const id = input(el, name).id;
  return el.querySelector(`label[for="${id}"]`)?.textContent?.trim() ?? '';
}

function rule(el: Element, name: string): HTMLLIElement {
  const li = el.querySelector<HTMLLIElement>(`li[data-rule="${name}"]`);
  if (!li) throw new Error(`no rule ${name}`);
  return li;
}

async function typed(el: CognitoSignUp, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) type(el, name, value);
  await el.updateComplete;
}

/**
 * What a screen reader is given from a live region as its content changes (Chromium's rule): for each change, the
 * text of the nearest aria-atomic="true" ancestor inside the region, whole; without one, only the text that changed.
 * aria-hidden content is never said. Each rule is reported once per batch of changes, in document order.
 */
function announcements(region: Element): { take(): string[]; stop(): void } {
  const spoken = (node: Node): string => {
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    return [...node.childNodes].map(spoken).join('');
  };
  let changed: Node[] = [];
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') changed.push(r.target);
      else changed.push(...r.addedNodes);
    }
  });
  observer.observe(region, { subtree: true, childList: true, characterData: true });
  return {
    take() {
      for (const r of observer.takeRecords()) changed.push(...(r.type === 'characterData' ? [r.target] : r.addedNodes));
      const said: string[] = [];
      for (const node of changed) {
        if (!region.contains(node)) continue;
        const start = node instanceof Element ? node : node.parentElement;
        const atomic = start?.closest('[aria-atomic="true"]');
        const whole = atomic && region.contains(atomic) ? atomic : undefined;
        if (!whole && start?.closest('[aria-hidden="true"]')) continue;
        const text = spoken(whole ?? node).replace(/\s+/g, ' ').trim();
        if (text && !said.includes(text)) said.push(text);
      }
      changed = [];
      return said;
    },
    stop: () => observer.disconnect(),
  };
}

describe('<cognito-sign-up>', () => {
  it('email usernames: one form, an email username field, no second email field, new-password fields', async () => {
    const { el } = await signUpScreen({ usernameAttributes: 'email', signUpAttributes: 'email given_name' });
    const forms = el.querySelectorAll('form');
    expect(forms).to.have.length(1);
    expect(forms[0]!.noValidate).to.equal(true);
    const username = input(el, 'username');
    expect(username.type).to.equal('email');
    expect(username.autocomplete).to.equal('email');
    expect(labelOf(el, 'username')).to.equal('Email');
    expect(el.querySelector('[name="email"]')).to.equal(null);
    expect(input(el, 'given_name').autocomplete).to.equal('given-name');
    expect(labelOf(el, 'given_name')).to.equal('Given name');
    expect(input(el, 'password').autocomplete).to.equal('new-password');
    expect(input(el, 'confirm_password').autocomplete).to.equal('new-password');
    expect(labelOf(el, 'confirm_password')).to.equal('Confirm password');
    expect(el.querySelectorAll('.inputField-customizable')).to.have.length(4);
    expect(el.querySelectorAll('.label-customizable')).to.have.length(4);
    expect(el.querySelector('[data-screen-heading]')!.textContent).to.equal('Sign up');
    expect(el.querySelector('.submitButton-customizable')!.textContent).to.contain('Sign up');
    expect(el.querySelector('[data-action="sign-in"]')!.classList.contains('redirect-customizable')).to.equal(true);
    expect(el.querySelector('.cognito-alt')!.textContent).to.contain('Already have an account?');
    await expectAccessible(el);
  });

  it('plain usernames: one field per sign-up attribute, with its type and autocomplete', async () => {
    const attributes = {
      email: ['email', 'email', 'Email'],
      phone_number: ['tel', 'tel', 'Phone number'],
      given_name: ['text', 'given-name', 'Given name'],
      family_name: ['text', 'family-name', 'Family name'],
      middle_name: ['text', 'additional-name', 'Middle name'],
      name: ['text', 'name', 'Name'],
      nickname: ['text', 'nickname', 'Nickname'],
      preferred_username: ['text', 'username', 'Preferred username'],
      birthdate: ['date', 'bday', 'Birthdate'],
      gender: ['text', 'sex', 'Gender'],
      address: ['text', 'street-address', 'Address'],
      locale: ['text', 'language', 'Locale'],
      zoneinfo: ['text', 'off', 'Time zone'],
      picture: ['url', 'url', 'Picture URL'],
      profile: ['url', 'url', 'Profile URL'],
      website: ['url', 'url', 'Website'],
      'custom:tier': ['text', 'off', 'tier'],
    } as const;
    const { el } = await signUpScreen({ signUpAttributes: Object.keys(attributes) });
    const username = input(el, 'username');
    expect([username.type, username.autocomplete, labelOf(el, 'username')]).to.deep.equal(['text', 'username', 'Username']);
    for (const [name, [kind, autocomplete, label]] of Object.entries(attributes)) {
      const field = input(el, name);
      expect([field.type, field.autocomplete, labelOf(el, name)], name).to.deep.equal([kind, autocomplete, label]);
      expect(field.classList.contains('inputField-customizable'), name).to.equal(true);
    }
    // Fields appear in the configured order, between the username and the password.
    const names = [...el.querySelectorAll('input')].map((i) => i.name);
    expect(names).to.deep.equal(['username', ...Object.keys(attributes), 'password', 'confirm_password']);
    // The phone number explains its format, tied to the input.
    const phone = input(el, 'phone_number');
    expect(el.querySelector(`#${phone.getAttribute('aria-describedby')}`)!.textContent).to.contain('+14155550100');
    await expectAccessible(el);
  });

  it('phone usernames use a tel input with a format hint; email-or-phone uses one text field', async () => {
    const { el } = await signUpScreen({ usernameAttributes: 'phone_number', signUpAttributes: 'phone_number email' });
    const username = input(el, 'username');
    expect([username.type, username.autocomplete, labelOf(el, 'username')]).to.deep.equal(['tel', 'tel', 'Phone number']);
    expect(el.querySelector(`#${username.getAttribute('aria-describedby')}`)!.textContent).to.contain('country code');
    expect(el.querySelector('[name="phone_number"]')).to.equal(null);
    expect(input(el, 'email').type).to.equal('email');
    await expectAccessible(el);

    const both = await signUpScreen({ usernameAttributes: 'email phone_number' });
    const u = input(both.el, 'username');
    expect([u.type, u.autocomplete, labelOf(both.el, 'username')]).to.deep.equal(['text', 'username', 'Email or phone number']);
  });

  it('the checklist follows every keystroke: a rule flips from not met to met, in class and in text', async () => {
    const { el } = await signUpScreen({ passwordPolicy: { MinimumLength: 10, RequireNumbers: true, RequireUppercase: true } });
    const list = el.querySelector('.cognito-password-checks ul')!;
    expect(list.getAttribute('aria-live')).to.equal('polite');
    expect(input(el, 'password').getAttribute('aria-describedby')).to.contain(list.id);
    expect([...el.querySelectorAll('li[data-rule]')].map((li) => li.getAttribute('data-rule'))).to.deep.equal(['minLength', 'number', 'uppercase']);
    expect(rule(el, 'minLength').textContent).to.contain('At least 10 characters');
    // Neutral until something is typed: requirements, not crosses.
    for (const li of el.querySelectorAll('li[data-rule]')) {
      expect(li.className).to.equal('cognito-check-pending');
      expect(li.textContent).not.to.contain('not met');
      expect(li.querySelector('.cognito-check-icon')!.textContent!.trim()).to.equal('•');
    }

    await typed(el, { password: 'a1' });
    expect(rule(el, 'number').className).to.equal('passwordCheck-valid-customizable');
    expect(rule(el, 'number').getAttribute('data-valid')).to.equal('true');
    expect(rule(el, 'number').textContent).to.contain('(met)');
    expect(rule(el, 'minLength').className).to.equal('passwordCheck-notValid-customizable');

    await typed(el, { password: 'a1Bcdefghij' });
    for (const li of el.querySelectorAll('li[data-rule]')) expect(li.className).to.equal('passwordCheck-valid-customizable');

    await typed(el, { password: 'a1Bc' });
    expect(rule(el, 'minLength').className).to.equal('passwordCheck-notValid-customizable');
    expect(rule(el, 'uppercase').className).to.equal('passwordCheck-valid-customizable');
  });

  it('the checklist is one live region from the start, and each change is said as a whole rule (WCAG 4.1.3)', async () => {
    const { el } = await signUpScreen({ passwordPolicy: { MinimumLength: 8, RequireNumbers: true } });
    const list = el.querySelector('.cognito-password-checks ul')!;
    expect(list.getAttribute('aria-live')).to.equal('polite');
    const said = announcements(list);

    await typed(el, { password: 'a' });
    // The same element: a list put in its place would be a new live region, and this first keystroke unsaid.
    expect(el.querySelector('.cognito-password-checks ul') === list, 'the live list is kept').to.equal(true);
    expect(said.take()).to.deep.equal(['At least 8 characters (not met)', 'Contains a number (not met)']);

    await typed(el, { password: 'a1' });
    expect(said.take()).to.deep.equal(['Contains a number (met)']);
    await typed(el, { password: 'a1bcdefg' });
    expect(said.take()).to.deep.equal(['At least 8 characters (met)']);
    said.stop();
  });

  it('shows a password mismatch before submit, once both fields have text, on the confirm field', async () => {
    const { h, el } = await signUpScreen();
    const status = () => el.querySelector<HTMLElement>('.cognito-field-status')!;
    expect(status().getAttribute('role')).to.equal('status');
    await typed(el, { confirm_password: 'Pass-word-2' });
    expect(status().textContent!.trim()).to.equal('');

    await typed(el, { username: 'ada', password: PASSWORD });
    const confirm = input(el, 'confirm_password');
    expect(status().textContent).to.contain('The passwords do not match.');
    expect(confirm.getAttribute('aria-invalid')).to.equal('true');
    expect(confirm.getAttribute('aria-describedby')!.split(' ')).to.include(status().id);
    expect(input(el, 'password').getAttribute('aria-invalid')).to.equal('false');
    expect(h.cognito.calls).to.have.length(0);
    await expectAccessible(el);

    await typed(el, { confirm_password: PASSWORD });
    expect(status().textContent!.trim()).to.equal('');
    expect(confirm.getAttribute('aria-invalid')).to.equal('false');
  });

  it('submits the exact SignUp request, then moves to confirmation and forgets the password', async () => {
    const { h, el } = await signUpScreen({ signUpAttributes: 'email given_name custom:tier' });
    h.cognito.on('signUp', () => ({
      UserConfirmed: false,
      UserSub: 'sub-1',
      CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com', AttributeName: 'email' },
    }));
    await typed(el, {
      username: ' ada ',
      email: 'ada@example.com',
      given_name: 'Ada',
      'custom:tier': 'gold',
      password: PASSWORD,
      confirm_password: PASSWORD,
    });
    await submit(el);
    expect(h.cognito.callsOf('signUp')).to.deep.equal([
      {
        ClientId: CLIENT,
        Username: 'ada',
        Password: PASSWORD,
        UserAttributes: [
          { Name: 'email', Value: 'ada@example.com' },
          { Name: 'given_name', Value: 'Ada' },
          { Name: 'custom:tier', Value: 'gold' },
        ],
      },
    ]);
    expect(h.flow.state).to.deep.include({ screen: 'confirm-sign-up', username: 'ada' });
    await el.updateComplete;
    expect(el.querySelector('form')).to.equal(null);
    expect((el as unknown as { _password: string })._password).to.equal('');

    // Back on sign-up later, nothing typed before is there.
    h.flow.goTo('sign-up', '');
    await el.updateComplete;
    expect(input(el, 'given_name').value).to.equal('');
    expect(el.querySelector('li[data-rule="minLength"]')!.className).to.equal('cognito-check-pending');
  });

  it('email usernames send the email as Username and as the email attribute; Enter submits', async () => {
    const { h, el } = await signUpScreen({ usernameAttributes: 'email' });
    h.cognito.on('signUp', () => ({ UserConfirmed: true, UserSub: 'sub-2' })).on('initiateAuth', () => authResult());
    await typed(el, { username: 'ada@example.com', password: PASSWORD, confirm_password: PASSWORD });
    el.querySelector('form')!.requestSubmit();
    await settle();
    await settle();
    expect(h.cognito.callsOf('signUp')[0]).to.deep.include({
      Username: 'ada@example.com',
      UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }],
    });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('shows Cognito errors in role=alert, marks the field, and keeps everything typed, across re-renders', async () => {
    const { h, el } = await signUpScreen({ signUpAttributes: 'given_name custom:tier' });
    h.cognito.on('signUp', () => exception('UsernameExistsException', 'User already exists'));
    // The flow trims the username into its state; the field still shows exactly what was typed.
    await typed(el, { username: ' ada', given_name: 'Ada', 'custom:tier': 'gold', password: PASSWORD, confirm_password: PASSWORD });
    await submit(el);
    await el.updateComplete;
    const alert = el.querySelector<HTMLElement>('[role="alert"]')!;
    expect(alert.classList.contains('errorMessage-customizable')).to.equal(true);
    expect(alert.textContent!.trim()).to.equal('An account with this username already exists.');
    expect(document.activeElement === input(el, 'username'), 'focus on the username').to.equal(true);
    const username = input(el, 'username');
    expect(username.getAttribute('aria-invalid')).to.equal('true');
    expect(described(username)).to.contain('An account with this username already exists.');
    const values = () => ['username', 'given_name', 'custom:tier', 'password', 'confirm_password'].map((n) => input(el, n).value);
    expect(values()).to.deep.equal([' ada', 'Ada', 'gold', PASSWORD, PASSWORD]);
    await expectAccessible(el);

    // A keystroke elsewhere re-renders the whole form: nothing typed may change.
    await typed(el, { given_name: 'Augusta' });
    type(el, 'password', `${PASSWORD}x`);
    await el.updateComplete;
    expect(values()).to.deep.equal([' ada', 'Augusta', 'gold', `${PASSWORD}x`, PASSWORD]);
    expect(el.querySelector('.cognito-field-status')!.textContent).to.contain('The passwords do not match.');
  });

  it('with email usernames, an address already taken is reported as an email address, under the Email field', async () => {
    const { h, el } = await signUpScreen({ usernameAttributes: 'email' });
    h.cognito.on('signUp', () => exception('UsernameExistsException', 'An account with the given email already exists.'));
    await typed(el, { username: 'ada@example.com', password: PASSWORD, confirm_password: PASSWORD });
    await submit(el);
    await el.updateComplete;
    expect(labelOf(el, 'username')).to.equal('Email');
    const text = 'An account with this email address already exists.';
    expect(el.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(text);
    const username = input(el, 'username');
    expect(username.getAttribute('aria-invalid')).to.equal('true');
    expect(described(username)).to.contain(text);
    expect(el.textContent).not.to.contain('username');
  });

  it('a password the policy refuses is reported on the password field, which gets focus', async () => {
    const { h, el } = await signUpScreen();
    await typed(el, { username: 'ada', password: 'password', confirm_password: 'password' });
    await submit(el);
    const password = input(el, 'password');
    // Said under the field, as every check the form makes before sending (no request, so no banner).
    expect(el.querySelector(`#${password.id}-message`)!.getAttribute('data-error-code')).to.equal('password-policy');
    expect(password.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement === password, 'focus').to.equal(true);
    expect(password.value).to.equal('password');
    expect(h.cognito.calls).to.have.length(0);
    await expectAccessible(el);
  });

  it('an empty form reports the username first, without calling Cognito', async () => {
    const { h, el } = await signUpScreen();
    await submit(el);
    const username = input(el, 'username');
    expect(described(username)).to.equal('Enter your username.');
    expect(username.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement === username, 'focus').to.equal(true);
    expect(h.cognito.calls).to.have.length(0);
    await expectAccessible(el);
  });

  it('is busy while the request runs: submit and the sign-in link are disabled', async () => {
    const { h, el } = await signUpScreen();
    let release!: () => void;
    h.cognito.on('signUp', () => new Promise((r) => (release = () => r({ UserConfirmed: false, UserSub: 's' }))));
    await typed(el, { username: 'ada', password: PASSWORD, confirm_password: PASSWORD });
    await submit(el);
    const button = el.querySelector<HTMLButtonElement>('.submitButton-customizable')!;
    expect([button.disabled, button.getAttribute('aria-disabled')], 'aria-disabled, never disabled').to.deep.equal([false, 'true']);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.textContent).to.contain('Please wait');
    expect(el.querySelector('[data-action="sign-in"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(input(el, 'username').value).to.equal('ada');
    await submit(el);
    expect(h.cognito.callsOf('signUp')).to.have.length(1);
    release();
    await settle();
    expect(h.flow.state.screen).to.equal('confirm-sign-up');
  });

  it('"Sign in" goes back to sign-in carrying the typed username', async () => {
    const { h, el } = await signUpScreen();
    await typed(el, { username: ' ada ' });
    await click(el, '[data-action="sign-in"]');
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'ada' });
  });

  it('renders hostile usernames and attribute names as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const el = await mount<CognitoSignUp>('cognito-sign-up', undefined, { state: { screen: 'sign-up', username: hostile, busy: false } });
    expect(el.querySelector('img')).to.equal(null);
    expect(input(el, 'username').value).to.equal(hostile);

    const { el: withFlow } = await signUpScreen({ signUpAttributes: 'custom:x' });
    type(withFlow, 'custom:x', hostile);
    await withFlow.updateComplete;
    expect(withFlow.querySelector('img')).to.equal(null);
  });
});

describe('<cognito-sign-up> formFields', () => {
  it('applies labels, placeholders, order and optional fields; required ones are checked before sending', async () => {
    const h = harness({ signUpAttributes: 'given_name family_name custom:tier' });
    h.cognito.on('signUp', () => ({ UserConfirmed: false, UserSub: 's' }));
    h.flow.goTo('sign-up');
    const el = await mount('cognito-sign-up', h.flow, {
      formFields: {
        'custom:tier': { label: 'Membership tier', placeholder: 'gold or silver', order: 1, required: false },
        family_name: { order: 2 },
        username: { placeholder: 'Pick a username' },
      },
    });
    const names = [...el.querySelectorAll<HTMLInputElement>('form input')].map((i) => i.name).filter((n) => !['username', 'password', 'confirm_password'].includes(n));
    expect(names).to.deep.equal(['custom:tier', 'family_name', 'given_name']);
    const tier = input(el, 'custom:tier');
    expect(el.querySelector(`label[for="${tier.id}"]`)!.textContent).to.contain('Membership tier');
    expect(el.querySelector(`label[for="${tier.id}"]`)!.textContent).to.contain('(optional)');
    expect(tier.placeholder).to.equal('gold or silver');
    expect(tier.required).to.equal(false);
    expect(input(el, 'username').placeholder).to.equal('Pick a username');
    expect(input(el, 'family_name').required).to.equal(true);

    type(el, 'username', 'ada');
    type(el, 'given_name', 'Ada');
    type(el, 'password', 'Pass-word-12');
    type(el, 'confirm_password', 'Pass-word-12');
    await submit(el);
    expect(described(input(el, 'family_name'))).to.equal('Family name is required.');
    expect(input(el, 'family_name').getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement === input(el, 'family_name'), 'focus').to.equal(true);
    expect(h.cognito.callsOf('signUp')).to.have.length(0);

    type(el, 'family_name', 'Lovelace');
    await submit(el);
    expect(h.cognito.callsOf('signUp')[0]!.UserAttributes).to.deep.equal([
      { Name: 'family_name', Value: 'Lovelace' },
      { Name: 'given_name', Value: 'Ada' },
    ]);
  });
});
