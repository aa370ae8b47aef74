// Secrets never leak: whole flows against the emulator with console and storage spied on, and hostile strings
// everywhere a page or a server can put one, with a window trap that records any script that runs.
import { expect } from 'chai';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { endpoint, freshIdentity, seed, signInName, totp } from './env.js';

type Trap = Window & { __xss?: number };
const trap = window as Trap;
const mounted: Element[] = [];

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  sessionStorage.clear();
  for (const key of Object.keys(localStorage)) if (key.startsWith('cognito-elements.')) localStorage.removeItem(key);
});

async function until(check: () => boolean, what: string, ms = 8000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function mount(attrs: Record<string, string>): CognitoAuthenticator {
  const el = document.createElement('cognito-authenticator');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  mounted.push(el);
  return el;
}

function fill(el: Element, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = el.querySelector<HTMLInputElement>(`form [name="${name}"]`);
    if (!input) throw new Error(`no input ${name} on ${el.getAttribute('screen')}`);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }
  el.querySelector<HTMLButtonElement>('form .submitButton-customizable')!.click();
}

describe('secrets never leak (whole flows against the emulator)', () => {
  it('no password, code or token reaches console, URL, DOM text, cognito-error or any storage but the chosen one', async () => {
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
    const originals = methods.map((m) => console[m]);
    methods.forEach((m) => {
      console[m] = (...args: unknown[]) => void logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
    });
    const writes: { area: string; key: string; value: string }[] = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      writes.push({ area: this === localStorage ? 'local' : 'session', key, value });
      return setItem.call(this, key, value);
    };
    const secrets: string[] = [];
    const errors: unknown[] = [];
    const dom: string[] = [];
    try {
      const pool = seed.pools.email;
      const el = mount({
        'user-pool-id': pool.id,
        'client-id': pool.clientId,
        endpoint,
        'auth-flow': 'USER_PASSWORD_AUTH',
        storage: 'session',
        'username-attributes': 'email',
      });
      el.addEventListener('cognito-error', (e) => errors.push((e as CustomEvent).detail));
      el.addEventListener('cognito-signed-in', (e) => {
        const t = (e as CustomEvent).detail.tokens;
        secrets.push(t.idToken, t.accessToken, t.refreshToken);
      });
      const snapshot = () => dom.push(el.textContent ?? '', [...el.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value)).join(' '));
      await until(() => el.querySelector('form') !== null, 'the form');

      // Sign-up with a wrong code first, then the right one.
      const id = freshIdentity('leak');
      const password = 'Leak-Check-Pass-1!';
      secrets.push(password, seed.code, '000111');
      el.querySelector<HTMLButtonElement>('[data-action="sign-up"]')!.click();
      await until(() => el.querySelector('cognito-sign-up form') !== null, 'sign-up');
      fill(el, { username: id.email, password, confirm_password: password });
      await until(() => el.querySelector('cognito-confirm-sign-up form') !== null, 'confirm');
      snapshot();
      fill(el, { code: '000111' });
      await until(() => el.querySelector('[role="alert"]') !== null, 'the code error');
      snapshot();
      fill(el, { code: seed.code });
      await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
      snapshot();
      await el.signOut({ global: false });
      await until(() => el.getAttribute('screen') === 'sign-in', 'signed out');

      // A wrong password, then TOTP.
      const user = seed.users.totp!;
      secrets.push(user.password, 'Wrong-Pass-999!');
      fill(el, { username: signInName('email', user), password: 'Wrong-Pass-999!' });
      await until(() => el.querySelector('[role="alert"]') !== null, 'the sign-in error');
      snapshot();
      fill(el, { username: signInName('email', user), password: user.password });
      await until(() => el.querySelector('cognito-mfa-code form') !== null, 'mfa');
      const code = await totp(user.totp!.secret);
      secrets.push(code);
      fill(el, { code });
      await until(() => el.getAttribute('screen') === 'signed-in', 'signed in with TOTP');
      snapshot();
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]!));
      Storage.prototype.setItem = setItem;
    }

    const present = secrets.filter((s) => s && s.length >= 6);
    for (const s of present) {
      expect(logged.some((l) => l.includes(s)), 'console').to.equal(false);
      expect(location.href.includes(s), 'URL').to.equal(false);
      expect(dom.some((d) => d.includes(s)), 'DOM').to.equal(false);
      expect(JSON.stringify(errors).includes(s), 'cognito-error').to.equal(false);
    }
    // Storage: only the chosen one, only the tokens key, and no password or code ever.
    expect(writes.filter((w) => w.area === 'local')).to.deep.equal([]);
    // Besides the tokens, only the one-character probe that checks the storage is usable (removed at once).
    const keys = [...new Set(writes.map((w) => w.key))].filter((k) => k !== '__cognito-elements-probe__');
    expect(keys).to.deep.equal([`cognito-elements.${seed.pools.email.clientId}.tokens`]);
    for (const s of [secrets[0]!, seed.code, '000111', 'Wrong-Pass-999!']) {
      expect(writes.some((w) => w.value.includes(s)), 'a password or code in storage').to.equal(false);
    }
    expect(errors.length).to.be.greaterThan(0);
  });
});

describe('hostile strings render as text', () => {
  const PAYLOADS = ['<img src=x onerror="window.__xss=(window.__xss||0)+1">', '"><script>window.__xss=(window.__xss||0)+1</script>', "javascript:window.__xss=1"];

  it('in attributes (pool id, legal text, logo) and configuration errors: nothing runs, nothing is injected', async () => {
    trap.__xss = 0;
    for (const p of PAYLOADS) {
      const el = mount({ 'user-pool-id': `us-east-1_x${p}`, 'client-id': 'abc', endpoint: 'http://127.0.0.1:9' });
      const ok = mount({ 'user-pool-id': 'us-east-1_Abc123', 'client-id': 'abc', endpoint: 'http://127.0.0.1:9', 'legal-text': p, logo: p });
      await until(() => el.querySelector('[role="alert"]') !== null && ok.querySelector('form') !== null, 'both rendered');
      expect(el.querySelector('[role="alert"]')!.textContent).to.contain(p.slice(0, 10));
      for (const root of [el, ok]) {
        expect(root.querySelectorAll('script, img:not(.logo-customizable), iframe, object').length, 'injected elements').to.equal(0);
      }
      // A payload may still be a valid relative image URL (fetched as an image, harmless); never a script URL.
      const logo = ok.querySelector<HTMLImageElement>('.logo-customizable');
      expect(logo === null || !/^javascript:/i.test(logo.getAttribute('src') ?? ''), 'no javascript: logo').to.equal(true);
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(trap.__xss).to.equal(0);
  });

  it('in what the server sends (delivery destinations) and what the user types', async () => {
    trap.__xss = 0;
    const el = mount({ 'user-pool-id': 'us-east-1_Abc123', 'client-id': 'abc', endpoint: 'http://127.0.0.1:9' });
    await until(() => el.querySelector('form') !== null, 'the form');
    const flow = el.flow!;
    // Straight into the state: as if Cognito had answered with hostile values.
    (flow as unknown as { goTo(s: string, u: string): void }).goTo('sign-up', PAYLOADS[1]!);
    await until(() => el.querySelector('cognito-sign-up form') !== null, 'sign-up');
    const screen = document.createElement('cognito-confirm-sign-up');
    (screen as unknown as { state: unknown }).state = {
      screen: 'confirm-sign-up',
      username: PAYLOADS[0],
      busy: false,
      delivery: { medium: 'EMAIL', destination: PAYLOADS[1] },
    };
    document.body.append(screen);
    mounted.push(screen);
    await (screen as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(screen.textContent).to.contain('<script>');
    expect(screen.querySelectorAll('script, img').length, 'injected elements').to.equal(0);
    expect(el.querySelectorAll('script, img').length, 'injected elements').to.equal(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(trap.__xss).to.equal(0);
  });
});
