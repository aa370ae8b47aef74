// `npm run bench -- srp`: one sign-in's SRP work (A + PASSWORD_VERIFIER claim), src/crypto/ against
// amazon-cognito-identity-js, the same bench/srp-work.ts in Chromium and in Node, on a recorded vector's inputs.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median, root, round, sharedDir } from './bench-util.js';

const SRP_ITERATIONS = 50;
const SRP_WARMUP = 5;
const SRP_TARGET_RATIO = 12;

/** The inputs of one recorded sign-in (SRP_VECTOR, default user-srp-01) from the shared SRP vectors. */
async function srpInput() {
  const vectors = JSON.parse(await readFile(path.join(sharedDir, 'srp-vectors.json'), 'utf8'));
  const vector = vectors.find((v) => v.id === (process.env.SRP_VECTOR ?? 'user-srp-01'));
  if (!vector) throw new Error(`no SRP vector ${process.env.SRP_VECTOR}`);
  const input = {
    userPoolId: vector.userPoolId,
    userIdForSrp: vector.username,
    password: vector.password,
    aHex: vector.aHex,
    timestamp: vector.timestamp,
    challenge: {
      SRP_B: vector.challenge.SRP_B,
      SALT: vector.challenge.SALT,
      SECRET_BLOCK: vector.challenge.SECRET_BLOCK,
    },
  };
  return { vector, input };
}

/** Runs bench/srp-work.ts in this Node process (bundled for Node: the baseline gets Node's own Buffer). */
async function runSrpInNode(input) {
  const dir = await mkdtemp(path.join(tmpdir(), 'cognito-elements-srp-'));
  try {
    const outfile = path.join(dir, 'srp-node.mjs');
    await build({
      entryPoints: [path.join(root, 'bench', 'srp-node.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      minify: true,
      logLevel: 'warning',
    });
    const { runSrpBench } = await import(pathToFileURL(outfile).href);
    return await runSrpBench(input, SRP_ITERATIONS, SRP_WARMUP);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One sign-in's SRP work (A + PASSWORD_VERIFIER claim): src/crypto/ against amazon-cognito-identity-js, the same
 * bench/srp-work.ts in Chromium and in Node, on the same recorded inputs; both must give the vector's signature.
 */
export async function benchSrp(context) {
  const { vector, input } = await srpInput();
  const page = await context.openPage('srp-page.ts');
  const chromium = await page.evaluate((i, n, w) => window.runSrpBench(i, n, w), input, SRP_ITERATIONS, SRP_WARMUP);
  await page.close();
  const node = await runSrpInNode(input);

  const expected = vector.expected.PASSWORD_CLAIM_SIGNATURE;
  const json = {
    vector: vector.id,
    iterations: SRP_ITERATIONS,
    warmup: SRP_WARMUP,
    baseline: 'amazon-cognito-identity-js AuthenticationHelper',
    measure: 'median ms per sign-in (A + claim) once warm; cold = the first sign-in of a page',
    browser: await context.browserVersion(),
    nodeVersion: process.version,
    date: new Date().toISOString(),
  };
  const rows = [];
  for (const [runtime, result] of [['chromium', chromium], ['node', node]]) {
    if (result.oursSignature !== result.baselineSignature || result.oursSignature !== expected) {
      throw new Error(
        `SRP signatures differ in ${runtime} for ${vector.id}: ours ${result.oursSignature}, ` +
          `amazon-cognito-identity-js ${result.baselineSignature}, vector ${expected}`,
      );
    }
    const ours = median(result.ours);
    const baseline = median(result.baseline);
    json[runtime] = {
      oursMs: round(ours),
      baselineMs: round(baseline),
      ratio: round(baseline / ours),
      oursMinMs: round(Math.min(...result.ours)),
      baselineMinMs: round(Math.min(...result.baseline)),
      oursColdMs: round(result.oursColdMs),
      baselineColdMs: round(result.baselineColdMs),
    };
    const r = json[runtime];
    rows.push({
      bench: `srp ${runtime}: one sign-in (A + claim)`,
      ours: `${r.oursMs} ms`,
      baseline: `${r.baselineMs} ms`,
      ratio: `${r.ratio}x`,
      target: `>= ${SRP_TARGET_RATIO}x ${r.ratio >= SRP_TARGET_RATIO ? 'ok' : 'UNDER'}`,
    });
    rows.push({
      bench: `srp ${runtime}: first sign-in of a page (cold)`,
      ours: `${r.oursColdMs} ms`,
      baseline: `${r.baselineColdMs} ms`,
      ratio: `${round(r.baselineColdMs / r.oursColdMs)}x`,
    });
  }
  return { rows, json };
}
