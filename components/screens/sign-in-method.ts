import { html, nothing, type TemplateResult } from 'lit';
import type { SignInMethod } from '../../src/state/index.js';
import { CognitoScreen } from '../base.js';
import { errorBanner, uid } from '../parts/form.js';
import { backToSignIn, stepForm } from '../parts/step-form.js';
import { methodButtons, progressLine, signingInAs } from '../parts/sign-in-methods.js';
import { slotted } from '../controllers/slots.js';

/**
 * @summary Choice-based sign-in (sign-in-methods): the ways this account can sign in here, one button each (a
 * passkey, a code by email or text message, the password), in the page's order. A failed passkey comes back here with
 * its message, the other ways still offered.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes and `.cognito-methods`.
 */
export class CognitoSignInMethod extends CognitoScreen<'sign-in-method'> {
  readonly screen = 'sign-in-method' as const;
  readonly #id = uid();

  /** Each method's button submits the form; the one pressed is the choice (Enter on none picks the first). */
  readonly #submit = (e: SubmitEvent): void => {
    e.preventDefault();
    const s = this.current;
    if (!s || s.busy) return;
    const pressed = (e.submitter as HTMLButtonElement | null)?.value as SignInMethod | undefined;
    const method = pressed && s.methods.includes(pressed) ? pressed : s.methods[0];
    if (method) void this.flow?.chooseSignInMethod(method);
  };

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    const waiting = s.busy && s.pending === 'passkey' ? this.t('userAuth.passkeyWaiting') : undefined;
    return stepForm(
      {
        screen: 'sign-in-method',
        id,
        onSubmit: this.#submit,
        title: this.t('userAuth.methodTitle'),
        description: signingInAs(this.t, s.username),
      },
      html`
        ${errorBanner(this.t, s.error, `${id}-error`)}
        ${slotted('before-submit')}
        ${methodButtons(this.t, { methods: s.methods, busy: s.busy, pending: s.pending, submit: true, labelledBy: `${id}-h` })}
        ${progressLine(waiting)}
        ${backToSignIn(this.t, this.flow, s.busy)}`,
    );
  }
}

if (!customElements.get('cognito-sign-in-method')) customElements.define('cognito-sign-in-method', CognitoSignInMethod);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-sign-in-method': CognitoSignInMethod;
  }
}
