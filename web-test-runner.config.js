// @web/test-runner configuration: every test runs in real headless Chromium (Debian's /usr/bin/chromium
// or $CHROME_PATH). No browser is ever downloaded.
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build as esbuild } from 'esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const root = path.dirname(fileURLToPath(import.meta.url));
// ../shared holds the SRP vectors produced by amazon-cognito-identity-js; tests read them, never copy them.
const sharedDir = process.env.SHARED_DIR ?? path.resolve(root, '..', 'shared');
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Serves test-only data: the shared SRP vectors and the address of the emulator that scripts/test.js started. */
const testEnvPlugin = {
  name: 'cognito-elements-test-env',
  async serve(context) {
    if (context.path === '/__test-env.js') {
      const env = {
        endpoint: process.env.COGNITO_ENDPOINT ?? null,
        fixtures: process.env.COGNITO_FIXTURES ? JSON.parse(process.env.COGNITO_FIXTURES) : null,
        oauthDomain: process.env.OAUTH_DOMAIN ?? null,
      };
      return { body: `export default ${JSON.stringify(env)};`, type: 'js' };
    }
    if (context.path === '/__oauth-return') {
      // The federation tests' redirect_uri: a blank page; open to CORS so a test's fetch can follow the redirect here.
      return { body: '<!doctype html><title>signed in</title>', type: 'html', headers: { 'access-control-allow-origin': '*' } };
    }
    if (context.path.startsWith('/__shared/')) {
      const name = path.basename(context.path);
      if (!/^[\w.-]+\.json$/.test(name)) return undefined;
      return { body: await readFile(path.join(sharedDir, name), 'utf8'), type: 'json' };
    }
    return undefined;
  },
};

/**
 * The AWS SDK's ES modules `import packageInfo from "../package.json"`. Browsers refuse to run JSON as a script, so
 * JSON imported from node_modules is served as a JS module.
 */
const jsonModulePlugin = {
  name: 'node-modules-json-as-module',
  resolveMimeType(context) {
    if (context.path.includes('/node_modules/') && context.path.endsWith('.json')) return 'js';
    return undefined;
  },
  transform(context) {
    if (context.path.includes('/node_modules/') && context.path.endsWith('.json')) {
      return { body: `export default ${context.body};` };
    }
    return undefined;
  },
};

/**
 * `import css from '../themes/base.css?inline'` (Vite's syntax, used by components/styles.ts) served as a JS module
 * exporting the file's text, so the themes/*.css files stay the single source of truth in tests too.
 */
const cssInlinePlugin = {
  name: 'css-inline',
  async serve(context) {
    if (!context.path.endsWith('.css') || !new URLSearchParams(context.querystring).has('inline')) return undefined;
    const file = path.join(root, context.path);
    if (!file.startsWith(root + path.sep)) return undefined;
    return { body: `export default ${JSON.stringify(await readFile(file, 'utf8'))};`, type: 'js' };
  },
};

/** Groups by folder: unit (engine, no server), elements (Lit elements), e2e (whole flows against cognito-local). */
/**
 * qrcode ships CommonJS only. Vite converts it in builds; here its browser entry is served as one ES module bundled by
 * esbuild (what Vite's dependency optimizer does in dev), so `import('qrcode')` works in tests as in apps.
 */
const commonJsPlugin = {
  name: 'commonjs-qrcode',
  async serve(context) {
    if (!/\/node_modules\/qrcode\/lib\/browser\.js$/.test(context.path)) return undefined;
    const result = await esbuild({
      entryPoints: [path.join(root, context.path)],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    return { body: result.outputFiles[0].text, type: 'js' };
  },
};

/**
 * Faults at the network seam, over real HTTP on the test server itself: point an element's `endpoint` at
 * `/__fault/<kind>/<tag>` and it answers as a broken network, proxy or overloaded Cognito would. `GET
 * /__fault-hits/<tag>` tells how many requests reached it (to prove "Try again" re-sends and nothing else does).
 */
const faultHits = new Map();
async function faultMiddleware(ctx, next) {
  const hits = /^\/__fault-hits\/([\w-]+)$/.exec(ctx.path);
  if (hits) {
    ctx.body = JSON.stringify({ hits: faultHits.get(hits[1]) ?? 0 });
    ctx.type = 'application/json';
    return;
  }
  // A path may go on after the tag (`/__fault/<kind>/<tag>/oauth2/token`): a client that appends its own path to a
  // configured base URL (the OAuth domain) still lands here.
  const m = /^\/__fault\/([\w-]+)\/([\w-]+)(?:\/[\w/.-]*)?$/.exec(ctx.path);
  if (!m) return next();
  ctx.set('access-control-allow-origin', '*');
  ctx.set('access-control-allow-headers', '*');
  if (ctx.method === 'OPTIONS') {
    ctx.status = 204;
    return;
  }
  const [, kind, tag] = m;
  faultHits.set(tag, (faultHits.get(tag) ?? 0) + 1);
  const amzError = (status, type, message) => {
    ctx.status = status;
    ctx.type = 'application/x-amz-json-1.1';
    ctx.set('x-amzn-errortype', type);
    ctx.body = JSON.stringify({ __type: type, message });
  };
  switch (kind) {
    case 'reset': // the connection drops: what a dead network or an unknown host looks like to a page
      ctx.req.socket.destroy();
      return;
    case 'hang': // never answers: the client's timeout must give up
      await new Promise((resolve) => ctx.req.on('close', resolve));
      return;
    case 'unavailable':
      ctx.status = 503;
      ctx.type = 'text/plain';
      ctx.body = 'Service Unavailable';
      return;
    case 'html': // a proxy's error page
      ctx.status = 502;
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><html><body><h1>502 Bad Gateway</h1><script>window.__pwned = true</script></body></html>';
      return;
    case 'malformed':
      ctx.status = 200;
      ctx.type = 'application/x-amz-json-1.1';
      ctx.body = '{"AuthenticationResult": {"IdToken": ';
      return;
    case 'expired':
      return amzError(400, 'NotAuthorizedException', 'Invalid session for the user, session is expired.');
    case 'throttled':
      return amzError(400, 'TooManyRequestsException', 'Rate exceeded');
    case 'limit':
      return amzError(400, 'LimitExceededException', 'Attempt limit exceeded, please try after some time.');
    case 'lockout':
      return amzError(400, 'NotAuthorizedException', 'Password attempts exceeded');
    case 'coral': // the exception named only in the header, with the ':<namespace>' suffix Cognito itself adds
      ctx.status = 400;
      ctx.type = 'application/x-amz-json-1.1';
      ctx.set('x-amzn-errortype', 'NotAuthorizedException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/');
      ctx.body = JSON.stringify({ message: 'Refresh Token has been revoked' });
      return;
    case 'prefixed': // the exception named only in the body, with a '<namespace>#' prefix
      ctx.status = 400;
      ctx.type = 'application/x-amz-json-1.1';
      ctx.body = JSON.stringify({ __type: 'com.amazonaws.cognito.identity.idp.model#UserNotFoundException', message: 'User does not exist.' });
      return;
    case 'redirect': // 307 to `echo` with tag `<tag>-followed`: a client that follows it re-sends its POST body there
      ctx.status = 307;
      ctx.set('location', `/__fault/echo/${tag}-followed`);
      return;
    case 'echo': { // answers 200 with the request it received, so a test can check exactly what a client sent
      const chunks = [];
      for await (const chunk of ctx.req) chunks.push(chunk);
      ctx.status = 200;
      ctx.type = 'application/x-amz-json-1.1';
      ctx.body = JSON.stringify({ method: ctx.method, headers: ctx.headers, body: Buffer.concat(chunks).toString('utf8') });
      return;
    }
    default:
      ctx.status = 404;
  }
}

/**
 * Real WebAuthn ceremonies in headless Chromium: the DevTools virtual authenticator, driven over CDP from a test with
 * `executeServerCommand('webauthn', { action, ... })` (test/support/virtual-authenticator.ts wraps it). `add` gives the
 * page a platform authenticator with user verification (`options` override Chromium's defaults); `user-verified`
 * makes it refuse (false) or accept (true) the user; `credentials` lists what it holds; `clear` forgets them; `remove`
 * takes it away (every test removes its own, and a closed page's is dropped with its CDP session).
 */
const virtualAuthenticators = new Map();
const virtualAuthenticatorPlugin = {
  name: 'webauthn-virtual-authenticator',
  async executeCommand({ command, payload, session }) {
    if (command !== 'webauthn') return undefined;
    if (session.browser.type !== 'puppeteer') throw new Error('the virtual authenticator needs Chromium over puppeteer');
    const { action, options, userVerified } = payload ?? {};
    let entry = virtualAuthenticators.get(session.id);
    if (action === 'add') {
      if (entry) await entry.cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId: entry.authenticatorId }).catch(() => undefined);
      const page = session.browser.getPage(session.id);
      const cdp = entry?.cdp ?? (await page.createCDPSession());
      await cdp.send('WebAuthn.enable', { enableUI: false });
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
          ...options,
        },
      });
      virtualAuthenticators.set(session.id, { cdp, authenticatorId });
      return { authenticatorId };
    }
    if (!entry) {
      if (action === 'remove') return true;
      throw new Error(`webauthn ${action}: no virtual authenticator (call add first)`);
    }
    const { cdp, authenticatorId } = entry;
    switch (action) {
      case 'user-verified':
        await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: userVerified === true });
        return true;
      case 'credentials': {
        const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
        // CDP says base64; WebAuthn's JSON (and Cognito) say base64url.
        const url = (b64) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        return credentials.map((c) => ({ credentialId: url(c.credentialId), rpId: c.rpId, userHandle: c.userHandle, signCount: c.signCount, isResidentCredential: c.isResidentCredential }));
      }
      case 'clear':
        await cdp.send('WebAuthn.clearCredentials', { authenticatorId });
        return true;
      case 'remove':
        virtualAuthenticators.delete(session.id);
        await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId }).catch(() => undefined);
        await cdp.send('WebAuthn.disable').catch(() => undefined);
        await cdp.detach().catch(() => undefined);
        return true;
      default:
        throw new Error(`webauthn: unknown action ${action}`);
    }
  },
};

const groups = ['unit', 'elements', 'e2e']
  .filter((name) => {
    const dir = path.join(root, 'test', name);
    return existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.test.ts'));
  })
  .map((name) => ({ name, files: `test/${name}/**/*.test.ts` }));
// `wtr --files a.test.ts` runs just those files: with groups defined, --files would add to them, not replace them.
const onlyFiles = process.argv.includes('--files');

/**
 * Counts passed, failed and skipped tests over every session (and names the skipped ones) and writes them to
 * $TEST_SUMMARY_FILE, so scripts/test.js and .ci/run can print one honest total across groups.
 */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const file = process.env.TEST_SUMMARY_FILE;
      if (!file) return;
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const skippedNames = [];
      const walk = (suite, file, trail) => {
        for (const t of suite.tests ?? []) {
          if (t.skipped) {
            skipped++;
            skippedNames.push(`${file}: ${[...trail, t.name].join(' > ')}`);
          } else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite.suites ?? []) walk(s, file, [...trail, s.name]);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults, path.relative(root, session.testFile), []);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) failed++;
      }
      writeFileSync(file, JSON.stringify({ passed, failed, skipped, skippedNames }));
    },
  };
}

export default {
  rootDir: root,
  nodeResolve: { browser: true, exportConditions: ['browser', 'import', 'default'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300000,
  groups: onlyFiles ? undefined : groups,
  testFramework: { config: { timeout: 20000 } },
  reporters: [defaultReporter(), ...(process.env.CI ? [summaryReporter({ flatten: false })] : []), countingReporter()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          // The elements follow the browser's language when no lang is set: pin it so English tests stay English.
          '--lang=en-US',
        ],
      },
    }),
  ],
  middleware: [faultMiddleware],
  plugins: [
    testEnvPlugin,
    virtualAuthenticatorPlugin,
    cssInlinePlugin,
    commonJsPlugin,
    jsonModulePlugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: path.join(root, 'tsconfig.json') }),
  ],
};
