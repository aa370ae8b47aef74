/**
 * Time, timers and randomness as the engine reaches them: injected (AuthFlow's `clock`), so tests control the token
 * refresh schedule, the backoff and the SRP TIMESTAMP.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as number),
  random: () => Math.random(),
};
