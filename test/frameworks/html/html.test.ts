// The plain-HTML embedding, end to end: static pages (index.html, properties.html, two-copies.html beside this file)
// that load the built script-tag bundle, dist/cdn/cognito-elements.js, with one <script type="module">, opened in
// an iframe and used as a person would, against cognito-local.
import { expect } from 'chai';
import { seed } from '../../e2e/env.js';
import { until } from '../../support/until.js';

const user = seed.users.signin!;
const frames: HTMLIFrameElement[] = [];

afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

interface Page {
  win: Window & typeof globalThis;
  doc: Document;
  el: HTMLElement;
  events: { type: string; detail: Record<string, unknown> }[];
}

/** Opens test/frameworks/html/<page> in an iframe and waits for the sign-in form. */
async function open(page: string): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.width = '480px';
  frame.style.height = '720px';
  frame.src = `/test/frameworks/html/${page}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  const events: Page['events'] = [];
  for (const type of ['cognito-signed-in', 'cognito-error']) {
    doc.addEventListener(type, (e) => events.push({ type: e.type, detail: (e as CustomEvent).detail }));
  }
  const el = doc.querySelector<HTMLElement>('cognito-authenticator')!;
  await until(() => win.customElements.get('cognito-authenticator') !== undefined, { what: 'cognito-authenticator to be defined', timeout: 15000 });
  await until(() => el.querySelector('form[data-screen="sign-in"] input[name="password"]') !== null, { what: 'the sign-in form', timeout: 15000 });
  return { win, doc, el, events };
}

function fill(el: Element, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = el.querySelector<HTMLInputElement>(`form [name="${name}"]`);
    if (!input) throw new Error(`no input named ${name}`);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }
}

/** Calls defineAll() of the module at `url` inside the page (its own realm and module graph), and waits for it. */
async function defineAll(page: Page, url: string): Promise<void> {
  const run = page.win.eval(`import(${JSON.stringify(url)}).then((m) => m.defineAll())`) as Promise<void>;
  await run;
}

async function signIn(page: Page): Promise<void> {
  fill(page.el, { username: user.email, password: user.password });
  page.el.querySelector<HTMLButtonElement>('form .submitButton-customizable')!.click();
  await until(() => page.events.some((e) => e.type === 'cognito-signed-in' || e.type === 'cognito-error'), { what: 'cognito-signed-in', timeout: 15000 });
  const errors = page.events.filter((e) => e.type === 'cognito-error').map((e) => e.detail.code);
  expect(errors, 'cognito-error events').to.deep.equal([]);
}

/** The JavaScript files the page fetched, as paths (without the test server's own, which it adds to every page). */
function scriptsLoaded(page: Page): string[] {
  return page.win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((p) => p.endsWith('.js') && !p.startsWith('/__web-dev-server'));
}

const TAGS = [
  'cognito-authenticator',
  'cognito-sign-in',
  'cognito-sign-up',
  'cognito-confirm-sign-up',
  'cognito-forgot-password',
  'cognito-confirm-forgot-password',
  'cognito-new-password',
  'cognito-select-mfa',
  'cognito-setup-mfa',
  'cognito-setup-totp',
  'cognito-setup-sms',
  'cognito-mfa-code',
];

describe('plain HTML: <script type="module" src="dist/cdn/cognito-elements.js">', () => {
  it('renders the sign-in form, signs a seeded user in and dispatches cognito-signed-in', async () => {
    const page = await open('index.html');
    expect(page.el.querySelector('input[name="username"]')!.getAttribute('autocomplete')).to.equal('username');
    // The page's own content stays hidden until sign-in.
    const membersOnly = page.doc.getElementById('members-only')!;
    expect(page.win.getComputedStyle(membersOnly).display).to.equal('none');

    await signIn(page);

    const signedIn = page.events.find((e) => e.type === 'cognito-signed-in')!;
    expect((signedIn.detail.claims as Record<string, unknown>).email).to.equal(user.email);
    expect(signedIn.detail.restored).to.equal(false);
    await until(() => page.el.getAttribute('screen') === 'signed-in', { what: 'screen="signed-in"', timeout: 15000 });
    expect(page.win.getComputedStyle(membersOnly).display).not.to.equal('none');
  });

  it('loads its lazy chunks (the Cognito client and SRP among them) from beside itself', async () => {
    const page = await open('index.html');
    await signIn(page);
    const scripts = scriptsLoaded(page);
    expect(scripts[0], 'the entry').to.equal('/dist/cdn/cognito-elements.js');
    expect(scripts.filter((p) => !p.startsWith('/dist/cdn/')), 'scripts from elsewhere').to.deep.equal([]);
    expect(scripts.some((p) => /^\/dist\/cdn\/chunks\/sdk-[\w-]+\.js$/.test(p)), 'the SDK chunk').to.equal(true);
    // The page signs in with USER_SRP_AUTH, the default: the SRP maths arrive as their own chunk at that moment.
    expect(scripts.some((p) => /^\/dist\/cdn\/chunks\/srp-[\w-]+\.js$/.test(p)), 'the SRP chunk').to.equal(true);
  });

  it('defines the authenticator and sign-in at once, every other screen on first use, and all of them by defineAll()', async () => {
    const page = await open('index.html');
    expect(page.win.customElements.get('cognito-sign-in'), 'the first screen').to.not.equal(undefined);
    // A password-only page downloads no other screen by itself (the first paint budget): sign-up comes when shown.
    expect(page.win.customElements.get('cognito-sign-up'), 'sign-up before it is shown').to.equal(undefined);
    page.el.querySelector<HTMLElement>('[data-action="sign-up"]')!.click();
    await until(() => page.win.customElements.get('cognito-sign-up') !== undefined && page.el.querySelector('cognito-sign-up form') !== null, {
      what: 'the sign-up screen, loaded on first use',
      timeout: 15000,
    });
    await defineAll(page, '/dist/cdn/cognito-elements.js');
    expect(TAGS.filter((tag) => page.win.customElements.get(tag) === undefined), 'undefined after defineAll()').to.deep.equal([]);
  });

  it('takes its configuration through the config property', async () => {
    const page = await open('properties.html');
    expect(page.el.hasAttribute('user-pool-id')).to.equal(false);
    await signIn(page);
    const signedIn = page.events.find((e) => e.type === 'cognito-signed-in')!;
    expect((signedIn.detail.claims as Record<string, unknown>).email).to.equal(user.email);
  });

  it('loaded twice, beside a second copy and the npm build, registers once and never throws', async () => {
    const page = await open('two-copies.html');
    const pageErrors = (page.win as unknown as { pageErrors: string[] }).pageErrors;
    // Every copy defines every screen (defineAll): each loads its own screen chunks from beside itself, and finds
    // the elements the first copy defined already there.
    await defineAll(page, '/dist/cdn/cognito-elements.js');
    await defineAll(page, '/__cdn-copy/cognito-elements.js');
    await defineAll(page, '/dist/index.js');
    expect(TAGS.filter((tag) => page.win.customElements.get(tag) === undefined), 'undefined after defineAll()').to.deep.equal([]);
    expect(scriptsLoaded(page).some((p) => /^\/__cdn-copy\/chunks\/sign-up-[\w-]+\.js$/.test(p)), "the copy's screen chunks").to.equal(true);
    expect(scriptsLoaded(page).some((p) => /^\/dist\/chunks\/sign-up-[\w-]+\.js$/.test(p)), "the npm build's screen chunks").to.equal(true);
    expect(pageErrors, 'errors on the page').to.deep.equal([]);
    expect(page.doc.querySelectorAll('form').length, 'one form').to.equal(1);
    await signIn(page);
  });

  it("the README's quick start (listener in a script after the library's) hears the first screen and a restored sign-in", async () => {
    type Recorded = { type: string; detail: Record<string, unknown> }[];
    const page = await open('quick-start.html');
    const first = (page.win as unknown as { pageEvents: Recorded }).pageEvents;
    expect(first.filter((e) => e.type === 'cognito-screen-change').map((e) => [e.detail.screen, e.detail.previous])).to.deep.equal([['sign-in', null]]);
    try {
      await signIn(page);
      // A returning user: the page is loaded again with the tokens in session storage. Before the events waited for
      // DOMContentLoaded, they fired while the library's script ran, before the page's script had added its listener.
      const frame = frames.at(-1)!;
      const reloaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      page.win.location.reload();
      await reloaded;
      const win = frame.contentWindow as unknown as { pageEvents?: Recorded };
      await until(() => win.pageEvents?.some((e) => e.type === 'cognito-signed-in'), { what: 'the restored cognito-signed-in', timeout: 15000 });
      const signedIn = win.pageEvents!.find((e) => e.type === 'cognito-signed-in')!;
      expect(signedIn.detail.restored).to.equal(true);
      expect((signedIn.detail.claims as Record<string, unknown>).email).to.equal(user.email);
      expect(win.pageEvents!.filter((e) => e.type === 'cognito-error')).to.deep.equal([]);
      expect(win.pageEvents!.some((e) => e.type === 'cognito-screen-change' && e.detail.screen === 'signed-in')).to.equal(true);
    } finally {
      sessionStorage.clear();
    }
  });
});
