import { html, type TemplateResult } from 'lit';
import type { Translate } from '../../src/i18n.js';
import type { FieldOptions } from './form.js';
import { addEnglish } from '../../src/i18n-english.js';
import keepSignedInEnglish from '../../src/locales/en/keep-signed-in.js';

// The box's English comes with it (as components/features/*.ts bring theirs), registered before the sign-in screen
// renders with this part.
addEnglish(keepSignedInEnglish);

// What only sign-in pages with `sign-in-methods` or `keep-signed-in` draw: loaded by the sign-in screen before its
// first render on those pages only, so a password-only page's first paint never carries it.

/**
 * Choice-based sign-in (sign-in-methods): the username first; the password only when it is one of the ways, and
 * optional when there are others (typed, it signs in at once; else the next step shows this user's ways).
 */
export function identifierFirst(t: Translate, methods: readonly string[], email: boolean): { heading: string; password: boolean; passwordOptions: Partial<FieldOptions> } {
  return {
    heading: t('userAuth.heading' + (email ? 'Email' : '')),
    password: methods.includes('password'),
    passwordOptions: methods.length > 1 ? { required: false, optionalText: t('common.optional') } : {},
  };
}

/**
 * The "Keep me signed in" box: ticked at first when the configured storage is local (the default), then as the user
 * last left it (the form shows again when they go back from a later step of the same sign-in).
 */
export function keepSignedInBox(t: Translate, id: string, keep: boolean): TemplateResult {
  return html`<div class="cognito-field cognito-checkbox-field" data-field="keep_signed_in">
      <input id=${`${id}-keep`} class="cognito-checkbox" type="checkbox" name="keep_signed_in" value="true" ?checked=${keep} />
      <label class="label-customizable" for=${`${id}-keep`}>${t('signIn.keepSignedIn')}</label>
    </div>`;
}
