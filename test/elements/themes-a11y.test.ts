// Every screen in every theme (classic, modern, dark, auto in a light and a dark colour scheme): axe-core with zero
// violations, plus WCAG AA contrast computed here from computed colours for text, inputs, buttons, focus rings and
// error text, and a password checklist that does not rely on colour alone.
import { expect } from 'chai';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../components/index.js';
import { defineAll } from '../../components/index.js';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import { adoptTheme, applyCustomization } from '../../components/styles.js';
import { AWS_DEFAULT_TEMPLATE } from '../fixtures/hosted-ui-css.js';
import { authError, type AuthErrorCode } from '../../src/errors.js';
import type { AuthState } from '../../src/state/index.js';
import { harness, jwt, settle } from '../support/fake-cognito.js';
import { expectAccessible } from './helpers.js';
import { until } from '../support/until.js';

interface Variant {
  name: string;
  theme: 'classic' | 'modern' | 'dark' | 'auto';
  scheme: 'light' | 'dark';
  /** The surface colour this variant must show (proves the theme really applied). */
  surface: string;
}
const VARIANTS: Variant[] = [
  { name: 'classic', theme: 'classic', scheme: 'light', surface: '#ffffff' },
  { name: 'modern', theme: 'modern', scheme: 'light', surface: '#ffffff' },
  { name: 'dark', theme: 'dark', scheme: 'light', surface: '#1b1d23' },
  { name: 'auto (light scheme)', theme: 'auto', scheme: 'light', surface: '#ffffff' },
  { name: 'auto (dark scheme)', theme: 'auto', scheme: 'dark', surface: '#1b1d23' },
];

const err = (code: AuthErrorCode, field?: string) => authError(code, field ? { field } : {});
const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** One state per screen, with an error, a notice or a half-valid password wherever the screen has one. */
const SCREENS: { tag: string; state: AuthState; password?: boolean }[] = [
  { tag: 'cognito-sign-in', state: { screen: 'sign-in', username: 'ada', busy: false, notice: 'password-changed', error: err('incorrect-credentials') } },
  { tag: 'cognito-sign-up', state: { screen: 'sign-up', username: '', busy: false, error: err('username-exists', 'username') }, password: true },
  {
    tag: 'cognito-confirm-sign-up',
    state: { screen: 'confirm-sign-up', username: 'ada', busy: false, delivery: { medium: 'EMAIL', destination: 'a***@e***.com' }, error: err('code-mismatch', 'code') },
  },
  { tag: 'cognito-forgot-password', state: { screen: 'forgot-password', username: '', busy: false, notice: 'password-reset-required' } },
  {
    tag: 'cognito-confirm-forgot-password',
    state: { screen: 'confirm-forgot-password', username: 'ada', busy: false, delivery: { medium: 'SMS', destination: '+*******0100' } },
    password: true,
  },
  {
    tag: 'cognito-new-password',
    state: { screen: 'new-password', username: 'ada', busy: false, requiredAttributes: ['given_name', 'phone_number'], userAttributes: {} },
    password: true,
  },
  { tag: 'cognito-select-mfa', state: { screen: 'select-mfa', username: 'ada', busy: false, options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] } },
  { tag: 'cognito-setup-mfa', state: { screen: 'setup-mfa', username: 'ada', busy: false, options: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] } },
  {
    tag: 'cognito-setup-totp',
    state: {
      screen: 'setup-totp',
      username: 'ada',
      busy: false,
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
      uri: 'otpauth://totp/Example:ada?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example',
      signedIn: false,
    },
  },
  { tag: 'cognito-setup-sms', state: { screen: 'setup-sms', username: 'ada', busy: true } },
  { tag: 'cognito-mfa-code', state: { screen: 'mfa-code', username: 'ada', busy: false, mfaType: 'SMS_MFA', delivery: { medium: 'SMS', destination: '+*******0100' } } },
];

const created: Element[] = [];
afterEach(() => {
  for (const el of created.splice(0)) el.remove();
});
before(async () => {
  await defineAll();
  await emulateMedia({ reducedMotion: 'reduce' });
});
after(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));

// --- colour maths (WCAG 2.x) ---
type RGBA = [number, number, number, number];
function parse(color: string): RGBA {
  // color-mix() (the error text) computes to color(srgb r g b [/ a]), channels 0–1.
  const srgb = /color\(srgb ([^)]+)\)/.exec(color);
  if (srgb) {
    const [r, g, b, a] = srgb[1]!.split(/[\s/]+/).filter(Boolean).map(Number);
    return [r! * 255, g! * 255, b! * 255, a ?? 1];
  }
  const m = /rgba?\(([^)]+)\)/.exec(color);
  if (!m) throw new Error(`cannot parse colour ${color}`);
  const [r, g, b, a] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
  return [r!, g!, b!, a ?? 1];
}
function hex(color: string): RGBA {
  const h = color.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)).concat(1) as RGBA;
}
function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as RGBA;
}
function luminance([r, g, b]: RGBA): number {
  const c = [r, g, b].map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}
function contrast(a: RGBA, b: RGBA): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}
/** The opaque colour behind `el`'s content: its own background and its ancestors', composited. */
function backgroundOf(el: Element): RGBA {
  const layers: RGBA[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const bg = parse(getComputedStyle(node).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] === 1) break;
  }
  return layers.reduceRight<RGBA>((below, layer) => over(layer, below), [255, 255, 255, 1]);
}
const label = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent?.trim().slice(0, 30)}"`;

/** Text (4.5:1), input and button boundaries (3:1) and focus rings (3:1) inside `root`. */
async function expectContrast(root: Element, where: string): Promise<void> {
  const failures: string[] = [];
  const texts = root.querySelectorAll<HTMLElement>(
    'h1, h2, p, label, legend, li, button, input:not([type=hidden]):not([type=radio]), code, .errorMessage-customizable, .cognito-error-text, .cognito-check-icon',
  );
  for (const el of texts) {
    if (!el.checkVisibility() || !el.textContent?.trim() && el.tagName !== 'INPUT') continue;
    // A message's words are in its .cognito-error-text, which has a colour of its own: that is the text to measure.
    if (el.querySelector(':scope > .cognito-error-text') && !el.querySelector(':scope > :not(.cognito-error-text, .cognito-retry)')) continue;
    const fg = over(parse(getComputedStyle(el).color), backgroundOf(el));
    const ratio = contrast(fg, backgroundOf(el));
    if (ratio < 4.5) failures.push(`text ${label(el)}: ${ratio.toFixed(2)}`);
  }
  // At rest: a focused input's edge is its focus ring, checked below.
  (document.activeElement as HTMLElement | null)?.blur();
  for (const el of root.querySelectorAll<HTMLElement>('.inputField-customizable')) {
    if (!el.checkVisibility()) continue;
    // The boundary is the border, or the outline drawn over it (the floor hosted-UI CSS's `border` cannot lighten).
    const style = getComputedStyle(el);
    const surround = backgroundOf(el.parentElement!);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 ? contrast(over(parse(style.outlineColor), surround), surround) : 0;
    const ratio = Math.max(contrast(over(parse(style.borderTopColor), surround), surround), outline);
    if (ratio < 3) failures.push(`input border ${label(el)}: ${ratio.toFixed(2)}`);
  }
  for (const el of root.querySelectorAll<HTMLElement>('.submitButton-customizable, .idpButton-customizable, .socialButton-customizable')) {
    const style = getComputedStyle(el);
    const surround = backgroundOf(el.parentElement!);
    const edge = Math.max(contrast(backgroundOf(el), surround), contrast(over(parse(style.borderTopColor), surround), surround));
    if (edge < 3) failures.push(`button boundary ${label(el)}: ${edge.toFixed(2)}`);
  }
  // Controls only: a heading takes focus from the script alone (to be read out) and shows no ring (issue 18).
  for (const el of root.querySelectorAll<HTMLElement>('input:not([type=hidden]), button:not(:disabled)')) {
    if (!el.checkVisibility()) continue;
    el.focus();
    const style = getComputedStyle(el);
    const rings = [...style.boxShadow.matchAll(/rgba?\([^)]+\)/g)].map((m) => parse(m[0]));
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 ? parse(style.outlineColor) : undefined;
    const surround = backgroundOf(el.parentElement!);
    const best = Math.max(0, ...rings.map((c) => contrast(over(c, surround), surround)), outline ? contrast(over(outline, surround), surround) : 0);
    if (best < 3) failures.push(`focus ring ${label(el)}: ${best.toFixed(2)}`);
    el.blur();
  }
  expect(failures, `${where}:\n${failures.join('\n')}`).to.deep.equal([]);
}

/** A screen in the frame the authenticator draws, inside a container of the theme's class. */
async function framed(variant: Variant, tag: string, state: AuthState, css?: string): Promise<HTMLElement> {
  const wrap = document.createElement('div');
  wrap.className = `cognito-theme-${variant.theme}`;
  wrap.innerHTML = `<div class="background-customizable cognito-frame">
      <div class="banner-customizable"><img class="logo-customizable" alt="" src="${LOGO}"></div>
      <div class="cognito-content"></div>
      <p class="legalText-customizable">Terms and conditions apply.</p>
    </div>`;
  const el = document.createElement(tag) as HTMLElement & { flow?: unknown; state?: unknown; focusOnArrival?: boolean; updateComplete?: Promise<unknown> };
  el.flow = harness({ usernameAttributes: 'email' }).flow;
  el.state = state;
  el.focusOnArrival = false;
  wrap.querySelector('.cognito-content')!.append(el);
  document.body.append(wrap);
  created.push(wrap);
  await adoptTheme(wrap, variant.theme);
  if (css) {
    applyCustomization(wrap, css);
    await until(() => wrap.hasAttribute('data-cognito-scope'), 'the hosted-UI CSS applied');
  }
  await el.updateComplete;
  await settle();
  return wrap;
}

for (const variant of VARIANTS) {
  describe(`theme ${variant.name}`, () => {
    // Each call sets every emulated feature: reduced motion (no transition caught half-way) goes along each time.
    before(() => emulateMedia({ colorScheme: variant.scheme, reducedMotion: 'reduce' }));

    for (const { tag, state, password } of SCREENS) {
      it(`${state.screen}: axe, contrast, focus`, async () => {
        const wrap = await framed(variant, tag, state);
        expect(getComputedStyle(wrap.querySelector('.cognito-frame')!).backgroundColor).to.equal(
          `rgb(${hex(variant.surface).slice(0, 3).join(', ')})`,
        );
        if (password) {
          const input = wrap.querySelector<HTMLInputElement>('input[name="password"]')!;
          input.value = 'abcdefgh';
          input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
          await settle();
          const valid = wrap.querySelectorAll('.passwordCheck-valid-customizable');
          const notValid = wrap.querySelectorAll('.passwordCheck-notValid-customizable');
          expect(valid.length).to.be.greaterThan(0);
          expect(notValid.length).to.be.greaterThan(0);
          // Not colour alone: a different icon and a spoken state for met and unmet rules.
          for (const li of [...valid, ...notValid]) {
            const icon = li.querySelector('.cognito-check-icon')!;
            const spoken = li.querySelector('.cognito-visually-hidden')!;
            expect(icon.textContent!.trim()).to.equal(li.classList.contains('passwordCheck-valid-customizable') ? '✓' : '✗');
            expect(spoken.textContent!.trim()).to.have.length.greaterThan(2);
          }
          expect(valid[0]!.querySelector('.cognito-visually-hidden')!.textContent).to.not.equal(
            notValid[0]!.querySelector('.cognito-visually-hidden')!.textContent,
          );
        }
        if (state.screen === 'setup-totp') {
          wrap.querySelector<HTMLButtonElement>('[data-action="show-secret"]')!.click();
          // Check the screen as a user sees it once ready: the secret shown and the QR code drawn.
          await until(() => wrap.querySelector('.cognito-secret-key') && wrap.querySelector('.cognito-qr[data-status="ready"] svg'), 'the secret and the QR code');
        }
        await expectAccessible(wrap);
        await expectContrast(wrap, `${variant.name} ${state.screen}`);
      });
    }

    it('the authenticator itself: identity providers, config error and signed-in view', async () => {
      const make = async (attrs: Record<string, string>) => {
        const el = document.createElement('cognito-authenticator') as CognitoAuthenticator;
        for (const [k, v] of Object.entries({ endpoint: 'http://127.0.0.1:9', theme: variant.theme, logo: LOGO, 'legal-text': 'Terms apply.', ...attrs })) {
          el.setAttribute(k, v);
        }
        document.body.append(el);
        created.push(el);
        await el.updateComplete;
        await adoptTheme(el, variant.theme);
        await until(() => el.querySelector('form, [role="alert"], .cognito-signed-in'), 'the first render');
        await settle();
        return el;
      };
      const signIn = await make({
        'user-pool-id': 'us-east-1_TestPool1',
        'client-id': 'testclient123',
        storage: 'memory',
        domain: 'https://auth.example.invalid',
        'identity-providers': JSON.stringify([{ name: 'Google' }, { name: 'Okta' }]),
      });
      // The identity providers are part of what is checked: a configuration error here is a failure, not a reason to
      // check the plain form instead.
      expect(signIn.querySelector('[data-attribute]'), 'no configuration error').to.equal(null);
      const providers = await until(() => {
        const buttons = [...signIn.querySelectorAll<HTMLButtonElement>('button[data-provider]')];
        return buttons.length === 2 && buttons;
      }, 'the Google and Okta buttons');
      expect(providers.map((b) => b.dataset.provider)).to.deep.equal(['Google', 'Okta']);
      expect(signIn.querySelector('form[data-screen="sign-in"] input[name="username"]'), 'the sign-in form beside them').to.not.equal(null);
      expect(getComputedStyle(signIn.querySelector('.cognito-frame')!).backgroundColor).to.equal(`rgb(${hex(variant.surface).slice(0, 3).join(', ')})`);
      await expectAccessible(signIn);
      await expectContrast(signIn, `${variant.name} authenticator sign-in`);

      const broken = await make({ 'client-id': 'testclient123' });
      expect(broken.querySelector('.errorMessage-customizable')).to.not.equal(null);
      await expectAccessible(broken);
      await expectContrast(broken, `${variant.name} configuration error`);

      const client = `themes${variant.name.replace(/\W/g, '')}`;
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: 's-1', 'cognito:username': 's-1', email: 'ada@example.com', exp: now + 3600, iat: now };
      localStorage.setItem(
        `cognito-elements.${client}.tokens`,
        JSON.stringify({ idToken: jwt(claims), accessToken: jwt({ ...claims, token_use: 'access' }), refreshToken: 'r', tokenType: 'Bearer', expiresAt: Date.now() + 3600_000 }),
      );
      try {
        const signedIn = await make({ 'user-pool-id': 'us-east-1_TestPool1', 'client-id': client });
        await until(() => signedIn.querySelector('.cognito-signed-in'), 'the signed-in view');
        await expectAccessible(signedIn);
        await expectContrast(signedIn, `${variant.name} signed in`);
      } finally {
        for (const key of Object.keys(localStorage)) if (key.startsWith(`cognito-elements.${client}.`)) localStorage.removeItem(key);
      }
    });
  });
}

// Most pools have AWS's default hosted-UI CSS (issue 18, item 9): every screen stays axe-clean and AA under it, in every
// theme. The template's own colours (the light-grey banner, #D64958 error text) are what the page asked for; the
// elements keep what it would break: 44 px floors, the invalid marker, AA error text.
describe("with AWS's default hosted-UI CSS", () => {
  for (const variant of VARIANTS) {
    describe(`theme ${variant.name}`, () => {
      before(() => emulateMedia({ colorScheme: variant.scheme, reducedMotion: 'reduce' }));
      for (const { tag, state } of SCREENS) {
        it(`${state.screen}: axe and contrast`, async () => {
          const wrap = await framed(variant, tag, state, AWS_DEFAULT_TEMPLATE);
          // The template's 34 px inputs did apply (its height); the floors held.
          for (const input of wrap.querySelectorAll<HTMLElement>('.inputField-customizable')) {
            if (input.checkVisibility()) expect(input.getBoundingClientRect().height).to.be.at.least(44);
          }
          if (state.screen === 'setup-totp') {
            wrap.querySelector<HTMLButtonElement>('[data-action="show-secret"]')!.click();
            await until(() => wrap.querySelector('.cognito-secret-key') && wrap.querySelector('.cognito-qr[data-status="ready"] svg'), 'the secret and the QR code');
          }
          await expectAccessible(wrap);
          await expectContrast(wrap, `${variant.name} + AWS template, ${state.screen}`);
        });
      }
    });
  }
});

describe('320 px wide, and 1280 px at 200% zoom (640 px)', () => {
  after(() => setViewport({ width: 800, height: 600 }));
  for (const width of [320, 640]) {
    it(`every screen fits ${width} px: nothing cut off, no horizontal scrolling`, async () => {
      await setViewport({ width, height: 900 });
      for (const { tag, state } of SCREENS) {
        const wrap = await framed(VARIANTS[1]!, tag, state);
        const frame = wrap.querySelector('.cognito-frame')!.getBoundingClientRect();
        expect(frame.width, `${state.screen} frame`).to.be.at.most(width);
        expect(document.documentElement.scrollWidth, `${state.screen} page`).to.be.at.most(width);
        for (const el of wrap.querySelectorAll<HTMLElement>('h1, p, label, input:not([type=hidden]), button, li, code, svg')) {
          const box = el.getBoundingClientRect();
          if (!box.width) continue;
          expect(box.left >= frame.left - 0.5 && box.right <= frame.right + 0.5, `${state.screen}: ${label(el)} inside the frame`).to.equal(true);
        }
        wrap.remove();
      }
    });
  }
});

describe('theme="auto" follows prefers-color-scheme live', () => {
  it('switches between the classic and dark surfaces as the scheme changes', async () => {
    const el = document.createElement('cognito-authenticator');
    for (const [k, v] of Object.entries({ endpoint: 'http://127.0.0.1:9', theme: 'auto', 'user-pool-id': 'us-east-1_TestPool1', 'client-id': 'testclient123', storage: 'memory' })) {
      el.setAttribute(k, v);
    }
    document.body.append(el);
    created.push(el);
    await adoptTheme(el, 'auto');
    await until(() => el.querySelector('.cognito-frame'), 'the frame');
    const surface = () => getComputedStyle(el.querySelector('.cognito-frame')!).backgroundColor;
    await emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    expect(surface()).to.equal('rgb(27, 29, 35)');
    expect(getComputedStyle(el.querySelector('.cognito-frame')!).colorScheme).to.equal('dark');
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    expect(surface()).to.equal('rgb(255, 255, 255)');
  });
});
