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
//
// The parts live in scripts/emulator/: seed.js (seed manifest -> cognito-local's files), cognito-local.js (the child
// process, its state directory and its cleanup), describe.js (the banner printed on start).
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDouble } from './double/server.js';
import { HOST, prepareStateDir, startCognitoLocal } from './emulator/cognito-local.js';
import { describeEmulator } from './emulator/describe.js';
import { buildCognitoFiles, loadSeed, loadSeedSync, seedPath, userRecord } from './emulator/seed.js';

// This file stays the one entry point: scripts/start.js, scripts/test.js and test/node/double-harness.js import from it.
export { buildCognitoFiles, describeEmulator, loadSeed, loadSeedSync, seedPath, userRecord };

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

/**
 * Starts a seeded cognito-local and the Cognito double in front of it.
 * @param {{ port?: number, code?: string, quiet?: boolean, seed?: string }} [options] port: the double's;
 *   seed: path of the manifest
 * @returns {Promise<{ endpoint: string, port: number, upstream: string, clock: any, seed: any, dir: string,
 *   output: () => string, stop: () => Promise<void> }>}
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
  // Tokens name the double as their issuer: it is the address clients know (it forwards the JWKS).
  const dir = await prepareStateDir(buildCognitoFiles(manifest, { code, port: doublePort }));
  const cognitoLocal = await startCognitoLocal({ dir, port, code, quiet });
  const endpoint = cognitoLocal.endpoint;

  let double;
  try {
    double = await startDouble({ upstream: endpoint, dir, seed: manifest, port: doublePort, code });
  } catch (error) {
    await cognitoLocal.stop();
    throw error;
  }
  const stop = async () => {
    await double.stop();
    await cognitoLocal.stop();
  };
  return { endpoint: double.endpoint, port: double.port, upstream: endpoint, clock: double.clock, seed: manifest, dir, output: cognitoLocal.output, stop };
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
