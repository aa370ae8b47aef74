/**
 * The client side of Cognito's USER_SRP_AUTH: SRP_A for InitiateAuth, then the PASSWORD_VERIFIER answer (the password
 * claim). Loaded with import() at the first SRP sign-in (src/flow/sign-in.ts), so the first paint never carries it.
 */
import {
  bytesToBigInt,
  concatBytes,
  decodeBase64,
  encodeBase64,
  hkdf16,
  hmacSha256,
  modPow,
  multiplierK,
  paddedBytes,
  parseHexInteger,
  sha256,
  SRP_N as N,
  SrpError,
} from './srp-math.js';
import { powG, prepareFixedBase } from './srp-fixed-base.js';

export { SrpError, type SrpErrorCode } from './srp-math.js';

const encoder = new TextEncoder();

export interface PasswordVerifierChallenge {
  SRP_B: string;
  SALT: string;
  SECRET_BLOCK: string;
}

export interface PasswordClaimInput {
  userPoolId: string;
  /** `USER_ID_FOR_SRP` from the challenge: may differ from what the user typed (alias, case). */
  userIdForSrp: string;
  password: string;
  challenge: PasswordVerifierChallenge;
  /** `ddd MMM D HH:mm:ss UTC YYYY`; defaults to `now` formatted. */
  timestamp?: string;
  /** The time the claim is made at (the flow passes its clock's, so tests can replay recorded vectors); default now. */
  now?: Date | number;
}

export interface PasswordClaim {
  PASSWORD_CLAIM_SIGNATURE: string;
  PASSWORD_CLAIM_SECRET_BLOCK: string;
  TIMESTAMP: string;
}

export interface SrpSession {
  /** The public value A = g^a mod N as hex, ready to send as `SRP_A`. */
  A: string;
  passwordClaim(p: PasswordClaimInput): Promise<PasswordClaim>;
}

// ---------------------------------------------------------------------------------------------------------------
// TIMESTAMP
// ---------------------------------------------------------------------------------------------------------------

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => (n < 10 ? '0' : '') + n;

/**
 * Cognito's TIMESTAMP, `ddd MMM D HH:mm:ss UTC YYYY` (e.g. `Tue Sep 2 20:09:05 UTC 2025`). Built by hand in UTC
 * because Intl/toLocaleString output depends on the browser's locale and ICU version, and Cognito compares the
 * string byte for byte inside the signature.
 */
export function formatTimestamp(date: Date | number = Date.now()): string {
  const d = typeof date === 'number' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) {
    throw new SrpError('SrpInvalidInput', 'Invalid SRP input: timestamp is not a valid date');
  }
  return (
    `${DAY_NAMES[d.getUTCDay()]} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCDate()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The session
// ---------------------------------------------------------------------------------------------------------------

const USER_POOL_ID_RE = /^[\w-]+_([0-9a-zA-Z]+)$/;

function randomSmallA(): bigint {
  const c = globalThis.crypto;
  if (!c?.getRandomValues) throw new SrpError('SrpUnsupported', 'WebCrypto (crypto.getRandomValues) is unavailable');
  // 128 bytes like amazon-cognito-identity-js: far more than the 256 bits RFC 5054 asks for, and cheap enough.
  return bytesToBigInt(c.getRandomValues(new Uint8Array(128)));
}

/**
 * Starts one SRP exchange: draws the private value a (or takes `aHex`, for tests only) and computes A at once, since
 * InitiateAuth needs SRP_A. Keep the session for the PASSWORD_VERIFIER answer; never reuse it for another sign-in.
 */
export function createSrpSession(aHex?: string): SrpSession {
  let a: bigint;
  let A: bigint;
  if (aHex !== undefined) {
    a = parseHexInteger(aHex, 'a', 'SrpInvalidInput');
    A = a % N === 0n ? 0n : powG(a);
    if (A <= 1n) throw new SrpError('SrpInvalidInput', 'Invalid SRP input: a gives A mod N of 0 or 1');
  } else {
    // A = 0 or 1 (mod N) is a degenerate exchange; drawing such an a is astronomically unlikely but free to rule out.
    do {
      a = randomSmallA();
      A = a % N === 0n ? 0n : powG(a);
    } while (A <= 1n);
  }
  const paddedA = paddedBytes(A);
  // The g^x of this session's claim, and every later session's A, can use the table built while the request is out.
  void prepareFixedBase();
  return {
    A: A.toString(16),
    passwordClaim: (input) => passwordClaim(a, paddedA, input),
  };
}

async function passwordClaim(
  a: bigint,
  paddedA: Uint8Array<ArrayBuffer>,
  input: PasswordClaimInput,
): Promise<PasswordClaim> {
  const { userPoolId, userIdForSrp, password, challenge } = input;
  const poolName = typeof userPoolId === 'string' ? USER_POOL_ID_RE.exec(userPoolId)?.[1] : undefined;
  if (!poolName) {
    throw new SrpError(
      'SrpInvalidInput',
      `Invalid SRP input: "${String(userPoolId)}" is not a user pool id like us-east-1_AbCdEf123`,
    );
  }
  if (typeof userIdForSrp !== 'string' || userIdForSrp === '') {
    throw new SrpError('SrpInvalidInput', 'Invalid SRP input: USER_ID_FOR_SRP is missing');
  }
  if (typeof password !== 'string') throw new SrpError('SrpInvalidInput', 'Invalid SRP input: password is missing');
  if (!challenge || typeof challenge !== 'object') {
    throw new SrpError('SrpInvalidChallenge', 'Invalid SRP challenge: the PASSWORD_VERIFIER parameters are missing');
  }

  const timestamp = input.timestamp ?? formatTimestamp(input.now ?? Date.now());
  return signClaim(a, paddedA, { group: poolName, id: userIdForSrp, password }, challenge, timestamp);
}

/** Who signs: Cognito's pool name, user id and password, or a device's group key, device key and random password. */
export interface SrpIdentity {
  group: string;
  id: string;
  password: string;
}

/** x = H(salt ‖ H(group ‖ id ‖ ":" ‖ password)), as amazon-cognito-identity-js computes it for users and devices. */
export function privateX({ group, id, password }: SrpIdentity, salt: Uint8Array): bigint {
  const identityHash = sha256(encoder.encode(`${group}${id}:${password}`));
  return bytesToBigInt(sha256(concatBytes(salt, identityHash)));
}

/**
 * The PASSWORD_VERIFIER / DEVICE_PASSWORD_VERIFIER answer: one computation for users and devices, which differ only in
 * the identity (src/crypto/srp-device.ts uses it too).
 */
export function signClaim(
  a: bigint,
  paddedA: Uint8Array,
  identity: SrpIdentity,
  challenge: PasswordVerifierChallenge,
  timestamp: string,
): PasswordClaim {
  // Validate everything the server sent before any work, so a bad challenge never yields an answer.
  const B = parseHexInteger(challenge?.SRP_B, 'SRP_B', 'SrpInvalidChallenge');
  if (B % N === 0n) throw new SrpError('SrpInvalidChallenge', 'Invalid SRP challenge: B mod N is 0');
  const salt = parseHexInteger(challenge.SALT, 'SALT', 'SrpInvalidChallenge');
  const secretBlock = decodeBase64(challenge.SECRET_BLOCK, 'SECRET_BLOCK');

  const u = bytesToBigInt(sha256(concatBytes(paddedA, paddedBytes(B))));
  if (u === 0n) throw new SrpError('SrpInvalidChallenge', 'Invalid SRP challenge: u = H(A, B) is 0');
  const x = privateX(identity, paddedBytes(salt));

  // B - k·g^x may be negative; the base of S is its representative in [0, N).
  let base = (B - multiplierK() * powG(x)) % N;
  if (base < 0n) base += N;
  const S = modPow(base, a + u * x);

  const key = hkdf16(paddedBytes(S), paddedBytes(u));
  const message = concatBytes(encoder.encode(identity.group + identity.id), secretBlock, encoder.encode(timestamp));
  return {
    PASSWORD_CLAIM_SIGNATURE: encodeBase64(hmacSha256(key, message)),
    PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
    TIMESTAMP: timestamp,
  };
}
