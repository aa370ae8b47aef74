#!/usr/bin/env node
// `npm test`: typecheck, then every test group, with cognito-local started for the end-to-end tests and stopped
// afterwards whatever happens. Writes the totals over every group (passed, failed, skipped) to .test-summary.json for
// .ci/run. With CI=true a skipped test fails the run.
//
//   groups: unit, elements, e2e   @web/test-runner in headless Chromium (test/<group>/**/*.test.ts)
//           node                  node:test on the built package: size budget, npm pack contents (test/node/*.test.js)
//           frameworks            the built package embedded in pages, against the emulator (test/frameworks/**)
//   `node` and `frameworks` run on the built package: `npm run build` runs first unless dist/ is up to date.
//
//   node scripts/test.js                 all groups
//   node scripts/test.js --group unit    one group; the emulator starts only for e2e and frameworks
//   node scripts/test.js -- <wtr args>   anything after -- goes to @web/test-runner (unit, elements, e2e)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { run as runNodeTests } from 'node:test';
import { spec } from 'node:test/reporters';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from './emulator.js';
import { ensureBuild } from './ensure-build.js';
import { startOAuthServer } from './oauth-server.js';
import { prepareApps } from '../test/frameworks/apps.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const summaryFile = path.join(root, '.test-summary.json');
const args = process.argv.slice(2);
const groupIndex = args.indexOf('--group');
const group = groupIndex >= 0 ? args[groupIndex + 1] : undefined;
const extra = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];
const WTR_GROUPS = ['unit', 'elements', 'e2e'];
if (group && ![...WTR_GROUPS, 'node', 'frameworks'].includes(group)) {
  console.error(`unknown group ${group} (unit, elements, e2e, node, frameworks)`);
  process.exit(2);
}
const wants = (name) => !group || group === name;

function run(command, commandArgs, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', (e) => {
      console.error(e.message);
      resolve(1);
    });
  });
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
rmSync(summaryFile, { force: true });

console.log('> typecheck');
const typecheck = await run(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
if (typecheck !== 0) {
  writeFileSync(summaryFile, JSON.stringify({ passed: 0, failed: 1, skipped: 0, note: 'typecheck failed' }));
  console.error('typecheck failed');
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const skippedNames = [];
let code = 0;
/** Adds one runner's counts; a runner that failed without a failed test still counts one failure. */
function count(result, exitCode) {
  totals.passed += result.passed ?? 0;
  totals.failed += result.failed ?? 0;
  totals.skipped += result.skipped ?? 0;
  skippedNames.push(...(result.skippedNames ?? []));
  if (exitCode !== 0 && !result.failed) totals.failed++;
  if (exitCode !== 0) code = exitCode;
}

let built = false;
if (wants('node') || wants('frameworks')) {
  console.log('> build (unless dist/ is newer than every source)');
  try {
    ensureBuild();
    built = true;
  } catch (error) {
    console.error(`${error.message}: the node and frameworks tests do not run`);
    count({}, 1);
  }
}

if (built && wants('node')) {
  console.log('> node tests (test/node)');
  const dir = path.join(root, 'test', 'node');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f));
  const result = { passed: 0, failed: 0, skipped: 0, skippedNames: [] };
  const stream = runNodeTests({ files, concurrency: 1 });
  // Suites (describe) report too; count tests only, as the browser runner does.
  stream.on('test:pass', (t) => {
    if (t.details?.type === 'suite') return;
    if (t.skip || t.todo) {
      result.skipped++;
      result.skippedNames.push(`${path.relative(root, t.file ?? '')}: ${t.name}${typeof t.skip === 'string' ? ` (${t.skip})` : ''}`);
    } else result.passed++;
  });
  stream.on('test:fail', (t) => {
    if (t.details?.type !== 'suite') result.failed++;
  });
  const done = new Promise((resolve) => stream.on('end', resolve));
  stream.compose(spec).pipe(process.stdout);
  await done;
  count(result, result.failed ? 1 : 0);
}

let emulator;
let oauth;
const env = { ...process.env, TEST_SUMMARY_FILE: summaryFile };
if (wants('e2e') || (built && wants('frameworks'))) {
  emulator = await startEmulator();
  env.COGNITO_ENDPOINT = emulator.endpoint;
  env.COGNITO_FIXTURES = JSON.stringify(emulator.seed);
  console.log(`> cognito-local on ${emulator.endpoint}`);
  // The federation tests' OAuth 2.0 server (in this process: it ends with it, whatever happens).
  oauth = await startOAuthServer();
  env.OAUTH_DOMAIN = oauth.url;
  console.log(`> oauth2-mock-server on ${oauth.url}`);
}

if (wants('e2e')) {
  // The demo test opens the built stories, as a user of `npm run build:demo` would.
  console.log('> build:demo');
  const demoBuild = await run(process.execPath, [path.join(root, 'scripts', 'build-demo.js')]);
  if (demoBuild !== 0) count({}, demoBuild);
}

/** One @web/test-runner invocation; its counting reporter writes the counts to TEST_SUMMARY_FILE. */
async function wtr(wtrArgs) {
  rmSync(summaryFile, { force: true });
  const exitCode = await run(bin('wtr'), wtrArgs, env);
  let result = {};
  try {
    result = JSON.parse(readFileSync(summaryFile, 'utf8'));
  } catch {
    // No summary: the runner crashed; count() turns its exit code into a failure.
  }
  count(result, exitCode);
}

try {
  if (!group || WTR_GROUPS.includes(group)) await wtr([...(group && !extra.includes('--files') ? ['--group', group] : []), ...extra]);
  if (built && wants('frameworks')) {
    // The React, Vue, Svelte and Angular apps: `npm ci` each from its own lock (the package from `npm pack`), then build.
    console.log('> frameworks: install and build the example apps (test/frameworks/apps.js)');
    try {
      for (const app of await prepareApps()) if (!app.ok) count({}, 1);
    } catch (error) {
      console.error(error.message);
      count({}, 1);
    }
    console.log('> frameworks (test/frameworks): the built package in pages');
    await wtr(['--config', path.join(root, 'test', 'frameworks', 'web-test-runner.config.js')]);
  }
} finally {
  await emulator?.stop();
  await oauth?.stop();
}

// In CI every reason a test could skip for (no emulator, no browser, a missing package) is provided by .ci/run, so a
// skip there means something that should have been checked was not: the run fails, and says so.
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
if (ci && totals.skipped > 0) {
  console.error(`CI: ${totals.skipped} test(s) skipped, and in CI a skipped test fails the run:`);
  for (const name of skippedNames) console.error(`  skipped: ${name}`);
  if (code === 0) code = 1;
}
writeFileSync(summaryFile, JSON.stringify({ ...totals, skippedNames }));
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(code);
