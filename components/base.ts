import { LitElement, type PropertyValues } from 'lit';
import type { AuthFlow } from '../src/flow.js';
import type { AuthState, Screen } from '../src/state.js';
import { t, type Translate } from '../src/i18n.js';

/**
 * Base of every screen element: renders into its own light DOM (so password managers, autofill and a page's Cognito
 * hosted-UI CSS all work), follows an AuthFlow, and manages focus the way a screen reader user needs it: the heading
 * on arrival, the invalid field on error.
 *
 * A screen renders `state` when it is set (stories, tests), else the flow's current state when that state is its
 * own screen.
 */
export abstract class CognitoScreen<S extends Screen = Screen> extends LitElement {
  static override properties = {
    flow: { attribute: false },
    state: { attribute: false },
  };

  /** The engine driving this screen. Intents (submit, links) call it. */
  declare flow: AuthFlow | undefined;
  /** The state to render; defaults to the flow's state. */
  declare state: Extract<AuthState, { screen: S }> | undefined;

  /** The screen this element renders. */
  abstract readonly screen: S;

  protected readonly t: Translate = t;
  #unsubscribe: (() => void) | undefined;
  #subscribedTo: AuthFlow | undefined;
  #lastError: unknown;
  #arrived = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedTo = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('flow')) this.#follow();
  }

  #follow(): void {
    if (this.#subscribedTo === this.flow) return;
    this.#unsubscribe?.();
    this.#subscribedTo = this.flow;
    this.#unsubscribe = this.flow?.subscribe(() => this.requestUpdate());
  }

  /** The state being shown, or undefined when the flow is on another screen. */
  get current(): Extract<AuthState, { screen: S }> | undefined {
    if (this.state) return this.state;
    const s = this.flow?.state;
    return s && s.screen === this.screen ? (s as Extract<AuthState, { screen: S }>) : undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.current;
    if (!state) return;
    if (!this.#arrived) {
      this.#arrived = true;
      this.querySelector<HTMLElement>('[data-screen-heading]')?.focus({ preventScroll: false });
    }
    const error = state.error;
    if (error && error !== this.#lastError) {
      const field = error.field ? this.querySelector<HTMLElement>(`[name="${CSS.escape(error.field)}"]`) : null;
      (field ?? this.querySelector<HTMLElement>('[role="alert"]'))?.focus();
    }
    this.#lastError = error;
  }

  /** Reads a form's named values as strings. */
  protected values(form: HTMLFormElement): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of new FormData(form)) if (typeof v === 'string') out[k] = v;
    return out;
  }
}
