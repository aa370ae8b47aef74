// What the e2e tests share: the Cognito endpoint and its fixtures (served by the test runner from scripts/test.js's
// environment: the Cognito double and its seed; or from scripts/test-live.js's: a real user pool), a flow factory
// pointed at it, an RFC 6238 TOTP generator to answer SOFTWARE_TOKEN_MFA for real, and, against a real pool, the
// exclusion by name of the tests that need what only the double has.
import { AuthFlow } from '../../src/flow/auth-flow.js';
import { parseConfig, type AuthOptions } from '../../src/config.js';
import { MemoryStorage, type StorageLike } from '../../src/session/index.js';
import { until } from '../support/until.js';

export interface SeedClient {
  clientId: string;
  purpose?: string;
  explicitAuthFlows?: string[];
}
export interface SeedPool {
  id: string;
  clientId: string;
  usernameAttributes: string[];
  signInWith: 'email' | 'username';
  usernameFrom: 'sub' | 'username';
  /** Extra app clients of the pool (the double's seed: `nosrp`, `devices`, `rotation`, …; a real pool: see test-live.js). */
  clients?: Record<string, SeedClient>;
}
export interface SeedUser {
  username: string;
  password: string;
  newPassword?: string;
  email: string;
  sub: string;
  phone_number?: string;
  totp?: { secret: string; deviceName?: string };
}
/** Present when the tests run against a real user pool (scripts/test-live.js, COGNITO_LIVE=1). */
export interface LiveInfo {
  region: string;
  /** Test title (or full title) -> why it cannot run against a real pool: test/e2e/live-exclusions.json. */
  exclude: Record<string, string>;
}
export interface Seed {
  code: string;
  pools: Record<'email' | 'plain', SeedPool>;
  users: Record<string, SeedUser>;
  live?: LiveInfo;
}

const TEST_ENV_URL = '/__test-env.js';
const env = ((await import(/* @vite-ignore */ TEST_ENV_URL)) as { default: { endpoint: string | null; fixtures: Seed | null } })
  .default;

if (!env.endpoint || !env.fixtures) {
  throw new Error(
    'COGNITO_ENDPOINT / COGNITO_FIXTURES are not set: run the e2e tests with `npm test` (scripts/test.js), or against a ' +
      'real pool with `npm run test:live` (scripts/test-live.js)',
  );
}

export const endpoint: string = env.endpoint;
export const seed: Seed = env.fixtures;
/** Against a real pool: its details and the excluded tests; null against the Cognito double. */
export const live: LiveInfo | null = seed.live ?? null;
/**
 * The pools every journey runs in. Against a real pool (infra/cognito-test-pool.yaml) that is the main pool, email as
 * the username; its second pool, with device tracking on, stands in for `plain` only where a test names it
 * (session.e2e.test.ts: devices, rotation, sign-out), so `plain` signs in by email there.
 */
export const POOLS: readonly ('email' | 'plain')[] = live ? ['email'] : ['email', 'plain'];
export type PoolKey = 'email' | 'plain';

if (live) {
  // Excluded by name, never silently: each exclusion says why in the browser log, the runner counts it as skipped,
  // and scripts/test-live.js checks every skipped test against the exclusion list (and prints the list first).
  beforeEach(function () {
    const test = this.currentTest;
    if (!test) return;
    const reason = live.exclude[test.title] ?? live.exclude[test.fullTitle()];
    if (reason === undefined) return;
    console.info(`[live] excluded: ${test.fullTitle()}: ${reason}`);
    this.skip();
  });
}

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

const TOTP_WINDOW_MS = 30_000;
const USED_WINDOWS_KEY = '__e2e-totp-windows';
// The harness's own bookkeeping, written with the Storage method as it was when this module loaded: tests that spy
// on Storage.prototype.setItem to catch what the product writes (security.e2e.test.ts) must not see it.
const harnessSetItem = Storage.prototype.setItem;

/** The double's clock (`/__double/clock`, loopback only): what it judges TOTP codes, sessions and tokens by. */
async function doubleClock(control?: { advanceMs: number } | { reset: true }): Promise<number> {
  // text/plain keeps the POST a simple request (no preflight); the double parses the body as JSON whatever its type.
  const init: RequestInit = control ? { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(control) } : {};
  const res = await fetch(new URL('/__double/clock', endpoint), init);
  if (!res.ok) throw new Error(`the double's clock answered ${res.status}`);
  return ((await res.json()) as { now: number }).now;
}

let clockMoved = false;
if (!live) {
  // Tests that move the double's clock put it back when they are done (the next test's codes, tokens and sessions
  // follow the real time); freshTotp moves it for a code the test has yet to send, so it is put back after the test.
  afterEach(async () => {
    if (!clockMoved) return;
    clockMoved = false;
    await doubleClock({ reset: true });
  });
}

/** Now on the server's clock: the double's (tests move it), or the real time for a real pool. */
export async function serverNow(): Promise<number> {
  return live ? Date.now() : doubleClock();
}

/**
 * A TOTP code for `secret` from a window the server has not taken a code of before. Cognito (and the double) accept
 * each window's code once: a second sign-in within the same 30 seconds is ExpiredCodeException "Your software token
 * has already been used once". The windows handed out are remembered per secret (in localStorage, so across test
 * files too). Against the double, its clock is set to real time, or just into the next unused window, instead of
 * waiting, and put back after the test (so a test that moved the double's clock must not ask for a code before it is
 * done with that). Against a real pool, where one test user signs in many times, this waits for the next window when
 * needed (not across runs: leave 30 s between two `npm run test:live`).
 */
export async function freshTotp(secret: string): Promise<string> {
  let issued: Record<string, number> = {};
  try {
    issued = JSON.parse(localStorage.getItem(USED_WINDOWS_KEY) ?? '{}') as Record<string, number>;
  } catch {
    // Unreadable: nothing was recorded.
  }
  const last = issued[secret] ?? -Infinity;
  const windowOf = (ms: number) => Math.floor(ms / TOTP_WINDOW_MS);
  let now: number;
  if (!live) {
    const real = await doubleClock({ reset: true });
    const target = Math.max(windowOf(real), last + 1);
    if (target > windowOf(real)) {
      now = await doubleClock({ advanceMs: target * TOTP_WINDOW_MS + 500 - real });
      clockMoved = true;
    } else now = real;
  } else {
    if (windowOf(Date.now()) <= last) {
      await until(() => windowOf(Date.now()) > last, { what: 'the next TOTP window', timeout: 35_000, interval: 250 });
    }
    now = Date.now();
  }
  issued[secret] = windowOf(now);
  harnessSetItem.call(localStorage, USED_WINDOWS_KEY, JSON.stringify(issued));
  return totp(secret, now);
}

/**
 * Signs `user` in to `pool` with `flow` and, if Cognito asks for the user's TOTP (the real pool's test user has it on),
 * answers it with a fresh code, so a test about something else reaches the signed-in state in either place.
 */
export async function signInAs(flow: AuthFlow, pool: PoolKey, user: SeedUser, password = user.password): Promise<void> {
  await flow.signIn({ username: signInName(pool, user), password });
  const s = flow.state;
  if (s.screen === 'mfa-code' && s.mfaType === 'SOFTWARE_TOKEN_MFA' && user.totp) {
    await flow.submitMfaCode({ code: await freshTotp(user.totp.secret) });
  }
}

/** A fresh identity for sign-up tests: unique per call, so reruns against one emulator never collide. */
export function freshIdentity(tag: string): { username: string; email: string } {
  const id = `${tag}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  return { username: id, email: `${id}@example.com` };
}
