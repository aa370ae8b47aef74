import { LitElement, type TemplateResult } from 'lit';
import type { AuthFlow } from '../src/flow/auth-flow.js';
import type { AuthState, Screen } from '../src/state/index.js';
import type { Translate, TranslationsByLanguage } from '../src/i18n.js';
import { FlowController } from './controllers/flow.js';
import { slotsReady } from './controllers/slots.js';
import { FocusController } from './controllers/focus.js';
import { LocalizeController } from './controllers/localize.js';
import { codeField, type CodeFieldOptions } from './parts/code-field.js';
import { field, passwordField, type FieldKit, type FieldOptions } from './parts/form.js';

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

/** The form's named values as strings (what a screen's submit hands to its flow intent). */
export type FormValues = Record<string, string>;

/**
 * Base of every screen element: renders into its own light DOM (so password managers, autofill and a page's Cognito
 * hosted-UI CSS all work). The shared behaviour lives in reactive controllers (components/controllers/): following
 * the AuthFlow, focus (the heading on arrival, the invalid field on error) and the language.
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

  readonly #flow = new FlowController<S>(this);

  /**
   * The screen's language: its own `lang`, else the nearest one up the tree (inside <cognito-authenticator>, the
   * language it shows), else the browser's. The authenticator's `translations` apply to its screens.
   */
  readonly #l10n = new LocalizeController(this, {
    translations: () => this.closest<HTMLElement & { translations?: TranslationsByLanguage }>('cognito-authenticator')?.translations,
  });

  constructor() {
    super();
    this.focusOnArrival = true;
    new FocusController(this);
  }

  /** Translates in the screen's language. */
  protected get t(): Translate {
    return this.#l10n.t;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /**
   * Every screen places the page's slotted content (header, before-submit, footer: controllers/slots.ts); with such
   * content on the page, a render first waits for the code that places it (loaded once, on first need), so the page's
   * content comes with the form instead of popping in after it.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const slots = slotsReady(this);
    const update = () => this.#l10n.schedule(() => super.scheduleUpdate());
    return slots ? slots.then(update) : update();
  }

  /** The state being shown, or undefined when the flow is on another screen. */
  get current(): Extract<AuthState, { screen: S }> | undefined {
    return this.#flow.current;
  }

  /**
   * The form's submit handler: stops the browser's own submit, then hands the form's values to `intent` (a flow
   * call; nothing is sent without a flow).
   */
  protected onSubmit(intent: (values: FormValues, flow: AuthFlow, form: HTMLFormElement) => unknown): (e: SubmitEvent) => void {
    return (e) => {
      e.preventDefault();
      const form = e.currentTarget as HTMLFormElement;
      const flow = this.flow;
      if (flow) void intent(this.values(form), flow, form);
    };
  }

  /** Goes to an entry screen keeping the username typed on this one, so nobody types it twice. */
  protected goTo(screen: 'sign-in' | 'sign-up' | 'forgot-password'): void {
    const username = this.querySelector<HTMLInputElement>('input[name="username"]')?.value ?? '';
    this.flow?.goTo(screen, username.trim());
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

  /** The one-time-code input (`name="code"`, `autocomplete="one-time-code"`), with the page's formFields applied. */
  protected codeField(o: CodeFieldOptions): TemplateResult {
    return codeField(this.kit, o);
  }

  /** What the shared parts (components/parts/) need of a screen: its language and its customised inputs. */
  protected get kit(): FieldKit {
    return { t: this.t, field: (o) => this.field(o), passwordField: (o) => this.passwordField(o) };
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
  protected values(form: HTMLFormElement): FormValues {
    const out: FormValues = {};
    for (const [k, v] of new FormData(form)) if (typeof v === 'string') out[k] = v;
    return out;
  }
}
