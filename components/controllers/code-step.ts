import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AuthError } from '../../src/errors.js';
import type { AuthFlow } from '../../src/flow/auth-flow.js';

/** What the code-step controller needs of its screen (a CognitoScreen with a one-time-code input). */
export interface CodeStepHost extends ReactiveControllerHost, HTMLElement {
  readonly flow: AuthFlow | undefined;
  readonly current: { readonly error?: AuthError } | undefined;
}

/**
 * The code input of a one-time-code screen, after the two things that make what it holds wrong:
 * - "Send a new code" succeeded (the state's notice turns `code-resent`): the old code is cleared and focus goes into
 *   the input, so the new code is typed whole (not appended to the old one and cut off by maxlength).
 * - the code was refused (an error about `code`; FocusController has just focused the input): its content is
 *   selected, so what is typed next replaces it.
 * The resend is seen on the flow's own state changes, so a render that batches "busy" and its answer misses nothing.
 * Only the code screens load this (not the first paint).
 */
export class CodeStepController implements ReactiveController {
  readonly #host: CodeStepHost;
  #flow: AuthFlow | undefined;
  #unsubscribe: (() => void) | undefined;
  #resent = false;
  #lastError: AuthError | undefined;

  constructor(host: CodeStepHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#flow = undefined;
  }

  hostUpdate(): void {
    if (this.#host.isConnected) this.#follow();
  }

  /** After FocusController (added first, by the screen's base class): its focus on an error is already done. */
  hostUpdated(): void {
    const host = this.#host;
    const input = host.querySelector<HTMLInputElement>('input[name="code"]');
    const error = host.current?.error;
    if (this.#resent && input) {
      input.value = '';
      input.focus();
    } else if (input && error && error !== this.#lastError && error.field === 'code') {
      input.select();
    }
    this.#resent = false;
    this.#lastError = error;
  }

  #follow(): void {
    const flow = this.#host.flow;
    if (flow === this.#flow) return;
    this.#unsubscribe?.();
    this.#flow = flow;
    this.#unsubscribe = flow?.subscribe((state, previous) => {
      if (state.notice === 'code-resent' && previous.notice !== 'code-resent') this.#resent = true;
    });
  }
}
