// What the benches of scripts/bench.js share: the repository's paths, the browser's path, medians and rounding, and
// the two static servers (a tree with an optional single-page-app fallback; a flat folder of bundled bench pages).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const sharedDir = process.env.SHARED_DIR ?? path.resolve(root, '..', 'shared');
export const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(n) {
  return Math.round(n * 100) / 100;
}

const CONTENT_TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml' };

/** Listens on 127.0.0.1 at an ephemeral port; `close` also drops kept-alive connections. */
async function listen(handler) {
  const server = createServer(handler);
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

/**
 * Serves the files under `dir` on 127.0.0.1 at an ephemeral port, as a static host would (no compression; caching
 * is disabled by the client). Unknown paths get `fallback` (a single-page app's index.html) or 404.
 */
export function serveTree(dir, { fallback } = {}) {
  return listen(async (request, response) => {
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
}

/** Serves `dir` on 127.0.0.1 at an ephemeral port; only files directly inside it. */
export function serveDirectory(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };
  return listen(async (request, response) => {
    const name = path.basename(decodeURIComponent(new URL(request.url, 'http://localhost').pathname)) || 'index.html';
    try {
      const body = await readFile(path.join(dir, name));
      response.writeHead(200, { 'content-type': types[path.extname(name)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
}
