import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AuthError } from '../../src/errors.js';

/** What the focus controller needs of its element. */
export interface FocusHost extends ReactiveControllerHost, HTMLElement {
  /** The state shown, undefined while the element's screen is not shown. */
  readonly current: { readonly error?: AuthError; readonly busy?: boolean } | undefined;
  /** Whether the screen takes focus when it appears (off for the first screen of a page). */
  readonly focusOnArrival: boolean;
}

/** Marks the inputs this controller made read-only (so an input read-only by design stays so). */
const BUSY_READONLY = 'data-busy-readonly';

/**
 * Focus as keyboard, phone and screen reader users need it:
 * - when a step appears, the input the step exists for (`[data-primary-input]`: the code, the new password), so typing
 *   works at once and a phone shows its keyboard and one-time-code suggestion; its label and aria-describedby (the
 *   step's title and description) let a screen reader still hear the step. A step without one such input focuses its
 *   heading (`[data-screen-heading]`): so do choices (how to sign in, the passkey offer), whose buttons are not such
 *   an input, so the title is heard first. The first screen of a page takes no focus at all (`focusOnArrival` off).
 * - on each new error, the input it names (`[name=…]`), else its banner (`[role="alert"]`), when visible; an input
 *   that already had focus has its message said as an alert instead.
 * - while a request runs, the inputs are read-only, not disabled: what was sent cannot change under it, and focus
 *   stays where it is (a disabled input would drop it).
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
      if (host.focusOnArrival) {
        const target = host.querySelector<HTMLElement>('[data-primary-input]') ?? host.querySelector<HTMLElement>('[data-screen-heading]');
        target?.focus({ preventScroll: false });
      }
    }
    const error = state.error;
    if (error && error !== this.#lastError) {
      const field = error.field ? host.querySelector<HTMLElement>(`[name="${CSS.escape(error.field)}"]:not([type=hidden]):not([hidden])`) : null;
      const banner = host.querySelector<HTMLElement>('[role="alert"]');
      // Enter in a field that already has focus: focus() does nothing, and a blur and focus back in the same task is
      // not heard either (assistive technology learns what has focus once the task is done; Chromium fires no focus
      // event for the node that had it). So its message, rendered in this task, is made an alert, re-inserted so that
      // one kept from the last error is new too: said once, by any screen reader, without moving focus (no keystroke
      // lost, and code-step.ts's selection of a wrong code stays). Focus that arrives from elsewhere says the message
      // as the field's description: it stays a plain paragraph then.
      const message = field?.matches(':focus') ? field.closest('.cognito-field')?.querySelector('.cognito-field-error') : null;
      if (message) {
        message.setAttribute('role', 'alert');
        message.replaceWith(message);
      }
      (field ?? (banner?.checkVisibility() ? banner : null))?.focus();
    }
    this.#lastError = error;
    this.#readOnlyWhileBusy(state.busy === true);
  }

  #readOnlyWhileBusy(busy: boolean): void {
    const host = this.#host;
    if (busy) {
      for (const input of host.querySelectorAll<HTMLInputElement>('input:not([type=hidden]):not([readonly]), textarea:not([readonly])')) {
        input.readOnly = true;
        input.setAttribute(BUSY_READONLY, '');
      }
    } else {
      for (const input of host.querySelectorAll<HTMLInputElement>(`[${BUSY_READONLY}]`)) {
        input.readOnly = false;
        input.removeAttribute(BUSY_READONLY);
      }
    }
  }
}
