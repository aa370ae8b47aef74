// The customization-css sanitizer runs on the page's main thread with text from outside the page: whatever 32 KB it
// is given, its work must stay linear in the input (counted in steps, which no busy machine can change) and it must
// write only what our rules allow, and its output must stay small. Random and adversarial inputs, in Chromium.
// Its time against the 50 ms ceiling of issue 16 is measured by `npm run bench` (customization), never asserted here:
// a wall-clock bound in a test fails on a loaded CI machine without any change to the code.
import { expect } from 'chai';
import {
  ALLOWED_CUSTOMIZATION,
  MAX_CUSTOMIZATION_CSS,
  MAX_CUSTOMIZATION_OUTPUT,
  sanitizeCustomizationCss,
  type CustomizationResult,
} from '../../components/customization.js';
import { ADVERSARIAL, ALL } from '../fixtures/hostile-css.js';

const SCOPE = 'cognito-authenticator[data-cognito-scope="f1"]';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
function timed(css: string, runs = 3): { result: CustomizationResult; ms: number; steps: number } {
  let ms = Infinity;
  let result: CustomizationResult | undefined;
  const stats = { steps: 0 };
  // The fastest of a few runs: a garbage collection or a busy CI machine can stall one, never all.
  for (let n = 0; n < runs; n++) {
    const started = performance.now();
    result = sanitizeCustomizationCss(css, { scope: SCOPE, stats });
    ms = Math.min(ms, performance.now() - started);
  }
  return { result: result!, ms, steps: stats.steps };
}

/** The output holds only scoped rules of allowed classes with allowed properties, and the browser reads it so. */
function expectValid(css: string, what: string): void {
  const lines = css ? css.split('\n') : [];
  for (const line of lines) {
    const m = /^:where\(cognito-authenticator\[data-cognito-scope="f1"\]\) (\.[\w-]+(?::hover|:focus)?) \{ (.*) \}$/.exec(line);
    expect(m, `${what}: rule shape: ${line.slice(0, 200)}`).to.not.equal(null);
    const allowed = ALLOWED_CUSTOMIZATION[m![1]!];
    expect(allowed, `${what}: selector ${m![1]}`).to.be.an('array');
    for (const decl of m![2]!.split(/;\s*(?=[a-z-]+:|$)/).filter(Boolean)) {
      expect(allowed, what).to.include(decl.slice(0, decl.indexOf(':')).trim());
    }
    const values = m![2]!.replace(/url\("data:image\/[\w+]+;base64,[A-Za-z0-9+/=]+"\)/g, '');
    expect(values, what).to.not.match(/[<>@\\'"!{}[\]]|expression|javascript|image-set|url\(/i);
  }
  for (const [, url] of css.matchAll(/url\(([^)]*)\)/g)) expect(url, what).to.match(/^"data:image\/[\w+]+;base64,[A-Za-z0-9+/=]+"$/);
  // The browser sees exactly the rules we wrote: nothing merged, nothing smuggled in between.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  expect(sheet.cssRules.length, what).to.equal(lines.length);
  for (const rule of sheet.cssRules) {
    expect(rule, what).to.be.instanceOf(CSSStyleRule);
    expect((rule as CSSStyleRule).selectorText.startsWith(`:where(${SCOPE}) .`), what).to.equal(true);
    expect((rule as CSSStyleRule).cssRules.length, what).to.equal(0);
  }
}

/** Bounds on the work and on what comes out, whatever the input. */
function expectBounded(input: string, r: CustomizationResult, steps: number, what: string): void {
  expect(r.css.length, `${what}: output size`).to.be.at.most(MAX_CUSTOMIZATION_OUTPUT);
  expect(r.dropped.length, `${what}: dropped entries`).to.be.at.most(203);
  // Linear: a small constant number of steps per input character (18 classes sharing one declaration is the most).
  expect(steps, `${what}: steps`).to.be.at.most(20 * Math.min(input.length, MAX_CUSTOMIZATION_CSS) + 100);
}

describe('sanitizeCustomizationCss under hostile input', () => {
  const times: string[] = [];
  after(() => {
    // For the record only (npm run bench measures and judges the same inputs).
    console.log(`customization-css sanitizer, slowest adversarial inputs:\n  ${times.sort().reverse().slice(0, 5).join('\n  ')}`);
  });

  for (const [name, css] of Object.entries(ADVERSARIAL)) {
    it(`${name}: linear work, bounded output, only allowed rules`, () => {
      expect(css.length, 'the input fits the cap').to.be.at.most(MAX_CUSTOMIZATION_CSS);
      expect(css.length, 'the input is big').to.be.at.least(8 * 1024);
      const { result, ms, steps } = timed(css);
      times.push(`${ms.toFixed(1).padStart(6)} ms  ${name}`);
      expectBounded(css, result, steps, name);
      expectValid(result.css, name);
    });
  }

  it('a selector list shared by many declarations is written within the output cap, and says so', () => {
    const r = sanitizeCustomizationCss(ADVERSARIAL['every class x a data: image']!, { scope: SCOPE });
    expect(r.css.length).to.be.at.most(MAX_CUSTOMIZATION_OUTPUT);
    expect(r.css).to.contain('.errorMessage-customizable { background: url("data:image/png;base64,AAAA');
    const many = sanitizeCustomizationCss(ADVERSARIAL['600 selectors x declarations']!, { scope: SCOPE });
    // One selector listed 600 times is one rule, and each declaration is checked once.
    expect(many.css.split('\n')).to.have.length(1);
    expect(many.dropped).to.deep.equal([]);
    const capped = sanitizeCustomizationCss(ADVERSARIAL['every class x declarations']!, { scope: SCOPE });
    expect(capped.css.length).to.be.at.most(MAX_CUSTOMIZATION_OUTPUT);
    expect(capped.dropped.join('\n')).to.contain(`output longer than ${MAX_CUSTOMIZATION_OUTPUT}`);
    expect(capped.dropped.at(-2)).to.match(/^… and \d+ more$/);
    expect(capped.dropped.length).to.equal(202);
  });

  it('random mixtures of CSS pieces: linear work, bounded output, only allowed rules', () => {
    const pieces = [
      ...ALL.map((s) => `${s}{`), '}', '{', ',', ';', ':', '(', ')', '[', ']', '"', "'", '\\', '\\61 ', '/*', '*/', '\n', ' ', '   ',
      '!', '!important', '@media x', '@import "x";', '<', '</style>', '-->', '<!--', 'url(', `url(${PNG})`, `url("${PNG}")`, 'url(0)',
      'url("0")', 'color:', 'background:', 'margin:', 'display:', 'red', '#fff', '1px', '-2000px', '50%', 'calc(', 'var(--a,',
      'expression(', 'image-set(', 'rgb(1,2,3)', 'a', '-', '+', '.', '*', '/', 'e', '9', 'important', 'hover', 'focus', '\u00e9', '\u0000',
    ];
    let seed = 16;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    let slowest = 0;
    for (let n = 0; n < 300; n++) {
      let text = '';
      // Mostly short mixtures; now and then one repeated to fill the cap.
      for (let k = next() % 40; k >= 0; k--) text += pieces[next() % pieces.length];
      if (n % 10 === 0) text = text.repeat(Math.floor(MAX_CUSTOMIZATION_CSS / Math.max(1, text.length)));
      const { result, ms, steps } = timed(text, n % 10 === 0 ? 3 : 1);
      slowest = Math.max(slowest, ms);
      expectBounded(text, result, steps, `random input #${n}`);
      expectValid(result.css, `random input #${n}: ${JSON.stringify(text.slice(0, 200))}`);
    }
    times.push(`${slowest.toFixed(1).padStart(6)} ms  (slowest random input)`);
  });
});
