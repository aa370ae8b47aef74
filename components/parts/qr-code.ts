import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { Localizer } from '../../src/i18n.js';
import '../features/mfa.js'; // its English and sheet, with this code

/** The one function of the `qrcode` package this element uses. */
export type QrEncoder = { create: (typeof import('qrcode'))['create'] };

/** Loads the encoder; resolves to the module itself or, from an unbundled CommonJS interop, to `{ default: module }`. */
export type QrEncoderLoader = () => Promise<unknown>;

/** Modules of light margin around the symbol: the "quiet zone" the QR specification asks for. */
const QUIET_ZONE = 4;

let loading: { loader: QrEncoderLoader; promise: Promise<QrEncoder> } | undefined;

function loadEncoder(loader: QrEncoderLoader): Promise<QrEncoder> {
  if (loading?.loader === loader) return loading.promise;
  const promise = loader().then((mod) => {
    const m = mod as Partial<QrEncoder> & { default?: Partial<QrEncoder> };
    const encoder = typeof m.create === 'function' ? m : m.default;
    if (typeof encoder?.create !== 'function') throw new Error('qrcode: no create()');
    return encoder as QrEncoder;
  });
  loading = { loader, promise };
  // A failed chunk load (offline for a moment) may work next time: do not cache the failure.
  promise.catch(() => {
    if (loading?.promise === promise) loading = undefined;
  });
  return promise;
}

interface QrSymbol {
  size: number;
  /** One path for every dark module, a rectangle per horizontal run, so the SVG stays small. */
  path: string;
}

function symbolOf(encoder: QrEncoder, value: string): QrSymbol {
  const { modules } = encoder.create(value, { errorCorrectionLevel: 'M' });
  const { size } = modules;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col++;
      const run = col - start;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`;
    }
  }
  return { size, path };
}

/**
 * @summary A QR code for `value`, drawn as an SVG image with an accessible name. The encoder (npm `qrcode`) is loaded
 * only when the first code is shown, so sign-in pages that never set up an authenticator app never download it.
 *
 * The value is never written to an attribute: for TOTP set-up it holds the shared secret.
 *
 * @csspart none — light DOM: style `.cognito-qr svg`, `.cognito-qr-status`.
 */
export class CognitoQrCode extends LitElement {
  static override properties = {
    value: { attribute: false },
    label: { attribute: false },
  };

  /**
   * How the encoder is loaded. Bundlers turn `import('qrcode')` into a lazy chunk; a page that serves modules
   * unbundled (where the CommonJS package cannot load) can point this at an ES build of `qrcode`.
   */
  static loadEncoder: QrEncoderLoader = () => import('qrcode');

  /** The text to encode, e.g. an `otpauth://` URI. */
  declare value: string;
  /** The image's accessible name; defaults to `setupTotp.qrAlt`. */
  declare label: string | undefined;

  /** Texts in the language of the screen around it (the nearest `lang`). */
  readonly #l10n = new Localizer(this);
  #symbol: QrSymbol | undefined;
  #status: 'loading' | 'ready' | 'failed' = 'loading';
  #request = 0;

  constructor() {
    super();
    this.value = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('value')) void this.#encode();
  }

  async #encode(): Promise<void> {
    const request = ++this.#request;
    const value = this.value;
    this.#symbol = undefined;
    this.#status = 'loading';
    if (!value) return;
    try {
      const encoder = await loadEncoder(CognitoQrCode.loadEncoder);
      if (request !== this.#request) return;
      this.#symbol = symbolOf(encoder, value);
      this.#status = 'ready';
    } catch (e) {
      if (request !== this.#request) return;
      this.#status = 'failed';
      console.warn('cognito-qr-code: the QR code could not be drawn', e);
    }
    this.requestUpdate();
  }

  protected override render(): TemplateResult | typeof nothing {
    const symbol = this.#status === 'ready' ? this.#symbol : undefined;
    const message = this.#status === 'failed' ? this.#l10n.t('setupTotp.qrFailed') : this.value ? this.#l10n.t('setupTotp.qrLoading') : '';
    const box = symbol ? symbol.size + 2 * QUIET_ZONE : 0;
    // The status region stays in place across states so a screen reader hears "loading" turn into a failure.
    return html`<div class="cognito-qr" data-status=${this.#status}>
      ${symbol
        ? html`<svg
            role="img"
            aria-label=${this.label ?? this.#l10n.t('setupTotp.qrAlt')}
            viewBox=${`0 0 ${box} ${box}`}
            width="200"
            height="200"
            shape-rendering="crispEdges"
            focusable="false"
          >
            ${svg`<rect width=${box} height=${box} fill="#fff"></rect><path d=${symbol.path} fill="#000"></path>`}
          </svg>`
        : nothing}
      <p class="cognito-qr-status textDescription-customizable" role="status">${symbol ? nothing : message}</p>
    </div>`;
  }
}

if (!customElements.get('cognito-qr-code')) customElements.define('cognito-qr-code', CognitoQrCode);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-qr-code': CognitoQrCode;
  }
}
