import type { CodeDeliveryDetailsType, GetUserResponse } from '../api/types.js';
import { authError } from '../errors.js';
import { delivery, fail } from '../flow/steps.js';
import { readCode } from '../flow/code.js';
import type { Guard } from '../flow/runner.js';
import type { MfaType } from '../state/index.js';
import type { AccountCore } from './core.js';
import type { AccountUser, PendingVerification } from './state.js';

// Profile: GetUser, UpdateUserAttributes (+ DeleteUserAttributes for a cleared field), VerifyUserAttribute and
// GetUserAttributeVerificationCode.
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserAttributes.html
// Changing the email (or phone number) sends a code to the new one (CodeDeliveryDetailsList) and makes it unverified
// (email_verified false) until the code is entered; a pool with AttributesRequireVerificationBeforeUpdate keeps the old
// value, verified, until then. Either way GetUser afterwards tells the truth, and the state is read from it.

const MFA_TYPES: readonly MfaType[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];
const isMfaType = (v: unknown): v is MfaType => MFA_TYPES.includes(v as MfaType);
const CONTACTS = ['email', 'phone_number'] as const;
type Contact = (typeof CONTACTS)[number];
const isContact = (v: unknown): v is Contact => CONTACTS.includes(v as Contact);

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** GetUser's answer as the state keeps it. */
export function userFrom(answer: GetUserResponse): AccountUser {
  const attributes: Record<string, string> = {};
  for (const a of answer.UserAttributes ?? []) attributes[a.Name] = a.Value ?? '';
  return {
    username: answer.Username,
    attributes,
    unverified: CONTACTS.filter((name) => attributes[name] && attributes[`${name}_verified`] !== 'true'),
    mfaEnabled: (answer.UserMFASettingList ?? []).filter(isMfaType),
    mfaPreferred: isMfaType(answer.PreferredMfaSetting) ? answer.PreferredMfaSetting : undefined,
  };
}

/** GetUser into `state.user`. */
export async function reloadUser(core: AccountCore, guard: Guard): Promise<AccountUser> {
  const user = userFrom(await guard(core.call((AccessToken) => core.api.getUser({ AccessToken }))));
  core.set({ user });
  return user;
}

/** The user as last loaded, or loaded now. */
export async function currentUser(core: AccountCore, guard: Guard): Promise<AccountUser> {
  return core.state.user ?? reloadUser(core, guard);
}

/** Where a code went, as a pending verification; the attribute from Cognito's answer, or the medium it used. */
function pending(details: CodeDeliveryDetailsType): PendingVerification | undefined {
  const attribute = details.AttributeName ?? (details.DeliveryMedium === 'SMS' ? 'phone_number' : 'email');
  return isContact(attribute) ? { attribute, delivery: delivery(details) } : undefined;
}

/** The pending verifications with `next` in place of any for the same attribute. */
function withPending(list: PendingVerification[], next: PendingVerification[]): PendingVerification[] {
  return [...list.filter((p) => !next.some((n) => n.attribute === p.attribute)), ...next];
}

/** The value as typed, checked as sign-up checks it (trimmed; phone numbers in E.164, emails with an @). */
function readValue(name: string, value: string): string {
  const v = value.trim();
  if (!v) return v;
  if (name === 'phone_number' && !E164.test(v.replace(/[\s()-]/g, ''))) fail('invalid-phone-number', name);
  if (name === 'email' && !EMAIL.test(v)) fail('invalid-parameter', name);
  return name === 'phone_number' ? v.replace(/[\s()-]/g, '') : v;
}

export interface ProfileInput {
  /** The edited values by attribute name; attributes left out are not changed, an empty value removes one. */
  attributes: Record<string, string>;
  /**
   * Attributes that must not be empty (checked in form order, before anything is sent). The pool's sign-in names
   * (`usernameAttributes`) always are.
   */
  requiredAttributes?: string[];
}

/** Saves the changed attributes; a changed email or phone number is sent a code (state.profile.verifying). */
export function updateProfile(core: AccountCore, input: ProfileInput): Promise<void> {
  return core.run('profile', async (guard) => {
    const editable = core.settings.attributes;
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(input.attributes)) {
      if (!editable.includes(name)) throw authError('attribute-not-writable', { field: name });
      values[name] = readValue(name, value);
    }
    // A sign-in name of the pool (username-attributes) is never removed: DeleteUserAttributes would leave an account
    // no one can sign in to by that name. It is required wherever the form shows it, whatever the page passed.
    const required = [...(input.requiredAttributes ?? []), ...core.config.usernameAttributes];
    for (const name of Object.keys(values)) if (required.includes(name) && !values[name]) fail('required-field', name);
    const user = await currentUser(core, guard);
    const changed = Object.keys(values).filter((name) => values[name] && values[name] !== user.attributes[name]);
    const cleared = Object.keys(values).filter((name) => !values[name] && user.attributes[name]);
    if (changed.length === 0 && cleared.length === 0) return 'profile-saved';
    let sent: PendingVerification[] = [];
    if (changed.length > 0) {
      const answer = await guard(
        core.call((AccessToken) =>
          core.api.updateUserAttributes({ AccessToken, UserAttributes: changed.map((Name) => ({ Name, Value: values[Name] })) }),
        ),
      );
      sent = (answer.CodeDeliveryDetailsList ?? []).map(pending).filter((p): p is PendingVerification => p !== undefined);
    }
    if (cleared.length > 0) {
      await guard(core.call((AccessToken) => core.api.deleteUserAttributes({ AccessToken, UserAttributeNames: cleared })));
    }
    core.patch('profile', { verifying: withPending(core.state.profile.verifying, sent) });
    await reloadUser(core, guard);
    core.emit({ type: 'account-updated', section: 'profile', attributes: [...changed, ...cleared] });
    return sent.length > 0 ? 'code-sent' : 'profile-saved';
  });
}

/** Sends a code to verify `attribute` (again). */
export function sendVerificationCode(core: AccountCore, input: { attribute: Contact }): Promise<void> {
  return core.run('profile', async (guard) => {
    if (!isContact(input.attribute)) fail('invalid-parameter', String(input.attribute));
    const answer = await guard(
      core.call((AccessToken) => core.api.getUserAttributeVerificationCode({ AccessToken, AttributeName: input.attribute })),
    );
    const sent: PendingVerification = { attribute: input.attribute, delivery: delivery(answer.CodeDeliveryDetails) };
    core.patch('profile', { verifying: withPending(core.state.profile.verifying, [sent]) });
    return 'code-sent';
  });
}

/**
 * VerifyUserAttribute with the code the user typed; then GetUser (the state shows it verified) and a token renewal, so
 * the ID token's `email_verified` / `phone_number_verified` claims the page reads say so too.
 */
export function verifyAttribute(core: AccountCore, input: { attribute: Contact; code: string }): Promise<void> {
  return core.run('profile', async (guard) => {
    if (!isContact(input.attribute)) fail('invalid-parameter', String(input.attribute));
    const code = readCode(input.code);
    await guard(core.call((AccessToken) => core.api.verifyUserAttribute({ AccessToken, AttributeName: input.attribute, Code: code })));
    core.patch('profile', { verifying: core.state.profile.verifying.filter((p) => p.attribute !== input.attribute) });
    await reloadUser(core, guard);
    // A failed renewal only leaves the claims behind; the attribute is verified in Cognito.
    await guard(core.auth.refresh());
    core.emit({ type: 'account-updated', section: input.attribute === 'email' ? 'email-verified' : 'phone_number-verified' });
    return 'attribute-verified';
  });
}
