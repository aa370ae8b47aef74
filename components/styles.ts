import baseCss from '../themes/base.css?inline';
import classicCss from '../themes/classic.css?inline';
import type { CustomizationResult } from './customization.js';

/**
 * Styles reach the elements as constructable stylesheets adopted into the element's root node (the document, or the
 * shadow root the element sits in), each once per root. No inline <style> is ever written, so a strict
 * Content-Security-Policy needs no 'unsafe-inline'. The themes/*.css files are the source of truth: they are
 * imported as text (`?inline`), base and the default theme (classic) with the element, the other themes lazily on
 * first use, and the parts of the base only later screens need (idp, password, mfa, account) with those screens, so
 * the first paint carries only base + classic.
 *
 * The minimal sheet below is what the elements need to work at all (visually hidden text, the busy spinner, hiding
 * the page's signed-in content until sign-in), and the gate that keeps a lazily loaded theme from painting late: the
 * window of an element whose theme sheet (modern, dark, auto) has not arrived yet takes its space but is not painted,
 * so a dark page never flashes a white card. The theme's own sheet shows it; should that sheet never load, it shows
 * anyway after 3 s, in the default look.
 */
const MINIMAL = `
@layer cognito {
  .cognito-visually-hidden {
    position: absolute !important; inline-size: 1px; block-size: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  .cognito-spinner {
    display: inline-block; inline-size: 1em; block-size: 1em; margin-inline-end: 0.5em; vertical-align: -0.15em;
    border: 2px solid currentColor; border-inline-end-color: transparent; border-radius: 50%;
    animation: cognito-spin 0.8s linear infinite;
  }
  @keyframes cognito-spin { to { transform: rotate(360deg); } }
  @media (prefers-reduced-motion: reduce) { .cognito-spinner { animation-duration: 3s; } }
  cognito-authenticator { display: block; }
  cognito-authenticator:is([theme='modern'], [theme='dark'], [theme='auto']) .cognito-frame {
    visibility: hidden; animation: cognito-unveil 0s 3s forwards;
  }
  @keyframes cognito-unveil { to { visibility: visible; } }
}
/* Outside the layer on purpose: the page's signed-in content must never show to a signed-out visitor. */
cognito-authenticator:not([screen="signed-in"]) > :not(.cognito-root) { display: none !important; }
/* Content for the screens (slot="sign-up-footer", …) is never signed-in content: a session restored before any screen
   has placed it leaves it a direct child (controllers/slots.ts). Beside .cognito-root: also under a subclass's tag. */
cognito-authenticator > [slot], .cognito-root ~ [slot] { display: none !important; }
`;

/** The `theme` values: classic (default), modern, dark, auto (classic or dark, following prefers-color-scheme). */
export type ThemeName = 'classic' | 'modern' | 'dark' | 'auto';

type Root = Document | ShadowRoot;

const LAZY = {
  modern: () => import('../themes/modern.css?inline'),
  dark: () => import('../themes/dark.css?inline'),
} as const;

const sheets = new Map<string, CSSStyleSheet>();
const loading = new Map<keyof typeof LAZY, Promise<CSSStyleSheet>>();

function sheet(key: string, css: string): CSSStyleSheet {
  let s = sheets.get(key);
  if (!s) {
    s = new CSSStyleSheet();
    s.replaceSync(css);
    sheets.set(key, s);
  }
  return s;
}

function rootOf(host: Element): Root | undefined {
  const root = host.getRootNode();
  return 'adoptedStyleSheets' in root ? (root as Root) : undefined;
}

function adopt(root: Root, s: CSSStyleSheet): void {
  if (!root.adoptedStyleSheets.includes(s)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, s];
}

/**
 * The parts of base.css only some screens need (themes/idp.css, …), in the order they had in base.css. Each comes
 * with the code of its screen or element (components/features/*.ts call {@link addFeatureStyles}), so the first paint
 * carries only base.css; once it has come it is in every root that has base.css, right after base.css (before the
 * theme, whose rules must keep winning as they did when it was one file).
 */
const FEATURES = ['idp', 'password', 'mfa', 'account'] as const;
export type FeatureStyles = (typeof FEATURES)[number];

/** The CSS of each feature that has come (a sheet is made on first adoption: importing needs no DOM). */
const features = new Map<FeatureStyles, string>();
/** The roots base.css was adopted into, held weakly (a removed shadow root may go). */
const styledRoots = new Set<WeakRef<Root>>();
const styled = new WeakSet<Root>();

/** Puts every feature sheet that has come into `root`, right after base.css, in base.css's order. */
function adoptFeatures(root: Root): void {
  const ours = FEATURES.filter((key) => features.has(key)).map((key) => sheet(`feature-${key}`, features.get(key)!));
  const current = root.adoptedStyleSheets;
  if (ours.every((s) => current.includes(s))) return;
  const rest = current.filter((s) => !ours.includes(s));
  const at = rest.indexOf(sheets.get('base')!) + 1 || rest.length;
  root.adoptedStyleSheets = [...rest.slice(0, at), ...ours, ...rest.slice(at)];
}

/** Adds a feature's sheet (once) to every root that has base.css, and to every later one. */
export function addFeatureStyles(key: FeatureStyles, css: string): void {
  if (features.has(key)) return;
  features.set(key, css);
  for (const ref of [...styledRoots]) {
    const root = ref.deref();
    if (root) adoptFeatures(root);
    else styledRoots.delete(ref);
  }
}

/**
 * Adopts the minimal sheet, base.css and the default theme (classic) into the host's root node, once per root, and
 * the feature sheets that have come (see {@link addFeatureStyles}).
 */
export function adoptBaseStyles(host: Element): void {
  const root = rootOf(host);
  if (!root) return;
  adopt(root, sheet('minimal', MINIMAL));
  adopt(root, sheet('base', baseCss));
  adopt(root, sheet('classic', classicCss));
  if (!styled.has(root)) {
    styled.add(root);
    styledRoots.add(new WeakRef(root));
  }
  adoptFeatures(root);
}

/** The lazily loaded sheet a theme needs beside base + classic (auto needs dark for its dark half). */
function lazyKey(theme: string | null | undefined): keyof typeof LAZY | undefined {
  if (theme === 'modern') return 'modern';
  if (theme === 'dark' || theme === 'auto') return 'dark';
  return undefined;
}

/**
 * Adopts what `theme` needs into the host's root: base + classic at once, modern or dark once loaded. Unknown
 * values fall back to classic. Resolves when the theme's sheet is in place.
 */
export async function adoptTheme(host: Element, theme: string | null | undefined): Promise<void> {
  adoptBaseStyles(host);
  const key = lazyKey(theme);
  if (!key) return;
  let pending = loading.get(key);
  if (!pending) {
    pending = LAZY[key]().then((m) => sheet(key, m.default));
    // A failed chunk load may be retried on the next call.
    pending.catch(() => loading.delete(key));
    loading.set(key, pending);
  }
  const s = await pending;
  const root = rootOf(host);
  if (root && host.isConnected) adopt(root, s);
}

/** Attribute that names one element instance for its customization-css rules. */
export const SCOPE_ATTRIBUTE = 'data-cognito-scope';

interface Customization {
  id: string;
  sheet: CSSStyleSheet;
  source?: string;
  result?: CustomizationResult;
  root?: Root;
}
const customizations = new WeakMap<Element, Customization>();
let serial = 0;
const instance = Math.random().toString(36).slice(2, 7);

// The sanitizer (customization.ts) is loaded on first use: a page without customization-css never downloads it.
type Sanitizer = typeof import('./customization.js');
let sanitizer: Sanitizer | undefined;
let sanitizerLoading: Promise<Sanitizer> | undefined;
/** The CSS each host asked for while the sanitizer was loading. */
const waiting = new WeakMap<Element, string>();

function loadSanitizer(): Promise<Sanitizer> {
  sanitizerLoading ??= import('./customization.js').then(
    (m) => (sanitizer = m),
    (error: unknown) => {
      sanitizerLoading = undefined; // a failed chunk load may be retried on the next call
      throw error;
    },
  );
  return sanitizerLoading;
}

/**
 * Undefined when `css` can be applied at once (none, or the sanitizer is loaded); else a promise that resolves (never
 * rejects) once it can. An element waits for it before rendering, so customized elements never flash unstyled.
 */
export function customizationReady(css: string | null | undefined): Promise<void> | undefined {
  if (sanitizer || !css?.trim()) return undefined;
  return loadSanitizer().then(
    () => undefined,
    () => undefined,
  );
}

function detach(entry: Customization): void {
  if (entry.root) entry.root.adoptedStyleSheets = entry.root.adoptedStyleSheets.filter((s) => s !== entry.sheet);
  entry.root = undefined;
}

/**
 * "Applies to this element only" holds for layout too: the customizable classes all sit in the element's window
 * (`.cognito-frame`), and while customization-css is set nothing in it paints or takes clicks outside it, so a button
 * made huge with negative margins cannot cover the page (or its links). Paint containment also keeps margins from
 * collapsing through the window. The window's own shadow is outside what it clips. `:where()` keeps it at zero
 * specificity, so the page's own CSS can still decide otherwise.
 */
function containment(scope: string): string {
  return `:where(${scope} .cognito-frame) { contain: paint; }`;
}

/**
 * Applies hosted-UI CSS (as GetUICustomization returns it) to this one element: sanitized (see customization.ts),
 * scoped to the host by a per-instance attribute, and adopted into the host's root as its own stylesheet. Empty or
 * absent CSS removes it. Returns what the sanitizer kept and dropped; what it dropped is also reported once with
 * console.warn. The first CSS on a page is applied once the sanitizer has loaded (undefined is returned until then).
 */
export function applyCustomization(host: Element, css: string | null | undefined): CustomizationResult | undefined {
  if (!sanitizer && css?.trim()) {
    waiting.set(host, css);
    loadSanitizer().then(
      () => {
        if (waiting.get(host) === css) applyCustomization(host, css);
      },
      (e: unknown) => console.warn(`${host.localName}: customization-css could not be loaded`, e),
    );
    return undefined;
  }
  waiting.delete(host);
  let entry = customizations.get(host);
  if (!css?.trim()) {
    if (entry) {
      detach(entry);
      customizations.delete(host);
    }
    host.removeAttribute(SCOPE_ATTRIBUTE);
    return undefined;
  }
  if (!entry) {
    entry = { id: `${instance}-${++serial}`, sheet: new CSSStyleSheet() };
    customizations.set(host, entry);
  }
  // Set on every call: a cloned element carries its original's value until it claims its own here.
  if (host.getAttribute(SCOPE_ATTRIBUTE) !== entry.id) host.setAttribute(SCOPE_ATTRIBUTE, entry.id);
  if (entry.source !== css) {
    entry.source = css;
    const scope = `${host.localName}[${SCOPE_ATTRIBUTE}="${entry.id}"]`;
    entry.result = sanitizer!.sanitizeCustomizationCss(css, { scope });
    entry.sheet.replaceSync(`${containment(scope)}\n${entry.result.css}`);
    if (entry.result.dropped.length) {
      console.warn(
        `${host.localName}: customization-css: ${entry.result.dropped.length} part(s) ignored${entry.result.capped ? ' (input capped)' : ''}:\n  ${entry.result.dropped.slice(0, 20).join('\n  ')}`,
      );
    }
  }
  const root = host.isConnected ? rootOf(host) : undefined;
  if (root !== entry.root) {
    detach(entry);
    if (root) {
      adopt(root, entry.sheet);
      entry.root = root;
    }
  }
  return entry.result;
}

/** Removes the host's customization sheet from its root (on disconnect); applyCustomization puts it back. */
export function releaseCustomization(host: Element): void {
  const entry = customizations.get(host);
  if (entry) detach(entry);
}

/** What the sanitizer kept and dropped for the host's current customization-css, if any. */
export function customizationReport(host: Element): CustomizationResult | undefined {
  return customizations.get(host)?.result;
}
