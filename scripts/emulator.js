#!/usr/bin/env node
// Starts cognito-local (node_modules/cognito-local) seeded from test/fixtures/seed.json and, in front of it, the
// Cognito double (scripts/double/: USER_SRP_AUTH, masked destinations, password policy, ResendConfirmationCode, MFA_SETUP,
// one-time TOTP codes, verified and revocable tokens, device tracking and DEVICE_SRP_AUTH, refresh-token rotation,
// USER_AUTH with one-time codes and passkeys, passwordless sign-up, ...),
// for the e2e tests and the demo. `endpoint` is the double's address: every client talks to the double, which answers
// what cognito-local lacks and forwards the rest to cognito-local (`upstream`).
//
//   import { startEmulator } from './scripts/emulator.js';
//   const emu = await startEmulator();          // { endpoint, port, seed, stop, output, dir, upstream, clock }
//   ...
//   await emu.stop();
//
//   node scripts/emulator.js [--port N] [--seed path]   (runs until Ctrl-C)
//
// Every start gets a fresh temporary directory holding cognito-local's state (.cognito/config.json,
// .cognito/db/clients.json, .cognito/db/<UserPoolId>.json), generated from the seed; stop() deletes it.
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDouble } from './double/server.js';

const require = createRequire(import.meta.url);
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 3_000;
const LOG_LINES_KEPT = 200;

/** Absolute path of the default seed manifest. */
export const seedPath = fileURLToPath(new URL('../test/fixtures/seed.json', import.meta.url));

/** Reads and parses a seed manifest (default: test/fixtures/seed.json). */
export async function loadSeed(file = seedPath) {
  return JSON.parse(await readFile(file, 'utf8'));
}

/** Synchronous variant of loadSeed, for config files that cannot await. */
export function loadSeedSync(file = seedPath) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const cognitoLocalDir = path.dirname(require.resolve('cognito-local/package.json'));
const startScript = path.join(cognitoLocalDir, 'lib', 'bin', 'start.js');

/** cognito-local's own defaults for a new pool (password policy, standard schema attributes, ...). */
function awsPoolDefaults() {
  try {
    return require(path.join(cognitoLocalDir, 'lib', 'services', 'cognitoService.js')).USER_POOL_AWS_DEFAULTS ?? {};
  } catch {
    return {};
  }
}

/** Cognito's default password policy, should cognito-local ever stop exporting its defaults. */
const DEFAULT_PASSWORD_POLICY = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

const attr = (Name, Value) => ({ Name, Value: String(Value) });

/** One seed user as cognito-local stores it in a given pool. */
export function userRecord(user, pool, { code = '123456', now = new Date().toISOString() } = {}) {
  const status = user.status ?? 'CONFIRMED';
  const mfa = user.mfa ?? [];
  const attributes = [attr('sub', user.sub)];
  if (user.email) attributes.push(attr('email', user.email), attr('email_verified', status !== 'UNCONFIRMED'));
  if (user.phone_number) {
    attributes.push(attr('phone_number', user.phone_number), attr('phone_number_verified', status !== 'UNCONFIRMED'));
  }
  for (const [name, value] of Object.entries(user.attributes ?? {})) attributes.push(attr(name, value));
  attributes.sort((a, b) => a.Name.localeCompare(b.Name));

  const username = pool.usernameFrom === 'sub' ? user.sub : user.username;
  const record = {
    Username: username,
    Password: user.password,
    Attributes: attributes,
    Enabled: true,
    UserStatus: status,
    UserCreateDate: now,
    UserLastModifiedDate: now,
    RefreshTokens: [],
  };
  if (status === 'UNCONFIRMED') record.ConfirmationCode = String(code);
  if (mfa.includes('SMS_MFA')) {
    if (!user.phone_number) throw new Error(`seed user ${user.username}: SMS_MFA needs a phone_number`);
    record.MFAOptions = [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }];
  }
  if (mfa.includes('SOFTWARE_TOKEN_MFA')) {
    if (!user.totp?.secret) throw new Error(`seed user ${user.username}: SOFTWARE_TOKEN_MFA needs totp.secret`);
    record.SoftwareTokenMfaConfiguration = {
      Secret: user.totp.secret,
      Verified: true,
      ...(user.totp.deviceName ? { FriendlyDeviceName: user.totp.deviceName } : {}),
    };
  }
  if (mfa.length > 0) record.UserMFASettingList = [...mfa];
  // With exactly one factor Cognito treats it as preferred; with both and no preference it asks SELECT_MFA_TYPE.
  if (mfa.length === 1) record.PreferredMfaSetting = mfa[0];
  return record;
}

/**
 * The files cognito-local reads, generated from a seed manifest: { 'config.json': ..., 'db/clients.json': ...,
 * 'db/<PoolId>.json': ... } (paths relative to .cognito/).
 */
export function buildCognitoFiles(seed, { code = seed.code ?? '123456', port } = {}) {
  const now = new Date().toISOString();
  const region = seed.region ?? 'us-east-1';
  const defaults = awsPoolDefaults();
  const files = {
    'config.json': {
      ...(port ? { TokenConfig: { IssuerDomain: `http://${HOST}:${port}` } } : {}),
    },
  };
  const clients = {};
  // `doublePools`: pools only the double's node tests use, kept out of `pools` (which e2e tests and the demo iterate);
  // they hold only the users that name them in `pools`.
  const allPools = [
    ...Object.entries(seed.pools ?? {}).map(([key, pool]) => [key, pool, false]),
    ...Object.entries(seed.doublePools ?? {}).map(([key, pool]) => [key, pool, true]),
  ];
  for (const [poolKey, pool, onlyNamed] of allPools) {
    const users = {};
    for (const [userKey, user] of Object.entries(seed.users ?? {})) {
      if (user.pools ? !user.pools.includes(poolKey) : onlyNamed) continue;
      const record = userRecord({ username: userKey, ...user }, pool, { code, now });
      if (users[record.Username]) throw new Error(`seed: duplicate username ${record.Username} in pool ${poolKey}`);
      users[record.Username] = record;
    }
    const options = {
      ...defaults,
      // The seed's pool may set its own policy (the double enforces it); otherwise Cognito's default.
      Policies: {
        ...(pool.passwordPolicy
          ? { PasswordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...pool.passwordPolicy } }
          : (defaults.Policies ?? { PasswordPolicy: DEFAULT_PASSWORD_POLICY })),
        // Choice-based sign-in (USER_AUTH): the first factors the pool allows; without them only PASSWORD (the double's
        // scripts/double/sign-in-policy.js reads it).
        ...(pool.allowedFirstAuthFactors ? { SignInPolicy: { AllowedFirstAuthFactors: pool.allowedFirstAuthFactors } } : {}),
      },
      // Passkeys: the relying party ID, and (read by the double only) extra origins a ceremony may come from.
      ...(pool.webAuthnRelyingPartyId ? { WebAuthnConfiguration: { RelyingPartyId: pool.webAuthnRelyingPartyId, UserVerification: 'preferred' } } : {}),
      ...(pool.webAuthnOrigins ? { WebAuthnOrigins: pool.webAuthnOrigins } : {}),
      Id: pool.id,
      Name: pool.name ?? poolKey,
      Arn: `arn:aws:cognito-idp:${region}:000000000000:userpool/${pool.id}`,
      AutoVerifiedAttributes: pool.autoVerifiedAttributes ?? ['email'],
      MfaConfiguration: pool.mfaConfiguration ?? 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      SmsAuthenticationMessage: 'Your authentication code is {####}. ',
      AccountRecoverySetting: { RecoveryMechanisms: [{ Priority: 1, Name: 'verified_email' }] },
      EstimatedNumberOfUsers: Object.keys(users).length,
      CreationDate: now,
      LastModifiedDate: now,
    };
    if (pool.usernameAttributes?.length) options.UsernameAttributes = pool.usernameAttributes;
    else delete options.UsernameAttributes;
    files[`db/${pool.id}.json`] = { Users: users, Groups: {}, Options: options };

    // The pool's main app client, then any extra ones (`clients`: e.g. without SRP, with device tracking or
    // refresh-token rotation, which the double models).
    for (const c of [pool, ...Object.entries(pool.clients ?? {}).map(([key, c]) => ({ clientName: `${poolKey}-${key}`, ...c }))]) {
      clients[c.clientId] = appClient(c, pool, poolKey, now);
    }
  }
  files['db/clients.json'] = { Clients: clients };
  return files;
}

/** One app client as cognito-local stores it; the double reads the extra fields (DeviceTracking, RefreshTokenRotation). */
function appClient(c, pool, poolKey, now) {
  return {
    ClientId: c.clientId,
    ClientName: c.clientName ?? `${poolKey}-client`,
    UserPoolId: pool.id,
    ExplicitAuthFlows: c.explicitAuthFlows ?? [
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
    ],
    // Cognito's defaults for a new app client.
    AccessTokenValidity: 60,
    IdTokenValidity: 60,
    RefreshTokenValidity: 30,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
    EnableTokenRevocation: true,
    PreventUserExistenceErrors: 'ENABLED',
    // Read by the double only (scripts/double/devices.js, refresh.js): device tracking (true, or "opt-in" when devices
    // are remembered only on the user's prompt), refresh-token rotation (grace period 0 unless seeded), a client secret.
    ...(c.deviceTracking ? { DeviceTracking: c.deviceTracking } : {}),
    ...(c.refreshTokenRotation ? { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: c.retryGracePeriodSeconds ?? 0 } } : {}),
    ...(c.clientSecret ? { ClientSecret: c.clientSecret } : {}),
    CreationDate: now,
    LastModifiedDate: now,
  };
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const WATCHDOG = `const quit = () => {
  try { require('node:fs').rmSync(__dirname, { recursive: true, force: true }); } catch {}
  process.exit(0);
};
process.stdin.on('end', quit);
process.stdin.on('error', quit);
process.stdin.resume();
`;

const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Every emulator this process started and has not stopped yet; see the exit/signal handlers below.
const running = new Set();
let handlersInstalled = false;

function installProcessHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort (synchronous): the process is going away, whatever the reason.
  process.on('exit', () => {
    for (const instance of running) instance.killSync();
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    const onSignal = async () => {
      await Promise.allSettled([...running].map((instance) => instance.stop()));
      // If nobody else handles the signal, restore Node's default behaviour (terminate with that signal).
      if (process.listenerCount(signal) === 1) {
        process.off(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/**
 * Starts a seeded cognito-local.
 * @param {{ port?: number, code?: string, quiet?: boolean, seed?: string }} [options] seed: path of the manifest
 * @returns {Promise<{ endpoint: string, port: number, seed: any, dir: string, output: () => string,
 *   stop: () => Promise<void> }>}
 */
export async function startEmulator({ port, code = '123456', quiet = true, seed = seedPath } = {}) {
  const manifest = await loadSeed(seed);
  const attempts = port ? 1 : 3;
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await startOnce({ port: port ?? (await freePort()), code, quiet, manifest, upstreamPort: await freePort() });
    } catch (error) {
      lastError = error;
      // Only retry the race where another process took the port we picked.
      if (!/EADDRINUSE/.test(String(error?.message))) break;
    }
  }
  throw lastError;
}

async function startOnce({ port: doublePort, code, quiet, manifest, upstreamPort: port }) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cognito-local-'));
  const endpoint = `http://${HOST}:${port}`;
  try {
    // Tokens name the double as their issuer: it is the address clients know (it forwards the JWKS).
    const files = buildCognitoFiles(manifest, { code, port: doublePort });
    await mkdir(path.join(dir, '.cognito', 'db'), { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      await writeFile(path.join(dir, '.cognito', name), `${JSON.stringify(content, null, 2)}\n`);
    }
    // Preloaded into the emulator: when our end of its stdin closes, i.e. when this process stops it or dies in any
    // way (even SIGKILL), the emulator deletes its temporary directory and exits.
    await writeFile(path.join(dir, 'parent-watchdog.cjs'), WATCHDOG);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const child = spawn(process.execPath, ['--require', path.join(dir, 'parent-watchdog.cjs'), startScript], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST,
      CODE: String(code),
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.on('error', () => {});

  const lines = [];
  const consume = (stream) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      pending += chunk;
      const parts = pending.split(/\r?\n/);
      pending = parts.pop();
      for (const line of parts) {
        lines.push(stripAnsi(line));
        if (lines.length > LOG_LINES_KEPT) lines.shift();
        if (!quiet) console.log(`[cognito-local] ${line}`);
      }
    });
  };
  consume(child.stdout);
  consume(child.stderr);
  const output = () => lines.join('\n');

  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (codeOrNull, signal) => {
      exitInfo = { code: codeOrNull, signal };
      resolve(exitInfo);
    });
    child.on('error', (error) => {
      exitInfo = { error };
      lines.push(String(error));
      resolve(exitInfo);
    });
  });

  let stopping = null;
  const instance = {
    killSync() {
      running.delete(instance);
      if (!exitInfo) {
        try {
          child.kill('SIGKILL');
        } catch {}
      }
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {}
    },
    stop() {
      stopping ??= (async () => {
        if (!exitInfo) {
          child.stdin.end();
          child.kill('SIGTERM');
          const timer = sleep(STOP_GRACE_MS).then(() => 'timeout');
          if ((await Promise.race([exited, timer])) === 'timeout') {
            child.kill('SIGKILL');
            await exited;
          }
        }
        running.delete(instance);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
  running.add(instance);
  installProcessHandlers();

  const lastLines = () => lines.slice(-20).join('\n') || '(no output)';
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exitInfo) {
      await instance.stop();
      const how = exitInfo.error
        ? `failed to start (${exitInfo.error.message})`
        : `exited with ${exitInfo.signal ?? `code ${exitInfo.code}`}`;
      throw new Error(`cognito-local ${how} before answering ${endpoint}/health. Last output:\n${lastLines()}`);
    }
    try {
      const res = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(
        `cognito-local did not answer ${endpoint}/health within ${START_TIMEOUT_MS / 1000} s. Last output:\n${lastLines()}`,
      );
    }
    await sleep(100);
  }

  let double;
  try {
    double = await startDouble({ upstream: endpoint, dir, seed: manifest, port: doublePort, code });
  } catch (error) {
    await instance.stop();
    throw error;
  }
  const stop = async () => {
    await double.stop();
    await instance.stop();
  };
  return { endpoint: double.endpoint, port: double.port, upstream: endpoint, clock: double.clock, seed: manifest, dir, output, stop };
}

// ---------------------------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--port') args.port = Number(value());
    else if (flag === '--seed') args.seed = path.resolve(value());
    else if (flag === '--code') args.code = value();
    else if (flag === '--help' || flag === '-h') args.help = true;
    else throw new Error(`unknown argument ${argv[i]} (use --port N, --seed FILE, --code CODE)`);
  }
  if (args.port !== undefined && !(Number.isInteger(args.port) && args.port > 0 && args.port < 65536)) {
    throw new Error('--port needs a port number');
  }
  return args;
}

export function describeEmulator(emu, code) {
  const { seed } = emu;
  const out = [];
  out.push('', `The Cognito double is running at ${emu.endpoint} (in front of cognito-local${emu.upstream ? ` at ${emu.upstream}` : ''}).`, `Every code it sends is ${code}.`, '');
  for (const [key, pool] of Object.entries(seed.pools)) {
    out.push(`Pool "${key}": UserPoolId ${pool.id}   ClientId ${pool.clientId}   (sign in with ${pool.signInWith})`);
    for (const [clientKey, c] of Object.entries(pool.clients ?? {})) out.push(`  client "${clientKey}": ${c.clientId}   ${c.purpose ?? ''}`);
  }
  for (const [key, pool] of Object.entries(seed.doublePools ?? {})) {
    const factors = pool.allowedFirstAuthFactors ? `, sign in with ${pool.allowedFirstAuthFactors.join(' / ')}` : '';
    out.push(`Pool "${key}" (its own users only): UserPoolId ${pool.id}   ClientId ${pool.clientId}   (MFA ${pool.mfaConfiguration ?? 'OPTIONAL'}${factors})`);
  }
  out.push('', 'Users (in every pool):');
  const rows = [['username', 'email', 'password', ''], ...Object.entries(seed.users).map(([key, u]) => {
    const extra = [u.status !== 'CONFIRMED' ? u.status : '', (u.mfa ?? []).join('+')].filter(Boolean).join(', ');
    return [u.username ?? key, u.email ?? '', u.password ?? '(no password)', extra];
  })];
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) out.push(`  ${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2].padEnd(width[2])}  ${r[3]}`);
  const totpUsers = Object.entries(seed.users).filter(([, u]) => u.totp?.secret);
  if (totpUsers.length) {
    out.push('', 'TOTP secrets: add them to an authenticator app (setup key, time-based, 6 digits, SHA-1):');
    for (const [key, u] of totpUsers) {
      const label = encodeURIComponent(`cognito-elements:${u.email ?? key}`);
      out.push(`  ${key.padEnd(width[0])}  ${u.totp.secret}   otpauth://totp/${label}?secret=${u.totp.secret}&issuer=cognito-elements`);
    }
  }
  out.push('', 'Press Ctrl-C to stop.', '');
  return out.join('\n');
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  if (args.help) {
    console.log('usage: node scripts/emulator.js [--port N] [--seed FILE] [--code CODE]');
    return;
  }
  const code = args.code ?? '123456';
  const emu = await startEmulator({ port: args.port, code, quiet: false, seed: args.seed ?? seedPath });
  console.log(describeEmulator(emu, code));
  const shutdown = async () => {
    console.log('\nStopping cognito-local...');
    await emu.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error?.stack ?? error);
    process.exit(1);
  });
}
