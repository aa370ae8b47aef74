// @web/test-runner configuration for the embedding tests (test/frameworks/**): pages that use the *built* package the
// way an app does (dist/cdn/ through a script tag, dist/index.js through an import), driven against cognito-local.
// scripts/test.js builds dist/ and starts the emulator first, then runs this as its own invocation.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import base from '../../web-test-runner.config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The values the example pages leave as {{…}}: the emulator's address and the email pool of the seed. */
function pageValues() {
  const fixtures = process.env.COGNITO_FIXTURES ? JSON.parse(process.env.COGNITO_FIXTURES) : null;
  const pool = fixtures?.pools?.email;
  return {
    endpoint: process.env.COGNITO_ENDPOINT ?? '',
    'pool.id': pool?.id ?? '',
    'pool.clientId': pool?.clientId ?? '',
  };
}

const examplePagesPlugin = {
  name: 'cognito-elements-example-pages',
  async serve(context) {
    // A second copy of the script-tag build at another URL: a separate module graph, as a second widget would bring.
    if (context.path.startsWith('/__cdn-copy/')) {
      const file = path.join(root, 'dist', 'cdn', path.normalize(context.path.slice('/__cdn-copy/'.length)));
      if (!file.startsWith(path.join(root, 'dist', 'cdn') + path.sep)) return undefined;
      try {
        return { body: await readFile(file, 'utf8'), type: file.endsWith('.map') ? 'json' : 'js' };
      } catch {
        return undefined;
      }
    }
    if (context.path.startsWith('/test/frameworks/') && context.path.endsWith('.html')) {
      const values = pageValues();
      const html = await readFile(path.join(root, context.path), 'utf8');
      const body = html.replace(/\{\{([\w.]+)\}\}/g, (all, key) => values[key] ?? all);
      if (context.path.endsWith('/csp.html')) {
        // The strict policy of the security issue, as a real response header.
        const connect = values.endpoint ? new URL(values.endpoint).origin : '';
        const policy = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${connect}; img-src 'self' data:`;
        return { body, type: 'html', headers: { 'content-security-policy': policy } };
      }
      return { body, type: 'html' };
    }
    return undefined;
  },
};

export default {
  ...base,
  groups: undefined,
  // Each example app has its own node_modules (test/frameworks/<app>/, installed by scripts/test.js): not ours to run.
  files: ['test/frameworks/**/*.test.ts', '!test/frameworks/*/node_modules/**'],
  plugins: [examplePagesPlugin, ...base.plugins],
};
