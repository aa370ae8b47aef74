#!/usr/bin/env node
// `npm test`: typecheck, then every test group in headless Chromium, with cognito-local started for the end-to-end
// tests and stopped afterwards whatever happens. Writes the totals to .test-summary.json for .ci/run.
//
//   node scripts/test.js                 all groups
//   node scripts/test.js --group unit    one group (unit, elements, e2e); the emulator starts only for e2e
//   node scripts/test.js -- <wtr args>   anything after -- goes to @web/test-runner
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator } from './emulator.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const summaryFile = path.join(root, '.test-summary.json');
const args = process.argv.slice(2);
const groupIndex = args.indexOf('--group');
const group = groupIndex >= 0 ? args[groupIndex + 1] : undefined;
const extra = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];

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

let emulator;
const env = { ...process.env, TEST_SUMMARY_FILE: summaryFile };
if (!group || group === 'e2e') {
  emulator = await startEmulator();
  env.COGNITO_ENDPOINT = emulator.endpoint;
  env.COGNITO_FIXTURES = JSON.stringify(emulator.seed);
  console.log(`> cognito-local on ${emulator.endpoint}`);
}

let code;
try {
  code = await run(bin('wtr'), [...(group ? ['--group', group] : []), ...extra], env);
} finally {
  await emulator?.stop();
}

let summary = { passed: 0, failed: code === 0 ? 0 : 1, skipped: 0 };
try {
  summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
} catch {
  writeFileSync(summaryFile, JSON.stringify(summary));
}
// The runner's exit code wins: a crash with no failed test still fails.
if (code !== 0 && summary.failed === 0) {
  summary.failed = 1;
  writeFileSync(summaryFile, JSON.stringify(summary));
}
console.log(`tests: ${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`);
process.exit(code);
