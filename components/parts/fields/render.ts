import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Translate } from '../../../src/i18n.js';
import { fieldMessage } from '../form.js';
import { preferredRegion, regionChoices } from './phone.js';
import type { FieldChoice, ShapedFieldOptions } from './types.js';

// The sign-up field types a page can ask for in formFields (checkbox, select, date, tel), each with its message under
// the field. Every page-supplied string (labels, choices, link text) is rendered as text.

export interface ShapedFieldInput {
  id: string;
  name: string;
  label: string;
  required: boolean;
  /** What the user last typed/chose ('true' or '' for a checkbox), so a re-render keeps it. */
  value?: string;
  /** The region last chosen in a tel field's picker. */
  region?: string;
  /** The message under the field (required, invalid, or the page's validate()). */
  message?: string;
  /** The `lang` values from the element up (nearest first): country names, and the picker's first region. */
  langs: readonly string[];
  custom: ShapedFieldOptions;
}

/** Only https, http and same-site links: a page's `link.href` never becomes `javascript:`. */
function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href, globalThis.location?.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function choice(c: string | FieldChoice): FieldChoice {
  return typeof c === 'string' ? { value: c, label: c } : c;
}

/** The name of a tel field's country picker in the form (never sent: the number goes out in E.164). */
export function regionName(name: string): string {
  return `${name}#region`;
}

export function shapedField(t: Translate, o: ShapedFieldInput): TemplateResult {
  const messageId = `${o.id}-message`;
  const hintId = `${o.id}-hint`;
  const c = o.custom;
  const describedBy = [c.hint ? hintId : undefined, o.message ? messageId : undefined].filter(Boolean).join(' ') || undefined;
  const optional = o.required ? nothing : html` <span class="cognito-optional">${t('common.optional')}</span>`;
  const label = html`<label class="label-customizable" for=${o.id}>${o.label}${optional}</label>`;
  const after = html`${c.hint ? html`<p id=${hintId} class="cognito-hint textDescription-customizable">${c.hint}</p>` : nothing}
    ${o.message
      ? fieldMessage(o.message, messageId, "invalid-field")
      : nothing}`;
  const common = { invalid: o.message ? 'true' : 'false', required: o.required ? 'true' : 'false' };
  switch (c.type) {
    case 'checkbox': {
      const href = c.link ? safeHref(c.link.href) : undefined;
      return html`<div class="cognito-field cognito-checkbox-field" data-field=${o.name}>
        <input id=${o.id} class="cognito-checkbox" type="checkbox" name=${o.name} value="true" .checked=${o.value === 'true'}
          aria-required=${common.required} aria-invalid=${common.invalid} aria-describedby=${ifDefined(describedBy)} />
        ${label}${href && c.link
          ? html` <a class="redirect-customizable cognito-field-link" href=${href} target="_blank" rel="noopener noreferrer">${c.link.text}</a>`
          : nothing}
        ${after}
      </div>`;
    }
    case 'select':
      return html`<div class="cognito-field" data-field=${o.name}>
        ${label}
        <select id=${o.id} class="inputField-customizable" name=${o.name} aria-required=${common.required} aria-invalid=${common.invalid}
          aria-describedby=${ifDefined(describedBy)}>
          <option value="" ?selected=${!o.value}>${c.placeholder ?? t('fields.choose')}</option>
          ${(c.options ?? []).map(choice).map((x) => html`<option value=${x.value} ?selected=${o.value === x.value}>${x.label}</option>`)}
        </select>
        ${after}
      </div>`;
    case 'tel': {
      // The list's order depends only on the user's likely region, never on the choice: re-ordered under a picked
      // option, the <select> would keep its index and show (and send) another country. The chosen region (the screen's
      // state, kept from every input event of the picker) is set on its option, the property, not the attribute: an
      // option the user picked ignores a `selected` attribute.
      const first = preferredRegion(o.langs);
      const chosen = o.region ?? first;
      return html`<div class="cognito-field cognito-tel-field" data-field=${o.name}>
        ${label}
        <div class="cognito-tel" dir="ltr">
          <select class="inputField-customizable cognito-tel-region" name=${regionName(o.name)} aria-label=${t('fields.countryCode')}
            autocomplete="tel-country-code">
            ${regionChoices(o.langs[0], first).map((r) => html`<option value=${r.region} .selected=${r.region === chosen}>${r.label}</option>`)}
          </select>
          <input id=${o.id} class="inputField-customizable" type="tel" name=${o.name} autocomplete="tel-national" inputmode="tel" dir="ltr"
            placeholder=${ifDefined(c.placeholder)} .value=${o.value ?? ''} aria-required=${common.required} aria-invalid=${common.invalid}
            aria-describedby=${ifDefined(describedBy)} />
        </div>
        ${after}
      </div>`;
    }
    default:
      return html`<div class="cognito-field" data-field=${o.name}>
        ${label}
        <input id=${o.id} class="inputField-customizable" type=${c.type === 'date' ? 'date' : 'text'} name=${o.name}
          min=${ifDefined(c.min)} max=${ifDefined(c.max)} placeholder=${ifDefined(c.placeholder)} .value=${o.value ?? ''}
          aria-required=${common.required} aria-invalid=${common.invalid} aria-describedby=${ifDefined(describedBy)} />
        ${after}
      </div>`;
  }
}
