// A software WebAuthn authenticator for the Cognito double's node tests (test/node/double-webauthn.test.js): an ES256
// key pair per credential (node:crypto), "none" attestation, and authenticatorData / clientDataJSON / attestationObject
// built by hand per the WebAuthn Level 3 spec (https://www.w3.org/TR/webauthn-3/#sctn-authenticator-data,
// #sctn-attestation, #dictdef-collectedclientdata) with a minimal CBOR encoder (RFC 8949) - written independently of
// @simplewebauthn/server, which the double uses to verify what this produces. Test code only: the element and e2e
// tests use Chromium's virtual authenticator instead.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

const sha256 = (data) => createHash('sha256').update(data).digest();
const b64url = (buf) => Buffer.from(buf).toString('base64url');

/** Minimal CBOR: unsigned/negative integers, byte strings, text strings, arrays, maps (Map or plain object). */
export function cbor(value) {
  const head = (major, n) => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
    if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value, 'utf8')]);
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

/** The COSE_Key (RFC 9053) of a P-256 public key: kty EC2, alg ES256, crv P-256, x, y. */
function coseKey(publicKey) {
  const jwk = publicKey.export({ format: 'jwk' });
  return cbor(new Map([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x, 'base64url')], [-3, Buffer.from(jwk.y, 'base64url')]]));
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

function authenticatorData(rpId, flags, counter, attested = Buffer.alloc(0)) {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, attested]);
}

/**
 * `origin`: the page the ceremony runs on. Each call may override origin / rpId (to play a page or an authenticator
 * the relying party must refuse) and `challenge` (to answer another ceremony's challenge).
 */
export function createAuthenticator({ origin = 'http://localhost:8000' } = {}) {
  const credentials = new Map(); // id (base64url) → { privateKey, rpId, counter, userHandle }

  return {
    credentials,
    /** navigator.credentials.create({publicKey}) as RegistrationResponseJSON (what CompleteWebAuthnRegistration takes). */
    create(options, overrides = {}) {
      const rpId = overrides.rpId ?? options.rp.id;
      const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const id = randomBytes(32);
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(id.length);
      const attested = Buffer.concat([Buffer.alloc(16) /* AAGUID: none */, idLength, id, coseKey(publicKey)]);
      const authData = authenticatorData(rpId, FLAG_UP | FLAG_UV | FLAG_AT, 0, attested);
      const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge: overrides.challenge ?? options.challenge, origin: overrides.origin ?? origin, crossOrigin: false }));
      credentials.set(b64url(id), { privateKey, rpId, counter: 0, userHandle: options.user.id });
      return {
        id: b64url(id),
        rawId: b64url(id),
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientDataJSON),
          attestationObject: b64url(cbor({ fmt: 'none', attStmt: {}, authData })),
          transports: ['internal', 'hybrid'],
          publicKeyAlgorithm: -7,
          authenticatorData: b64url(authData),
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: { credProps: { rk: true } },
      };
    },

    /** navigator.credentials.get({publicKey}) as AuthenticationResponseJSON (what CREDENTIAL carries, as JSON text). */
    get(options, overrides = {}) {
      const opts = typeof options === 'string' ? JSON.parse(options) : options;
      const allowed = (opts.allowCredentials ?? []).map((c) => c.id);
      const id = overrides.credentialId ?? allowed.find((c) => credentials.has(c)) ?? [...credentials.keys()][0];
      const cred = credentials.get(id);
      if (!cred) throw new Error('no credential for this relying party');
      cred.counter = overrides.counter ?? cred.counter + 1;
      const authData = authenticatorData(overrides.rpId ?? cred.rpId, FLAG_UP | FLAG_UV, cred.counter);
      const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: overrides.challenge ?? opts.challenge, origin: overrides.origin ?? origin, crossOrigin: false }));
      const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), cred.privateKey); // DER ECDSA
      if (overrides.corruptSignature) signature[signature.length - 1] ^= 0xff;
      return {
        id,
        rawId: id,
        type: 'public-key',
        response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature), userHandle: cred.userHandle },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
      };
    },
  };
}
