// The live story: the full <cognito-authenticator> against the emulator `npm start` runs, with an event log.
import '../components/index.js';
import env from 'virtual:demo-env';

interface DemoEnv {
  endpoint: string;
  code: string;
  pools: Record<string, { id: string; clientId: string; usernameAttributes: string[] }>;
}
const { endpoint, pools, code } = env as DemoEnv;

const host = document.getElementById('demo-host')!;
const log = document.getElementById('demo-events')!;
const select = document.getElementById('demo-pool') as HTMLSelectElement;
document.getElementById('demo-code')!.textContent = code;

/** Shortens tokens so the log never shows a whole one. */
function shorten(value: unknown): unknown {
  if (typeof value === 'string' && value.length > 40) return `${value.slice(0, 12)}…${value.slice(-6)}`;
  if (Array.isArray(value)) return value.map(shorten);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'claims' ? v : shorten(v)]));
  return value;
}

function record(event: Event): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${event.type}\n${JSON.stringify(shorten((event as CustomEvent).detail), null, 2)}`;
  log.prepend(item);
}

function mount(poolKey: string): void {
  const pool = pools[poolKey]!;
  host.replaceChildren();
  const el = document.createElement('cognito-authenticator');
  el.setAttribute('user-pool-id', pool.id);
  el.setAttribute('client-id', pool.clientId);
  el.setAttribute('endpoint', endpoint);
  // The emulator has no SRP: the live demo signs in with USER_PASSWORD_AUTH.
  el.setAttribute('auth-flow', 'USER_PASSWORD_AUTH');
  el.setAttribute('storage', 'session');
  if (pool.usernameAttributes.length) el.setAttribute('username-attributes', pool.usernameAttributes.join(' '));
  el.setAttribute('sign-up-attributes', poolKey === 'plain' ? 'email given_name' : 'given_name');
  el.setAttribute('legal-text', 'Demo only: the emulator keeps nothing after you stop npm start.');
  for (const type of ['cognito-signed-in', 'cognito-signed-out', 'cognito-signed-up', 'cognito-screen-change', 'cognito-error']) {
    el.addEventListener(type, record);
  }
  const content = document.createElement('div');
  content.className = 'demo-signed-in';
  const who = document.createElement('p');
  const out = document.createElement('button');
  out.type = 'button';
  out.textContent = 'Sign out';
  out.addEventListener('click', () => void el.signOut());
  const totp = document.createElement('button');
  totp.type = 'button';
  totp.textContent = 'Set up an authenticator app';
  totp.addEventListener('click', () => void el.flow?.setUpTotp());
  content.append(who, out, ' ', totp);
  el.addEventListener('cognito-signed-in', (e) => {
    const detail = (e as CustomEvent<{ claims: Record<string, unknown>; username: string }>).detail;
    who.textContent = `Signed in as ${String(detail.claims.email ?? detail.username)}. This content is the page's own, shown only when signed in.`;
  });
  el.append(content);
  host.append(el);
}

select.addEventListener('change', () => mount(select.value));
document.getElementById('demo-clear')!.addEventListener('click', () => log.replaceChildren());
mount(select.value);
