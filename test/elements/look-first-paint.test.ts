// Issue 18, item 1, a slow network: before the script arrives, the page's private children stay hidden and the card's
// space is kept (themes/preload.css, the README's snippet); once it is there, no screen paints before its theme's
// sheet, so a theme="dark" page never flashes a white card.
import { expect } from 'chai';
import preloadCss from '../../themes/preload.css?inline';
import { until } from '../support/until.js';

const sheet = new CSSStyleSheet();
sheet.replaceSync(preloadCss);

const created: Element[] = [];
afterEach(() => {
  for (const el of created.splice(0)) el.remove();
});

function authenticator(attrs: Record<string, string>, child?: string): HTMLElement {
  const el = document.createElement('cognito-authenticator');
  const all = { endpoint: 'http://127.0.0.1:9', 'user-pool-id': 'us-east-1_TestPool1', 'client-id': 'testclient123', storage: 'memory', lang: 'en', ...attrs };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  if (child) el.innerHTML = `<p class="private">${child}</p>`;
  document.body.append(el);
  created.push(el);
  return el;
}

describe('a slow network', () => {
  it('before the element is defined: its children are hidden and the card keeps its space (preload.css)', async () => {
    // First in this file, and nothing above imports the elements: <cognito-authenticator> is not defined yet.
    expect(customElements.get('cognito-authenticator')).to.equal(undefined);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const el = authenticator({}, 'Only signed-in users see this');
    const secret = el.querySelector<HTMLElement>('.private')!;
    expect(secret.checkVisibility(), 'the private child before the script').to.equal(false);
    expect(el.getBoundingClientRect().height, 'the card space kept').to.be.at.least(400);

    await import('../../components/index.js');
    await until(() => el.querySelector('form[data-screen="sign-in"]'), 'the sign-in form');
    expect(secret.checkVisibility(), 'the private child, signed out').to.equal(false);
  });

  it('theme="dark": the first render paints no white card; the window shows once the dark sheet is in', async () => {
    const { adoptTheme } = await import('../../components/styles.js');
    const el = authenticator({ theme: 'dark' }) as HTMLElement & { updateComplete: Promise<unknown> };
    // The first render, before the lazily loaded dark sheet has arrived.
    await el.updateComplete;
    const frame = await until(() => el.querySelector<HTMLElement>('.cognito-frame'), 'the window');
    const style = getComputedStyle(frame);
    const painted = style.visibility === 'visible';
    expect(!painted || style.backgroundColor === 'rgb(27, 29, 35)', `painted as ${style.backgroundColor} before the theme`).to.equal(true);
    await adoptTheme(el, 'dark');
    await until(() => getComputedStyle(frame).visibility === 'visible', 'the window shown once the theme is in');
    expect(getComputedStyle(frame).backgroundColor).to.equal('rgb(27, 29, 35)');
  });

  it('the classic default paints at once (its sheet comes with the element)', async () => {
    const el = authenticator({}) as HTMLElement & { updateComplete: Promise<unknown> };
    await el.updateComplete;
    const frame = await until(() => el.querySelector<HTMLElement>('.cognito-frame'), 'the window');
    expect(getComputedStyle(frame).visibility).to.equal('visible');
  });
});
