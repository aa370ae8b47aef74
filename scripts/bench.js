#!/usr/bin/env node
// Benchmarks, run in headless Chromium (/usr/bin/chromium or $CHROME_PATH); results are merged into bench/results.json.
//
//   npm run bench              every bench
//   npm run bench -- srp       only the named ones
//
//   srp    SRP time per sign-in, ours against amazon-cognito-identity-js, in Chromium and in Node
//          (scripts/bench-srp.js)
//   customization  the customization-css sanitizer on adversarial 32 KB inputs, slowest first (target < 50 ms)
//          (scripts/bench-customization.js)
//   size   bytes (raw, gzip -9, brotli) of the script-tag build: what an English page fetches in Chromium until idle,
//          before its form is usable, and through a sign-in with TOTP (scripts/page-bytes.js); (a) and (b) of
//          scripts/size.js (the same numbers `npm test` holds to their targets) (scripts/bench-size.js)
//   scale  50 authenticators on one page (render, blocking, typing latency); 200 attach/detach cycles (heap,
//          listeners, timers, DOM nodes: slope per cycle); see scripts/bench-scale.js
//   load   navigation start -> interactive sign-in form, median of cold loads (BENCH_LOADS, default 20), ours against
//          Amplify's React <Authenticator> (bench/amplify: its own package.json, installed and built here on first
//          use) and a bare-form floor; then where ours' and the floor's time goes, from BENCH_TRACES (default 5)
//          extra traced loads each (scripts/bench-load.js, scripts/bench-trace.js)
//
// This file is the driver: it picks the benches, gives them a context and prints and stores what they return. Each
// bench is { name, run(context) } and returns { table rows, json }; the browser and the static server are started
// lazily, only if a bench asks for them, and always torn down. Shared helpers: scripts/bench-util.js.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, stop as stopEsbuild } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { ensureBuild } from './ensure-build.js';
import { benchCustomization } from './bench-customization.js';
import { benchLoad } from './bench-load.js';
import { benchScale } from './bench-scale.js';
import { benchSize } from './bench-size.js';
import { benchSrp } from './bench-srp.js';
import { chromePath, root, serveDirectory } from './bench-util.js';

const resultsFile = path.join(root, 'bench', 'results.json');

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

/** The rows as a table; a row's `detail` (a long description) follows its bench label and sets no column width. */
function printTable(rows) {
  const columns = ['bench', 'ours', 'baseline', 'ratio', 'target'];
  const headers = { bench: 'bench', ours: 'ours', baseline: 'baseline', ratio: 'baseline/ours', target: 'target' };
  const widths = columns.map((c) => Math.max(headers[c].length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(columns.map((c) => headers[c])));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) {
    console.log(row.detail === undefined ? line(columns.map((c) => String(row[c] ?? ''))) : `${String(row.bench).padEnd(widths[0])}  ${row.detail}`);
  }
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
