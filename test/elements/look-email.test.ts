// Issue 18, "Smaller": long emails are never broken mid-word. The signed-in view of <cognito-authenticator> at 320 px,
// with a 60-character address: lines may break after '@' or before a '.', never inside a name between them.
import { expect } from 'chai';
import { setViewport } from '@web/test-runner-commands';
import '../../components/index.js';
import { jwt } from '../support/fake-cognito.js';
import { until } from '../support/until.js';

const EMAIL = 'ada.augusta.lovelace-byron@mathematics.analytical-engine.org';
const CLIENT = 'lookemailclient';

after(() => setViewport({ width: 800, height: 600 }));

/** The line (rounded top of its box) each character of `el`'s text sits on, in order. */
function lines(el: Element): { ch: string; top: number }[] {
  const out: { ch: string; top: number }[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = [...range.getClientRects()].find((r) => r.width > 0);
      if (rect) out.push({ ch: node.data[i]!, top: Math.round(rect.top) });
    }
  }
  return out;
}

describe('long email addresses', () => {
  it('the signed-in line breaks a 60-character address only after "@" or before "." at 320 px', async () => {
    expect(EMAIL).to.have.length(60);
    await setViewport({ width: 320, height: 800 });
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 's-1', 'cognito:username': 's-1', email: EMAIL, exp: now + 3600, iat: now };
    localStorage.setItem(
      `cognito-elements.${CLIENT}.tokens`,
      JSON.stringify({ idToken: jwt(claims), accessToken: jwt({ ...claims, token_use: 'access' }), refreshToken: 'r', tokenType: 'Bearer', expiresAt: Date.now() + 3600_000 }),
    );
    const el = document.createElement('cognito-authenticator');
    for (const [k, v] of Object.entries({ endpoint: 'http://127.0.0.1:9', 'user-pool-id': 'us-east-1_TestPool1', 'client-id': CLIENT })) el.setAttribute(k, v);
    document.body.append(el);
    try {
      const line = await until(() => [...el.querySelectorAll('.cognito-signed-in p')].find((p) => p.textContent!.includes(EMAIL)), 'the "Signed in as" line');
      expect(line.textContent).to.contain(EMAIL);
      expect(line.innerHTML, 'no markup from the address').to.not.contain('<script');
      // Only the address: its characters, in order (the sentence around it may wrap anywhere a sentence wraps).
      const chars = lines(line);
      const start = chars.map((c) => c.ch).join('').indexOf(EMAIL);
      const address = chars.slice(start, start + EMAIL.length);
      expect(new Set(address.map((c) => c.top)).size, 'the address needs more than one line at 320 px').to.be.greaterThan(1);
      const broken: string[] = [];
      for (let i = 1; i < address.length; i++) {
        const [prev, cur] = [address[i - 1]!, address[i]!];
        // A new line may start after '@' or at a '.'; anywhere else it is a name cut in two.
        if (cur.top !== prev.top && prev.ch !== '@' && cur.ch !== '.') broken.push(`${EMAIL.slice(0, i)} | ${EMAIL.slice(i)}`);
      }
      expect(broken, 'line breaks inside a name').to.deep.equal([]);
      const box = line.getBoundingClientRect();
      expect(box.right, 'nothing overflows the window').to.be.at.most(320);
    } finally {
      el.remove();
      for (const key of Object.keys(localStorage)) if (key.startsWith(`cognito-elements.${CLIENT}.`)) localStorage.removeItem(key);
    }
  });
});
