import type { Translate } from '../../../src/i18n.js';
import { toE164 } from './phone.js';
import { regionName } from './render.js';
import type { ShapedFieldOptions, SignUpValidator } from './types.js';

/** A sign-up field as the screen knows it: its name, its label, its formFields entry and whether it must be filled. */
export interface SignUpField {
  name: string;
  label: string;
  required: boolean;
  custom: ShapedFieldOptions;
}

export interface ShapedValues {
  /** What is sent as user attributes. */
  attributes: Record<string, string>;
  /** What is sent only as SignUp's ClientMetadata (fields with `send: 'metadata'`). */
  metadata: Record<string, string>;
  /** Messages by field name; any blocks the submit. */
  messages: Record<string, string>;
}

const ATTRIBUTE = /^(custom:[\w-]{1,20}|[a-z_]+)$/;
const STANDARD = new Set(['address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name', 'nickname', 'phone_number', 'picture', 'preferred_username', 'profile', 'website', 'zoneinfo']);

/** Whether a field's value is a user attribute (else ClientMetadata only): the page's `send`, else by its name. */
export function sentAsAttribute(name: string, custom: ShapedFieldOptions): boolean {
  if (custom.send) return custom.send === 'attribute';
  return STANDARD.has(name) || (name.startsWith('custom:') && ATTRIBUTE.test(name));
}

/**
 * The fields' values as they would be sent (a checkbox "true"/"false", a phone number in E.164), split into attributes
 * and ClientMetadata, with the messages of this form's own checks (a required box not ticked, a number that cannot be
 * E.164). Empty optional values are left out. `sent` holds every field's value, for the page's validateSignUp.
 */
export function shapeValues(t: Translate, fields: SignUpField[], form: Record<string, string>): ShapedValues & { sent: Record<string, string> } {
  const out = { attributes: {}, metadata: {}, messages: {}, sent: {} } as ShapedValues & { sent: Record<string, string> };
  for (const f of fields) {
    const type = f.custom.type;
    let value = (form[f.name] ?? '').trim();
    if (type === 'checkbox') {
      if (f.required && value !== 'true') out.messages[f.name] = t('fields.checkboxRequired');
      value = value === 'true' ? 'true' : 'false';
    } else if (type === 'tel' && value) {
      const e164 = toE164(value, form[regionName(f.name)] ?? '');
      if (e164) value = e164;
      else out.messages[f.name] = t('fields.phoneInvalid');
    } else if (type && !value && f.required) {
      out.messages[f.name] = type === 'tel' ? t('fieldErrors.phone') : t('fieldErrors.other', { field: f.label });
    }
    out.sent[f.name] = value;
    if (!value) continue;
    if (sentAsAttribute(f.name, f.custom)) out.attributes[f.name] = value;
    else out.metadata[f.name] = value;
  }
  return out;
}

/**
 * The page's validateSignUp messages (sync or async) added to `messages`: only for fields without one already, so one
 * message at a time shows under a field.
 */
export async function pageMessages(validate: SignUpValidator, values: Record<string, string>, messages: Record<string, string>): Promise<Record<string, string>> {
  const out = { ...messages };
  const extra = (await validate({ ...values })) ?? {};
  for (const [name, message] of Object.entries(extra)) if (typeof message === 'string' && message && !out[name]) out[name] = message;
  return out;
}
