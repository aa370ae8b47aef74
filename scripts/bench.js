#!/usr/bin/env node
// Benchmarks, run in headless Chromium (/usr/bin/chromium or $CHROME_PATH); results are merged into bench/results.json.
//
//   npm run bench              every bench
//   npm run bench -- srp       only the named ones
//
// Each bench is { name, run(context) } and returns { table rows, json } so new ones (e.g. bundle size) slot in; the
// browser and the static server are started lazily, only if a bench asks for them, and always torn down.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, stop as stopEsbuild } from 'esbuild';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = process.env.SHARED_DIR ?? path.resolve(root, '..', 'shared');
const resultsFile = path.join(root, 'bench', 'results.json');
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// ------------------------------------------------------------------------------------------------------------------
// The benches
// ------------------------------------------------------------------------------------------------------------------

const SRP_ITERATIONS = 50;
const SRP_WARMUP = 5;

/** One sign-in's SRP work (A + PASSWORD_VERIFIER claim): src/srp.ts against amazon-cognito-identity-js. */
async function benchSrp(context) {
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

  const page = await context.openPage('srp-page.ts');
  const result = await page.evaluate((i, n, w) => window.runSrpBench(i, n, w), input, SRP_ITERATIONS, SRP_WARMUP);
  await page.close();

  const expected = vector.expected.PASSWORD_CLAIM_SIGNATURE;
  if (result.oursSignature !== result.baselineSignature || result.oursSignature !== expected) {
    throw new Error(
      `SRP signatures differ for ${vector.id}: ours ${result.oursSignature}, ` +
        `amazon-cognito-identity-js ${result.baselineSignature}, vector ${expected}`,
    );
  }
  const ours = median(result.ours);
  const baseline = median(result.baseline);
  const json = {
    vector: vector.id,
    iterations: SRP_ITERATIONS,
    warmup: SRP_WARMUP,
    oursMs: round(ours),
    baselineMs: round(baseline),
    ratio: round(baseline / ours),
    oursMinMs: round(Math.min(...result.ours)),
    baselineMinMs: round(Math.min(...result.baseline)),
    baseline: 'amazon-cognito-identity-js AuthenticationHelper',
    browser: await context.browserVersion(),
    date: new Date().toISOString(),
  };
  return {
    rows: [
      {
        bench: 'srp: one sign-in (A + claim)',
        ours: `${json.oursMs} ms`,
        baseline: `${json.baselineMs} ms`,
        ratio: `${json.ratio}x`,
      },
    ],
    json,
  };
}

const benches = [{ name: 'srp', run: benchSrp }];

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
  const columns = ['bench', 'ours', 'baseline', 'ratio'];
  const headers = { bench: 'bench', ours: 'ours', baseline: 'baseline', ratio: 'baseline/ours' };
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
