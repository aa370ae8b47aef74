// The double's clock: real time plus an offset that tests move forward with POST /__double/clock {"advanceMs": n}
// (see server.js) and put back with {"reset": true}, so "after 3 minutes" or "in the next 30-second TOTP window" never needs a real wait.
export function createClock(start = () => Date.now()) {
  let offset = 0;
  return {
    now: () => start() + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error('advanceMs must be a non-negative number');
      offset += ms;
      return start() + offset;
    },
    /** Back to real time (a test that moved the clock puts it back for the tests after it). */
    reset() {
      offset = 0;
      return start();
    },
  };
}
