// Passkeys: StartWebAuthnRegistration, CompleteWebAuthnRegistration, ListWebAuthnCredentials,
// DeleteWebAuthnCredential, and the WEB_AUTHN sign-in challenge - none of which cognito-local has. Attestations and
// assertions are verified by @simplewebauthn/server, a maintained WebAuthn relying-party library (challenge, origin,
// RP ID hash, flags, signature, signature counter), not by the double's own code.
//
// StartWebAuthnRegistration {AccessToken} → {CredentialCreationOptions}: a PublicKeyCredentialCreationOptionsJSON object.
// CompleteWebAuthnRegistration {AccessToken, Credential: RegistrationResponseJSON} → {}; its documented errors:
// WebAuthnChallengeNotFoundException (no challenge from StartWebAuthnRegistration, or it expired),
// WebAuthnClientMismatchException (access token of another app client than the Start request's),
// WebAuthnOriginNotAllowedException, WebAuthnRelyingPartyMismatchException, WebAuthnCredentialNotSupportedException,
// WebAuthnNotEnabledException (the pool does not allow WEB_AUTHN):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_StartWebAuthnRegistration.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompleteWebAuthnRegistration.html
// ListWebAuthnCredentials {AccessToken, MaxResults (1-20), NextToken} → {Credentials: [{CredentialId,
// FriendlyCredentialName, RelyingPartyId, AuthenticatorAttachment, AuthenticatorTransports, CreatedAt}], NextToken};
// DeleteWebAuthnCredential {AccessToken, CredentialId} → {} (ResourceNotFoundException for a credential the user lacks):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListWebAuthnCredentials.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnCredentialDescription.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteWebAuthnCredential.html
// WEB_AUTHN challenge: ChallengeParameters CREDENTIAL_REQUEST_OPTIONS (PublicKeyCredentialRequestOptionsJSON as a JSON
// string), answered with CREDENTIAL (AuthenticationResponseJSON as a JSON string):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
// Credentials live in the double's memory, per pool and user (a restart forgets them, as it forgets devices).
import { createHash } from 'node:crypto';
import { generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse } from '@simplewebauthn/server';
import { decodeAttestationObject, decodeClientDataJSON, isoBase64URL, parseAuthenticatorData } from '@simplewebauthn/server/helpers';
import { CognitoError, invalidParameter, notAuthorized } from './errors.js';
import { allowedFirstFactors, originAllowed, relyingParty } from './sign-in-policy.js';
import { attribute } from './store.js';

/** How long a ceremony may take (the options' timeout, and how long the double keeps its challenge). */
export const CEREMONY_MS = 3 * 60_000;
/** ES256 and RS256: what platform authenticators and security keys offer. */
const ALGORITHMS = [-7, -257];
export const INVALID_CREDENTIAL = 'Invalid WebAuthn credential.';

const fail = (type, message) => new CognitoError(type, message);
const sha256 = (s) => createHash('sha256').update(s).digest();

/** A RegistrationResponseJSON / AuthenticationResponseJSON as sent: an object (or, leniently, its JSON text). */
function parseCredential(value, field) {
  let cred = value;
  if (typeof cred === 'string') {
    try {
      cred = JSON.parse(cred);
    } catch {
      cred = null;
    }
  }
  if (!cred || typeof cred !== 'object' || typeof cred.id !== 'string' || typeof cred.response?.clientDataJSON !== 'string') {
    throw invalidParameter(`${field} is not a valid PublicKeyCredential.`);
  }
  return cred;
}

function clientDataOf(cred, field) {
  try {
    return decodeClientDataJSON(cred.response.clientDataJSON);
  } catch {
    throw invalidParameter(`${field} is not a valid PublicKeyCredential.`);
  }
}

export function createWebAuthn({ store, clock }) {
  const byUser = new Map(); // "<poolId>/<username>" → Map CredentialId → credential
  const registrations = new Map(); // "<poolId>/<username>" → { challenge, clientId, at }
  const key = (poolId, username) => `${poolId}/${username}`;
  const credentialsOf = (poolId, username) => {
    if (!byUser.has(key(poolId, username))) byUser.set(key(poolId, username), new Map());
    return byUser.get(key(poolId, username));
  };

  /** The pool's relying party, after the checks every passkey operation makes. */
  async function passkeyPool(poolId) {
    const { Options = {} } = await store.pool(poolId);
    if (!allowedFirstFactors(Options).includes('WEB_AUTHN')) throw fail('WebAuthnNotEnabledException', 'Passkeys are not enabled for this user pool.');
    const rp = relyingParty(Options);
    if (!rp.id) throw fail('WebAuthnConfigurationMissingException', 'The user pool has no WebAuthn relying party ID.');
    return { rp, name: Options.Name ?? poolId };
  }

  return {
    /** How many passkeys the user has (WEB_AUTHN is offered only when there is one). */
    count: (poolId, username) => credentialsOf(poolId, username).size,

    async startRegistration(claims) {
      const { rp, name } = await passkeyPool(claims.poolId);
      const user = await store.user(claims.poolId, claims.username);
      if (!user) throw notAuthorized('Invalid Access Token');
      const label = attribute(user, 'email') ?? attribute(user, 'phone_number') ?? user.Username;
      const options = await generateRegistrationOptions({
        rpName: name,
        rpID: rp.id,
        userName: label,
        userDisplayName: label,
        userID: new TextEncoder().encode(attribute(user, 'sub') ?? user.Username),
        timeout: CEREMONY_MS,
        attestationType: 'none',
        excludeCredentials: [...credentialsOf(claims.poolId, user.Username).values()].map((c) => ({ id: c.id, transports: c.transports })),
        authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'preferred' },
        extensions: { credProps: true },
        supportedAlgorithmIDs: ALGORITHMS,
      });
      registrations.set(key(claims.poolId, user.Username), { challenge: options.challenge, clientId: claims.client_id, at: clock.now() });
      return { CredentialCreationOptions: options };
    },

    async completeRegistration(claims, req) {
      const { rp } = await passkeyPool(claims.poolId);
      const cred = parseCredential(req.Credential, 'Credential');
      if (typeof cred.response.attestationObject !== 'string') throw invalidParameter('Credential is not a valid PublicKeyCredential.');
      const pending = registrations.get(key(claims.poolId, claims.username));
      if (!pending || clock.now() - pending.at > CEREMONY_MS) throw fail('WebAuthnChallengeNotFoundException', 'The WebAuthn registration challenge was not found or has expired.');
      if (pending.clientId !== claims.client_id) throw fail('WebAuthnClientMismatchException', 'The access token is for another app client than the registration challenge.');
      const clientData = clientDataOf(cred, 'Credential');
      registrations.delete(key(claims.poolId, claims.username)); // one attempt per challenge, whatever its outcome
      if (clientData.challenge !== pending.challenge) throw fail('WebAuthnChallengeNotFoundException', 'The WebAuthn registration challenge was not found or has expired.');
      if (!originAllowed(clientData.origin, rp)) throw fail('WebAuthnOriginNotAllowedException', `The origin ${clientData.origin} is not allowed for relying party ${rp.id}.`);
      let rpIdHash;
      try {
        rpIdHash = parseAuthenticatorData(decodeAttestationObject(isoBase64URL.toBuffer(cred.response.attestationObject)).get('authData')).rpIdHash;
      } catch {
        throw invalidParameter('Credential is not a valid PublicKeyCredential.');
      }
      if (!sha256(rp.id).equals(Buffer.from(rpIdHash))) throw fail('WebAuthnRelyingPartyMismatchException', `The credential is not for relying party ${rp.id}.`);
      let verification;
      try {
        verification = await verifyRegistrationResponse({
          response: cred,
          expectedChallenge: pending.challenge,
          expectedOrigin: clientData.origin,
          expectedRPID: rp.id,
          requireUserVerification: false,
          supportedAlgorithmIDs: ALGORITHMS,
        });
      } catch (error) {
        throw fail('WebAuthnCredentialNotSupportedException', String(error?.message ?? error));
      }
      if (!verification.verified) throw fail('WebAuthnCredentialNotSupportedException', 'The credential could not be verified.');
      const { credential } = verification.registrationInfo;
      const mine = credentialsOf(claims.poolId, claims.username);
      if (mine.has(credential.id)) throw invalidParameter('This credential is already registered.');
      mine.set(credential.id, {
        id: credential.id,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: cred.response.transports ?? credential.transports ?? [],
        attachment: cred.authenticatorAttachment,
        rpId: rp.id,
        createdAt: clock.now() / 1000,
      });
      return {};
    },

    list(claims, req) {
      const all = [...credentialsOf(claims.poolId, claims.username).values()];
      const start = Number(req.NextToken ?? 0) || 0;
      const limit = Math.min(Math.max(Number(req.MaxResults ?? 20) || 20, 1), 20);
      const page = all.slice(start, start + limit).map((c) => ({
        CredentialId: c.id,
        FriendlyCredentialName: 'Passkey',
        RelyingPartyId: c.rpId,
        ...(c.attachment ? { AuthenticatorAttachment: c.attachment } : {}),
        AuthenticatorTransports: c.transports,
        CreatedAt: c.createdAt,
      }));
      return { Credentials: page, ...(start + limit < all.length ? { NextToken: String(start + limit) } : {}) };
    },

    remove(claims, req) {
      if (!req.CredentialId) throw invalidParameter('Missing required parameter CredentialId');
      if (!credentialsOf(claims.poolId, claims.username).delete(req.CredentialId)) throw fail('ResourceNotFoundException', 'Credential not found.');
      return {};
    },

    /** The WEB_AUTHN challenge's options for a user (unknown user: no credentials allowed), and its challenge. */
    async requestOptions(poolId, username) {
      const { Options = {} } = await store.pool(poolId);
      const rp = relyingParty(Options);
      const options = await generateAuthenticationOptions({
        rpID: rp.id ?? 'localhost',
        allowCredentials: username ? [...credentialsOf(poolId, username).values()].map((c) => ({ id: c.id, transports: c.transports })) : [],
        userVerification: 'preferred',
        timeout: CEREMONY_MS,
      });
      return { json: JSON.stringify(options), challenge: options.challenge };
    },

    /** Checks the CREDENTIAL answering a WEB_AUTHN challenge; throws NotAuthorizedException unless it verifies. */
    async verifyAssertion({ poolId, username, credential, challenge }) {
      const cred = parseCredential(credential, 'CREDENTIAL');
      const stored = username ? credentialsOf(poolId, username).get(cred.id) : undefined;
      if (!stored) throw notAuthorized(INVALID_CREDENTIAL);
      const { Options = {} } = await store.pool(poolId);
      const rp = relyingParty(Options);
      const { origin } = clientDataOf(cred, 'CREDENTIAL');
      if (!originAllowed(origin, rp)) throw notAuthorized(INVALID_CREDENTIAL);
      let verification;
      try {
        verification = await verifyAuthenticationResponse({
          response: cred,
          expectedChallenge: challenge,
          expectedOrigin: origin,
          expectedRPID: stored.rpId,
          credential: { id: stored.id, publicKey: stored.publicKey, counter: stored.counter, transports: stored.transports },
          requireUserVerification: false,
        });
      } catch {
        throw notAuthorized(INVALID_CREDENTIAL);
      }
      if (!verification.verified) throw notAuthorized(INVALID_CREDENTIAL);
      stored.counter = verification.authenticationInfo.newCounter;
    },
  };
}
