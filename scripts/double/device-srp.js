// Signing in with a remembered device (DEVICE_SRP_AUTH → DEVICE_PASSWORD_VERIFIER), which cognito-local lacks: the
// device proves it holds the device password ConfirmDevice registered a verifier for, and the sign-in then skips MFA.
//
// When a sign-in through a device-tracking app client names (DEVICE_KEY) a confirmed device of the user that is
// remembered, and would otherwise end in tokens or an MFA challenge, Cognito answers DEVICE_SRP_AUTH; the client
// answers {USERNAME, DEVICE_KEY, SRP_A}, gets DEVICE_PASSWORD_VERIFIER {SRP_B, SALT, SECRET_BLOCK, USERNAME, DEVICE_KEY}
// and answers {USERNAME, DEVICE_KEY, PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK, TIMESTAMP} → tokens:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER)
//   https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html (Signing in with a device)
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeviceSecretVerifierConfigType.html
// The SRP is USER_SRP_AUTH's (srp.js) with the device group key in place of the pool name, the device key in place of
// the user id and the device password; the verifier and salt are the ones ConfirmDevice stored (devices.js).
// A device that is confirmed but not remembered (pools that remember devices on the user's opt-in, until
// UpdateDeviceStatus remembered) gets no DEVICE_SRP_AUTH: its sign-in goes on to MFA as usual - the double's reading of
// "remembered devices can suppress MFA"; Cognito does not document which challenge such a device gets.
import { randomBytes } from 'node:crypto';
import { CognitoError, invalidParameter, notAuthorized } from './errors.js';
import * as srp from './srp.js';

const INCORRECT = 'Incorrect username or password.';
/** The answers a remembered device replaces: tokens (no challenge) or an MFA challenge. */
const SKIPPABLE = new Set(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'SELECT_MFA_TYPE', 'EMAIL_MFA']);

const unknownDevice = () => new CognitoError('ResourceNotFoundException', 'Device does not exist.');
const hexOfBase64 = (b64) => Buffer.from(String(b64 ?? ''), 'base64').toString('hex');

export function createDeviceSrp({ store, devices, steps, tokens, finish }) {
  /** The user a challenge answer names (username or alias), checked against the one the step belongs to. */
  async function sameUser(state, name) {
    const user = name ? await store.user(state.poolId, name) : null;
    if (!user || user.Username !== state.username) throw notAuthorized(INCORRECT);
    return user;
  }

  return {
    /**
     * A sign-in's answer (`answer` = { status, json } of cognito-local or the double), replaced by DEVICE_SRP_AUTH when
     * the request named a remembered device of the user through a device-tracking client.
     */
    async offer(req, answer) {
      if (answer?.status !== 200) return answer;
      const json = answer.json ?? {};
      const deviceKey = req.AuthParameters?.DEVICE_KEY ?? req.ChallengeResponses?.DEVICE_KEY;
      const client = deviceKey ? await store.client(req.ClientId) : null;
      if (!client?.DeviceTracking) return answer;
      const username = json.AuthenticationResult ? tokens.unverified(json.AuthenticationResult.AccessToken)?.username : json.ChallengeParameters?.USER_ID_FOR_SRP;
      const device = username ? devices.find(client.UserPoolId, username, deviceKey) : null;
      // A DEVICE_KEY the user has no device for (forgotten with ForgetDevice / AdminForgetDevice, or from another pool):
      // once the password is right, Cognito refuses the sign-in with ResourceNotFoundException "Device does not exist."
      // - at the PASSWORD_VERIFIER answer of USER_SRP_AUTH (its InitiateAuth only starts the SRP), at InitiateAuth of
      // USER_PASSWORD_AUTH. Clients forget the device and sign in again without it (amazon-cognito-identity-js
      // authenticateUserDefaultAuth; Amplify JS retryOnResourceNotFoundException):
      //   https://github.com/amazon-archives/amazon-cognito-identity-js/issues/200
      //   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html (Errors: ResourceNotFoundException)
      if (username && !device) throw unknownDevice();
      if (!json.AuthenticationResult && !SKIPPABLE.has(json.ChallengeName)) return answer;
      if (!device?.confirmed || device.status !== 'remembered') return answer;
      const Session = steps.issue({ step: 'DEVICE_SRP_AUTH', poolId: client.UserPoolId, clientId: client.ClientId, username, deviceKey });
      return { status: 200, json: { ChallengeName: 'DEVICE_SRP_AUTH', Session, ChallengeParameters: { USERNAME: username } } };
    },

    /** The PASSWORD_VERIFIER answer's DEVICE_KEY, once the claim is proven (srp-auth.js): an unknown one, as in offer(). */
    async known(req, poolId, username) {
      const deviceKey = req.ChallengeResponses?.DEVICE_KEY;
      const client = deviceKey ? await store.client(req.ClientId) : null;
      if (client?.DeviceTracking && !devices.find(poolId, username, deviceKey)) throw unknownDevice();
    },

    /** RespondToAuthChallenge DEVICE_SRP_AUTH {USERNAME, DEVICE_KEY, SRP_A} → DEVICE_PASSWORD_VERIFIER. */
    async start(req) {
      const state = steps.take(req.Session, ['DEVICE_SRP_AUTH']);
      const r = req.ChallengeResponses ?? {};
      if (state.clientId !== req.ClientId) throw notAuthorized('Invalid session for the user.');
      if (!r.SRP_A || !/^[0-9a-fA-F]+$/.test(r.SRP_A)) throw invalidParameter('Missing required parameter SRP_A');
      const A = BigInt(`0x${r.SRP_A}`);
      if (A % srp.N === 0n) throw invalidParameter('Invalid SRP_A');
      await sameUser(state, r.USERNAME);
      if (r.DEVICE_KEY !== state.deviceKey) throw notAuthorized(INCORRECT);
      const device = devices.find(state.poolId, state.username, state.deviceKey);
      if (!device?.confirmed) throw notAuthorized(INCORRECT);
      const v = BigInt(`0x${hexOfBase64(device.verifier) || '0'}`);
      const { b, B } = srp.serverB(v);
      const secretBlock = randomBytes(96).toString('base64');
      const Session = steps.issue({ ...state, step: 'DEVICE_PASSWORD_VERIFIER', A, B, b, v, secretBlock, groupKey: device.groupKey });
      return {
        ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
        Session,
        ChallengeParameters: { SRP_B: B.toString(16), SALT: hexOfBase64(device.salt), SECRET_BLOCK: secretBlock, USERNAME: state.username, DEVICE_KEY: state.deviceKey },
      };
    },

    /** RespondToAuthChallenge DEVICE_PASSWORD_VERIFIER: the device's claim checked → tokens, without MFA. */
    async verify(req) {
      const r = req.ChallengeResponses ?? {};
      for (const name of ['USERNAME', 'DEVICE_KEY', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP']) {
        if (!r[name]) throw invalidParameter(`Missing required parameter ${name}`);
      }
      if (srp.parseTimestamp(r.TIMESTAMP) === null) throw invalidParameter('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
      const state = steps.take(req.Session, ['DEVICE_PASSWORD_VERIFIER']);
      if (state.clientId !== req.ClientId) throw notAuthorized('Invalid session for the user.');
      const user = await sameUser(state, r.USERNAME);
      const device = devices.find(state.poolId, state.username, state.deviceKey);
      if (r.DEVICE_KEY !== state.deviceKey || r.PASSWORD_CLAIM_SECRET_BLOCK !== state.secretBlock || !device?.confirmed) throw notAuthorized(INCORRECT);
      const key = srp.sessionKey(state);
      const expected = key && srp.claimSignature({ key, poolName: state.groupKey, userId: state.deviceKey, secretBlock: state.secretBlock, timestamp: r.TIMESTAMP });
      if (!expected || !srp.sameSignature(expected, r.PASSWORD_CLAIM_SIGNATURE)) throw notAuthorized(INCORRECT);
      const client = await store.client(req.ClientId);
      return finish(req, { ChallengeParameters: {}, AuthenticationResult: await tokens.issue(user, client, { source: 'Authentication' }) });
    },
  };
}
