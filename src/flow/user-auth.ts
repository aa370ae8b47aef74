import type { ChallengeNameType } from '../api/types.js';
import type { SignInMethod } from '../config.js';
import { AuthError, authError } from '../errors.js';
import type { AuthState, StateOf } from '../state/index.js';
import type { ChallengeHandler } from './challenge-router.js';
import type { FlowCore } from './core.js';
import { requireWebAuthn } from './passkey.js';
import { devicesJourney } from './journeys.js';
import type { Guard } from './runner.js';
import { deviceKeyParam } from './sign-in.js';
import { answerChallenge, fail, required, secretHash } from './steps.js';
import { readCode } from './code.js';

// Choice-based sign-in: InitiateAuth USER_AUTH, SELECT_CHALLENGE, and one-time codes as the first factor. Loaded with
// import() (AuthFlow, challenge-router.ts): a password-only page never downloads it.

type OtpMethod = 'email-otp' | 'sms-otp';

const OTP: Record<OtpMethod, { challenge: ChallengeNameType; key: string }> = {
  'email-otp': { challenge: 'EMAIL_OTP', key: 'EMAIL_OTP_CODE' },
  'sms-otp': { challenge: 'SMS_OTP', key: 'SMS_OTP_CODE' },
};

/** The challenge name of a method: the password one follows `authFlow` (SRP unless USER_PASSWORD_AUTH). */
function challengeOf(flow: FlowCore, method: SignInMethod): ChallengeNameType {
  if (method === 'password') return flow.config.authFlow === 'USER_PASSWORD_AUTH' ? 'PASSWORD' : 'PASSWORD_SRP';
  return method === 'passkey' ? 'WEB_AUTHN' : OTP[method].challenge;
}

const METHOD_OF: Partial<Record<string, SignInMethod>> = {
  PASSWORD: 'password',
  PASSWORD_SRP: 'password',
  EMAIL_OTP: 'email-otp',
  SMS_OTP: 'sms-otp',
  WEB_AUTHN: 'passkey',
};

/** Cognito's AvailableChallenges ∩ the page's methods, in the page's order; passkeys only where the browser has them. */
async function offered(flow: FlowCore, available: readonly string[]): Promise<SignInMethod[]> {
  const theirs = new Set(available.map((c) => METHOD_OF[c]));
  const webauthn = theirs.has('passkey') ? await flow.webauthn() : undefined;
  return flow.config.signInMethods.filter((m) => theirs.has(m) && (m !== 'passkey' || webauthn?.supported() === true));
}

/** The ChallengeResponses (or AuthParameters) that carry the password: PASSWORD, or SRP_A with its exchange kept. */
async function passwordProof(flow: FlowCore): Promise<Record<string, string>> {
  const password = flow.context.password ?? '';
  if (flow.config.authFlow === 'USER_PASSWORD_AUTH') return { PASSWORD: password };
  const srp = (await flow.srp())();
  flow.context.srp = srp;
  return { SRP_A: srp.A };
}

/** Where a chosen method leads without asking Cognito: the password screen when no password was typed. */
function needsPassword(flow: FlowCore, method: SignInMethod, username: string): boolean {
  if (method !== 'password' || flow.context.password) return false;
  flow.runner.set({ screen: 'sign-in-password', username, methods: flow.context.methods ?? flow.config.signInMethods, busy: false });
  return true;
}

/**
 * A remembered device Cognito no longer knows fails the password step ("Device does not exist.", devices.ts says where):
 * devices.ts forgets it, and USER_AUTH starts again once, without it, with the same method, as a new device's.
 */
async function orAgainWithoutStaleDevice(flow: FlowCore, username: string, method: SignInMethod | undefined, guard: Guard, step: Promise<void>) {
  try {
    await step;
  } catch (e) {
    if (!flow.context.deviceKey || !(await (await devicesJourney()).staleDevice(flow, username, e))) throw e;
    flow.context.cognitoSession = undefined;
    await initiate(flow, username, method, guard);
  }
}

/** InitiateAuth USER_AUTH, with PREFERRED_CHALLENGE when the page or the user chose (`method`). */
function initiate(flow: FlowCore, username: string, method: SignInMethod | undefined, guard: Guard): Promise<void> {
  return orAgainWithoutStaleDevice(flow, username, method, guard, initiateOnce(flow, username, method, guard));
}

async function initiateOnce(flow: FlowCore, username: string, method: SignInMethod | undefined, guard: Guard): Promise<void> {
  if (method && needsPassword(flow, method, username)) return;
  if (method === 'passkey') await requireWebAuthn(flow);
  flow.context.firstFactor = method === 'email-otp' || method === 'sms-otp';
  const params: Record<string, string> = { USERNAME: username, ...(await secretHash(flow, 'SECRET_HASH', username)) };
  if (method) {
    params.PREFERRED_CHALLENGE = challengeOf(flow, method);
    if (method === 'password') Object.assign(params, await passwordProof(flow));
  }
  Object.assign(params, await deviceKeyParam(flow, username));
  const response = await guard(flow.api.initiateAuth({ AuthFlow: 'USER_AUTH', ClientId: flow.config.clientId, AuthParameters: params }));
  flow.context.userIdForSrp = undefined;
  await flow.follow(response, username, guard);
}

/** Answers the SELECT_CHALLENGE in the context with `method`, or starts again with it as PREFERRED_CHALLENGE. */
async function useMethod(flow: FlowCore, username: string, method: SignInMethod, guard: Guard): Promise<void> {
  if (flow.context.challengeName !== 'SELECT_CHALLENGE' || !flow.context.cognitoSession) return initiate(flow, username, method, guard);
  if (needsPassword(flow, method, username)) return;
  if (method === 'passkey') await requireWebAuthn(flow);
  flow.context.firstFactor = method === 'email-otp' || method === 'sms-otp';
  const answer = async () => {
    const proof = method === 'password' ? await passwordProof(flow) : {};
    const response = await guard(answerChallenge(flow, 'SELECT_CHALLENGE', { ANSWER: challengeOf(flow, method), ...proof }));
    await flow.follow(response, username, guard);
  };
  await orAgainWithoutStaleDevice(flow, username, method, guard, answer());
}

/**
 * A failed step goes back to the choice, with the error, so the other methods stay offered (a passkey that did not
 * work, no method at all); Cognito's session is dropped either way, so the next choice starts a new USER_AUTH.
 */
function recover(flow: FlowCore) {
  return async (error: AuthError, username: string): Promise<AuthState | undefined> => {
    flow.context.cognitoSession = undefined;
    flow.context.challengeName = undefined;
    if (!error.code.startsWith('passkey-') && error.code !== 'no-sign-in-method') return undefined;
    const methods = (flow.context.methods ?? flow.config.signInMethods).filter((m) => error.code !== 'passkey-not-supported' || m !== 'passkey');
    return { screen: 'sign-in-method', username, methods, busy: false, error };
  };
}

/**
 * The identifier-first sign-in form's intent (`config.signInMethods` set): with a password typed (and `password`
 * offered) it signs in at once; with one method, that one; else Cognito says which methods this user has.
 */
export function signInUserAuth(flow: FlowCore, input: { username: string; password?: string }): Promise<void> {
  return flow.runner.run(
    ['sign-in'],
    async (guard) => {
      const username = required(input.username, 'username');
      const methods = flow.config.signInMethods;
      flow.context.password = input.password || undefined;
      flow.context.methods = undefined;
      flow.runner.set({ ...flow.runner.state, username });
      const method = input.password && methods.includes('password') ? 'password' : methods.length === 1 ? methods[0] : undefined;
      await initiate(flow, username, method, guard);
    },
    async (error, username) => {
      const next = await recover(flow)(error, username);
      // The sign-in form keeps what it had; the password is never kept after a failure.
      flow.context.password = undefined;
      return next?.screen === 'sign-in-method' && flow.config.signInMethods.length === 1 ? undefined : next;
    },
  );
}

/** "Sign in with …" on the choice (and "Sign in another way" from the password or code step). */
export function chooseSignInMethod(flow: FlowCore, method: SignInMethod): Promise<void> {
  /** The later step's challenge, while another way is tried from it (undefined from the choice). */
  let left: { cognitoSession: string | undefined; challengeName: string | undefined } | undefined;
  return flow.runner.run(
    ['sign-in-method', 'sign-in-password', 'sign-in-code'],
    async (guard) => {
      const state = flow.runner.state as StateOf<'sign-in-method'>;
      if (!state.methods.includes(method)) fail('invalid-parameter');
      flow.context.methods = state.methods;
      left = undefined;
      if (state.screen === 'sign-in-method') flow.runner.set({ ...state, pending: method, busy: true });
      else {
        // Another way from a later step: that step's Cognito session answers nothing else. The step stays (busy) until
        // the next one is known: passing through the choice would flash it, move focus to its heading and fire a
        // screen change for a screen the user never chose.
        const { cognitoSession, challengeName } = flow.context;
        left = { cognitoSession, challengeName };
        flow.context.cognitoSession = undefined;
        flow.context.challengeName = undefined;
      }
      await useMethod(flow, state.username, method, guard);
    },
    async (error, username) => {
      const next = await recover(flow)(error, username);
      // A failure that stays on the later step (its error shown there, "Try again" offered) leaves it answerable:
      // the code typed there still goes with its own session.
      if (!next && left) Object.assign(flow.context, left);
      return next;
    },
  );
}

/** The password step's intent (the user picked `password` without having typed it). */
export function submitSignInPassword(flow: FlowCore, input: { password: string }): Promise<void> {
  return flow.runner.run(
    ['sign-in-password'],
    async (guard) => {
      if (!input.password) fail('required-field', 'password');
      flow.context.password = input.password;
      await useMethod(flow, flow.runner.state.username, 'password', guard);
    },
    async (error, username) => {
      flow.context.password = undefined;
      return recover(flow)(error, username);
    },
  );
}

/** Answers EMAIL_OTP / SMS_OTP as the first factor with the code the user typed. */
export function submitSignInCode(flow: FlowCore, input: { code: string }): Promise<void> {
  return flow.runner.run(['sign-in-code'], async (guard) => {
    const state = flow.runner.state as StateOf<'sign-in-code'>;
    const code = readCode(input.code);
    const { challenge, key } = OTP[state.method];
    const response = await guard(answerChallenge(flow, challenge, { [key]: code }));
    await flow.follow(response, state.username, guard);
  });
}

/**
 * "Send a new code": Cognito has no resend for a sign-in code, so this starts USER_AUTH again with the same method as
 * PREFERRED_CHALLENGE (a new code, a new session); the code step comes back saying `code-resent`.
 */
export function resendSignInCode(flow: FlowCore): Promise<void> {
  return flow.runner.run(['sign-in-code'], async (guard) => {
    const state = flow.runner.state as StateOf<'sign-in-code'>;
    flow.context.methods = state.methods;
    await initiate(flow, state.username, state.method, guard);
    const now = flow.runner.state;
    if (now.screen === 'sign-in-code') flow.runner.set({ ...now, notice: 'code-resent' });
  });
}

// ---- challenge handlers (rows in challenge-router.ts) -------------------------------------------------------------

/** SELECT_CHALLENGE: the user picks (or, with a password typed or one method left, the flow answers by itself). */
export const selectChallenge: ChallengeHandler = async (response, { flow, username }) => {
  const methods = await offered(flow, response.AvailableChallenges ?? []);
  flow.context.methods = methods;
  if (methods.length === 0) throw authError('no-sign-in-method');
  const only = methods.length === 1 ? methods[0]! : undefined;
  const method = flow.context.password && methods.includes('password') ? 'password' : only && only !== 'password' ? only : undefined;
  if (!method) {
    if (only === 'password') return { show: { screen: 'sign-in-password', methods } };
    return { show: { screen: 'sign-in-method', methods } };
  }
  if (method === 'passkey') await requireWebAuthn(flow);
  flow.context.firstFactor = method === 'email-otp' || method === 'sms-otp';
  const proof = method === 'password' ? await passwordProof(flow) : {};
  void username;
  return { answer: { ANSWER: challengeOf(flow, method), ...proof } };
};

/** EMAIL_OTP / SMS_OTP as the first factor: the code step, with the masked destination. */
export const signInCodeStep: ChallengeHandler = async (response, { flow }) => {
  const method: OtpMethod = response.ChallengeName === 'SMS_OTP' ? 'sms-otp' : 'email-otp';
  const p = response.ChallengeParameters ?? {};
  const destination = p.CODE_DELIVERY_DESTINATION;
  const medium = p.CODE_DELIVERY_DELIVERY_MEDIUM ?? (method === 'sms-otp' ? 'SMS' : 'EMAIL');
  const methods = flow.context.methods ?? flow.config.signInMethods;
  return { show: { screen: 'sign-in-code', method, delivery: destination ? { medium, destination } : undefined, methods } };
};
