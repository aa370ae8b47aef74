// What `npm publish` would ship: `npm pack` on the built package. It must hold the builds, the types, the manifest and
// the themes, and nothing else: no tests, fixtures, sources, node_modules or source maps of dependencies. And its
// types must work for a TypeScript app that installs it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureBuild, root } from '../../scripts/ensure-build.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Every file path package.json points at (main, module, types, customElements, each condition of each export). */
function pointedAt() {
  const paths = [pkg.main, pkg.module, pkg.types, pkg.customElements];
  const walk = (value) => {
    if (typeof value === 'string') paths.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  return paths.filter((p) => typeof p === 'string' && !p.includes('*')).map((p) => p.replace(/^\.\//, ''));
}

/**
 * `npm pack`s the package and installs the tarball into a scratch app, with the package's dependencies linked from
 * this repository's node_modules (each package linked one by one, scopes as real folders, so nothing is ever written
 * through a link into the repository). Returns the app's folder; done once per run.
 */
let scratchApp;
function installedApp() {
  if (scratchApp) return scratchApp;
  const work = mkdtempSync(path.join(tmpdir(), 'cognito-elements-pack-'));
  const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .trim()
    .split('\n')
    .at(-1);
  const app = path.join(work, 'app');
  const modules = path.join(app, 'node_modules');
  const installed = path.join(modules, 'cognito-elements');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', installed, '--strip-components=1']);
  for (const dep of readdirSync(path.join(root, 'node_modules'))) {
    if (dep.startsWith('.')) continue;
    if (dep.startsWith('@')) {
      mkdirSync(path.join(modules, dep), { recursive: true });
      for (const scoped of readdirSync(path.join(root, 'node_modules', dep))) {
        symlinkSync(path.join(root, 'node_modules', dep, scoped), path.join(modules, dep, scoped));
      }
    } else {
      symlinkSync(path.join(root, 'node_modules', dep), path.join(modules, dep));
    }
  }
  scratchApp = { work, app, modules };
  return scratchApp;
}

function typecheck(app, name, compilerOptions, source) {
  writeFileSync(path.join(app, name), source);
  const config = path.join(app, `tsconfig.${name}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'bundler',
        strict: true,
        noEmit: true,
        types: [],
        // Check the package's own declarations too, as an app without skipLibCheck would.
        skipLibCheck: false,
        ...compilerOptions,
      },
      files: [name],
    }),
  );
  return spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', config], { encoding: 'utf8' });
}

describe('npm pack', () => {
  let files;

  before(() => {
    ensureBuild();
    const out = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    files = JSON.parse(out)[0].files.map((f) => f.path);
  });

  after(() => {
    if (scratchApp) rmSync(scratchApp.work, { recursive: true, force: true });
  });

  test('ships the npm build, the script-tag build and the framework entries', () => {
    for (const f of ['dist/index.js', 'dist/engine.js', 'dist/react.js', 'dist/vue.js', 'dist/cdn/cognito-elements.js']) {
      assert.ok(files.includes(f), `${f} is missing`);
    }
    // The script-tag build's lazy chunks ship beside it.
    const entry = readFileSync(path.join(root, 'dist/cdn/cognito-elements.js'), 'utf8');
    for (const [, chunk] of entry.matchAll(/["'`]\.\/(chunks\/[\w.-]+\.js)["'`]/g)) {
      assert.ok(files.includes(`dist/cdn/${chunk}`), `dist/cdn/${chunk} (imported by the CDN entry) is missing`);
    }
  });

  test('ships every file package.json points at', () => {
    const missing = pointedAt().filter((p) => !files.includes(p));
    assert.deepEqual(missing, [], `package.json points at files the tarball lacks: ${missing.join(', ')}`);
  });

  test('ships the type declarations, the React and Vue typings and the custom elements manifest', () => {
    for (const f of [
      'dist/types/components/index.d.ts',
      'dist/types/components/types.d.ts',
      'dist/types/src/index.d.ts',
      'dist/types/typings/react.d.ts',
      'dist/types/typings/vue.d.ts',
      'dist/custom-elements.json',
    ]) {
      assert.ok(files.includes(f), `${f} is missing`);
    }
    assert.equal(pkg.customElements, 'dist/custom-elements.json');
  });

  test('the manifest documents every element the package defines, with its events', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'dist', 'custom-elements.json'), 'utf8'));
    const declared = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    const tags = declared.map((d) => d.tagName).sort();
    const defined = [];
    const scan = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) scan(file);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
          for (const [, tag] of readFileSync(file, 'utf8').matchAll(/customElements\.define\(\s*'([a-z-]+)'/g)) defined.push(tag);
        }
      }
    };
    scan(path.join(root, 'components'));
    assert.deepEqual(tags, [...new Set(defined)].sort());
    const authenticator = declared.find((d) => d.tagName === 'cognito-authenticator');
    assert.deepEqual(
      authenticator.events.map((e) => e.name).sort(),
      ['cognito-error', 'cognito-screen-change', 'cognito-signed-in', 'cognito-signed-out', 'cognito-signed-up', 'cognito-tokens-refreshed'],
    );
    assert.ok(authenticator.attributes.some((a) => a.name === 'user-pool-id' && a.fieldName === 'userPoolId'));
    // Every event of every element has a name (an IDE lists a nameless one as "undefined").
    const nameless = declared.filter((d) => (d.events ?? []).some((e) => !e.name)).map((d) => d.tagName);
    assert.deepEqual(nameless, []);
    const account = declared.find((d) => d.tagName === 'cognito-account');
    assert.deepEqual(account.events.map((e) => e.name).sort(), ['cognito-account-updated', 'cognito-error']);
  });

  test('ships the themes', () => {
    const themes = readdirSync(path.join(root, 'themes')).filter((f) => f.endsWith('.css'));
    assert.ok(themes.length > 0, 'themes/ holds no .css file');
    for (const theme of themes) assert.ok(files.includes(`themes/${theme}`), `themes/${theme} is missing`);
    assert.ok(pkg.exports['./themes/*.css'], 'package.json exports no ./themes/*.css');
  });

  test('ships no tests, fixtures, sources, benches, node_modules or source maps of dependencies', () => {
    const unwanted = files.filter(
      (f) =>
        // sources and tooling at the top level (dist/types/src/ is declarations, fine)
        /^(src|components|test|bench|demo|scripts)\//.test(f) ||
        // tests, fixtures and dependencies anywhere
        /(^|\/)(test|tests|__tests__|fixtures|node_modules)\//.test(f) ||
        /\.(test|spec)\.[cm]?[jt]sx?$/.test(f) ||
        // dot files (.cognito/, .test-summary.json, …)
        /(^|\/)\.[^/]+/.test(f),
    );
    assert.deepEqual(unwanted, []);
    for (const map of files.filter((f) => f.endsWith('.map'))) {
      const sources = JSON.parse(readFileSync(path.join(root, map), 'utf8')).sources ?? [];
      const foreign = sources.filter((s) => s.includes('node_modules/'));
      assert.deepEqual(foreign, [], `${map} maps dependency sources`);
    }
  });

  test('no shipped declaration imports a package the package does not depend on', () => {
    // An app gets only `dependencies` installed: a .d.ts naming anything else (a devDependency such as an SDK whose
    // types were borrowed, a package reached only through a dependency) breaks for it, and the scratch app below links
    // every devDependency, so its type check cannot see this.
    const allowed = new Set([pkg.name, ...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    // Each framework's typings entry is imported only by apps that use that framework.
    const perFile = { 'dist/types/typings/react.d.ts': ['react'], 'dist/types/typings/vue.d.ts': ['vue'] };
    const declarations = files.filter((f) => f.endsWith('.d.ts'));
    assert.ok(declarations.length > 0, 'the tarball holds no .d.ts');
    const foreign = [];
    for (const file of declarations) {
      const source = readFileSync(path.join(root, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/(?!\/).*$/gm, '');
      const specifiers = [
        ...source.matchAll(/\b(?:from|import|require)\s*\(?\s*['"]([^'"]+)['"]/g),
        ...source.matchAll(/\/\/\/\s*<reference\s+types\s*=\s*['"]([^'"]+)['"]/g),
      ].map((m) => m[1]);
      for (const specifier of specifiers) {
        if (specifier.startsWith('.') || specifier.startsWith('/')) continue;
        const name = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
        if (allowed.has(name) || perFile[file]?.includes(name)) continue;
        foreign.push(`${file} imports '${specifier}'`);
      }
    }
    assert.deepEqual(foreign, [], `shipped declarations import packages missing from "dependencies":\n${foreign.join('\n')}`);
  });

  test("the packed types work in a TypeScript app: the tag map, the events' detail, the engine", () => {
    const { app } = installedApp();
    const tsc = typecheck(
      app,
      'app.ts',
      {},
      `import { CognitoAuthenticator, type SignedInDetail, type CognitoErrorDetail } from 'cognito-elements';
import { AuthFlow, parseConfig } from 'cognito-elements/engine';

const el = document.querySelector('cognito-authenticator');
if (el) {
  const typed: CognitoAuthenticator = el;
  typed.config = { userPoolId: 'us-east-1_AbCdEf123', clientId: 'abc' };
  el.addEventListener('cognito-signed-in', (e) => {
    const detail: SignedInDetail = e.detail;
    const email: unknown = e.detail.claims.email;
    void detail, email;
    // @ts-expect-error the detail has no such field
    void e.detail.nope;
  });
  el.addEventListener('cognito-error', (e) => { const code: CognitoErrorDetail['code'] = e.detail.code; void code; });
}
document.addEventListener('cognito-signed-out', (e) => { const reason: string = e.detail.reason; void reason; });
// A lazily loaded screen is typed too.
const signUp: HTMLElementTagNameMap['cognito-sign-up'] = document.createElement('cognito-sign-up');
void signUp.flow;
const flow = new AuthFlow(parseConfig({ userPoolId: 'us-east-1_AbCdEf123', clientId: 'abc' }));
void flow.state.screen;
`,
    );
    assert.equal(tsc.status, 0, `tsc on an app using the packed types:\n${tsc.stdout}${tsc.stderr}`);
  });

  // React is no dependency of the package, but @types/react is a devDependency of this repository, so the scratch app
  // (which links every installed package) type-checks the React typings on every run, a fresh clone included.
  test('the packed React 19 typings type-check JSX props and cognito-* event handlers', () => {
    const { app, modules } = installedApp();
    assert.ok(existsSync(path.join(modules, '@types', 'react', 'index.d.ts')), '@types/react (a devDependency) is not installed: run npm ci');
    const tsc = typecheck(
      app,
      'app.tsx',
      { jsx: 'react-jsx' },
      `import 'cognito-elements/react';
import 'cognito-elements/account';
export const App = () => (
  <cognito-authenticator userPoolId="us-east-1_AbCdEf123" clientId="abc" user-pool-id="us-east-1_AbCdEf123"
    config={{ userPoolId: 'us-east-1_AbCdEf123', clientId: 'abc' }}
    oncognito-signed-in={(e) => { const email: unknown = e.detail.claims.email; void email; }}>
    <p>Only signed-in users see this.</p>
  </cognito-authenticator>
);
// @ts-expect-error hideSignUp is a boolean
export const WrongProp = () => <cognito-authenticator hideSignUp="yes" />;
// @ts-expect-error the detail has no such field
export const WrongDetail = () => <cognito-authenticator oncognito-signed-in={(e) => e.detail.nope} />;
// The account elements (cognito-elements/account) type their events too.
export const Account = () => (
  <cognito-account for="auth"
    oncognito-account-updated={(e) => { const change: string = e.detail.change; void change; }}
    oncognito-error={(e) => { const section: string | undefined = e.detail.section; void section; }} />
);
// @ts-expect-error the account's detail has no such field
export const WrongAccountDetail = () => <cognito-account oncognito-account-updated={(e) => e.detail.nope} />;
`,
    );
    assert.equal(tsc.status, 0, `tsc on a React app using the packed typings:\n${tsc.stdout}${tsc.stderr}`);
  });
});
