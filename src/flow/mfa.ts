import type { AuthState, MfaType } from '../state/index.js';
import type { ChallengeHandler } from './challenge-router.js';
import type { FlowCore } from './core.js';
import type { Guard } from './runner.js';
import { answerChallenge, fail } from './steps.js';
import { readCode } from './code.js';

// MFA at sign-in: a code (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP) or the choice between methods (SELECT_MFA_TYPE).

const MFA_TYPES: readonly MfaType[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];

/** The ChallengeResponses key that carries a code for each MFA type. */
export const CODE_RESPONSE_KEY: Record<MfaType, string> = {
  SMS_MFA: 'SMS_MFA_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
};

/** A ChallengeParameters value that holds JSON (MFAS_CAN_CHOOSE, userAttributes, …), or `fallback`. */
export function parseJson<T>(text: string | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** MFAS_CAN_CHOOSE / MFAS_CAN_SETUP as MFA types, unknown ones dropped. */
export function mfaList(text: string | undefined): MfaType[] {
  const raw = parseJson<unknown>(text, []);
  if (!Array.isArray(raw)) return [];
  // MFAS_CAN_SETUP names email "EMAIL_OTP"; older pools may say "EMAIL_MFA".
  return raw
    .map((m) => (m === 'EMAIL_MFA' ? 'EMAIL_OTP' : m))
    .filter((m): m is MfaType => MFA_TYPES.includes(m as MfaType));
}

export const mfaCodeStep: ChallengeHandler = async (response) => {
  const params = response.ChallengeParameters ?? {};
  const name = response.ChallengeName as MfaType;
  if (name === 'SOFTWARE_TOKEN_MFA') {
    return { show: { screen: 'mfa-code', mfaType: name, deviceName: params.FRIENDLY_DEVICE_NAME || undefined } };
  }
  const destination = params.CODE_DELIVERY_DESTINATION;
  const medium = params.CODE_DELIVERY_DELIVERY_MEDIUM ?? (name === 'SMS_MFA' ? 'SMS' : 'EMAIL');
  return { show: { screen: 'mfa-code', mfaType: name, delivery: destination ? { medium, destination } : undefined } };
};

export const selectMfaStep: ChallengeHandler = async (response) => ({
  show: { screen: 'select-mfa', options: mfaList(response.ChallengeParameters?.MFAS_CAN_CHOOSE) },
});

/**
 * Answers SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP with the code the user typed. `rememberDevice` is the "Remember this
 * device" checkbox of pools where users opt in: it is sent (UpdateDeviceStatus) once the sign-in gives a device. The
 * work of AuthFlow's intent, which runs it on 'mfa-code' (busy first, then this module, preloaded at sign-in).
 */
export async function submitMfaCode(flow: FlowCore, input: { code: string; rememberDevice?: boolean }, guard: Guard): Promise<void> {
  const state = flow.runner.state as Extract<AuthState, { screen: 'mfa-code' }>;
  const code = readCode(input.code);
  flow.context.rememberDevice = input.rememberDevice;
  const response = await guard(answerChallenge(flow, state.mfaType, { [CODE_RESPONSE_KEY[state.mfaType]]: code }));
  await flow.follow(response, state.username, guard);
}

/** Answers SELECT_MFA_TYPE (the work of AuthFlow's intent, run on 'select-mfa'). */
export async function selectMfa(flow: FlowCore, mfaType: MfaType, guard: Guard): Promise<void> {
  const state = flow.runner.state as Extract<AuthState, { screen: 'select-mfa' }>;
  if (!state.options.includes(mfaType)) fail('invalid-parameter', 'mfa');
  const response = await guard(answerChallenge(flow, 'SELECT_MFA_TYPE', { ANSWER: mfaType }));
  await flow.follow(response, state.username, guard);
}
