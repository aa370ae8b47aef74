import type { AccountChange, AccountEvent, AccountSection } from '../../src/account/index.js';
import type { Translate } from '../../src/i18n.js';
import { errorText } from '../parts/form.js';
import type { CognitoAccountUpdatedDetail, CognitoErrorDetail } from '../types.js';

/** The section element that says what changed (its own events only, so nothing is dispatched twice). */
const SECTION_OF: Record<AccountChange, AccountSection> = {
  profile: 'profile',
  'email-verified': 'profile',
  'phone_number-verified': 'profile',
  password: 'password',
  mfa: 'mfa',
  passkeys: 'passkeys',
  devices: 'devices',
  deleted: 'deleteAccount',
};

export type AccountDomEvent =
  | { type: 'cognito-account-updated'; section: AccountSection; detail: CognitoAccountUpdatedDetail }
  | { type: 'cognito-error'; section: AccountSection; detail: CognitoErrorDetail };

/**
 * An AccountFlow event as its DOM event: `cognito-account-updated` `{ change, attributes? }`, or `cognito-error` with
 * the authenticator's detail (its `message` the text the section shows) plus `section`. No token, code or password.
 */
export function accountEventOf(event: AccountEvent, t: Translate): AccountDomEvent {
  if (event.type === 'account-updated') {
    const detail: CognitoAccountUpdatedDetail = { change: event.section, ...(event.attributes ? { attributes: event.attributes } : {}) };
    return { type: 'cognito-account-updated', section: SECTION_OF[event.section], detail };
  }
  return { type: 'cognito-error', section: event.section, detail: { ...event.error.toJSON(), message: errorText(t, event.error), section: event.section } };
}
