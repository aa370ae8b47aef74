#!/usr/bin/env node
// Benchmarks, run in headless Chromium (/usr/bin/chromium or $CHROME_PATH); results are merged into bench/results.json.
//
//   npm run bench              every bench
//   npm run bench -- srp       only the named ones
//
//   srp    SRP time per sign-in, ours against amazon-cognito-identity-js, in Chromium and in Node
//   customization  the customization-css sanitizer on adversarial 32 KB inputs, slowest first (target < 50 ms)
//   size   bytes (raw, gzip -9, brotli) of the script-tag build: what an English page fetches in Chromium until idle,
//          before its form is usable, and through a sign-in with TOTP (scripts/page-bytes.js); (a) and (b) of
//          scripts/size.js (the same numbers `npm test` holds to their targets)
//   scale  50 authenticators on one page (render, blocking, typing latency); 200 attach/detach cycles (heap,
//          listeners, timers, DOM nodes: slope per cycle); see scripts/bench-scale.js
//   load   navigation start -> interactive sign-in form, median of cold loads, ours against Amplify's React
//          <Authenticator> (bench/amplify: its own package.json, installed and built here on first use)
//
// Each bench is { name, run(context) } and returns { table rows, json }; the browser and the static server are
// started lazily, only if a bench asks for them, and always torn down.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, stop as stopEsbuild } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { ensureBuild } from './ensure-build.js';
import { benchScale } from './bench-scale.js';
import { measurePageBytes } from './page-bytes.js';
import { kb, measureCdn, screenNames, SIZE_TARGETS } from './size.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = process.env.SHARED_DIR ?? path.resolve(root, '..', 'shared');
const resultsFile = path.join(root, 'bench', 'results.json');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// ------------------------------------------------------------------------------------------------------------------
// The benches
// ------------------------------------------------------------------------------------------------------------------

const SRP_ITERATIONS = 50;
const SRP_WARMUP = 5;
const SRP_TARGET_RATIO = 12;

/** The inputs of one recorded sign-in (SRP_VECTOR, default user-srp-01) from the shared SRP vectors. */
async function srpInput() {
  const vectors = JSON.parse(await readFile(path.join(sharedDir, 'srp-vectors.json'), 'utf8'));
  const vector = vectors.find((v) => v.id === (process.env.SRP_VECTOR ?? 'user-srp-01'));
  if (!vector) throw new Error(`no SRP vector ${process.env.SRP_VECTOR}`);
  const input = {
    userPoolId: vector.userPoolId,
    userIdForSrp: vector.username,
    password: vector.password,
    aHex: vector.aHex,
    timestamp: vector.timestamp,
    challenge: {
      SRP_B: vector.challenge.SRP_B,
      SALT: vector.challenge.SALT,
      SECRET_BLOCK: vector.challenge.SECRET_BLOCK,
    },
  };
  return { vector, input };
}

/** Runs bench/srp-work.ts in this Node process (bundled for Node: the baseline gets Node's own Buffer). */
async function runSrpInNode(input) {
  const dir = await mkdtemp(path.join(tmpdir(), 'cognito-elements-srp-'));
  try {
    const outfile = path.join(dir, 'srp-node.mjs');
    await build({
      entryPoints: [path.join(root, 'bench', 'srp-node.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      minify: true,
      logLevel: 'warning',
    });
    const { runSrpBench } = await import(pathToFileURL(outfile).href);
    return await runSrpBench(input, SRP_ITERATIONS, SRP_WARMUP);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One sign-in's SRP work (A + PASSWORD_VERIFIER claim): src/crypto/ against amazon-cognito-identity-js, the same
 * bench/srp-work.ts in Chromium and in Node, on the same recorded inputs; both must give the vector's signature.
 */
async function benchSrp(context) {
  const { vector, input } = await srpInput();
  const page = await context.openPage('srp-page.ts');
  const chromium = await page.evaluate((i, n, w) => window.runSrpBench(i, n, w), input, SRP_ITERATIONS, SRP_WARMUP);
  await page.close();
  const node = await runSrpInNode(input);

  const expected = vector.expected.PASSWORD_CLAIM_SIGNATURE;
  const json = {
    vector: vector.id,
    iterations: SRP_ITERATIONS,
    warmup: SRP_WARMUP,
    baseline: 'amazon-cognito-identity-js AuthenticationHelper',
    measure: 'median ms per sign-in (A + claim) once warm; cold = the first sign-in of a page',
    browser: await context.browserVersion(),
    nodeVersion: process.version,
    date: new Date().toISOString(),
  };
  const rows = [];
  for (const [runtime, result] of [['chromium', chromium], ['node', node]]) {
    if (result.oursSignature !== result.baselineSignature || result.oursSignature !== expected) {
      throw new Error(
        `SRP signatures differ in ${runtime} for ${vector.id}: ours ${result.oursSignature}, ` +
          `amazon-cognito-identity-js ${result.baselineSignature}, vector ${expected}`,
      );
    }
    const ours = median(result.ours);
    const baseline = median(result.baseline);
    json[runtime] = {
      oursMs: round(ours),
      baselineMs: round(baseline),
      ratio: round(baseline / ours),
      oursMinMs: round(Math.min(...result.ours)),
      baselineMinMs: round(Math.min(...result.baseline)),
      oursColdMs: round(result.oursColdMs),
      baselineColdMs: round(result.baselineColdMs),
    };
    const r = json[runtime];
    rows.push({
      bench: `srp ${runtime}: one sign-in (A + claim)`,
      ours: `${r.oursMs} ms`,
      baseline: `${r.baselineMs} ms`,
      ratio: `${r.ratio}x`,
      target: `>= ${SRP_TARGET_RATIO}x ${r.ratio >= SRP_TARGET_RATIO ? 'ok' : 'UNDER'}`,
    });
    rows.push({
      bench: `srp ${runtime}: first sign-in of a page (cold)`,
      ours: `${r.oursColdMs} ms`,
      baseline: `${r.baselineColdMs} ms`,
      ratio: `${round(r.baselineColdMs / r.oursColdMs)}x`,
    });
  }
  return { rows, json };
}

/**
 * Bytes, gzip -9 (and raw, brotli): what a plain English page really fetches in Chromium until the network is idle,
 * the part of it that arrived before the form was usable, and a whole sign-in with a TOTP code (scripts/page-bytes.js);
 * then (a) and (b) of scripts/size.js, read from the built files. Each against its target.
 */
async function benchSize() {
  ensureBuild();
  const cdn = path.join(root, 'dist', 'cdn');
  const [fetched, size] = [await measurePageBytes(cdn, { chromePath }), await measureCdn(cdn, { screens: await screenNames(root) })];
  const parts = [
    ['size: English page until network idle (Chromium)', fetched.page, SIZE_TARGETS.pageGzip],
    ['size: before the form is usable (Chromium)', fetched.firstPaint, SIZE_TARGETS.firstPaintGzip],
    ['size: sign-in + TOTP journey (Chromium)', fetched.journey, SIZE_TARGETS.signInJourneyGzip],
    ['size (a) first paint, static imports', size.firstPaint, SIZE_TARGETS.firstPaintGzip],
    ['size (b) sign-up to TOTP sign-in, file list', size.journey, SIZE_TARGETS.journeyGzip],
  ];
  const rows = [];
  for (const [label, part, target] of parts) {
    rows.push({
      bench: `${label}, gzip -9`,
      ours: kb(part.gzip),
      target: `<= ${kb(target)} ${part.gzip <= target ? 'ok' : 'OVER'}`,
    });
    rows.push({ bench: `${label}, raw / brotli`, ours: `${kb(part.raw)} / ${kb(part.brotli)}` });
  }
  const summary = (part) => ({
    raw: part.raw,
    gzip: part.gzip,
    brotli: part.brotli,
    files: part.files,
  });
  const within = parts.every(([, part, target]) => part.gzip <= target);
  return {
    rows,
    json: {
      unit: 'bytes',
      page: summary(fetched.page),
      beforeForm: summary(fetched.firstPaint),
      signInJourney: summary(fetched.journey),
      firstPaint: summary(size.firstPaint),
      journey: summary(size.journey),
      allChunks: { raw: size.all.raw, gzip: size.all.gzip, brotli: size.all.brotli },
      targets: SIZE_TARGETS,
      withinTargets: within,
      browser: fetched.browser,
      date: new Date().toISOString(),
    },
  };
}

const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const amplifyDir = path.join(root, 'bench', 'amplify');

/**
 * Runs in every measured page before its own scripts: records `performance.now()` (milliseconds since navigation
 * start) at the first moment the sign-in form is usable: the username input exists, is rendered, enabled, inside a
 * form, and takes focus (focus is given back at once). For ours, `cognito-authenticator` must also be defined.
 */
function interactiveDetector(needsElement) {
  const check = () => {
    if (window.__interactiveAt !== undefined) return true;
    if (needsElement && !customElements.get('cognito-authenticator')) return false;
    const input = document.querySelector('form input[name="username"]');
    if (!input || input.disabled || input.getClientRects().length === 0) return false;
    const previous = document.activeElement;
    input.focus({ preventScroll: true });
    const focused = document.activeElement === input;
    input.blur();
    if (previous && previous !== document.body) previous.focus?.({ preventScroll: true });
    if (!focused) return false;
    window.__interactiveAt = performance.now();
    return true;
  };
  const observer = new MutationObserver(() => {
    if (check()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  const frame = () => {
    if (!check()) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** One cold load: a new browser context (no cache, no storage), cache disabled, to the interactive sign-in form. */
async function coldLoad(browser, url, needsElement) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.evaluateOnNewDocument(interactiveDetector, needsElement);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__interactiveAt !== undefined, { timeout: 30_000 }).catch(() => {
      throw new Error(`${url}: no interactive sign-in form within 30 s${errors.length ? ` (${errors.join('; ')})` : ''}`);
    });
    return await page.evaluate(() => window.__interactiveAt);
  } finally {
    await context.close();
  }
}

/** Installs (first time) and builds bench/amplify; returns its dist/ or throws with the reason. */
function buildAmplify() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (!existsSync(path.join(amplifyDir, 'node_modules', '.bin', 'vite'))) {
    console.log('> bench/amplify: npm install (first run)');
    const install = spawnSync(npm, ['install', '--no-audit', '--no-fund'], { cwd: amplifyDir, stdio: 'inherit' });
    if (install.status !== 0) throw new Error('npm install in bench/amplify failed');
  }
  const dist = path.join(amplifyDir, 'dist');
  const built = existsSync(path.join(dist, 'index.html')) ? statSync(path.join(dist, 'index.html')).mtimeMs : 0;
  const sources = ['index.html', 'vite.config.js', 'package.json', 'src/main.jsx'].map((f) => statSync(path.join(amplifyDir, f)).mtimeMs);
  if (built < Math.max(...sources)) {
    console.log('> bench/amplify: vite build');
    const result = spawnSync(process.execPath, [path.join(amplifyDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: amplifyDir,
      stdio: 'inherit',
    });
    if (result.status !== 0) throw new Error('vite build in bench/amplify failed');
  }
  return dist;
}

/** Bytes of every .js and .css file under `dir`, gzip -9. */
async function gzipOf(dir) {
  let total = 0;
  for (const file of await readdir(dir, { recursive: true })) {
    if (/\.(js|css)$/.test(file)) total += gzipSync(await readFile(path.join(dir, file)), { level: 9 }).length;
  }
  return total;
}

/** Navigation start -> interactive sign-in form, ours (dist/cdn) against Amplify's React <Authenticator>. */
async function benchLoad(context) {
  ensureBuild();
  const browser = await context.browser();

  // Ours: the README's page, served with the script-tag build beside it.
  const ours = await mkdtemp(path.join(tmpdir(), 'cognito-elements-load-'));
  await cp(path.join(root, 'dist', 'cdn'), path.join(ours, 'cdn'), { recursive: true });
  const theme = ['modern', 'classic'].map((t) => path.join(root, 'themes', `${t}.css`)).find((f) => existsSync(f));
  if (theme) await cp(theme, path.join(ours, 'theme.css'));
  const oursServer = await serveTree(ours);
  await writeFile(
    path.join(ours, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cognito-elements</title>
${theme ? '<link rel="stylesheet" href="theme.css">' : ''}
<script type="module" src="cdn/cognito-elements.js"></script></head>
<body><cognito-authenticator user-pool-id="us-east-1_AbCdEf123" client-id="1h57kf5cpq17m0eml12EXAMPLE" endpoint="${oursServer.url}/cognito"></cognito-authenticator></body></html>`,
  );

  let amplify;
  let amplifyServer;
  let amplifyError;
  try {
    amplify = buildAmplify();
    amplifyServer = await serveTree(amplify, { fallback: 'index.html' });
  } catch (error) {
    amplify = undefined;
    console.error(`amplify baseline not measured: ${error.message}`);
    amplifyError = error.message;
  }

  // The floor: the same page, theme and detector, but a script of three lines that defines the element and writes a
  // bare form into it. No sign-in UI can be faster; it says how much of each figure is the browser itself.
  await mkdir(path.join(ours, 'floor'), { recursive: true });
  await writeFile(
    path.join(ours, 'floor', 'floor.js'),
    `customElements.define('cognito-authenticator', class extends HTMLElement { connectedCallback() {
  this.innerHTML = '<form><label>Username <input name="username"></label><label>Password <input name="password" type="password"></label><button>Sign in</button></form>';
} });`,
  );
  await writeFile(
    path.join(ours, 'floor.html'),
    (await readFile(path.join(ours, 'index.html'), 'utf8')).replace('cdn/cognito-elements.js', 'floor/floor.js'),
  );

  const times = { ours: [], amplify: [], floor: [] };
  try {
    // One warm-up each (server, disk cache, browser start-up), then cold loads in turn so drift hits all alike.
    await coldLoad(browser, `${oursServer.url}/index.html`, true);
    await coldLoad(browser, `${oursServer.url}/floor.html`, true);
    if (amplifyServer) await coldLoad(browser, `${amplifyServer.url}/`, false);
    for (let i = 0; i < LOADS; i++) {
      times.ours.push(await coldLoad(browser, `${oursServer.url}/index.html`, true));
      if (amplifyServer) times.amplify.push(await coldLoad(browser, `${amplifyServer.url}/`, false));
      times.floor.push(await coldLoad(browser, `${oursServer.url}/floor.html`, true));
    }
  } finally {
    await oursServer.close();
    await amplifyServer?.close();
    await rm(ours, { recursive: true, force: true });
  }

  const oursMs = median(times.ours);
  const amplifyMs = times.amplify.length ? median(times.amplify) : null;
  const json = {
    loads: LOADS,
    measure: 'navigation start -> sign-in form usable (element defined, form rendered, username input focusable), cold',
    oursMs: round(oursMs),
    oursMinMs: round(Math.min(...times.ours)),
    oursMaxMs: round(Math.max(...times.ours)),
    oursTheme: theme ? path.relative(root, theme) : null,
    amplifyMs: amplifyMs === null ? null : round(amplifyMs),
    amplifyMinMs: amplifyMs === null ? null : round(Math.min(...times.amplify)),
    amplifyMaxMs: amplifyMs === null ? null : round(Math.max(...times.amplify)),
    ratio: amplifyMs === null ? null : round(amplifyMs / oursMs),
    oursOfAmplify: amplifyMs === null ? null : round(oursMs / amplifyMs),
    floorMs: round(median(times.floor)),
    floorOfAmplify: amplifyMs === null ? null : round(median(times.floor) / amplifyMs),
    floor: 'the same page with a 3-line script that defines the element and writes a bare form (no sign-in UI is faster)',
    amplifyGzip: amplify ? await gzipOf(amplify) : null,
    amplifyError: amplifyError ?? null,
    baseline: "@aws-amplify/ui-react <Authenticator> with aws-amplify, React 19, its styles.css (bench/amplify, vite build)",
    browser: await context.browserVersion(),
    date: new Date().toISOString(),
  };
  return {
    rows: [
      {
        bench: `load: interactive sign-in form (median of ${LOADS})`,
        ours: `${json.oursMs} ms`,
        baseline: amplifyMs === null ? `not measured: ${amplifyError}` : `${json.amplifyMs} ms`,
        ratio: json.ratio === null ? '' : `${json.ratio}x`,
        target: json.oursOfAmplify === null ? '' : `ours/Amplify ${json.oursOfAmplify} (<= 0.2 ${json.oursOfAmplify <= 0.2 ? 'ok' : 'OVER'})`,
      },
      {
        bench: 'load: floor (bare form, same page and detector)',
        ours: `${json.floorMs} ms`,
        target: json.floorOfAmplify === null ? '' : `floor/Amplify ${json.floorOfAmplify}`,
      },
      ...(json.amplifyGzip ? [{ bench: 'load: Amplify page JS + CSS, gzip -9', baseline: kb(json.amplifyGzip) }] : []),
    ],
    json,
  };
}

const CUSTOMIZATION_RUNS = 5;
const CUSTOMIZATION_CEILING_MS = 50;

/** The customization-css sanitizer on adversarial 32 KB inputs (test/fixtures/hostile-css.ts): the slowest ones. */
async function benchCustomization(context) {
  const page = await context.openPage('customization-page.ts');
  const result = await page.evaluate((n) => window.runCustomizationBench(n), CUSTOMIZATION_RUNS);
  await page.close();
  const slowest = [...result].sort((a, b) => b.ms - a.ms);
  const worst = slowest[0];
  return {
    rows: slowest.slice(0, 3).map((r, k) => ({
      bench: `customization-css: ${r.name} (${kb(r.inputChars)} in, ${kb(r.outputChars)} out)`,
      ours: `${round(r.ms)} ms`,
      ...(k === 0 ? { target: `< ${CUSTOMIZATION_CEILING_MS} ms ${worst.ms < CUSTOMIZATION_CEILING_MS ? 'ok' : 'OVER'}` } : {}),
    })),
    json: {
      unit: 'ms, fastest of runs',
      runs: CUSTOMIZATION_RUNS,
      worstMs: round(worst.ms),
      worstInput: worst.name,
      ceilingMs: CUSTOMIZATION_CEILING_MS,
      inputs: result.map((r) => ({ ...r, ms: round(r.ms) })),
      date: new Date().toISOString(),
    },
  };
}

const benches = [
  { name: 'srp', run: benchSrp },
  { name: 'customization', run: benchCustomization },
  { name: 'size', run: benchSize },
  { name: 'load', run: benchLoad },
  {
    name: 'scale',
    run: (context) => {
      ensureBuild();
      return benchScale(context, { cdn: path.join(root, 'dist', 'cdn') });
    },
  },
];

// ------------------------------------------------------------------------------------------------------------------
// Shared machinery
// ------------------------------------------------------------------------------------------------------------------

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(n) {
  return Math.round(n * 100) / 100;
}

const CONTENT_TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml' };

/**
 * Serves the files under `dir` on 127.0.0.1 at an ephemeral port, as a static host would (no compression; caching
 * is disabled by the client). Unknown paths get `fallback` (a single-page app's index.html) or 404.
 */
async function serveTree(dir, { fallback } = {}) {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = path.join(dir, path.normalize(pathname === '/' ? '/index.html' : pathname));
    if (!file.startsWith(dir + path.sep)) return void response.writeHead(403).end();
    if (!existsSync(file) && fallback) file = path.join(dir, fallback);
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves `dir` on 127.0.0.1 at an ephemeral port; only files directly inside it. */
async function serveDirectory(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };
  const server = createServer(async (request, response) => {
    const name = path.basename(decodeURIComponent(new URL(request.url, 'http://localhost').pathname)) || 'index.html';
    try {
      const body = await readFile(path.join(dir, name));
      response.writeHead(200, { 'content-type': types[path.extname(name)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Lazily bundles bench pages, starts the server and the browser; `close` undoes whatever was started. */
function createContext() {
  let workDir;
  let server;
  let browser;

  async function ensureStarted() {
    workDir ??= await mkdtemp(path.join(tmpdir(), 'cognito-elements-bench-'));
    server ??= await serveDirectory(workDir);
    browser ??= await puppeteer.launch({
      executablePath: chromePath,
      headless: true,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }

  return {
    /** Bundles bench/<entry> for the browser and opens it in a fresh page. */
    async openPage(entry) {
      await ensureStarted();
      const name = path.basename(entry).replace(/\.[jt]s$/, '');
      await build({
        entryPoints: [path.join(root, 'bench', entry)],
        outfile: path.join(workDir, `${name}.js`),
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        logLevel: 'warning',
        // The baseline's `buffer` polyfill reads `global`; browsers only have globalThis.
        define: { global: 'globalThis' },
      });
      await writeFile(
        path.join(workDir, `${name}.html`),
        `<!doctype html><meta charset="utf-8"><title>${name}</title><script type="module" src="${name}.js"></script>`,
      );
      const page = await browser.newPage();
      page.on('pageerror', (error) => console.error(`[${name}] ${error.message}`));
      await page.goto(`${server.url}/${name}.html`, { waitUntil: 'load' });
      return page;
    },
    /** The shared browser, started on first use. */
    async browser() {
      await ensureStarted();
      return browser;
    },
    browserVersion: async () => (browser ? browser.version() : null),
    async close() {
      await browser?.close().catch(() => browser.process()?.kill('SIGKILL'));
      await server?.close();
      if (workDir) await rm(workDir, { recursive: true, force: true });
      await stopEsbuild();
    },
  };
}

function printTable(rows) {
  const columns = ['bench', 'ours', 'baseline', 'ratio', 'target'];
  const headers = { bench: 'bench', ours: 'ours', baseline: 'baseline', ratio: 'baseline/ours', target: 'target' };
  const widths = columns.map((c) => Math.max(headers[c].length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(columns.map((c) => headers[c])));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => String(row[c] ?? ''))));
}

async function main() {
  const wanted = process.argv.slice(2);
  const selected = wanted.length ? benches.filter((b) => wanted.includes(b.name)) : benches;
  const unknown = wanted.filter((name) => !benches.some((b) => b.name === name));
  if (unknown.length) {
    throw new Error(`unknown bench: ${unknown.join(', ')} (known: ${benches.map((b) => b.name).join(', ')})`);
  }

  const context = createContext();
  const rows = [];
  const results = {};
  try {
    for (const bench of selected) {
      const { rows: benchRows, json } = await bench.run(context);
      rows.push(...benchRows);
      results[bench.name] = json;
    }
  } finally {
    await context.close();
  }

  printTable(rows);
  let existing = {};
  try {
    existing = JSON.parse(await readFile(resultsFile, 'utf8'));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  await writeFile(resultsFile, JSON.stringify({ ...existing, ...results }, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), resultsFile)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
