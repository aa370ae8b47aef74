// The live story: the whole <cognito-authenticator> against a real user pool or the Cognito double `npm start` runs,
// with the events it fires beside it, and once signed in the account page under it (<cognito-account for=…>, using the
// authenticator's session). Sign-up, confirmation, sign-in with MFA, password reset and every account section work here.
import '../../components/index.js';
import '../../components/account/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import type { ArgType, Meta, StoryObj } from '../csf.js';
import { applyFrameArgs, frameArgTypes, frameArgs, frameAttributes, tagSource, type FrameArgs } from '../story-kit.js';

export interface LiveArgs extends FrameArgs {
  userPoolId: string;
  clientId: string;
  /** A Cognito endpoint override, such as the emulator's http://127.0.0.1:<port>. */
  endpoint: string;
  authFlow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';
  usernameAttributes: string;
  signUpAttributes: string;
  /** Where the session is kept. */
  storage: 'session' | 'memory' | 'local';
  /** What every code the emulator sends is (shown as a hint; empty for a real pool). */
  emulatorCode: string;
  /** The user pool domain, for identity providers (or the local OAuth server `npm start` may run). */
  domain: string;
  /** JSON list of providers, as the `identity-providers` attribute takes it. */
  identityProviders: string;
  /** Where the OAuth server sends the browser back (empty: this page without its query). */
  redirectUri: string;
  /** Choice-based sign-in (`sign-in-methods`): passkeys and one-time codes, e.g. on the double's passwordless pool. */
  signInMethods: string;
  /** The account page's sections (`sections` of `<cognito-account>`), shown under the authenticator once signed in. */
  accountSections: string;
}

const pool = (description: string, control: ArgType['control'] = { type: 'text' }, options?: readonly string[]): ArgType => ({
  description,
  control,
  ...(options ? { options } : {}),
  table: { category: 'User pool' },
});

const liveArgTypes: Record<Exclude<keyof LiveArgs, keyof FrameArgs>, ArgType> = {
  userPoolId: pool('User pool id (`user-pool-id`), e.g. us-east-1_AbCdEf123'),
  clientId: pool('App client id (`client-id`), a client without a secret'),
  endpoint: pool('Endpoint override (`endpoint`): empty for AWS, or the emulator address'),
  authFlow: pool('Sign-in flow (`auth-flow`): SRP (the default) or the password sent over TLS; the client must allow it', { type: 'select' }, ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH']),
  usernameAttributes: pool('What users sign in with (`username-attributes`), as set in the pool', { type: 'select' }, ['', 'email', 'phone_number', 'email phone_number']),
  signUpAttributes: pool('Attributes asked at sign-up (`sign-up-attributes`)'),
  storage: pool('Token storage (`storage`)', { type: 'select' }, ['session', 'memory', 'local']),
  signInMethods: pool(
    'Ways to sign in (`sign-in-methods`): empty for the password form; passkeys and codes need a pool that allows them (the double: its passwordless pool)',
    { type: 'select' },
    ['', 'passkey email-otp sms-otp password', 'email-otp sms-otp password', 'passkey email-otp', 'email-otp'],
  ),
  emulatorCode: { description: 'The code every message from the emulator carries', control: false, table: { disable: true } },
  domain: { description: 'User pool domain (`domain`) for identity providers', control: { type: 'text' }, table: { category: 'Identity providers' } },
  identityProviders: {
    description: 'Providers (`identity-providers`), JSON: [{"name":"AcmeSAML","label":"Acme","identifiers":["acme.example"]}]',
    control: { type: 'text' },
    table: { category: 'Identity providers' },
  },
  redirectUri: { description: 'Redirect URI (`redirect-uri`): empty for this page', control: { type: 'text' }, table: { category: 'Identity providers' } },
  accountSections: {
    description: 'Sections of the account page (`sections` of `<cognito-account>`), in order: profile password mfa passkeys devices sessions delete',
    control: { type: 'text' },
    table: { category: 'Account page' },
  },
};

const ALL_SECTIONS = 'profile password mfa passkeys devices sessions delete';
/** The id the account page names in `for`. */
const AUTH_ID = 'live-authenticator';

export default {
  title: 'Live/Authenticator',
  component: 'cognito-authenticator',
  args: {
    ...frameArgs,
    userPoolId: '',
    clientId: '',
    endpoint: '',
    authFlow: 'USER_SRP_AUTH',
    usernameAttributes: 'email',
    signUpAttributes: 'given_name',
    storage: 'session',
    emulatorCode: '',
    domain: '',
    identityProviders: '',
    redirectUri: '',
    signInMethods: '',
    accountSections: ALL_SECTIONS,
  },
  argTypes: { ...frameArgTypes, ...liveArgTypes },
} satisfies Meta<LiveArgs>;

const EVENTS = ['cognito-signed-in', 'cognito-signed-out', 'cognito-signed-up', 'cognito-screen-change', 'cognito-error'] as const;
const ACCOUNT_EVENTS = ['cognito-account-updated', 'cognito-error'] as const;

const TOKEN_KEYS = new Set(['idToken', 'accessToken', 'refreshToken']);

/** Shortens tokens (and any long unbroken string) so the log never shows a whole one; claims are shown decoded. */
function shorten(value: unknown, key = ''): unknown {
  if (key === 'claims') return value;
  if (typeof value === 'string' && (TOKEN_KEYS.has(key) || (value.length > 40 && !/\s/.test(value)))) {
    return `${value.slice(0, 12)}…${value.slice(-6)} (${value.length} characters)`;
  }
  if (Array.isArray(value)) return value.map((v) => shorten(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shorten(v, k)]));
  return value;
}

function attributes(args: LiveArgs): Record<string, string> {
  const a: Record<string, string> = { 'user-pool-id': args.userPoolId.trim(), 'client-id': args.clientId.trim() };
  if (args.endpoint.trim()) a.endpoint = args.endpoint.trim();
  if (args.authFlow !== 'USER_SRP_AUTH') a['auth-flow'] = args.authFlow;
  if (args.usernameAttributes) a['username-attributes'] = args.usernameAttributes;
  if (args.signUpAttributes.trim()) a['sign-up-attributes'] = args.signUpAttributes.trim();
  if (args.storage !== 'local') a.storage = args.storage;
  if (args.signInMethods.trim()) a['sign-in-methods'] = args.signInMethods.trim();
  if (args.domain.trim()) {
    a.domain = args.domain.trim();
    if (args.identityProviders.trim()) a['identity-providers'] = args.identityProviders.trim();
    if (args.redirectUri.trim()) a['redirect-uri'] = args.redirectUri.trim();
  }
  return a;
}

/**
 * The account page's attributes: the authenticator's session (`for`), and the sections unless all of them. The
 * editable attributes default to the authenticator's `sign-up-attributes`.
 */
function accountAttributes(args: LiveArgs): Record<string, string> {
  const a: Record<string, string> = { for: AUTH_ID };
  const sections = args.accountSections.trim().replace(/\s+/g, ' ');
  if (sections !== ALL_SECTIONS) a.sections = sections;
  return a;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function render(args: LiveArgs): HTMLElement {
  const layout = el('div', { className: 'demo-live' });
  const stage = el('div', { className: 'demo-live-stage' });

  if (!args.userPoolId.trim() || !args.clientId.trim()) {
    stage.append(
      el(
        'p',
        { className: 'demo-live-hint' },
        'Connect this authenticator to a user pool: set the user pool id and app client id in the Controls panel. ',
        'With ',
        el('code', {}, 'npm start'),
        ' they are filled in for the embedded emulator.',
      ),
    );
  } else if (args.emulatorCode) {
    stage.append(
      el(
        'p',
        { className: 'demo-live-hint' },
        'The demo users and their passwords are printed in the terminal that ran ',
        el('code', {}, 'npm start'),
        '. Every code the emulator sends (sign-up, SMS, email, password reset, a changed email address) is ',
        el('strong', {}, args.emulatorCode),
        '.',
      ),
    );
  }

  const auth = document.createElement('cognito-authenticator') as CognitoAuthenticator;
  auth.id = AUTH_ID;
  for (const [k, v] of Object.entries(attributes(args))) auth.setAttribute(k, v);
  applyFrameArgs(auth, args);

  // The page's own content, shown by the element only while someone is signed in.
  const who = el('p');
  const signOut = el('button', { type: 'button', className: 'demo-button' }, 'Sign out');
  signOut.dataset.demo = 'sign-out';
  signOut.addEventListener('click', () => void auth.signOut());
  const member = el('section', { className: 'demo-member-area' }, el('h2', {}, 'Signed in'), who, el('div', { className: 'demo-actions' }, signOut));
  member.setAttribute('aria-label', 'Signed-in content');
  auth.append(member);
  auth.addEventListener('cognito-signed-in', (e) => {
    const detail = (e as CustomEvent<{ claims: Record<string, unknown>; username: string }>).detail;
    who.textContent = `Signed in as ${String(detail.claims.email ?? detail.username)}. This section is the page's own content: the element shows it only while a user is signed in.`;
  });
  const { page, account } = accountPage(auth, args);
  stage.append(auth, page);

  const log = el('ol', { className: 'demo-events' });
  log.setAttribute('aria-live', 'polite');
  log.setAttribute('aria-relevant', 'additions');
  const clear = el('button', { type: 'button', className: 'demo-button demo-button-secondary' }, 'Clear');
  clear.addEventListener('click', () => log.replaceChildren());
  const title = el('h2', { id: `demo-events-title-${Math.random().toString(36).slice(2)}` }, 'Events');
  const aside = el('aside', { className: 'demo-log' }, el('div', { className: 'demo-log-head' }, title, clear), log);
  aside.setAttribute('aria-labelledby', title.id);
  // The log scrolls on its own once it is long: focusable, so a keyboard can scroll it too.
  log.tabIndex = 0;
  log.setAttribute('aria-labelledby', title.id);
  const record = (target: Element, types: readonly string[]) => {
    for (const type of types) {
      target.addEventListener(type, (event) => {
        const item = el('li');
        item.dataset.event = type;
        const head = el('div', { className: 'demo-event-head' }, el('strong', {}, type), ' ', el('time', {}, new Date().toLocaleTimeString()));
        const body = el('pre', {}, JSON.stringify(shorten((event as CustomEvent).detail), null, 2));
        item.append(head, body);
        log.prepend(item);
      });
    }
  };
  record(auth, EVENTS);
  record(account, ACCOUNT_EVENTS);
  layout.append(stage, aside);
  return layout;
}

/**
 * The account page under the authenticator: `<cognito-account for=…>` on the authenticator's session, shown while
 * someone is signed in (the authenticator's `screen` says so, restored sessions included), in its theme and language.
 */
function accountPage(auth: CognitoAuthenticator, args: LiveArgs): { page: HTMLElement; account: HTMLElement } {
  const account = document.createElement('cognito-account');
  for (const [k, v] of Object.entries(accountAttributes(args))) account.setAttribute(k, v);
  // The account element has its own heading ("Your account").
  const page = el(
    'section',
    { className: 'demo-live-account', hidden: true },
    el('p', { className: 'demo-live-note' }, 'The page’s account settings: ', el('code', {}, `<cognito-account for="${AUTH_ID}">`), ', on the authenticator’s session.'),
  );
  page.setAttribute('aria-label', 'Account page');
  // After an identity-provider sign-in the tokens come from the demo's local OAuth server, which stands in for
  // Cognito's domain: the Cognito double does not know them, so the account page (which calls Cognito with them) is
  // left out, saying why. With a real pool they are Cognito's own (and need the aws.cognito.signin.user.admin scope).
  const federatedNote = el('p', { className: 'demo-live-note', hidden: true }, 'After a sign-in with an identity provider, the account page is not shown here: the tokens come from the demo’s local OAuth server, which the Cognito double does not know. With a real pool, add aws.cognito.signin.user.admin to scopes.');
  page.append(federatedNote);
  // The look controls change the authenticator's theme and lang in place (demo/shell.ts): the page follows.
  const follow = () => {
    page.hidden = auth.getAttribute('screen') !== 'signed-in';
    const federated = !page.hidden && auth.session?.claims.identities !== undefined;
    federatedNote.hidden = !federated;
    // There only while someone is signed in, and never for an identity provider's session (see above).
    if (page.hidden || federated) account.remove();
    else if (!account.isConnected) page.append(account);
    for (const name of ['theme', 'lang']) {
      const value = auth.getAttribute(name);
      if (value) account.setAttribute(name, value);
      else account.removeAttribute(name);
    }
  };
  new MutationObserver(follow).observe(auth, { attributes: true, attributeFilter: ['screen', 'theme', 'lang'] });
  follow();
  return { page, account };
}

export const Authenticator: StoryObj<LiveArgs> = {
  name: 'Live authenticator',
  render: (args) => render(args),
  parameters: {
    docs: {
      source: {
        language: 'html',
        transform: (_code, { args }) => {
          const a = args as LiveArgs;
          return [
            `<script type="module" src="https://your-cdn.example/cognito-elements/dist/cdn/cognito-elements.js"></script>`,
            tagSource('cognito-authenticator', { id: AUTH_ID, ...attributes(a), ...frameAttributes(a) }, '\n  <p>Only signed-in users see this.</p>\n'),
            tagSource('cognito-account', { ...accountAttributes(a), theme: frameAttributes(a).theme, lang: frameAttributes(a).lang }),
            `<script type="module">`,
            `  const auth = document.querySelector('cognito-authenticator');`,
            `  auth.addEventListener('cognito-signed-in', (e) => console.log('signed in as', e.detail.claims.email));`,
            `</script>`,
          ].join('\n');
        },
      },
    },
  },
};
