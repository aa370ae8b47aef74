// Server side of Cognito's SRP-6a (USER_SRP_AUTH → PASSWORD_VERIFIER), written with BigInt so that the double does
// not share a single line with the clients it checks (src/srp.ts, amazon-cognito-identity-js).
//
// Cognito's flavour, as amazon-cognito-identity-js's AuthenticationHelper computes it (see /work/shared/srp-vectors.md):
//   N = the 3072-bit MODP group of RFC 3526, g = 2, k = H(pad(N) | pad(g))
//   x = H(pad(salt) | H(poolName | userId | ":" | password)),  v = g^x mod N
//   B = (k·v + g^b) mod N,  u = H(pad(A) | pad(B)),  S = (A · v^u)^b mod N
//   key = HKDF-SHA256(ikm = pad(S), salt = pad(u), info = "Caldera Derived Key" | 0x01), first 16 bytes
//   PASSWORD_CLAIM_SIGNATURE = base64 HMAC-SHA256(key, poolName | userId | SECRET_BLOCK bytes | TIMESTAMP)
// where pad() is the even-length, sign-safe hex of the integer ("00" prefixed when the top bit is set).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
export const g = 2n;

/** Even-length hex of a non-negative integer, with "00" in front when its top bit is set (Java's toByteArray). */
export function padHex(n) {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return /^[89a-f]/.test(hex) ? `00${hex}` : hex;
}

const sha256 = (data) => createHash('sha256').update(data).digest();
const hexHash = (hex) => sha256(Buffer.from(hex, 'hex')).toString('hex');
const big = (hex) => BigInt(`0x${hex}`);

export function modPow(base, exp, mod) {
  let result = 1n;
  base %= mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  return result;
}

export const k = big(hexHash(padHex(N) + padHex(g)));

/** The verifier v for a user, computed from the password cognito-local keeps (a real pool stores v, not the password). */
export function verifier({ poolName, userId, password, saltHex }) {
  const inner = sha256(`${poolName}${userId}:${password}`).toString('hex');
  const x = big(hexHash(padHex(big(saltHex)) + inner));
  return modPow(g, x, N);
}

/** A fresh server value b and B = k·v + g^b (mod N); B mod N is never 0. */
export function serverB(v) {
  for (;;) {
    const b = big(randomBytes(128).toString('hex'));
    const B = (k * v + modPow(g, b, N)) % N;
    if (B !== 0n) return { b, B };
  }
}

/** The 16-byte key both sides derive, or null when A is unacceptable (A mod N = 0, or u = 0). */
export function sessionKey({ A, B, b, v }) {
  if (A % N === 0n) return null;
  const u = big(hexHash(padHex(A) + padHex(B)));
  if (u === 0n) return null;
  const S = modPow((A * modPow(v, u, N)) % N, b, N);
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  return createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
}

/** The signature a client holding the right password sends, base64. */
export function claimSignature({ key, poolName, userId, secretBlock, timestamp }) {
  return createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(poolName + userId, 'utf8'), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp, 'utf8')]))
    .digest('base64');
}

/** Constant-time comparison of two base64 signatures. */
export function sameSignature(expected, received) {
  const a = Buffer.from(expected, 'base64');
  const b = Buffer.from(String(received ?? ''), 'base64');
  return a.length === b.length && timingSafeEqual(a, b);
}

// TIMESTAMP as Java's "EEE MMM d HH:mm:ss 'UTC' yyyy" in English, e.g. "Tue Mar 4 09:05:07 UTC 2025": the day of the
// month is not zero-padded, the time is.
const TIMESTAMP = /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d UTC \d{4}$/;

/** The instant a TIMESTAMP stands for, or null if it is not in Cognito's format (or names the wrong weekday). */
export function parseTimestamp(value) {
  const m = TIMESTAMP.exec(String(value ?? ''));
  if (!m) return null;
  const [, weekday, month, day, , ] = m;
  const [time, , year] = value.split(' ').slice(3);
  const ms = Date.parse(`${day} ${month} ${year} ${time} UTC`);
  if (Number.isNaN(ms)) return null;
  const actual = new Date(ms);
  if (actual.getUTCDate() !== Number(day)) return null; // e.g. Feb 30
  if (actual.toUTCString().slice(0, 3) !== weekday) return null;
  return ms;
}
