// Choice-based sign-in (InitiateAuth AuthFlow USER_AUTH), which cognito-local lacks.
//
// InitiateAuth USER_AUTH {USERNAME, PREFERRED_CHALLENGE?, PASSWORD? / SRP_A?} answers SELECT_CHALLENGE with the
// top-level AvailableChallenges, or - when PREFERRED_CHALLENGE names one of them - goes straight to that challenge.
// RespondToAuthChallenge SELECT_CHALLENGE {USERNAME, ANSWER, + PASSWORD / SRP_A} starts the chosen one: PASSWORD and
// PASSWORD_SRP finish in that same request when it carries PASSWORD / SRP_A (else a PASSWORD / PASSWORD_SRP challenge
// asks for it), EMAIL_OTP / SMS_OTP send a code (one-time-codes.js), WEB_AUTHN sends CREDENTIAL_REQUEST_OPTIONS
// (webauthn.js). The client must allow ALLOW_USER_AUTH (else InvalidParameterException):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html (AuthFlow, AuthParameters, AvailableChallenges, Session)
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html (ChallengeResponses)
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ChallengeResponseType.html
//   https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html
// AvailableChallenges = the pool's allowed first factors (sign-in-policy.js) that this user can use: PASSWORD and
// PASSWORD_SRP need a password; EMAIL_OTP a verified email, SMS_OTP a verified phone, WEB_AUTHN a registered passkey -
// and these three only for a user without MFA in a pool that does not require it ("MFA and passwordless cannot be
// used together": https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html#user-pool-settings-mfa-prerequisites).
// The double's choices where AWS documents nothing: the order of AvailableChallenges (PASSWORD, PASSWORD_SRP, EMAIL_OTP,
// SMS_OTP, WEB_AUTHN); a PREFERRED_CHALLENGE the user cannot use gets SELECT_CHALLENGE; an unknown user (with
// PreventUserExistenceErrors) is offered every allowed factor and fails at the end like a wrong answer.
// A passwordless first factor (one-time code, passkey) ends in tokens without MFA; PASSWORD / PASSWORD_SRP go on like
// USER_PASSWORD_AUTH / USER_SRP_AUTH (MFA, NEW_PASSWORD_REQUIRED, DEVICE_SRP_AUTH). Every Session: 3 minutes, one use
// (steps.js); a wrong one-time code may be typed again with the same Session.
import { CognitoError, invalidParameter, notAuthorized } from './errors.js';
import { canReceive } from './one-time-codes.js';
import { allowedFirstFactors, allowsUserAuth } from './sign-in-policy.js';

export const USER_AUTH_CHALLENGES = ['SELECT_CHALLENGE', 'PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];
const FIRST_FACTOR_CHALLENGES = ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];
const INCORRECT = 'Incorrect username or password.';

const hasMfa = (user) => (user?.UserMFASettingList ?? []).length > 0 || (user?.MFAOptions ?? []).length > 0;

/**
 * `password(req, username, password)` / `srp(req, username, srpA)`: the double's USER_PASSWORD_AUTH and USER_SRP_AUTH
 * (handlers.js); `signedIn(req, user, client)`: tokens for a finished passwordless sign-in; `signUpSession`: rule 4's
 * check of a ConfirmSignUp Session (passwordless-sign-up.js).
 */
export function createUserAuth({ store, steps, codes, webauthn, password, srp, signedIn, signUpSession }) {
  async function clientOf(clientId) {
    const client = await store.client(clientId);
    if (!client) throw new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
    return client;
  }

  /** The challenges `user` may choose from (null: an unknown user, offered every allowed factor). */
  function available(user, Options, poolId) {
    const factors = allowedFirstFactors(Options);
    const out = [];
    if (factors.includes('PASSWORD') && (!user || user.Password)) out.push('PASSWORD', 'PASSWORD_SRP');
    const passwordless = !user || (Options.MfaConfiguration !== 'ON' && !hasMfa(user));
    if (passwordless) {
      for (const otp of ['EMAIL_OTP', 'SMS_OTP']) if (factors.includes(otp) && (!user || canReceive(user, otp))) out.push(otp);
      if (factors.includes('WEB_AUTHN') && (!user || webauthn.count(poolId, user.Username) > 0)) out.push('WEB_AUTHN');
    }
    return out;
  }

  /** Starts `challenge` for the sign-in in `ctx`; `extra`: PASSWORD / SRP_A sent along with the choice. */
  async function begin(req, challenge, ctx, extra) {
    const name = ctx.username ?? ctx.typed;
    const next = (step, ChallengeParameters = {}) => ({ ChallengeName: step, Session: steps.issue({ ...ctx, step }), ChallengeParameters });
    switch (challenge) {
      case 'PASSWORD':
        return extra.PASSWORD ? password(req, name, extra.PASSWORD) : next('PASSWORD');
      case 'PASSWORD_SRP':
        return extra.SRP_A ? srp(req, name, extra.SRP_A) : next('PASSWORD_SRP');
      case 'EMAIL_OTP':
      case 'SMS_OTP': {
        const user = ctx.username ? await store.user(ctx.poolId, ctx.username) : null;
        return next(challenge, codes.send(user, challenge, ctx.typed));
      }
      case 'WEB_AUTHN': {
        const options = await webauthn.requestOptions(ctx.poolId, ctx.username);
        return { ChallengeName: 'WEB_AUTHN', Session: steps.issue({ ...ctx, step: 'WEB_AUTHN', webAuthnChallenge: options.challenge }), ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: options.json } };
      }
      default:
        throw invalidParameter(`Invalid challenge: ${challenge}`);
    }
  }

  /** USERNAME of a challenge answer must name the user the Session belongs to. */
  async function checkUser(state, name) {
    if (!name) throw invalidParameter('Missing required parameter USERNAME');
    const user = await store.user(state.poolId, name);
    if (state.username ? user?.Username !== state.username : name !== state.typed) throw notAuthorized('Invalid session for the user.');
  }

  /** Tokens for a passwordless first factor, or the wrong-answer error an unknown user always gets. */
  async function finishPasswordless(req, state) {
    const user = state.username ? await store.user(state.poolId, state.username) : null;
    if (!user) throw notAuthorized(INCORRECT);
    return signedIn(req, user, await clientOf(state.clientId));
  }

  return {
    async initiate(req) {
      const client = await clientOf(req.ClientId);
      if (!allowsUserAuth(client)) throw invalidParameter('USER_AUTH is not enabled for the client.');
      const params = req.AuthParameters ?? {};
      if (!params.USERNAME) throw invalidParameter('Missing required parameter USERNAME');
      const poolId = client.UserPoolId;
      const { Options = {} } = await store.pool(poolId);
      const user = await store.user(poolId, params.USERNAME);
      if (req.Session !== undefined) {
        // Signing in with the Session of ConfirmSignUp: the confirmation code was the first factor.
        signUpSession(req.Session, client, user);
        return signedIn(req, user, client);
      }
      if (!user && client.PreventUserExistenceErrors !== 'ENABLED') throw new CognitoError('UserNotFoundException', 'User does not exist.');
      const choices = available(user, Options, poolId);
      const ctx = { poolId, clientId: client.ClientId, username: user?.Username ?? null, typed: params.USERNAME, available: choices };
      const preferred = params.PREFERRED_CHALLENGE;
      if (preferred !== undefined && !FIRST_FACTOR_CHALLENGES.includes(preferred)) throw invalidParameter(`Invalid PREFERRED_CHALLENGE: ${preferred}`);
      if (preferred && choices.includes(preferred)) return begin(req, preferred, ctx, params);
      return { ChallengeName: 'SELECT_CHALLENGE', Session: steps.issue({ ...ctx, step: 'SELECT_CHALLENGE' }), ChallengeParameters: {}, AvailableChallenges: choices };
    },

    async respond(req) {
      const r = req.ChallengeResponses ?? {};
      const name = req.ChallengeName;
      const otp = name === 'EMAIL_OTP' || name === 'SMS_OTP';
      const state = steps.take(req.Session, [name], { keep: otp });
      if (state.clientId !== req.ClientId) throw notAuthorized('Invalid session for the user.');
      await checkUser(state, r.USERNAME);
      switch (name) {
        case 'SELECT_CHALLENGE':
          if (!state.available.includes(r.ANSWER)) throw invalidParameter(`ANSWER must be one of the AvailableChallenges: ${state.available.join(', ')}`);
          return begin(req, r.ANSWER, state, r);
        case 'PASSWORD':
          if (!r.PASSWORD) throw invalidParameter('Missing required parameter PASSWORD');
          return password(req, r.USERNAME, r.PASSWORD);
        case 'PASSWORD_SRP':
          if (!r.SRP_A) throw invalidParameter('Missing required parameter SRP_A');
          return srp(req, r.USERNAME, r.SRP_A);
        case 'EMAIL_OTP':
        case 'SMS_OTP':
          codes.check(name, r, Boolean(state.username));
          steps.drop(req.Session);
          return finishPasswordless(req, state);
        case 'WEB_AUTHN':
          if (!r.CREDENTIAL) throw invalidParameter('Missing required parameter CREDENTIAL');
          await webauthn.verifyAssertion({ poolId: state.poolId, username: state.username, credential: r.CREDENTIAL, challenge: state.webAuthnChallenge });
          return finishPasswordless(req, state);
        default:
          throw invalidParameter(`Invalid challenge: ${name}`);
      }
    },
  };
}
