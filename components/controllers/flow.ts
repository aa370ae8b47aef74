import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AuthFlow } from '../../src/flow/auth-flow.js';
import type { AuthState, Screen } from '../../src/state/index.js';

/** What the flow controller needs of its element: the flow it follows, an optional fixed state, and its screen. */
export interface FlowHost<S extends Screen> extends ReactiveControllerHost, HTMLElement {
  readonly flow: AuthFlow | undefined;
  readonly state: Extract<AuthState, { screen: S }> | undefined;
  readonly screen: S;
}

/**
 * Keeps a screen element in step with its AuthFlow: re-renders it on every state change while it is connected (and
 * follows a new `flow` when one is set), answers the error banner's "Try again" (`cognito-retry`) with
 * `flow.retry()`, and says which state the screen shows.
 */
export class FlowController<S extends Screen> implements ReactiveController {
  readonly #host: FlowHost<S>;
  #unsubscribe: (() => void) | undefined;
  #subscribedTo: AuthFlow | undefined;

  constructor(host: FlowHost<S>) {
    this.#host = host;
    host.addController(this);
    host.addEventListener('cognito-retry', (e) => {
      e.stopPropagation();
      void host.flow?.retry();
    });
  }

  hostConnected(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  /** Before every render: a new `flow` property is followed from now on. */
  hostUpdate(): void {
    if (this.#host.isConnected) this.#follow();
  }

  #follow(): void {
    const flow = this.#host.flow;
    if (this.#subscribedTo === flow) return;
    this.#unsubscribe?.();
    this.#subscribedTo = flow;
    this.#unsubscribe = flow?.subscribe(() => this.#host.requestUpdate());
  }

  /** The state to show: the element's own `state` (stories, tests), else the flow's while it is on this screen. */
  get current(): Extract<AuthState, { screen: S }> | undefined {
    const host = this.#host;
    if (host.state) return host.state;
    const s = host.flow?.state;
    return s && s.screen === host.screen ? (s as Extract<AuthState, { screen: S }>) : undefined;
  }
}
