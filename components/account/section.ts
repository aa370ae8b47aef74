import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AccountFlow, AccountOptions, AccountSection, AccountState, SectionStatus } from '../../src/account/index.js';
import type { AuthFlow } from '../../src/flow/auth-flow.js';
import type { Translate, TranslationsByLanguage } from '../../src/i18n.js';
import { FocusController } from '../controllers/focus.js';
import { LocalizeController } from '../controllers/localize.js';
import { errorBanner, errorText, field, passwordField, uid, type FieldKit } from '../parts/form.js';
import { adoptBaseStyles } from '../styles.js';
import { AccountLink } from './link.js';
import { accountEventOf } from './events.js';
import '../features/account.js'; // its English and sheet, with this code

/**
 * Base of the account sections (`<cognito-account-profile>`, `-password`, …) and of `<cognito-account>`: light DOM,
 * the page's language, the session found by AccountLink, and one AccountFlow state followed. Each section renders
 * its part of the state and turns clicks into the AccountFlow's intents; it dispatches the `cognito-account-updated`
 * and `cognito-error` events of its own section (bubbling, composed), and nothing while no one is signed in.
 */
export abstract class AccountElement extends LitElement {
  static override properties = {
    account: { attribute: false },
    flow: { attribute: false },
    for: { type: String },
    profileAttributes: { attribute: 'attributes' },
    mfaTypes: { attribute: 'mfa-types' },
  };

  /** An AccountFlow to use (the `<cognito-account>` around a section sets it); default: one of its own. */
  declare account: AccountFlow | undefined;
  /** An AuthFlow whose session to use; default: the `<cognito-authenticator>` named by `for`, around, or on the page. */
  declare flow: AuthFlow | undefined;
  /** The id of the `<cognito-authenticator>` whose session to use. */
  declare for: string | null;
  /** The attributes the user may edit (the `attributes` attribute, as `sign-up-attributes`); default: sign-up's. */
  declare profileAttributes: string | null;
  /** The MFA methods the pool allows and the page offers (`mfa-types`); default SOFTWARE_TOKEN_MFA. */
  declare mfaTypes: string | null;

  /** The AccountFlow's state, undefined until a session source is found. */
  protected state: AccountState | undefined;
  protected readonly link = new AccountLink(this);
  protected readonly uidPrefix = uid();
  readonly #l10n = new LocalizeController(this, {
    translations: () => this.closest<HTMLElement & { translations?: TranslationsByLanguage }>('cognito-authenticator')?.translations,
  });
  #stop: (() => void)[] = [];

  constructor() {
    super();
    this.for = null;
    this.profileAttributes = null;
    this.mfaTypes = null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#l10n.schedule(() => super.scheduleUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptBaseStyles(this);
  }

  protected get t(): Translate {
    return this.#l10n.t;
  }

  protected get kit(): FieldKit {
    return { t: this.t, field: (o) => field({ t: this.t, ...o }), passwordField: (o) => passwordField(this.t, o) };
  }

  accountOptions(): AccountOptions {
    return { attributes: this.profileAttributes, mfaTypes: this.mfaTypes };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('account') || changed.has('flow') || changed.has('for')) this.link.refresh();
    if ((changed.has('profileAttributes') && changed.get('profileAttributes') !== undefined) || (changed.has('mfaTypes') && changed.get('mfaTypes') !== undefined)) {
      this.link.rebuild();
    }
  }

  /** AccountLink: the AccountFlow in use changed. */
  linked(account: AccountFlow | undefined): void {
    for (const stop of this.#stop.splice(0)) stop();
    this.state = account?.state;
    if (account) {
      this.#stop.push(
        account.subscribe((state) => {
          this.state = state;
          this.requestUpdate();
        }),
        account.onEvent((event) => {
          const dom = accountEventOf(event, this.t);
          if (dom && this.owns(dom.section)) this.dispatchEvent(new CustomEvent(dom.type, { detail: dom.detail, bubbles: true, composed: true }));
        }),
      );
    }
    this.requestUpdate();
  }

  /** Whether this element dispatches the events of `section` (a section: its own; `<cognito-account>`: none). */
  protected abstract owns(section: AccountSection): boolean;

  /** The heading of a section, for focus: `<h2 tabindex=-1>` (the page or `<cognito-account>` has the h1). */
  protected heading(text: string): TemplateResult {
    return html`<h2 id=${`${this.uidPrefix}-h`} class="cognito-heading cognito-account-heading" tabindex="-1" data-section-heading>${text}</h2>`;
  }

  /** What shows while no one is signed in (and why, when the session ended on its own). */
  protected signedOut(): TemplateResult {
    const error = this.state?.error;
    const configError = this.link.configError;
    if (configError) {
      return html`<div class="errorMessage-customizable" role="alert" data-error-code="configuration">${this.t('config.title')}: ${configError.message}</div>`;
    }
    return html`<div class="cognito-account-signed-out" data-signed-out>
      ${error ? errorBanner(this.t, error, `${this.uidPrefix}-why`) : nothing}
      <p class="textDescription-customizable">${this.t('account.signedOut')}</p>
    </div>`;
  }

  /** The English-or-translated text of an error (as `cognito-error`'s message). */
  protected errorText(status: SectionStatus): string {
    return status.error ? errorText(this.t, status.error) : '';
  }
}

/**
 * A section element: its status drives focus (an error moves focus to the invalid input or its banner; inputs are
 * read-only while its request runs) and "Try again" re-sends its last intent.
 */
export abstract class AccountSectionElement<K extends AccountSection> extends AccountElement {
  abstract readonly section: K;
  /** Sections never take focus when they appear: loading a page must not move it. */
  readonly focusOnArrival = false;
  #retry: (() => unknown) | undefined;
  /** Which intent is running, so its own button shows the progress. */
  #running: string | undefined;
  #loadedFor: AccountFlow | undefined;
  #loadedUser = '';

  /** The control that last had the keyboard focus in this section, until focus moved elsewhere on purpose. */
  #focused: Element | undefined;

  constructor() {
    super();
    new FocusController(this);
    this.addEventListener('cognito-retry', (e) => {
      e.stopPropagation();
      void this.#retry?.();
    });
    this.addEventListener('focusin', (e) => (this.#focused = e.target as Element));
    this.addEventListener('focusout', (e) => {
      // Focus moved to something else (in or out of the section): forget. No new target: a click on nothing, or the
      // control was removed by a render; updated() tells the two apart.
      if (e.relatedTarget) this.#focused = undefined;
    });
  }

  /** The section's status while signed in (FocusController reads it). */
  get current(): SectionStatus | undefined {
    const s = this.state;
    return s?.status === 'ready' ? (s[this.section] as SectionStatus) : undefined;
  }

  protected owns(section: AccountSection): boolean {
    return section === this.section;
  }

  /** Calls an intent of the AccountFlow and remembers it for "Try again". */
  protected intent(call: (account: AccountFlow) => unknown): void {
    const account = this.link.account;
    if (!account) return;
    this.#retry = () => call(account);
    void call(account);
  }

  /** Calls an intent as `action`, so the button that started it shows the progress (see `running`). */
  protected run(action: string, call: (account: AccountFlow) => unknown): void {
    this.#running = action;
    this.intent(call);
  }

  /** The action of the intent last started with `run`. */
  protected get runningAction(): string | undefined {
    return this.#running;
  }

  /** Whether the section's request now running is the one `action` started. */
  protected running(busy: boolean, action: string): boolean {
    return busy && this.#running === action;
  }

  /** Each form matching `forms` that just appeared (once per form): its `target` takes focus. */
  protected focusNewForms(forms: string, target: string): void {
    for (const form of this.querySelectorAll<HTMLFormElement>(forms)) {
      if (form.dataset.seen) continue;
      form.dataset.seen = 'true';
      form.querySelector<HTMLElement>(target)?.focus();
    }
  }

  /** What the section loads when it first shows for a signed-in user (GetUser, a list); nothing by default. */
  protected load(_account: AccountFlow, _state: AccountState): void {}

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The focused control left the page (a deleted passkey's button, a finished set-up): its section's heading takes
    // focus, where the notice that follows it is read, rather than the page's start.
    const active = document.activeElement;
    if (this.#focused && !this.#focused.isConnected && (!active || active === document.body)) {
      this.#focused = undefined;
      this.querySelector<HTMLElement>('[data-section-heading]')?.focus();
    }
    const account = this.link.account;
    const state = this.state;
    // Once per AccountFlow and signed-in user: a section shown to a signed-in user loads what it lists.
    if (account && state?.status === 'ready' && (this.#loadedFor !== account || this.#loadedUser !== state.username)) {
      this.#loadedFor = account;
      this.#loadedUser = state.username;
      this.load(account, state);
    } else if (state?.status !== 'ready') this.#loadedFor = undefined;
  }

  protected abstract renderSection(state: AccountState, status: AccountState[K]): TemplateResult;

  protected override render(): TemplateResult | typeof nothing {
    const state = this.state;
    if (!state || state.status !== 'ready') return html`<section class="cognito-account-section" data-section=${this.section}>${this.signedOut()}</section>`;
    const status = state[this.section];
    // Not aria-busy: screen readers hold back what changes in a busy region, and the section's status ("Loading…",
    // "Your password has been changed.") must be spoken as it changes. Its list is aria-busy instead (parts.ts).
    return html`<section class="cognito-account-section" data-section=${this.section} aria-labelledby=${`${this.uidPrefix}-h`}>
      ${this.renderSection(state, status)}
    </section>`;
  }
}
