// Sign-up fields the page shapes through formFields (issue 18): checkbox (a required box blocks the submit with a
// message under it), select, date, tel with a country-code picker (E.164 out, the user's region first), a
// validateSignUp hook (sync or async) whose messages show under the fields, and values sent as attributes or only as
// SignUp's ClientMetadata. What is asserted is what the user sees and the request Cognito gets.
import { expect } from 'chai';
import { adoptBaseStyles } from '../../components/styles.js';
import '../../components/screens/sign-up.js';
import type { CognitoSignUp } from '../../components/screens/sign-up.js';
import type { ShapedFormFields, SignUpValidator } from '../../components/types.js';
import { toE164 } from '../../components/parts/fields/phone.js';
import { expectAccessible, harness, input, mount, submit, type } from './helpers.js';
import { until } from '../support/until.js';

const PASSWORD = 'Pass-word-1';

const TERMS: ShapedFormFields = {
  terms: { type: 'checkbox', label: 'I accept the terms', link: { href: '/terms', text: 'Read the terms' }, send: 'metadata' },
};

async function screen(formFields: ShapedFormFields, options: Parameters<typeof harness>[0] = {}, props: Record<string, unknown> = {}) {
  const h = harness({ usernameAttributes: 'email', ...options });
  h.cognito.on('signUp', () => ({ UserConfirmed: false, UserSub: 'sub-1', CodeDeliveryDetails: { Destination: 'a***@e***', DeliveryMedium: 'EMAIL' } }));
  h.flow.goTo('sign-up');
  const el = await mount<CognitoSignUp>('cognito-sign-up', h.flow, { formFields, ...props });
  return { h, el };
}

async function fill(el: CognitoSignUp): Promise<void> {
  type(el, 'username', 'ada@example.com');
  type(el, 'password', PASSWORD);
  type(el, 'confirm_password', PASSWORD);
  await el.updateComplete;
}

function messageUnder(el: Element, name: string): string | undefined {
  return el.querySelector(`[data-field="${name}"] .cognito-field-error`)?.textContent?.trim();
}

function tick(el: Element, name: string, checked = true): void {
  const box = input(el, name);
  box.checked = checked;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

function choose(el: Element, name: string, value: string): void {
  const select = el.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('sign-up fields shaped by the page (formFields)', () => {
  it('a required checkbox with a link: not ticked, nothing is sent and a message shows under it; ticked, it goes as ClientMetadata only', async () => {
    const { h, el } = await screen(TERMS);
    const box = input(el, 'terms');
    expect(box.type).to.equal('checkbox');
    expect(el.querySelector(`label[for="${box.id}"]`)!.textContent).to.contain('I accept the terms');
    const link = el.querySelector<HTMLAnchorElement>('[data-field="terms"] a')!;
    expect(link.textContent).to.equal('Read the terms');
    expect(link.getAttribute('href')).to.equal(new URL('/terms', location.href).href);
    expect(link.rel).to.contain('noopener');
    await fill(el);
    await submit(el);
    expect(h.cognito.callsOf('signUp')).to.have.length(0);
    expect(messageUnder(el, 'terms')).to.equal('Tick this box to continue.');
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    const message = el.querySelector('[data-field="terms"] .cognito-field-error')!;
    expect(box.getAttribute('aria-describedby')).to.contain(message.id);
    await until(() => document.activeElement === box, 'the box to take focus');
    await expectAccessible(el);
    // Styled (themes/base.css): the box beside its words, the link and the message under the words, not beside them.
    adoptBaseStyles(el);
    const at = (e: Element) => e.getBoundingClientRect();
    const label = at(el.querySelector(`label[for="${box.id}"]`)!);
    expect(at(box).right, 'box before the words').to.be.at.most(label.left);
    expect(at(box).top < label.bottom && label.top < at(box).bottom, 'box beside the words').to.equal(true);
    for (const under of [link, message]) {
      expect(at(under).top, `${under.textContent} under the words`).to.be.at.least(label.bottom - 1);
      expect(Math.abs(at(under).left - label.left), `${under.textContent} lined up with the words`).to.be.below(2);
    }

    tick(el, 'terms');
    await el.updateComplete;
    expect(messageUnder(el, 'terms'), 'the message goes once the box is ticked').to.equal(undefined);
    await submit(el);
    const request = h.cognito.callsOf('signUp')[0]!;
    expect(request.ClientMetadata).to.deep.equal({ terms: 'true' });
    expect(request.UserAttributes).to.deep.equal([{ Name: 'email', Value: 'ada@example.com' }]);
  });

  it('an unsafe link is never rendered (javascript: URLs)', async () => {
    const { el } = await screen({ terms: { ...TERMS.terms, link: { href: 'javascript:alert(1)', text: 'terms' } } });
    expect(el.querySelector('[data-field="terms"] a')).to.equal(null);
  });

  it('select and date fields send the chosen values as attributes (optional ones left empty are left out)', async () => {
    const { h, el } = await screen(
      {
        'custom:plan': { type: 'select', label: 'Plan', options: [{ value: 'free', label: 'Free' }, { value: 'pro', label: 'Pro' }] },
        birthdate: { type: 'date', max: '2010-01-01' },
        gender: { type: 'select', options: ['female', 'male', 'other'], required: false },
      },
      { signUpAttributes: 'birthdate gender' },
    );
    const select = el.querySelector<HTMLSelectElement>('select[name="custom:plan"]')!;
    expect([...select.options].map((o) => o.textContent)).to.deep.equal(['Choose…', 'Free', 'Pro']);
    expect(input(el, 'birthdate').type).to.equal('date');
    expect(input(el, 'birthdate').max).to.equal('2010-01-01');
    await fill(el);
    await submit(el);
    expect(h.cognito.callsOf('signUp')).to.have.length(0);
    expect(messageUnder(el, 'custom:plan')).to.equal('Plan is required.');
    await expectAccessible(el);
    expect(messageUnder(el, 'birthdate')).to.contain('Birthdate');
    choose(el, 'custom:plan', 'pro');
    type(el, 'birthdate', '1990-04-02');
    await submit(el);
    expect(h.cognito.callsOf('signUp')[0]!.UserAttributes).to.deep.equal([
      { Name: 'birthdate', Value: '1990-04-02' },
      { Name: 'custom:plan', Value: 'pro' },
      { Name: 'email', Value: 'ada@example.com' },
    ]);
    expect(h.cognito.callsOf('signUp')[0]).to.not.have.property('ClientMetadata');
  });

  it('tel: a country-code picker with the element\'s region first; the number goes out in E.164', async () => {
    const wrapper = document.createElement('div');
    wrapper.lang = 'de-AT';
    document.body.append(wrapper);
    try {
      const h = harness({ usernameAttributes: 'email', signUpAttributes: 'phone_number' });
      h.cognito.on('signUp', () => ({ UserConfirmed: false, UserSub: 'sub-1' }));
      h.flow.goTo('sign-up');
      const el = document.createElement('cognito-sign-up') as CognitoSignUp;
      Object.assign(el, { flow: h.flow, formFields: { phone_number: { type: 'tel' } } });
      wrapper.append(el);
      await el.updateComplete;
      const region = el.querySelector<HTMLSelectElement>('select[name="phone_number#region"]')!;
      expect(region.value).to.equal('AT');
      expect(region.options[0]!.value, 'the user\'s region first').to.equal('AT');
      expect(region.options[0]!.textContent).to.contain('+43');
      expect(region.getAttribute('aria-label'), 'in the element\'s language').to.equal('Ländervorwahl');
      expect(region.options[0]!.textContent).to.contain('Österreich');
      expect(input(el, 'phone_number').autocomplete).to.equal('tel-national');
      await fill(el);
      type(el, 'phone_number', 'not a number');
      await submit(el);
      expect(messageUnder(el, 'phone_number')).to.equal('Geben Sie eine gültige Telefonnummer ein.');
      expect(h.cognito.callsOf('signUp')).to.have.length(0);
      await expectAccessible(el);
      choose(el, 'phone_number#region', 'DE');
      type(el, 'phone_number', '0151 2345 6789');
      await submit(el);
      expect(h.cognito.callsOf('signUp')[0]!.UserAttributes).to.deep.include({ Name: 'phone_number', Value: '+4915123456789' });
    } finally {
      wrapper.remove();
    }
  });

  it('E.164: the region\'s code replaces the trunk 0 (kept for Italy); + and 00 numbers are international', () => {
    expect(toE164('(415) 555-0100', 'US')).to.equal('+14155550100');
    expect(toE164('020 7946 0958', 'GB')).to.equal('+442079460958');
    expect(toE164('06 1234 5678', 'IT')).to.equal('+390612345678');
    expect(toE164('+44 20 7946 0958', 'DE')).to.equal('+442079460958');
    expect(toE164('0044 20 7946 0958', 'DE')).to.equal('+442079460958');
    expect(toE164('12', 'DE')).to.equal(undefined);
    expect(toE164('555-CALL-NOW', 'US')).to.equal(undefined);
  });

  for (const kind of ['sync', 'async'] as const) {
    it(`validateSignUp (${kind}): its messages show under the fields and block the submit; values as they would be sent`, async () => {
      const seen: Record<string, string>[] = [];
      const rules = (values: Record<string, string>) => {
        seen.push(values);
        return values['custom:code'] === 'WELCOME' ? {} : { 'custom:code': 'That invitation code is not valid.', username: values.username.endsWith('@example.com') ? undefined : 'Use your work address.' };
      };
      const validateSignUp: SignUpValidator = kind === 'sync' ? rules : (v) => new Promise((r) => setTimeout(() => r(rules(v)), 5));
      const { h, el } = await screen({ ...TERMS, 'custom:code': { type: 'text', label: 'Invitation code' } }, {}, { validateSignUp });
      await fill(el);
      tick(el, 'terms');
      type(el, 'custom:code', 'NOPE');
      await submit(el);
      await until(() => messageUnder(el, 'custom:code'), 'the message');
      expect(messageUnder(el, 'custom:code')).to.equal('That invitation code is not valid.');
      expect(h.cognito.callsOf('signUp')).to.have.length(0);
      expect(seen[0]).to.deep.equal({ username: 'ada@example.com', terms: 'true', 'custom:code': 'NOPE' });
      expect(Object.values(seen[0]!)).to.not.include(PASSWORD);
      type(el, 'custom:code', 'WELCOME');
      await submit(el);
      await until(() => h.cognito.callsOf('signUp').length === 1, 'SignUp');
      expect(h.cognito.callsOf('signUp')[0]!.UserAttributes).to.deep.include({ Name: 'custom:code', Value: 'WELCOME' });
    });
  }

  it('without shaped fields or a validator, the form and its request are as before', async () => {
    const { h, el } = await screen({});
    expect(el.querySelectorAll('.cognito-checkbox, select')).to.have.length(0);
    await fill(el);
    await submit(el);
    expect(h.cognito.callsOf('signUp')[0]).to.deep.equal({
      ClientId: h.flow.config.clientId,
      Username: 'ada@example.com',
      Password: PASSWORD,
      UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }],
    });
  });
});
