import account from './en/account.js';
import afterSignIn from './en/after-sign-in.js';
import firstPaint from './en/first-paint.js';
import idp from './en/idp.js';
import mfa from './en/mfa.js';
import codes from './en/codes.js';
import password from './en/password.js';
import reset from './en/reset.js';
import oauthErrors from './en/oauth-errors.js';
import serverErrors from './en/server-errors.js';
import userAuth from './en/user-auth.js';
import registration from './en/registration.js';
import keepSignedIn from './en/keep-signed-in.js';
import devices from './en/devices.js';

/**
 * English, the reference locale: every other locale has exactly these keys and the same {{variables}}.
 * Wording follows Cognito's hosted UI where it has a phrase for the same thing.
 *
 * The phrases live in one module per group of screens (src/locales/en/*.ts), so the first paint carries only what the
 * sign-in form shows (en/first-paint.ts, bundled by src/i18n-phrases.ts); each other module comes with the elements
 * that show it (components/features/*.ts register it). This file is their union, for the type of every phrase
 * (Messages), the locale tests and documentation: nothing the elements load imports it as a value.
 */
export const ENGLISH_MODULES = { firstPaint, serverErrors, oauthErrors, userAuth, idp, registration, reset, password, mfa, codes, afterSignIn, account, keepSignedIn, devices } as const;

// The errors are split between three modules (those raised before any answer from Cognito, those of its answers, and
// those of a sign-in with an identity provider), the attribute labels, notices and sign-in's phrases between the first
// paint's and the module of what alone shows them: merged here, as the phrase lookup merges them.
const en = {
  ...firstPaint,
  ...userAuth,
  ...idp,
  ...registration,
  ...reset,
  ...password,
  ...mfa,
  ...codes,
  ...afterSignIn,
  ...account,
  errors: { ...firstPaint.errors, ...serverErrors.errors, ...oauthErrors.errors },
  attributes: { ...firstPaint.attributes, ...registration.attributes },
  notices: { ...firstPaint.notices, ...reset.notices, ...devices.notices },
  signIn: { ...firstPaint.signIn, ...keepSignedIn.signIn },
};

export default en;
export type Messages = typeof en;
