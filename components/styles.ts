/**
 * The minimal stylesheet every page needs for the elements to work (visually hidden text, the busy spinner, hiding
 * the page's signed-in content until sign-in). It is adopted once per root node as a constructable stylesheet, so a
 * strict Content-Security-Policy needs no 'unsafe-inline', and it sits in @layer cognito so any page CSS wins.
 * Themes (themes/*.css) add the look on top.
 */
const CSS = `
@layer cognito {
  .cognito-visually-hidden {
    position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  .cognito-spinner {
    display: inline-block; width: 1em; height: 1em; margin-inline-end: 0.5em; vertical-align: -0.15em;
    border: 2px solid currentColor; border-inline-end-color: transparent; border-radius: 50%;
    animation: cognito-spin 0.8s linear infinite;
  }
  @keyframes cognito-spin { to { transform: rotate(360deg); } }
  @media (prefers-reduced-motion: reduce) { .cognito-spinner { animation-duration: 3s; } }
  cognito-authenticator { display: block; }
  cognito-authenticator .cognito-field { display: flex; flex-direction: column; gap: 0.25rem; margin-block: 0.75rem; }
  cognito-authenticator .cognito-password-field { position: relative; }
}
/* Outside the layer on purpose: the page's signed-in content must never show to a signed-out visitor. */
cognito-authenticator:not([screen="signed-in"]) > :not(.cognito-root) { display: none !important; }
`;

let sheet: CSSStyleSheet | undefined;
const adopted = new WeakSet<Document | ShadowRoot>();

export function adoptBaseStyles(host: Element): void {
  const root = host.getRootNode() as Document | ShadowRoot;
  if (!('adoptedStyleSheets' in root) || adopted.has(root)) return;
  sheet ??= (() => {
    const s = new CSSStyleSheet();
    s.replaceSync(CSS);
    return s;
  })();
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  adopted.add(root);
}
