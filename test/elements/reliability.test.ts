// Faults at the network seam, over real HTTP: the test server's /__fault endpoints answer as a dead network, a hung
// server, a proxy's error page, malformed JSON or Cognito's throttling would (web-test-runner.config.js).
import { expect } from 'chai';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { settle } from '../support/fake-cognito.js';
import { until } from '../support/until.js';

const POOL = 'us-east-1_TestPool1';
const CLIENT = 'testclient123';
const PASSWORD = 'Secret-Pass-123!';
const mounted: Element[] = [];
let serial = 0;

afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
  delete (window as { __pwned?: boolean }).__pwned;
});

async function hits(tag: string): Promise<number> {
  return ((await (await fetch(`/__fault-hits/${tag}`)).json()) as { hits: number }).hits;
}

/** Waits until the server has seen more than `than` requests for `tag`. */
function moreHits(tag: string, than: number): Promise<number> {
  return until(async () => {
    const n = await hits(tag);
    return n > than ? n : 0;
  }, { what: `request ${than + 1} to ${tag}`, timeout: 8000, interval: 20 });
}

async function authenticatorAt(kind: string, timeoutMs?: number): Promise<{ el: CognitoAuthenticator; tag: string }> {
  const tag = `t${Date.now()}${++serial}`;
  const el = document.createElement('cognito-authenticator');
  el.setAttribute('user-pool-id', POOL);
  el.setAttribute('client-id', CLIENT);
  el.setAttribute('auth-flow', 'USER_PASSWORD_AUTH');
  el.setAttribute('storage', 'memory');
  el.setAttribute('endpoint', `${location.origin}/__fault/${kind}/${tag}`);
  if (timeoutMs) el.config = { timeoutMs };
  document.body.append(el);
  mounted.push(el);
  await until(() => el.querySelector('form') !== null, { what: 'the form', timeout: 6000 });
  return { el, tag };
}

function signIn(el: Element): void {
  const set = (name: string, value: string) => {
    const input = el.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  };
  set('username', 'ada');
  set('password', PASSWORD);
  el.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
}

const alert = (el: Element) => el.querySelector<HTMLElement>('[role="alert"]');

const TRANSPORT = [
  { kind: 'reset', code: 'network', text: 'We could not reach the sign-in service' },
  { kind: 'hang', code: 'timeout', text: 'took too long to answer', timeoutMs: 1500 },
  { kind: 'unavailable', code: 'server-error', text: 'The sign-in service had a problem' },
  { kind: 'html', code: 'server-error', text: 'The sign-in service had a problem' },
  { kind: 'malformed', code: 'server-error', text: 'The sign-in service had a problem' },
];

describe('faults at the network seam', () => {
  for (const f of TRANSPORT) {
    it(`${f.kind}: a specific translated message, the username kept, and "Try again" re-sends the request`, async () => {
      const { el, tag } = await authenticatorAt(f.kind, f.timeoutMs);
      signIn(el);
      await until(() => alert(el) !== null, { what: 'the error', timeout: 6000 });
      expect(alert(el)!.dataset.errorCode).to.equal(f.code);
      expect(alert(el)!.textContent).to.contain(f.text);
      expect(el.querySelector<HTMLInputElement>('input[name="username"]')!.value).to.equal('ada');
      expect((window as { __pwned?: boolean }).__pwned, 'nothing from the error page ran').to.equal(undefined);
      // A reset connection may be retried by the browser itself at the socket level; every other fault is sent once.
      await moreHits(tag, 0); // under load the server may count the request a moment after the client gave up
      const first = await hits(tag);
      if (f.kind !== 'reset') expect(first).to.equal(1);
      const retry = el.querySelector<HTMLButtonElement>('[data-action="retry"]');
      expect(retry, 'a Try again button').to.not.equal(null);
      expect(retry!.textContent).to.contain('Try again');
      retry!.click();
      // The request is sent again at once, but it may need a new connection (the first one was dropped or aborted, and
      // credentials: 'omit' requests have their own connection pool): wait until the server has seen it.
      await moreHits(tag, first);
      await until(() => el.querySelector('.submitButton-customizable[aria-busy="true"]') === null && alert(el) !== null, { what: 'the second answer', timeout: 8000 });
      await settle();
      if (f.kind === 'reset') expect(await hits(tag)).to.be.greaterThan(first);
      else expect(await hits(tag)).to.equal(2);
    });
  }

  it('throttling: a clear message, no Try again, and nothing re-sent by itself', async () => {
    const { el, tag } = await authenticatorAt('throttled');
    signIn(el);
    await until(() => alert(el) !== null, { what: 'the error', timeout: 6000 });
    expect(alert(el)!.dataset.errorCode).to.equal('too-many-requests');
    expect(el.querySelector('[data-action="retry"]')).to.equal(null);
    // Nothing goes out by itself: the next request the server sees is the one the user sends, the second.
    await until(() => el.querySelector('.submitButton-customizable[aria-busy="true"]') === null, 'the form idle again');
    signIn(el);
    expect(await moreHits(tag, 1)).to.equal(2);
    expect(await hits(tag)).to.equal(2);
  });

  it('LimitExceededException: says to wait, sends once', async () => {
    const { el, tag } = await authenticatorAt('limit');
    signIn(el);
    await until(() => alert(el) !== null, { what: 'the error', timeout: 6000 });
    expect(alert(el)!.dataset.errorCode).to.equal('limit-exceeded');
    expect(await hits(tag)).to.equal(1);
  });

  it('lockout ("Password attempts exceeded") says to wait without telling how many tries remain', async () => {
    const { el } = await authenticatorAt('lockout');
    signIn(el);
    await until(() => alert(el) !== null, { what: 'the error', timeout: 6000 });
    expect(alert(el)!.dataset.errorCode).to.equal('too-many-failed-attempts');
    expect(alert(el)!.textContent).to.contain('Wait');
    expect(alert(el)!.textContent).not.to.match(/\d/);
  });

  it("Cognito's expired-session answer says the session has expired", async () => {
    const { el } = await authenticatorAt('expired');
    signIn(el);
    await until(() => alert(el) !== null, { what: 'the error', timeout: 6000 });
    expect(alert(el)!.textContent).to.contain('Your session has expired');
  });

  it('offline is shown before sending; nothing is sent; Try again sends once back online', async () => {
    const { el, tag } = await authenticatorAt('unavailable');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await until(() => el.querySelector('.cognito-offline') !== null, { what: 'the offline notice', timeout: 6000 });
      expect(el.querySelector('.cognito-offline')!.textContent).to.contain('offline');
      signIn(el);
      await until(() => alert(el) !== null, { what: 'the error', timeout: 6000 });
      expect(alert(el)!.dataset.errorCode).to.equal('offline');
      expect(await hits(tag)).to.equal(0);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await until(() => el.querySelector('.cognito-offline') === null, { what: 'the offline notice to go', timeout: 6000 });
    el.querySelector<HTMLButtonElement>('[data-action="retry"]')!.click();
    expect(await moreHits(tag, 0), 'Try again sent the request').to.equal(1);
    await until(() => alert(el)?.dataset.errorCode === 'server-error', 'the 503 answer to the retried request, shown');
    expect(await hits(tag), 'sent once').to.equal(1);
  });
});
