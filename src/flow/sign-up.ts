import type { FlowCore } from './core.js';
import { signInWith } from './sign-in.js';
import { backToSignIn, checkNewPassword, delivery, fail, readCode, required, userRequest } from './steps.js';

export interface SignUpInput {
  username: string;
  password: string;
  confirmPassword?: string;
  attributes?: Record<string, string>;
  /** Attributes that must not be empty (checked in form order, before anything is sent). */
  requiredAttributes?: string[];
}

/**
 * SignUp. With email or phone usernames the username is that address, and it is also sent as the attribute.
 * Unconfirmed accounts go to confirmation; auto-confirmed ones are signed in with the password just typed.
 */
export function signUp(flow: FlowCore, input: SignUpInput): Promise<void> {
  return flow.runner.run(['sign-up'], async (guard) => {
    const username = required(input.username, 'username');
    const attributes: Record<string, string> = {};
    for (const [k, v] of Object.entries(input.attributes ?? {})) if (v.trim()) attributes[k] = v.trim();
    for (const name of input.requiredAttributes ?? []) if (!attributes[name]) fail('required-field', name);
    checkNewPassword(flow, input.password, input.confirmPassword);
    const kinds = flow.config.usernameAttributes;
    if (kinds.length > 0) {
      const kind = kinds.length === 1 ? kinds[0]! : username.includes('@') ? 'email' : 'phone_number';
      attributes[kind] ??= username;
    }
    flow.runner.set({ ...flow.runner.state, username });
    const result = await guard(
      flow.api.signUp({
        ...(await userRequest(flow, username)),
        Password: input.password,
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      }),
    );
    flow.runner.emit({ type: 'signed-up', username, userSub: result.UserSub, confirmed: Boolean(result.UserConfirmed) });
    flow.context.password = input.password;
    if (result.UserConfirmed) return signInWith(flow, username, input.password, guard);
    flow.runner.set({ screen: 'confirm-sign-up', username, busy: false, delivery: delivery(result.CodeDeliveryDetails) });
  });
}

/** ConfirmSignUp; then signs in with the password typed earlier on this page, if there was one. */
export function confirmSignUp(flow: FlowCore, input: { code: string }): Promise<void> {
  return flow.runner.run(['confirm-sign-up'], async (guard) => {
    const username = flow.runner.state.username;
    const code = readCode(input.code);
    await guard(flow.api.confirmSignUp({ ...(await userRequest(flow, username)), ConfirmationCode: code }));
    const password = flow.context.password;
    if (password) return signInWith(flow, username, password, guard);
    backToSignIn(flow, username, { notice: 'account-confirmed' });
  });
}

export function resendSignUpCode(flow: FlowCore): Promise<void> {
  return flow.runner.run(['confirm-sign-up'], async (guard) => {
    const username = flow.runner.state.username;
    const sent = await guard(flow.api.resendConfirmationCode(await userRequest(flow, username)));
    flow.runner.set({ screen: 'confirm-sign-up', username, busy: false, delivery: delivery(sent.CodeDeliveryDetails), notice: 'code-resent' });
  });
}
