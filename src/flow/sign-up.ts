import { AuthError, authError } from '../errors.js';
import type { FlowCore } from './core.js';
import type { Guard } from './runner.js';
import { signInWith } from './sign-in.js';
import { backToSignIn, checkNewPassword, delivery, fail, required, secretHash, userRequest } from './steps.js';
import { readCode } from './code.js';

export interface SignUpInput {
  username: string;
  /** Optional only with `passwordlessSignUp`: then an empty password signs up without one. */
  password?: string;
  confirmPassword?: string;
  attributes?: Record<string, string>;
  /**
   * Sent as SignUp's ClientMetadata (fields the page sends to its Lambda triggers only, not as attributes); the
   * config's clientMetadata is added to it (src/api/request-extras.ts).
   */
  clientMetadata?: Record<string, string>;
  /** Attributes that must not be empty (checked in form order, before anything is sent). */
  requiredAttributes?: string[];
}

/**
 * SignUp. With email or phone usernames the username is that address, and it is also sent as the attribute.
 * Unconfirmed accounts go to confirmation; auto-confirmed ones are signed in with the password just typed.
 */
export async function signUp(flow: FlowCore, input: SignUpInput, guard: Guard): Promise<void> {
  const username = required(input.username, 'username');
  const attributes: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.attributes ?? {})) if (v.trim()) attributes[k] = v.trim();
  for (const name of input.requiredAttributes ?? []) if (!attributes[name]) fail('required-field', name);
  const password = input.password ?? '';
  const passwordless = flow.config.passwordlessSignUp && !password;
  if (!passwordless) checkNewPassword(flow, password, input.confirmPassword);
  const kinds = flow.config.usernameAttributes;
  if (kinds.length > 0) {
    const kind = kinds.length === 1 ? kinds[0]! : username.includes('@') ? 'email' : 'phone_number';
    attributes[kind] ??= username;
  }
  flow.runner.set({ ...flow.runner.state, username });
  const result = await guard(
    flow.api.signUp({
      ...(await userRequest(flow, username)),
      ...(passwordless ? {} : { Password: password }),
      UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
      ...(input.clientMetadata && Object.keys(input.clientMetadata).length ? { ClientMetadata: { ...input.clientMetadata } } : {}),
    }).catch((e: unknown) => {
      throw taken(flow, e);
    }),
  );
  flow.runner.emit({ type: 'signed-up', username, userSub: result.UserSub, confirmed: Boolean(result.UserConfirmed) });
  // With USER_AUTH (signInMethods), ConfirmSignUp's Session signs the user in: the password is not kept in memory.
  flow.context.signUpSession = result.Session;
  if (!passwordless && flow.config.signInMethods.length === 0) flow.context.password = password;
  if (result.UserConfirmed) {
    if (passwordless) return backToSignIn(flow, username, { notice: 'account-confirmed' });
    return signInWith(flow, username, password, guard);
  }
  flow.runner.set({ screen: 'confirm-sign-up', username, busy: false, delivery: delivery(result.CodeDeliveryDetails) });
}

/**
 * With email or phone usernames the screen asks for an email address (or phone number), so "this username already
 * exists" would name something the user never typed: say which it is. Pools with both keep "username".
 */
function taken(flow: FlowCore, e: unknown): unknown {
  const kinds = flow.config.usernameAttributes;
  if (!(e instanceof AuthError) || e.code !== 'username-exists' || kinds.length !== 1) return e;
  const { cognitoName, cognitoMessage, status } = e;
  return authError(kinds[0] === 'email' ? 'email-exists' : 'phone-exists', { cognitoName, cognitoMessage, status, field: e.field ?? 'username' });
}

/**
 * ConfirmSignUp; then signs in: with the Session it returns (USER_AUTH clients, `signInMethods`: the code just typed
 * is the first factor, no second code and no password), else with the password typed earlier on this page, if any.
 */
export async function confirmSignUp(flow: FlowCore, input: { code: string }, guard: Guard): Promise<void> {
  const username = flow.runner.state.username;
  const code = readCode(input.code);
  const Session = flow.context.signUpSession;
  const confirmed = await guard(
    flow.api.confirmSignUp({ ...(await userRequest(flow, username)), ConfirmationCode: code, ...(Session ? { Session } : {}) }),
  );
  if (confirmed.Session && flow.config.signInMethods.length > 0) return signInWithSession(flow, username, confirmed.Session, guard);
  const password = flow.context.password;
  if (password) return signInWith(flow, username, password, guard);
  backToSignIn(flow, username, { notice: 'account-confirmed' });
}

/** InitiateAuth USER_AUTH with ConfirmSignUp's Session: Cognito takes the confirmation code as the first factor. */
async function signInWithSession(flow: FlowCore, username: string, session: string, guard: Guard): Promise<void> {
  flow.context.signUpSession = undefined;
  const AuthParameters = { USERNAME: username, ...(await secretHash(flow, 'SECRET_HASH', username)) };
  const response = await guard(flow.api.initiateAuth({ AuthFlow: 'USER_AUTH', ClientId: flow.config.clientId, AuthParameters, Session: session }));
  await flow.follow(response, username, guard);
}

export async function resendSignUpCode(flow: FlowCore, guard: Guard): Promise<void> {
  const username = flow.runner.state.username;
  const sent = await guard(flow.api.resendConfirmationCode(await userRequest(flow, username)));
  flow.runner.set({ screen: 'confirm-sign-up', username, busy: false, delivery: delivery(sent.CodeDeliveryDetails), notice: 'code-resent' });
}
