// What the script-tag build makes a browser download, read from the built files in dist/cdn/ (what a page really
// fetches, measured in Chromium, is scripts/page-bytes.js). Shared by the size bench (scripts/bench.js) and the size
// check that `npm test` runs (test/node/size.test.js).
//
// (a) first paint: the entry and everything it imports statically, transitively. The browser must fetch and run all
//     of it before the sign-in form can paint; nothing behind an import() counts.
// (b) the English journey sign-up -> confirmation -> MFA set-up with a TOTP QR code -> sign-in with a TOTP code:
//     (a), every screen (the script tag defines every element once the browser is idle, so every screen chunk loads
//     in any journey), the Cognito client (chunk `sdk`), the SRP code and the QR encoder, each with its static
//     imports. Not counted: i18next (an English page never loads it), other locales, chunks no step loads.
//
// Imports are read with esbuild's parser (a real one: an import in a string or comment is not an import), so a
// static `import … from` and a dynamic `import()` are told apart exactly.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Targets (issues 8 and 17), gzip -9; 1 KB = 1,000 bytes (as size-limit counts). `firstPaintGzip` holds for (a) and
 * for what Chromium fetched before the form was usable; `pageGzip` and `signInJourneyGzip` are measured in Chromium
 * (scripts/page-bytes.js): a plain English page until the network is idle, and that page through a sign-in with a
 * TOTP code; `journeyGzip` is (b).
 */
export const SIZE_TARGETS = { firstPaintGzip: 35_000, pageGzip: 45_000, signInJourneyGzip: 55_000, journeyGzip: 100_000 };

export const CDN_ENTRY = 'cognito-elements.js';

/**
 * Chunks the journey loads besides the screens and (a), by the names vite.config.ts gives them (`sdk` is the Cognito
 * client, src/api/transport.ts).
 */
const JOURNEY_CHUNKS = ['sdk', 'srp', 'qrcode'];

/** `{ static: [...], dynamic: [...] }`: the files `file` imports, as paths relative to `dir`. */
async function importsOf(dir, file) {
  const found = { static: new Set(), dynamic: new Set() };
  await build({
    entryPoints: [path.join(dir, file)],
    bundle: true,
    write: false,
    format: 'esm',
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-imports',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            if (!args.path.startsWith('.')) throw new Error(`${file} imports "${args.path}": the CDN build must be self-contained`);
            const target = path.relative(dir, path.resolve(path.dirname(path.join(dir, file)), args.path)).split(path.sep).join('/');
            (args.kind === 'dynamic-import' ? found.dynamic : found.static).add(target);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return { static: [...found.static], dynamic: [...found.dynamic] };
}

/** Every file reachable from `roots` through static imports only, roots included. */
async function staticClosure(dir, roots, graph) {
  const seen = new Set();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    graph[file] ??= await importsOf(dir, file);
    queue.push(...graph[file].static);
  }
  return seen;
}

/** Chunk base name without its hash: `chunks/sign-up-D3hPF20l.js` -> `sign-up`. */
export function chunkName(file) {
  const name = path.basename(file, '.js');
  return file.startsWith('chunks/') ? name.replace(/-[\w-]{8}$/, '') : name;
}

async function weigh(dir, files) {
  const rows = [];
  for (const file of [...files].sort()) {
    const body = await readFile(path.join(dir, file));
    rows.push({
      file,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    });
  }
  const sum = (key) => rows.reduce((n, r) => n + r[key], 0);
  return { files: rows, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/**
 * Measures dist/cdn (or `cdnDir`). `screens` are the screen names (components/screens/*.ts); their chunks are part of
 * the journey. Throws when a chunk the journey needs cannot be found, so a renamed chunk never shrinks (b) silently.
 */
export async function measureCdn(cdnDir, { screens }) {
  const graph = {};
  const firstPaint = await staticClosure(cdnDir, [CDN_ENTRY], graph);

  // Every chunk reachable at all, with how it is reached, to pick the journey's dynamic chunks by name.
  const reachable = new Set(firstPaint);
  const queue = [...firstPaint];
  while (queue.length) {
    const file = queue.shift();
    graph[file] ??= await importsOf(cdnDir, file);
    for (const next of [...graph[file].static, ...graph[file].dynamic]) {
      if (!reachable.has(next)) {
        reachable.add(next);
        queue.push(next);
      }
    }
  }
  const wanted = new Set([...screens, ...JOURNEY_CHUNKS]);
  const journeyRoots = [...reachable].filter((f) => wanted.has(chunkName(f)));
  for (const name of JOURNEY_CHUNKS) {
    if (!journeyRoots.some((f) => chunkName(f) === name)) {
      throw new Error(`no "${name}" chunk in ${cdnDir}: the journey measure needs it (see vite.config.ts chunk names)`);
    }
  }
  const journey = await staticClosure(cdnDir, [...firstPaint, ...journeyRoots], graph);
  const allFiles = (await readdir(cdnDir, { recursive: true })).filter((f) => f.endsWith('.js')).map((f) => f.split(path.sep).join('/'));
  return {
    firstPaint: await weigh(cdnDir, firstPaint),
    journey: await weigh(cdnDir, journey),
    all: await weigh(cdnDir, allFiles),
    targets: SIZE_TARGETS,
  };
}

/** The screen names, from components/screens/*.ts. */
export async function screenNames(root) {
  return (await readdir(path.join(root, 'components', 'screens'))).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
}

export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
