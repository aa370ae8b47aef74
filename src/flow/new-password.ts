import type { AuthState } from '../state/index.js';
import type { ChallengeHandler } from './challenge-router.js';
import type { FlowCore } from './core.js';
import { parseJson } from './mfa.js';
import { answerChallenge, checkNewPassword, fail } from './steps.js';

// NEW_PASSWORD_REQUIRED: an account created by an administrator sets its own password (and any required attributes).

// Attributes Cognito lists in userAttributes that a user cannot write.
const READ_ONLY_ATTRIBUTES = new Set(['sub', 'email_verified', 'phone_number_verified', 'identities', 'cognito:user_status']);

export const newPasswordStep: ChallengeHandler = async (response) => {
  const params = response.ChallengeParameters ?? {};
  const required = parseJson<unknown>(params.requiredAttributes, []);
  const attributes = parseJson<unknown>(params.userAttributes, {});
  const userAttributes: Record<string, string> = {};
  if (typeof attributes === 'object' && attributes !== null) {
    for (const [k, v] of Object.entries(attributes)) {
      if (!READ_ONLY_ATTRIBUTES.has(k) && typeof v === 'string') userAttributes[k] = v;
    }
  }
  return {
    show: {
      screen: 'new-password',
      // Cognito prefixes them "userAttributes."; the screen wants the plain attribute names.
      requiredAttributes: Array.isArray(required)
        ? required.filter((a): a is string => typeof a === 'string').map((a) => a.replace(/^userAttributes\./, ''))
        : [],
      userAttributes,
    },
  };
};

/** ChallengeResponses for NEW_PASSWORD_REQUIRED: the new password plus each attribute as `userAttributes.<name>`. */
export function newPasswordResponses(newPassword: string, attributes: Record<string, string>): Record<string, string> {
  const responses: Record<string, string> = { NEW_PASSWORD: newPassword };
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== '') responses[`userAttributes.${name}`] = value;
  }
  return responses;
}

/** Answers NEW_PASSWORD_REQUIRED with the new password and the attributes Cognito asked for. */
export function completeNewPassword(
  flow: FlowCore,
  input: { password: string; confirmPassword?: string; attributes?: Record<string, string> },
): Promise<void> {
  return flow.runner.run(['new-password'], async (guard) => {
    const state = flow.runner.state as Extract<AuthState, { screen: 'new-password' }>;
    checkNewPassword(flow, input.password, input.confirmPassword);
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(input.attributes ?? {})) attributes[k] = v.trim();
    for (const name of state.requiredAttributes) if (!attributes[name]) fail('required-field', name);
    flow.context.password = input.password;
    const response = await guard(answerChallenge(flow, 'NEW_PASSWORD_REQUIRED', newPasswordResponses(input.password, attributes)));
    await flow.follow(response, state.username, guard);
  });
}
