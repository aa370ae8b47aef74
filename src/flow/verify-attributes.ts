import { authError } from '../errors.js';
import type { UserSession } from '../session/tokens.js';
import type { StateOf } from '../state/index.js';
import type { FlowCore } from './core.js';
import { delivery, enterSignedIn } from './steps.js';
import { readCode } from './code.js';
import { unverifiedAttributes, verifyState } from './verify-check.js';

// "Verify your email" after sign-in (the verify-attributes state, see verify-check.ts for when it shows): send a code
// (GetUserAttributeVerificationCode), enter it (VerifyUserAttribute), or skip unless `verifyAttributesRequired`.
// Loaded with import() by AuthFlow's intents: a page without `verifyAttributes` never downloads it.
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUserAttributeVerificationCode.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifyUserAttribute.html

type VerifyState = StateOf<'verify-attributes'>;

// Renew first when the access token has less than this left: the user may have lingered on the screen.
const FRESH_MS = 60_000;

/** The signed-in session with an access token that will still work for the request. */
async function freshSession(flow: FlowCore): Promise<UserSession> {
  let session = flow.sessions.session;
  if (session && (session.stale || session.tokens.expiresAt - flow.clock.now() < FRESH_MS)) session = await flow.sessions.refresh();
  if (!session) throw authError('not-signed-in');
  return session;
}

/** The next attribute to verify after this one, or the signed-in state (quietly: `signed-in` fired at sign-in). */
function next(flow: FlowCore, state: VerifyState, session: UserSession): void {
  const following = verifyState(flow.config, session, state.remaining);
  if (following) flow.runner.set({ ...following, busy: false });
  else enterSignedIn(flow, session, true, true);
}

/** Sends a code to the attribute being verified (again, when one was sent: then the notice says so). */
export function sendAttributeCode(flow: FlowCore): Promise<void> {
  return flow.runner.run(['verify-attributes'], async (guard) => {
    const state = flow.runner.state as VerifyState;
    const session = await guard(freshSession(flow));
    const sent = await guard(flow.api.getUserAttributeVerificationCode({ AccessToken: session.tokens.accessToken, AttributeName: state.attribute }));
    flow.runner.set({
      ...state,
      session,
      busy: false,
      codeSent: true,
      delivery: delivery(sent.CodeDeliveryDetails),
      notice: state.codeSent ? 'code-resent' : undefined,
    });
  });
}

/**
 * Verifies the attribute with the code the user typed, then renews the tokens so the ID token's claims say it is
 * verified (a page reading `email_verified` sees the truth), and moves on to the next attribute or to signed-in.
 */
export function verifyAttribute(flow: FlowCore, input: { code: string }): Promise<void> {
  return flow.runner.run(['verify-attributes'], async (guard) => {
    const state = flow.runner.state as VerifyState;
    const code = readCode(input.code);
    const session = await guard(freshSession(flow));
    await guard(flow.api.verifyUserAttribute({ AccessToken: session.tokens.accessToken, AttributeName: state.attribute, Code: code }));
    // A renewal that fails for a network reason keeps the old claims; Cognito has the attribute verified either way.
    await guard(flow.sessions.refresh());
    const renewed = flow.sessions.session;
    // Refused (revoked meanwhile): the session has ended and the sign-in form shows why.
    if (!renewed) return;
    // The renewed claims may show another listed attribute verified meanwhile: only those still unverified remain.
    const unverified = unverifiedAttributes(flow.config, renewed.claims);
    next(flow, { ...state, remaining: state.remaining.filter((a) => unverified.includes(a)) }, renewed);
  });
}

/** Leaves the attribute unverified for now (impossible when `verifyAttributesRequired`). */
export function skipAttributeVerification(flow: FlowCore): void {
  const state = flow.runner.state;
  const session = flow.sessions.session;
  if (state.screen !== 'verify-attributes' || state.required || state.busy || !session) return;
  flow.runner.supersede();
  next(flow, state, session);
}
