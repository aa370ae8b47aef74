import { expect } from 'chai';
import { ALLOWED_CUSTOMIZATION, MAX_CUSTOMIZATION_CSS, sanitizeCustomizationCss } from '../../components/customization.js';
import { AWS_DEFAULT_TEMPLATE } from '../fixtures/hosted-ui-css.js';

const SCOPE = 'cognito-authenticator[data-cognito-scope="t1"]';
const clean = (css: string) => sanitizeCustomizationCss(css, { scope: SCOPE });
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** Every output line is one scoped rule of an allowed selector with allowed properties only. */
function expectOnlyAllowed(css: string): void {
  for (const line of css.split('\n').filter(Boolean)) {
    const m = /^:where\(cognito-authenticator\[data-cognito-scope="t1"\]\) (\.[\w-]+(?::hover|:focus)?) \{ (.*) \}$/.exec(line);
    expect(m, `rule shape: ${line}`).to.not.equal(null);
    const allowed = ALLOWED_CUSTOMIZATION[m![1]!];
    expect(allowed, `selector ${m![1]}`).to.be.an('array');
    for (const decl of m![2]!.split(/;\s*(?=[a-z-]+:|$)/).filter(Boolean)) {
      const property = decl.slice(0, decl.indexOf(':')).trim();
      expect(allowed).to.include(property);
    }
  }
  expect(css).to.not.match(/[<>@\\'!]|expression|javascript|image-set/i);
  for (const [, url] of css.matchAll(/url\(([^)]*)\)/g)) expect(url).to.match(/^"data:image\/[\w+]+;base64,[A-Za-z0-9+/=]+"$/);
}

describe('sanitizeCustomizationCss', () => {
  it("keeps AWS's default hosted-UI CSS template whole: every rule scoped, nothing dropped", () => {
    const r = clean(AWS_DEFAULT_TEMPLATE);
    expect(r.dropped).to.deep.equal([]);
    expect(r.capped).to.equal(false);
    expect(r.error).to.equal(undefined);
    const lines = r.css.split('\n');
    expect(lines).to.have.length(18);
    expect(lines).to.include(
      ':where(cognito-authenticator[data-cognito-scope="t1"]) .submitButton-customizable { font-size: 14px; font-weight: bold; margin: 20px 0px 10px 0px; height: 40px; width: 100%; color: #fff; background-color: #337ab7; }',
    );
    expect(lines).to.include(':where(cognito-authenticator[data-cognito-scope="t1"]) .inputField-customizable:focus { border-color: #66afe9; outline: 0; }');
    expectOnlyAllowed(r.css);
    // What comes out parses as CSS, rule for rule.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(r.css);
    expect(sheet.cssRules.length).to.equal(18);
  });

  it('without a scope, rules keep the bare hosted-UI selector', () => {
    expect(sanitizeCustomizationCss('.label-customizable { color: red }').css).to.equal('.label-customizable { color: red; }');
  });

  it('drops @import, @media, @supports, @page, @font-face and @keyframes with their blocks, keeps what follows', () => {
    const r = clean(`
      @import url("https://evil.example/x.css");
      @import 'https://evil.example/y.css' screen;
      @charset "utf-8";
      @media (min-width: 1px) { .submitButton-customizable { color: red } body { display: none } }
      @supports (display: grid) { .label-customizable { color: red } }
      @page { margin: 0 }
      @font-face { font-family: x; src: url(https://evil.example/font.woff2) }
      @keyframes k { from { color: red } to { color: blue } }
      @layer cognito { .label-customizable { color: red } }
      .label-customizable { color: #123456; }
    `);
    expect(r.error).to.equal(undefined);
    expect(r.css).to.equal(':where(cognito-authenticator[data-cognito-scope="t1"]) .label-customizable { color: #123456; }');
    expect(r.dropped.join('\n')).to.contain('@import').and.contain('@media').and.contain('@supports').and.contain('@page').and.contain('@font-face');
  });

  it('refuses url() unless it is a base64 data: image, and expression(), image-set(), escapes and quotes', () => {
    const r = clean(`
      .errorMessage-customizable { background: url(javascript:alert(1)) }
      .errorMessage-customizable { background: url("https://evil.example/track.png") }
      .errorMessage-customizable { background: url(data:text/html;base64,PHNjcmlwdD4=) }
      .errorMessage-customizable { background: url("data:image/svg+xml,<svg onload=alert(1)>") }
      .errorMessage-customizable { background: -webkit-image-set("https://evil.example/a.png" 1x) }
      .errorMessage-customizable { background: image-set("https://evil.example/a.png" 1x) }
      .errorMessage-customizable { color: expression(alert(1)) }
      .errorMessage-customizable { color: ex\\70 ression(alert(1)) }
      .errorMessage-customizable { background: u\\72 l(https://evil.example/) }
      .errorMessage-customizable { color: "red" }
      .errorMessage-customizable { color: attr(title) }
      .errorMessage-customizable { background: url(${PNG}) #f5f5f5; color: #900 !important }
    `);
    expect(r.error).to.equal(undefined);
    expect(r.css).to.equal(
      `:where(cognito-authenticator[data-cognito-scope="t1"]) .errorMessage-customizable { background: url("${PNG}") #f5f5f5; color: #900; }`,
    );
    expect(r.dropped.filter((d) => d.startsWith('.errorMessage-customizable'))).to.have.length(11);
    expectOnlyAllowed(r.css);
  });

  it('refuses url(0) and every other url() that is not itself a data: image: no placeholder can be forged', () => {
    const r = clean(`
      .errorMessage-customizable { background: url(0) }
      .errorMessage-customizable { background: url( 1 ) }
      .errorMessage-customizable { background: URL("0") }
      .errorMessage-customizable { background: url(${PNG}), url(0) }
      .errorMessage-customizable { background: url("${PNG}") url(1) #fff }
      .errorMessage-customizable { background: url(data:image/png;base64,\\41 AAA) }
      .errorMessage-customizable { background: url("data:image/png;base64,AA\\"A") }
      .errorMessage-customizable { background: ur/**/l(${PNG}) }
      .errorMessage-customizable { background: url(${PNG} x) }
      .errorMessage-customizable { background: url(${PNG}
      ) #123456; color: #123 }
    `);
    expect(r.error).to.equal(undefined);
    expect(r.css).to.equal(
      `:where(cognito-authenticator[data-cognito-scope="t1"]) .errorMessage-customizable { background: url("${PNG}") #123456; color: #123; }`,
    );
    expect(r.css).to.not.match(/url\((?!"data:image)/);
    expect(r.dropped.filter((d) => d.startsWith('.errorMessage-customizable'))).to.have.length(9);
  });

  it('stops at a </style> break-out and keeps nothing after it', () => {
    const r = clean(`.label-customizable { color: red }</style><script>alert(1)</script><style>.submitButton-customizable { color: blue }`);
    expect(r.css).to.equal(':where(cognito-authenticator[data-cognito-scope="t1"]) .label-customizable { color: red; }');
    expect(r.error).to.contain('markup');
    const inValue = clean(`.label-customizable { color: red</style><script>alert(1)</script> } .submitButton-customizable { color: blue }`);
    expect(inValue.css).to.equal('');
    expect(inValue.error).to.contain('markup');
    expect(clean('<!-- .label-customizable { color: red } -->').css).to.equal('');
  });

  it('keeps only the allowed classes of a selector list: never body, *, input[type=password] or combinations', () => {
    const r = clean(`
      body { background: red }
      * { display: none }
      input[type=password] { color: transparent }
      .submitButton-customizable body { color: red }
      .background-customizable .submitButton-customizable { color: red }
      div.submitButton-customizable { color: red }
      .submitButton-customizable::after { content: "x" }
      .submitButton-customizable:focus { color: red }
      .submitButton\\2d customizable { color: red }
      #x, .submitButton-customizable, html { color: #010203 }
    `);
    expect(r.error).to.equal(undefined);
    expect(r.css).to.equal(':where(cognito-authenticator[data-cognito-scope="t1"]) .submitButton-customizable { color: #010203; }');
    const droppedSelectors = r.dropped.filter((d) => d.startsWith('selector'));
    expect(droppedSelectors).to.have.length(11);
  });

  it("keeps only the properties Cognito allows for each class", () => {
    const r = clean(`
      .submitButton-customizable { position: fixed; inset: 0; z-index: 99999; content: "x"; behavior: url(x.htc); -moz-binding: url(x);
        background-image: url(${PNG}); color: #fff; COLOR: #eee; background-color: #337ab7 }
      .label-customizable { font-weight: 700; height: 10px }
      .label-customizable, .submitButton-customizable { height: 40px }
      .textDescription-customizable { display: flex }
      .textDescription-customizable { display: block }
      .idpButton-customizable { text-align: left; margin-bottom: 2px; margin-top: 99px }
    `);
    expect(r.error).to.equal(undefined);
    expect(r.css.split('\n')).to.deep.equal([
      ':where(cognito-authenticator[data-cognito-scope="t1"]) .submitButton-customizable { color: #fff; color: #eee; background-color: #337ab7; }',
      ':where(cognito-authenticator[data-cognito-scope="t1"]) .label-customizable { font-weight: 700; }',
      ':where(cognito-authenticator[data-cognito-scope="t1"]) .submitButton-customizable { height: 40px; }',
      ':where(cognito-authenticator[data-cognito-scope="t1"]) .textDescription-customizable { display: block; }',
      ':where(cognito-authenticator[data-cognito-scope="t1"]) .idpButton-customizable { text-align: left; margin-bottom: 2px; }',
    ]);
    expect(r.dropped.some((d) => d.includes('position'))).to.equal(true);
    expect(r.dropped.some((d) => d.includes('display') && d.includes('flex'))).to.equal(true);
  });

  it('unbalanced braces: a stray } or a nested block stops parsing; an unclosed rule is dropped', () => {
    const stray = clean('.label-customizable { color: red } } .submitButton-customizable { color: blue }');
    expect(stray.css).to.equal(':where(cognito-authenticator[data-cognito-scope="t1"]) .label-customizable { color: red; }');
    expect(stray.error).to.contain('unbalanced');
    const nested = clean('.label-customizable { color: red; .submitButton-customizable { color: blue } } .legalText-customizable { color: green }');
    expect(nested.css).to.equal('');
    expect(nested.error).to.contain('nested');
    const unclosed = clean('.label-customizable { color: red } .submitButton-customizable { color: blue');
    expect(unclosed.css).to.equal(':where(cognito-authenticator[data-cognito-scope="t1"]) .label-customizable { color: red; }');
    expect(unclosed.error).to.contain('unfinished');
    const parens = clean('.label-customizable { color: rgb(1, 2, 3 } .submitButton-customizable { color: blue }');
    expect(parens.css).to.equal('');
    expect(parens.error).to.be.a('string');
  });

  it('comments never hide rules: commented-out rules stay out, comments inside rules are ignored, an open comment ends it', () => {
    const r = clean(`
      /* .submitButton-customizable { background-color: red } */
      .label-customizable /* } body { display: none */ { color: /* blue */ green }
      /*/ .legalText-customizable { color: red } /*/
      .legalText-customizable { color: #222 }
      /* never closed .submitButton-customizable { color: red }
    `);
    expect(r.css.split('\n')).to.deep.equal([
      ':where(cognito-authenticator[data-cognito-scope="t1"]) .label-customizable { color: green; }',
      ':where(cognito-authenticator[data-cognito-scope="t1"]) .legalText-customizable { color: #222; }',
    ]);
    expect(r.error).to.equal('unfinished comment');
    const inString = clean('.label-customizable { color: red; x: "/*" } .submitButton-customizable { color: blue }');
    expect(inString.css).to.contain('.submitButton-customizable { color: blue; }');
    const badString = clean('.label-customizable { color: "red\n} .submitButton-customizable { color: blue }');
    expect(badString.css).to.equal('');
    expect(badString.error).to.equal('unfinished string');
  });

  it('caps huge input, says so, and reads no more than the cap', () => {
    const rule = '.label-customizable { color: #123456 }\n';
    const huge = rule.repeat(Math.ceil((2 * 1024 * 1024) / rule.length));
    const stats = { steps: 0 };
    const r = sanitizeCustomizationCss(huge, { scope: SCOPE, stats });
    // Work counted in steps (a wall clock would fail on a busy machine): the 2 MB past the cap are never read.
    expect(stats.steps).to.be.above(0).and.at.most(MAX_CUSTOMIZATION_CSS);
    expect(r.capped).to.equal(true);
    expect(r.dropped.at(-1)).to.contain(`longer than ${MAX_CUSTOMIZATION_CSS}`);
    // Whole rules before the cap survive; the one cut by it does not.
    expect(r.css.split('\n')).to.have.length(Math.floor(MAX_CUSTOMIZATION_CSS / rule.length));
    const small = sanitizeCustomizationCss(rule.repeat(3), { maxLength: rule.length + 5 });
    expect(small.capped).to.equal(true);
    expect(small.css).to.equal('.label-customizable { color: #123456; }');
  });

  it('whatever the input, the output holds only allowed rules (hostile mixtures)', () => {
    const pieces = [
      '.submitButton-customizable{color:red}', '}', '{', '@media x{', '/*', '*/', '"', "'", '</style>', 'url(javascript:x)',
      '.label-customizable{font-weight:700', ';', 'expression(', ')', '(', '\\', 'body{color:red}', '.inputField-customizable:focus{outline:0}',
      `.errorMessage-customizable{background:url(${PNG})}`, '<script>', '@import "x";', '\n', ' ', ':', 'color:blue',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 400; n++) {
      let text = '';
      for (let k = next() % 12; k >= 0; k--) text += pieces[next() % pieces.length];
      const r = clean(text);
      expectOnlyAllowed(r.css);
    }
  });
});
