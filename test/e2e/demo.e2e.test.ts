// The BUILT demo (dist-demo/, from `npm run build:demo`), opened as a visitor opens it: served by the test server on
// 127.0.0.1 under its own strict Content-Security-Policy, in a same-origin frame. Every story is picked from the
// sidebar and must render with no console error or warning, no uncaught error, no failed resource load, no CSP
// violation, no untranslated key, and no axe-core violation on the whole page. Then the Live story signs up and signs
// in against the emulator scripts/test.js started.
import { expect } from 'chai';
import type { AxeResults, RunOptions } from 'axe-core';
import en from '../../src/locales/en.js';
import { LOCALES, RTL_LOCALES, type Locale } from '../../src/locales/index.js';
import { composeStories } from '../../demo/csf.js';
import { modules } from '../../demo/stories/index.js';
import { endpoint, freshIdentity, seed } from './env.js';
import { until } from '../support/until.js';

const DEMO = '/dist-demo/index.html';
const TEST_ENV_URL = '/__test-env.js';
/** The local OAuth 2.0 server scripts/test.js starts for the federation tests (null when run without one). */
const oauthDomain = ((await import(/* @vite-ignore */ TEST_ENV_URL)) as { default: { oauthDomain?: string | null } }).default.oauthDomain ?? null;
const stories = modules.flatMap((m) => composeStories(m));
const LIVE = 'live-authenticator--authenticator';

/** Every `section.key` of the English locale (plural keys without their suffix): text that must never show. */
const SECTIONS = Object.keys(en);
const RAW_KEY = new RegExp(`\\b(?:${SECTIONS.join('|')})\\.[A-Za-z0-9_-]+\\b`, 'g');

interface Demo {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis & { axe?: { run(context: unknown, options: RunOptions): Promise<AxeResults> } };
  doc: Document;
  /** Everything that went wrong in the page since the last `take()`. */
  problems: string[];
}

let demo: Demo;

/** Records what the page reports: console errors and warnings, uncaught errors, failed loads, CSP violations. */
function watch(win: Demo['win'], problems: string[]): void {
  for (const level of ['error', 'warn'] as const) {
    const original = win.console[level].bind(win.console);
    win.console[level] = (...args: unknown[]) => {
      problems.push(`console.${level}: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`);
      original(...args);
    };
  }
  win.addEventListener(
    'error',
    (e) => {
      const target = e.target as Element | Window | null;
      if (target && target !== win && 'tagName' in target) {
        problems.push(`failed to load <${target.tagName.toLowerCase()}> ${(target as HTMLImageElement).src || (target as HTMLLinkElement).href || ''}`);
      } else problems.push(`uncaught: ${(e as ErrorEvent).message}`);
    },
    true,
  );
  win.addEventListener('unhandledrejection', (e) => problems.push(`unhandled rejection: ${String((e as PromiseRejectionEvent).reason)}`));
  win.document.addEventListener('securitypolicyviolation', (e) => problems.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
}

/**
 * Resolves once `frame` holds a new demo document (not `previous`), and starts watching it before any of its scripts
 * run: the new document is caught as soon as the navigation commits (module scripts run only after the document is
 * parsed and they are fetched), and a document that had already started is refused.
 */
function watchNextDocument(frame: HTMLIFrameElement, previous: Document | null, problems: string[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const channel = new MessageChannel();
    const start = performance.now();
    channel.port1.onmessage = () => {
      // Null while the frame is on another origin (an OAuth server on the way back).
      const doc = frame.contentDocument;
      if (doc && doc !== previous && doc.URL.includes('/dist-demo/')) {
        if (doc.documentElement?.dataset.storyStatus) return reject(new Error('the demo started before the test could watch it'));
        watch(frame.contentWindow as Demo['win'], problems);
        resolve();
      } else if (performance.now() - start > 15000) reject(new Error('the demo did not load'));
      else channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
  });
}

async function open(search: string): Promise<Demo> {
  const head = await fetch(DEMO, { method: 'HEAD' });
  if (!head.ok) throw new Error(`${DEMO} is missing (HTTP ${head.status}): run \`npm run build:demo\` before the e2e tests`);
  const frame = document.createElement('iframe');
  frame.title = 'demo';
  frame.width = '1280';
  frame.height = '900';
  document.body.append(frame);
  const problems: string[] = [];
  const initial = frame.contentDocument;
  const loaded = watchNextDocument(frame, initial, problems);
  frame.src = `${DEMO}${search}`;
  await loaded;
  const d: Demo = {
    frame,
    // Getters: the frame's window and document change when it navigates (to an identity provider and back).
    get win() {
      return frame.contentWindow as Demo['win'];
    },
    get doc() {
      return frame.contentDocument!;
    },
    problems,
  };
  // Parsing may not have begun yet: the document has no element until then.
  await until(() => d.doc.documentElement?.dataset.storyStatus === 'rendered', { what: 'the first story', timeout: 10000 });
  return d;
}

function take(): string[] {
  return demo.problems.splice(0);
}

/** Picks a story from the sidebar, as a visitor does, and waits until it has rendered (themes and locales loaded). */
async function visit(id: string): Promise<HTMLElement> {
  const link = demo.doc.querySelector<HTMLAnchorElement>(`a[data-story-id="${id}"]`);
  if (!link) throw new Error(`the sidebar has no story ${id}`);
  link.click();
  await until(() => demo.doc.documentElement.dataset.story === id && demo.doc.documentElement.dataset.storyStatus === 'rendered', { what: `story ${id}`, timeout: 10000 });
  const root = demo.doc.getElementById('story-root')!;
  // What loads after the first render: each theme's sheet (adopted into the document) and a QR code drawn once its
  // encoder has loaded. Wait for them, so the checks below see the story as a visitor does.
  await until(() => themesAdopted(root) && [...root.querySelectorAll<HTMLElement>('.cognito-qr')].every((qr) => qr.dataset.status !== 'loading'), {
    what: `story ${id}: its theme and QR code`,
    timeout: 10000,
  });
  return root;
}

/** Whether every theme a story element asks for (class cognito-theme-<name>) has its sheet adopted by the document. */
function themesAdopted(root: Element): boolean {
  const wanted = new Set<string>();
  for (const el of root.querySelectorAll('[class*="cognito-theme-"]')) {
    for (const c of el.classList) if (c.startsWith('cognito-theme-')) wanted.add(`.${c}`);
  }
  const selectors = demo.doc.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
  return [...wanted].every((theme) => selectors.some((text) => text.includes(theme)));
}

/** Text a user (or a screen reader) meets: text nodes and the attributes that carry words. */
function words(root: Element): string {
  const parts = [root.textContent ?? ''];
  for (const el of root.querySelectorAll('*')) {
    for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-description']) {
      const v = el.getAttribute(name);
      if (v) parts.push(v);
    }
  }
  return parts.join('\n');
}

function rawKeys(root: Element): string[] {
  return [...new Set(words(root).match(RAW_KEY) ?? [])];
}

async function axe(): Promise<string[]> {
  if (!demo.win.axe) {
    // Same-origin script: allowed by the demo's own `script-src 'self'`.
    const script = demo.doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.onload = resolve;
      script.onerror = reject;
    });
    demo.doc.head.append(script);
    await loaded;
  }
  const result = await demo.win.axe!.run(demo.doc, { resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

function setControl(id: string, value: string): void {
  const el = demo.doc.getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
  if (!el) throw new Error(`no control #${id}`);
  el.value = value;
  el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
}

before(async function () {
  this.timeout(30000);
  demo = await open('?story=screens-sign-in--empty');
  take();
});

after(() => demo?.frame.remove());

describe('the built demo', () => {
  it('lists every story of demo/stories in its sidebar, grouped by screen', () => {
    const listed = [...demo.doc.querySelectorAll<HTMLAnchorElement>('a[data-story-id]')].map((a) => a.dataset.storyId ?? '');
    expect([...listed].sort(), 'the build is older than demo/stories? run npm run build:demo').to.deep.equal(stories.map((s) => s.id).sort());
    const groups = [...demo.doc.querySelectorAll('.shell-group-toggle span:not(.shell-count)')].map((s) => s.textContent);
    for (const name of ['Sign in', 'Sign up', 'Confirm sign-up', 'MFA code: SMS', 'MFA code: TOTP', 'MFA code: email', 'Select MFA', 'Set up TOTP', 'Set up SMS', 'New password', 'Forgot password', 'IdP buttons', 'Email-domain routing', 'Configuration error', 'Signed in']) {
      expect(groups, name).to.include(name);
    }
    for (const state of ['Empty', 'Filled', 'Invalid', 'Busy', 'Server error']) {
      expect(stories.filter((s) => s.title === 'Screens/Sign in').map((s) => s.name)).to.include(state);
    }
  });

  it('runs under a strict Content-Security-Policy with no inline script or style', () => {
    const csp = demo.doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).to.match(/script-src 'self';/);
    expect(csp).to.match(/style-src 'self';/);
    expect(csp).not.to.contain('unsafe-inline');
    expect(csp).not.to.contain('unsafe-eval');
    expect(demo.doc.querySelectorAll('script:not([src]), style').length, 'inline <script> or <style>').to.equal(0);
  });

  for (const story of stories) {
    it(`${story.title} / ${story.name}: renders with no console error, untranslated key or axe violation`, async function () {
      this.timeout(20000);
      const root = await visit(story.id);
      const component = story.component ?? 'cognito-authenticator';
      expect(root.querySelector(component) !== null, `<${component}> in the canvas`).to.equal(true);
      expect((root.textContent ?? '').trim(), 'visible text').not.to.equal('');
      expect(rawKeys(root), 'untranslated keys').to.deep.equal([]);
      expect(await axe(), 'axe violations').to.deep.equal([]);
      expect(take(), 'problems reported by the page').to.deep.equal([]);
    });
  }
});

describe('the built demo in every language', () => {
  const samples = ['screens-sign-up--invalid', 'screens-set-up-totp--filled', 'federation-idp-buttons--server-error'];

  after(async () => {
    setControl('control-lang', 'en');
    await until(() => demo.doc.documentElement.dataset.storyStatus === 'rendered', { what: 'English again', timeout: 10000 });
  });

  for (const lang of LOCALES) {
    it(`${lang}: no untranslated key, no axe violation, ${RTL_LOCALES.has(lang as Locale) ? 'right to left' : 'left to right'}`, async function () {
      this.timeout(20000);
      for (const id of samples) {
        await visit(id);
        setControl('control-lang', lang);
        await until(() => demo.doc.documentElement.dataset.storyStatus === 'rendered' && demo.doc.querySelector(`#story-root demo-frame[lang="${lang}"]`) !== null, { what: `${id} in ${lang}`, timeout: 10000 });
        const screen = demo.doc.querySelector<HTMLElement>('#story-root cognito-sign-up, #story-root cognito-setup-totp, #story-root cognito-sign-in')!;
        await until(() => screen.getAttribute('lang') === lang, { what: `${id}: the screen shows ${lang}`, timeout: 10000 });
        expect(rawKeys(demo.doc.getElementById('story-root')!), `${id}: untranslated keys`).to.deep.equal([]);
        expect(screen.getAttribute('dir') ?? getComputedStyle(screen).direction, `${id}: direction`).to.equal(RTL_LOCALES.has(lang as Locale) ? 'rtl' : 'ltr');
        if (id === samples[0]) expect(await axe(), `${id}: axe violations`).to.deep.equal([]);
      }
      expect(take(), 'problems reported by the page').to.deep.equal([]);
    });
  }
});

describe('the built demo: controls and panels', () => {
  it('theme, language, width, logo and legal text reach the story', async () => {
    await visit('screens-sign-in--server-error');
    setControl('control-theme', 'dark');
    const surface = () => {
      const frame = demo.doc.querySelector('#story-root demo-frame.cognito-theme-dark .cognito-frame');
      return frame ? getComputedStyle(frame).backgroundColor : '';
    };
    await until(() => surface() !== '' && surface() !== 'rgb(255, 255, 255)', { what: 'the dark theme’s surface', timeout: 10000 });
    setControl('control-legalText', 'Terms <b>apply</b>');
    await until(() => demo.doc.querySelector('#story-root .legalText-customizable')?.textContent === 'Terms <b>apply</b>', { what: 'the legal text, as text', timeout: 10000 });
    expect(demo.doc.querySelector('#story-root .legalText-customizable b'), 'no markup from a control').to.equal(null);
    setControl('control-logo', '');
    await until(() => demo.doc.querySelector('#story-root .logo-customizable') === null, { what: 'no logo', timeout: 10000 });
    demo.doc.querySelector<HTMLInputElement>('input[name="width"][value="320"]')!.click();
    expect(demo.doc.getElementById('story-viewport')!.getBoundingClientRect().width).to.equal(320);
    expect(new URL(demo.win.location.href).searchParams.get('theme')).to.equal('dark');
    setControl('control-theme', 'classic');
    setControl('control-logo', demo.doc.querySelector<HTMLOptionElement>('#control-logo option:nth-child(2)')!.value);
    setControl('control-legalText', 'By signing in you agree to the Terms of Service and the Privacy Policy.');
    demo.doc.querySelector<HTMLInputElement>('input[name="width"][value="full"]')!.click();
    await until(() => demo.doc.querySelector('#story-root .legalText-customizable')?.textContent?.startsWith('By signing in') === true, { what: 'back to the defaults', timeout: 10000 });
    expect(take()).to.deep.equal([]);
  });

  it('the Cognito CSS panel starts from AWS’s template and applies it live through customization-css', async () => {
    await visit('screens-sign-in--server-error');
    const area = demo.doc.getElementById('css-text') as HTMLTextAreaElement;
    expect(area.value).to.contain('.submitButton-customizable {');
    expect(area.value).to.contain('background-color: #337ab7;');
    const colour = () => {
      const button = demo.doc.querySelector('#story-root .submitButton-customizable');
      return button ? getComputedStyle(button).backgroundColor : '';
    };
    const before = colour();
    demo.doc.getElementById('css-apply')!.click();
    await until(() => colour() === 'rgb(51, 122, 183)', { what: 'the template’s #337ab7 submit button', timeout: 10000 });
    expect(demo.doc.querySelector('#story-root demo-frame')!.hasAttribute('customization-css')).to.equal(true);
    area.value = '.submitButton-customizable { background-color: #123456; } body { display: none; } .x { color: red }';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    await until(() => colour() === 'rgb(18, 52, 86)', { what: 'the pasted colour', timeout: 10000 });
    expect(getComputedStyle(demo.doc.body).display, 'selectors outside Cognito’s classes are dropped').not.to.equal('none');
    await until(() => /2 parts ignored/.test(demo.doc.getElementById('css-report')!.textContent ?? ''), { what: 'the report of what was dropped', timeout: 10000 });
    demo.doc.getElementById('css-reset')!.click();
    demo.doc.getElementById('css-apply')!.click();
    await until(() => colour() === before, { what: 'the theme again', timeout: 10000 });
    // The sanitizer says what it dropped with console.warn: that warning (for `body` and `.x`) is expected, once per
    // apply of the pasted CSS; anything else the page reported (an error, a CSP violation) fails this story.
    const problems = take();
    const dropped = problems.filter((p) => /^console\.warn: [\w-]+: customization-css: 2 part\(s\) ignored:/.test(p));
    expect(dropped, 'the sanitizer reported the two parts it dropped').to.not.deep.equal([]);
    for (const warning of dropped) expect(warning).to.contain('body').and.to.contain('.x');
    expect(problems.filter((p) => !dropped.includes(p)), 'problems reported by the page').to.deep.equal([]);
  });

  it('the code panel shows the story’s HTML as text, ready to copy', async () => {
    await visit('screens-mfa-code-sms--server-error');
    demo.doc.getElementById('tab-code')!.click();
    const code = demo.doc.getElementById('code-text')!;
    expect(code.children.length, 'text only').to.equal(0);
    expect(code.textContent).to.contain('<cognito-authenticator');
    expect(code.textContent).to.contain('<cognito-mfa-code');
    expect(code.textContent).to.contain("authError('code-mismatch', { field: 'code' })");
    demo.doc.getElementById('tab-controls')!.click();
    expect(take()).to.deep.equal([]);
  });

  it('the sidebar works from the keyboard', async () => {
    const first = demo.doc.querySelector<HTMLElement>('#story-tree [data-nav]')!;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(demo.doc.activeElement !== first, 'ArrowDown moves on').to.equal(true);
    const toggle = demo.doc.querySelector<HTMLButtonElement>('button[data-group="group-screens-sign-up"]')!;
    toggle.focus();
    const open = toggle.getAttribute('aria-expanded') === 'true';
    toggle.dispatchEvent(new KeyboardEvent('keydown', { key: open ? 'ArrowLeft' : 'ArrowRight', bubbles: true }));
    await until(() => demo.doc.querySelector('button[data-group="group-screens-sign-up"]')!.getAttribute('aria-expanded') === String(!open), { what: 'the group toggled', timeout: 10000 });
    expect(take()).to.deep.equal([]);
  });
});

/** The Live story's authenticator, configured through the Controls panel as a visitor would. */
async function liveAuthenticator(extra: Record<string, string> = {}): Promise<HTMLElement> {
  await visit(LIVE);
  const pool = seed.pools.email;
  // Text fields re-render after a pause; a select re-renders at once with everything typed so far.
  setControl('control-userPoolId', pool.id);
  setControl('control-clientId', pool.clientId);
  setControl('control-endpoint', endpoint);
  setControl('control-signUpAttributes', 'given_name');
  for (const [id, value] of Object.entries(extra)) setControl(id, value);
  setControl('control-usernameAttributes', 'email');
  // The product's default, which the Cognito double answers (also the Live story's default; set so the test says so).
  setControl('control-authFlow', 'USER_SRP_AUTH');
  const auth = () => demo.doc.querySelector<HTMLElement>('#story-root cognito-authenticator');
  await until(
    () => auth()?.getAttribute('user-pool-id') === pool.id && auth()!.getAttribute('endpoint') === endpoint && auth()!.getAttribute('screen') === 'sign-in', { what: 
    'the live authenticator on the emulator', timeout: 10000 });
  return auth()!;
}

describe('the built demo: the Live story against the emulator', () => {
  it('signs up, confirms with the emulator’s code, signs out and signs in again', async function () {
    this.timeout(60000);
    const el = await liveAuthenticator();
    const tokens: string[] = [];
    el.addEventListener('cognito-signed-in', (e) => tokens.push((e as CustomEvent<{ tokens: { idToken: string } }>).detail.tokens.idToken));

    const fill = (values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values)) {
        const input = el.querySelector<HTMLInputElement>(`form [name="${name}"]`);
        if (!input) throw new Error(`no input ${name} on ${el.getAttribute('screen')}`);
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
    };
    const submit = () => el.querySelector<HTMLButtonElement>('form button[type="submit"].submitButton-customizable')!.click();
    const screen = (name: string) => until(() => el.getAttribute('screen') === name && (name === 'signed-in' || el.querySelector(`form[data-screen="${name}"]`) !== null), { what: `screen ${name}`, timeout: 15000 });

    const { email } = freshIdentity('demo');
    const password = 'Demo-pass-123!';
    el.querySelector<HTMLButtonElement>('[data-action="sign-up"]')!.click();
    await screen('sign-up');
    fill({ username: email, given_name: 'Ada', password, confirm_password: password });
    submit();
    await screen('confirm-sign-up');
    fill({ code: seed.code });
    submit();
    await screen('signed-in');
    const member = el.querySelector('.demo-member-area')!;
    await until(() => (member.textContent ?? '').includes(email), { what: 'the page’s signed-in content', timeout: 10000 });

    const log = demo.doc.querySelector('#story-root .demo-events')!;
    const events = [...log.querySelectorAll<HTMLElement>('li')].map((li) => li.dataset.event);
    expect(events).to.include('cognito-signed-up');
    expect(events).to.include('cognito-signed-in');
    expect(tokens.length).to.equal(1);
    expect(log.textContent, 'tokens are shortened in the log').not.to.contain(tokens[0]!);
    expect(log.textContent, 'claims are shown decoded').to.contain(email);

    demo.doc.querySelector<HTMLButtonElement>('#story-root [data-demo="sign-out"]')!.click();
    await screen('sign-in');
    fill({ username: email, password });
    submit();
    await screen('signed-in');
    expect(tokens.length).to.equal(2);
    expect([...log.querySelectorAll<HTMLElement>('li')].map((li) => li.dataset.event)).to.include('cognito-signed-out');
    expect(await axe(), 'axe violations while signed in').to.deep.equal([]);
    demo.doc.querySelector<HTMLButtonElement>('#story-root [data-demo="sign-out"]')!.click();
    await screen('sign-in');
    expect(take(), 'problems reported by the page').to.deep.equal([]);
  });
});

describe('the built demo: the Live story with an identity provider', () => {
  it('routes a work email to the local OAuth server and comes back signed in', async function () {
    if (!oauthDomain) {
      // Only scripts/test.js starts the OAuth server; a lone run of this file has none.
      this.skip();
    }
    this.timeout(60000);
    const providers = JSON.stringify([{ name: 'AcmeSAML', label: 'Acme', identifiers: ['acme.example'] }]);
    const back = `${location.origin}${DEMO}?story=${LIVE}`;
    const el = await liveAuthenticator({ 'control-domain': oauthDomain!, 'control-identityProviders': providers, 'control-redirectUri': back });
    await until(() => el.querySelector('input[name="email"]') !== null, { what: 'the work email box', timeout: 10000 });
    const email = el.querySelector<HTMLInputElement>('input[name="email"]')!;
    email.value = 'ada@acme.example';
    email.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const before = demo.doc;
    const returned = watchNextDocument(demo.frame, before, demo.problems);
    el.querySelector<HTMLButtonElement>('[data-action="idp-email"]')!.click();
    await returned;
    await until(() => demo.doc.documentElement?.dataset.storyStatus === 'rendered' && demo.doc.documentElement.dataset.story === LIVE, { what: 'the Live story again', timeout: 10000 });
    const auth = () => demo.doc.querySelector<HTMLElement>('#story-root cognito-authenticator');
    await until(() => auth()?.getAttribute('screen') === 'signed-in', { what: 'signed in through the identity provider', timeout: 15000 });
    const url = new URL(demo.win.location.href);
    expect(url.searchParams.has('code') || url.searchParams.has('state'), 'code and state leave the address bar').to.equal(false);
    expect(url.searchParams.get('story')).to.equal(LIVE);
    const log = demo.doc.querySelector('#story-root .demo-events')!;
    expect([...log.querySelectorAll<HTMLElement>('li')].map((li) => li.dataset.event)).to.include('cognito-signed-in');
    expect(log.textContent).to.contain('@acme.example');
    demo.doc.querySelector<HTMLButtonElement>('#story-root [data-demo="sign-out"]')!.click();
    await until(() => auth()?.getAttribute('screen') === 'sign-in', { what: 'signed out', timeout: 10000 });
    expect(take(), 'problems reported by the page').to.deep.equal([]);
  });
});
