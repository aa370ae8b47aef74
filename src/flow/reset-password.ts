import { AuthError, authError, FIELD_OF_ERROR, toAuthError } from '../errors.js';
import type { AuthState } from '../state/index.js';
import type { FlowCore } from './core.js';
import type { Guard } from './runner.js';
import { backToSignIn, checkNewPassword, delivery, required, userRequest } from './steps.js';
import { readCode } from './code.js';

/**
 * With email or phone usernames the screen asks for an email address (or phone number), so "no account with that
 * username" would name something the user never typed: say which it is. Pools with both keep "username".
 */
function notFound(flow: FlowCore, e: unknown): unknown {
  const kinds = flow.config.usernameAttributes;
  if (!(e instanceof AuthError) || e.code !== 'user-not-found' || kinds.length !== 1) return e;
  const { cognitoName, cognitoMessage, status } = e;
  return authError(kinds[0] === 'email' ? 'email-not-found' : 'phone-not-found', { cognitoName, cognitoMessage, status, field: e.field ?? 'username' });
}

/** ForgotPassword: sends a reset code (again, from the confirmation screen). */
export async function forgotPassword(flow: FlowCore, input: { username: string }, guard: Guard): Promise<void> {
  const username = required(input.username, 'username');
  const resend = flow.runner.state.screen === 'confirm-forgot-password';
  const sent = await guard(flow.api.forgotPassword(await userRequest(flow, username)).catch((e: unknown) => {
    throw notFound(flow, e);
  }));
  flow.runner.set({
    screen: 'confirm-forgot-password',
    username,
    busy: false,
    delivery: delivery(sent.CodeDeliveryDetails),
    notice: resend ? 'code-resent' : undefined,
  });
}

/**
 * Where a sign-in refused with PasswordResetRequiredException leads. Cognito sends no code with that refusal (an
 * imported user, or an administrator's reset whose code has expired), so ForgotPassword asks for one first: then the
 * code screen says where it went. If no code can be sent, the forgot-password screen shows why, the username kept, so
 * the user can ask again from there.
 */
export async function resetRequired(flow: FlowCore, username: string): Promise<AuthState> {
  try {
    const sent = await flow.api.forgotPassword(await userRequest(flow, username));
    return {
      screen: 'confirm-forgot-password',
      username,
      busy: false,
      delivery: delivery(sent.CodeDeliveryDetails),
      notice: 'password-reset-required',
    };
  } catch (e) {
    let error = toAuthError(notFound(flow, e));
    const field = FIELD_OF_ERROR[error.code];
    if (!error.field && field) error = error.withField(field);
    return { screen: 'forgot-password', username, busy: false, error };
  }
}

/** ConfirmForgotPassword: the code and the new password; then back to sign-in. */
export async function confirmForgotPassword(flow: FlowCore, input: { code: string; password: string; confirmPassword?: string }, guard: Guard): Promise<void> {
  const username = flow.runner.state.username;
  const code = readCode(input.code);
  checkNewPassword(flow, input.password, input.confirmPassword);
  const request = { ...(await userRequest(flow, username)), ConfirmationCode: code, Password: input.password };
  await guard(flow.api.confirmForgotPassword(request).catch((e: unknown) => {
    throw notFound(flow, e);
  }));
  backToSignIn(flow, username, { notice: 'password-changed' });
}
