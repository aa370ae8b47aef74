/**
 * The SRP of remembered devices: the verifier ConfirmDevice registers (DeviceSecretVerifierConfig), and the client side
 * of DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER. It is Cognito's user SRP with the device group key in place of the pool
 * name, the device key in place of the user id and the device's random password in place of the user's, exactly as
 * amazon-cognito-identity-js computes it (vectors: ../shared/srp-device-*.json). Loaded with import() by
 * src/flow/devices.ts, so no page without remembered devices ever downloads it.
 */
import {
  bytesToBigInt,
  encodeBase64,
  paddedBytes,
  parseHexInteger,
  SRP_N as N,
  SrpError,
} from './srp-math.js';
import { powG } from './srp-fixed-base.js';
import { formatTimestamp, privateX, signClaim, type PasswordVerifierChallenge } from './srp-user.js';

/** What ConfirmDevice needs, and the password to keep (the verifier alone cannot sign in again). */
export interface DeviceVerifier {
  /** The device's random password (base64 of 40 random bytes): secret, kept in the device store only. */
  devicePassword: string;
  /** DeviceSecretVerifierConfig: base64 of the padded verifier g^x and of the padded salt. */
  PasswordVerifier: string;
  Salt: string;
}

/** `randomBytes(n)`; tests pass fixed bytes to replay the vectors. */
export type RandomBytes = (length: number) => Uint8Array;

const webRandom: RandomBytes = (length) => {
  const c = globalThis.crypto;
  if (!c?.getRandomValues) throw new SrpError('SrpUnsupported', 'WebCrypto (crypto.getRandomValues) is unavailable');
  return c.getRandomValues(new Uint8Array(length));
};

/**
 * A new random password for the device and its verifier, for ConfirmDevice. `random` draws 40 password bytes, then
 * 16 salt bytes (the order amazon-cognito-identity-js uses, so the vectors replay).
 */
export function createDeviceVerifier(deviceGroupKey: string, deviceKey: string, random: RandomBytes = webRandom): DeviceVerifier {
  const devicePassword = encodeBase64(random(40));
  const salt = paddedBytes(bytesToBigInt(random(16)));
  const verifier = powG(privateX({ group: deviceGroupKey, id: deviceKey, password: devicePassword }, salt));
  return { devicePassword, PasswordVerifier: encodeBase64(paddedBytes(verifier)), Salt: encodeBase64(salt) };
}

export interface DeviceClaimInput {
  deviceGroupKey: string;
  deviceKey: string;
  devicePassword: string;
  challenge: PasswordVerifierChallenge;
  /** The time of the claim (the flow's clock); default now. */
  now?: Date | number;
}

export interface DeviceSrpSession {
  /** A = g^a mod N as hex, for DEVICE_SRP_AUTH's `SRP_A`. */
  A: string;
  /** The DEVICE_PASSWORD_VERIFIER answer (without USERNAME and DEVICE_KEY, which the flow adds). */
  claim(input: DeviceClaimInput): { PASSWORD_CLAIM_SIGNATURE: string; PASSWORD_CLAIM_SECRET_BLOCK: string; TIMESTAMP: string };
}

/** Starts one device SRP exchange: a random a (or `aHex`, for tests only) and A at once, as DEVICE_SRP_AUTH needs it. */
export function createDeviceSrpSession(aHex?: string, random: RandomBytes = webRandom): DeviceSrpSession {
  let a: bigint;
  let A: bigint;
  do {
    a = aHex !== undefined ? parseHexInteger(aHex, 'a', 'SrpInvalidInput') : bytesToBigInt(random(128));
    A = a % N === 0n ? 0n : powG(a);
    if (A <= 1n && aHex !== undefined) throw new SrpError('SrpInvalidInput', 'Invalid SRP input: a gives A mod N of 0 or 1');
  } while (A <= 1n);
  const paddedA = paddedBytes(A);
  return {
    A: A.toString(16),
    claim: ({ deviceGroupKey, deviceKey, devicePassword, challenge, now }) => {
      if (!deviceGroupKey || !deviceKey || !devicePassword) throw new SrpError('SrpInvalidInput', 'Invalid SRP input: the device is not known');
      const timestamp = formatTimestamp(now ?? Date.now());
      return signClaim(a, paddedA, { group: deviceGroupKey, id: deviceKey, password: devicePassword }, challenge, timestamp);
    },
  };
}
