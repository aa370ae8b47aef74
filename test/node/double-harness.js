// Shared by test/node/double-*.test.js: a private cognito-local + Cognito double (scripts/emulator.js, fresh state,
// free ports on 127.0.0.1) per test file, a raw Cognito call, the double's clock control and an RFC 6238 TOTP.
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { loadSeed, startEmulator } from '../../scripts/emulator.js';

/**
 * Starts an emulator before the file's tests and stops it after them; fields are filled in by `before`.
 * `seed` may change a copy of test/fixtures/seed.json for this file only (e.g. another password policy).
 */
export function useDouble({ seed: change } = {}) {
  const ctx = { endpoint: '', seed: null, emu: null };
  before(async () => {
    let seedFile;
    if (change) {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'double-seed-'));
      seedFile = path.join(dir, 'seed.json');
      await writeFile(seedFile, JSON.stringify(change(await loadSeed())));
      after(() => rm(dir, { recursive: true, force: true }));
    }
    ctx.emu = await startEmulator(seedFile ? { seed: seedFile } : {});
    ctx.endpoint = ctx.emu.endpoint;
    ctx.seed = ctx.emu.seed;
  });
  after(async () => {
    await ctx.emu?.stop();
  });
  return ctx;
}

/** One Cognito call as a browser sends it; the answer's status and JSON. */
export async function call(endpoint, operation, body) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

/** Moves the double's clock forward (POST /__double/clock); returns the double's "now" in ms. */
export async function advanceClock(endpoint, ms) {
  const res = await fetch(`${endpoint}/__double/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
  if (res.status !== 200) throw new Error(`clock: ${res.status}`);
  return (await res.json()).now;
}

/** The double's "now" in ms. */
export async function doubleNow(endpoint) {
  return (await (await fetch(`${endpoint}/__double/clock`)).json()).now;
}

function base32(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of secret.replace(/=+$/, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 6238 (HMAC-SHA1, 6 digits, 30 s) at `at` ms, written here independently of the double. */
export function totp(secret, at = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The claims of a JWT (no verification: the tests only read what the server put in). */
export const jwtClaims = (token) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
