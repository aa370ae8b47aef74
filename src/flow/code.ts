import { fail, required } from './steps.js';

// A one-time code as the user types it. Loaded only with the journeys and account sections that ask for one (never
// with the sign-in form's first paint).

const CODE = /^\d{4,10}$/;

/** A TOTP code: exactly six digits. */
export const TOTP_CODE = /^\d{6}$/;

// Digits in every script a keyboard of the shipped languages types (Arabic ١٢٣, Persian/Urdu ۱۲۳, Devanagari १२३,
// Bengali, Thai ๑๒๓, and the full-width １２３ of Chinese and Japanese input methods) -> the ASCII digits Cognito expects.
// From Intl, so no table is written here: each numbering system's own 0-9.
let digits: Map<string, string> | undefined;
function asciiDigits(value: string): string {
  if (!digits) {
    digits = new Map();
    for (const nu of ['arab', 'arabext', 'deva', 'beng', 'thai', 'fullwide', 'mymr', 'khmr', 'laoo', 'tibt']) {
      const format = new Intl.NumberFormat(`en-u-nu-${nu}`, { useGrouping: false });
      for (let i = 0; i < 10; i++) digits.set(format.format(i), String(i));
    }
  }
  return value.replace(/\p{Nd}/gu, (d) => digits!.get(d) ?? d);
}

/**
 * A one-time code as typed: spaces allowed (apps group digits), digits of any script read as ASCII; else
 * `invalid-code-format` on `code`.
 */
export function readCode(value: string, pattern: RegExp = CODE): string {
  const code = asciiDigits(required(value, 'code').replace(/\s/g, ''));
  if (!pattern.test(code)) fail('invalid-code-format', 'code');
  return code;
}
