// What every story shares: a flow on a Cognito that never answers (stories render engine states, no server), the
// frame the authenticator draws around a screen (logo, legal text, theme, language, hosted-UI CSS), the frame's
// args, and the HTML a story's code panel shows.
import type { AuthFlow } from '../src/flow/auth-flow.js';
import { AuthFlow as Flow } from '../src/flow/auth-flow.js';
import { parseConfig, type AuthOptions } from '../src/config.js';
import { AuthError, authError, type AuthErrorCode } from '../src/errors.js';
import { installCognitoErrors } from '../src/api/cognito-errors.js';
import type { CognitoApi } from '../src/api/client.js';
import { MemoryStorage } from '../src/session/index.js';
import type { AuthState } from '../src/state/index.js';
import { LOCALES, type Locale } from '../src/locales/index.js';
import type { FormFields } from '../components/base.js';
import type { ArgType, Meta, StoryContext, StoryObj } from './csf.js';
import './frame.js';
import { render as litRender } from 'lit';
import { frame as drawFrame } from '../components/parts/frame.js';
import en from '../src/locales/en.js';

export const THEMES = ['classic', 'modern', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
export { LOCALES, type Locale };

/** The pool and client of the README's example: what the code panel's HTML names (stories never call Cognito). */
export const EXAMPLE_POOL = 'us-east-1_AbCdEf123';
export const EXAMPLE_CLIENT = '1h57kf5cpq17m0eml12EXAMPLE';

/** Args every story takes: what the demo's controls and Cognito CSS panel change. */
export interface FrameArgs {
  [arg: string]: unknown;
  theme: Theme;
  lang: string;
  logo: string;
  /** The banner image on dark themes (`logo-dark`). */
  logoDark?: string;
  /** Shows the offline notice (as while the browser is offline). */
  offline?: boolean;
  legalText: string;
  customizationCss: string;
}

/** A small logo, as a data: URL so it works offline and under `img-src 'self' data:`. */
export const EXAMPLE_LOGO = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64"><rect x="4" y="8" width="48" height="48" rx="12" fill="#4f46e5"/><path d="M18 34l8 8 16-18" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/><text x="64" y="42" font-family="system-ui,sans-serif" font-size="26" font-weight="700" fill="#1f2937">Example Co</text></svg>',
)}`;

export const EXAMPLE_LEGAL_TEXT = 'By signing in you agree to the Terms of Service and the Privacy Policy.';

export const frameArgTypes: Record<keyof FrameArgs & string, ArgType> = {
  theme: { description: 'Theme (the `theme` attribute)', control: { type: 'select' }, options: THEMES, table: { category: 'Look' } },
  lang: {
    description: 'Language (the `lang` attribute); ar and he are right to left',
    control: { type: 'select' },
    options: LOCALES,
    table: { category: 'Look' },
  },
  logo: { description: 'Banner image (the `logo` attribute): https, relative or data:image', control: { type: 'text' }, table: { category: 'Look' } },
  legalText: { description: 'Text under the form (the `legal-text` attribute)', control: { type: 'text' }, table: { category: 'Look' } },
  customizationCss: {
    description: 'Cognito hosted-UI CSS (the `customization-css` attribute)',
    control: { type: 'text' },
    table: { category: 'Look' },
  },
};

export const frameArgs: FrameArgs = { theme: 'classic', lang: 'en', logo: EXAMPLE_LOGO, legalText: EXAMPLE_LEGAL_TEXT, customizationCss: '' };

/**
 * A Cognito that never answers: a story's flow exists for its configuration (username attributes, sign-up
 * attributes, password policy); a click in a story sends nothing anywhere.
 */
const silentCognito = new Proxy({} as CognitoApi, {
  get: (_target, op) => (op === 'then' ? undefined : () => new Promise<never>(() => undefined)),
});

/** Fired on `window` instead of leaving the page when a story's identity-provider button would redirect. */
export const NAVIGATE_EVENT = 'demo-navigate';

/** A flow on the silent Cognito, configured as a page would configure the authenticator. */
export function storyFlow(options: AuthOptions = {}): AuthFlow {
  const config = parseConfig({ userPoolId: EXAMPLE_POOL, clientId: EXAMPLE_CLIENT, ...options });
  return new Flow(config, {
    api: silentCognito,
    storage: new MemoryStorage(),
    // A story never leaves the page: the authorize URL it would open is announced instead.
    oauth: {
      storage: new MemoryStorage(),
      navigate: (url) => globalThis.dispatchEvent(new CustomEvent(NAVIGATE_EVENT, { detail: { url } })),
    },
  });
}

// Stories show Cognito's errors without any request: the English of those errors normally comes with the client.
installCognitoErrors();

export function error(code: AuthErrorCode, field?: string): AuthError {
  return authError(code, field ? { field } : {});
}

/**
 * What `<cognito-authenticator>` draws around a screen — theme, language and direction, hosted-UI CSS, the
 * background-customizable window with its banner and legal text — around `content`.
 */
export function frame(args: FrameArgs, content: Node): HTMLElement {
  const host = document.createElement('demo-frame');
  host.className = 'cognito-story';
  host.setAttribute('theme', args.theme || 'classic');
  host.setAttribute('lang', args.lang || 'en');
  if (args.customizationCss) host.setAttribute('customization-css', args.customizationCss);
  // The authenticator's own frame part, so a story's window is the element's (logo-dark, offline notice, legal text).
  litRender(
    drawFrame(
      {
        logo: args.logo,
        logoDark: typeof args.logoDark === 'string' ? args.logoDark : undefined,
        theme: args.theme,
        offline: args.offline ? en.common.offline : undefined,
        legal: args.legalText,
      },
      content,
    ),
    host,
  );
  return host;
}

const FRAME_ATTRIBUTES = { theme: 'theme', lang: 'lang', logo: 'logo', logoDark: 'logo-dark', legalText: 'legal-text', customizationCss: 'customization-css' } as const;

/** Sets (or removes) the frame args as attributes of a real `<cognito-authenticator>`. */
export function applyFrameArgs(el: HTMLElement, args: FrameArgs): void {
  for (const [arg, name] of Object.entries(FRAME_ATTRIBUTES)) {
    const value = String(args[arg] ?? '');
    if (value) el.setAttribute(name, value);
    else el.removeAttribute(name);
  }
}

// ---- the code panel --------------------------------------------------------------------------------------------

/** A value in a double-quoted HTML attribute. */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** `<tag a="1" b="2"></tag>`, one attribute per line when there are several. */
export function tagSource(tag: string, attributes: Record<string, string | true | undefined>, inner = ''): string {
  const list = Object.entries(attributes).filter(([, v]) => v !== undefined && v !== '') as [string, string | true][];
  const rendered = list.map(([k, v]) => (v === true ? k : `${k}="${attr(v)}"`));
  const open = rendered.length <= 1 ? `<${tag}${rendered.map((a) => ` ${a}`).join('')}>` : `<${tag}\n  ${rendered.join('\n  ')}\n>`;
  return `${open}${inner}</${tag}>`;
}

/** The attributes the frame args become on `<cognito-authenticator>`. */
export function frameAttributes(args: FrameArgs): Record<string, string | undefined> {
  return {
    theme: args.theme && args.theme !== 'classic' ? args.theme : undefined,
    lang: args.lang && args.lang !== 'en' ? args.lang : undefined,
    logo: args.logo || undefined,
    'logo-dark': typeof args.logoDark === 'string' && args.logoDark ? args.logoDark : undefined,
    'legal-text': args.legalText || undefined,
    'customization-css': args.customizationCss || undefined,
  };
}

/** Attributes for the options a story's flow was configured with. */
export function optionAttributes(options: AuthOptions): Record<string, string | true | undefined> {
  const list = (v: unknown) => (Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : undefined);
  const json = (v: unknown) => (v === undefined || v === null ? undefined : typeof v === 'string' ? v : JSON.stringify(v));
  return {
    'username-attributes': list(options.usernameAttributes) || undefined,
    'sign-up-attributes': list(options.signUpAttributes) || undefined,
    'password-policy': json(options.passwordPolicy),
    domain: options.domain ?? undefined,
    'identity-providers': json(options.identityProviders),
    'hide-native': options.hideNative ? true : undefined,
    'idp-routing': options.idpRouting ?? undefined,
  };
}

/** A state as JavaScript: errors as `authError(…)` calls, everything else as JSON. */
export function stateSource(state: AuthState): string {
  const errors: AuthError[] = [];
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (value instanceof AuthError) {
      errors.push(value);
      plain[key] = `__error${errors.length - 1}__`;
    } else plain[key] = value;
  }
  return JSON.stringify(plain, null, 2).replace(/"__error(\d+)__"/g, (_m, i: string) => {
    const e = errors[Number(i)]!;
    return e.field ? `authError('${e.code}', { field: '${e.field}' })` : `authError('${e.code}')`;
  });
}

function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}

export interface ScreenSpec<S extends AuthState = AuthState> {
  /** Story name in the sidebar (default: from the export name). */
  name?: string;
  state: S;
  /** The flow's configuration, as the authenticator's attributes would give it. */
  options?: AuthOptions;
  /** Values typed into the form after it renders, by input name (passwords too: they never enter the state). */
  fill?: Record<string, string>;
  /** Buttons clicked after filling, by `data-action` (e.g. `show-secret`). */
  click?: string[];
  /** Extra properties of the screen element (e.g. `hideSignUp`). */
  props?: Record<string, unknown>;
  formFields?: FormFields;
}

/** The HTML and script that render `tag` in `state`, with the authenticator that shows it in a real page. */
export function screenSource(tag: string, spec: ScreenSpec, args: FrameArgs): string {
  const options = spec.options ?? {};
  const authenticator = tagSource('cognito-authenticator', {
    'user-pool-id': EXAMPLE_POOL,
    'client-id': EXAMPLE_CLIENT,
    ...optionAttributes(options),
    ...frameAttributes(args),
  });
  const screenAttributes: Record<string, string | true | undefined> = {
    class: `cognito-theme-${args.theme || 'classic'}`,
    lang: args.lang || 'en',
    ...(spec.props?.hideSignUp ? { 'hide-sign-up': true } : {}),
  };
  const config: Record<string, unknown> = { userPoolId: EXAMPLE_POOL, clientId: EXAMPLE_CLIENT };
  for (const [k, v] of Object.entries(options)) if (v !== undefined && v !== null) config[k] = v;
  const hasError = Object.values(spec.state).some((v) => v instanceof AuthError);
  return [
    `<!-- In a page: the authenticator shows this screen when a user reaches it. -->`,
    authenticator,
    '',
    `<!-- This story: the screen element alone, rendering an engine state (no server). -->`,
    ...['base', 'classic', ...(args.theme === 'modern' ? ['modern'] : args.theme === 'dark' || args.theme === 'auto' ? ['dark'] : [])].map(
      (sheet) => `<link rel="stylesheet" href="node_modules/cognito-elements/themes/${sheet}.css">`,
    ),
    tagSource(tag, screenAttributes),
    `<script type="module">`,
    `  import 'cognito-elements';`,
    `  import { AuthFlow, parseConfig${hasError ? ', authError' : ''} } from 'cognito-elements/engine';`,
    ``,
    `  const screen = document.querySelector('${tag}');`,
    `  screen.flow = new AuthFlow(parseConfig(${indent(JSON.stringify(config, null, 2), '  ')}));`,
    ...(spec.formFields ? [`  screen.formFields = ${indent(JSON.stringify(spec.formFields, null, 2), '  ')};`] : []),
    `  screen.state = ${indent(stateSource(spec.state), '  ')};`,
    `</script>`,
  ].join('\n');
}

// ---- typing, as a user would ---------------------------------------------------------------------------------

/** Types `value` into the input named `name` under `root`, firing `input` as a keyboard would. */
export function typeInto(root: ParentNode, name: string, value: string): void {
  const input = root.querySelector<HTMLInputElement>(`[name="${CSS.escape(name)}"]`);
  if (!input) throw new Error(`no input named ${name}`);
  if (input.type === 'radio') {
    const radio = root.querySelector<HTMLInputElement>(`[name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`);
    if (!radio) throw new Error(`no ${name} option ${value}`);
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
    return;
  }
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value, inputType: 'insertText' }));
}

/** Screen stories: one element, one state, the frame around it. */
export function screenStory<S extends AuthState>(tag: string, spec: ScreenSpec<S>): StoryObj<FrameArgs> {
  return {
    ...(spec.name ? { name: spec.name } : {}),
    render: (args) => {
      const el = document.createElement(tag) as HTMLElement & {
        flow?: AuthFlow;
        state?: AuthState;
        focusOnArrival?: boolean;
        formFields?: FormFields;
      };
      el.flow = storyFlow(spec.options);
      el.state = spec.state;
      // A story appears because someone picked it: focus stays where they are (the sidebar), as on a page load.
      el.focusOnArrival = false;
      if (spec.formFields) el.formFields = spec.formFields;
      Object.assign(el, spec.props ?? {});
      return frame(args, el);
    },
    ...(spec.fill || spec.click
      ? {
          play: async ({ canvasElement }: StoryContext<FrameArgs>) => {
            const el = canvasElement.querySelector(tag) as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
            if (!el) return;
            for (const [name, value] of Object.entries(spec.fill ?? {})) {
              typeInto(el, name, value);
              await el.updateComplete;
            }
            for (const action of spec.click ?? []) {
              el.querySelector<HTMLElement>(`[data-action="${CSS.escape(action)}"]`)?.click();
              await el.updateComplete;
            }
          },
        }
      : {}),
    // `component`: the element this story shows, when it is not the meta's (e.g. sign-in in the passwordless stories).
    parameters: {
      component: tag,
      docs: { source: { language: 'html', transform: (_code, { args }) => screenSource(tag, spec as ScreenSpec, args as FrameArgs) } },
    },
  };
}

/** The meta of a screen's stories module. */
export function screenMeta(title: string, component: string): Meta<FrameArgs> {
  return { title, component, args: { ...frameArgs }, argTypes: frameArgTypes };
}

/** A password that meets Cognito's default policy, typed in "filled" stories. It is a story prop, not a secret. */
export const EXAMPLE_PASSWORD = 'Correct-horse-7';

// ---- stories of the whole <cognito-authenticator> ---------------------------------------------------------------

export interface AuthenticatorSpec {
  name?: string;
  /** Attributes besides the frame args (`user-pool-id`, `client-id`, …). */
  attributes: Record<string, string>;
  /** Markup-free children: the page's own content, shown while signed in. */
  children?: () => Node[];
  /** Runs before the element is created (e.g. puts a stored session in place). */
  before?: () => void;
  /** Extra lines for the code panel, after the element. */
  script?: string;
}

/** A story of the real element, configured by attributes only. */
export function authenticatorStory(spec: AuthenticatorSpec): StoryObj<FrameArgs> {
  return {
    ...(spec.name ? { name: spec.name } : {}),
    render: (args) => {
      spec.before?.();
      const el = document.createElement('cognito-authenticator');
      for (const [k, v] of Object.entries(spec.attributes)) el.setAttribute(k, v);
      applyFrameArgs(el, args);
      if (spec.children) el.append(...spec.children());
      const host = document.createElement('div');
      host.className = 'cognito-story';
      host.append(el);
      return host;
    },
    parameters: {
      docs: {
        source: {
          language: 'html',
          transform: (_code, { args }) =>
            [
              `<script type="module" src="https://your-cdn.example/cognito-elements/dist/cdn/cognito-elements.js"></script>`,
              tagSource('cognito-authenticator', { ...spec.attributes, ...frameAttributes(args as FrameArgs) }, spec.children ? '\n  <!-- your signed-in content -->\n' : ''),
              ...(spec.script ? [spec.script] : []),
            ].join('\n'),
        },
      },
    },
  };
}
