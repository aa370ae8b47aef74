import { authError, FIELD_OF_ERROR, toAuthError, type AuthError } from '../errors.js';
import type { AuthState, FlowEvent, Screen } from '../state/index.js';
import type { FlowContext } from './context.js';

/** Resolves to `promise`'s value, or throws when the user moved on while it was in flight. */
export type Guard = <T>(promise: Promise<T>) => Promise<T>;

/** Maps a failed intent to another screen (e.g. an unconfirmed account to confirmation), or keeps the error. */
export type Recover = (error: AuthError, username: string) => Promise<AuthState | undefined>;

/** Thrown inside an intent whose answer arrived after the user moved on; never reaches the state. */
const SUPERSEDED = Symbol('superseded');

/**
 * Runs intents and owns the state: the sequence guard (answers to older requests are dropped), busy, offline,
 * "Try again", errors into the state (and an `error` event), and the restart after an expired challenge session.
 */
export class Runner {
  readonly #listeners = new Set<(state: AuthState, previous: AuthState) => void>();
  readonly #eventListeners = new Set<(event: FlowEvent) => void>();
  readonly #context: FlowContext;
  readonly #isOnline: () => boolean;
  #state: AuthState = { screen: 'sign-in', username: '', busy: false };
  /** Bumped by every intent and navigation: answers to older requests are dropped. */
  #seq = 0;
  /** Sends the last failed request again (set only after a transport failure; cleared by any other intent). */
  retryLast: (() => Promise<void>) | undefined;

  constructor(context: FlowContext, isOnline: () => boolean) {
    this.#context = context;
    this.#isOnline = isOnline;
  }

  get state(): AuthState {
    return this.#state;
  }

  get seq(): number {
    return this.#seq;
  }

  /** Drops every answer still in flight (the user navigated); returns the new sequence number. */
  supersede(): number {
    return ++this.#seq;
  }

  subscribe(fn: (state: AuthState, previous: AuthState) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  onEvent(fn: (event: FlowEvent) => void): () => void {
    this.#eventListeners.add(fn);
    return () => this.#eventListeners.delete(fn);
  }

  set(state: AuthState): void {
    const previous = this.#state;
    this.#state = state;
    for (const fn of this.#listeners) fn(state, previous);
  }

  emit(event: FlowEvent): void {
    for (const fn of this.#eventListeners) fn(event);
  }

  /** Forgets the context and any pending "Try again". */
  forget(): void {
    this.retryLast = undefined;
    this.#context.forget();
  }

  /**
   * Runs one intent: ignored while another is in flight (double submit) or on the wrong screen; busy while it runs;
   * any failure becomes `state.error`, unless `recover` maps it to another screen.
   */
  async run(screens: Screen[], work: (guard: Guard) => Promise<void>, recover?: Recover): Promise<void> {
    if (this.#state.busy || !screens.includes(this.#state.screen)) return;
    const seq = ++this.#seq;
    this.retryLast = undefined;
    if (!this.#isOnline()) {
      // Known to be offline: say so before sending anything, and let "Try again" send it once back online.
      this.retryLast = () => this.run(screens, work, recover);
      this.set({ ...this.#state, busy: false, error: authError('offline'), notice: undefined });
      return;
    }
    const guard: Guard = async (promise) => {
      const value = await promise;
      if (seq !== this.#seq) throw SUPERSEDED;
      return value;
    };
    this.set({ ...this.#state, busy: true, error: undefined, notice: undefined });
    try {
      await work(guard);
    } catch (e) {
      if (e === SUPERSEDED || seq !== this.#seq) return;
      let error = toAuthError(e);
      const field = FIELD_OF_ERROR[error.code];
      if (!error.field && field) error = error.withField(field);
      const username = this.#state.username;
      let next: AuthState | undefined;
      if (error.code === 'session-expired' && this.#context.challengeName) {
        // A challenge answered after Cognito's 3-minute session: start again from sign-in, saying why.
        this.forget();
        next = { screen: 'sign-in', username, busy: false, error };
      } else if (recover) {
        next = await recover(error, username);
        if (seq !== this.#seq) return;
      }
      this.set(next ?? { ...this.#state, busy: false, error });
      if (error.retryable && !next) this.retryLast = () => this.run(screens, work, recover);
      if (this.#state.error === error) this.emit({ type: 'error', error, screen: this.#state.screen });
    }
  }
}
