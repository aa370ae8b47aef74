// MFA_SETUP: a pool that requires MFA (MfaConfiguration ON) signs a user without a second factor in through TOTP set-up.
//
// InitiateAuth (password or SRP claim correct) → ChallengeName MFA_SETUP, ChallengeParameters MFAS_CAN_SETUP, Session;
// AssociateSoftwareToken { Session } → { SecretCode, Session }; VerifySoftwareToken { Session, UserCode } →
// { Status: "SUCCESS", Session }; RespondToAuthChallenge MFA_SETUP { Session, USERNAME } → AuthenticationResult.
// Each Session is good for one step (and 3 minutes, sessions.js). A wrong code is EnableSoftwareTokenMFAException.
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html (MFA_SETUP)
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssociateSoftwareToken.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
// cognito-local has no Session-based set-up (and refuses such a user with NotAuthorizedException), so the double runs
// the steps; it writes the result into cognito-local through cognito-local's own AccessToken operations, with an
// access token it mints for that user and never hands out, so cognito-local stays the one owner of the user record.
import { randomBytes } from 'node:crypto';
import { CognitoError, invalidParameter, notAuthorized } from './errors.js';
import { realTimeCode } from './totp.js';

export const CODE_MISMATCH_ON_ENABLE = 'Code mismatch and fail enable Software Token MFA';

/** True when the user has no second factor yet (cognito-local's fields for SMS and TOTP). */
const hasMfa = (user) => (user.UserMFASettingList ?? []).length > 0 || (user.MFAOptions ?? []).length > 0;

export function createMfaSetup({ store, upstream, sessions, tokens, totp, finish }) {
  const steps = new Map(); // Session → { step: 'associate' | 'verify' | 'respond', poolId, clientId, username, secret? }

  /** A fresh Session for the next step, valid for 3 minutes like any challenge session. */
  function next(state) {
    const Session = randomBytes(96).toString('base64');
    sessions.record({ status: 200, json: { Session } });
    steps.set(Session, state);
    return Session;
  }
  /** The state of a Session issued for `step`, consumed (one use). */
  function take(session, step) {
    sessions.check(session);
    const state = steps.get(session);
    if (!state || state.step !== step) throw notAuthorized('Invalid session for the user.');
    steps.delete(session);
    return state;
  }
  async function internalAccessToken(state) {
    const client = await store.client(state.clientId);
    const user = await store.user(state.poolId, state.username);
    if (!client || !user) throw notAuthorized('Invalid session for the user.');
    return (await tokens.issue(user, client)).AccessToken;
  }

  return {
    /** The MFA_SETUP challenge when the pool requires MFA and this user, password right, has none; else null. */
    async challenge(req) {
      const client = await store.client(req.ClientId);
      if (!client || req.AuthFlow !== 'USER_PASSWORD_AUTH') return null;
      const { Options = {} } = await store.pool(client.UserPoolId);
      const user = await store.user(client.UserPoolId, req.AuthParameters?.USERNAME ?? '');
      if (Options.MfaConfiguration !== 'ON' || !user || hasMfa(user) || user.UserStatus !== 'CONFIRMED') return null;
      if (user.Password !== req.AuthParameters?.PASSWORD) return null; // cognito-local answers the wrong password
      return {
        status: 200,
        json: {
          ChallengeName: 'MFA_SETUP',
          ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']), USER_ID_FOR_SRP: user.Username },
          Session: next({ step: 'associate', poolId: client.UserPoolId, clientId: req.ClientId, username: user.Username }),
        },
      };
    },

    async associate(req) {
      const state = take(req.Session, 'associate');
      const answer = await upstream('AssociateSoftwareToken', { AccessToken: await internalAccessToken(state) });
      if (answer.status !== 200) return answer;
      const secret = answer.json.SecretCode;
      return { SecretCode: secret, Session: next({ ...state, step: 'verify', secret }) };
    },

    async verify(req) {
      if (!req.UserCode) throw invalidParameter('Missing required parameter UserCode');
      sessions.check(req.Session);
      const state = steps.get(req.Session);
      if (state?.step === 'verify' && !totp.accept(`${state.poolId}/${state.username}`, state.secret, req.UserCode)) {
        throw new CognitoError('EnableSoftwareTokenMFAException', CODE_MISMATCH_ON_ENABLE);
      }
      take(req.Session, 'verify');
      const answer = await upstream('VerifySoftwareToken', {
        AccessToken: await internalAccessToken(state),
        UserCode: realTimeCode(state.secret),
        ...(req.FriendlyDeviceName ? { FriendlyDeviceName: req.FriendlyDeviceName } : {}),
      });
      if (answer.status !== 200) return answer;
      return { Status: 'SUCCESS', Session: next({ ...state, step: 'respond' }) };
    },

    /** RespondToAuthChallenge MFA_SETUP: signs the user in (tokens on the double's clock, see tokens.js). */
    async respond(req) {
      const state = take(req.Session, 'respond');
      const user = await store.user(state.poolId, req.ChallengeResponses?.USERNAME ?? '');
      if (!user || user.Username !== state.username || state.clientId !== req.ClientId) throw notAuthorized('Invalid session for the user.');
      const client = await store.client(req.ClientId);
      return finish(req, { ChallengeParameters: {}, AuthenticationResult: await tokens.issue(user, client, { source: 'Authentication' }) });
    },
  };
}
