// Issue 18, what users see first, on the forms: focus on the input a step exists for (item 2), password checks that do
// not scold early (3), messages in the words of the field shown (4), 44 px targets and an eye inside the field (5), the
// offline notice said once (6); and the smaller ones: a Copy button for the TOTP key, inputs read-only while a request
// runs, dir=auto on the page's legal text, CJK phrase wrapping, long emails kept whole.
import { expect } from 'chai';
import { render } from 'lit';
import { defineAll } from '../../components/index.js';
import { adoptTheme } from '../../components/styles.js';
import { frame } from '../../components/parts/frame.js';
import { authError } from '../../src/errors.js';
import type { AuthState } from '../../src/state/index.js';
import { described, harness, input, mount, settle, submit, type } from './helpers.js';
import { until } from '../support/until.js';

type Screen = HTMLElement & { updateComplete: Promise<unknown> };

before(() => defineAll());

const created: Element[] = [];
afterEach(() => {
  for (const el of created.splice(0)) el.remove();
});

/** A screen inside the authenticator's window, with the base and classic styles in place. */
async function styled(tag: string, state: AuthState | undefined, options: Parameters<typeof harness>[0] = {}, focus = false): Promise<Screen> {
  const wrap = document.createElement('div');
  wrap.className = 'cognito-theme-classic';
  document.body.append(wrap);
  created.push(wrap);
  await adoptTheme(wrap, 'classic');
  const el = document.createElement(tag) as Screen & { flow?: unknown; state?: unknown; focusOnArrival?: boolean };
  el.flow = harness(options).flow;
  if (state) el.state = state;
  el.focusOnArrival = focus;
  render(frame({}, el), wrap);
  await el.updateComplete;
  await settle();
  return el;
}

const MFA: AuthState = { screen: 'mfa-code', username: 'ada', busy: false, mfaType: 'SMS_MFA', delivery: { medium: 'SMS', destination: '+*******0100' } };

describe('item 2: focus', () => {
  it('a code step focuses its code input, which a screen reader hears with the step\'s title and description', async () => {
    const el = await styled('cognito-mfa-code', MFA, {}, true);
    const code = input(el, 'code');
    expect(document.activeElement === code, 'focus on the code').to.equal(true);
    expect(described(code)).to.contain('Verify your identity').and.to.contain('We have sent a code by text message');
  });

  it('a step without one primary input focuses its heading, with no visible ring (it is not a control)', async () => {
    const el = await styled('cognito-sign-up', { screen: 'sign-up', username: '', busy: false }, {}, true);
    const h1 = el.querySelector<HTMLElement>('h1')!;
    expect(document.activeElement === h1, 'focus on the heading').to.equal(true);
    const style = getComputedStyle(h1);
    expect(style.boxShadow).to.equal('none');
    expect(style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0).to.equal(true);
  });

  it('the first screen of a page takes no focus (focusOnArrival off)', async () => {
    const before = document.activeElement;
    await styled('cognito-mfa-code', MFA, {}, false);
    expect(document.activeElement === before).to.equal(true);
  });
});

describe('item 3: password checks', () => {
  it('neutral until something is typed; the match is checked when the confirmation is left, under it', async () => {
    const el = await styled('cognito-sign-up', { screen: 'sign-up', username: '', busy: false });
    expect(el.querySelectorAll('.passwordCheck-notValid-customizable')).to.have.length(0);
    expect(el.querySelectorAll('.cognito-check-pending').length).to.be.greaterThan(2);
    type(el, 'password', 'Correct-horse-7');
    type(el, 'confirm_password', 'Correct-horse'); // typing, still in the field
    await el.updateComplete;
    const status = el.querySelector('[data-mismatch]')!;
    expect(status.textContent!.trim(), 'nothing while typing').to.equal('');
    expect(el.querySelector('[role="alert"]')).to.equal(null);
    input(el, 'password').focus(); // leaves the confirmation
    await el.updateComplete;
    expect(status.textContent!.trim()).to.equal('The passwords do not match.');
    expect(status.compareDocumentPosition(input(el, 'confirm_password')) & Node.DOCUMENT_POSITION_PRECEDING, 'under the field').to.not.equal(0);
    expect(el.querySelector('[role="alert"]'), 'not a banner').to.equal(null);
  });
});

describe('item 4: messages name what the user sees', () => {
  it('"Enter your email address." under an Email field, never "Fill in Username."; the banner does not repeat it', async () => {
    const el = await styled('cognito-sign-in', undefined, { usernameAttributes: 'email' });
    await submit(el);
    const username = input(el, 'username');
    expect(el.querySelector(`label[for="${username.id}"]`)!.textContent!.trim()).to.equal('Email');
    expect(described(username)).to.equal('Enter your email address.');
    const message = el.querySelector<HTMLElement>('.cognito-field-error')!;
    expect(message.checkVisibility()).to.equal(true);
    expect(el.textContent).not.to.contain('Fill in');
    expect(el.querySelector<HTMLElement>('[role="alert"]')!.checkVisibility(), 'the banner hides: said once').to.equal(false);
  });

  it('"Choose a way to verify." for the MFA choice, never "Fill in Choose how to verify."', async () => {
    const el = await styled('cognito-select-mfa', {
      screen: 'select-mfa',
      username: 'ada',
      busy: false,
      options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
      error: authError('required-field', { field: 'mfa' }),
    });
    expect(el.textContent).to.contain('Choose a way to verify.');
    expect(el.textContent).not.to.contain('Fill in');
    expect(described(el.querySelector('input[name="mfa"]')!)).to.equal('Choose a way to verify.');
  });
});

describe('item 5: touch targets', () => {
  it('44 px for the eye (inside the field), link buttons, inputs and the submit button; the label row never wraps', async () => {
    const el = await styled('cognito-sign-in', undefined);
    const field = el.querySelector<HTMLElement>('.cognito-password-field')!;
    const eye = field.querySelector<HTMLElement>('[data-action="show-password"]')!;
    const box = input(el, 'password').getBoundingClientRect();
    const eyeBox = eye.getBoundingClientRect();
    expect(eyeBox.height).to.be.at.least(44);
    expect(eyeBox.width).to.be.at.least(44);
    expect(eyeBox.left >= box.left && eyeBox.right <= box.right + 0.5, 'the eye sits inside the input').to.equal(true);
    expect(eye.textContent!.trim(), 'its name is spoken').to.equal('Show password');
    eye.click();
    expect(input(el, 'password').type).to.equal('text');
    // A toggle button (WAI-ARIA APG): its name stays, aria-pressed says the state ("Hide password, pressed" contradicts).
    expect([eye.textContent!.trim(), eye.getAttribute('aria-pressed')]).to.deep.equal(['Show password', 'true']);
    for (const c of el.querySelectorAll<HTMLElement>('.cognito-link, input:not([type=hidden]), .submitButton-customizable')) {
      expect(c.getBoundingClientRect().height, c.className).to.be.at.least(44);
    }
  });
});

describe('item 6: offline', () => {
  it('the notice is styled and the screen\'s banner for the same refusal stays hidden', async () => {
    const wrap = document.createElement('div');
    wrap.className = 'cognito-theme-classic';
    document.body.append(wrap);
    created.push(wrap);
    await adoptTheme(wrap, 'classic');
    const el = document.createElement('cognito-sign-in') as Screen & { flow?: unknown; state?: unknown; focusOnArrival?: boolean };
    el.flow = harness().flow;
    el.state = { screen: 'sign-in', username: 'ada', busy: false, error: authError('offline') };
    el.focusOnArrival = false;
    render(frame({ offline: 'You are offline. Check your connection.' }, el), wrap);
    await el.updateComplete;
    const notice = wrap.querySelector<HTMLElement>('.cognito-offline')!;
    expect(notice.getAttribute('role')).to.equal('status');
    const style = getComputedStyle(notice);
    expect(style.backgroundColor, 'styled').to.not.equal('rgba(0, 0, 0, 0)');
    expect(parseFloat(style.paddingTop)).to.be.greaterThan(4);
    expect(el.querySelector<HTMLElement>('[data-error-code="offline"]')!.checkVisibility(), 'not said twice').to.equal(false);
  });
});

describe('smaller', () => {
  it('a Copy button for the TOTP key: copies it without spaces, and says so', async () => {
    const el = await styled('cognito-setup-totp', {
      screen: 'setup-totp',
      username: 'ada',
      busy: false,
      secret: 'JBSWY3DPEHPK3PXP',
      uri: 'otpauth://totp/Example:ada?secret=JBSWY3DPEHPK3PXP&issuer=Example',
      signedIn: false,
    });
    const copied: string[] = [];
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (v: string) => void copied.push(v) } });
    try {
      el.querySelector<HTMLElement>('[data-action="show-secret"]')!.click();
      await el.updateComplete;
      el.querySelector<HTMLElement>('[data-action="copy-secret"]')!.click();
      await until(() => el.querySelector('[data-copy-status]')!.textContent!.trim(), 'the copy status');
      expect(copied).to.deep.equal(['JBSWY3DPEHPK3PXP']);
      expect(el.querySelector('[data-copy-status]')!.getAttribute('role')).to.equal('status');
      expect(el.querySelector('[data-copy-status]')!.textContent!.trim()).to.equal('Key copied.');
      // The QR code and the key line up with the fields below.
      const left = input(el, 'code').getBoundingClientRect().left;
      expect(Math.abs(el.querySelector('.cognito-secret-key')!.getBoundingClientRect().left - left)).to.be.below(1);
      expect(Math.abs(el.querySelector('cognito-qr-code')!.getBoundingClientRect().left - left)).to.be.below(1);
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('inputs are read-only while a request runs, and writable again after; focus stays', async () => {
    const h = harness();
    let release!: () => void;
    h.cognito.on('initiateAuth', () => new Promise((_r, reject) => (release = () => reject(Object.assign(new Error('x'), { name: 'NotAuthorizedException' })))));
    const el = await mount<Screen>('cognito-sign-in', h.flow);
    type(el, 'username', 'ada');
    type(el, 'password', 'Pass-word-1');
    input(el, 'username').focus();
    el.querySelector('form')!.requestSubmit();
    await until(() => input(el, 'username').readOnly, 'read-only while busy');
    expect(input(el, 'password').readOnly).to.equal(true);
    expect(document.activeElement === input(el, 'username'), 'focus kept').to.equal(true);
    release();
    await until(() => !input(el, 'username').readOnly, 'writable again');
    expect(input(el, 'password').readOnly).to.equal(false);
  });

  it('dir=auto on the page\'s legal text; CJK wraps by phrase; long emails are not broken mid-word unless they must', async () => {
    const wrap = document.createElement('div');
    document.body.append(wrap);
    created.push(wrap);
    await adoptTheme(wrap, 'classic');
    render(frame({ legal: 'بالتسجيل فإنك توافق على الشروط' }, 'x'), wrap);
    const legal = wrap.querySelector('.legalText-customizable')!;
    expect(legal.getAttribute('dir')).to.equal('auto');
    const f = wrap.querySelector<HTMLElement>('.cognito-frame')!;
    expect(getComputedStyle(f).overflowWrap).to.equal('break-word');
    f.lang = 'ja';
    expect(getComputedStyle(f).wordBreak).to.equal('auto-phrase');
  });
});
