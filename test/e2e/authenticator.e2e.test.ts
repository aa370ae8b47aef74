// <cognito-authenticator> driven through the DOM only, against cognito-local: fill inputs by name, click the
// hosted-UI submit button, wait for the `screen` attribute.
import { expect } from 'chai';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { endpoint, freshIdentity, seed, signInName, totp, type PoolKey } from './env.js';

const u = seed.users;
const mounted: Element[] = [];

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  sessionStorage.clear();
});

async function until(check: () => boolean, what: string, ms = 8000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function authenticator(pool: PoolKey, attrs: Record<string, string> = {}): Promise<{ el: CognitoAuthenticator; events: CustomEvent[] }> {
  const p = seed.pools[pool];
  const el = document.createElement('cognito-authenticator');
  const events: CustomEvent[] = [];
  for (const type of ['cognito-signed-in', 'cognito-signed-out', 'cognito-signed-up', 'cognito-error']) {
    el.addEventListener(type, (e) => events.push(e as CustomEvent));
  }
  const all: Record<string, string> = {
    'user-pool-id': p.id,
    'client-id': p.clientId,
    endpoint,
    'auth-flow': 'USER_PASSWORD_AUTH',
    storage: 'session',
    ...(p.usernameAttributes.length ? { 'username-attributes': p.usernameAttributes.join(' ') } : {}),
    ...attrs,
  };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  document.body.append(el);
  mounted.push(el);
  await until(() => el.querySelector('form') !== null, 'the first form');
  return { el, events };
}

async function screen(el: Element, name: string): Promise<void> {
  await until(() => el.getAttribute('screen') === name && (name === 'signed-in' || el.querySelector(`form[data-screen="${name}"], cognito-${name} form`) !== null), `screen ${name}`);
}

function fill(el: Element, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = el.querySelector<HTMLInputElement>(`form [name="${name}"]`);
    if (!input) throw new Error(`no input ${name} on ${el.getAttribute('screen')}`);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }
}

function submit(el: Element): void {
  el.querySelector<HTMLButtonElement>('form .submitButton-customizable')!.click();
}

function click(el: Element, action: string): void {
  el.querySelector<HTMLElement>(`[data-action="${action}"]`)!.click();
}

async function signIn(el: Element, pool: PoolKey, user: (typeof u)[string], password = user!.password): Promise<void> {
  fill(el, { username: signInName(pool, user!), password });
  submit(el);
}

for (const pool of ['email', 'plain'] as const) {
  describe(`e2e <cognito-authenticator> (${pool} pool)`, () => {
    it('sign-up -> confirm with the code -> signed in', async () => {
      const id = freshIdentity(`dom${pool}`);
      const { el, events } = await authenticator(pool, { 'sign-up-attributes': pool === 'plain' ? 'email' : '' });
      click(el, 'sign-up');
      await screen(el, 'sign-up');
      fill(el, {
        username: pool === 'email' ? id.email : id.username,
        ...(pool === 'plain' ? { email: id.email } : {}),
        password: 'Dom-Pass-123!',
        confirm_password: 'Dom-Pass-123!',
      });
      submit(el);
      await screen(el, 'confirm-sign-up');
      fill(el, { code: seed.code });
      submit(el);
      await screen(el, 'signed-in');
      expect(events.map((e) => e.type)).to.deep.equal(['cognito-signed-up', 'cognito-signed-in']);
      expect(events[1]!.detail.claims.email).to.equal(id.email);
    });

    it('sign-in with TOTP', async () => {
      const { el } = await authenticator(pool);
      await signIn(el, pool, u.totp);
      await screen(el, 'mfa-code');
      fill(el, { code: await totp(u.totp!.totp!.secret) });
      submit(el);
      await screen(el, 'signed-in');
    });

    it('sign-in with SMS', async () => {
      const { el } = await authenticator(pool);
      await signIn(el, pool, u.sms);
      await screen(el, 'mfa-code');
      fill(el, { code: seed.code });
      submit(el);
      await screen(el, 'signed-in');
    });

    it('select MFA, then SMS', async () => {
      const { el } = await authenticator(pool);
      await signIn(el, pool, u.both);
      await screen(el, 'select-mfa');
      el.querySelector<HTMLInputElement>('input[name="mfa"][value="SMS_MFA"]')!.click();
      submit(el);
      await screen(el, 'mfa-code');
      fill(el, { code: seed.code });
      submit(el);
      await screen(el, 'signed-in');
    });

    it('new password required', async () => {
      const { el } = await authenticator(pool);
      await signIn(el, pool, u.newpassdom);
      await screen(el, 'new-password');
      fill(el, { password: 'Dom-NewPass-789!', confirm_password: 'Dom-NewPass-789!' });
      submit(el);
      await screen(el, 'signed-in');
    });

    it('a wrong password shows the error and clears the password field', async () => {
      const { el, events } = await authenticator(pool);
      await signIn(el, pool, u.wrongpass, 'Not-The-Password-1');
      await until(() => el.querySelector('[role="alert"]') !== null, 'the error');
      expect(el.querySelector('[role="alert"]')!.textContent).to.contain('Incorrect username or password');
      expect(el.querySelector<HTMLInputElement>('input[name="password"]')!.value).to.equal('');
      expect(events.at(-1)!.detail).to.deep.include({ code: 'incorrect-credentials' });
      expect(JSON.stringify(events.map((e) => e.detail))).not.to.contain('Not-The-Password-1');
    });

    it('sign-out, then a stored session is restored in a new element without the form', async () => {
      const first = await authenticator(pool);
      await signIn(first.el, pool, u.signin);
      await screen(first.el, 'signed-in');
      first.el.remove();
      const second = await (async () => {
        const p = seed.pools[pool];
        const el = document.createElement('cognito-authenticator');
        const events: CustomEvent[] = [];
        el.addEventListener('cognito-signed-in', (e) => events.push(e as CustomEvent));
        el.addEventListener('cognito-signed-out', (e) => events.push(e as CustomEvent));
        for (const [k, v] of Object.entries({ 'user-pool-id': p.id, 'client-id': p.clientId, endpoint, 'auth-flow': 'USER_PASSWORD_AUTH', storage: 'session' })) {
          el.setAttribute(k, v);
        }
        document.body.append(el);
        mounted.push(el);
        return { el, events };
      })();
      await screen(second.el, 'signed-in');
      expect(second.el.querySelector('form')).to.equal(null);
      expect(second.events[0]!.detail.restored).to.equal(true);
      click(second.el, 'sign-out');
      await screen(second.el, 'sign-in');
      expect(second.events.at(-1)!.type).to.equal('cognito-signed-out');
      expect(Object.keys(sessionStorage).filter((k) => k.startsWith('cognito-elements.'))).to.deep.equal([]);
    });
  });
}

describe('e2e <cognito-authenticator> forgot password', () => {
  it('forgot password -> code and new password -> sign in with it', async () => {
    const { el } = await authenticator('email');
    click(el, 'forgot-password');
    await screen(el, 'forgot-password');
    fill(el, { username: u.forgot!.email });
    submit(el);
    await screen(el, 'confirm-forgot-password');
    fill(el, { code: seed.code, password: 'Dom-Reset-456!', confirm_password: 'Dom-Reset-456!' });
    submit(el);
    await until(() => el.querySelector('[data-notice="password-changed"]') !== null, 'the password-changed notice');
    await signIn(el, 'email', u.forgot, 'Dom-Reset-456!');
    await screen(el, 'signed-in');
  });
});
