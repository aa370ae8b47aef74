// <cognito-account-mfa>: the user's methods, adding an authenticator app (QR + secret + device name), turning off.
import { expect } from 'chai';
import { exception } from '../support/fake-cognito.js';
import { expectAccessible } from './helpers.js';
import { fill, mountAccount, press, signedIn, submitForm, text, until, USER } from './account-support.js';

const WITH_TOTP = { ...USER, UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' };

describe('<cognito-account-mfa>', () => {
  it('adds an authenticator app: QR code, secret on request, a wrong code said, the right one turns TOTP on', async () => {
    const h = await signedIn();
    h.cognito.on('getUser', () => USER, () => WITH_TOTP);
    h.cognito.on('associateSoftwareToken', () => ({ SecretCode: 'JBSWY3DPEHPK3PXP' }));
    h.cognito.on('verifySoftwareToken', () => exception('CodeMismatchException', 'Invalid code'), () => ({ Status: 'SUCCESS' }));
    h.cognito.on('setUserMfaPreference', () => ({}));
    const el = await mountAccount<HTMLElement>('cognito-account-mfa', { account: h.account, flow: h.flow });
    const row = await until(() => el.querySelector('[data-mfa-type="SOFTWARE_TOKEN_MFA"]'), 'the TOTP row');
    expect(row.getAttribute('data-enabled')).to.equal('false');
    await press(el, 'add-app');
    const form = await until(() => el.querySelector('form[data-totp-setup]'), 'the set-up');
    expect(document.activeElement).to.equal(form.querySelector('h3'));
    expect(form.querySelector('cognito-qr-code')).to.exist;
    expect(el.innerHTML).not.to.contain('JBSWY3DPEHPK3PXP'.slice(0, 8) + '"');
    await press(el, 'show-secret');
    expect(text(el.querySelector('.cognito-secret-key'))).to.equal('JBSW Y3DP EHPK 3PXP');
    fill(el, 'code', '111111');
    fill(el, 'device_name', 'Work phone');
    await submitForm(el, '[name="code"]');
    await until(() => el.querySelector('[data-error-code="totp-verification-failed"]'), 'the refusal');
    const code = el.querySelector<HTMLInputElement>('[name="code"]')!;
    expect(document.activeElement).to.equal(code);
    expect(code.value.slice(code.selectionStart ?? 0, code.selectionEnd ?? 0), 'selected: the next code replaces it').to.equal('111111');
    fill(el, 'code', '222222');
    await submitForm(el, '[name="code"]');
    await until(() => el.querySelector('[data-notice="totp-enabled"]'), 'enabled');
    expect(h.cognito.callsOf('verifySoftwareToken').at(-1)).to.deep.include({ UserCode: '222222', FriendlyDeviceName: 'Work phone' });
    expect(h.cognito.callsOf('setUserMfaPreference')[0]?.SoftwareTokenMfaSettings).to.deep.equal({ Enabled: true, PreferredMfa: true });
    expect(el.querySelector('[data-mfa-type="SOFTWARE_TOKEN_MFA"]')?.getAttribute('data-enabled')).to.equal('true');
    expect(el.querySelector('form[data-totp-setup]')).to.equal(null);
    expect(h.dom.filter((e) => e.type === 'cognito-account-updated').map((e) => e.detail)).to.deep.equal([{ change: 'mfa' }]);
    await expectAccessible(el);
  });

  it('turns a method off; a failure is said in the section with a cognito-error', async () => {
    const h = await signedIn({ mfaTypes: 'SOFTWARE_TOKEN_MFA EMAIL_OTP' });
    h.cognito.on('getUser', () => WITH_TOTP, () => USER);
    h.cognito.on('setUserMfaPreference', () => exception('TooManyRequestsException', 'slow down'), () => ({}));
    const el = await mountAccount<HTMLElement>('cognito-account-mfa', { account: h.account, flow: h.flow });
    await until(() => el.querySelector('[data-action="turn-off"]'), 'turn off');
    expect(text(el.querySelector('[data-mfa-type="SOFTWARE_TOKEN_MFA"]'))).to.contain('Preferred');
    expect(el.querySelector('[data-mfa-type="EMAIL_OTP"] [data-action="turn-on"]')).to.exist;
    await press(el, 'turn-off');
    await until(() => el.querySelector('[role="alert"][data-error-code="too-many-requests"]'), 'the error');
    expect(h.dom.find((e) => e.type === 'cognito-error')?.detail).to.deep.include({ code: 'too-many-requests', section: 'mfa' });
    await press(el, 'turn-off');
    await until(() => el.querySelector('[data-mfa-type="SOFTWARE_TOKEN_MFA"][data-enabled="false"]'), 'off');
    expect(h.cognito.callsOf('setUserMfaPreference').at(-1)?.SoftwareTokenMfaSettings).to.deep.equal({ Enabled: false, PreferredMfa: false });
  });

  it('SMS without a verified phone number: no Turn on, the hint says what to do; with one, Turn on works', async () => {
    const h = await signedIn({ mfaTypes: 'SOFTWARE_TOKEN_MFA SMS_MFA' });
    const unverified = { ...USER, UserAttributes: [...USER.UserAttributes, { Name: 'phone_number', Value: '+14155550100' }, { Name: 'phone_number_verified', Value: 'false' }] };
    h.cognito.on('getUser', () => USER);
    let el = await mountAccount<HTMLElement>('cognito-account-mfa', { account: h.account, flow: h.flow });
    let sms = await until(() => el.querySelector('[data-mfa-type="SMS_MFA"]'), 'the SMS row');
    expect(sms.querySelector('[data-action="turn-on"]')).to.equal(null);
    expect(text(sms.querySelector('[data-hint]'))).to.equal('Add and verify a phone number in your profile to use text messages.');
    expect(el.querySelector('[data-mfa-type="SOFTWARE_TOKEN_MFA"] [data-action="add-app"]')).to.exist;
    await expectAccessible(el);
    el.remove();

    const h2 = await signedIn({ mfaTypes: 'SOFTWARE_TOKEN_MFA SMS_MFA' });
    h2.cognito.on('getUser', () => unverified);
    el = await mountAccount<HTMLElement>('cognito-account-mfa', { account: h2.account, flow: h2.flow });
    sms = await until(() => el.querySelector('[data-mfa-type="SMS_MFA"]'), 'the SMS row');
    expect(sms.querySelector('[data-action="turn-on"]'), 'an unverified number').to.equal(null);
    expect(sms.querySelector('[data-hint]')).to.exist;
    el.remove();

    const h3 = await signedIn({ mfaTypes: 'SOFTWARE_TOKEN_MFA SMS_MFA' });
    const verified = { ...unverified, UserAttributes: unverified.UserAttributes.map((a) => (a.Name === 'phone_number_verified' ? { ...a, Value: 'true' } : a)) };
    h3.cognito.on('getUser', () => verified, () => ({ ...verified, UserMFASettingList: ['SMS_MFA'], PreferredMfaSetting: 'SMS_MFA' }));
    h3.cognito.on('setUserMfaPreference', () => ({}));
    el = await mountAccount<HTMLElement>('cognito-account-mfa', { account: h3.account, flow: h3.flow });
    sms = await until(() => el.querySelector('[data-mfa-type="SMS_MFA"]'), 'the SMS row');
    expect(sms.querySelector('[data-hint]')).to.equal(null);
    await press(sms, 'turn-on');
    await until(() => el.querySelector('[data-mfa-type="SMS_MFA"][data-enabled="true"][data-preferred="true"]'), 'SMS on');
    expect(h3.cognito.callsOf('setUserMfaPreference')[0]?.SMSMfaSettings).to.deep.equal({ Enabled: true, PreferredMfa: true });
    expect(el.querySelector('[data-notice="mfa-updated"]')).to.exist;
  });

  it('Cognito refuses SMS (no phone number any more): the user is read again, the row says to add a phone number', async () => {
    const h = await signedIn({ mfaTypes: 'SMS_MFA' });
    const withPhone = { ...USER, UserAttributes: [...USER.UserAttributes, { Name: 'phone_number', Value: '+14155550100' }, { Name: 'phone_number_verified', Value: 'true' }] };
    h.cognito.on('getUser', () => withPhone, () => USER);
    h.cognito.on('setUserMfaPreference', () => exception('InvalidParameterException', 'User does not have delivery config set to turn on SMS_MFA'));
    const el = await mountAccount<HTMLElement>('cognito-account-mfa', { account: h.account, flow: h.flow });
    await until(() => el.querySelector('[data-mfa-type="SMS_MFA"] [data-action="turn-on"]'), 'Turn on');
    await press(el, 'turn-on');
    const banner = await until(() => el.querySelector('[role="alert"][data-error-code]'), 'the refusal');
    expect(banner.getAttribute('data-error-code')).to.equal('sms-mfa-needs-phone');
    expect(text(banner)).to.include('Add and verify a phone number in your profile to use text messages.');
    const sms = await until(() => el.querySelector('[data-mfa-type="SMS_MFA"] [data-hint]'), 'the hint');
    expect(text(sms)).to.equal('Add and verify a phone number in your profile to use text messages.');
    expect(el.querySelector('[data-mfa-type="SMS_MFA"] [data-action="turn-on"]')).to.equal(null);
    expect(el.querySelector('[data-notice]')).to.equal(null);
    expect(h.cognito.callsOf('getUser')).to.have.length(2);
  });
});
