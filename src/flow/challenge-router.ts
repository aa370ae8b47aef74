import type { ChallengeNameType } from '../api/types.js';
import { authError } from '../errors.js';
import { tokensFrom } from '../session/tokens.js';
import type { ChallengeStep } from '../state/index.js';
import type { AuthResponse, FlowCore } from './core.js';
import { devicesJourney, mfaJourney, mfaSetupJourney, newPasswordJourney, passkeyJourney, userAuthJourney, type JourneyLoader } from './journeys.js';
import type { Guard } from './runner.js';
import { passwordVerifier } from './sign-in.js';
import { answerChallenge, enterSignedIn } from './steps.js';

/** What a challenge handler decided. */
export type ChallengeResult =
  /** The user must answer: show this screen (its intent answers later). */
  | { show: ChallengeStep }
  /** No user needed: answer the same challenge with these ChallengeResponses and follow Cognito's next answer. */
  | { answer: Record<string, string> }
  /** The handler has set the state itself (e.g. it started TOTP set-up at once). */
  | { done: true };

/** One turn of the loop: the flow, who is signing in, and the guard of the running intent. */
export interface ChallengeTurn {
  flow: FlowCore;
  username: string;
  guard: Guard;
}

/** Handles one ChallengeName, seeing the whole response (ChallengeParameters and top-level fields alike). */
export type ChallengeHandler = (response: AuthResponse, turn: ChallengeTurn) => Promise<ChallengeResult>;

/** A handler of a journey loaded with import() on its first challenge, so the first paint never carries it. */
function lazy<K extends string>(load: JourneyLoader<Record<K, ChallengeHandler>>, name: K): ChallengeHandler {
  return async (response, turn) => (load.loaded ?? (await load()))[name](response, turn);
}
const signInCode = lazy(userAuthJourney, 'signInCodeStep');
// Preloaded when the sign-in starts (AuthFlow.signIn), so it is there long before Cognito asks for a code.
const mfaCodeStep = lazy(mfaJourney, 'mfaCodeStep');

/**
 * ChallengeName -> handler. Adding a challenge is one handler (in its journey's file) and one row here; a name with no
 * row is an `unsupported-challenge` error.
 */
export const CHALLENGE_HANDLERS: Partial<Record<ChallengeNameType, ChallengeHandler>> = {
  PASSWORD_VERIFIER: passwordVerifier,
  SMS_MFA: mfaCodeStep,
  // EMAIL_OTP is MFA after a password, or the first factor of a USER_AUTH sign-in the user chose it for.
  EMAIL_OTP: (response, turn) => (turn.flow.context.firstFactor ? signInCode : mfaCodeStep)(response, turn),
  SOFTWARE_TOKEN_MFA: mfaCodeStep,
  SELECT_MFA_TYPE: lazy(mfaJourney, 'selectMfaStep'),
  MFA_SETUP: lazy(mfaSetupJourney, 'mfaSetupStep'),
  NEW_PASSWORD_REQUIRED: lazy(newPasswordJourney, 'newPasswordStep'),
  // choice-based sign-in, passkeys, remembered devices (issue 14)
  SELECT_CHALLENGE: lazy(userAuthJourney, 'selectChallenge'),
  SMS_OTP: signInCode,
  WEB_AUTHN: lazy(passkeyJourney, 'webAuthnStep'),
  DEVICE_SRP_AUTH: lazy(devicesJourney, 'deviceSrpAuth'),
  DEVICE_PASSWORD_VERIFIER: lazy(devicesJourney, 'devicePasswordVerifier'),
};

/**
 * Follows an InitiateAuth/RespondToAuthChallenge answer: tokens mean signed in; a challenge goes to its handler, which
 * either becomes a state (a screen) or answers by itself, and then the next answer is followed the same way.
 */
export async function followAuth(flow: FlowCore, response: AuthResponse, username: string, guard: Guard): Promise<void> {
  const { context } = flow;
  for (;;) {
    if (response.AuthenticationResult) {
      let tokens = tokensFrom(response.AuthenticationResult, flow.clock.now());
      // A new device to confirm, or a remembered one whose key the session must refresh with (devices.ts).
      if (tokens.deviceKey || context.deviceKey) {
        tokens = await (await devicesJourney()).deviceOfSignIn(flow, tokens, Boolean(response.AuthenticationResult.NewDeviceMetadata), username);
      }
      const session = flow.sessions.start(tokens);
      if (flow.config.passkeyPrompt) {
        const p = await passkeyJourney();
        if (await p.shouldOfferPasskey(flow, username)) return p.offerPasskey(flow, session, username);
      }
      enterSignedIn(flow, session, false);
      return;
    }
    const name = response.ChallengeName ?? '';
    const params = response.ChallengeParameters ?? {};
    context.cognitoSession = response.Session;
    context.challengeName = name;
    context.userIdForSrp = params.USER_ID_FOR_SRP ?? context.userIdForSrp ?? username;
    const handler = CHALLENGE_HANDLERS[name as ChallengeNameType];
    if (!handler) throw authError('unsupported-challenge', { cognitoName: name });
    const result = await handler(response, { flow, username, guard });
    if ('answer' in result) {
      response = await guard(answerChallenge(flow, name, result.answer));
      // The user id of an automatic step answers that step only; the next challenge names its own (else the username).
      context.userIdForSrp = undefined;
      continue;
    }
    if ('show' in result) flow.runner.set({ ...result.show, username, busy: false });
    return;
  }
}
