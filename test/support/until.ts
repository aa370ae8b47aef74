export interface UntilOptions {
  /** What is awaited, for the timeout message. */
  what?: string;
  /** Milliseconds before giving up (default 5000; e2e and framework pages pass more). */
  timeout?: number;
  /** Milliseconds between checks (default 10). */
  interval?: number;
}

/** What a truthy check leaves of T. */
export type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>;

/**
 * Waits for a condition the page or the engine will reach on its own (a screen rendered, a request sent, an event
 * fired) instead of sleeping a fixed time: a fixed sleep passes or fails with the machine's load, this only fails
 * when the condition never comes. Resolves to the condition's first truthy value, so it can also fetch the element;
 * the condition may be async (a request to the test server).
 */
export async function until<T>(
  condition: () => T | Promise<T>,
  options: UntilOptions | string = {},
): Promise<Truthy<T>> {
  const { what = 'the condition', timeout = 5000, interval = 10 } = typeof options === 'string' ? { what: options } : options;
  const start = Date.now();
  for (;;) {
    const value = await condition();
    if (value) return value as Truthy<T>;
    if (Date.now() - start > timeout) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/**
 * Lets pending promise callbacks and zero-delay timers run (for engine tests without a page to watch): `turns` rounds
 * of 20 microtasks and one macrotask, enough for the engine's awaits on a fake Cognito and WebCrypto.
 */
export async function settle(turns = 1): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    for (let i = 0; i < 20; i++) await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
