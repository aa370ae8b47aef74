// The operations the double answers or checks before cognito-local does; every other operation is forwarded as is.
// Each entry names the rule it adds; the rule's own module cites the Cognito API Reference page it follows.
import { createResend } from './delivery.js';
import { CognitoError } from './errors.js';
import { createFailures } from './failures.js';
import { enforcePolicy } from './password-policy.js';
import { createSessions } from './sessions.js';
import { createSrpAuth } from './srp-auth.js';

/** The claims of a JWT, unverified (only to find the pool an access token belongs to). */
function claims(token) {
  try {
    return JSON.parse(Buffer.from(String(token).split('.')[1], 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

export function createHandlers({ store, clock, upstream }) {
  const failures = createFailures({ clock });
  const srp = createSrpAuth({ store, clock, upstream, failures });
  const resend = createResend({ store });
  const sessions = createSessions({ clock });
  /** Passes an answer on, remembering the challenge Session it carries (see sessions.js). */
  const withSession = (answer) => {
    sessions.record(answer);
    return answer;
  };

  /**
   * USER_PASSWORD_AUTH through cognito-local, with the lockout (failures.js) around it and Cognito's answer for a
   * wrong password or an unknown user: NotAuthorizedException "Incorrect username or password." (cognito-local says
   * InvalidPasswordException / "User not authorized"; API_InitiateAuth lists NotAuthorizedException).
   */
  async function passwordAuth(req) {
    const client = await store.client(req.ClientId);
    const user = client && req.AuthParameters?.USERNAME ? await store.user(client.UserPoolId, req.AuthParameters.USERNAME) : null;
    if (user) failures.check(client.UserPoolId, user.Username);
    const answer = await upstream('InitiateAuth', req);
    const type = answer.json?.__type;
    if (answer.status === 400 && (type === 'InvalidPasswordException' || type === 'NotAuthorizedException' || type === 'UserNotFoundException')) {
      if (user) failures.failed(client.UserPoolId, user.Username);
      throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
    }
    if (answer.status === 200 && user) failures.succeeded(client.UserPoolId, user.Username);
    return answer;
  }

  async function poolOptionsForClient(clientId) {
    const client = await store.client(clientId);
    if (!client) throw new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
    return (await store.pool(client.UserPoolId)).Options;
  }
  async function poolOptionsForToken(accessToken) {
    const iss = claims(accessToken)?.iss;
    const poolId = typeof iss === 'string' ? iss.split('/').pop() : undefined;
    if (!poolId) return undefined; // cognito-local rejects the token itself
    try {
      return (await store.pool(poolId)).Options;
    } catch {
      return undefined;
    }
  }

  return {
    async InitiateAuth(req) {
      if (req.AuthFlow === 'USER_SRP_AUTH') return srp.initiate(req);
      if (req.AuthFlow === 'USER_PASSWORD_AUTH') return withSession(await passwordAuth(req));
      return upstream('InitiateAuth', req);
    },
    async RespondToAuthChallenge(req) {
      if (req.ChallengeName === 'PASSWORD_VERIFIER') return withSession(await srp.verify(req));
      if (req.Session) sessions.check(req.Session);
      if (req.ChallengeName === 'NEW_PASSWORD_REQUIRED') enforcePolicy(req.ChallengeResponses?.NEW_PASSWORD, await poolOptionsForClient(req.ClientId));
      return withSession(await upstream('RespondToAuthChallenge', req));
    },
    async SignUp(req) {
      enforcePolicy(req.Password, await poolOptionsForClient(req.ClientId));
      return upstream('SignUp', req);
    },
    async ConfirmForgotPassword(req) {
      enforcePolicy(req.Password, await poolOptionsForClient(req.ClientId));
      return upstream('ConfirmForgotPassword', req);
    },
    async ChangePassword(req) {
      const options = await poolOptionsForToken(req.AccessToken);
      if (options) enforcePolicy(req.ProposedPassword, options);
      return upstream('ChangePassword', req);
    },
    ResendConfirmationCode: (req) => resend(req),
    // Answered by cognito-local; routed through the double only so their delivery destinations get masked.
    ForgotPassword: (req) => upstream('ForgotPassword', req),
    GetUserAttributeVerificationCode: (req) => upstream('GetUserAttributeVerificationCode', req),
    UpdateUserAttributes: (req) => upstream('UpdateUserAttributes', req),
  };
}
