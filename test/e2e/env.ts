// What the e2e tests share: the emulator's address and seed (served by the test runner from scripts/test.js's
// environment), a flow factory pointed at it, and an RFC 6238 TOTP generator to answer SOFTWARE_TOKEN_MFA for real.
import { AuthFlow } from '../../src/flow.js';
import { parseConfig, type AuthOptions } from '../../src/config.js';
import { MemoryStorage, type StorageLike } from '../../src/session.js';

export interface SeedPool {
  id: string;
  clientId: string;
  usernameAttributes: string[];
  signInWith: 'email' | 'username';
  usernameFrom: 'sub' | 'username';
}
export interface SeedUser {
  username: string;
  password: string;
  newPassword?: string;
  email: string;
  sub: string;
  phone_number?: string;
  totp?: { secret: string; deviceName: string };
}
export interface Seed {
  code: string;
  pools: Record<'email' | 'plain', SeedPool>;
  users: Record<string, SeedUser>;
}

const TEST_ENV_URL = '/__test-env.js';
const env = ((await import(/* @vite-ignore */ TEST_ENV_URL)) as { default: { endpoint: string | null; fixtures: Seed | null } })
  .default;

if (!env.endpoint || !env.fixtures) {
  throw new Error('COGNITO_ENDPOINT / COGNITO_FIXTURES are not set: run the e2e tests with `npm test` (scripts/test.js)');
}

export const endpoint: string = env.endpoint;
export const seed: Seed = env.fixtures;
export const POOLS = ['email', 'plain'] as const;
export type PoolKey = (typeof POOLS)[number];

/** What the user types to sign in to `pool`: the email in the email pool, the username in the plain one. */
export function signInName(pool: PoolKey, user: SeedUser): string {
  return seed.pools[pool].signInWith === 'email' ? user.email : user.username;
}

/** Cognito's own username for `user` in `pool` (USER_ID_FOR_SRP, cognito:username). */
export function cognitoUsername(pool: PoolKey, user: SeedUser): string {
  return seed.pools[pool].usernameFrom === 'sub' ? user.sub : user.username;
}

export function flowFor(pool: PoolKey, options: AuthOptions = {}, storage: StorageLike = new MemoryStorage()): AuthFlow {
  const p = seed.pools[pool];
  const config = parseConfig({
    userPoolId: p.id,
    clientId: p.clientId,
    endpoint,
    // cognito-local has no SRP: the e2e flows use USER_PASSWORD_AUTH; SRP is proven against AWS's vectors.
    authFlow: 'USER_PASSWORD_AUTH',
    usernameAttributes: p.usernameAttributes,
    ...options,
  });
  return new AuthFlow(config, { storage });
}

function base32Decode(input: string): Uint8Array<ArrayBuffer> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of input.replace(/=+$/, '').toUpperCase()) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/** RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s), computed here independently of the emulator. */
export async function totp(secret: string, at = Date.now()): Promise<string> {
  const counter = Math.floor(at / 1000 / 30);
  const message = new Uint8Array(8);
  new DataView(message.buffer).setUint32(4, counter);
  new DataView(message.buffer).setUint32(0, Math.floor(counter / 2 ** 32));
  const key = await crypto.subtle.importKey('raw', base32Decode(secret), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** A fresh identity for sign-up tests: unique per call, so reruns against one emulator never collide. */
export function freshIdentity(tag: string): { username: string; email: string } {
  const id = `${tag}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  return { username: id, email: `${id}@example.com` };
}
