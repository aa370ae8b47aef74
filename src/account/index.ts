/**
 * The signed-in side of the engine: AccountFlow and its state, loaded only by the account elements (never by the
 * authenticator's first paint).
 */
export { AccountFlow, ACCOUNT_SECTIONS, type AccountOptions, type AccountDeps } from './account-flow.js';
export type { RegisterPasskeyFn } from './core.js';
export type { ProfileInput } from './profile.js';
export type { ChangePasswordInput } from './security.js';
export type * from './state.js';
