#!/usr/bin/env node
// `npm run build:demo`: the demo's stories as a static site in dist-demo/, to host anywhere (any path: every URL in it
// is relative). No emulator: the Live story there connects to whatever user pool its controls are given.
//
//   node scripts/build-demo.js [--out DIR]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outDir = path.resolve(root, outIndex >= 0 ? args[outIndex + 1] : 'dist-demo');

/** `npm start` serves the emulator's address as this module; a static build has no emulator. */
const noEmulator = {
  name: 'cognito-elements-demo-env-static',
  resolveId: (id) => (id === 'virtual:demo-env' ? '\0virtual:demo-env' : undefined),
  load: (id) => (id === '\0virtual:demo-env' ? 'export default null;' : undefined),
};

await build({
  root: path.join(root, 'demo'),
  base: './',
  configFile: false,
  publicDir: false,
  logLevel: process.env.QUIET ? 'warn' : 'info',
  plugins: [noEmulator],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The AWS SDK chunk is large by nature; it loads only when a story needs it.
    chunkSizeWarningLimit: 2048,
    // Every asset as a file: no data: URLs the strict CSP would have to allow for fonts or scripts.
    assetsInlineLimit: 0,
    // Stories import every screen directly, where the library loads most of them lazily: expected, not worth a warning.
    rolldownOptions: { checks: { ineffectiveDynamicImport: false } },
  },
});

console.log(`\nStatic demo written to ${path.relative(process.cwd(), outDir) || '.'}/ (open index.html through any static web server).`);
