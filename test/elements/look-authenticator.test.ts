// Issue 18 items 6, 7 and "dir=auto", through <cognito-authenticator> itself (needs g18-authenticator.patch: the
// authenticator draws its window with components/parts/frame.ts). Copy to test/elements/look-authenticator.test.ts.
import { expect } from 'chai';
import '../../components/index.js';
import { adoptTheme } from '../../components/styles.js';
import { until } from '../support/until.js';

const LOGO = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="40" height="10"/%3E';
const LOGO_DARK = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="41" height="10"/%3E';
const created: Element[] = [];
afterEach(() => {
  for (const el of created.splice(0)) el.remove();
});

async function authenticator(attrs: Record<string, string>): Promise<HTMLElement> {
  const el = document.createElement('cognito-authenticator');
  const all = { endpoint: 'http://127.0.0.1:9', 'user-pool-id': 'us-east-1_TestPool1', 'client-id': 'testclient123', storage: 'memory', ...attrs };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  document.body.append(el);
  created.push(el);
  await until(() => el.querySelector('form[data-screen="sign-in"]'), 'the sign-in form');
  return el;
}

describe('<cognito-authenticator>: its window', () => {
  it('logo-dark on theme="dark"; logo elsewhere', async () => {
    const dark = await authenticator({ theme: 'dark', logo: LOGO, 'logo-dark': LOGO_DARK });
    await adoptTheme(dark, 'dark');
    expect(dark.querySelector('.logo-customizable')!.getAttribute('src')).to.equal(LOGO_DARK);
    const light = await authenticator({ logo: LOGO, 'logo-dark': LOGO_DARK });
    expect(light.querySelector('.logo-customizable')!.getAttribute('src')).to.equal(LOGO);
  });

  it('the legal text takes its own direction (dir=auto); the signed-in view does not', async () => {
    const el = await authenticator({ 'legal-text': 'بالتسجيل فإنك توافق على الشروط' });
    expect(el.querySelector('.legalText-customizable')!.getAttribute('dir')).to.equal('auto');
  });

  it('offline: one styled notice (role=status) above the form', async () => {
    const el = await authenticator({});
    const online = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      const notice = await until(() => el.querySelector<HTMLElement>('.cognito-offline'), 'the offline notice');
      expect(notice.getAttribute('role')).to.equal('status');
      expect(getComputedStyle(notice).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
      Object.defineProperty(Navigator.prototype, 'onLine', online);
      window.dispatchEvent(new Event('online'));
    }
  });
});
