// <cognito-account> and its sections over a scripted Cognito: every section in its states (loaded, busy, error,
// notice, empty, signed out), and the whole page.
import '../../components/account/index.js';
import { accountStory, shown } from '../account-kit.js';
import { screenMeta } from '../story-kit.js';

export default screenMeta('Account/Sections', 'cognito-account');

const typeAndSubmit = async (el: HTMLElement, values: Record<string, string>) => {
  for (const [name, value] of Object.entries(values)) {
    const input = (await shown(el, `[name="${name}"]`)) as HTMLInputElement | null;
    if (!input) return;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }
  el.querySelector('form')?.requestSubmit();
};
const click = async (el: HTMLElement, action: string) => (await shown(el, `[data-action="${action}"]`))?.click();

export const WholePage = accountStory('cognito-account', {
  name: 'Whole page',
  script: {
    mfa: ['SOFTWARE_TOKEN_MFA'],
    passkeys: [{ CredentialId: 'c1', FriendlyCredentialName: 'MacBook', CreatedAt: 1_700_000_000, AuthenticatorAttachment: 'platform' }],
    devices: [{ DeviceKey: 'd1', name: 'Firefox on Linux', remembered: true, lastUsed: 1_700_000_000 }],
  },
});
export const SignedOut = accountStory('cognito-account', { name: 'No one signed in', signedOut: true });
export const Profile = accountStory('cognito-account-profile', { name: 'Profile' });
export const ProfileUnverified = accountStory('cognito-account-profile', { name: 'Profile: email not verified', script: { attributes: { email_verified: 'false' } } });
export const ProfileCodeSent = accountStory('cognito-account-profile', {
  name: 'Profile: changed email, code sent',
  script: { attributes: { email_verified: 'false' } },
  play: (el) => click(el, 'send-code-email'),
});
export const ProfileLoading = accountStory('cognito-account-profile', { name: 'Profile: loading', script: { hang: ['getUser'] } });
export const ProfileError = accountStory('cognito-account-profile', { name: 'Profile: offline error', script: { fail: { getUser: 'InternalErrorException' } } });
export const Password = accountStory('cognito-account-password', { name: 'Password' });
export const PasswordWrong = accountStory('cognito-account-password', {
  name: 'Password: wrong current password',
  script: { fail: { changePassword: 'NotAuthorizedException' } },
  play: (el) => typeAndSubmit(el, { current_password: 'wrong', password: 'Correct-horse-7', confirm_password: 'Correct-horse-7' }),
});
export const PasswordChanged = accountStory('cognito-account-password', {
  name: 'Password: changed',
  play: (el) => typeAndSubmit(el, { current_password: 'Old-horse-1', password: 'Correct-horse-7', confirm_password: 'Correct-horse-7' }),
});
export const PasswordBusy = accountStory('cognito-account-password', {
  name: 'Password: sending (progress)',
  script: { hang: ['changePassword'] },
  play: (el) => typeAndSubmit(el, { current_password: 'Old-horse-1', password: 'Correct-horse-7', confirm_password: 'Correct-horse-7' }),
});
export const MfaOff = accountStory('cognito-account-mfa', { name: 'Two-step verification: off', options: { mfaTypes: 'SOFTWARE_TOKEN_MFA EMAIL_OTP' } });
export const MfaOn = accountStory('cognito-account-mfa', { name: 'Two-step verification: app on', script: { mfa: ['SOFTWARE_TOKEN_MFA'] }, options: { mfaTypes: 'SOFTWARE_TOKEN_MFA EMAIL_OTP' } });
export const MfaSetup = accountStory('cognito-account-mfa', { name: 'Two-step verification: adding an app', play: (el) => click(el, 'add-app') });
export const Passkeys = accountStory('cognito-account-passkeys', {
  name: 'Passkeys',
  script: { passkeys: [{ CredentialId: 'c1', FriendlyCredentialName: 'MacBook', CreatedAt: 1_700_000_000, AuthenticatorAttachment: 'platform' }, { CredentialId: 'c2', FriendlyCredentialName: 'YubiKey', AuthenticatorAttachment: 'cross-platform' }] },
});
export const PasskeysEmpty = accountStory('cognito-account-passkeys', { name: 'Passkeys: none yet' });
export const PasskeysDeleteAsks = accountStory('cognito-account-passkeys', {
  name: 'Passkeys: delete asks first',
  script: { passkeys: [{ CredentialId: 'c1', FriendlyCredentialName: 'MacBook' }] },
  play: (el) => click(el, 'delete-passkey'),
});
export const PasskeysDeleted = accountStory('cognito-account-passkeys', {
  name: 'Passkeys: one deleted',
  script: { passkeys: [{ CredentialId: 'c1', FriendlyCredentialName: 'MacBook' }] },
  play: async (el) => {
    await click(el, 'delete-passkey');
    await click(el, 'confirm-delete-passkey');
  },
});
export const Devices = accountStory('cognito-account-devices', {
  name: 'Devices',
  script: { devices: [{ DeviceKey: 'd1', name: 'Firefox on Linux', remembered: true, lastUsed: 1_700_000_000 }, { DeviceKey: 'd2', name: 'Safari on iPhone', remembered: false }] },
});
export const DevicesError = accountStory('cognito-account-devices', { name: 'Devices: listing failed', script: { fail: { listDevices: 'TooManyRequestsException' } } });
export const Sessions = accountStory('cognito-account-sessions', { name: 'Sign out' });
export const Delete = accountStory('cognito-account-delete', { name: 'Delete account' });
export const DeleteMismatch = accountStory('cognito-account-delete', { name: 'Delete account: wrong word', play: (el) => typeAndSubmit(el, { confirmation: 'delete' }) });
