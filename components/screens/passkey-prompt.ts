import { html, nothing, type TemplateResult } from 'lit';
import { CognitoScreen } from '../base.js';
import { actionButton, errorBanner, uid } from '../parts/form.js';
import { stepForm } from '../parts/step-form.js';
import { progressLine, spinner } from '../parts/sign-in-methods.js';
import { slotted } from '../controllers/slots.js';
import '../features/after-sign-in.js'; // its English, with this code

/**
 * @summary After a sign-in without a passkey (passkey-prompt): "Create a passkey", "Not now" (this time), or "Don't ask
 * again on this device". The user is already signed in (cognito-signed-in has fired); leaving the prompt fires nothing.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoPasskeyPrompt extends CognitoScreen<'passkey-prompt'> {
  readonly screen = 'passkey-prompt' as const;
  readonly #id = uid();

  readonly #submit = this.onSubmit(async (_v, flow) => {
    // The button is aria-disabled while busy, never disabled (focus stays on it): a second press does nothing.
    if (this.current?.busy) return;
    const root = this.closest('.cognito-root');
    await flow.createPasskey();
    // Created: the prompt (and the button that had the focus) is gone. Focus goes to "Your passkey is ready…", which
    // the authenticator shows above the page's own signed-in content too, so it is both seen and read out.
    await (root?.parentElement as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    const notice = root?.querySelector<HTMLElement>('[data-notice="passkey-created"]');
    // (The signed-in heading may have taken the lost focus first: the confirmation is the thing to hear.)
    const active = document.activeElement;
    if (notice && (!active || active === document.body || active.matches('.cognito-signed-in h1'))) {
      notice.tabIndex = -1;
      // Focused from the script only, like the headings: no ring, which would make a status line look like a control.
      notice.style.outline = 'none';
      notice.focus();
    }
  });

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    return stepForm(
      {
        screen: 'passkey-prompt',
        id,
        onSubmit: this.#submit,
        title: this.t('passkeyPrompt.title'),
        description: this.t('passkeyPrompt.instructions'),
      },
      html`
        ${errorBanner(this.t, s.error, `${id}-error`)}
        ${slotted('before-submit')}
        <button
          type="submit"
          class="submitButton-customizable"
          data-action="create-passkey"
          aria-describedby=${`${id}-h ${id}-desc`}
          aria-disabled=${s.busy}
          aria-busy=${s.busy ? 'true' : 'false'}
        >
          ${spinner(this.t, s.busy)}<span class="cognito-submit-label">${this.t('passkeyPrompt.create')}</span>
        </button>
        ${progressLine(s.busy ? this.t('passkeyPrompt.waiting') : undefined)}
        <div class="cognito-links">
          ${actionButton('not-now', this.t('passkeyPrompt.notNow'), () => void this.flow?.skipPasskey(), s.busy)}
          ${actionButton('dont-ask-again', this.t('passkeyPrompt.dontAskAgain'), () => void this.flow?.skipPasskey({ dontAskAgain: true }), s.busy)}
        </div>`,
    );
  }
}

if (!customElements.get('cognito-passkey-prompt')) customElements.define('cognito-passkey-prompt', CognitoPasskeyPrompt);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-passkey-prompt': CognitoPasskeyPrompt;
  }
}
