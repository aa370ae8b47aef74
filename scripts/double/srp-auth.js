// USER_SRP_AUTH, which cognito-local does not implement: the double answers InitiateAuth with the PASSWORD_VERIFIER
// challenge and checks the client's claim itself, then lets cognito-local carry on as after a correct password.
//
// InitiateAuth (AuthFlow USER_SRP_AUTH, AuthParameters USERNAME + SRP_A) → ChallengeName PASSWORD_VERIFIER with
// ChallengeParameters SALT, SECRET_BLOCK, SRP_B, USERNAME, USER_ID_FOR_SRP:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
// RespondToAuthChallenge PASSWORD_VERIFIER (ChallengeResponses PASSWORD_CLAIM_SIGNATURE, PASSWORD_CLAIM_SECRET_BLOCK,
// TIMESTAMP, USERNAME):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
//
// After a correct claim the double asks cognito-local for USER_PASSWORD_AUTH with the password cognito-local itself
// stores (see store.js for why it reads it there), so every later step (MFA challenge and its session,
// NEW_PASSWORD_REQUIRED, UserNotConfirmedException, tokens and their refresh token) is exactly cognito-local's.
import { randomBytes } from 'node:crypto';
import { CognitoError, invalidParameter, notAuthorized } from './errors.js';
import * as srp from './srp.js';

const INCORRECT = 'Incorrect username or password.';
/** A PASSWORD_VERIFIER challenge can be answered for as long as any other challenge session (3 minutes). */
export const SRP_CHALLENGE_TTL_MS = 3 * 60_000;

/** ALLOW_USER_SRP_AUTH (or the legacy flag names) on the app client, as Cognito checks before answering. */
function allows(client, flow) {
  const flows = client.ExplicitAuthFlows ?? [];
  return flows.includes(`ALLOW_${flow}`) || (flow === 'USER_SRP_AUTH' && flows.length === 0);
}

export function createSrpAuth({ store, clock, upstream, failures }) {
  /** SECRET_BLOCK (base64) → what the server needs to check the claim; each block is usable once. */
  const pending = new Map();

  function prune() {
    const now = clock.now();
    for (const [block, state] of pending) if (now - state.issuedAt > SRP_CHALLENGE_TTL_MS) pending.delete(block);
  }

  /** `viaUserAuth`: PASSWORD_SRP chosen in USER_AUTH (user-auth.js), which ALLOW_USER_AUTH covers instead. */
  async function initiate(req, { viaUserAuth = false } = {}) {
    const client = await store.client(req.ClientId);
    if (!client) throw new CognitoError('ResourceNotFoundException', `User pool client ${req.ClientId} does not exist.`);
    // InitiateAuth, Errors / InvalidParameterException: the flow must be enabled on the app client.
    if (!viaUserAuth && !allows(client, 'USER_SRP_AUTH')) throw invalidParameter('USER_SRP_AUTH is not enabled for the client.');
    const params = req.AuthParameters ?? {};
    if (!params.USERNAME) throw invalidParameter('Missing required parameter USERNAME');
    if (!params.SRP_A || !/^[0-9a-fA-F]+$/.test(params.SRP_A)) throw invalidParameter('Missing required parameter SRP_A');
    const A = BigInt(`0x${params.SRP_A}`);
    if (A % srp.N === 0n) throw invalidParameter('Invalid SRP_A');

    const poolId = client.UserPoolId;
    const poolName = poolId.split('_')[1];
    const user = await store.user(poolId, params.USERNAME);
    if (!user && client.PreventUserExistenceErrors !== 'ENABLED') throw new CognitoError('UserNotFoundException', 'User does not exist.');
    // With PreventUserExistenceErrors (the seed's clients), an unknown user gets a challenge like any other and fails
    // only at the verifier, with the same message as a wrong password.
    const userId = user?.Username ?? params.USERNAME;
    const saltHex = randomBytes(16).toString('hex');
    // A user signed up without a password (passwordless-sign-up.js) fails like an unknown one.
    const known = Boolean(user?.Password);
    const v = known ? srp.verifier({ poolName, userId, password: user.Password, saltHex }) : srp.modPow(srp.g, BigInt(`0x${randomBytes(32).toString('hex')}`), srp.N);
    const { b, B } = srp.serverB(v);
    // Opaque to the client, as Cognito's encrypted block is; here it only names the server state.
    const secretBlock = randomBytes(96).toString('base64');
    prune();
    pending.set(secretBlock, { clientId: req.ClientId, poolId, poolName, userId, known, A, B, b, v, issuedAt: clock.now() });
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: { SALT: saltHex, SECRET_BLOCK: secretBlock, SRP_B: B.toString(16), USERNAME: userId, USER_ID_FOR_SRP: userId },
    };
  }

  /** `afterClaim(poolId, userId)`: a check of the rest of the answer once the password is proven (device-srp.js). */
  async function verify(req, afterClaim) {
    const r = req.ChallengeResponses ?? {};
    for (const name of ['USERNAME', 'PASSWORD_CLAIM_SECRET_BLOCK', 'PASSWORD_CLAIM_SIGNATURE', 'TIMESTAMP']) {
      if (!r[name]) throw invalidParameter(`Missing required parameter ${name}`);
    }
    // Cognito parses TIMESTAMP with Java's "EEE MMM d HH:mm:ss z yyyy" (English) and says so when it cannot.
    if (srp.parseTimestamp(r.TIMESTAMP) === null) throw invalidParameter('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
    prune();
    const state = pending.get(r.PASSWORD_CLAIM_SECRET_BLOCK);
    if (!state || state.clientId !== req.ClientId) throw notAuthorized(INCORRECT);
    pending.delete(r.PASSWORD_CLAIM_SECRET_BLOCK);
    failures.check(state.poolId, state.userId);
    // USERNAME must be USER_ID_FOR_SRP (the user's real username, e.g. the sub in an email pool), not the alias typed.
    if (r.USERNAME !== state.userId) throw notAuthorized(INCORRECT);
    const key = srp.sessionKey(state);
    const expected = key && srp.claimSignature({ key, poolName: state.poolName, userId: state.userId, secretBlock: r.PASSWORD_CLAIM_SECRET_BLOCK, timestamp: r.TIMESTAMP });
    if (!state.known || !expected || !srp.sameSignature(expected, r.PASSWORD_CLAIM_SIGNATURE)) {
      failures.failed(state.poolId, state.userId);
      throw notAuthorized(INCORRECT);
    }
    failures.succeeded(state.poolId, state.userId);
    try {
      await afterClaim?.(state.poolId, state.userId);
    } catch (e) {
      // Refused for something else than the password (an unknown DEVICE_KEY): the same answer may be sent again
      // without it, as amazon-cognito-identity-js does, so the exchange stays usable.
      pending.set(r.PASSWORD_CLAIM_SECRET_BLOCK, state);
      throw e;
    }
    const user = await store.user(state.poolId, state.userId);
    if (!user) throw notAuthorized(INCORRECT);
    return upstream('InitiateAuth', {
      ClientId: req.ClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: user.Username, PASSWORD: user.Password },
      ...(req.ClientMetadata ? { ClientMetadata: req.ClientMetadata } : {}),
    });
  }

  return { initiate, verify };
}
