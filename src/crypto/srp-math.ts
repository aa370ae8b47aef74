/**
 * The maths and bytes of Cognito's SRP-6a, shared by the password claim (srp-user.ts) and, later, the device claim.
 *
 * The math is native BigInt and the hashing a small SHA-256 (sha256.ts), so no BigInteger library ships. Every byte
 * that goes into a hash follows amazon-cognito-identity-js exactly (its `padHex`: Java `BigInteger.toByteArray()`
 * style, i.e. minimal big-endian bytes plus a 0x00 sign byte when the high bit is set), because Cognito verifies the
 * claim against that encoding; an encoding that is "more correct" would simply fail to sign in.
 */

import { hkdf16 as hkdf, sha256 } from './sha256.js';

export { hmacSha256, sha256 } from './sha256.js';

export type SrpErrorCode = 'SrpInvalidChallenge' | 'SrpInvalidInput' | 'SrpUnsupported';

export class SrpError extends Error {
  readonly code: SrpErrorCode;

  constructor(code: SrpErrorCode, message: string) {
    super(message);
    this.name = 'SrpError';
    this.code = code;
  }
}

/** The 3072-bit MODP group of RFC 3526 / RFC 5054, the one Cognito uses. */
export const SRP_N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const N = SRP_N;
const G = 2n;

const HKDF_INFO = new TextEncoder().encode('Caldera Derived Key');

// ---------------------------------------------------------------------------------------------------------------
// Modular exponentiation, in Montgomery form with R = 2^3072. In V8 a BigInt `%` by N costs about two 3072-bit
// multiplications; a Montgomery reduction done in three 1024-bit steps (smaller products, masks, shifts) measured
// ~1.6x faster per squaring in Chromium than `%`, a little faster than two 1536-bit steps (Node 20 and Chromium 156),
// and faster than Barrett or a single full-width REDC.
// Powers of g = 2 come from a fixed-base table once it is built (srp-fixed-base.ts), else from powTwo, which only
// squares (multiplying by 2^v is a shift); the shared secret S has an arbitrary base: a sliding window of odd powers.
// ---------------------------------------------------------------------------------------------------------------

const STEP_BITS = 1024;
const STEP = BigInt(STEP_BITS);
/** R mod N: 1 in Montgomery form. */
export const R_MOD_N = (1n << 3072n) % N;
/** -N^-1 mod 2^1024, by Newton's iteration (each step doubles the correct low bits). */
const N_PRIME = (() => {
  const mask = (1n << STEP) - 1n;
  let inverse = 1n;
  while (((N * inverse) & mask) !== 1n) inverse = (inverse * (2n - N * inverse)) & mask;
  return (mask + 1n - inverse) & mask;
})();

/** t·R^-1 mod N for 0 <= t < N·R: three REDC steps of 1024 bits, together one REDC with m < R, so the result is < 2N. */
export function redc(t: bigint): bigint {
  let m = BigInt.asUintN(STEP_BITS, BigInt.asUintN(STEP_BITS, t) * N_PRIME);
  t = (t + m * N) >> STEP;
  m = BigInt.asUintN(STEP_BITS, BigInt.asUintN(STEP_BITS, t) * N_PRIME);
  t = (t + m * N) >> STEP;
  m = BigInt.asUintN(STEP_BITS, BigInt.asUintN(STEP_BITS, t) * N_PRIME);
  t = (t + m * N) >> STEP;
  return t >= N ? t - N : t;
}

const POW_TWO_WINDOW = 4;
const SHIFTS = Array.from({ length: 1 << POW_TWO_WINDOW }, (_, v) => BigInt(v));

/** 2^e mod N. */
export function powTwo(e: bigint): bigint {
  const bits = e.toString(2);
  let i = bits.length % POW_TWO_WINDOW || POW_TWO_WINDOW;
  let r = (R_MOD_N << SHIFTS[parseInt(bits.slice(0, i), 2)]!) % N; // 2^v·R: Montgomery form of 2^v
  for (; i < bits.length; i += POW_TWO_WINDOW) {
    for (let j = 0; j < POW_TWO_WINDOW; j++) r = redc(r * r);
    const v = parseInt(bits.slice(i, i + POW_TWO_WINDOW), 2);
    // A shift of < 16 bits leaves a one-digit quotient: this `%` is cheap, unlike the one after a squaring.
    if (v !== 0) r = (r << SHIFTS[v]!) % N;
  }
  return redc(r);
}

/** base^e mod N for base >= 0, left-to-right sliding window over the odd powers of base. */
export function modPow(base: bigint, e: bigint): bigint {
  const bits = e.toString(2);
  const w = bits.length > 640 ? 6 : bits.length > 160 ? 5 : bits.length > 24 ? 4 : 1;
  const odd: bigint[] = [((base % N) << 3072n) % N];
  if (w > 1) {
    const square = redc(odd[0]! * odd[0]!);
    for (let n = 1; n < 1 << (w - 1); n++) odd.push(redc(odd[n - 1]! * square));
  }
  let r = R_MOD_N; // 1 in Montgomery form
  let i = 0;
  while (i < bits.length) {
    if (bits.charCodeAt(i) === 48 /* '0' */) {
      r = redc(r * r);
      i++;
      continue;
    }
    // The longest window of at most w bits that starts at i and ends on a 1 bit, so it indexes an odd power.
    let end = Math.min(i + w, bits.length);
    while (bits.charCodeAt(end - 1) === 48) end--;
    const power = odd[parseInt(bits.slice(i, end), 2) >> 1]!;
    if (r === R_MOD_N) {
      r = power; // r is 1 (before the first window), and 1 squared is 1: skip the squarings
    } else {
      for (let j = i; j < end; j++) r = redc(r * r);
      r = redc(r * power);
    }
    i = end;
  }
  return redc(r);
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes. Hex strings are only produced or parsed at the boundaries (a few kilobytes per sign-in), through tables.
// ---------------------------------------------------------------------------------------------------------------

const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const NIBBLE = new Int8Array(128).fill(-1);
for (let c = 0; c < 16; c++) {
  NIBBLE['0123456789abcdef'.charCodeAt(c)] = c;
  NIBBLE['0123456789ABCDEF'.charCodeAt(c)] = c;
}

function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += HEX_BYTE[bytes[i]!];
  return hex;
}

export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt('0x' + bytesToHex(bytes));
}

/**
 * amazon-cognito-identity-js's padHex(n) as bytes: n in big-endian with the fewest bytes, plus a leading 0x00 when
 * the top bit is set (so the value reads as positive in two's complement). 0 becomes one zero byte.
 */
export function paddedBytes(n: bigint): Uint8Array<ArrayBuffer> {
  const hex = n.toString(16);
  const digits = hex.length + (hex.length & 1);
  const offset = hex.length & 1; // an odd-length hex string gets an implicit leading '0' nibble
  const topNibble = offset ? 0 : NIBBLE[hex.charCodeAt(0)]!;
  const sign = topNibble >= 8 ? 1 : 0;
  const out = new Uint8Array(digits / 2 + sign);
  let o = sign;
  let i = 0;
  if (offset) out[o++] = NIBBLE[hex.charCodeAt(i++)]!;
  for (; i < hex.length; i += 2) {
    out[o++] = (NIBBLE[hex.charCodeAt(i)]! << 4) | NIBBLE[hex.charCodeAt(i + 1)]!;
  }
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

const HEX_RE = /^[0-9a-fA-F]+$/;

/** Cognito sends hex integers in any case and with redundant leading zeros; they are integers, not byte strings. */
export function parseHexInteger(value: unknown, name: string, code: SrpErrorCode): bigint {
  if (typeof value !== 'string' || !HEX_RE.test(value)) {
    const what = code === 'SrpInvalidChallenge' ? 'Invalid SRP challenge' : 'Invalid SRP input';
    throw new SrpError(code, `${what}: ${name} is not a hexadecimal string`);
  }
  return BigInt('0x' + value);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let c = 0; c < 64; c++) BASE64_VALUE[BASE64.charCodeAt(c)] = c;

/** Standard base64 with or without '=' padding; anything else (whitespace, base64url, stray '=') is refused. */
export function decodeBase64(value: unknown, name: string): Uint8Array<ArrayBuffer> {
  const fail = (): never => {
    throw new SrpError('SrpInvalidChallenge', `Invalid SRP challenge: ${name} is not base64`);
  };
  if (typeof value !== 'string' || value.length === 0) return fail();
  let end = value.length;
  if (end % 4 === 0) {
    if (value.charCodeAt(end - 1) === 61 /* '=' */) end--;
    if (value.charCodeAt(end - 1) === 61) end--;
  }
  if (end % 4 === 1) return fail();
  const out = new Uint8Array((end * 3) >> 2);
  let acc = 0;
  let bitCount = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i);
    const v = c < 128 ? BASE64_VALUE[c]! : -1;
    if (v < 0) return fail();
    acc = ((acc << 6) | v) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out[o++] = (acc >> bitCount) & 0xff;
    }
  }
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

// ---------------------------------------------------------------------------------------------------------------
// Hashes (sha256.ts: synchronous, see there why not WebCrypto)
// ---------------------------------------------------------------------------------------------------------------

/** First 16 bytes of HKDF-SHA256 with Cognito's info string. */
export function hkdf16(ikm: Uint8Array, salt: Uint8Array): Uint8Array<ArrayBuffer> {
  return hkdf(ikm, salt, HKDF_INFO);
}

// k depends only on the group: hashed once per page.
let k: bigint | undefined;
export function multiplierK(): bigint {
  k ??= bytesToBigInt(sha256(concatBytes(paddedBytes(N), paddedBytes(G))));
  return k;
}
