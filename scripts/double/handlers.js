// The operations the double answers or checks before cognito-local does; every other operation is forwarded as is.
// Each entry names the rule it adds; the rule's own module cites the Cognito API Reference page it follows.
import { createAccount } from './account.js';
import { createIdTokens } from './id-token.js';
import { createResend } from './delivery.js';
import { createDevices } from './devices.js';
import { CognitoError } from './errors.js';
import { createFailures } from './failures.js';
import { CODE_MISMATCH_ON_ENABLE, createMfaSetup } from './mfa-setup.js';
import { enforcePolicy } from './password-policy.js';
import { accessTokenSeconds, createRefresh } from './refresh.js';
import { createSessions } from './sessions.js';
import { createSrpAuth } from './srp-auth.js';
import { createTokens } from './tokens.js';
import { createTotp, realTimeCode } from './totp.js';
import { createDeviceSrp } from './device-srp.js';
import { createOneTimeCodes } from './one-time-codes.js';
import { createPasswordlessSignUp } from './passwordless-sign-up.js';
import { createSteps } from './steps.js';
import { createUserAuth, USER_AUTH_CHALLENGES } from './user-auth.js';
import { createWebAuthn } from './webauthn.js';

/** Operations that take the signed-in user's AccessToken and are answered by cognito-local once the token is checked. */
const FORWARDED_WITH_ACCESS_TOKEN = [
  'GetUser',
  'DeleteUser',
  'UpdateUserAttributes',
  'DeleteUserAttributes',
  'VerifyUserAttribute',
  'GetUserAttributeVerificationCode',
  'SetUserMFAPreference',
  'SetUserSettings',
];

export function createHandlers({ store, clock, upstream, seed = {}, issuerDomain, upstreamUrl, code = seed.code ?? '123456' }) {
  const failures = createFailures({ clock });
  const sessions = createSessions({ clock });
  const totp = createTotp({ clock });
  const tokens = createTokens({ store, clock, upstream: upstreamUrl, issuerDomain });
  const devices = createDevices({ clock, region: seed.region ?? 'us-east-1' });
  const refresh = createRefresh({ store, clock, tokens });
  const idTokens = createIdTokens({ store });
  const resend = createResend({ store });

  /**
   * Every sign-in that ends with tokens passes here: the tokens are remembered (revocation, refresh: tokens.js), the
   * session is bound to a device when the client tracks devices (devices.js), and the result gets the ExpiresIn and
   * TokenType Cognito always returns. Challenge answers get their Session remembered (sessions.js).
   */
  async function finish(req, json) {
    const result = json?.AuthenticationResult;
    if (!result?.AccessToken) {
      sessions.record({ status: 200, json });
      return json;
    }
    const claims = tokens.unverified(result.AccessToken);
    const client = await store.client(req.ClientId);
    const device = devices.signIn(client, claims.poolId, claims.username, req.AuthParameters?.DEVICE_KEY ?? req.ChallengeResponses?.DEVICE_KEY);
    tokens.record(result, { deviceKey: device?.key });
    return {
      ...json,
      AuthenticationResult: {
        // The ID token's user claims as Cognito writes them (id-token.js).
        ...(await idTokens.correct(result)),
        ExpiresIn: result.ExpiresIn ?? accessTokenSeconds(client),
        TokenType: result.TokenType ?? 'Bearer',
        ...(device?.metadata ? { NewDeviceMetadata: device.metadata } : {}),
      },
    };
  }
  /** cognito-local's answer, finished when it succeeded. */
  const finishAnswer = async (req, answer) => (answer.status === 200 ? { status: 200, json: await finish(req, answer.json) } : answer);

  const mfaSetup = createMfaSetup({ store, upstream, sessions, tokens, totp, finish });
  /** USER_PASSWORD_AUTH in cognito-local, unless the pool requires MFA the user has not set up (mfa-setup.js). */
  const passwordSignIn = async (body) => (await mfaSetup.challenge(body)) ?? upstream('InitiateAuth', body);
  const srp = createSrpAuth({ store, clock, upstream: (op, body) => (op === 'InitiateAuth' ? passwordSignIn(body) : upstream(op, body)), failures });

  /**
   * USER_PASSWORD_AUTH through cognito-local, with the lockout (failures.js) around it and Cognito's answer for a
   * wrong password or an unknown user: NotAuthorizedException "Incorrect username or password." (cognito-local says
   * InvalidPasswordException / "User not authorized"; API_InitiateAuth lists NotAuthorizedException).
   */
  async function passwordAuth(req) {
    const client = await store.client(req.ClientId);
    const user = client && req.AuthParameters?.USERNAME ? await store.user(client.UserPoolId, req.AuthParameters.USERNAME) : null;
    if (user) failures.check(client.UserPoolId, user.Username);
    // A user signed up without a password (passwordless-sign-up.js) has none to match, whatever is typed.
    if (user && !user.Password) {
      failures.failed(client.UserPoolId, user.Username);
      throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
    }
    const answer = await passwordSignIn(req);
    const type = answer.json?.__type;
    if (answer.status === 400 && (type === 'InvalidPasswordException' || type === 'NotAuthorizedException' || type === 'UserNotFoundException')) {
      if (user) failures.failed(client.UserPoolId, user.Username);
      throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
    }
    if (answer.status === 200 && user) failures.succeeded(client.UserPoolId, user.Username);
    return answer;
  }

  /**
   * SOFTWARE_TOKEN_MFA answered on the double's clock, each window once (totp.js); cognito-local then gets a code of
   * the real current window. A wrong code: CodeMismatchException "Invalid code received for user" (API_RespondToAuthChallenge).
   */
  async function softwareTokenAnswer(req) {
    const client = await store.client(req.ClientId);
    const user = client ? await store.user(client.UserPoolId, req.ChallengeResponses?.USERNAME ?? '') : null;
    const secret = user?.SoftwareTokenMfaConfiguration?.Verified ? user.SoftwareTokenMfaConfiguration.Secret : undefined;
    if (!user || !totp.accept(`${client.UserPoolId}/${user.Username}`, secret, req.ChallengeResponses?.SOFTWARE_TOKEN_MFA_CODE)) {
      throw new CognitoError('CodeMismatchException', 'Invalid code received for user');
    }
    return upstream('RespondToAuthChallenge', { ...req, ChallengeResponses: { ...req.ChallengeResponses, SOFTWARE_TOKEN_MFA_CODE: realTimeCode(secret) } });
  }

  /** The checked claims of the request's AccessToken (tokens.js), with the pool it belongs to (poolId). */
  const signedIn = (req) => tokens.access(req.AccessToken);

  // Issue 14: passkeys (webauthn.js), remembered devices (device-srp.js), passwordless sign-up and choice-based sign-in
  // (passwordless-sign-up.js, user-auth.js), whose PASSWORD / PASSWORD_SRP go through the USER_PASSWORD_AUTH and
  // USER_SRP_AUTH above; a password sign-in from a remembered device gets DEVICE_SRP_AUTH (deviceSrp.offer).
  const steps = createSteps({ sessions });
  const webauthn = createWebAuthn({ store, clock });
  const deviceSrp = createDeviceSrp({ store, devices, steps, tokens, finish });
  const signUp = createPasswordlessSignUp({ store, upstream, steps });
  const userAuth = createUserAuth({
    store,
    steps,
    webauthn,
    codes: createOneTimeCodes({ code }),
    password: async (req, USERNAME, PASSWORD) =>
      finishAnswer(req, await deviceSrp.offer(req, await passwordAuth({ ClientId: req.ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }))),
    srp: (req, USERNAME, SRP_A) => srp.initiate({ ClientId: req.ClientId, AuthParameters: { USERNAME, SRP_A } }, { viaUserAuth: true }),
    signedIn: async (req, user, client) => finish(req, { ChallengeParameters: {}, AuthenticationResult: await tokens.issue(user, client, { source: 'Authentication' }) }),
    signUpSession: (session, client, user) => signUp.signInSession(session, client, user),
  });

  const handlers = {
    async InitiateAuth(req) {
      if (req.AuthFlow === 'USER_SRP_AUTH') return srp.initiate(req);
      if (req.AuthFlow === 'USER_PASSWORD_AUTH') return finishAnswer(req, await deviceSrp.offer(req, await passwordAuth(req)));
      if (req.AuthFlow === 'USER_AUTH') return userAuth.initiate(req);
      if (req.AuthFlow === 'REFRESH_TOKEN_AUTH' || req.AuthFlow === 'REFRESH_TOKEN') return idTokens.answer(await refresh.initiate(req));
      return upstream('InitiateAuth', req);
    },
    async RespondToAuthChallenge(req) {
      if (req.ChallengeName === 'PASSWORD_VERIFIER') return finishAnswer(req, await deviceSrp.offer(req, await srp.verify(req, (poolId, userId) => deviceSrp.known(req, poolId, userId))));
      if (USER_AUTH_CHALLENGES.includes(req.ChallengeName)) return userAuth.respond(req);
      if (req.ChallengeName === 'DEVICE_SRP_AUTH') return deviceSrp.start(req);
      if (req.ChallengeName === 'DEVICE_PASSWORD_VERIFIER') return deviceSrp.verify(req);
      if (req.ChallengeName === 'MFA_SETUP') return mfaSetup.respond(req);
      if (req.Session) sessions.check(req.Session);
      if (req.ChallengeName === 'NEW_PASSWORD_REQUIRED') enforcePolicy(req.ChallengeResponses?.NEW_PASSWORD, await poolOptionsForClient(req.ClientId));
      if (req.ChallengeName === 'SOFTWARE_TOKEN_MFA') return finishAnswer(req, await softwareTokenAnswer(req));
      return finishAnswer(req, await upstream('RespondToAuthChallenge', req));
    },
    GetTokensFromRefreshToken: async (req) => idTokens.answer(await refresh.getTokens(req)),
    RevokeToken: (req) => refresh.revoke(req),
    /** API_GlobalSignOut: every refresh token of the user, and the access tokens issued from them, stop working. */
    async GlobalSignOut(req) {
      const claims = await signedIn(req);
      tokens.revokeUser(claims.poolId, claims.username);
      return {};
    },

    async AssociateSoftwareToken(req) {
      if (req.AccessToken && req.Session) throw new CognitoError('InvalidParameterException', 'Only one of AccessToken or Session can be provided.');
      if (req.Session) return mfaSetup.associate(req);
      await signedIn(req);
      return upstream('AssociateSoftwareToken', req);
    },
    async VerifySoftwareToken(req) {
      if (req.AccessToken && req.Session) throw new CognitoError('InvalidParameterException', 'Only one of AccessToken or Session can be provided.');
      if (req.Session) return mfaSetup.verify(req);
      const claims = await signedIn(req);
      const user = await store.user(claims.poolId, claims.username);
      const secret = user?.SoftwareTokenMfaConfiguration?.Secret;
      if (!user || !totp.accept(`${claims.poolId}/${user.Username}`, secret, req.UserCode)) {
        throw new CognitoError('EnableSoftwareTokenMFAException', CODE_MISMATCH_ON_ENABLE);
      }
      return upstream('VerifySoftwareToken', { ...req, UserCode: realTimeCode(secret) });
    },

    async ConfirmDevice(req) {
      const claims = await signedIn(req);
      return devices.confirm(claims, await store.client(claims.client_id), req);
    },
    ListDevices: async (req) => devices.list(await signedIn(req), req),
    GetDevice: async (req) => devices.get(await signedIn(req), req),
    ForgetDevice: async (req) => devices.forget(await signedIn(req), req),
    UpdateDeviceStatus: async (req) => devices.updateStatus(await signedIn(req), req),

    SignUp: (req) => signUp.signUp(req),
    ConfirmSignUp: (req) => signUp.confirm(req),

    StartWebAuthnRegistration: async (req) => webauthn.startRegistration(await signedIn(req)),
    CompleteWebAuthnRegistration: async (req) => webauthn.completeRegistration(await signedIn(req), req),
    ListWebAuthnCredentials: async (req) => webauthn.list(await signedIn(req), req),
    DeleteWebAuthnCredential: async (req) => webauthn.remove(await signedIn(req), req),
    async ConfirmForgotPassword(req) {
      enforcePolicy(req.Password, await poolOptionsForClient(req.ClientId));
      return upstream('ConfirmForgotPassword', req);
    },
    ResendConfirmationCode: (req) => resend(req),
    // Answered by cognito-local; routed through the double so their delivery destinations get masked.
    ForgotPassword: (req) => upstream('ForgotPassword', req),
  };
  // Answered by cognito-local once the access token is checked (and, for the attribute codes, masked on the way out).
  for (const operation of FORWARDED_WITH_ACCESS_TOKEN) {
    handlers[operation] = async (req) => {
      await signedIn(req);
      return upstream(operation, req);
    };
  }
  // The account's own rules (account.js): ChangePassword, DeleteUser, GetUserAttributeVerificationCode, SetUserMFAPreference.
  Object.assign(handlers, createAccount({ store, upstream, tokens, signedIn }));

  async function poolOptionsForClient(clientId) {
    const client = await store.client(clientId);
    if (!client) throw new CognitoError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
    return (await store.pool(client.UserPoolId)).Options;
  }

  return handlers;
}

