import type { Clock } from '../../src/session/index.js';
import { settle } from './until.js';

export interface FakeTimer {
  id: number;
  /** When it is due, in the clock's time. */
  at: number;
  /** The delay it was set with. */
  ms: number;
  fn: () => void;
}

/**
 * The engine's Clock seam for tests: time stands still until the test advances it, timers run only then (in order,
 * with promises settling between them), and `random()` is fixed so backoff jitter is predictable.
 */
export class FakeClock implements Clock {
  time: number;
  timers: FakeTimer[] = [];
  #next = 1;

  constructor(start = Date.UTC(2026, 10, 21, 12, 0, 0)) {
    this.time = start;
  }

  now = (): number => this.time;
  random = (): number => 0.5;
  setTimeout = (fn: () => void, ms: number): unknown => {
    const timer = { id: this.#next++, at: this.time + ms, ms, fn };
    this.timers.push(timer);
    return timer.id;
  };
  clearTimeout = (id: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };

  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward, running due timers in order, and lets promises settle between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle(5);
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = end;
    await settle(5);
  }
}
