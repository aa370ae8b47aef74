/**
 * `cognito-elements/account`: registers `<cognito-account>` and its section elements. Its own entry (and, in the
 * script-tag build, its own chunk), so a page with only the authenticator never downloads it or the account engine
 * (src/account/).
 */
export { CognitoAccount, ACCOUNT_SECTION_NAMES, type AccountSectionName } from './account.js';
export { CognitoAccountProfile } from './profile.js';
export { CognitoAccountPassword } from './password.js';
export { CognitoAccountMfa } from './mfa.js';
export { CognitoAccountPasskeys } from './passkeys.js';
export { CognitoAccountDevices } from './devices.js';
export { CognitoAccountSessions } from './sessions.js';
export { CognitoAccountDelete } from './delete.js';
export { AccountElement, AccountSectionElement } from './section.js';
export type { CognitoAccountUpdatedDetail } from '../types.js';
