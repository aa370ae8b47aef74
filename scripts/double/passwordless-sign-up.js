// Passwordless sign-up and signing in straight from the sign-up (SignUp → ConfirmSignUp → InitiateAuth USER_AUTH with
// the Session), which cognito-local lacks.
//
// - SignUp without a Password (omitted or blank) is allowed when passwordless sign-in is available: the pool allows
//   EMAIL_OTP or SMS_OTP as a first factor, the app client allows USER_AUTH, and the user gives the attribute that
//   factor needs (email / phone_number); otherwise Cognito requires a password:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html (Password)
//   https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html (Passwords at sign-up)
// - SignUp returns a Session to pass to ConfirmSignUp; ConfirmSignUp with it returns a Session; InitiateAuth USER_AUTH
//   with that Session (top-level, beside AuthParameters USERNAME) signs the user in without a second code - "the
//   one-time verification password from ConfirmSignUp" is the first factor; only for a user who just confirmed, within
//   the session's lifetime:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html (Session in the response)
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmSignUp.html (Session)
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html (Session)
// The double issues these Sessions only to clients that allow USER_AUTH (the only flow that takes them), and
// ConfirmSignUp returns one only when it got SignUp's (a confirmation without it - e.g. after a reload - answers {} as
// before). A SignUp Session that expired (3 minutes, like every session) does not stop the confirmation; it only
// yields no Session. Confirming also marks the attribute the code went to as verified, as Cognito does
// (https://docs.aws.amazon.com/cognito/latest/developerguide/signing-up-users-in-your-app.html), so the new user can
// get EMAIL_OTP / SMS_OTP codes later; cognito-local does not.
import { CognitoError, invalidParameter, notAuthorized } from './errors.js';
import { enforcePolicy } from './password-policy.js';
import { allowedFirstFactors, allowsUserAuth } from './sign-in-policy.js';
import { attribute } from './store.js';

const given = (req, name) => (req.UserAttributes ?? []).find((a) => a.Name === name)?.Value;

export function createPasswordlessSignUp({ store, upstream, steps }) {
  async function clientOf(clientId) {
    const client = await store.client(clientId);
    if (!client) throw new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
    return client;
  }

  /** True when this SignUp may leave the password out. */
  function passwordlessAllowed(req, client, Options) {
    if (!allowsUserAuth(client)) return false;
    const factors = allowedFirstFactors(Options);
    const aliases = Options.UsernameAttributes ?? [];
    const email = given(req, 'email') ?? (aliases.includes('email') && String(req.Username).includes('@') ? req.Username : undefined);
    const phone = given(req, 'phone_number') ?? (aliases.includes('phone_number') && /^\+\d+$/.test(String(req.Username)) ? req.Username : undefined);
    return (factors.includes('EMAIL_OTP') && Boolean(email)) || (factors.includes('SMS_OTP') && Boolean(phone));
  }

  /** The Session of `session` for `step` if it is still good, else null (never an error). */
  function tryTake(session, step) {
    if (typeof session !== 'string' || !steps.owns(session)) return null;
    try {
      return steps.take(session, [step]);
    } catch {
      return null;
    }
  }

  return {
    async signUp(req) {
      const client = await clientOf(req.ClientId);
      const { Options = {} } = await store.pool(client.UserPoolId);
      const blank = req.Password === undefined || req.Password === null || req.Password === '';
      if (blank && !passwordlessAllowed(req, client, Options)) throw invalidParameter('Password is required unless passwordless sign-in is available to the user.');
      if (!blank) enforcePolicy(req.Password, Options);
      const { Password, ...rest } = req;
      const answer = await upstream('SignUp', blank ? rest : req);
      if (answer.status !== 200 || !allowsUserAuth(client)) return answer;
      const user = await store.user(client.UserPoolId, req.Username);
      if (!user) return answer;
      const Session = steps.issue({ step: 'SIGN_UP', poolId: client.UserPoolId, clientId: client.ClientId, username: user.Username });
      return { status: 200, json: { ...answer.json, Session } };
    },

    async confirm(req) {
      const { Session, ...rest } = req;
      const answer = await upstream('ConfirmSignUp', rest);
      if (answer.status !== 200) return answer;
      const client = await clientOf(req.ClientId);
      const { Options = {} } = await store.pool(client.UserPoolId);
      const user = await store.user(client.UserPoolId, req.Username);
      if (user) {
        // The code went to the email when the pool verifies email (or the user has no phone), else to the phone.
        const email = attribute(user, 'email');
        const phone = attribute(user, 'phone_number');
        const name = email && ((Options.AutoVerifiedAttributes ?? []).includes('email') || !phone) ? 'email' : phone ? 'phone_number' : null;
        if (name && attribute(user, `${name}_verified`) !== 'true') {
          // cognito-local wants the attribute itself beside its _verified flag.
          const UserAttributes = [{ Name: name, Value: attribute(user, name) }, { Name: `${name}_verified`, Value: 'true' }];
          await upstream('AdminUpdateUserAttributes', { UserPoolId: client.UserPoolId, Username: user.Username, UserAttributes });
        }
      }
      const state = tryTake(Session, 'SIGN_UP');
      if (!state || !user || state.username !== user.Username || state.clientId !== client.ClientId) return answer;
      return { status: 200, json: { ...answer.json, Session: steps.issue({ step: 'CONFIRMED', poolId: client.UserPoolId, clientId: client.ClientId, username: user.Username }) } };
    },

    /** InitiateAuth USER_AUTH with a Session: accepted once, for the user and client ConfirmSignUp confirmed. */
    signInSession(session, client, user) {
      const state = steps.take(session, ['CONFIRMED']);
      if (!user || state.username !== user.Username || state.clientId !== client.ClientId) throw notAuthorized('Invalid session for the user.');
    },
  };
}
