// The synchronous SHA-256, HMAC and HKDF the SRP claim uses (src/crypto/sha256.ts), against published answers
// (FIPS 180-4 examples, RFC 4231, RFC 5869) and against the browser's WebCrypto on lengths around the block edges.
import { expect } from 'chai';
import { hkdf16, hmacSha256, sha256 } from '../../src/crypto/sha256.js';

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (h: string) => new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));
const text = (s: string) => new TextEncoder().encode(s);

describe('sha256.ts', () => {
  it('gives the FIPS 180-4 example digests', () => {
    expect(hex(sha256(text('')))).to.equal('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(text('abc')))).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).to.equal(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(hex(sha256(text('a'.repeat(1_000_000))))).to.equal('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with WebCrypto on every length from 0 to 200 bytes', async () => {
    for (let n = 0; n <= 200; n++) {
      const data = new Uint8Array(n).map((_, i) => (i * 37 + n) & 255);
      const expected = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
      expect(hex(sha256(data)), `${n} bytes`).to.equal(hex(expected));
    }
  });

  it('gives the RFC 4231 HMAC-SHA256 answers, a key longer than a block included', () => {
    expect(hex(hmacSha256(text('Jefe'), text('what do ya want for nothing?')))).to.equal(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    expect(hex(hmacSha256(new Uint8Array(131).fill(0xaa), text('Test Using Larger Than Block-Size Key - Hash Key First')))).to.equal(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('gives the first 16 bytes of the RFC 5869 HKDF answer', () => {
    const okm = hkdf16(new Uint8Array(22).fill(0x0b), fromHex('000102030405060708090a0b0c'), fromHex('f0f1f2f3f4f5f6f7f8f9'));
    expect(hex(okm)).to.equal('3cb25f25faacd57a90434f64d0362f2a');
  });
});
