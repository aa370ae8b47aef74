// Every stories module, in the order the demo's sidebar lists them (a user's Storybook finds them by its own glob).
import type { StoriesModule } from '../csf.js';
import * as live from './live.stories.js';
import * as signIn from './sign-in.stories.js';
import * as signUp from './sign-up.stories.js';
import * as confirmSignUp from './confirm-sign-up.stories.js';
import * as mfaSms from './mfa-sms.stories.js';
import * as mfaTotp from './mfa-totp.stories.js';
import * as mfaEmail from './mfa-email.stories.js';
import * as passwordless from './passwordless.stories.js';
import * as passkeyPrompt from './passkey-prompt.stories.js';
import * as verifyAttributes from './verify-attributes.stories.js';
import * as account from './account.stories.js';
import * as selectMfa from './select-mfa.stories.js';
import * as setupMfa from './setup-mfa.stories.js';
import * as setupTotp from './setup-totp.stories.js';
import * as setupSms from './setup-sms.stories.js';
import * as newPassword from './new-password.stories.js';
import * as forgotPassword from './forgot-password.stories.js';
import * as confirmForgotPassword from './confirm-forgot-password.stories.js';
import * as idpButtons from './idp-buttons.stories.js';
import * as emailDomainRouting from './email-domain-routing.stories.js';
import * as configurationError from './configuration-error.stories.js';
import * as signedIn from './signed-in.stories.js';
import * as look from './look.stories.js';
import * as shapeFields from './shape-fields.stories.js';
import * as shapeSlots from './shape-slots.stories.js';
import * as shapeSignIn from './shape-sign-in.stories.js';

export const modules = [
  live,
  signIn,
  signUp,
  confirmSignUp,
  mfaSms,
  mfaTotp,
  mfaEmail,
  passwordless,
  passkeyPrompt,
  verifyAttributes,
  account,
  selectMfa,
  setupMfa,
  setupTotp,
  setupSms,
  newPassword,
  forgotPassword,
  confirmForgotPassword,
  idpButtons,
  emailDomainRouting,
  configurationError,
  signedIn,
  look,
  shapeFields,
  shapeSlots,
  shapeSignIn,
] as unknown as StoriesModule[];
