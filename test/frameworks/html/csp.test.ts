// The script-tag build under a strict CSP header (no unsafe-inline, no unsafe-eval): it renders, signs in against
// the emulator, switches screens and theme, and not one securitypolicyviolation is recorded.
import { expect } from 'chai';
import { seed } from '../../e2e/env.js';
import { until } from '../../support/until.js';

describe('strict Content-Security-Policy', () => {
  it('the script-tag build works with zero CSP violations', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '480px';
    frame.style.height = '720px';
    frame.src = '/test/frameworks/html/csp.html';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as Window & typeof globalThis & { __cspViolations: string[] };
      const el = frame.contentDocument!.querySelector<HTMLElement>('cognito-authenticator')!;
      const signedIn: unknown[] = [];
      el.addEventListener('cognito-signed-in', (e) => signedIn.push((e as CustomEvent).detail));
      await until(() => el.querySelector('form[data-screen="sign-in"]') !== null, { what: 'the sign-in form', timeout: 15000 });
      // The policy really is in force: an inline script is refused (and recorded).
      expect(win.__cspViolations, 'no violation before the probe').to.deep.equal([]);
      // Other screens (lazy chunks) and the themes' stylesheets load under the policy too.
      el.querySelector<HTMLButtonElement>('[data-action="sign-up"]')!.click();
      await until(() => el.querySelector('cognito-sign-up form') !== null, { what: 'sign-up', timeout: 15000 });
      el.querySelector<HTMLButtonElement>('cognito-sign-up [data-action="sign-in"]')!.click();
      await until(() => el.querySelector('form[data-screen="sign-in"]') !== null, { what: 'sign-in again', timeout: 15000 });
      const user = seed.users.signin!;
      const set = (name: string, value: string) => {
        const input = el.querySelector<HTMLInputElement>(`form [name="${name}"]`)!;
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      };
      set('username', user.email);
      set('password', user.password);
      el.querySelector<HTMLButtonElement>('form .submitButton-customizable')!.click();
      await until(() => signedIn.length > 0, { what: 'cognito-signed-in', timeout: 15000 });
      expect(getComputedStyle(el.querySelector('.background-customizable') ?? el).display).to.not.equal('');
      expect(win.__cspViolations).to.deep.equal([]);
      // A control: an inline script in this page is blocked, so the check above can fail.
      const script = frame.contentDocument!.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      frame.contentDocument!.body.append(script);
      await until(() => win.__cspViolations.length > 0, { what: 'the control violation', timeout: 15000 });
      expect((win as unknown as { __inlineRan?: boolean }).__inlineRan).to.equal(undefined);
    } finally {
      frame.remove();
    }
  });
});
