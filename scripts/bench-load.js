// `npm run bench -- load`: navigation start -> interactive sign-in form, median of cold loads, ours (dist/cdn, the
// README's page) against Amplify's React <Authenticator> (bench/amplify: its own package.json, installed and built
// here on first use) and against the floor (the same page with a 3-line script writing a bare form). Then a few extra,
// traced cold loads of ours and of the floor say where the time goes (scripts/bench-trace.js).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBuild } from './ensure-build.js';
import { median, root, round, serveTree } from './bench-util.js';
import { breakdownOf, describeBreakdown, medianBreakdown, TRACE_CATEGORIES } from './bench-trace.js';
import { kb } from './size.js';

const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const TRACES = Number(process.env.BENCH_TRACES ?? 5);
const amplifyDir = path.join(root, 'bench', 'amplify');

/**
 * Runs in every measured page before its own scripts: records `performance.now()` (milliseconds since navigation
 * start) at the first moment the sign-in form is usable: the username input exists, is rendered, enabled, inside a
 * form, and takes focus (focus is given back at once). For ours, `cognito-authenticator` must also be defined. The
 * same moment is marked for traces (performance.mark('interactive')).
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
    performance.mark('interactive');
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

/**
 * One cold load: a new browser context (no cache, no storage), cache disabled, to the interactive sign-in form.
 * Returns the milliseconds; with `trace`, returns the Chromium trace of the load instead (for bench-trace.js).
 */
async function coldLoad(browser, url, needsElement, { trace = false } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.evaluateOnNewDocument(interactiveDetector, needsElement);
    if (trace) await page.tracing.start({ categories: TRACE_CATEGORIES });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__interactiveAt !== undefined, { timeout: 30_000 }).catch(() => {
      throw new Error(`${url}: no interactive sign-in form within 30 s${errors.length ? ` (${errors.join('; ')})` : ''}`);
    });
    if (trace) return JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    return await page.evaluate(() => window.__interactiveAt);
  } finally {
    await context.close();
  }
}

/** Breakdowns of `TRACES` traced cold loads of `url` (null for a trace that fails or lacks the mark), medians. */
async function tracedBreakdown(browser, url, script) {
  const list = [];
  for (let i = 0; i < TRACES; i++) {
    try {
      list.push(breakdownOf(await coldLoad(browser, url, true, { trace: true }), script));
    } catch (error) {
      console.error(`load trace of ${url} not read: ${error.message}`);
      list.push(null);
    }
  }
  return medianBreakdown(list);
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
export async function benchLoad(context) {
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
  let breakdown = null;
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
    // Traced apart from the timed loads: tracing slows the page, and its figures only need to be comparable.
    if (TRACES > 0) {
      breakdown = {
        ours: await tracedBreakdown(browser, `${oursServer.url}/index.html`, 'cognito-elements.js'),
        floor: await tracedBreakdown(browser, `${oursServer.url}/floor.html`, 'floor.js'),
      };
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
    breakdown: breakdown && {
      traces: TRACES,
      measure:
        'extra traced cold loads, renderer main thread, t0 = navigationStart -> performance.mark("interactive"): ' +
        'the script\'s arrival (renderer ResourceFinish; scriptNetworkDoneMs = network finishTime), then each moment to ' +
        'the innermost of v8.evaluateModule, RunMicrotasks less what it forces, UpdateLayoutTree, Layout, ParseHTML, ' +
        'or other; medians per field (scripts/bench-trace.js)',
      ...breakdown,
    },
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
      ...(breakdown
        ? [
            { bench: `load: where ours' time goes (median of ${TRACES} traces)`, detail: describeBreakdown(breakdown.ours) },
            { bench: `load: where the floor's time goes (median of ${TRACES} traces)`, detail: describeBreakdown(breakdown.floor) },
          ]
        : []),
    ],
    json,
  };
}

