import type { FlowCore } from './core.js';
import { backToSignIn, checkNewPassword, delivery, readCode, required, userRequest } from './steps.js';

/** ForgotPassword: sends a reset code (again, from the confirmation screen). */
export function forgotPassword(flow: FlowCore, input: { username: string }): Promise<void> {
  return flow.runner.run(['forgot-password', 'confirm-forgot-password'], async (guard) => {
    const username = required(input.username, 'username');
    const resend = flow.runner.state.screen === 'confirm-forgot-password';
    const sent = await guard(flow.api.forgotPassword(await userRequest(flow, username)));
    flow.runner.set({
      screen: 'confirm-forgot-password',
      username,
      busy: false,
      delivery: delivery(sent.CodeDeliveryDetails),
      notice: resend ? 'code-resent' : undefined,
    });
  });
}

/** ConfirmForgotPassword: the code and the new password; then back to sign-in. */
export function confirmForgotPassword(flow: FlowCore, input: { code: string; password: string; confirmPassword?: string }): Promise<void> {
  return flow.runner.run(['confirm-forgot-password'], async (guard) => {
    const username = flow.runner.state.username;
    const code = readCode(input.code);
    checkNewPassword(flow, input.password, input.confirmPassword);
    await guard(flow.api.confirmForgotPassword({ ...(await userRequest(flow, username)), ConfirmationCode: code, Password: input.password }));
    backToSignIn(flow, username, { notice: 'password-changed' });
  });
}
