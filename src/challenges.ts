import { authError } from './errors.js';

/** MFA methods as Cognito names them in MFAS_CAN_CHOOSE, MFAS_CAN_SETUP and challenge names. */
export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

export interface CodeDelivery {
  /** `EMAIL` or `SMS`. */
  medium: string;
  /** Masked by Cognito, e.g. `a***@e***.com` or `+*******0100`. */
  destination: string;
  attribute?: string;
}

/** What a challenge asks of the user: the screen to show and what it needs, before busy/error are added. */
export type ChallengeStep =
  | { screen: 'mfa-code'; mfaType: MfaType; delivery?: CodeDelivery; deviceName?: string }
  | { screen: 'select-mfa'; options: MfaType[] }
  | { screen: 'setup-mfa'; options: MfaType[] }
  | { screen: 'new-password'; requiredAttributes: string[]; userAttributes: Record<string, string> };

const MFA_TYPES: readonly MfaType[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

function parseJson<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

function mfaList(text: string | undefined): MfaType[] {
  const raw = parseJson<unknown>(text, []);
  if (!Array.isArray(raw)) return [];
  // MFAS_CAN_SETUP names email "EMAIL_OTP"; older pools may say "EMAIL_MFA".
  return raw
    .map((m) => (m === 'EMAIL_MFA' ? 'EMAIL_OTP' : m))
    .filter((m): m is MfaType => MFA_TYPES.includes(m as MfaType));
}

// Attributes Cognito lists in userAttributes that a user cannot write.
const READ_ONLY_ATTRIBUTES = new Set(['sub', 'email_verified', 'phone_number_verified', 'identities', 'cognito:user_status']);

/** The step for a ChallengeName, from its ChallengeParameters. Throws `unsupported-challenge` for the others. */
export function challengeStep(name: string, params: Record<string, string>): ChallengeStep {
  switch (name) {
    case 'SMS_MFA':
    case 'EMAIL_OTP':
      return {
        screen: 'mfa-code',
        mfaType: name,
        delivery: params.CODE_DELIVERY_DESTINATION
          ? {
              medium: params.CODE_DELIVERY_DELIVERY_MEDIUM ?? (name === 'SMS_MFA' ? 'SMS' : 'EMAIL'),
              destination: params.CODE_DELIVERY_DESTINATION,
            }
          : undefined,
      };
    case 'SOFTWARE_TOKEN_MFA':
      return { screen: 'mfa-code', mfaType: 'SOFTWARE_TOKEN_MFA', deviceName: params.FRIENDLY_DEVICE_NAME || undefined };
    case 'SELECT_MFA_TYPE':
      return { screen: 'select-mfa', options: mfaList(params.MFAS_CAN_CHOOSE) };
    case 'MFA_SETUP':
      return { screen: 'setup-mfa', options: mfaList(params.MFAS_CAN_SETUP) };
    case 'NEW_PASSWORD_REQUIRED': {
      const required = parseJson<unknown>(params.requiredAttributes, []);
      const attributes = parseJson<unknown>(params.userAttributes, {});
      const userAttributes: Record<string, string> = {};
      if (typeof attributes === 'object' && attributes !== null) {
        for (const [k, v] of Object.entries(attributes)) {
          if (!READ_ONLY_ATTRIBUTES.has(k) && typeof v === 'string') userAttributes[k] = v;
        }
      }
      return {
        screen: 'new-password',
        // Cognito prefixes them "userAttributes."; the screen wants the plain attribute names.
        requiredAttributes: Array.isArray(required)
          ? required.filter((a): a is string => typeof a === 'string').map((a) => a.replace(/^userAttributes\./, ''))
          : [],
        userAttributes,
      };
    }
    default:
      throw authError('unsupported-challenge', { cognitoName: name });
  }
}

/** The ChallengeResponses key that carries a code for each MFA type. */
export const CODE_RESPONSE_KEY: Record<MfaType, string> = {
  SMS_MFA: 'SMS_MFA_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
};

/** ChallengeResponses for NEW_PASSWORD_REQUIRED: the new password plus each attribute as `userAttributes.<name>`. */
export function newPasswordResponses(newPassword: string, attributes: Record<string, string>): Record<string, string> {
  const responses: Record<string, string> = { NEW_PASSWORD: newPassword };
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== '') responses[`userAttributes.${name}`] = value;
  }
  return responses;
}

/** The otpauth:// URI an authenticator app reads from the set-up QR code (Key Uri Format). */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${query.toString()}`;
}
