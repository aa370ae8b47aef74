// The fixed-base table for powers of g (src/crypto/srp-fixed-base.ts): once built, every power it gives equals the
// one computed by squaring, at every exponent length around its edges, and a recorded sign-in still signs the same.
import { expect } from 'chai';
import { powTwo } from '../../src/crypto/srp-math.js';
import { powG, prepareFixedBase } from '../../src/crypto/srp-fixed-base.js';
import { createSrpSession } from '../../src/crypto/srp-user.js';

/** A pseudo-random exponent of exactly `bits` bits (reproducible: a linear congruential sequence). */
function exponent(bits: number, seed: number): bigint {
  let e = 0n;
  let s = seed;
  for (let b = 0; b < bits; b++) {
    s = (s * 1103515245 + 12345) >>> 0;
    if (b === bits - 1 || s & 0x10000) e |= 1n << BigInt(b);
  }
  return e;
}

interface Vector {
  aHex: string;
  userPoolId: string;
  username: string;
  password: string;
  timestamp: string;
  challenge: { SRP_B: string; SALT: string; SECRET_BLOCK: string };
  expected: { AHex: string; PASSWORD_CLAIM_SIGNATURE: string };
}

describe('srp-fixed-base.ts', () => {
  it('before and after the table is built, 2^e mod N is the same as by squaring', async () => {
    const before = [exponent(256, 1), exponent(1024, 2)].map((e) => powG(e) === powTwo(e));
    expect(before).to.deep.equal([true, true]);
    await prepareFixedBase();
    for (const bits of [0, 1, 2, 31, 32, 33, 255, 256, 257, 1023, 1024, 1025, 1500]) {
      for (let seed = 1; seed <= 3; seed++) {
        const e = exponent(bits, seed * 7919 + bits);
        expect(powG(e) === powTwo(e), `${bits} bits, seed ${seed}`).to.equal(true);
      }
    }
    const allOnes = (1n << 1024n) - 1n;
    expect(powG(allOnes) === powTwo(allOnes), 'every bit set').to.equal(true);
  });

  it('a recorded sign-in signs the same with the table', async () => {
    await prepareFixedBase();
    const response = await fetch('/__shared/srp-vectors.json'); // served by web-test-runner.config.js
    expect(response.ok, 'the shared SRP vectors').to.equal(true);
    const vectors = (await response.json()) as Vector[];
    for (const v of vectors.slice(0, 5)) {
      const session = createSrpSession(v.aHex);
      expect(BigInt('0x' + session.A) === BigInt('0x' + v.expected.AHex)).to.equal(true);
      const { userPoolId, username: userIdForSrp, password, challenge, timestamp } = v;
      const claim = await session.passwordClaim({ userPoolId, userIdForSrp, password, challenge, timestamp });
      expect(claim.PASSWORD_CLAIM_SIGNATURE).to.equal(v.expected.PASSWORD_CLAIM_SIGNATURE);
    }
  });
});
