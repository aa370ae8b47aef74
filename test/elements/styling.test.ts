// Hosted-UI CSS restyles our elements: included by the page (AWS's default template, a customer's own), or given to
// one element through customization-css (sanitized, scoped to that instance). Asserted on computed styles.
import { expect } from 'chai';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { adoptTheme, customizationReport, SCOPE_ATTRIBUTE } from '../../components/styles.js';
import { AWS_DEFAULT_TEMPLATE, CUSTOMER_CSS } from '../fixtures/hosted-ui-css.js';
import { settle } from '../support/fake-cognito.js';
import { until } from '../support/until.js';

const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const created: Element[] = [];

/** An authenticator on sign-in, with a logo, legal text and identity providers, never reaching the network. */
async function create(attrs: Record<string, string> = {}, parent: ParentNode = document.body): Promise<CognitoAuthenticator> {
  const el = document.createElement('cognito-authenticator');
  const all = {
    endpoint: 'http://127.0.0.1:9',
    'user-pool-id': 'us-east-1_TestPool1',
    'client-id': 'testclient123',
    'auth-flow': 'USER_PASSWORD_AUTH',
    storage: 'memory',
    logo: LOGO,
    'legal-text': 'Terms apply.',
    domain: 'https://auth.127.0.0.1.nip.invalid',
    'identity-providers': JSON.stringify([{ name: 'Google' }, { name: 'Okta' }]),
    ...attrs,
  };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  parent.append(el);
  created.push(el);
  await el.updateComplete;
  await settle();
  await until(() => el.querySelector('cognito-sign-in form') !== null || el.querySelector('[data-attribute]') !== null, 'sign-in');
  if (el.querySelector('[data-attribute]')) {
    // Identity providers not available in this build: plain buttons with their hosted-UI classes stand in for them.
    for (const k of ['domain', 'identity-providers']) el.removeAttribute(k);
    await until(() => el.querySelector('cognito-sign-in form') !== null, 'sign-in without identity providers');
  }
  if (!el.querySelector('.idpButton-customizable')) {
    const idp = document.createElement('div');
    idp.innerHTML = `<button type="button" class="socialButton-customizable" data-provider="Google">Continue with Google</button>
      <p class="idpDescription-customizable">Sign in with your corporate ID</p>
      <button type="button" class="idpButton-customizable" data-provider="Okta">Okta</button>`;
    el.querySelector('cognito-sign-in form')!.prepend(idp);
  }
  return el;
}

/** Shows the error message (empty sign-in) and the password checklist (sign-up, half-valid password) of `el`. */
async function errorAndChecks(el: CognitoAuthenticator): Promise<{ error: HTMLElement; valid: HTMLElement; notValid: HTMLElement }> {
  el.querySelector<HTMLButtonElement>('cognito-sign-in .cognito-form > .submitButton-customizable')!.click();
  await until(() => el.querySelector('.errorMessage-customizable') !== null, 'the error message');
  const error = el.querySelector<HTMLElement>('.errorMessage-customizable')!;
  const saved = error.cloneNode(true) as HTMLElement;
  el.querySelector<HTMLButtonElement>('[data-action="sign-up"]')!.click();
  await until(() => el.querySelector('cognito-sign-up form') !== null, 'sign-up');
  const password = el.querySelector<HTMLInputElement>('cognito-sign-up input[name="password"]')!;
  password.value = 'abc';
  password.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await until(() => el.querySelector('.passwordCheck-valid-customizable') !== null, 'a met password rule');
  // The sign-in error is gone with its screen: keep a copy in the same place to measure it.
  el.querySelector('cognito-sign-up form')!.prepend(saved);
  return {
    error: saved,
    valid: el.querySelector<HTMLElement>('.passwordCheck-valid-customizable')!,
    notValid: el.querySelector<HTMLElement>('.passwordCheck-notValid-customizable')!,
  };
}

const css = (el: Element | null) => {
  if (!el) throw new Error('element missing');
  return getComputedStyle(el);
};
/** '#D64958' or 'lightgray' -> the computed `rgb(…)` form. */
function rgb(color: string): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  document.body.append(probe);
  const value = getComputedStyle(probe).color;
  probe.remove();
  return value;
}

function pageStyle(text: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  created.push(style);
  return style;
}

// Computed styles are read right after a change: without motion, no transition is caught half-way.
before(() => emulateMedia({ reducedMotion: 'reduce' }));
after(() => emulateMedia({ reducedMotion: 'no-preference' }));

afterEach(async () => {
  for (const el of created.splice(0)) el.remove();
  await setViewport({ width: 800, height: 600 });
});

/** What the AWS default template sets, as computed styles, on `el`'s elements (sign-in screen). */
function expectAwsTemplate(el: Element): void {
  const submit = el.querySelector('cognito-sign-in .cognito-form > .submitButton-customizable');
  expect(css(submit).backgroundColor).to.equal(rgb('#337ab7'));
  expect(css(submit).color).to.equal(rgb('#fff'));
  // The template's 40 px and 34 px heights meet the 44 px touch-target floor (min-block-size), which `height` cannot undo.
  expect(css(submit).height).to.equal('44px');
  expect(css(submit).fontSize).to.equal('14px');
  expect(css(submit).marginTop).to.equal('20px');
  const input = el.querySelector('input[name="username"]');
  expect(css(input).height).to.equal('44px');
  expect(css(input).color).to.equal(rgb('#555'));
  expect(css(input).backgroundColor).to.equal(rgb('#fff'));
  expect(css(input).borderTopColor).to.equal(rgb('#ccc'));
  expect(css(input).borderTopWidth).to.equal('1px');
  expect(css(el.querySelector('cognito-sign-in .label-customizable')).fontWeight).to.equal('400');
  expect(css(el.querySelector('cognito-sign-in .textDescription-customizable')).paddingTop).to.equal('10px');
  // Except on a dark theme: there the window, the error box and the legal text keep the theme's surfaces and colours
  // (the template is written for light pages; its white window under light text would be unreadable; issue 18).
  expect(css(el.querySelector('.background-customizable')).backgroundColor).to.equal(rgb('#1b1d23'));
  expect(css(el.querySelector('.banner-customizable')).backgroundColor).to.equal(rgb('lightgray'));
  expect(css(el.querySelector('.banner-customizable')).paddingTop).to.equal('25px');
  expect(css(el.querySelector('.cognito-frame > .legalText-customizable')).color).to.equal(rgb('#b6bcc6'));
  expect(css(el.querySelector('.cognito-frame > .legalText-customizable')).fontSize).to.equal('11px');
  const idp = el.querySelector('.idpButton-customizable');
  expect(css(idp).backgroundColor).to.equal(rgb('#5bc0de'));
  expect(css(idp).color).to.equal(rgb('#fff'));
  expect(css(idp).height).to.equal('44px');
  expect(css(idp).borderTopColor).to.equal(rgb('#46b8da'));
  const social = el.querySelector('.socialButton-customizable');
  expect(css(social).textAlign).to.equal('left');
  expect(css(social).height).to.equal('44px');
  expect(css(social).borderTopLeftRadius).to.equal('2px');
  expect(css(el.querySelector('.idpDescription-customizable')).paddingTop).to.equal('10px');
}

function expectAwsTemplateMessages(parts: { error: HTMLElement; valid: HTMLElement; notValid: HTMLElement }): void {
  expect(css(parts.error).color).to.equal(rgb('#ffb4ab'));
  expect(css(parts.error).backgroundColor).to.equal(rgb('#3a1a1a'));
  expect(css(parts.error).borderTopWidth).to.equal('2px');
  expect(css(parts.error).borderTopColor).to.equal(rgb('#D64958'));
  expect(css(parts.error).fontSize).to.equal('14px');
  expect(css(parts.error).paddingTop).to.equal('5px');
  expect(css(parts.valid).color).to.equal(rgb('#19BF00'));
  expect(css(parts.notValid).color).to.equal(rgb('#DF3312'));
}

/** What CUSTOMER_CSS sets, on `el`'s elements. */
function expectCustomer(el: Element): void {
  const submit = el.querySelector('cognito-sign-in .cognito-form > .submitButton-customizable');
  expect(css(submit).backgroundColor).to.equal(rgb('#6c3483'));
  expect(css(submit).color).to.equal(rgb('#fdf6e3'));
  expect(css(submit).height).to.equal('52px');
  expect(css(submit).fontSize).to.equal('18px');
  expect(css(submit).marginTop).to.equal('24px');
  const input = el.querySelector('input[name="username"]');
  expect(css(input).height).to.equal('48px');
  expect(css(input).backgroundColor).to.equal(rgb('#eee8d5'));
  expect(css(input).color).to.equal(rgb('#002b36'));
  expect(css(input).borderTopWidth).to.equal('3px');
  expect(css(input).borderTopColor).to.equal(rgb('#268bd2'));
  const label = el.querySelector('cognito-sign-in .label-customizable');
  expect(css(label).color).to.equal(rgb('#073642'));
  expect(css(label).fontWeight).to.equal('700');
  expect(css(el.querySelector('cognito-sign-in .textDescription-customizable')).color).to.equal(rgb('#586e75'));
  expect(css(el.querySelector('.background-customizable')).backgroundColor).to.equal(rgb('#fdf6e3'));
  expect(css(el.querySelector('.banner-customizable')).backgroundColor).to.equal(rgb('#073642'));
  expect(css(el.querySelector('.cognito-frame > .legalText-customizable')).fontSize).to.equal('13px');
  const idp = el.querySelector('.idpButton-customizable');
  expect(css(idp).backgroundColor).to.equal(rgb('#1d4ed8'));
  expect(css(idp).height).to.equal('46px');
  expect(css(idp).marginBottom).to.equal('9px');
  const social = el.querySelector('.socialButton-customizable');
  expect(css(social).height).to.equal('50px');
  expect(css(social).borderTopLeftRadius).to.equal('9px');
}

function expectCustomerMessages(parts: { error: HTMLElement; valid: HTMLElement; notValid: HTMLElement }): void {
  expect(css(parts.error).color).to.equal(rgb('#7a2a0b'));
  expect(css(parts.error).backgroundColor).to.equal(rgb('#fbe9e1'));
  expect(css(parts.error).borderTopWidth).to.equal('3px');
  expect(css(parts.error).fontSize).to.equal('17px');
  expect(css(parts.valid).color).to.equal(rgb('#0b6b3a'));
  expect(css(parts.notValid).color).to.equal(rgb('#8b1a1a'));
}

/** Our classic theme's own values: what an element untouched by any hosted-UI CSS shows. */
function expectClassicTheme(el: Element): void {
  const submit = el.querySelector('cognito-sign-in .cognito-form > .submitButton-customizable');
  expect(css(submit).backgroundColor).to.equal(rgb('#337ab7'));
  expect(css(submit).height).to.equal('44px');
  expect(css(el.querySelector('input[name="username"]')).backgroundColor).to.equal(rgb('#fff'));
  expect(css(el.querySelector('input[name="username"]')).borderTopColor).to.equal(rgb('#8c8c8c'));
  expect(css(el.querySelector('cognito-sign-in .label-customizable')).fontWeight).to.equal('600');
  expect(css(el.querySelector('.background-customizable')).backgroundColor).to.equal(rgb('#fff'));
  expect(css(el.querySelector('.banner-customizable')).backgroundColor).to.equal(rgb('#d3d3d3'));
  expect(css(el.querySelector('.idpButton-customizable')).height).to.equal('44px');
}

describe('hosted-UI CSS on the page', () => {
  it("AWS's default hosted-UI CSS template restyles button, inputs, labels, texts, IdP buttons, banner and background", async () => {
    pageStyle(AWS_DEFAULT_TEMPLATE);
    // The dark theme differs from the template in every colour, so each assertion shows the page CSS winning.
    const el = await create({ theme: 'dark' });
    await adoptTheme(el, 'dark');
    expectAwsTemplate(el);
    expectAwsTemplateMessages(await errorAndChecks(el));
  });

  it("AWS's template sets outline: 0 on focused inputs; focus stays visible", async () => {
    pageStyle(AWS_DEFAULT_TEMPLATE);
    const el = await create();
    const input = el.querySelector<HTMLInputElement>('input[name="username"]')!;
    input.focus();
    expect(css(input).outlineStyle === 'none' || css(input).outlineColor === 'rgba(0, 0, 0, 0)').to.equal(true);
    expect(css(input).borderTopColor).to.equal(rgb('#66afe9'));
    expect(css(input).boxShadow).to.contain(rgb('#337ab7'));
  });

  it("a customer's own hosted-UI CSS restyles every customizable class", async () => {
    pageStyle(CUSTOMER_CSS);
    const el = await create();
    expectCustomer(el);
    const input = el.querySelector<HTMLInputElement>('input[name="username"]')!;
    input.focus();
    expect(css(input).borderTopColor).to.equal(rgb('#d33682'));
    expectCustomerMessages(await errorAndChecks(el));
  });

  it('a page override of a --cognito-* custom property retunes the theme', async () => {
    pageStyle('cognito-authenticator.brand { --cognito-color-primary: #7b1fa2; --cognito-radius-control: 0px; }');
    const el = await create({ class: 'brand' });
    const submit = el.querySelector('cognito-sign-in .cognito-form > .submitButton-customizable');
    expect(css(submit).backgroundColor).to.equal(rgb('#7b1fa2'));
    expect(css(submit).borderTopLeftRadius).to.equal('0px');
  });
});

describe('customization-css', () => {
  it('restyles only its own element: a second authenticator on the page stays untouched', async () => {
    const styled = await create({ 'customization-css': CUSTOMER_CSS });
    const plain = await create();
    expectCustomer(styled);
    expectClassicTheme(plain);
    expect(styled.getAttribute(SCOPE_ATTRIBUTE)).to.match(/^[\w-]+$/);
    expect(plain.hasAttribute(SCOPE_ATTRIBUTE)).to.equal(false);
    expect(customizationReport(styled)!.dropped).to.deep.equal([]);
    expectCustomerMessages(await errorAndChecks(styled));
    const plainParts = await errorAndChecks(plain);
    expect(css(plainParts.valid).color).to.equal(rgb('#117a00'));
    expect(css(plainParts.error).color).to.equal(rgb('#b12a3a'));
  });

  it("AWS's default template through customization-css, on one of two elements", async () => {
    const styled = await create({ theme: 'dark', 'customization-css': AWS_DEFAULT_TEMPLATE });
    const plain = await create({ theme: 'dark' });
    await adoptTheme(plain, 'dark');
    expectAwsTemplate(styled);
    expect(css(plain.querySelector('.background-customizable')).backgroundColor).to.equal(rgb('#1b1d23'));
    expect(css(plain.querySelector('cognito-sign-in .cognito-form > .submitButton-customizable')).backgroundColor).to.equal(rgb('#8ab4f8'));
    expectAwsTemplateMessages(await errorAndChecks(styled));
  });

  it('is applied without any <style> element (CSP-safe), follows changes, and leaves with the element', async () => {
    const styles = document.querySelectorAll('style').length;
    const el = await create({ 'customization-css': '.submitButton-customizable { background-color: #123456 }' });
    const submit = () => el.querySelector('cognito-sign-in .cognito-form > .submitButton-customizable');
    expect(document.querySelectorAll('style').length).to.equal(styles);
    expect(el.querySelector('style')).to.equal(null);
    expect(css(submit()).backgroundColor).to.equal(rgb('#123456'));
    const sheets = document.adoptedStyleSheets.length;
    el.setAttribute('customization-css', '.submitButton-customizable { background-color: #654321 }');
    await el.updateComplete;
    expect(css(submit()).backgroundColor).to.equal(rgb('#654321'));
    expect(document.adoptedStyleSheets.length).to.equal(sheets);
    el.remove();
    expect(document.adoptedStyleSheets.length).to.equal(sheets - 1);
    document.body.append(el);
    await el.updateComplete;
    expect(css(submit()).backgroundColor).to.equal(rgb('#654321'));
    el.removeAttribute('customization-css');
    await el.updateComplete;
    expect(css(submit()).backgroundColor).to.equal(rgb('#337ab7'));
    expect(el.hasAttribute(SCOPE_ATTRIBUTE)).to.equal(false);
    expect(document.adoptedStyleSheets.length).to.equal(sheets - 1);
  });

  it('hostile CSS reaches nothing outside its element and is reported', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const el = await create({
        'customization-css': `body { display: none } * { color: red } input[type=password] { background: red }
          @import url("https://evil.example/x.css");
          .submitButton-customizable { position: fixed; inset: 0; background-color: #0f5132; background: url(https://evil.example/t.png) }
          </style><style>body { display: none }`,
      });
      expect(css(document.body).display).to.equal('block');
      expect(css(document.querySelector('#mocha') ?? document.body).color).to.not.equal(rgb('red'));
      const submit = el.querySelector('cognito-sign-in .cognito-form > .submitButton-customizable');
      expect(css(submit).backgroundColor).to.equal(rgb('#0f5132'));
      expect(css(submit).position).to.equal('static');
      const report = customizationReport(el)!;
      expect(report.error).to.contain('markup');
      expect(report.dropped.length).to.be.greaterThan(4);
      expect(String(warnings[0]?.[0])).to.contain('customization-css');
    } finally {
      console.warn = warn;
    }
  });

  it('huge customization-css is capped, and the element says so', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const el = await create({ 'customization-css': `.submitButton-customizable { background-color: #0f5132 }\n${'.label-customizable { color: #111 }\n'.repeat(20000)}` });
      expect(customizationReport(el)!.capped).to.equal(true);
      expect(String(warnings[0]?.[0])).to.contain('capped');
      expect(css(el.querySelector('cognito-sign-in .cognito-form > .submitButton-customizable')).backgroundColor).to.equal(rgb('#0f5132'));
    } finally {
      console.warn = warn;
    }
  });
});

describe('themes and layout', () => {
  it('adopts base and classic once per root, a lazy theme on first use, and styles inside a shadow root too', async () => {
    const before = document.adoptedStyleSheets.length;
    await create();
    await create();
    const afterTwo = document.adoptedStyleSheets.length;
    await create();
    expect(document.adoptedStyleSheets.length).to.equal(afterTwo);
    expect(afterTwo - before).to.be.at.most(3);
    const host = document.createElement('div');
    document.body.append(host);
    created.push(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = await create({ theme: 'modern' }, shadow);
    await adoptTheme(inner, 'modern');
    expect(shadow.adoptedStyleSheets.length).to.be.greaterThan(2);
    expect(css(inner.querySelector('cognito-sign-in .cognito-form > .submitButton-customizable')).backgroundColor).to.equal(rgb('#4f46e5'));
  });

  it('prefers-reduced-motion: no transitions, and a slower spinner', async () => {
    const el = await create();
    const submit = el.querySelector('cognito-sign-in .cognito-form > .submitButton-customizable');
    const spinner = document.createElement('span');
    spinner.className = 'cognito-spinner';
    el.querySelector('.cognito-content')!.append(spinner);
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(css(submit).transitionDuration).to.not.match(/^0s(, 0s)*$/);
    expect(css(spinner).animationDuration).to.equal('0.8s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(css(submit).transitionDuration).to.match(/^0s(, 0s)*$/);
    expect(css(el.querySelector('input[name="username"]')).transitionDuration).to.match(/^0s(, 0s)*$/);
    expect(css(spinner).animationDuration).to.equal('3s');
  });

  it('mirrors for right-to-left: the password toggle and the error bar change sides', async () => {
    const el = await create();
    const field = el.querySelector<HTMLElement>('cognito-sign-in .cognito-password-field')!;
    const label = () => field.querySelector('label')!.getBoundingClientRect();
    const toggle = () => field.querySelector('.cognito-show-password')!.getBoundingClientRect();
    // The eye sits inside the input, at its end: right in LTR, left in RTL.
    const input = () => field.querySelector('input')!.getBoundingClientRect();
    expect(Math.abs(toggle().right - input().right)).to.be.below(2);
    el.querySelector<HTMLElement>('.cognito-frame')!.dir = 'rtl';
    field.closest('form')!.dir = 'rtl';
    expect(Math.abs(toggle().left - input().left)).to.be.below(2);
    expect(label().right).to.be.closeTo(input().right, 2);
    expect(css(el.querySelector('cognito-sign-in .textDescription-customizable')).textAlign).to.equal('start');
  });

  it('fits 320 px without horizontal scrolling, and 640 px (1280 px at 200% zoom)', async () => {
    for (const width of [320, 640]) {
      await setViewport({ width, height: 800 });
      const el = await create({ theme: 'modern' });
      await adoptTheme(el, 'modern');
      const frame = el.querySelector<HTMLElement>('.cognito-frame')!;
      expect(frame.getBoundingClientRect().width, `frame at ${width}`).to.be.at.most(width);
      expect(document.documentElement.scrollWidth, `page at ${width}`).to.be.at.most(width);
      for (const child of el.querySelectorAll<HTMLElement>('input, button, p, label')) {
        expect(child.getBoundingClientRect().right, `${child.className} at ${width}`).to.be.at.most(frame.getBoundingClientRect().right + 0.5);
      }
      el.remove();
    }
  });
});
