import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import type { AuthFlow } from '../src/flow.js';
import type { AuthState, Screen } from '../src/state.js';
import { Localizer, type Translate, type TranslationsByLanguage } from '../src/i18n.js';
import { field, passwordField, type FieldOptions } from './parts/form.js';

/** Per-field customisation a page gives through `formFields`, keyed by the input's name (`username`, `given_name`, …). */
export interface FormFieldOptions {
  /** Replaces the translated label. */
  label?: string;
  placeholder?: string;
  /** Sort key among the sign-up attributes (lower first; unlisted fields keep their order after listed ones). */
  order?: number;
  /** Sign-up attributes are required unless this is false (then marked optional). */
  required?: boolean;
}
export type FormFields = Record<string, FormFieldOptions>;

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
    formFields: { attribute: false },
    focusOnArrival: { attribute: false },
  };

  /** The engine driving this screen. Intents (submit, links) call it. */
  declare flow: AuthFlow | undefined;
  /** The state to render; defaults to the flow's state. */
  declare state: Extract<AuthState, { screen: S }> | undefined;

  /**
   * Move focus to the heading when the screen appears (default true). The authenticator turns it off for the first
   * screen of a page, so loading a page never steals focus or scrolls; every later screen change moves focus.
   */
  declare focusOnArrival: boolean;

  /** Labels, placeholders, order and requiredness per field (see FormFieldOptions). */
  declare formFields: FormFields | undefined;

  /** The screen this element renders. */
  abstract readonly screen: S;

  /**
   * The screen's language: its own `lang`, else the nearest one up the tree (inside <cognito-authenticator>, the
   * language it shows), else the browser's. Re-renders the screen when the language or a phrase changes, and writes
   * `lang` and `dir` on it for the language shown. The authenticator's `translations` apply to its screens.
   */
  readonly #l10n = new Localizer(this, {
    translations: () => this.closest<HTMLElement & { translations?: TranslationsByLanguage }>('cognito-authenticator')?.translations,
  });

  /** Translates in the screen's language. */
  protected get t(): Translate {
    return this.#l10n.t;
  }

  #unsubscribe: (() => void) | undefined;
  #subscribedTo: AuthFlow | undefined;
  #lastError: unknown;
  #arrived = false;

  constructor() {
    super();
    this.focusOnArrival = true;
    this.addEventListener('cognito-retry', (e) => {
      e.stopPropagation();
      void this.flow?.retry();
    });
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The first render waits for the screen's locale to load (a few ms), so a page in German never flashes English. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = this.#l10n.whenReady();
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
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
      if (this.focusOnArrival) this.querySelector<HTMLElement>('[data-screen-heading]')?.focus({ preventScroll: false });
    }
    const error = state.error;
    if (error && error !== this.#lastError) {
      const field = error.field ? this.querySelector<HTMLElement>(`[name="${CSS.escape(error.field)}"]`) : null;
      (field ?? this.querySelector<HTMLElement>('[role="alert"]'))?.focus();
    }
    this.#lastError = error;
  }

  #custom(o: FieldOptions): FieldOptions {
    const c = this.formFields?.[o.name];
    if (!c) return o;
    const required = c.required ?? o.required;
    return {
      ...o,
      label: c.label ?? o.label,
      placeholder: c.placeholder ?? o.placeholder,
      required,
      optionalText: required === false ? (o.optionalText ?? this.t('common.optional')) : undefined,
    };
  }

  /** A field with the page's formFields customisation applied. */
  protected field(o: FieldOptions): TemplateResult {
    return field(this.#custom(o));
  }

  protected passwordField(o: FieldOptions): TemplateResult {
    return passwordField(this.t, this.#custom(o));
  }

  /** Whether the page wants `name` filled in (default: `fallback`). */
  protected isRequired(name: string, fallback = true): boolean {
    return this.formFields?.[name]?.required ?? fallback;
  }

  /** `names` sorted by the page's formFields order; unlisted names keep their place after the listed ones. */
  protected ordered(names: string[]): string[] {
    const order = (n: string) => this.formFields?.[n]?.order ?? Number.POSITIVE_INFINITY;
    return names.map((n, i) => [n, i] as const).sort((a, b) => order(a[0]) - order(b[0]) || a[1] - b[1]).map(([n]) => n);
  }

  /** Reads a form's named values as strings. */
  protected values(form: HTMLFormElement): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of new FormData(form)) if (typeof v === 'string') out[k] = v;
    return out;
  }
}
