import { expect } from 'chai';
import { modPow, powTwo, SRP_N } from '../../src/crypto/srp-math.js';
import { createSrpSession, formatTimestamp, SrpError, type PasswordVerifierChallenge } from '../../src/crypto/srp-user.js';

/** One USER_SRP_AUTH sign-in recorded from amazon-cognito-identity-js (schema: ../shared/srp-vectors.md). */
interface UserVector {
  id: string;
  description: string;
  tags: string[];
  userPoolId: string;
  username: string;
  password: string;
  aHex: string;
  challenge: PasswordVerifierChallenge & { USER_ID_FOR_SRP: string; USERNAME: string };
  timestamp: string;
  epochMs: number;
  expected: {
    AHex: string;
    PASSWORD_CLAIM_SIGNATURE: string;
    challengeResponses: Record<string, string>;
  };
}

interface InvalidVector {
  id: string;
  userPoolId: string;
  username: string;
  password: string;
  aHex: string;
  challenge: PasswordVerifierChallenge;
  timestamp: string;
  expectedError: string;
}

async function loadShared<T>(name: string): Promise<T> {
  const response = await fetch(`/__shared/${name}`);
  if (!response.ok) throw new Error(`cannot load ../shared/${name}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

// Top-level await: mocha only starts after the module has loaded, so one `it` per vector can be generated.
const vectors = await loadShared<UserVector[]>('srp-vectors.json');
const invalidVectors = await loadShared<InvalidVector[]>('srp-vectors-invalid.json');

/** Resolves to the SrpError that `promise` rejects with; fails the test if it resolves with an answer. */
async function rejection(promise: Promise<unknown>): Promise<SrpError> {
  let answer: unknown;
  try {
    answer = await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(SrpError);
    return error as SrpError;
  }
  expect.fail(`expected a refusal, got an answer: ${JSON.stringify(answer)}`);
}

function thrown(fn: () => unknown): SrpError {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(SrpError);
    return error as SrpError;
  }
  expect.fail('expected an SrpError');
}

describe('srp: USER_SRP_AUTH vectors from amazon-cognito-identity-js', () => {
  it('has vectors to check', () => {
    expect(vectors.length).to.be.greaterThan(0);
    expect(invalidVectors.length).to.be.greaterThan(0);
  });

  for (const v of vectors) {
    it(`${v.id}: ${v.description}`, async () => {
      const session = createSrpSession(v.aHex);
      expect(BigInt('0x' + session.A), 'A').to.equal(BigInt('0x' + v.expected.AHex));

      const claim = await session.passwordClaim({
        userPoolId: v.userPoolId,
        userIdForSrp: v.username,
        password: v.password,
        challenge: v.challenge,
        timestamp: v.timestamp,
      });
      const expected = v.expected.challengeResponses;
      expect(claim.PASSWORD_CLAIM_SIGNATURE, 'signature').to.equal(v.expected.PASSWORD_CLAIM_SIGNATURE);
      expect(claim.PASSWORD_CLAIM_SECRET_BLOCK, 'secret block').to.equal(expected.PASSWORD_CLAIM_SECRET_BLOCK);
      expect(claim.TIMESTAMP, 'timestamp').to.equal(expected.TIMESTAMP);
    });
  }
});

describe('srp: refuses invalid challenges', () => {
  for (const v of invalidVectors) {
    it(`${v.id} (oracle: "${v.expectedError}")`, async () => {
      const error = await rejection(
        createSrpSession(v.aHex).passwordClaim({
          userPoolId: v.userPoolId,
          userIdForSrp: v.username,
          password: v.password,
          challenge: v.challenge,
          timestamp: v.timestamp,
        }),
      );
      expect(error.code).to.equal('SrpInvalidChallenge');
      // Same meaning as the oracle's message, in our own words.
      if (/^B cannot be zero/.test(v.expectedError)) expect(error.message).to.contain('B mod N is 0');
      else if (/^U cannot be zero/.test(v.expectedError)) expect(error.message).to.match(/\bu\b.* is 0/);
      else expect.fail(`no meaning known for oracle error "${v.expectedError}"`);
    });
  }

  type LooseChallenge = Partial<Record<keyof PasswordVerifierChallenge, unknown>>;
  const base = vectors[0]!;
  const claimWith = (challenge: LooseChallenge, userPoolId = base.userPoolId) =>
    createSrpSession(base.aHex).passwordClaim({
      userPoolId,
      userIdForSrp: base.username,
      password: base.password,
      challenge: { ...base.challenge, ...challenge } as PasswordVerifierChallenge,
      timestamp: base.timestamp,
    });

  const malformed: [string, LooseChallenge, RegExp][] = [
    ['SRP_B empty', { SRP_B: '' }, /SRP_B is not a hexadecimal string/],
    ['SRP_B with 0x prefix', { SRP_B: '0x' + base.challenge.SRP_B }, /SRP_B/],
    ['SRP_B with a non-hex digit', { SRP_B: base.challenge.SRP_B.slice(0, -1) + 'g' }, /SRP_B/],
    ['SRP_B with whitespace', { SRP_B: ' ' + base.challenge.SRP_B }, /SRP_B/],
    ['SRP_B negative', { SRP_B: '-' + base.challenge.SRP_B }, /SRP_B/],
    ['SRP_B missing', { SRP_B: undefined }, /SRP_B/],
    ['SALT not hex', { SALT: 'salt' }, /SALT is not a hexadecimal string/],
    ['SALT empty', { SALT: '' }, /SALT/],
    ['SECRET_BLOCK empty', { SECRET_BLOCK: '' }, /SECRET_BLOCK is not base64/],
    ['SECRET_BLOCK with a stray character', { SECRET_BLOCK: 'abc$' }, /SECRET_BLOCK/],
    ['SECRET_BLOCK base64url', { SECRET_BLOCK: 'ab-_' }, /SECRET_BLOCK/],
    ['SECRET_BLOCK of impossible length', { SECRET_BLOCK: 'abcde' }, /SECRET_BLOCK/],
    ['SECRET_BLOCK with padding in the middle', { SECRET_BLOCK: 'ab==abcd' }, /SECRET_BLOCK/],
    ['SECRET_BLOCK with whitespace', { SECRET_BLOCK: 'abcd efg' }, /SECRET_BLOCK/],
    ['SECRET_BLOCK not a string', { SECRET_BLOCK: 42 }, /SECRET_BLOCK/],
  ];
  for (const [name, challenge, message] of malformed) {
    it(`refuses a challenge with ${name}`, async () => {
      const error = await rejection(claimWith(challenge));
      expect(error.code).to.equal('SrpInvalidChallenge');
      expect(error.message).to.match(/^Invalid SRP challenge: /).and.to.match(message);
    });
  }

  it('refuses a user pool id without a region prefix', async () => {
    const error = await rejection(claimWith({}, 'AbCdEf123'));
    expect(error.code).to.equal('SrpInvalidInput');
    expect(error.message).to.contain('user pool id');
  });

  it('refuses an injected a that is malformed or gives A = 1', () => {
    expect(thrown(() => createSrpSession('0')).code).to.equal('SrpInvalidInput');
    expect(thrown(() => createSrpSession('')).code).to.equal('SrpInvalidInput');
    expect(thrown(() => createSrpSession('xyz')).code).to.equal('SrpInvalidInput');
  });

  it('accepts unpadded base64 for SECRET_BLOCK (as Buffer does) and echoes it unchanged', async () => {
    const v = vectors.find((candidate) => candidate.challenge.SECRET_BLOCK.endsWith('='));
    expect(v, 'a vector with a padded SECRET_BLOCK').to.not.equal(undefined);
    const unpadded = v!.challenge.SECRET_BLOCK.replace(/=+$/, '');
    const claim = await createSrpSession(v!.aHex).passwordClaim({
      userPoolId: v!.userPoolId,
      userIdForSrp: v!.username,
      password: v!.password,
      challenge: { ...v!.challenge, SECRET_BLOCK: unpadded },
      timestamp: v!.timestamp,
    });
    expect(claim.PASSWORD_CLAIM_SIGNATURE).to.equal(v!.expected.PASSWORD_CLAIM_SIGNATURE);
    expect(claim.PASSWORD_CLAIM_SECRET_BLOCK).to.equal(unpadded);
  });
});

describe('srp: TIMESTAMP', () => {
  const instants = new Map(vectors.map((v) => [v.epochMs, v.timestamp]));
  for (const [epochMs, timestamp] of instants) {
    it(`formats ${new Date(epochMs).toISOString()} as "${timestamp}"`, () => {
      expect(formatTimestamp(epochMs)).to.equal(timestamp);
      expect(formatTimestamp(new Date(epochMs))).to.equal(timestamp);
    });
  }

  it('does not zero-pad the day but zero-pads hours, minutes and seconds', () => {
    expect(formatTimestamp(Date.UTC(2025, 8, 2, 20, 9, 5))).to.equal('Tue Sep 2 20:09:05 UTC 2025');
    expect(formatTimestamp(Date.UTC(2024, 1, 29, 0, 0, 0))).to.equal('Thu Feb 29 00:00:00 UTC 2024');
    expect(formatTimestamp(Date.UTC(2030, 10, 9, 1, 2, 3))).to.equal('Sat Nov 9 01:02:03 UTC 2030');
  });

  it('uses UTC and drops milliseconds', () => {
    // 23:59:59.999 UTC is already the next day (or still the previous one) in most time zones.
    expect(formatTimestamp(Date.UTC(2025, 11, 31, 23, 59, 59, 999))).to.equal('Wed Dec 31 23:59:59 UTC 2025');
    expect(formatTimestamp(Date.UTC(2026, 0, 1, 0, 0, 0, 1))).to.equal('Thu Jan 1 00:00:00 UTC 2026');
  });

  it('defaults to now, in the same format', () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const now = formatTimestamp();
    const after = Date.now();
    expect([formatTimestamp(before), formatTimestamp(after)]).to.include(now);
    expect(now).to.match(/^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) [A-Z][a-z]{2} [1-9]\d? \d\d:\d\d:\d\d UTC \d{4}$/);
  });

  it('stamps a claim with the current time when no timestamp is given', async () => {
    const v = vectors[0]!;
    const before = Math.floor(Date.now() / 1000) * 1000;
    const claim = await createSrpSession(v.aHex).passwordClaim({
      userPoolId: v.userPoolId,
      userIdForSrp: v.username,
      password: v.password,
      challenge: v.challenge,
    });
    const candidates = [];
    for (let t = before; t <= Date.now(); t += 1000) candidates.push(formatTimestamp(t));
    expect(candidates).to.include(claim.TIMESTAMP);
  });

  it('refuses an invalid date', () => {
    expect(thrown(() => formatTimestamp(Number.NaN)).code).to.equal('SrpInvalidInput');
  });
});

describe('srp: random sessions', () => {
  it('draws a fresh a for every session: A differs, is plain lower-case hex, and 1 < A < N', () => {
    const sessions = [createSrpSession(), createSrpSession(), createSrpSession()];
    const values = sessions.map((s) => s.A);
    expect(new Set(values).size).to.equal(values.length);
    for (const A of values) {
      expect(A).to.match(/^[1-9a-f][0-9a-f]*$/);
      const n = BigInt('0x' + A);
      expect(n > 1n, 'A > 1').to.equal(true);
      expect(n < SRP_N, 'A < N').to.equal(true);
    }
  });

  it('answers a challenge with a well-formed claim', async () => {
    const v = vectors[0]!;
    const claim = await createSrpSession().passwordClaim({
      userPoolId: v.userPoolId,
      userIdForSrp: v.username,
      password: v.password,
      challenge: v.challenge,
      timestamp: v.timestamp,
    });
    expect(claim.PASSWORD_CLAIM_SIGNATURE).to.match(/^[A-Za-z0-9+/]{43}=$/);
    // A different a must give a different key, hence a different signature.
    expect(claim.PASSWORD_CLAIM_SIGNATURE).to.not.equal(v.expected.PASSWORD_CLAIM_SIGNATURE);
  });
});

describe('srp: modular exponentiation (Montgomery form) against plain square-and-multiply', () => {
  const N = SRP_N;
  function reference(base: bigint, e: bigint): bigint {
    let result = 1n;
    let b = base % N;
    for (; e > 0n; e >>= 1n) {
      if (e & 1n) result = (result * b) % N;
      b = (b * b) % N;
    }
    return result;
  }
  function randomBits(bits: number): bigint {
    const bytes = crypto.getRandomValues(new Uint8Array(Math.ceil(bits / 8)));
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return BigInt.asUintN(bits, BigInt('0x' + hex));
  }
  const exponents = [0n, 1n, 2n, 3n, 15n, 16n, 17n, 255n, (1n << 64n) - 1n, 1n << 1023n, N - 1n, N - 2n];
  exponents.push(randomBits(256), randomBits(1024), randomBits(1280));

  it('powTwo(e) = 2^e mod N', () => {
    for (const e of exponents) expect(powTwo(e), `e = ${e.toString(16)}`).to.equal(reference(2n, e));
    expect(powTwo(N - 1n), 'Fermat').to.equal(1n);
  });

  it('modPow(base, e) = base^e mod N, including bases 0, 1, N-1 and bases >= N', () => {
    const bases = [0n, 1n, 2n, N - 1n, N, N + 5n, randomBits(3071), randomBits(3072) % N, randomBits(64)];
    for (const base of bases) {
      for (const e of exponents) {
        expect(modPow(base, e), `base ${base.toString(16)}, e ${e.toString(16)}`).to.equal(reference(base, e));
      }
    }
  });
});
