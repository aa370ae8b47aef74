// <cognito-authenticator> driven through the DOM only, against the Cognito double (or a real pool: `npm run
// test:live`), with its default sign-in flow, USER_SRP_AUTH: fill inputs by name, click the hosted-UI submit button,
// wait for the `screen` attribute.
import { expect } from 'chai';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { cognitoUsername, endpoint, freshIdentity, freshTotp, POOLS, seed, signInName, type PoolKey, type SeedUser } from './env.js';
import { until } from '../support/until.js';

const u = seed.users;
const mounted: Element[] = [];

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  sessionStorage.clear();
});

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
    storage: 'session',
    ...(p.usernameAttributes.length ? { 'username-attributes': p.usernameAttributes.join(' ') } : {}),
    ...attrs,
  };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  document.body.append(el);
  mounted.push(el);
  await until(() => el.querySelector('form') !== null, { what: 'the first form', timeout: 8000 });
  return { el, events };
}

async function screen(el: Element, name: string): Promise<void> {
  await until(() => el.getAttribute('screen') === name && (name === 'signed-in' || el.querySelector(`form[data-screen="${name}"], cognito-${name} form`) !== null), { what: `screen ${name}`, timeout: 8000 });
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

/** Signs `user` in and, if the TOTP screen comes (a real pool's test user has TOTP on), answers it with a fresh code. */
async function signInFully(el: Element, pool: PoolKey, user: SeedUser): Promise<void> {
  await signIn(el, pool, user);
  await until(() => ['signed-in', 'mfa-code'].includes(el.getAttribute('screen') ?? ''), { what: 'signed in or the TOTP screen', timeout: 8000 });
  if (el.getAttribute('screen') === 'mfa-code' && user.totp) {
    await screen(el, 'mfa-code');
    fill(el, { code: await freshTotp(user.totp.secret) });
    submit(el);
  }
  await screen(el, 'signed-in');
}

/** The last cognito-signed-in event names `user` of `pool`: the right account signed in, not just some account. */
function expectSignedInAs(events: CustomEvent[], pool: PoolKey, user: SeedUser): void {
  const signedIn = events.filter((e) => e.type === 'cognito-signed-in').at(-1);
  expect(signedIn, 'a cognito-signed-in event').to.not.equal(undefined);
  expect(signedIn!.detail.username, 'username').to.equal(cognitoUsername(pool, user));
  expect(signedIn!.detail.claims.sub, 'sub').to.equal(user.sub);
  expect(signedIn!.detail.claims.email, 'email').to.equal(user.email);
}

for (const pool of POOLS) {
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
      const { el, events } = await authenticator(pool);
      await signIn(el, pool, u.totp);
      await screen(el, 'mfa-code');
      fill(el, { code: await freshTotp(u.totp!.totp!.secret) });
      submit(el);
      await screen(el, 'signed-in');
      expectSignedInAs(events, pool, u.totp!);
    });

    it('sign-in with SMS', async () => {
      const { el, events } = await authenticator(pool);
      await signIn(el, pool, u.sms);
      await screen(el, 'mfa-code');
      fill(el, { code: seed.code });
      submit(el);
      await screen(el, 'signed-in');
      expectSignedInAs(events, pool, u.sms!);
    });

    it('select MFA, then SMS', async () => {
      const { el, events } = await authenticator(pool);
      await signIn(el, pool, u.both);
      await screen(el, 'select-mfa');
      el.querySelector<HTMLInputElement>('input[name="mfa"][value="SMS_MFA"]')!.click();
      submit(el);
      await screen(el, 'mfa-code');
      fill(el, { code: seed.code });
      submit(el);
      await screen(el, 'signed-in');
      expectSignedInAs(events, pool, u.both!);
    });

    it('new password required', async () => {
      const { el, events } = await authenticator(pool);
      await signIn(el, pool, u.newpassdom);
      await screen(el, 'new-password');
      fill(el, { password: 'Dom-NewPass-789!', confirm_password: 'Dom-NewPass-789!' });
      submit(el);
      await screen(el, 'signed-in');
      expectSignedInAs(events, pool, u.newpassdom!);
    });

    it('a wrong password shows the error and clears the password field', async () => {
      const { el, events } = await authenticator(pool);
      await signIn(el, pool, u.wrongpass, 'Not-The-Password-1');
      await until(() => el.querySelector('[role="alert"]') !== null, { what: 'the error', timeout: 8000 });
      expect(el.querySelector('[role="alert"]')!.textContent).to.contain('Incorrect username or password');
      expect(el.querySelector<HTMLInputElement>('input[name="password"]')!.value).to.equal('');
      expect(events.at(-1)!.detail).to.deep.include({ code: 'incorrect-credentials' });
      expect(JSON.stringify(events.map((e) => e.detail))).not.to.contain('Not-The-Password-1');
    });

    it('sign-out, then a stored session is restored in a new element without the form', async () => {
      const first = await authenticator(pool);
      await signInFully(first.el, pool, u.signin!);
      expectSignedInAs(first.events, pool, u.signin!);
      first.el.remove();
      const second = await (async () => {
        const p = seed.pools[pool];
        const el = document.createElement('cognito-authenticator');
        const events: CustomEvent[] = [];
        el.addEventListener('cognito-signed-in', (e) => events.push(e as CustomEvent));
        el.addEventListener('cognito-signed-out', (e) => events.push(e as CustomEvent));
        for (const [k, v] of Object.entries({ 'user-pool-id': p.id, 'client-id': p.clientId, endpoint, storage: 'session' })) {
          el.setAttribute(k, v);
        }
        document.body.append(el);
        mounted.push(el);
        return { el, events };
      })();
      await screen(second.el, 'signed-in');
      expect(second.el.querySelector('form')).to.equal(null);
      expect(second.events[0]!.detail.restored).to.equal(true);
      expectSignedInAs(second.events, pool, u.signin!);
      click(second.el, 'sign-out');
      await screen(second.el, 'sign-in');
      expect(second.events.at(-1)!.type).to.equal('cognito-signed-out');
      expect(Object.keys(sessionStorage).filter((k) => k.startsWith('cognito-elements.'))).to.deep.equal([]);
    });
  });
}

describe('e2e <cognito-authenticator> forgot password', () => {
  it('forgot password -> code and new password -> sign in with it', async () => {
    const { el, events } = await authenticator('email');
    click(el, 'forgot-password');
    await screen(el, 'forgot-password');
    fill(el, { username: u.forgot!.email });
    submit(el);
    await screen(el, 'confirm-forgot-password');
    fill(el, { code: seed.code, password: 'Dom-Reset-456!', confirm_password: 'Dom-Reset-456!' });
    submit(el);
    await until(() => el.querySelector('[data-notice="password-changed"]') !== null, { what: 'the password-changed notice', timeout: 8000 });
    await signIn(el, 'email', u.forgot, 'Dom-Reset-456!');
    await screen(el, 'signed-in');
    expectSignedInAs(events, 'email', u.forgot!);
  });
});
