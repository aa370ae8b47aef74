import type { CodeDeliveryDetailsType } from '../api/types.js';
import { authError, type AuthErrorCode } from '../errors.js';
import { isPasswordValid } from '../password-policy.js';
import type { UserSession } from '../session/tokens.js';
import type { AuthState, CodeDelivery, Notice } from '../state/index.js';
import type { AuthError } from '../errors.js';
import type { FlowCore } from './core.js';
import { unverifiedAttributes, verifyState } from './verify-check.js';

// The small steps several journeys share, each written once.

export function fail(code: AuthErrorCode, field?: string): never {
  throw authError(code, { field });
}

/** The trimmed value, or a `required-field` error on `field`. */
export function required(value: string, field: string): string {
  const v = value.trim();
  if (!v) fail('required-field', field);
  return v;
}

/** A new password (and its confirmation, when the form has one) checked against the pool's policy before sending. */
export function checkNewPassword(flow: FlowCore, password: string, confirmPassword: string | undefined): void {
  if (!password) fail('required-field', 'password');
  if (!isPasswordValid(flow.config.passwordPolicy, password)) fail('password-policy', 'password');
  if (confirmPassword !== undefined && confirmPassword !== password) fail('passwords-do-not-match', 'confirm_password');
}

/** `{ [key]: SecretHash }` for an app client with a secret, `{}` otherwise: spread into a request or its parameters. */
export async function secretHash<K extends string>(flow: FlowCore, key: K, username: string): Promise<Partial<Record<K, string>>> {
  const hash = flow.config.secretHash;
  if (!hash) return {};
  return { [key]: await hash(username) } as Record<K, string>;
}

/** `ClientId`, `Username` and `SecretHash`: the head of every unauthenticated user operation (SignUp, ForgotPassword, …). */
export async function userRequest(flow: FlowCore, username: string): Promise<{ ClientId: string; Username: string; SecretHash?: string }> {
  return { ClientId: flow.config.clientId, Username: username, ...(await secretHash(flow, 'SecretHash', username)) };
}

/** RespondToAuthChallenge for the challenge in the context, as USER_ID_FOR_SRP, with SECRET_HASH when needed. */
export async function answerChallenge(
  flow: FlowCore,
  challengeName: string,
  responses: Record<string, string>,
  session = flow.context.cognitoSession,
) {
  const { userIdForSrp: userId = '', deviceKey } = flow.context;
  const hash = await secretHash(flow, 'SECRET_HASH', userId);
  return flow.api.respondToAuthChallenge({
    ClientId: flow.config.clientId,
    ChallengeName: challengeName as never,
    Session: session,
    // ChallengeResponseType: "Include a DEVICE_KEY for device authentication", in every answer (an MFA code's too, or
    // Cognito takes a known device that is not remembered for a new one, every time).
    ChallengeResponses: { USERNAME: userId, ...(deviceKey && { DEVICE_KEY: deviceKey }), ...responses, ...hash },
  });
}

/**
 * The signed-in state for `session`; fires `signed-in` unless `quiet` (the state was already signed in). After a new
 * sign-in (not a restored session) with `verifyAttributes`, an unverified email or phone number shows the
 * verify-attributes state instead: `signed-in` fires all the same, as the user is signed in (verify-check.ts).
 */
export function enterSignedIn(flow: FlowCore, session: UserSession, restored: boolean, quiet = false): void {
  flow.runner.forget();
  const verify = restored || quiet ? undefined : verifyState(flow.config, session, unverifiedAttributes(flow.config, session.claims));
  flow.runner.set(verify ? { ...verify, busy: false } : { screen: 'signed-in', username: session.username, session, busy: false });
  if (!quiet) flow.runner.emit({ type: 'signed-in', session, restored });
}

/** Back to the sign-in form with the username kept, saying why (a notice or an error); the journey is forgotten. */
export function backToSignIn(flow: FlowCore, username: string, why: { notice?: Notice; error?: AuthError } = {}): void {
  flow.runner.forget();
  flow.runner.set({ screen: 'sign-in', username, busy: false, ...why } as AuthState);
}

/** Cognito's CodeDeliveryDetails as the state shows it. */
export function delivery(d: CodeDeliveryDetailsType | undefined): CodeDelivery | undefined {
  if (!d?.Destination) return undefined;
  return { medium: d.DeliveryMedium ?? 'EMAIL', destination: d.Destination, attribute: d.AttributeName };
}
