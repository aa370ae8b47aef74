#!/usr/bin/env node
// `npm run test:live`: the e2e journeys of test/e2e against a REAL Cognito user pool instead of the Cognito double.
// Not part of `npm test`: it needs an AWS account, a pool made from infra/cognito-test-pool.yaml, and a test user.
//
//   COGNITO_LIVE_REGION=eu-west-1 COGNITO_LIVE_USER_POOL_ID=... (every variable below) npm run test:live
//   npm run test:live -- --files test/e2e/flow.e2e.test.ts      anything after -- goes to @web/test-runner
//
// The browser talks to https://cognito-idp.<region>.amazonaws.com/ directly (Cognito answers CORS), with the same test
// files as `npm test`; test/e2e/env.ts sees the `live` fixtures and skips, by name and with the reason logged, the
// tests listed in test/e2e/live-exclusions.json (a code sent by email or SMS, a seeded user in a given state). This
// script prints that list first, and fails if any other test was skipped, if none passed, or if a variable is missing.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const e2eDir = path.join(root, 'test', 'e2e');
const TEMPLATE = 'infra/cognito-test-pool.yaml';

/** Every variable: what it is and where it comes from (the template's stack Outputs, or the test user you created). */
const VARIABLES = [
  { name: 'COGNITO_LIVE_REGION', from: 'Output Region', what: 'the pools’ AWS region, e.g. eu-west-1', check: /^[a-z]{2}(-[a-z]+)+-\d+$/ },
  { name: 'COGNITO_LIVE_USER_POOL_ID', from: 'Output UserPoolId', what: 'the main pool (email as username, TOTP MFA optional)', check: /^[\w-]+_[0-9a-zA-Z]+$/ },
  { name: 'COGNITO_LIVE_CLIENT_ID', from: 'Output PlainClientId', what: 'its public app client with SRP, password and refresh-token auth', check: /^[\w+]+$/ },
  { name: 'COGNITO_LIVE_ROTATION_CLIENT_ID', from: 'Output RotationClientId', what: 'its app client with refresh-token rotation on', check: /^[\w+]+$/ },
  { name: 'COGNITO_LIVE_DEVICE_USER_POOL_ID', from: 'Output DeviceUserPoolId', what: 'the second pool, with device tracking on (a pool setting)', check: /^[\w-]+_[0-9a-zA-Z]+$/ },
  { name: 'COGNITO_LIVE_DEVICE_CLIENT_ID', from: 'Output DeviceClientId', what: 'the device pool’s public app client', check: /^[\w+]+$/ },
  { name: 'COGNITO_LIVE_DEVICE_ROTATION_CLIENT_ID', from: 'Output DeviceRotationClientId', what: 'the device pool’s client with rotation on', check: /^[\w+]+$/ },
  { name: 'COGNITO_LIVE_USERNAME', from: 'the test user you created', what: 'the test user’s email (the main pool signs in by email)', check: /^[^@\s]+@[^@\s]+$/ },
  { name: 'COGNITO_LIVE_PASSWORD', from: 'the test user you created', what: 'its permanent password', secret: true },
  { name: 'COGNITO_LIVE_USER_SUB', from: 'admin-get-user (attribute sub)', what: 'its sub, the username Cognito gives it in an email pool', check: /^[0-9a-f-]{36}$/ },
  { name: 'COGNITO_LIVE_TOTP_SECRET', from: 'associate-software-token (SecretCode)', what: 'the base32 secret of its verified TOTP', check: /^[A-Z2-7]+=*$/i, secret: true },
];
const OPTIONAL = [
  { name: 'COGNITO_LIVE_USER_AUTH_CLIENT_ID', what: 'Output UserAuthClientId: the choice-based (USER_AUTH) client, for tests that use it' },
  { name: 'COGNITO_LIVE_TOTP_DEVICE_NAME', what: 'the FriendlyDeviceName given to VerifySoftwareToken; when set, the TOTP screen must show it' },
  { name: 'COGNITO_LIVE_DEVICE_USERNAME', what: 'the test user of the device pool, no MFA (default: COGNITO_LIVE_USERNAME)' },
  { name: 'COGNITO_LIVE_DEVICE_PASSWORD', what: 'its password (default: COGNITO_LIVE_PASSWORD)' },
  { name: 'COGNITO_LIVE_ENDPOINT', what: 'another Cognito endpoint (default https://cognito-idp.<region>.amazonaws.com/)' },
];

function usage(problems) {
  console.error('npm run test:live runs the e2e journeys against a real Cognito user pool, and needs:\n');
  for (const v of VARIABLES) console.error(`  ${v.name.padEnd(34)} ${v.what} [${v.from}]`);
  console.error('\nOptional:\n');
  for (const v of OPTIONAL) console.error(`  ${v.name.padEnd(34)} ${v.what}`);
  console.error(`\n${problems.join('\n')}\n`);
  console.error(`Create the pools with ${TEMPLATE} (CloudFormation): its stack Outputs give the ids; the README ("Against`);
  console.error('a real user pool") shows how to create the test user, turn on its TOTP, and export the variables.');
  process.exit(2);
}

const env = process.env;
const missing = VARIABLES.filter((v) => !env[v.name]?.trim());
if (missing.length) usage([`Missing (${missing.length}): ${missing.map((v) => v.name).join(', ')}`]);
const malformed = VARIABLES.filter((v) => v.check && !v.check.test(env[v.name].trim()));
if (malformed.length) {
  // Never echo a secret back; the others are ids and help to spot a paste error.
  usage(malformed.map((v) => `Not ${v.what}: ${v.name}${v.secret ? '' : `=${JSON.stringify(env[v.name])}`}`));
}
const val = (name) => env[name]?.trim() || undefined;
const region = val('COGNITO_LIVE_REGION');
for (const name of ['COGNITO_LIVE_USER_POOL_ID', 'COGNITO_LIVE_DEVICE_USER_POOL_ID']) {
  if (!val(name).startsWith(`${region}_`)) usage([`${name} must be a pool of ${region} (<region>_<id>), not ${val(name)}`]);
}
const endpoint = val('COGNITO_LIVE_ENDPOINT') ?? `https://cognito-idp.${region}.amazonaws.com/`;

const exclusions = JSON.parse(readFileSync(path.join(e2eDir, 'live-exclusions.json'), 'utf8'));
const user = {
  username: val('COGNITO_LIVE_USERNAME'),
  email: val('COGNITO_LIVE_USERNAME'),
  password: env.COGNITO_LIVE_PASSWORD,
  sub: val('COGNITO_LIVE_USER_SUB'),
  totp: { secret: val('COGNITO_LIVE_TOTP_SECRET'), ...(val('COGNITO_LIVE_TOTP_DEVICE_NAME') ? { deviceName: val('COGNITO_LIVE_TOTP_DEVICE_NAME') } : {}) },
};
const deviceUser = {
  username: val('COGNITO_LIVE_DEVICE_USERNAME') ?? user.username,
  email: val('COGNITO_LIVE_DEVICE_USERNAME') ?? user.username,
  password: env.COGNITO_LIVE_DEVICE_PASSWORD || user.password,
  // Not needed: no test that runs in the device pool compares the sub.
  sub: '',
};
/**
 * The fixtures test/e2e/env.ts reads, in the seed's shape. `email`: the main pool, and its one test user in every role
 * the live tests give a seed user there. `plain`: the device-tracking pool (signing in by email too), whose clients
 * `devices` and `rotation` test/e2e/session.e2e.test.ts uses, with its own user in that file's roles. Roles not listed
 * here belong to excluded tests; a test that is not excluded and reaches for one fails loudly (undefined user).
 */
const fixtures = {
  code: '',
  region,
  pools: {
    email: {
      id: val('COGNITO_LIVE_USER_POOL_ID'),
      clientId: val('COGNITO_LIVE_CLIENT_ID'),
      usernameAttributes: ['email'],
      signInWith: 'email',
      usernameFrom: 'sub',
      clients: {
        rotation: { clientId: val('COGNITO_LIVE_ROTATION_CLIENT_ID'), purpose: 'refresh-token rotation' },
        ...(val('COGNITO_LIVE_USER_AUTH_CLIENT_ID') ? { userauth: { clientId: val('COGNITO_LIVE_USER_AUTH_CLIENT_ID'), purpose: 'USER_AUTH' } } : {}),
      },
    },
    plain: {
      id: val('COGNITO_LIVE_DEVICE_USER_POOL_ID'),
      clientId: val('COGNITO_LIVE_DEVICE_CLIENT_ID'),
      usernameAttributes: ['email'],
      signInWith: 'email',
      usernameFrom: 'sub',
      clients: {
        devices: { clientId: val('COGNITO_LIVE_DEVICE_CLIENT_ID'), purpose: 'device tracking (a pool setting)' },
        rotation: { clientId: val('COGNITO_LIVE_DEVICE_ROTATION_CLIENT_ID'), purpose: 'refresh-token rotation, devices tracked' },
      },
    },
  },
  users: {
    ...Object.fromEntries(['signin', 'wrongpass', 'totp', 'refresh', 'restore', 'signout'].map((role) => [role, user])),
    ...Object.fromEntries(['deviceuser', 'rotator', 'globalout'].map((role) => [role, deviceUser])),
  },
  live: { region, exclude: exclusions.tests },
};

const extra = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
const files = readdirSync(e2eDir)
  .filter((f) => f.endsWith('.test.ts') && !(f in exclusions.files))
  .sort()
  .map((f) => path.join('test', 'e2e', f));

console.log(`> test:live against ${endpoint}: pool ${fixtures.pools.email.id} (client ${fixtures.pools.email.clientId}), device pool ${fixtures.pools.plain.id}`);
console.log('> left out against a real pool (test/e2e/live-exclusions.json):');
for (const [file, reason] of Object.entries(exclusions.files)) console.log(`    file ${file}: ${reason}`);
for (const [title, reason] of Object.entries(exclusions.tests)) console.log(`    "${title}": ${reason}`);
console.log('> the test user has TOTP on and Cognito takes each code once: sign-ins wait for a fresh code (up to 30 s each)');

const summaryFile = path.join(os.tmpdir(), `cognito-elements-live-${process.pid}.json`);
const runEnv = {
  ...env,
  COGNITO_LIVE: '1',
  COGNITO_ENDPOINT: endpoint,
  COGNITO_FIXTURES: JSON.stringify(fixtures),
  TEST_SUMMARY_FILE: summaryFile,
};
const wtrArgs = ['--config', path.join('test', 'e2e', 'wtr-live.config.js'), ...(extra.includes('--files') ? [] : ['--files', ...files]), ...extra];
const exitCode = await new Promise((resolve) => {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'wtr'), wtrArgs, { cwd: root, stdio: 'inherit', env: runEnv });
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  child.on('error', (e) => {
    console.error(e.message);
    resolve(1);
  });
});

let summary = { passed: 0, failed: 0, skipped: 0, skippedNames: [] };
try {
  summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
} catch {
  console.error('test:live: the runner wrote no summary (it crashed before the tests ran)');
}
rmSync(summaryFile, { force: true });

// A skipped test must be one the list names (its title is the last part of "file: suite > … > title").
const titles = Object.keys(exclusions.tests);
const listed = (name) => titles.some((t) => name.endsWith(` > ${t}`) || name.endsWith(`: ${t}`) || name.replace(/^[^:]+: /, '').split(' > ').join(' ') === t);
const unexplained = summary.skippedNames.filter((name) => !listed(name));
const unused = titles.filter((t) => !summary.skippedNames.some((name) => name.endsWith(` > ${t}`) || name.endsWith(`: ${t}`)));
const reasonOf = (name) => exclusions.tests[titles.find((t) => name.endsWith(` > ${t}`) || name.endsWith(`: ${t}`)) ?? ''];
if (summary.skippedNames.length) {
  console.log('test:live: left out by name:');
  for (const name of summary.skippedNames) console.log(`    ${name}${reasonOf(name) ? `: ${reasonOf(name)}` : ''}`);
}
let code = exitCode;
if (unexplained.length) {
  console.error('test:live: skipped without a reason in test/e2e/live-exclusions.json:');
  for (const name of unexplained) console.error(`    ${name}`);
  code ||= 1;
}
if (summary.passed === 0) {
  console.error('test:live: no test passed: nothing was shown against the pool');
  code ||= 1;
}
if (unused.length && !extra.includes('--files')) {
  console.log(`test:live: exclusions that matched no test (renamed or removed? update the list): ${unused.map((t) => JSON.stringify(t)).join(', ')}`);
}
console.log(`test:live: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} left out by name (listed above)`);
process.exit(code);
