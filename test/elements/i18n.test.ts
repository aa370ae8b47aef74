import { expect } from 'chai';
import { defineAll } from '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { authError } from '../../src/errors.js';
import { addTranslations, loadLanguage, LOCALES, onMissingKey, type Locale, type LocaleResource } from '../../src/i18n.js';
import en from '../../src/locales/en.js';
import { LOCALE_LOADERS } from '../../src/locales/index.js';
import type { AuthState } from '../../src/state/index.js';
import { jwt } from '../support/fake-cognito.js';
import { harness, type } from './helpers.js';
import { until } from '../support/until.js';

const POOL = 'us-east-1_TestPool1';
const CLIENT = 'testclient123';
const created: Element[] = [];

afterEach(() => {
  for (const el of created.splice(0)) el.remove();
  for (const key of Object.keys(localStorage)) if (key.startsWith('cognito-elements.')) localStorage.removeItem(key);
});

/** A container in the page, with `lang` (and any other attributes) set. */
function container(attrs: Record<string, string> = {}): HTMLElement {
  const div = document.createElement('div');
  for (const [k, v] of Object.entries(attrs)) div.setAttribute(k, v);
  div.style.width = '480px';
  document.body.append(div);
  created.push(div);
  return div;
}

async function authenticator(parent: ParentNode, attrs: Record<string, string> = {}): Promise<CognitoAuthenticator> {
  const el = document.createElement('cognito-authenticator');
  // Never the real AWS endpoint from a test: a closed loopback port.
  for (const [k, v] of Object.entries({ endpoint: 'http://127.0.0.1:9', 'user-pool-id': POOL, 'client-id': CLIENT, ...attrs })) el.setAttribute(k, v);
  parent.append(el);
  if (!created.includes(parent as Element)) created.push(el);
  await el.updateComplete;
  return el;
}

async function messagesOf(code: Locale): Promise<LocaleResource> {
  if (code === 'en') return en as unknown as LocaleResource;
  return (await LOCALE_LOADERS[code]()).default;
}

function phrase(messages: LocaleResource, key: string): string {
  const value = key.split('.').reduce<unknown>((o, k) => (o as LocaleResource | undefined)?.[k], messages);
  if (typeof value !== 'string') throw new Error(`no phrase ${key}`);
  return value;
}

const heading = (root: ParentNode) => root.querySelector('h1')?.textContent?.trim();

const SECTIONS = [...Object.keys(en), 'legal'];
const RAW_KEY = new RegExp(`\\b(${SECTIONS.join('|')})\\.[A-Za-z][\\w-]*`);

/** Raw keys anywhere a user (or a screen reader) meets text: text content and the attributes that are read out. */
function rawKeys(root: Element): string[] {
  const texts = [root.textContent ?? ''];
  for (const el of root.querySelectorAll('*')) {
    for (const a of ['placeholder', 'aria-label', 'alt', 'title']) {
      const v = el.getAttribute(a);
      if (v) texts.push(v);
    }
  }
  return texts.flatMap((t) => t.match(new RegExp(RAW_KEY, 'g')) ?? []);
}

const SMS = { medium: 'SMS', destination: '+*******0100' };
/** Every screen, in states that show as many of its phrases as one render can. */
const STATES: AuthState[] = [
  { screen: 'sign-in', username: 'ada', busy: false, notice: 'password-changed', error: authError('incorrect-credentials') },
  { screen: 'sign-up', username: '', busy: false, error: authError('username-exists') },
  { screen: 'confirm-sign-up', username: 'ada', busy: false, delivery: { medium: 'EMAIL', destination: 'a***@e***.com' }, resendError: authError('code-delivery-failed') },
  { screen: 'forgot-password', username: '', busy: false, error: authError('network') },
  { screen: 'confirm-forgot-password', username: 'ada', busy: false, delivery: SMS, notice: 'code-resent' },
  { screen: 'new-password', username: 'ada', busy: false, requiredAttributes: ['given_name', 'phone_number'], userAttributes: {} },
  { screen: 'select-mfa', username: 'ada', busy: false, options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] },
  { screen: 'setup-mfa', username: 'ada', busy: false, options: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] },
  { screen: 'setup-totp', username: 'ada', busy: false, secret: 'JBSWY3DPEHPK3PXP', uri: 'otpauth://totp/Example:ada?secret=JBSWY3DPEHPK3PXP&issuer=Example', signedIn: false },
  { screen: 'setup-sms', username: 'ada', busy: true },
  { screen: 'mfa-code', username: 'ada', busy: false, mfaType: 'SMS_MFA', delivery: SMS },
  { screen: 'mfa-code', username: 'ada', busy: false, mfaType: 'SOFTWARE_TOKEN_MFA', deviceName: 'Work phone' },
];

const section = (screen: string) => screen.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

before(async () => {
  await defineAll();
});

describe('languages: first render', () => {
  // First in the file: Dutch has not been loaded yet.
  it('waits for the locale: the first thing shown is already in the page\'s language', async () => {
    const parent = container({ lang: 'nl-BE' });
    const el = document.createElement('cognito-authenticator');
    for (const [k, v] of Object.entries({ endpoint: 'http://127.0.0.1:9', 'user-pool-id': POOL, 'client-id': CLIENT })) el.setAttribute(k, v);
    const headings: string[] = [];
    const watch = new MutationObserver(() => {
      const h = heading(el);
      if (h) headings.push(h);
    });
    watch.observe(el, { subtree: true, childList: true, characterData: true });
    parent.append(el);
    await el.updateComplete;
    await until(() => el.querySelector('cognito-sign-in form') !== null, 'the sign-in form');
    watch.disconnect();
    const nl = await messagesOf('nl');
    expect(heading(el)).to.equal(phrase(nl, 'signIn.title'));
    expect(headings.filter((h) => h === en.signIn.title), 'English never shown on the way').to.deep.equal([]);
    expect(el.language).to.equal('nl');
    expect(el.querySelector('.cognito-root')!.getAttribute('lang')).to.equal('nl');
  });
});

describe('languages: every locale, every screen', () => {
  for (const code of LOCALES) {
    it(`${code}: every screen renders in ${code}, with no missing phrase and no raw key`, async () => {
      await loadLanguage(code); // rejects when the locale file is missing
      const messages = await messagesOf(code);
      const missing: string[] = [];
      const off = onMissingKey((locale, key) => missing.push(`${locale}:${key}`));
      try {
        const parent = container({ lang: code });
        for (const state of STATES) {
          const { flow } = harness({ signUpAttributes: 'email given_name' });
          const el = document.createElement(`cognito-${state.screen}`) as HTMLElement & { flow: unknown; state: AuthState; updateComplete: Promise<unknown> };
          el.flow = flow;
          el.state = state;
          parent.append(el);
          await el.updateComplete;
          const where = `${code} ${state.screen}`;
          expect(el.getAttribute('lang'), where).to.equal(code);
          expect(el.getAttribute('dir'), where).to.equal(code === 'ar' || code === 'he' ? 'rtl' : 'ltr');
          expect(heading(el), `${where} heading`).to.equal(phrase(messages, `${section(state.screen)}.title`));
          expect(rawKeys(el), `${where}: raw keys`).to.deep.equal([]);
          el.remove();
        }

        // The authenticator's own views: a configuration error, and signed in.
        const broken = await authenticator(parent, { lang: code, 'user-pool-id': '' });
        expect(broken.querySelector('[role="alert"] strong')?.textContent, `${code} config error`).to.equal(phrase(messages, 'config.title'));
        expect(rawKeys(broken)).to.deep.equal([]);
        broken.remove();

        const now = Math.floor(Date.now() / 1000);
        const claims = { sub: 's-1', 'cognito:username': 's-1', email: 'ada@example.com', exp: now + 3600, iat: now };
        localStorage.setItem(
          `cognito-elements.${CLIENT}.tokens`,
          JSON.stringify({ idToken: jwt(claims), accessToken: jwt({ ...claims, token_use: 'access' }), refreshToken: 'r', tokenType: 'Bearer', expiresAt: Date.now() + 3600_000 }),
        );
        const signedIn = await authenticator(parent, { lang: code });
        await until(() => signedIn.getAttribute('screen') === 'signed-in' && heading(signedIn) !== undefined, 'the signed-in view');
        expect(heading(signedIn), `${code} signed in`).to.equal(phrase(messages, 'signedIn.title'));
        expect(rawKeys(signedIn)).to.deep.equal([]);
      } finally {
        off();
      }
      expect(missing, `${code}: missing phrases`).to.deep.equal([]);
    });
  }
});

describe('languages: right to left', () => {
  for (const code of ['ar', 'he'] as const) {
    it(`${code}: dir="rtl" and the layout is mirrored`, async () => {
      const el = await authenticator(container(), { lang: code });
      await until(() => el.querySelector('cognito-sign-in form') !== null, 'the sign-in form');
      const messages = await messagesOf(code);
      expect(heading(el)).to.equal(phrase(messages, 'signIn.title'));
      expect(el.querySelector('.cognito-root')!.getAttribute('dir')).to.equal('rtl');
      const input = el.querySelector<HTMLInputElement>('input[name="username"]')!;
      expect(getComputedStyle(input).direction).to.equal('rtl');
      const label = el.querySelector<HTMLLabelElement>(`label[for="${input.id}"]`)!;
      const range = document.createRange();
      range.selectNodeContents(label);
      const text = range.getBoundingClientRect();
      const box = input.getBoundingClientRect();
      expect(Math.abs(text.right - box.right), 'the label starts at the right edge').to.be.lessThan(2);
      expect(text.left - box.left, 'and ends well before the left one').to.be.greaterThan(20);
    });
  }

  it('en (the control): the label starts at the left edge', async () => {
    const el = await authenticator(container(), { lang: 'en' });
    expect(el.querySelector('.cognito-root')!.getAttribute('dir')).to.equal('ltr');
    const input = el.querySelector<HTMLInputElement>('input[name="username"]')!;
    const range = document.createRange();
    range.selectNodeContents(el.querySelector(`label[for="${input.id}"]`)!);
    expect(Math.abs(range.getBoundingClientRect().left - input.getBoundingClientRect().left)).to.be.lessThan(2);
  });

  /** Where, left to right, the "+" and the last digit of "+*******0100" are drawn inside `p`. */
  function plusAndLastDigit(p: Element): { plus: number; digit: number } {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent!.indexOf(SMS.destination);
      if (i < 0) continue;
      const at = (offset: number) => {
        const r = document.createRange();
        r.setStart(node!, offset);
        r.setEnd(node!, offset + 1);
        return r.getBoundingClientRect().left;
      };
      return { plus: at(i), digit: at(i + SMS.destination.length - 1) };
    }
    throw new Error('destination not found');
  }

  it('a masked phone number stays left to right inside right-to-left text', async () => {
    const { flow } = harness();
    const parent = container({ lang: 'ar' });
    const el = document.createElement('cognito-confirm-sign-up') as HTMLElement & { flow: unknown; state: AuthState; updateComplete: Promise<unknown> };
    el.flow = flow;
    el.state = { screen: 'confirm-sign-up', username: 'ada', busy: false, delivery: SMS };
    parent.append(el);
    await el.updateComplete;
    expect(el.getAttribute('dir')).to.equal('rtl');
    const p = [...el.querySelectorAll('p')].find((x) => x.textContent!.includes(SMS.destination))!;
    expect(p.textContent).to.contain(`\u2066${SMS.destination}\u2069`);
    const drawn = plusAndLastDigit(p);
    expect(drawn.plus, '"+" drawn first, on the left').to.be.lessThan(drawn.digit);

    // The control: the same text without the isolate is reordered by the bidi algorithm ("+" ends up on the right).
    const control = document.createElement('p');
    control.dir = 'rtl';
    control.textContent = `أرسلنا رمزًا إلى ${SMS.destination} الآن`;
    parent.append(control);
    const reordered = plusAndLastDigit(control);
    expect(reordered.plus).to.be.greaterThan(reordered.digit);
  });
});

describe('languages: switching', () => {
  it('changing lang mid-flow re-renders in place and keeps what the user typed', async () => {
    const el = await authenticator(container(), { lang: 'en' });
    type(el, 'username', 'ada');
    el.querySelector<HTMLButtonElement>('[data-action="sign-up"]')!.click();
    await until(() => el.querySelector('cognito-sign-up form') !== null, 'the sign-up form');
    const inputs = [...el.querySelectorAll<HTMLInputElement>('cognito-sign-up input')];
    expect(inputs.length).to.be.greaterThan(1);
    for (const input of inputs) if (input.name !== 'username') type(el, input.name, `typed ${input.name}`);
    const typed = inputs.map((i) => i.value);
    const form = el.querySelector('cognito-sign-up form');

    for (const code of ['de', 'he', 'ja'] as const) {
      const messages = await messagesOf(code);
      el.setAttribute('lang', code);
      await until(() => heading(el) === phrase(messages, 'signUp.title'), `the ${code} sign-up screen`);
      expect(el.language).to.equal(code);
      expect(el.querySelector('.cognito-root')!.getAttribute('dir')).to.equal(code === 'he' ? 'rtl' : 'ltr');
      expect(el.getAttribute('screen')).to.equal('sign-up');
      expect(el.querySelector('cognito-sign-up form') === form, 'the same form').to.equal(true);
      const now = [...el.querySelectorAll<HTMLInputElement>('cognito-sign-up input')];
      expect(now.length).to.equal(inputs.length);
      now.forEach((input, i) => expect(input === inputs[i], `the same ${input.name} input`).to.equal(true));
      expect(now.map((i) => i.value), 'nothing typed is lost').to.deep.equal(typed);
      expect(typed[0]).to.equal('ada');
    }
  });

  it('follows the nearest lang up the tree (the page\'s <html lang>) when the element has none', async () => {
    const html = document.documentElement;
    const before = html.getAttribute('lang');
    try {
      html.setAttribute('lang', 'fr');
      const el = await authenticator(container());
      const fr = await messagesOf('fr');
      await until(() => heading(el) === phrase(fr, 'signIn.title'), 'French');
      html.setAttribute('lang', 'pt');
      const pt = await messagesOf('pt-BR');
      await until(() => heading(el) === phrase(pt, 'signIn.title'), 'Brazilian Portuguese');
      expect(el.language).to.equal('pt-BR');
      html.setAttribute('lang', 'xx');
      await until(() => heading(el) === en.signIn.title, 'English for a language we do not ship');
    } finally {
      if (before === null) html.removeAttribute('lang');
      else html.setAttribute('lang', before);
    }
  });

  it('inside a shadow root, follows lang across it, and changes there too', async () => {
    const host = container();
    const shadow = host.attachShadow({ mode: 'open' });
    const wrapper = document.createElement('div');
    shadow.append(wrapper);
    host.setAttribute('lang', 'it');
    const el = await authenticator(wrapper);
    const it_ = await messagesOf('it');
    await until(() => heading(el) === phrase(it_, 'signIn.title'), 'Italian from the shadow host');
    wrapper.setAttribute('lang', 'zh-Hant');
    const zh = await messagesOf('zh-TW');
    await until(() => heading(el) === phrase(zh, 'signIn.title'), 'Traditional Chinese from inside the shadow root');
    expect(el.language).to.equal('zh-TW');
  });
});

describe('languages: overrides', () => {
  it('a translations property changes phrases of that element only, per language, legal text included', async () => {
    const parent = container();
    const el = await authenticator(parent, { lang: 'en', 'legal-text': 'Terms apply.' });
    const other = await authenticator(parent, { lang: 'en' });
    el.translations = {
      en: { signIn: { title: 'Welcome back' } },
      de: { signIn: { title: 'Willkommen zurück' }, legal: { text: 'Es gelten unsere AGB.' } },
    };
    await until(() => heading(el) === 'Welcome back', 'the English override');
    expect(el.querySelector('.legalText-customizable')!.textContent).to.equal('Terms apply.');
    expect(heading(other), 'another element keeps the shipped phrase').to.equal(en.signIn.title);

    el.setAttribute('lang', 'de');
    await until(() => heading(el) === 'Willkommen zurück', 'the German override');
    expect(el.querySelector('.legalText-customizable')!.textContent).to.equal('Es gelten unsere AGB.');
    const de = await messagesOf('de');
    expect(el.querySelector('.submitButton-customizable')!.textContent!.trim(), 'the rest stays German').to.equal(phrase(de, 'signIn.submit'));
  });

  it('addTranslations changes a phrase on elements already shown', async () => {
    const el = await authenticator(container(), { lang: 'da' });
    const da = await messagesOf('da');
    await until(() => heading(el) === phrase(da, 'signIn.title'), 'Danish');
    addTranslations('da', { signIn: { title: 'Log ind her' }, legal: { text: 'Vilkår gælder.' } });
    await until(() => heading(el) === 'Log ind her', 'the new Danish phrase');
    expect(el.querySelector('.legalText-customizable')!.textContent).to.equal('Vilkår gælder.');
  });
});
