import type { MfaSettingsType, SetUserMFAPreferenceRequest } from '../api/types.js';
import { AuthError, authError } from '../errors.js';
import { otpauthUri } from '../flow/mfa-setup.js';
import { fail } from '../flow/steps.js';
import { readCode, TOTP_CODE } from '../flow/code.js';
import { isPasswordValid } from '../password-policy.js';
import type { MfaType } from '../state/index.js';
import type { AccountCore } from './core.js';
import { currentUser, reloadUser } from './profile.js';
import type { AccountUser } from './state.js';

// Password and two-step verification: ChangePassword, SetUserMFAPreference, AssociateSoftwareToken and
// VerifySoftwareToken with the user's access token.
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChangePassword.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUserMFAPreference.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html


export interface ChangePasswordInput {
  currentPassword: string;
  password: string;
  /** The confirmation, when the form has one. */
  confirmPassword?: string;
}

/**
 * ChangePassword, after the same checks as every new password (the pool's policy, the confirmation). A wrong current
 * password is `current-password-incorrect` on `current_password` (Cognito says "Incorrect username or password.").
 * Other sessions stay signed in: Cognito does not end them (the page may offer "sign out everywhere" next).
 */
export function changePassword(core: AccountCore, input: ChangePasswordInput): Promise<void> {
  return core.run('password', async (guard) => {
    if (!input.currentPassword) fail('required-field', 'current_password');
    if (!input.password) fail('required-field', 'password');
    if (!isPasswordValid(core.config.passwordPolicy, input.password)) fail('password-policy', 'password');
    if (input.confirmPassword !== undefined && input.confirmPassword !== input.password) fail('passwords-do-not-match', 'confirm_password');
    await guard(
      core.call((AccessToken) => core.api.changePassword({ AccessToken, PreviousPassword: input.currentPassword, ProposedPassword: input.password })),
    );
    core.emit({ type: 'account-updated', section: 'password' });
    return 'password-changed';
  });
}

/** SetUserMFAPreference's member for each method. */
const SETTINGS_KEY: Record<MfaType, 'SMSMfaSettings' | 'SoftwareTokenMfaSettings' | 'EmailMfaSettings'> = {
  SMS_MFA: 'SMSMfaSettings',
  SOFTWARE_TOKEN_MFA: 'SoftwareTokenMfaSettings',
  EMAIL_OTP: 'EmailMfaSettings',
};

/** Sends one method's settings, then GetUser (the state shows Cognito's view, not ours). */
async function setPreference(core: AccountCore, guard: <T>(p: Promise<T>) => Promise<T>, type: MfaType, settings: MfaSettingsType): Promise<void> {
  const request = (AccessToken: string): SetUserMFAPreferenceRequest => ({ AccessToken, [SETTINGS_KEY[type]]: settings });
  try {
    await guard(core.call((AccessToken) => core.api.setUserMfaPreference(request(AccessToken))));
  } catch (e) {
    // The phone number went away (or was never there) since the page loaded the user: GetUser again, so the section
    // shows what to do (add and verify a number) in place of the button, then say the refusal.
    // (sms-mfa-needs-phone: Cognito's "User does not have delivery config set to turn on SMS_MFA", src/api/cognito-errors.ts)
    if (e instanceof AuthError && e.code === 'sms-mfa-needs-phone') {
      await reloadUser(core, guard).catch(() => undefined);
    }
    throw e;
  }
  await reloadUser(core, guard);
  core.emit({ type: 'account-updated', section: 'mfa' });
}

/** Whether turning `type` on should also make it the preferred method: when no other method is preferred. */
const becomesPreferred = (user: AccountUser, type: MfaType) => !user.mfaPreferred || user.mfaPreferred === type;

/**
 * Turns a method on or off. On: only the methods the page offers (`mfaTypes`; TOTP needs an authenticator app added
 * first, see startTotpSetup); it becomes preferred when none is. Off: any method the user has.
 */
export function setMfaEnabled(core: AccountCore, input: { type: MfaType; enabled: boolean }): Promise<void> {
  return core.run('mfa', async (guard) => {
    const user = await currentUser(core, guard);
    if (input.enabled && !core.settings.mfaTypes.includes(input.type)) fail('invalid-parameter', 'mfa');
    if (!input.enabled && !user.mfaEnabled.includes(input.type)) return;
    const settings = input.enabled
      ? { Enabled: true, ...(becomesPreferred(user, input.type) ? { PreferredMfa: true } : {}) }
      : { Enabled: false, PreferredMfa: false };
    await setPreference(core, guard, input.type, settings);
    return 'mfa-updated';
  });
}

/** Makes an enabled method the one Cognito asks for first. */
export function setPreferredMfa(core: AccountCore, input: { type: MfaType }): Promise<void> {
  return core.run('mfa', async (guard) => {
    const user = await currentUser(core, guard);
    if (!user.mfaEnabled.includes(input.type)) fail('invalid-parameter', 'mfa');
    await setPreference(core, guard, input.type, { Enabled: true, PreferredMfa: true });
    return 'mfa-updated';
  });
}

/**
 * Adds (or replaces) an authenticator app: AssociateSoftwareToken gives a new secret, shown as text and as the
 * otpauth:// URI for the QR code (state.mfa.totpSetup). The old app keeps working until the new one is verified.
 */
export function startTotpSetup(core: AccountCore): Promise<void> {
  return core.run('mfa', async (guard) => {
    if (!core.settings.mfaTypes.includes('SOFTWARE_TOKEN_MFA')) fail('invalid-parameter', 'mfa');
    const answer = await guard(core.call((AccessToken) => core.api.associateSoftwareToken({ AccessToken })));
    if (!answer.SecretCode) throw authError('unknown');
    const session = core.auth.session;
    const account = String(core.state.user?.attributes.email ?? session?.claims.email ?? core.state.username);
    const issuer = core.config.totpIssuer ?? (globalThis.location?.hostname || 'Cognito');
    core.patch('mfa', { totpSetup: { secret: answer.SecretCode, uri: otpauthUri(answer.SecretCode, account, issuer) } });
  });
}

/** Leaves authenticator-app set-up: the secret is forgotten, nothing changes in Cognito. */
export function cancelTotpSetup(core: AccountCore): void {
  if (core.state.mfa.busy) return;
  core.patch('mfa', { totpSetup: undefined, error: undefined });
}

/** VerifySoftwareToken with the app's first code, then turns TOTP on (preferred when no other method is). */
export function verifyTotp(core: AccountCore, input: { code: string; deviceName?: string }): Promise<void> {
  return core.run('mfa', async (guard) => {
    if (!core.state.mfa.totpSetup) return;
    const code = readCode(input.code, TOTP_CODE);
    const FriendlyDeviceName = input.deviceName?.trim() || undefined;
    let verified;
    try {
      verified = await guard(core.call((AccessToken) => core.api.verifySoftwareToken({ AccessToken, UserCode: code, FriendlyDeviceName })));
    } catch (e) {
      // A rejected first code is most often a device clock that is off: say so.
      if (e instanceof AuthError && e.code === 'code-mismatch') throw authError('totp-verification-failed', { field: 'code' });
      throw e;
    }
    if (verified.Status && verified.Status !== 'SUCCESS') throw authError('totp-verification-failed', { field: 'code' });
    core.patch('mfa', { totpSetup: undefined });
    const user = await currentUser(core, guard);
    const preferred = becomesPreferred(user, 'SOFTWARE_TOKEN_MFA');
    await setPreference(core, guard, 'SOFTWARE_TOKEN_MFA', { Enabled: true, ...(preferred ? { PreferredMfa: true } : {}) });
    return 'totp-enabled';
  });
}
