// <cognito-account-profile>: GetUser's attributes in the form, UpdateUserAttributes, a changed email verified with a code.
import { expect } from 'chai';
import { authResult, exception } from '../support/fake-cognito.js';
import { expectAccessible } from './helpers.js';
import { fill, mountAccount, signedIn, submitForm, text, until, USER } from './account-support.js';

const UNVERIFIED = {
  ...USER,
  UserAttributes: [
    { Name: 'sub', Value: 'user-sub-1' },
    { Name: 'email', Value: 'new@example.com' },
    { Name: 'email_verified', Value: 'false' },
    { Name: 'given_name', Value: 'Ada' },
  ],
};

describe('<cognito-account-profile>', () => {
  it('shows the editable attributes from GetUser, saves a change, fires cognito-account-updated with the attributes', async () => {
    const h = await signedIn({ attributes: 'given_name family_name' });
    h.cognito.on('getUser', () => USER, () => USER, () => ({ ...USER, UserAttributes: [...USER.UserAttributes, { Name: 'family_name', Value: 'Lovelace' }] }));
    h.cognito.on('updateUserAttributes', () => ({}));
    const el = await mountAccount<HTMLElement>('cognito-account-profile', { account: h.account, flow: h.flow });
    const given = await until(() => el.querySelector<HTMLInputElement>('[name="given_name"]'), 'the form');
    expect(given.value).to.equal('Ada');
    expect(given.getAttribute('autocomplete')).to.equal('given-name');
    expect(el.querySelector('[name="email"]')).to.equal(null);
    fill(el, 'family_name', 'Lovelace');
    await submitForm(el, '[name="given_name"]');
    await until(() => el.querySelector('[data-notice="profile-saved"]'), 'the notice');
    expect(h.cognito.callsOf('updateUserAttributes')[0]?.UserAttributes).to.deep.equal([{ Name: 'family_name', Value: 'Lovelace' }]);
    expect(h.dom.filter((e) => e.type === 'cognito-account-updated').map((e) => e.detail)).to.deep.equal([
      { change: 'profile', attributes: ['family_name'] },
    ]);
    await expectAccessible(el);
  });

  it('with nothing the user may edit, the section is not shown (no lone "Save changes")', async () => {
    const h = await signedIn({}, { signUpAttributes: '' });
    h.cognito.on('getUser', () => USER);
    const el = await mountAccount<HTMLElement>('cognito-account-profile', { account: h.account, flow: h.flow });
    await until(() => h.account.state.user, 'the user');
    await until(() => el.hidden, 'the section hidden');
    expect(el.getClientRects().length).to.equal(0);
    expect(h.cognito.callsOf('updateUserAttributes')).to.have.length(0);
  });

  it('a changed email: code sent, the code field focused, verified with the code (email-verified)', async () => {
    const h = await signedIn({ attributes: 'email given_name' });
    h.cognito.on('getUser', () => USER, () => UNVERIFIED, () => UNVERIFIED, () => ({ ...UNVERIFIED, UserAttributes: UNVERIFIED.UserAttributes.map((a) => (a.Name === 'email_verified' ? { ...a, Value: 'true' } : a)) }));
    h.cognito.on('updateUserAttributes', () => ({
      CodeDeliveryDetailsList: [{ AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'n***@e***.com' }],
    }));
    h.cognito.on('verifyUserAttribute', () => exception('CodeMismatchException', 'Invalid code provided.'), () => ({}));
    // The renewal after verifying (so the ID token says email_verified).
    h.cognito.on('initiateAuth', () => authResult());
    h.cognito.on('getTokensFromRefreshToken', () => authResult());
    const el = await mountAccount<HTMLElement>('cognito-account-profile', { account: h.account, flow: h.flow });
    await until(() => el.querySelector('[name="email"]'), 'the form');
    fill(el, 'email', 'new@example.com');
    await submitForm(el, '[name="email"]');
    const code = await until(() => el.querySelector<HTMLInputElement>('form[data-verify="email"] [name="code"]'), 'the code field');
    expect(document.activeElement).to.equal(code);
    expect(text(el.querySelector('form[data-verify="email"]'))).to.contain('n***@e***.com');
    expect(text(el.querySelector('[data-attribute="email"]'))).to.contain('Not verified yet.');
    fill(el, 'code', '000000');
    await submitForm(el, 'form[data-verify="email"] [name="code"]');
    await until(() => el.querySelector('[data-error-code="code-mismatch"]'), 'the mismatch');
    expect(h.dom.find((e) => e.type === 'cognito-error')?.detail).to.deep.include({ code: 'code-mismatch', section: 'profile' });
    fill(el, 'code', '123456');
    await submitForm(el, 'form[data-verify="email"] [name="code"]');
    await until(() => el.querySelector('[data-notice="attribute-verified"]'), { what: `verified (${JSON.stringify(h.account.state.profile)})` });
    expect(h.cognito.callsOf('verifyUserAttribute').at(-1)).to.deep.include({ AttributeName: 'email', Code: '123456' });
    expect(el.querySelector('form[data-verify]')).to.equal(null);
    expect(h.dom.filter((e) => e.type === 'cognito-account-updated').map((e) => e.detail.change)).to.deep.equal(['profile', 'email-verified']);
    await expectAccessible(el);
  });

  it('a sign-in name (email in an email-username pool) cannot be emptied: said under the field, focused, nothing sent', async () => {
    const h = await signedIn({ attributes: 'given_name family_name email phone_number' }, { usernameAttributes: 'email' });
    h.cognito.on('getUser', () => USER);
    h.cognito.on('updateUserAttributes', () => ({}));
    h.cognito.on('deleteUserAttributes', () => ({}));
    const el = await mountAccount<HTMLElement>('cognito-account-profile', { account: h.account, flow: h.flow });
    const email = await until(() => el.querySelector<HTMLInputElement>('[name="email"]'), 'the form');
    expect(email.getAttribute('aria-required')).to.equal('true');
    fill(el, 'email', '');
    await submitForm(el, '[name="email"]');
    const message = await until(() => el.querySelector('[data-attribute="email"] .cognito-field-error'), 'the message under Email');
    expect(text(message)).to.equal('Enter your email address.');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(email.getAttribute('aria-describedby')).to.contain(message.id);
    await until(() => document.activeElement === email, 'focus on Email');
    expect(h.cognito.callsOf('deleteUserAttributes')).to.have.length(0);
    expect(h.cognito.callsOf('updateUserAttributes')).to.have.length(0);
    expect(el.querySelector('[data-notice]')).to.equal(null);
    expect(h.dom.find((e) => e.type === 'cognito-error')?.detail).to.deep.include({ code: 'required-field', field: 'email', section: 'profile' });
    // An attribute that is not a sign-in name may still be emptied (DeleteUserAttributes).
    expect(el.querySelector('[name="given_name"]')?.getAttribute('aria-required')).to.equal('false');
  });

  it('an invalid phone number is said once: under the field, the section banner for it hidden', async () => {
    const h = await signedIn({ attributes: 'given_name phone_number' });
    h.cognito.on('getUser', () => USER);
    const el = await mountAccount<HTMLElement>('cognito-account-profile', { account: h.account, flow: h.flow });
    await until(() => el.querySelector('[name="phone_number"]'), 'the form');
    fill(el, 'phone_number', '12345');
    await submitForm(el, '[name="phone_number"]');
    await until(() => el.querySelector('[data-attribute="phone_number"] .cognito-field-error'), 'the message under the field');
    const said = [...el.querySelectorAll('.cognito-error-text')].filter((n) => n.checkVisibility() && text(n).includes('country code'));
    expect(said.map((n) => text(n))).to.deep.equal(['Enter the phone number with its country code, for example +14155550100.']);
    expect(said[0]?.closest('[data-attribute="phone_number"]')).to.exist;
    expect(el.querySelector('[role="alert"][data-error-code="invalid-phone-number"]')).to.exist;
    expect(h.cognito.callsOf('updateUserAttributes')).to.have.length(0);
  });
});
