// What every framework example app (test/frameworks/<app>/, built by scripts/test.js from its own package.json with
// cognito-elements installed from `npm pack`) must do, checked the same way for each: its built page, opened in an
// iframe, renders <cognito-authenticator> configured through the `config` and `formFields` properties, signs the
// seeded user in against cognito-local, and shows the `cognito-signed-in` detail in DOM that the framework renders
// from its own event binding.
import { expect } from 'chai';
import { endpoint, seed } from '../e2e/env.js';
import { until } from '../support/until.js';

const user = seed.users.signin!;
const pool = seed.pools.plain;

interface Page {
  win: Window & typeof globalThis;
  doc: Document;
  el: HTMLElement;
  errors: string[];
}

export interface AppUnderTest {
  /** The folder under test/frameworks/. */
  app: string;
  /** The framework's name as the app writes it in its status line, e.g. `React`. */
  framework: string;
  /** The element the framework renders into. */
  root: string;
}

export function describeApp({ app, framework, root }: AppUnderTest): void {
  const frames: HTMLIFrameElement[] = [];
  const base = `/test/frameworks/${app}/dist/`;

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  /** Opens the built app with the emulator's pool in the query, and waits for the sign-in form. */
  async function open(): Promise<Page> {
    const query = new URLSearchParams({ userPoolId: pool.id, clientId: pool.clientId, endpoint });
    const url = `${base}index.html?${query}`;
    const response = await fetch(url);
    expect(response.status, `${url}: the app is built (scripts/test.js builds it)`).to.equal(200);
    const frame = document.createElement('iframe');
    frame.style.width = '480px';
    frame.style.height = '720px';
    frame.src = url;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    frames.push(frame);
    await loaded;
    const win = frame.contentWindow as Window & typeof globalThis;
    const doc = frame.contentDocument!;
    const errors: string[] = [];
    doc.addEventListener('cognito-error', (e) => errors.push(String((e as CustomEvent<{ code: string }>).detail.code)));
    win.addEventListener('error', (e) => errors.push(String(e.message)));
    await until(() => doc.querySelector('cognito-authenticator') !== null, { what: `${framework} to render <cognito-authenticator>`, timeout: 15000 });
    const el = doc.querySelector<HTMLElement>('cognito-authenticator')!;
    await until(() => el.querySelector('form[data-screen="sign-in"] input[name="password"]') !== null, { what: 'the sign-in form', timeout: 15000 });
    return { win, doc, el, errors };
  }

  function status(page: Page): HTMLElement | null {
    return page.doc.getElementById('framework-status');
  }

  describe(`${framework}: the example app in test/frameworks/${app}/`, () => {
    it('renders <cognito-authenticator> configured through the config and formFields properties', async () => {
      const page = await open();
      // Nothing came through attributes: the pool is only in the `config` object the framework set as a property.
      expect(page.el.hasAttribute('user-pool-id'), 'user-pool-id attribute').to.equal(false);
      expect(page.el.hasAttribute('config'), 'config attribute').to.equal(false);
      expect(page.el.closest(root) !== null, `the element is inside ${root}`).to.equal(true);
      const username = page.el.querySelector<HTMLInputElement>('form input[name="username"]')!;
      expect(username.labels?.[0]?.textContent?.trim(), 'the username label from formFields').to.equal('Your username');
      expect(username.placeholder, 'the username placeholder from formFields').to.equal('e.g. jane');
      expect(status(page)?.textContent?.trim()).to.equal('Not signed in');
    });

    it('signs the seeded user in and shows the cognito-signed-in detail in its own DOM', async () => {
      const page = await open();
      for (const [name, value] of Object.entries({ username: user.username, password: user.password })) {
        const input = page.el.querySelector<HTMLInputElement>(`form [name="${name}"]`)!;
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
      page.el.querySelector<HTMLButtonElement>('form .submitButton-customizable')!.click();

      await until(() => page.errors.length > 0 || /Signed in/.test(status(page)?.textContent ?? ''), { what: `${framework} to show the signed-in user`, timeout: 15000 });
      expect(page.errors, 'cognito-error events and page errors').to.deep.equal([]);
      const shown = status(page)!;
      expect(shown.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`Signed in with ${framework} as ${user.username} (${user.email})`);
      expect(shown.closest(root) !== null && shown.closest('cognito-authenticator') === null, `rendered by ${framework}, outside the element`).to.equal(true);
      await until(() => page.el.getAttribute('screen') === 'signed-in', { what: 'screen="signed-in"', timeout: 15000 });

      // The app bundled the package (and its lazy chunks, the SDK among them) itself: every script came from its build.
      const scripts = page.win.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((p) => p.endsWith('.js') && !p.startsWith('/__web-dev-server'));
      expect(scripts.filter((p) => !p.startsWith(base)), 'scripts from outside the build').to.deep.equal([]);
    });
  });
}
