import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AuthError } from '../../src/errors.js';

/** What the focus controller needs of its element. */
export interface FocusHost extends ReactiveControllerHost, HTMLElement {
  /** The state shown, undefined while the element's screen is not shown. */
  readonly current: { readonly error?: AuthError } | undefined;
  /** Whether the heading takes focus when the screen appears (off for the first screen of a page). */
  readonly focusOnArrival: boolean;
}

/**
 * Focus as a screen reader user needs it: the screen's heading (`[data-screen-heading]`) when the screen appears, and
 * on each new error the input it names (`[name=…]`), else its banner (`[role="alert"]`).
 */
export class FocusController implements ReactiveController {
  readonly #host: FocusHost;
  #arrived = false;
  #lastError: AuthError | undefined;

  constructor(host: FocusHost) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdated(): void {
    const host = this.#host;
    const state = host.current;
    if (!state) return;
    if (!this.#arrived) {
      this.#arrived = true;
      if (host.focusOnArrival) host.querySelector<HTMLElement>('[data-screen-heading]')?.focus({ preventScroll: false });
    }
    const error = state.error;
    if (error && error !== this.#lastError) {
      const field = error.field ? host.querySelector<HTMLElement>(`[name="${CSS.escape(error.field)}"]`) : null;
      (field ?? host.querySelector<HTMLElement>('[role="alert"]'))?.focus();
    }
    this.#lastError = error;
  }
}
