/**
 * SHA-256 (FIPS 180-4), HMAC-SHA256 (RFC 2104) and the 16-byte HKDF Cognito derives (RFC 5869), synchronous.
 *
 * Why not WebCrypto: a sign-in hashes about 2 KB in seven calls, and each crypto.subtle call is a round trip to
 * another thread (Chromium's crypto worker, Node's thread pool) costing far more than the hashing itself: together
 * about 1 ms of a ~7 ms claim. This is ~60 lines (under 1 KB gzip in the lazy srp chunk) and checked against the
 * recorded SRP vectors (test/unit/srp.test.ts) and known answers (test/unit/sha256.test.ts).
 */

// The round constants and the initial hash are the first 32 bits of the fractional parts of the cube roots of the
// first 64 primes and of the square roots of the first 8 (FIPS 180-4, 4.2.2 and 5.3.3): computed here instead of
// shipped (~700 bytes less gzip). Safe in doubles: no value has its 33rd to 37th fraction bits all 0 or all 1 (the
// nearest is 0.025 units of 2^-32 from a boundary), far above the error of any Math.cbrt (2^-48 here).
const K = new Uint32Array(64);
const INITIAL: number[] = [];
for (let n = 2, i = 0; i < 64; n++) {
  let prime = true;
  for (let d = 2; d * d <= n && prime; d++) prime = n % d !== 0;
  if (!prime) continue;
  const fraction = (x: number): number => ((x - Math.floor(x)) * 2 ** 32) >>> 0;
  if (i < 8) INITIAL.push(fraction(Math.sqrt(n)));
  K[i++] = fraction(Math.cbrt(n));
}
const W = new Uint32Array(64);

export function sha256(data: Uint8Array): Uint8Array<ArrayBuffer> {
  // The message, a 0x80 byte, zeros, and the bit length (big-endian, 64 bits; 32 suffice below 512 MB).
  const blocks = Math.ceil((data.length + 9) / 64);
  const padded = new Uint8Array(blocks * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, data.length * 8);
  view.setUint32(padded.length - 8, Math.floor(data.length / 0x20000000));
  const h = INITIAL.slice();
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) W[i] = view.getUint32(offset + 4 * i);
    for (let i = 16; i < 64; i++) {
      const a = W[i - 15]!;
      const b = W[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      W[i] = W[i - 16]! + s0 + W[i - 7]! + s1;
    }
    let [a, b, c, d, e, f, g, hh] = h as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + s1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    const state = [a, b, c, d, e, f, g, hh];
    for (let i = 0; i < 8; i++) h[i] = (h[i]! + state[i]!) | 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(4 * i, h[i]! >>> 0);
  return out;
}

export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64 + data.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(data, 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}

/** The first 16 bytes of HKDF-SHA256(ikm, salt, info): one HKDF-Expand block, truncated, as Cognito derives it. */
export function hkdf16(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array): Uint8Array<ArrayBuffer> {
  const prk = hmacSha256(salt, ikm);
  const t1 = new Uint8Array(info.length + 1);
  t1.set(info);
  t1[info.length] = 1;
  return hmacSha256(prk, t1).slice(0, 16);
}
