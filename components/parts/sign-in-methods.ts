import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Translate } from '../../src/i18n.js';
import type { SignInMethod } from '../../src/state/index.js';
import '../features/idp.js'; // its English and sheet, with this code
import '../features/user-auth.js'; // the English of every screen that imports this module

// What the choice-based sign-in screens share (sign-in-method, sign-in-password, sign-in-code, passkey-prompt): the
// buttons naming the ways to sign in, the progress line while the browser's passkey dialog is open, and the sentence
// naming the account. Imported by those lazy screens only, so a password-only page never loads it.

export interface MethodButtonsOptions {
  methods: readonly SignInMethod[];
  busy: boolean;
  /** The method being tried (its button shows the spinner). */
  pending?: SignInMethod;
  /**
   * The choice screen: each button submits the form with its method (`name="method"`), the first one looks like the
   * primary action. Elsewhere ("Other ways to sign in") plain buttons. None takes focus when the step appears: a choice
   * is not an input the step exists for, so the heading does (README, Focus and messages) and a screen reader hears
   * the title and "Signing in as …" before the ways.
   */
  submit: boolean;
  /** For the plain buttons: what a click chooses. */
  onChoose?: (method: SignInMethod) => void;
  /** The id of the text that names the group (e.g. "Other ways to sign in"). */
  labelledBy?: string;
}

/** The busy spinner and its spoken text, as the submit button shows them (components/parts/form.ts). */
export function spinner(t: Translate, busy: boolean): TemplateResult | typeof nothing {
  return busy ? html`<span class="cognito-spinner" aria-hidden="true"></span><span class="cognito-visually-hidden">${t('common.busy')}</span>` : nothing;
}

/**
 * One button per way to sign in, in the order the page lists them ("Sign in with a passkey", "Email me a code", …).
 * While a request runs they are aria-disabled and do nothing (a submit one's press reaches the screen's handler, which
 * ignores it while busy), never `disabled`: that would drop the focus of the user who just pressed one to <body>
 * (README, Focus and messages; `actionButton` in form.ts does the same).
 */
export function methodButtons(t: Translate, o: MethodButtonsOptions): TemplateResult {
  return html`<div class="cognito-methods" role="group" aria-labelledby=${ifDefined(o.labelledBy)}>
    ${o.methods.map((m, i) => {
      const first = o.submit && i === 0;
      return html`<button
        type=${o.submit ? 'submit' : 'button'}
        class=${first ? 'submitButton-customizable cognito-method' : 'idpButton-customizable cognito-method'}
        name=${ifDefined(o.submit ? 'method' : undefined)}
        value=${m}
        data-action="method"
        data-method=${m}
        aria-disabled=${o.busy}
        aria-busy=${o.busy && o.pending === m ? 'true' : 'false'}
        @click=${o.submit || o.busy ? nothing : () => o.onChoose?.(m)}
      >
        ${spinner(t, o.busy && o.pending === m)}<span class="cognito-submit-label">${t(`userAuth.methods.${m}`)}</span>
      </button>`;
    })}
  </div>`;
}

/**
 * While the browser's own passkey dialog is open the page can do nothing but wait: say so (a live region, present
 * before the text comes, so screen readers announce it).
 */
export function progressLine(text: string | undefined): TemplateResult {
  return html`<div class="cognito-progress textDescription-customizable" role="status" aria-live="polite">${text ?? nothing}</div>`;
}

/** "Signing in as ada@example.com": the name as the user typed it, isolated so it never reorders the sentence. */
export function signingInAs(t: Translate, username: string): string {
  return t('userAuth.signingInAs', { name: `\u2068${username}\u2069` });
}

/** The account's username, hidden, beside a password: lets a password manager fill and save the right account. */
export function usernameForPasswordManager(username: string): TemplateResult {
  return html`<input type="text" name="username" autocomplete="username" .value=${username} hidden readonly />`;
}

/** "Other ways to sign in": the methods but `current`, as plain buttons; nothing when there is no other. */
export function otherWays(t: Translate, id: string, o: { methods: readonly SignInMethod[]; current: SignInMethod; busy: boolean; onChoose: (m: SignInMethod) => void }): TemplateResult | typeof nothing {
  const others = o.methods.filter((m) => m !== o.current);
  if (others.length === 0) return nothing;
  return html`<div class="cognito-other-ways">
    <p id=${`${id}-others`} class="textDescription-customizable">${t('userAuth.otherWays')}</p>
    ${methodButtons(t, { methods: others, busy: o.busy, submit: false, onChoose: o.onChoose, labelledBy: `${id}-others` })}
  </div>`;
}
