import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AuthError } from '../../src/errors.js';
import type { Translate } from '../../src/i18n.js';
import { slotted } from '../controllers/slots.js';
import type { Notice } from '../../src/state/index.js';

// Shared pieces of every screen, as template functions. Every string is rendered as text by Lit: server and user
// values can never become markup.

let serial = 0;
/** A page-unique id prefix for one element instance, for label/aria wiring. */
export function uid(): string {
  return `cognito-${(++serial).toString(36)}`;
}

export function heading(text: string): TemplateResult {
  return html`<h1 class="cognito-heading" tabindex="-1" data-screen-heading>${text}</h1>`;
}

/**
 * Translated label of a field name (`username`, `given_name`, `custom:tier`, …). The same as src/field-label.ts (the
 * engine's English): importing that module from here makes the bundler split English out of the entry (~220 bytes
 * more first paint), so the screens keep this copy until the engine's module order allows one.
 */
export function fieldLabel(t: Translate, name: string): string {
  if (name.startsWith('custom:')) return name.slice('custom:'.length).replace(/[_-]+/g, ' ');
  const common: Record<string, string> = {
    username: 'common.username',
    password: 'common.password',
    new_password: 'common.newPassword',
    confirm_password: 'common.confirmPassword',
    code: 'common.code',
    device_name: 'setupTotp.deviceName',
    mfa: 'selectMfa.title',
  };
  return t(common[name] ?? `attributes.${name}`);
}

export function errorText(t: Translate, error: AuthError): string {
  // A missing value is said as the field's own sentence ("Enter your username.", "Choose a way to verify."), never
  // "Fill in <label>." with a label that may not be the one shown.
  if (error.code === 'required-field' && error.field) return fieldErrorText(t, error, fieldLabel(t, error.field));
  return t(`errors.${error.code}`, { field: error.field ? fieldLabel(t, error.field) : '' });
}

/**
 * The sentence under an invalid field, in the words of what the user sees: "Enter your email address." under an
 * Email field (never "Fill in Username."), "Choose a way to verify." for the MFA choice; other errors as the banner
 * says them.
 */
export function fieldErrorText(t: Translate, error: AuthError, label: string, type?: string): string {
  if (error.code !== 'required-field') return t(`errors.${error.code}`, { field: label });
  const name = error.field ?? '';
  if (type === 'email' || name === 'email') return t('fieldErrors.email');
  if (type === 'tel' || name === 'phone_number') return t('fieldErrors.phone');
  if (name === 'code') return t('fieldErrors.code');
  if (name === 'mfa') return t('fieldErrors.mfa');
  if (name === 'confirm_password') return t('fieldErrors.confirmPassword');
  if (name === 'password' || name === 'new_password') return t('fieldErrors.password');
  if (name === 'username') return t('fieldErrors.username');
  return t('fieldErrors.other', { field: label });
}

/** The message under an invalid field (its id is what the input's aria-describedby names). */
export function fieldMessage(text: string, id: string | undefined, code: string): TemplateResult {
  return html`<p id=${ifDefined(id)} class="cognito-field-error" data-error-code=${code}><span class="cognito-error-text">${text}</span></p>`;
}

/**
 * The screen's banner for an error. An error about one field is said under that field instead (see `field`): the
 * banner is then still rendered (for the page's hosted-UI CSS and the `cognito-error` text) but hidden by base.css
 * while the field's own message shows, so nothing is said twice.
 */
export function errorBanner(t: Translate, error: AuthError | undefined, id: string): TemplateResult | typeof nothing {
  if (!error) return nothing;
  // After a transport failure the same request can be sent again; the screen's base class handles the event.
  const retry = (e: Event) => e.currentTarget?.dispatchEvent(new CustomEvent('cognito-retry', { bubbles: true }));
  return html`<div id=${id} class="errorMessage-customizable" role="alert" tabindex="-1" data-error-code=${error.code} data-field=${ifDefined(error.field)}>
    <span class="cognito-error-text">${errorText(t, error)}</span>
    ${error.retryable ? html` <button type="button" class="redirect-customizable cognito-retry" data-action="retry" @click=${retry}>${t('common.retry')}</button>` : nothing}
  </div>`;
}

/**
 * The screen's status line (role=status). It is always there, empty and visually hidden (no box, out of the layout,
 * still in the accessibility tree) without a notice: a screen reader only reads what is put into a live region that
 * already existed ("A new code has been sent.").
 */
export function noticeBanner(t: Translate, notice: Notice | undefined): TemplateResult {
  return html`<p class=${notice ? 'cognito-notice textDescription-customizable' : 'cognito-visually-hidden'} role="status" data-notice=${ifDefined(notice)}>${notice && t(`notices.${notice}`)}</p>`;
}

export interface FieldOptions {
  id: string;
  name: string;
  label: string;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  value?: string;
  required?: boolean;
  error?: AuthError;
  errorId?: string;
  hint?: string;
  hintId?: string;
  pattern?: string;
  maxlength?: number;
  dir?: string;
  placeholder?: string;
  /** Shown after the label of an optional field, e.g. "(optional)". */
  optionalText?: string;
  onInput?: (e: InputEvent) => void;
  onBlur?: (e: FocusEvent) => void;
  /**
   * The input the step exists for (a code, a new password): it takes focus when the step appears (see
   * FocusController), and `describedBy` (the step's title and description) tells a screen reader which step it is.
   */
  primary?: boolean;
  /** Ids of the step's title and description, read after the label (for the primary input). */
  describedBy?: string;
  /** The message about this field is shown elsewhere (at `errorId`), not under it. */
  messageElsewhere?: boolean;
  /** The translation function, for the message under the field when it is invalid. */
  t?: Translate;
}

/** What a part needs of its screen: the screen's language, and inputs with the page's `formFields` applied. */
export interface FieldKit {
  t: Translate;
  field(o: FieldOptions): TemplateResult;
  passwordField(o: FieldOptions): TemplateResult;
}

/** An input's label, with "(optional)" after it on an optional field. */
function label(o: FieldOptions): TemplateResult {
  return html`<label class="label-customizable" for=${o.id}>${o.label}${o.optionalText ? html` <span class="cognito-optional">${o.optionalText}</span>` : nothing}</label>`;
}

/** A labelled input with Cognito's label/input classes, invalid state and descriptions wired for screen readers. */
export function field(o: FieldOptions): TemplateResult {
  const invalid = Boolean(o.error && o.error.field === o.name);
  const messageId = invalid && o.t && !o.messageElsewhere ? `${o.id}-message` : undefined;
  return html`<div class="cognito-field">
    ${label(o)}
    ${input(o, invalid, describe(o, o.hint ? o.hintId : undefined, invalid, messageId))}
    ${message(o.t, o, messageId)}
    ${o.hint ? html`<p id=${ifDefined(o.hintId)} class="cognito-hint textDescription-customizable">${o.hint}</p>` : nothing}
  </div>`;
}

/** The input of `field` and `passwordField` (one template, so the first paint carries it once). */
function input(o: FieldOptions, invalid: boolean, describedBy: string | undefined): TemplateResult {
  return html`<input
      id=${o.id}
      class="inputField-customizable"
      name=${o.name}
      type=${o.type ?? 'text'}
      autocomplete=${ifDefined(o.autocomplete)}
      inputmode=${ifDefined(o.inputmode)}
      dir=${ifDefined(o.dir)}
      maxlength=${ifDefined(o.maxlength)}
      placeholder=${ifDefined(o.placeholder)}
      .value=${o.value ?? ''}
      ?required=${o.required !== false}
      aria-required=${o.required !== false}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(describedBy)}
      autocapitalize="off"
      spellcheck="false"
      ?data-primary-input=${o.primary}
      @input=${o.onInput}
      @blur=${o.onBlur}
    />`;
}

/** The message under an invalid field, when it is said there (`messageId`). */
function message(t: Translate | undefined, o: FieldOptions, messageId: string | undefined): TemplateResult | typeof nothing {
  return messageId && t && o.error ? fieldMessage(fieldErrorText(t, o.error, o.label, o.type), messageId, o.error.code) : nothing;
}

/** aria-describedby of an input: the step (primary inputs), the hint, then the message about it (under it, else the banner). */
function describe(o: FieldOptions, hintId: string | undefined, invalid: boolean, messageId: string | undefined): string | undefined {
  const ids = [o.primary ? o.describedBy : undefined, hintId, invalid ? (messageId ?? o.errorId) : undefined];
  return ids.filter(Boolean).join(' ') || undefined;
}

/** The eye of the show/hide toggle (decorative: the button's hidden text names it). */
const EYE = svg`<path d="M1.5 12S5.5 5 12 5s10.5 7 10.5 7-4 7-10.5 7S1.5 12 1.5 12z" fill="none" stroke="currentColor" stroke-width="2"/><circle cx="12" cy="12" r="3.2" fill="currentColor"/>`;

/**
 * The show/hide toggle: a toggle button (WAI-ARIA APG) whose name stays "Show password" while aria-pressed says
 * whether the password shows; a name that changed too would be heard as "Hide password, pressed".
 */
function togglePassword(e: Event): void {
  const button = e.currentTarget as HTMLButtonElement;
  const input = button.closest('.cognito-field')?.querySelector('input');
  if (!input) return;
  const show = input.type === 'password';
  input.type = show ? 'text' : 'password';
  button.setAttribute('aria-pressed', String(show));
}

/**
 * A password input with a show/hide toggle that keeps focus and never changes the field's value. The toggle is an eye
 * inside the input's end (a 44 px target; base.css marks its pressed state on the eye), its name ("Show password")
 * spoken, so the label row never wraps.
 */
export function passwordField(t: Translate, o: FieldOptions): TemplateResult {
  const invalid = Boolean(o.error && o.error.field === o.name);
  const messageId = invalid && !o.messageElsewhere ? `${o.id}-message` : undefined;
  // The hint (checklist, mismatch status) is named once even when it is also where the message is.
  const describedBy = describe(o, o.hintId, invalid && o.errorId !== o.hintId, messageId);
  // A password is never put back into its input (no `value`).
  const p = { ...o, type: 'password', value: undefined };
  return html`<div class="cognito-field cognito-password-field">
    ${label(o)}
    <div class="cognito-password-box">
      ${input(p, invalid, describedBy)}
      <button type="button" class="cognito-show-password" data-action="show-password" aria-pressed="false" aria-controls=${o.id} @click=${togglePassword}>
        <svg class="cognito-eye" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${EYE}</svg><span class="cognito-visually-hidden">${t('common.showPassword')}</span>
      </button>
    </div>
    ${message(t, p, messageId)}
  </div>`;
}

/**
 * The submit button, after the page's `before-submit` content for the screen (components/controllers/slots.ts). Busy,
 * it is aria-disabled, not disabled (focus stays on it); a second submit is refused by the flow's runner.
 */
export function submitButton(t: Translate, label: string, busy: boolean): TemplateResult {
  return html`${slotted('before-submit')}<button type="submit" class="submitButton-customizable" aria-disabled=${busy} aria-busy=${busy}>
    ${busy ? html`<span class="cognito-spinner" aria-hidden="true"></span><span class="cognito-visually-hidden">${t('common.busy')}</span>` : nothing}
    <span class="cognito-submit-label">${label}</span>
  </button>`;
}

/**
 * A secondary action ("Send a new code", Back). While a request runs it is aria-disabled and does nothing, but never
 * `disabled`: that would drop the focus of a user who just pressed it to <body> (README: focus stays where it is).
 */
export function actionButton(action: string, label: string, onClick: () => void, busy = false): TemplateResult {
  return html`<button type="button" class="redirect-customizable cognito-link" data-action=${action} aria-disabled=${busy} @click=${busy ? nothing : onClick}>${label}</button>`;
}
