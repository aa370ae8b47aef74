import type { FormFieldOptions } from '../../base.js';

/** One choice of a `select` field: what is sent, and what the user reads. */
export interface FieldChoice {
  value: string;
  label: string;
}

/**
 * Input types a page can give a sign-up field (default: the attribute's own, e.g. `date` for birthdate):
 * `checkbox` (sends "true"/"false"), `select` (one of `options`), `date` (YYYY-MM-DD), `tel` (a country-code picker
 * and the number; sends E.164, e.g. +4915112345678), `text`.
 */
export type FieldType = 'text' | 'checkbox' | 'select' | 'date' | 'tel';

/** A formFields entry: FormFieldOptions, plus what shapes a sign-up field. */
export interface ShapedFieldOptions extends FormFieldOptions {
  type?: FieldType;
  /** `select`: the choices, as values (shown as they are) or `{ value, label }`. */
  options?: readonly (string | FieldChoice)[];
  /** `checkbox`: a link after the label, e.g. `{ href: '/terms', text: 'Read the terms' }` (opens in a new tab). */
  link?: { href: string; text: string };
  /** `date`: the earliest and latest dates allowed, as YYYY-MM-DD. */
  min?: string;
  max?: string;
  /** A line of help under the field. */
  hint?: string;
  /**
   * Where the value goes: `attribute` (a user attribute; the default for standard and `custom:` names) or `metadata`
   * (only in SignUp's `ClientMetadata`, for the pool's Lambda triggers; the default for any other name).
   */
  send?: 'attribute' | 'metadata';
}

/** formFields: per input name (`given_name`, `custom:plan`, `terms`, …). */
export type ShapedFormFields = Record<string, ShapedFieldOptions>;

/**
 * Checks the sign-up form before anything is sent: receives every field's value as it would be sent (never the
 * password) and returns messages by field name; any message blocks the submit and shows under its field.
 */
export type SignUpValidator = (
  values: Record<string, string>,
) => Record<string, string | undefined> | undefined | void | Promise<Record<string, string | undefined> | undefined | void>;
