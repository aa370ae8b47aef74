/**
 * The SRP benchmark, the same code in Chromium (bench/srp-page.ts) and in Node (bench/srp-node.ts), bundled by
 * scripts/bench.js. Times one sign-in's SRP work, A and the PASSWORD_VERIFIER claim, for ours (src/crypto/) and for
 * amazon-cognito-identity-js on identical inputs (the same a, B, salt, password, timestamp).
 */
import { Buffer } from 'buffer';
import { Sha256 } from '@aws-crypto/sha256-js';
import AuthenticationHelper from 'amazon-cognito-identity-js/es/AuthenticationHelper.js';
import BigInteger from 'amazon-cognito-identity-js/es/BigInteger.js';
import { prepareFixedBase } from '../src/crypto/srp-fixed-base.js';
import { createSrpSession } from '../src/crypto/srp-user.js';

export interface SrpBenchInput {
  userPoolId: string;
  userIdForSrp: string;
  password: string;
  aHex: string;
  timestamp: string;
  challenge: { SRP_B: string; SALT: string; SECRET_BLOCK: string };
}

export interface SrpBenchResult {
  ours: number[];
  baseline: number[];
  oursSignature: string;
  baselineSignature: string;
  /** The first sign-in of the page (ours, then the baseline's), before any table or JIT warm-up. */
  oursColdMs: number;
  baselineColdMs: number;
}

async function oursSignIn(input: SrpBenchInput): Promise<{ A: string; signature: string }> {
  const session = createSrpSession(input.aHex);
  const claim = await session.passwordClaim(input);
  return { A: session.A, signature: claim.PASSWORD_CLAIM_SIGNATURE };
}

/**
 * What CognitoUser.authenticateUser does per sign-in: a new AuthenticationHelper (whose constructor draws a and
 * computes A), getLargeAValue, getPasswordAuthenticationKey, then the HMAC of the claim. Its private a is pinned by
 * overriding generateRandomSmallA, which the constructor calls, so A is computed once, from our a, as in real use.
 */
function baselineSignIn(input: SrpBenchInput): Promise<{ A: string; signature: string }> {
  const fixedA = new BigInteger(input.aHex, 16);
  class PinnedHelper extends AuthenticationHelper {
    override generateRandomSmallA(): BigInteger {
      return fixedA;
    }
  }
  const poolName = input.userPoolId.split('_')[1]!;
  return new Promise((resolve, reject) => {
    const helper = new PinnedHelper(poolName);
    helper.getLargeAValue((errA, largeA) => {
      if (errA || !largeA) return reject(errA ?? new Error('no A'));
      helper.getPasswordAuthenticationKey(
        input.userIdForSrp,
        input.password,
        new BigInteger(input.challenge.SRP_B, 16),
        new BigInteger(input.challenge.SALT, 16),
        (errKey, hkdf) => {
          if (errKey || !hkdf) return reject(errKey ?? new Error('no key'));
          const message = Buffer.concat([
            Buffer.from(poolName, 'utf8'),
            Buffer.from(input.userIdForSrp, 'utf8'),
            Buffer.from(input.challenge.SECRET_BLOCK, 'base64'),
            Buffer.from(input.timestamp, 'utf8'),
          ]);
          const hmac = new Sha256(hkdf);
          hmac.update(message);
          resolve({ A: largeA.toString(16), signature: Buffer.from(hmac.digestSync()).toString('base64') });
        },
      );
    });
  });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * The first sign-in of each (cold), then warm-up, then the two alternately so that any drift (GC, thermal) hits both
 * alike. Ours is timed once its fixed-base table (srp-fixed-base.ts, built once per page in the background while the
 * first InitiateAuth is in flight) is ready: that is every sign-in after the page's first.
 */
export async function runSrpBench(input: SrpBenchInput, iterations: number, warmup: number): Promise<SrpBenchResult> {
  let start = performance.now();
  const ours = await oursSignIn(input);
  const oursColdMs = performance.now() - start;
  start = performance.now();
  const baseline = await baselineSignIn(input);
  const baselineColdMs = performance.now() - start;
  if (BigInt('0x' + ours.A) !== BigInt('0x' + baseline.A)) throw new Error(`A differs: ${ours.A} vs ${baseline.A}`);
  await prepareFixedBase();
  for (let i = 0; i < warmup; i++) {
    await oursSignIn(input);
    await baselineSignIn(input);
  }
  const result: SrpBenchResult = {
    ours: [],
    baseline: [],
    oursSignature: ours.signature,
    baselineSignature: baseline.signature,
    oursColdMs,
    baselineColdMs,
  };
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      result.ours.push(await timed(() => oursSignIn(input)));
      result.baseline.push(await timed(() => baselineSignIn(input)));
    } else {
      result.baseline.push(await timed(() => baselineSignIn(input)));
      result.ours.push(await timed(() => oursSignIn(input)));
    }
  }
  return result;
}
