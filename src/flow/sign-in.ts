import { authError, toAuthError, type AuthError } from '../errors.js';
import type { PasswordVerifierChallenge } from '../crypto/srp-user.js';
import type { AuthState } from '../state/index.js';
import type { ChallengeHandler } from './challenge-router.js';
import type { FlowCore } from './core.js';
import { devicesJourney, preload, resetJourney, signUpJourney } from './journeys.js';
import type { Guard } from './runner.js';
import { delivery, fail, required, secretHash, userRequest } from './steps.js';

/**
 * The sign-in form's intent: InitiateAuth with the username and password. With `signInMethods` the form is
 * identifier-first and the password optional: USER_AUTH (src/flow/user-auth.ts, loaded on first use).
 */
export async function signIn(flow: FlowCore, input: { username: string; password?: string }): Promise<void> {
  if (flow.config.signInMethods.length > 0) return (await import('./user-auth.js')).signInUserAuth(flow, input);
  return flow.runner.run(
    ['sign-in'],
    async (guard) => {
      const username = required(input.username, 'username');
      const password = input.password;
      if (!password) fail('required-field', 'password');
      flow.context.password = password;
      flow.runner.set({ ...flow.runner.state, username });
      await signInWith(flow, username, password, guard);
    },
    (error, username) => signInFailed(flow, error, username),
  );
}

/**
 * InitiateAuth with the configured flow: USER_PASSWORD_AUTH sends the password; USER_SRP_AUTH (the default) sends
 * SRP_A and lets the router answer PASSWORD_VERIFIER (see passwordVerifier). Also the last step of sign-up,
 * confirmation and SMS set-up, which sign in with the password typed earlier on the page.
 */
export async function signInWith(flow: FlowCore, username: string, password: string, guard: Guard): Promise<void> {
  const { config, context } = flow;
  try {
    const srp = config.authFlow === 'USER_PASSWORD_AUTH' ? undefined : (await flow.srp())();
    context.srp = srp;
    const secret: Record<string, string> = srp ? { SRP_A: srp.A } : { PASSWORD: password };
    const AuthParameters = { USERNAME: username, ...secret, ...(await secretHash(flow, 'SECRET_HASH', username)), ...(await deviceKeyParam(flow, username)) };
    const response = await guard(flow.api.initiateAuth({ AuthFlow: config.authFlow, ClientId: config.clientId, AuthParameters }));
    context.userIdForSrp = undefined;
    await flow.follow(response, username, guard);
  } catch (e) {
    // A remembered device Cognito no longer knows: devices.ts forgets it, and the same sign-in runs again without it.
    if (!context.deviceKey || !(await (await devicesJourney()).staleDevice(flow, username, e))) throw e;
    await signInWith(flow, username, password, guard);
  }
}

/**
 * `{ DEVICE_KEY }` when this browser is a device Cognito knows for `username` (the device store, which survives
 * sign-out), so a remembered device skips MFA; kept in the context for the session's refreshes. `{}` otherwise.
 */
export async function deviceKeyParam(flow: FlowCore, username: string): Promise<{ DEVICE_KEY?: string }> {
  const deviceKey = flow.hasDevice(username) ? (await flow.devices()).device(username)?.deviceKey : undefined;
  flow.context.deviceKey = deviceKey;
  return deviceKey ? { DEVICE_KEY: deviceKey } : {};
}

/**
 * PASSWORD_VERIFIER needs no answer from the user: the claim is computed from the password and the SRP exchange
 * started in signInWith, at the flow's clock (Cognito checks TIMESTAMP), and sent by the router.
 */
export const passwordVerifier: ChallengeHandler = async (response, { flow }) => {
  const srp = flow.context.srp;
  const password = flow.context.password;
  if (!srp || password === undefined) throw authError('unsupported-challenge', { cognitoName: response.ChallengeName });
  const p = response.ChallengeParameters ?? {};
  let claim;
  try {
    claim = await srp.passwordClaim({
      userPoolId: flow.config.userPoolId,
      userIdForSrp: flow.context.userIdForSrp ?? '',
      password,
      // As Cognito sent them: the SRP code checks each one (a missing or malformed one is srp-invalid-challenge).
      challenge: { SRP_B: p.SRP_B, SALT: p.SALT, SECRET_BLOCK: p.SECRET_BLOCK } as Partial<PasswordVerifierChallenge> as PasswordVerifierChallenge,
      now: flow.clock.now(),
    });
  } catch (e) {
    throw authError('srp-invalid-challenge', { cognitoMessage: (e as Error | undefined)?.message });
  }
  // Used once: a second PASSWORD_VERIFIER would need a new exchange.
  flow.context.srp = undefined;
  // The remembered device is named here too (answerChallenge adds DEVICE_KEY), or Cognito asks for MFA again.
  return { answer: { ...claim } };
};

/** Where a failed sign-in leads: unconfirmed accounts to confirmation, reset accounts to a reset code and a new password. */
async function signInFailed(flow: FlowCore, error: AuthError, username: string): Promise<AuthState | undefined> {
  if (error.code === 'user-not-confirmed') {
    // Cognito sends no code on a failed sign-in: ask for one, and go to confirmation even if that fails.
    preload(signUpJourney); // confirmation's intents, loading while the code is sent
    try {
      const sent = await flow.api.resendConfirmationCode(await userRequest(flow, username));
      return { screen: 'confirm-sign-up', username, busy: false, delivery: delivery(sent.CodeDeliveryDetails) };
    } catch (e) {
      return { screen: 'confirm-sign-up', username, busy: false, resendError: toAuthError(e) };
    }
  }
  // The hosted UI clears the password after a failed sign-in; nothing of it stays here either.
  flow.context.password = undefined;
  if (error.code === 'password-reset-required') return (await resetJourney()).resetRequired(flow, username);
  return undefined;
}
