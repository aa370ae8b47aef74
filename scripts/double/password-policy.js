// The pool's password policy (Policies.PasswordPolicy, from the seed's `passwordPolicy` or Cognito's default), which
// cognito-local stores but never checks. Cognito checks it wherever a user chooses a password - SignUp (Password),
// ChangePassword (ProposedPassword), ConfirmForgotPassword (Password), RespondToAuthChallenge NEW_PASSWORD_REQUIRED
// (NEW_PASSWORD) - and answers InvalidPasswordException "Password did not conform with policy: <first rule broken>":
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_PasswordPolicyType.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html (InvalidPasswordException)
//   https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html (the symbol set)
import { CognitoError } from './errors.js';

// The special characters Cognito counts as symbols (developer guide, "Password policies"); a space counts too when it
// is neither the first nor the last character.
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-');

/** The message for the first rule `password` breaks, or null when it conforms. */
export function policyViolation(password, policy = {}) {
  const p = String(password ?? '');
  const chars = [...p];
  if (chars.length < (policy.MinimumLength ?? 8)) return 'Password not long enough';
  if (policy.RequireUppercase && !/[A-Z]/.test(p)) return 'Password must have uppercase characters';
  if (policy.RequireLowercase && !/[a-z]/.test(p)) return 'Password must have lowercase characters';
  if (policy.RequireNumbers && !/[0-9]/.test(p)) return 'Password must have numeric characters';
  const symbol = chars.some((c, i) => SYMBOLS.has(c) || (c === ' ' && i > 0 && i < chars.length - 1));
  if (policy.RequireSymbols && !symbol) return 'Password must have symbol characters';
  return null;
}

/** Throws Cognito's InvalidPasswordException when `password` breaks the pool's policy. */
export function enforcePolicy(password, poolOptions) {
  const violation = policyViolation(password, poolOptions?.Policies?.PasswordPolicy);
  if (violation) throw new CognitoError('InvalidPasswordException', `Password did not conform with policy: ${violation}`);
}
