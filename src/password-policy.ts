/**
 * Cognito's PasswordPolicyType, as DescribeUserPool returns it, turned into the live checklist the sign-up,
 * new-password and reset screens show while the user types.
 */
export interface PasswordPolicyType {
  MinimumLength?: number;
  RequireUppercase?: boolean;
  RequireLowercase?: boolean;
  RequireNumbers?: boolean;
  RequireSymbols?: boolean;
  PasswordHistorySize?: number;
  TemporaryPasswordValidityDays?: number;
}

export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

export type PasswordRule = 'minLength' | 'uppercase' | 'lowercase' | 'number' | 'symbol';

export interface PasswordCheck {
  rule: PasswordRule;
  valid: boolean;
  /** For `minLength`: the number of characters required (for plural-aware messages). */
  count?: number;
}

/** Cognito's default policy for a new user pool. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = Object.freeze({
  minimumLength: 8,
  requireUppercase: true,
  requireLowercase: true,
  requireNumbers: true,
  requireSymbols: true,
});

/** The characters Cognito counts as symbols (its documented set; a space counts when not leading or trailing). */
export const COGNITO_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

export class PasswordPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PasswordPolicyError';
  }
}

/** Accepts Cognito's PasswordPolicyType as an object or its JSON text; throws PasswordPolicyError on a bad value. */
export function parsePasswordPolicy(input: PasswordPolicyType | string | null | undefined): PasswordPolicy {
  if (input === null || input === undefined || input === '') return DEFAULT_PASSWORD_POLICY;
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      throw new PasswordPolicyError('password-policy is not valid JSON');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PasswordPolicyError('password-policy must be a JSON object like Cognito\'s PasswordPolicyType');
  }
  const p = value as Record<string, unknown>;
  const known = new Set([
    'MinimumLength',
    'RequireUppercase',
    'RequireLowercase',
    'RequireNumbers',
    'RequireSymbols',
    'PasswordHistorySize',
    'TemporaryPasswordValidityDays',
  ]);
  for (const key of Object.keys(p)) {
    if (!known.has(key)) throw new PasswordPolicyError(`password-policy has an unknown key "${key}"`);
  }
  const min = p.MinimumLength ?? DEFAULT_PASSWORD_POLICY.minimumLength;
  if (typeof min !== 'number' || !Number.isInteger(min) || min < 6 || min > 99) {
    throw new PasswordPolicyError('password-policy MinimumLength must be a whole number from 6 to 99, as in Cognito');
  }
  const flag = (key: string): boolean => {
    const v = p[key];
    if (v === undefined) return false;
    if (typeof v !== 'boolean') throw new PasswordPolicyError(`password-policy ${key} must be true or false`);
    return v;
  };
  return {
    minimumLength: min,
    requireUppercase: flag('RequireUppercase'),
    requireLowercase: flag('RequireLowercase'),
    requireNumbers: flag('RequireNumbers'),
    requireSymbols: flag('RequireSymbols'),
  };
}

function hasSymbol(password: string): boolean {
  // A space only counts inside the password: Cognito rejects leading and trailing spaces outright.
  const inner = password.trim();
  for (const ch of inner) if (COGNITO_SYMBOLS.includes(ch)) return true;
  return false;
}

/** The checklist for `password` under `policy`, one entry per rule the policy has, in Cognito's order. */
export function checkPassword(policy: PasswordPolicy, password: string): PasswordCheck[] {
  // Cognito counts code points, not UTF-16 units.
  const length = [...password].length;
  const checks: PasswordCheck[] = [{ rule: 'minLength', valid: length >= policy.minimumLength, count: policy.minimumLength }];
  if (policy.requireNumbers) checks.push({ rule: 'number', valid: /[0-9]/.test(password) });
  if (policy.requireSymbols) checks.push({ rule: 'symbol', valid: hasSymbol(password) });
  if (policy.requireUppercase) checks.push({ rule: 'uppercase', valid: /[A-Z]/.test(password) });
  if (policy.requireLowercase) checks.push({ rule: 'lowercase', valid: /[a-z]/.test(password) });
  return checks;
}

/** True when every rule passes and the password has no leading or trailing white space (Cognito refuses those). */
export function isPasswordValid(policy: PasswordPolicy, password: string): boolean {
  if (password !== password.trim()) return false;
  return checkPassword(policy, password).every((c) => c.valid);
}
