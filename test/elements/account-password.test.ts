// <cognito-account-password>: ChangePassword with the live policy checklist, its errors, its event.
import { expect } from 'chai';
import { exception } from '../support/fake-cognito.js';
import { expectAccessible } from './helpers.js';
import { fill, mountAccount, signedIn, submitForm, text, until } from './account-support.js';

describe('<cognito-account-password>', () => {
  it('changes the password: ChangePassword sent, a notice said, the fields emptied, cognito-account-updated fired', async () => {
    const h = await signedIn();
    h.cognito.on('changePassword', () => ({}));
    const el = await mountAccount<HTMLElement>('cognito-account-password', { account: h.account, flow: h.flow });
    expect(el.querySelector('.cognito-password-checks')).to.exist;
    fill(el, 'current_password', 'Passw0rd!');
    fill(el, 'password', 'N3w-Passw0rd!');
    fill(el, 'confirm_password', 'N3w-Passw0rd!');
    await submitForm(el, '[name="password"]');
    await until(() => el.querySelector('[data-notice="password-changed"]'), 'the notice');
    const [sent] = h.cognito.callsOf('changePassword');
    expect(sent).to.deep.include({ PreviousPassword: 'Passw0rd!', ProposedPassword: 'N3w-Passw0rd!' });
    expect(sent?.AccessToken).to.be.a('string');
    expect(text(el.querySelector('[data-status]'))).to.equal('Your password has been changed.');
    expect(el.querySelector<HTMLInputElement>('[name="password"]')!.value).to.equal('');
    expect(el.querySelector<HTMLInputElement>('[name="current_password"]')!.value).to.equal('');
    const updated = h.dom.filter((e) => e.type === 'cognito-account-updated');
    expect(updated.map((e) => e.detail)).to.deep.equal([{ change: 'password' }]);
    expect(updated[0]!.target).to.equal(el);
    await expectAccessible(el);
  });

  it('a wrong current password: said on that field, focus moved there, cognito-error with the section', async () => {
    const h = await signedIn();
    h.cognito.on('changePassword', () => exception('NotAuthorizedException', 'Incorrect username or password.'));
    const el = await mountAccount<HTMLElement>('cognito-account-password', { account: h.account, flow: h.flow });
    fill(el, 'current_password', 'wrong');
    fill(el, 'password', 'N3w-Passw0rd!');
    fill(el, 'confirm_password', 'N3w-Passw0rd!');
    await submitForm(el, '[name="password"]');
    const current = el.querySelector<HTMLInputElement>('[name="current_password"]')!;
    await until(() => current.getAttribute('aria-invalid') === 'true', 'the current password marked invalid');
    expect(document.activeElement).to.equal(current);
    const error = h.dom.find((e) => e.type === 'cognito-error');
    expect(error?.detail).to.deep.include({ code: 'current-password-incorrect', field: 'current_password', section: 'password' });
    expect(h.dom.some((e) => e.type === 'cognito-account-updated')).to.equal(false);
    await expectAccessible(el);
  });

  it('a password against the policy is refused before anything is sent', async () => {
    const h = await signedIn();
    const el = await mountAccount<HTMLElement>('cognito-account-password', { account: h.account, flow: h.flow });
    fill(el, 'current_password', 'Passw0rd!');
    fill(el, 'password', 'short');
    fill(el, 'confirm_password', 'short');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(el.querySelectorAll('.passwordCheck-notValid-customizable').length).to.be.greaterThan(0);
    await submitForm(el, '[name="password"]');
    await until(() => el.querySelector('[data-error-code="password-policy"]'), 'the policy error');
    expect(h.cognito.callsOf('changePassword')).to.have.length(0);
  });
});
