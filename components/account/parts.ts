import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SectionStatus } from '../../src/account/index.js';
import type { Translate } from '../../src/i18n.js';
import { errorBanner } from '../parts/form.js';

// What every account section shows the same way: its error and notice, its buttons with progress, dates.

/**
 * The section's error banner and its notice (`banner: false`: the section puts the banner in the form of the field it
 * is about, where base.css hides it while the field says it). The notice sits in a status region that is always there, so a screen
 * reader hears "Your password has been changed." as it appears, and focus stays where the user is. `progress`
 * ("Loading…") goes in the same region: a status inserted already filled is often not spoken at all.
 */
export function sectionStatus(t: Translate, status: SectionStatus, id: string, o: { banner?: boolean; progress?: string } = {}): TemplateResult {
  return html`${o.banner === false ? nothing : errorBanner(t, status.error, `${id}-error`)}
    <div class="cognito-account-status" role="status" data-status>
      ${status.notice
        ? html`<p class="cognito-notice textDescription-customizable" data-notice=${status.notice}>${t(`account.notices.${status.notice}`)}</p>`
        : nothing}
      ${o.progress ? html`<p class="textDescription-customizable" data-progress>${o.progress}</p>` : nothing}
    </div>`;
}

export interface ButtonOptions {
  action: string;
  label: string;
  /** The section's request is running: every button is disabled; `running` marks the one that started it. */
  busy: boolean;
  running?: boolean;
  type?: 'submit' | 'button';
  /** `primary` (Cognito's submitButton-customizable), `secondary`, `danger`, `link` (redirect-customizable). */
  kind?: 'primary' | 'secondary' | 'danger' | 'link';
  describedBy?: string;
  /**
   * The id of what the button acts on (a passkey's, a device's, a method's name): the button is named by its own text
   * and that name, "Delete MacBook", so the rows' same-text buttons differ in a screen reader's list of buttons
   * (WCAG 2.4.6), with no new phrase to translate. Its id is then `${about}-${action}`.
   */
  about?: string;
  onClick?: () => void;
}

const KIND_CLASS = {
  primary: 'submitButton-customizable',
  secondary: 'submitButton-customizable cognito-button-secondary',
  danger: 'submitButton-customizable cognito-button-danger',
  link: 'redirect-customizable cognito-link',
} as const;

/** A button with the spinner and "Please wait…" while its request runs (aria-busy; aria-disabled: nothing is sent twice). */
export function button(t: Translate, o: ButtonOptions): TemplateResult {
  const running = o.running ?? (o.busy && o.type === 'submit');
  const id = o.about === undefined ? undefined : `${o.about}-${o.action}`;
  return html`<button
    id=${ifDefined(id)}
    type=${o.type ?? 'button'}
    class=${KIND_CLASS[o.kind ?? 'primary']}
    data-action=${o.action}
    aria-disabled=${o.busy ? 'true' : 'false'}
    aria-busy=${running ? 'true' : 'false'}
    aria-labelledby=${ifDefined(id && `${id} ${o.about}`)}
    aria-describedby=${ifDefined(o.describedBy)}
    @click=${(e: Event) => {
      // Not \`disabled\`: a disabled button would drop the keyboard focus; a click while busy does nothing instead.
      if (o.busy) e.preventDefault();
      else o.onClick?.();
    }}
  >
    ${running ? html`<span class="cognito-spinner" aria-hidden="true"></span><span class="cognito-visually-hidden">${t('common.busy')}</span>` : nothing}
    <span class="cognito-submit-label">${o.label}</span>
  </button>`;
}

export interface SectionListOptions<T> {
  /** The section's id prefix: the list is labelled by its heading, `${id}-h`. */
  id: string;
  /** The section's request is running: the list is aria-busy (its rows may change), not the section around its status. */
  busy: boolean;
  /** undefined until loaded (the section's status says "Loading…", see `sectionStatus`). */
  items: readonly T[] | undefined;
  /** What an empty list says; without it an empty list is still a list. */
  empty?: string;
  item: (item: T, index: number) => TemplateResult;
  /**
   * Rows keyed by what they show (lit's repeat), for lists whose rows can go: a removed row takes its focused control
   * with it (focus then goes to the heading, section.ts), where by index the next row's control would take its place.
   */
  key?: (item: T) => unknown;
}

/** A section's list: nothing until it is there, the empty text, or the items. */
export function sectionList<T>(o: SectionListOptions<T>): TemplateResult | typeof nothing {
  if (o.items === undefined) return nothing;
  if (o.items.length === 0 && o.empty !== undefined) return html`<p class="textDescription-customizable" data-empty>${o.empty}</p>`;
  const rows = o.key ? repeat(o.items, o.key, o.item) : o.items.map(o.item);
  // Labelled by the section's heading; aria-busy while the section's request runs.
  return html`<ul class="cognito-account-list" aria-labelledby=${`${o.id}-h`} aria-busy=${o.busy ? 'true' : 'false'}>${rows}</ul>`;
}

/** "Loading…" for the section's status while its first request runs and there is nothing to show yet. */
export function loading(t: Translate, busy: boolean, loaded: boolean): string | undefined {
  return busy && !loaded ? t('account.loading') : undefined;
}

/** A date (ms since the epoch) in the element's language, or '' when unknown. */
export function formatDate(lang: string, ms: number | undefined): string {
  if (ms === undefined) return '';
  try {
    return new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'medium' }).format(ms);
  } catch {
    return new Date(ms).toISOString().slice(0, 10);
  }
}

/** The form's named values as strings. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new FormData(form)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A submit handler: no browser submit, the form's values to `intent`. */
export function onSubmit(intent: (values: Record<string, string>, form: HTMLFormElement) => void): (e: SubmitEvent) => void {
  return (e) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    intent(formValues(form), form);
  };
}
