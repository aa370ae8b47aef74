// The attributes' labels (but email's and phone_number's, in the first paint) are registration's English: it comes with
// this part, so sign-up, new-password and the account profile each have it before they render.
import '../features/registration.js';

/** How one user-pool attribute is asked for: input type, autofill token (HTML's autofill field names) and direction. */
export interface AttributeInput {
  type: string;
  /** Undefined for `custom:*` and other attributes no autofill token fits; the screen decides what to put there. */
  autocomplete?: string;
  dir?: 'ltr';
}

/** Cognito's standard attributes; `custom:*` and anything else is plain text. */
const STANDARD: Readonly<Record<string, { type?: string; autocomplete: string }>> = {
  email: { type: 'email', autocomplete: 'email' },
  phone_number: { type: 'tel', autocomplete: 'tel' },
  given_name: { autocomplete: 'given-name' },
  family_name: { autocomplete: 'family-name' },
  middle_name: { autocomplete: 'additional-name' },
  name: { autocomplete: 'name' },
  nickname: { autocomplete: 'nickname' },
  preferred_username: { autocomplete: 'username' },
  // A date input yields YYYY-MM-DD, the format Cognito requires for birthdate.
  birthdate: { type: 'date', autocomplete: 'bday' },
  gender: { autocomplete: 'sex' },
  address: { autocomplete: 'street-address' },
  locale: { autocomplete: 'language' },
  zoneinfo: { autocomplete: 'off' },
  picture: { type: 'url', autocomplete: 'url' },
  profile: { type: 'url', autocomplete: 'url' },
  website: { type: 'url', autocomplete: 'url' },
};

/** Addresses, numbers and URLs read left to right even in a right-to-left page. */
export function ltrDir(type: string): 'ltr' | undefined {
  return type === 'email' || type === 'tel' || type === 'url' ? 'ltr' : undefined;
}

/** The input for attribute `name` (`email`, `birthdate`, `custom:tier`, …). */
export function attributeInput(name: string): AttributeInput {
  const kind = Object.hasOwn(STANDARD, name) ? STANDARD[name] : undefined;
  const type = kind?.type ?? 'text';
  return { type, autocomplete: kind?.autocomplete, dir: ltrDir(type) };
}
