// The demo's Storybook-like shell: a sidebar of stories grouped by screen, a canvas of chosen width, and panels for
// controls, hosted-UI CSS and the story's HTML. Everything shown is rendered as text (Lit bindings, textContent):
// nothing a user pastes or types ever becomes markup.
import { html, nothing, render } from 'lit';
import env from 'virtual:demo-env';
import { composeStories, renderStory, storySource, type Args, type ArgType, type ComposedStory } from './csf.js';
import { modules } from './stories/index.js';
import { EXAMPLE_LOGO, NAVIGATE_EVENT, applyFrameArgs, frameArgs, type FrameArgs } from './story-kit.js';
import { isRtl } from './frame.js';
import { createSidebar, groupStories } from './shell/sidebar.js';
import { createCssPanel, setUpCopy, setUpTabs } from './shell/panels.js';

interface DemoEnv {
  endpoint: string;
  code: string;
  pools: Record<string, { id: string; clientId: string; usernameAttributes: string[] }>;
  /** The local OAuth 2.0 server `npm start` runs for identity providers, when it runs one (see scripts/start.js). */
  federation?: { domain: string; identityProviders: unknown[] } | null;
}
const demoEnv = env as DemoEnv | null;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

// ---- the stories -------------------------------------------------------------------------------------------------

const stories: ComposedStory[] = modules.flatMap((m) => composeStories(m));
const byId = new Map(stories.map((s) => [s.id, s]));
const LIVE_ID = 'live-authenticator--authenticator';
const DEFAULT_ID = demoEnv ? LIVE_ID : 'screens-sign-in--empty';

const groups = groupStories(stories);

// ---- state -------------------------------------------------------------------------------------------------------

/** Args shared by every story (the Look controls and the Cognito CSS panel). */
const GLOBAL_KEYS = ['theme', 'lang', 'logo', 'legalText', 'customizationCss'] as const;
const params = new URL(location.href).searchParams;
const globals: FrameArgs = {
  ...frameArgs,
  theme: (['classic', 'modern', 'dark', 'auto'].includes(params.get('theme') ?? '') ? params.get('theme') : frameArgs.theme) as FrameArgs['theme'],
  lang: params.get('lang') ?? frameArgs.lang,
};
let width = ['320', '768', '1280'].includes(params.get('width') ?? '') ? (params.get('width') as string) : 'full';
let current: ComposedStory = byId.get(params.get('story') ?? '') ?? byId.get(DEFAULT_ID) ?? stories[0]!;
let storyArgs: Args = {};

/**
 * What a visitor typed into the Live story's controls (pool, client, endpoint, domain: nothing secret) survives a
 * reload and the round trip through an identity provider, for this tab only.
 */
const LIVE_ARGS_KEY = 'cognito-elements-demo.live-args';
function savedLiveArgs(): Args {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(LIVE_ARGS_KEY) ?? '{}');
    return saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as Args) : {};
  } catch {
    return {};
  }
}
function saveLiveArgs(): void {
  try {
    if (Object.keys(storyArgs).length) sessionStorage.setItem(LIVE_ARGS_KEY, JSON.stringify(storyArgs));
    else sessionStorage.removeItem(LIVE_ARGS_KEY);
  } catch {
    // Storage blocked: the controls just start afresh next time.
  }
}
let emulatorPool = 'email';

function liveDefaults(): Args {
  if (!demoEnv) return {};
  const pool = demoEnv.pools[emulatorPool] ?? Object.values(demoEnv.pools)[0];
  if (!pool) return {};
  return {
    userPoolId: pool.id,
    clientId: pool.clientId,
    endpoint: demoEnv.endpoint,
    // The product's default: the Cognito double answers SRP (USER_SRP_AUTH, PASSWORD_VERIFIER) like Cognito does.
    authFlow: 'USER_SRP_AUTH',
    usernameAttributes: pool.usernameAttributes.join(' '),
    // The double's passwordless pool signs in by choice (USER_AUTH): passkeys, email and SMS codes, or the password.
    ...(emulatorPool === 'passwordless' ? { signInMethods: 'passkey email-otp sms-otp password' } : {}),
    signUpAttributes: pool.usernameAttributes.includes('email') ? 'given_name' : 'email given_name',
    emulatorCode: demoEnv.code,
    ...(demoEnv.federation
      ? {
          domain: demoEnv.federation.domain,
          identityProviders: JSON.stringify(demoEnv.federation.identityProviders),
          // Back to this story after the identity provider, whatever story was the default.
          redirectUri: `${location.origin}${location.pathname}?story=${LIVE_ID}`,
        }
      : {}),
  };
}

function argsOf(story: ComposedStory): Args {
  const own = story.id === LIVE_ID ? { ...story.args, ...liveDefaults(), ...storyArgs } : { ...story.args, ...storyArgs };
  const look: Args = { ...globals, customizationCss: cssPanel.css() };
  for (const key of GLOBAL_KEYS) if (key in story.argTypes) own[key] = look[key];
  return own;
}

function syncUrl(push: boolean): void {
  const url = new URL(location.href);
  url.searchParams.set('story', current.id);
  for (const [key, value, fallback] of [
    ['theme', globals.theme, frameArgs.theme],
    ['lang', globals.lang, frameArgs.lang],
    ['width', width, 'full'],
  ] as const) {
    if (value === fallback) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  if (url.href === location.href) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

// ---- sidebar and panels ------------------------------------------------------------------------------------------

const sidebar = createSidebar({
  groups,
  tree: $('story-tree'),
  filter: $<HTMLInputElement>('story-filter'),
  status: $('story-filter-status'),
  current: () => current,
  onSelect: (story) => select(story, true),
});
const cssPanel = createCssPanel(() => void update(['customizationCss']));
setUpTabs();
setUpCopy();

// ---- controls ----------------------------------------------------------------------------------------------------

const english = new Intl.DisplayNames(['en'], { type: 'language' });
function languageLabel(code: string): string {
  let native = code;
  try {
    native = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    // An engine without that locale's data: the code alone.
  }
  const name = english.of(code) ?? code;
  const label = native === name ? name : `${native} — ${name}`;
  return `${label} (${code})${isRtl(code) ? ', right to left' : ''}`;
}

const LOGOS: { value: string; label: string }[] = [
  { value: '', label: 'None' },
  { value: EXAMPLE_LOGO, label: 'Example logo' },
];
let customLogo = false;

const LABELS: Record<string, string> = {
  theme: 'Theme',
  lang: 'Language',
  logo: 'Logo',
  legalText: 'Legal text',
  userPoolId: 'User pool id',
  clientId: 'App client id',
  endpoint: 'Endpoint',
  authFlow: 'Auth flow',
  usernameAttributes: 'Username attributes',
  signUpAttributes: 'Sign-up attributes',
  storage: 'Storage',
  domain: 'Domain',
  identityProviders: 'Identity providers',
  redirectUri: 'Redirect URI',
};

let textTimer: ReturnType<typeof setTimeout> | undefined;

function setArg(key: string, value: string, { debounce = false } = {}): void {
  if ((GLOBAL_KEYS as readonly string[]).includes(key)) (globals as Args)[key] = value;
  else {
    storyArgs[key] = value;
    if (current.id === LIVE_ID) saveLiveArgs();
  }
  if (key === 'theme' || key === 'lang') syncUrl(false);
  clearTimeout(textTimer);
  if (debounce) textTimer = setTimeout(() => void update([key]), 300);
  else void update([key]);
}

function control(key: string, type: ArgType, args: Args): unknown {
  const id = `control-${key}`;
  const hintId = `${id}-hint`;
  const value = String(args[key] ?? '');
  const label = LABELS[key] ?? type.name ?? key;
  const hint = type.description ? html`<p class="shell-control-hint" id=${hintId}>${type.description.replace(/`/g, '')}</p>` : nothing;
  const describedBy = type.description ? hintId : undefined;
  if (key === 'logo') {
    const preset = customLogo ? 'custom' : (LOGOS.find((l) => l.value === value)?.value ?? 'custom');
    return html`<div class="shell-control">
      <label for=${id}>${label}</label>
      <select
        id=${id}
        aria-describedby=${describedBy ?? nothing}
        @change=${(e: Event) => {
          const v = (e.target as HTMLSelectElement).value;
          customLogo = v === 'custom';
          if (customLogo) renderControls();
          else setArg('logo', v);
        }}
      >
        ${LOGOS.map((l) => html`<option value=${l.value} ?selected=${preset === l.value}>${l.label}</option>`)}
        <option value="custom" ?selected=${preset === 'custom'}>Image URL…</option>
      </select>
      ${preset === 'custom'
        ? html`<label class="visually-hidden" for=${`${id}-url`}>Logo image URL</label>
            <input
              id=${`${id}-url`}
              type="url"
              placeholder="https://… or data:image/…"
              .value=${value === EXAMPLE_LOGO ? '' : value}
              @input=${(e: Event) => setArg('logo', (e.target as HTMLInputElement).value, { debounce: true })}
            />`
        : nothing}
      ${hint}
    </div>`;
  }
  if (type.control && type.control.type === 'select' && type.options) {
    return html`<div class="shell-control">
      <label for=${id}>${label}</label>
      <select id=${id} aria-describedby=${describedBy ?? nothing} @change=${(e: Event) => setArg(key, (e.target as HTMLSelectElement).value)}>
        ${type.options.map(
          (o) => html`<option value=${o} ?selected=${o === value}>${key === 'lang' ? languageLabel(o) : o === '' ? '(none: plain usernames)' : o}</option>`,
        )}
      </select>
      ${hint}
    </div>`;
  }
  return html`<div class="shell-control">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      type="text"
      spellcheck="false"
      autocomplete="off"
      aria-describedby=${describedBy ?? nothing}
      .value=${value}
      @input=${(e: Event) => setArg(key, (e.target as HTMLInputElement).value, { debounce: true })}
    />
    ${hint}
  </div>`;
}

function renderControls(): void {
  const args = argsOf(current);
  const byCategory = new Map<string, [string, ArgType][]>();
  for (const [key, type] of Object.entries(current.argTypes)) {
    if (key === 'customizationCss' || type.control === false || type.table?.disable) continue;
    const category = type.table?.category ?? 'Story';
    byCategory.set(category, [...(byCategory.get(category) ?? []), [key, type]]);
  }
  const pools = demoEnv && current.id === LIVE_ID ? Object.keys(demoEnv.pools) : [];
  render(
    html`${[...byCategory].map(
      ([category, entries]) => html`<fieldset class="shell-fieldset">
        <legend>${category}</legend>
        ${category === 'User pool' && pools.length
          ? html`<div class="shell-control">
              <label for="control-emulator-pool">Emulator pool</label>
              <select
                id="control-emulator-pool"
                aria-describedby="control-emulator-pool-hint"
                @change=${(e: Event) => {
                  emulatorPool = (e.target as HTMLSelectElement).value;
                  storyArgs = {};
                  saveLiveArgs();
                  // The pool's ids, client and sign-in settings are in the controls too: show the new ones.
                  renderControls();
                  void update(['userPoolId']);
                }}
              >
                ${pools.map((p) => html`<option value=${p} ?selected=${p === emulatorPool}>${p === 'email' ? 'Email usernames' : p === 'plain' ? 'Plain usernames' : p === 'passwordless' ? 'Passwordless (passkeys, codes)' : p}</option>`)}
              </select>
              <p class="shell-control-hint" id="control-emulator-pool-hint">A pool of the emulator npm start runs, with its users.</p>
            </div>`
          : nothing}
        ${entries.map(([key, type]) => control(key, type, args))}
      </fieldset>`,
    )}`,
    $('controls'),
  );
}

// ---- code --------------------------------------------------------------------------------------------------------

function renderCode(): void {
  $('code-text').textContent = storySource(current, argsOf(current));
  $('code-status').textContent = '';
}

// ---- width -------------------------------------------------------------------------------------------------------

for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="width"]')) {
  radio.checked = radio.value === width;
  radio.addEventListener('change', () => {
    width = radio.value;
    $('story-viewport').dataset.width = width;
    syncUrl(false);
  });
}
$('story-viewport').dataset.width = width;

// ---- rendering ---------------------------------------------------------------------------------------------------

const root = $('story-root');
const notice = $('shell-notice');
let renderSerial = 0;

/** A redirect a story would make to an identity provider: shown, never followed. */
globalThis.addEventListener(NAVIGATE_EVENT, (e) => {
  const { url } = (e as CustomEvent<{ url: string }>).detail;
  notice.textContent = `Stopped a redirect: this page would now go to ${url}`;
});

async function renderCurrent(): Promise<void> {
  const serial = ++renderSerial;
  const story = current;
  const before = document.activeElement as HTMLElement | null;
  document.documentElement.dataset.storyStatus = 'rendering';
  notice.textContent = '';
  // A fresh container per render: Lit keeps its own markers in the container it renders into.
  const canvas = document.createElement('div');
  canvas.className = 'shell-story';
  root.replaceChildren(canvas);
  try {
    await renderStory(story, canvas, argsOf(story));
  } catch (e) {
    if (serial !== renderSerial) return;
    console.error(`story ${story.id} failed to render`, e);
    const message = document.createElement('p');
    message.className = 'shell-error';
    message.setAttribute('role', 'alert');
    message.textContent = `This story failed to render: ${e instanceof Error ? e.message : String(e)}`;
    canvas.replaceChildren(message);
    document.documentElement.dataset.storyStatus = 'error';
    return;
  }
  if (serial !== renderSerial) return;
  // Screens move focus to an invalid field when they render an error; the user is still choosing stories.
  if (root.contains(document.activeElement) && !(before && root.contains(before))) {
    if (before && before !== document.body) before.focus({ preventScroll: true });
    else (document.activeElement as HTMLElement).blur();
    $('canvas').scrollTo({ top: 0, left: 0 });
  }
  document.documentElement.dataset.story = story.id;
  document.documentElement.dataset.storyStatus = 'rendered';
}

/** Re-renders after args changed; the live story keeps its flow when only its look changed. */
async function update(changed: string[]): Promise<void> {
  renderCode();
  const auth = root.querySelector('cognito-authenticator');
  const lookOnly = changed.every((k) => (GLOBAL_KEYS as readonly string[]).includes(k));
  if (current.id === LIVE_ID && auth && lookOnly) {
    applyFrameArgs(auth, argsOf(current) as FrameArgs);
    return;
  }
  if (changed.some((k) => k === 'logo')) renderControls();
  await renderCurrent();
}

function showTitle(): void {
  const [section = '', name = ''] = current.title.split('/');
  $('story-kind').textContent = `${section} · ${name}`;
  $('story-title').textContent = current.id === LIVE_ID ? 'Live authenticator' : `${name}: ${current.name}`;
  document.title = `${name} — ${current.name} · cognito-elements stories`;
}

let rendered = false;
function select(story: ComposedStory, push: boolean): void {
  if (story !== current || !rendered) storyArgs = story.id === LIVE_ID ? savedLiveArgs() : {};
  rendered = true;
  current = story;
  sidebar.expand(story);
  syncUrl(push);
  showTitle();
  sidebar.render();
  renderControls();
  renderCode();
  void renderCurrent();
}

addEventListener('popstate', () => {
  const story = byId.get(new URL(location.href).searchParams.get('story') ?? '') ?? byId.get(DEFAULT_ID);
  if (story && story !== current) select(story, false);
});

if (demoEnv) {
  const envText = $('shell-env');
  envText.hidden = false;
  envText.textContent = `Emulator ${demoEnv.endpoint.replace(/^https?:\/\//, '')} · codes ${demoEnv.code}`;
}
select(current, false);
