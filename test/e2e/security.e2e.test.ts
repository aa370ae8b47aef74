// Secrets never leak: whole flows against the Cognito double with console and storage spied on, and hostile strings
// everywhere a page or a server can put one, with a window trap that records any script that runs.
import { expect } from 'chai';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { endpoint, freshIdentity, freshTotp, live, seed, signInName } from './env.js';
import { until } from '../support/until.js';

type Trap = Window & { __xss?: number };
const trap = window as Trap;
const mounted: Element[] = [];

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  sessionStorage.clear();
  for (const key of Object.keys(localStorage)) if (key.startsWith('cognito-elements.')) localStorage.removeItem(key);
});

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
        storage: 'session',
        'username-attributes': 'email',
      });
      el.addEventListener('cognito-error', (e) => errors.push((e as CustomEvent).detail));
      el.addEventListener('cognito-signed-in', (e) => {
        const t = (e as CustomEvent).detail.tokens;
        secrets.push(t.idToken, t.accessToken, t.refreshToken);
      });
      const snapshot = () => dom.push(el.textContent ?? '', [...el.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value)).join(' '));
      await until(() => el.querySelector('form') !== null, { what: 'the form', timeout: 8000 });

      // Sign-up with a wrong code first, then the right one.
      const id = freshIdentity('leak');
      const password = 'Leak-Check-Pass-1!';
      secrets.push(password, seed.code, '000111');
      el.querySelector<HTMLButtonElement>('[data-action="sign-up"]')!.click();
      await until(() => el.querySelector('cognito-sign-up form') !== null, { what: 'sign-up', timeout: 8000 });
      fill(el, { username: id.email, password, confirm_password: password });
      await until(() => el.querySelector('cognito-confirm-sign-up form') !== null, { what: 'confirm', timeout: 8000 });
      snapshot();
      fill(el, { code: '000111' });
      await until(() => el.querySelector('[role="alert"]') !== null, { what: 'the code error', timeout: 8000 });
      snapshot();
      fill(el, { code: seed.code });
      await until(() => el.getAttribute('screen') === 'signed-in', { what: 'signed in', timeout: 8000 });
      snapshot();
      await el.signOut({ global: false });
      await until(() => el.getAttribute('screen') === 'sign-in', { what: 'signed out', timeout: 8000 });

      // A wrong password, then TOTP.
      const user = seed.users.totp!;
      secrets.push(user.password, 'Wrong-Pass-999!');
      fill(el, { username: signInName('email', user), password: 'Wrong-Pass-999!' });
      await until(() => el.querySelector('[role="alert"]') !== null, { what: 'the sign-in error', timeout: 8000 });
      snapshot();
      fill(el, { username: signInName('email', user), password: user.password });
      await until(() => el.querySelector('cognito-mfa-code form') !== null, { what: 'mfa', timeout: 8000 });
      const code = await freshTotp(user.totp!.secret);
      secrets.push(code);
      fill(el, { code });
      await until(() => el.getAttribute('screen') === 'signed-in', { what: 'signed in with TOTP', timeout: 8000 });
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

/**
 * Resolves once an image that fails to load has run its error handler: by then any handler a hostile `<img
 * onerror>` could have brought would have run too. Waiting for this canary replaces a fixed sleep.
 */
async function handlersHadTheirChance(): Promise<void> {
  let fired = false;
  const img = document.createElement('img');
  img.onerror = () => (fired = true);
  img.src = `/__no-such-image-${Date.now()}.png`;
  document.body.append(img);
  try {
    await until(() => fired, { what: 'the canary image’s error handler', timeout: 8000 });
  } finally {
    img.remove();
  }
}

describe('hostile strings render as text', () => {
  const PAYLOADS = ['<img src=x onerror="window.__xss=(window.__xss||0)+1">', '"><script>window.__xss=(window.__xss||0)+1</script>', "javascript:window.__xss=1"];
  // A real pool (`npm run test:live`) has only the email pool; the double's plain pool lets a username be markup.
  const pool = seed.pools[live ? 'email' : 'plain'];

  it('in attributes (pool id, legal text, logo) and configuration errors: nothing runs, nothing is injected', async () => {
    trap.__xss = 0;
    for (const p of PAYLOADS) {
      // A pool id no user pool can have: a configuration error, before any request.
      const el = mount({ 'user-pool-id': `us-east-1_x${p}`, 'client-id': pool.clientId, endpoint });
      // The emulator's pool, with the payload in the text and logo attributes.
      const ok = mount({ 'user-pool-id': pool.id, 'client-id': pool.clientId, endpoint, 'legal-text': p, logo: p });
      await until(() => el.querySelector('[role="alert"]') !== null && ok.querySelector('form') !== null, { what: 'both rendered', timeout: 8000 });
      expect(el.querySelector('[role="alert"]')!.textContent).to.contain(p.slice(0, 10));
      expect(ok.querySelector('.legalText-customizable')!.textContent).to.contain(p);
      for (const root of [el, ok]) {
        expect(root.querySelectorAll('script, img:not(.logo-customizable), iframe, object').length, 'injected elements').to.equal(0);
      }
      // A payload may still be a valid relative image URL (fetched as an image, harmless); never a script URL.
      const logo = ok.querySelector<HTMLImageElement>('.logo-customizable');
      expect(logo === null || !/^javascript:/i.test(logo.getAttribute('src') ?? ''), 'no javascript: logo').to.equal(true);
    }
    await handlersHadTheirChance();
    expect(trap.__xss).to.equal(0);
  });

  it('in what the user types and the server sends back: a hostile username through sign-up on the emulator', async () => {
    trap.__xss = 0;
    const el = mount({ 'user-pool-id': pool.id, 'client-id': pool.clientId, endpoint, 'sign-up-attributes': 'email' });
    await until(() => el.querySelector('form') !== null, { what: 'the form', timeout: 8000 });
    el.querySelector<HTMLButtonElement>('[data-action="sign-up"]')!.click();
    await until(() => el.querySelector('cognito-sign-up form') !== null, { what: 'sign-up', timeout: 8000 });
    // Cognito usernames may hold any symbol or punctuation (no spaces): this one is markup. Unique per run.
    const username = `${PAYLOADS[1]!}${Date.now()}`;
    const { email } = freshIdentity('xss');
    fill(el, { username, email, password: 'Xss-Pass-123!', confirm_password: 'Xss-Pass-123!' });
    await until(() => el.querySelector('cognito-confirm-sign-up form') !== null || el.querySelector('[role="alert"]') !== null, {
      what: 'the confirmation screen',
      timeout: 8000,
    });
    const confirm = el.querySelector('cognito-confirm-sign-up');
    expect(confirm, el.querySelector('[role="alert"]')?.textContent ?? 'no confirmation screen').to.not.equal(null);
    // The server's answer (the masked address it sent the code to) is shown, as text.
    expect(confirm!.textContent).to.match(/@/);
    expect(el.querySelectorAll('script, img:not(.logo-customizable), iframe, object').length, 'injected elements').to.equal(0);
    await handlersHadTheirChance();
    expect(trap.__xss).to.equal(0);
  });
});
