import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AuthError } from '../../src/errors.js';
import type { Translate } from '../../src/i18n.js';
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
  return t(`errors.${error.code}`, { field: error.field ? fieldLabel(t, error.field) : '' });
}

export function errorBanner(t: Translate, error: AuthError | undefined, id: string): TemplateResult | typeof nothing {
  if (!error) return nothing;
  // After a transport failure the same request can be sent again; the screen's base class handles the event.
  const retry = (e: Event) => e.currentTarget?.dispatchEvent(new CustomEvent('cognito-retry', { bubbles: true }));
  return html`<div id=${id} class="errorMessage-customizable" role="alert" tabindex="-1" data-error-code=${error.code}>
    ${errorText(t, error)}
    ${error.retryable ? html` <button type="button" class="redirect-customizable cognito-retry" data-action="retry" @click=${retry}>${t('common.retry')}</button>` : nothing}
  </div>`;
}

export function noticeBanner(t: Translate, notice: Notice | undefined): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  return html`<p class="cognito-notice textDescription-customizable" role="status" data-notice=${notice}>${t(`notices.${notice}`)}</p>`;
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
}

/** What a part needs of its screen: the screen's language, and inputs with the page's `formFields` applied. */
export interface FieldKit {
  t: Translate;
  field(o: FieldOptions): TemplateResult;
  passwordField(o: FieldOptions): TemplateResult;
}

/** A labelled input with Cognito's label/input classes, invalid state and descriptions wired for screen readers. */
export function field(o: FieldOptions): TemplateResult {
  const invalid = Boolean(o.error && o.error.field === o.name);
  const describedBy = [o.hint ? o.hintId : undefined, invalid ? o.errorId : undefined].filter(Boolean).join(' ') || undefined;
  return html`<div class="cognito-field">
    <label class="label-customizable" for=${o.id}>${o.label}${o.optionalText ? html` <span class="cognito-optional">${o.optionalText}</span>` : nothing}</label>
    <input
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
      aria-required=${o.required !== false ? 'true' : 'false'}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy)}
      autocapitalize="off"
      spellcheck="false"
      @input=${o.onInput}
    />
    ${o.hint ? html`<p id=${ifDefined(o.hintId)} class="cognito-hint textDescription-customizable">${o.hint}</p>` : nothing}
  </div>`;
}

/** A password input with a show/hide toggle that keeps focus and never changes the field's value. */
export function passwordField(t: Translate, o: FieldOptions): TemplateResult {
  const toggle = (e: Event) => {
    const button = e.currentTarget as HTMLButtonElement;
    const input = button.closest('.cognito-field')?.querySelector('input');
    if (!input) return;
    const show = input.type === 'password';
    input.type = show ? 'text' : 'password';
    button.setAttribute('aria-pressed', String(show));
    button.textContent = show ? t('common.hidePassword') : t('common.showPassword');
  };
  const describedBy = [o.hintId, o.error && o.error.field === o.name ? o.errorId : undefined].filter(Boolean).join(' ') || undefined;
  return html`<div class="cognito-field cognito-password-field">
    <label class="label-customizable" for=${o.id}>${o.label}</label>
    <input
      id=${o.id}
      class="inputField-customizable"
      name=${o.name}
      type="password"
      autocomplete=${ifDefined(o.autocomplete)}
      placeholder=${ifDefined(o.placeholder)}
      required
      aria-required="true"
      aria-invalid=${o.error && o.error.field === o.name ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy)}
      autocapitalize="off"
      spellcheck="false"
      @input=${o.onInput}
    />
    <button type="button" class="cognito-show-password" data-action="show-password" aria-pressed="false" aria-controls=${o.id} @click=${toggle}>
      ${t('common.showPassword')}
    </button>
  </div>`;
}

export function submitButton(t: Translate, label: string, busy: boolean): TemplateResult {
  return html`<button type="submit" class="submitButton-customizable" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
    ${busy ? html`<span class="cognito-spinner" aria-hidden="true"></span><span class="cognito-visually-hidden">${t('common.busy')}</span>` : nothing}
    <span class="cognito-submit-label">${label}</span>
  </button>`;
}

export function actionButton(action: string, label: string, onClick: () => void, disabled = false): TemplateResult {
  return html`<button type="button" class="redirect-customizable cognito-link" data-action=${action} ?disabled=${disabled} @click=${onClick}>${label}</button>`;
}
