// Issue 18, items 7–10: logos on the dark banner (logo-dark, or a light plate), identity providers laid out as users
// expect, AWS's default hosted-UI CSS unable to undo sizes, the invalid state, AA contrast or the "or" rules, and a
// modern theme that is a layout, not a recolour.
import { expect } from 'chai';
import { render } from 'lit';
import { defineAll } from '../../components/index.js';
import { adoptTheme, applyCustomization } from '../../components/styles.js';
import { frame } from '../../components/parts/frame.js';
import { authError } from '../../src/errors.js';
import type { AuthState } from '../../src/state/index.js';
import type { AuthOptions } from '../../src/config.js';
import { AWS_DEFAULT_TEMPLATE } from '../fixtures/hosted-ui-css.js';
import { harness, input, settle } from './helpers.js';
import { until } from '../support/until.js';

type Screen = HTMLElement & { updateComplete: Promise<unknown> };
const LOGO = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="40" height="10"/%3E';
const LOGO_DARK = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="41" height="10"/%3E';
const PROVIDERS = { domain: 'https://auth.example.com', identityProviders: [{ name: 'Google' }, { name: 'LoginWithAmazon' }, { name: 'SignInWithApple' }] };

before(() => defineAll());
const created: Element[] = [];
afterEach(() => {
  for (const el of created.splice(0)) el.remove();
});

/** A screen in the authenticator's window, themed, optionally under hosted-UI CSS. */
async function styled(theme: string, tag: string, state: AuthState | undefined, options: AuthOptions = {}, css?: string): Promise<Screen> {
  const wrap = document.createElement('div');
  wrap.className = `cognito-theme-${theme}`;
  document.body.append(wrap);
  created.push(wrap);
  await adoptTheme(wrap, theme);
  if (css) {
    applyCustomization(wrap, css);
    await until(() => wrap.hasAttribute('data-cognito-scope'), 'the hosted-UI CSS applied');
  }
  const el = document.createElement(tag) as Screen & { flow?: unknown; state?: unknown; focusOnArrival?: boolean };
  el.flow = harness(options).flow;
  if (state) el.state = state;
  el.focusOnArrival = false;
  render(frame({ logo: LOGO, theme, legal: 'Terms apply.' }, el), wrap);
  await el.updateComplete;
  await settle();
  return el;
}

// WCAG 2.x contrast of two computed rgb() colours.
function rgb(c: string): number[] {
  // color-mix() computes to color(srgb r g b) with channels in 0–1.
  const srgb = /color\(srgb ([^)]+)\)/.exec(c);
  if (srgb) return srgb[1]!.split(/[\s/]+/).filter(Boolean).map((v, i) => (i < 3 ? Number(v) * 255 : Number(v)));
  return /rgba?\(([^)]+)\)/.exec(c)![1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
}
function lum([r, g, b]: number[]): number {
  const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
}
function contrast(a: string, b: string): number {
  const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}
/** The first opaque background at or above `el`. */
function background(el: Element): string {
  for (let n: Element | null = el; n; n = n.parentElement) {
    const bg = getComputedStyle(n).backgroundColor;
    if (!bg.startsWith('rgba') || rgb(bg)[3] !== 0) return bg;
  }
  return 'rgb(255, 255, 255)';
}

describe('item 7: logos on a dark theme', () => {
  it('theme="dark" shows logo-dark on the dark banner', async () => {
    const wrap = document.createElement('div');
    wrap.className = 'cognito-theme-dark';
    document.body.append(wrap);
    created.push(wrap);
    await adoptTheme(wrap, 'dark');
    render(frame({ logo: LOGO, logoDark: LOGO_DARK, theme: 'dark' }, 'x'), wrap);
    const img = wrap.querySelector<HTMLImageElement>('.logo-customizable')!;
    expect(img.getAttribute('src')).to.equal(LOGO_DARK);
    expect(getComputedStyle(img).backgroundColor, 'no plate behind a logo drawn for dark').to.equal('rgba(0, 0, 0, 0)');
  });

  it('without logo-dark, the light logo sits on a light plate that stands out from the dark banner', async () => {
    const el = await styled('dark', 'cognito-sign-in', undefined);
    const img = el.closest('.cognito-frame')!.querySelector<HTMLImageElement>('.logo-customizable')!;
    const plate = getComputedStyle(img).backgroundColor;
    const banner = getComputedStyle(img.closest('.banner-customizable')!).backgroundColor;
    expect(contrast(plate, banner)).to.be.at.least(3);
  });

  it('theme="auto" lets the colour scheme pick: a <picture> with the dark source', async () => {
    const wrap = document.createElement('div');
    document.body.append(wrap);
    created.push(wrap);
    render(frame({ logo: LOGO, logoDark: LOGO_DARK, theme: 'auto' }, 'x'), wrap);
    const source = wrap.querySelector('picture source')!;
    expect(source.getAttribute('media')).to.equal('(prefers-color-scheme: dark)');
    expect(source.getAttribute('srcset')).to.equal(LOGO_DARK);
    expect(wrap.querySelector('picture img')!.getAttribute('src')).to.equal(LOGO);
  });
});

describe('item 8: identity providers', () => {
  it('no "or" with nothing above it (idp-routing="auto", providers reached from the username)', async () => {
    const el = await styled('classic', 'cognito-sign-in', undefined, {
      domain: 'https://auth.example.com',
      usernameAttributes: 'email',
      idpRouting: 'auto',
      identityProviders: [{ name: 'Okta', identifiers: ['acme.com'] }],
    });
    expect(el.querySelector('.cognito-idp')).to.equal(null);
    expect(el.querySelector('.cognito-or')).to.equal(null);
  });

  it('email-domain routing: one primary button, not two identical "Sign in" buttons', async () => {
    const el = await styled('classic', 'cognito-sign-in', undefined, {
      domain: 'https://auth.example.com',
      usernameAttributes: 'email',
      identityProviders: [{ name: 'Okta', identifiers: ['acme.com'] }],
    });
    const primaries = [...el.querySelectorAll('.submitButton-customizable')];
    expect(primaries).to.have.length(1);
    const sso = el.querySelector<HTMLElement>('[data-action="idp-email"]')!;
    expect(sso.textContent!.trim()).to.equal('Continue with single sign-on');
    expect(sso.textContent!.trim()).to.not.equal(primaries[0]!.textContent!.trim());
  });

  it('the sentence about passwords comes after the provider buttons; the marks line up', async () => {
    const el = await styled('classic', 'cognito-sign-in', undefined, { ...PROVIDERS, usernameAttributes: 'email' });
    const subtitle = [...el.querySelectorAll('p.textDescription-customizable')].find((p) => p.textContent!.includes('Sign in with your email and password'))!;
    const buttons = el.querySelector('.cognito-idp')!;
    expect(buttons.compareDocumentPosition(subtitle) & Node.DOCUMENT_POSITION_FOLLOWING, 'subtitle after the buttons').to.not.equal(0);
    const or = el.querySelector('.cognito-or')!;
    expect(or.compareDocumentPosition(subtitle) & Node.DOCUMENT_POSITION_FOLLOWING, 'subtitle after "or"').to.not.equal(0);
    const lefts = [...el.querySelectorAll('.cognito-idp-mark')].map((m) => Math.round(m.getBoundingClientRect().left));
    expect(lefts).to.have.length(3);
    expect(new Set(lefts).size, `mark positions ${lefts.join(', ')}`).to.equal(1);
  });
});

describe("item 9: AWS's default hosted-UI CSS", () => {
  it('cannot shrink inputs and buttons below 44 px, erase the invalid state, drop error text below AA or hide the "or" rules', async () => {
    const el = await styled(
      'classic',
      'cognito-sign-in',
      { screen: 'sign-in', username: '', busy: false, error: authError('user-not-found', { field: 'username' }) },
      PROVIDERS,
      AWS_DEFAULT_TEMPLATE,
    );
    for (const c of el.querySelectorAll<HTMLElement>('input:not([type=hidden]), .submitButton-customizable, .socialButton-customizable')) {
      expect(c.getBoundingClientRect().height, c.className).to.be.at.least(44);
    }
    const username = input(el, 'username');
    expect(getComputedStyle(username).boxShadow, 'the invalid marker, focused').to.contain('inset');
    username.blur();
    expect(getComputedStyle(username).boxShadow, 'the invalid marker').to.contain('inset');
    const message = el.querySelector<HTMLElement>('.cognito-field-error .cognito-error-text')!;
    expect(contrast(getComputedStyle(message).color, background(message)), 'error text').to.be.at.least(4.5);
    const or = el.querySelector<HTMLElement>('.cognito-or')!;
    expect(or.classList.contains('textDescription-customizable')).to.equal(false);
    const rule = getComputedStyle(or, '::before');
    expect(rule.borderTopWidth).to.equal('1px');
    expect(parseFloat(rule.width), 'the rule has a length').to.be.greaterThan(10);
  });

  it('cannot clip a provider button whose label wraps in a narrow window (its fixed height grows with the text)', async () => {
    for (const theme of ['classic', 'modern', 'dark']) {
      const el = await styled(theme, 'cognito-sign-in', { screen: 'sign-in', username: '', busy: false }, PROVIDERS, AWS_DEFAULT_TEMPLATE);
      const f = el.closest<HTMLElement>('.cognito-frame')!;
      // 320 px phones: the window and its padding leave the buttons about 250 px, where "Continue with Google" wraps.
      f.style.inlineSize = '200px';
      const buttons = [...el.querySelectorAll<HTMLElement>('.socialButton-customizable, .idpButton-customizable')];
      const spilling = () => buttons.filter((b) => b.scrollHeight > b.clientHeight + 1).map((b) => `${theme}: "${b.textContent?.trim()}"`);
      // The layout settles within a frame or two of the resize; a label that still spills after that is the bug.
      await until(() => spilling().length === 0, { what: 'every provider label inside its button', timeout: 1000 }).catch(() => undefined);
      expect(spilling(), 'labels spilling out of their buttons').to.deep.equal([]);
    }
  });

  it("provider buttons read at AA under the template's colours (#fff on #5bc0de is shaded); passing ones untouched", async () => {
    const options = { ...PROVIDERS, identityProviders: [...PROVIDERS.identityProviders, { name: 'Okta' }] };
    for (const theme of ['classic', 'modern', 'dark']) {
      const el = await styled(theme, 'cognito-sign-in', { screen: 'sign-in', username: '', busy: false }, options, AWS_DEFAULT_TEMPLATE);
      const buttons = [...el.querySelectorAll<HTMLElement>('.socialButton-customizable, .idpButton-customizable')];
      expect(buttons, theme).to.have.length(4);
      // What a user sees behind the text: the page's background colour under the overlay (background-image), if any.
      const seen = (b: HTMLElement) => {
        const style = getComputedStyle(b);
        const layer = /rgba?\([^)]+\)/.exec(style.backgroundImage)?.[0];
        const bg = rgb(background(b));
        if (!layer) return contrast(style.color, background(b));
        const [r, g, bl, a = 1] = rgb(layer);
        const mixed = [r!, g!, bl!].map((v, i) => v * a + bg[i]! * (1 - a));
        return contrast(style.color, `rgb(${mixed.join(', ')})`);
      };
      const low = () => buttons.filter((b) => seen(b) < 4.5).map((b) => `${theme} "${b.textContent?.trim()}": ${seen(b).toFixed(2)}`);
      await until(() => low().length === 0, { what: 'every provider button at 4.5:1', timeout: 1000 }).catch(() => undefined);
      expect(low(), 'provider buttons below AA').to.deep.equal([]);
      const okta = el.querySelector<HTMLElement>('[data-provider="Okta"]')!;
      expect(getComputedStyle(okta).backgroundColor, "the page's colour kept").to.equal('rgb(91, 192, 222)');
      expect(okta.hasAttribute('data-cognito-lift'), 'the shaded one is marked').to.equal(true);
      for (const b of el.querySelectorAll<HTMLElement>('.socialButton-customizable')) {
        expect(b.hasAttribute('data-cognito-lift'), `${theme} ${b.dataset.provider} passes as it is`).to.equal(false);
        expect(getComputedStyle(b).backgroundImage).to.equal('none');
      }
    }
  });

  it("the password field's eye keeps 3:1 against what is behind it (the template's white input, dark theme)", async () => {
    const el = await styled('dark', 'cognito-sign-in', { screen: 'sign-in', username: '', busy: false }, {}, AWS_DEFAULT_TEMPLATE);
    const eye = el.querySelector<HTMLElement>('[data-action="show-password"]')!;
    const field = input(el, 'password');
    expect(getComputedStyle(field).backgroundColor, "the template's input").to.equal('rgb(255, 255, 255)');
    // The eye is drawn over the input: behind it is its own plate where it has an opaque one, else the input.
    const plate = getComputedStyle(eye).backgroundColor;
    const behind = rgb(plate)[3] === 0 || plate === 'rgba(0, 0, 0, 0)' ? getComputedStyle(field).backgroundColor : plate;
    const eyeBox = eye.querySelector('svg')!.getBoundingClientRect();
    const fieldBox = field.getBoundingClientRect();
    expect(eyeBox.left >= fieldBox.left && eyeBox.right <= fieldBox.right, 'the eye inside the input').to.equal(true);
    expect(contrast(getComputedStyle(eye).color, behind), `eye ${getComputedStyle(eye).color} on ${behind}`).to.be.at.least(3);
  });

  it("the template's error banner text still reads at AA (4.5:1)", async () => {
    const el = await styled('classic', 'cognito-sign-in', { screen: 'sign-in', username: 'ada', busy: false, error: authError('incorrect-credentials') }, {}, AWS_DEFAULT_TEMPLATE);
    const text = el.querySelector<HTMLElement>('[role="alert"] .cognito-error-text')!;
    expect(contrast(getComputedStyle(text).color, background(text))).to.be.at.least(4.5);
  });
});

describe('item 10: modern is a layout', () => {
  it('logo in the card, a centred title, a muted description and a clear type scale', async () => {
    const el = await styled('modern', 'cognito-mfa-code', { screen: 'mfa-code', username: 'ada', busy: false, mfaType: 'SOFTWARE_TOKEN_MFA' });
    const f = el.closest('.cognito-frame')!;
    expect(getComputedStyle(f.querySelector('.banner-customizable')!).backgroundColor, 'no banner strip').to.equal('rgba(0, 0, 0, 0)');
    const h1 = getComputedStyle(el.querySelector('h1')!);
    const desc = getComputedStyle(el.querySelector('h1')!.parentElement!.nextElementSibling!);
    const label = getComputedStyle(el.querySelector('label')!);
    expect(h1.textAlign).to.equal('center');
    expect(desc.textAlign).to.equal('center');
    expect(desc.color, 'muted').to.not.equal(h1.color);
    const [h, d, l] = [h1, desc, label].map((s) => parseFloat(s.fontSize));
    expect(h! >= 1.75 * d!, `title ${h} vs description ${d}`).to.equal(true);
    expect(d! > l!, `description ${d} vs label ${l}`).to.equal(true);
  });
});
