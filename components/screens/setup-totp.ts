import { html, nothing, type TemplateResult } from 'lit';
import { CognitoScreen } from '../base.js';
import { actionButton, errorBanner, heading, submitButton, uid } from '../parts/form.js';
import { secretBlocks, totpFields, totpSteps } from '../parts/totp-steps.js';
import { slotted } from '../controllers/slots.js';
import { CodeStepController } from '../controllers/code-step.js';
import '../features/mfa.js'; // its English and sheet, with this code

/**
 * @summary Sets up an authenticator app (TOTP): a QR code of the otpauth:// URI, the secret key as text for manual
 * entry, then the first code and an optional device name. Used in an MFA_SETUP challenge and by a signed-in user.
 *
 * The secret appears only in the QR code and, once asked for, in the secret key block: never in an attribute or id.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes, `.cognito-steps`, `.cognito-secret`.
 */
export class CognitoSetupTotp extends CognitoScreen<'setup-totp'> {
  readonly screen = 'setup-totp' as const;
  readonly #id = uid();
  #showSecret = false;
  /** The secret last shown: a new secret (a new set-up) starts with the key hidden again. */
  #secretShown: string | undefined;

  /** What the copy button last did: said in a live region (a screen reader hears it; the button keeps focus). */
  #copied: 'copied' | 'copyFailed' | undefined;

  constructor() {
    super();
    new CodeStepController(this); // selects the code after a wrong one
  }

  #toggleSecret(): void {
    this.#showSecret = !this.#showSecret;
    this.#copied = undefined;
    this.requestUpdate();
  }

  /** Copies the key (without the spaces between blocks): the Clipboard API, else the selection and execCommand. */
  async #copy(secret: string): Promise<void> {
    let ok = false;
    try {
      await navigator.clipboard.writeText(secret);
      ok = true;
    } catch {
      // No clipboard permission (an iframe, an old browser): select the key, so copying by hand is one keystroke away.
      const key = this.querySelector('.cognito-secret-key');
      const selection = getSelection();
      if (key && selection) {
        selection.selectAllChildren(key);
        ok = document.execCommand?.('copy') === true;
      }
    }
    this.#copied = ok ? 'copied' : 'copyFailed';
    this.requestUpdate();
  }

  readonly #submit = this.onSubmit((v, flow) => flow.verifyTotp({ code: v.code ?? '', deviceName: v.device_name }));

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    if (this.#secretShown !== s.secret) {
      this.#secretShown = s.secret;
      this.#showSecret = false;
    }
    const id = this.#id;
    const shown = this.#showSecret;
    return html`<form class="cognito-form" data-screen="setup-totp" novalidate @submit=${this.#submit} aria-labelledby=${`${id}-h`}>
      ${slotted('header')}
      <div id=${`${id}-h`}>${heading(this.t('setupTotp.title'))}</div>
      ${errorBanner(this.t, s.error, `${id}-error`)}
      ${totpSteps(this.t, {
        id,
        uri: s.uri,
        shown,
        onToggle: () => this.#toggleSecret(),
        secret: () =>
          html`<code class="cognito-secret-key" dir="ltr" translate="no"
              >${secretBlocks(s.secret).map((b, i) => html`${i ? ' ' : ''}<span class="cognito-secret-block">${b}</span>`)}</code
            >
            <button type="button" class="redirect-customizable cognito-link cognito-copy" data-action="copy-secret" @click=${() => void this.#copy(s.secret)}>
              ${this.t('setupTotp.copy')}
            </button>`,
        after: html`<p class="cognito-copy-status" role="status" data-copy-status>${shown && this.#copied ? this.t(`setupTotp.${this.#copied}`) : ''}</p>`,
      })}
      ${totpFields(this.kit, { id, error: s.error, errorId: `${id}-error`, deviceError: true })}
      ${submitButton(this.t, this.t('setupTotp.submit'), s.busy)}
      <div class="cognito-links">
        ${s.signedIn
          ? actionButton('cancel', this.t('setupTotp.cancel'), () => this.flow?.cancelTotpSetup(), s.busy)
          : actionButton('back', this.t('common.back'), () => this.flow?.goTo('sign-in'), s.busy)}
      </div>
      ${slotted('footer')}
    </form>`;
  }
}

if (!customElements.get('cognito-setup-totp')) customElements.define('cognito-setup-totp', CognitoSetupTotp);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-setup-totp': CognitoSetupTotp;
  }
}
