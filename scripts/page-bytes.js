// What a browser really downloads from the script-tag build (dist/cdn), measured in headless Chromium: a plain
// English page with one <cognito-authenticator> is served from 127.0.0.1 (with a scripted Cognito on the same
// server), every JavaScript response is recorded until the network is idle, and each body is weighed raw, gzip -9
// (as scripts/size.js) and brotli. Shared by the size check (test/node/size.test.js) and `npm run bench -- size`.
//
//   page        load -> network idle (the page as it sits waiting for the user: the form and whatever loads by itself)
//   firstPaint  the part of `page` that had arrived when the sign-in form became usable (its critical path)
//   journey     the page, then a whole English sign-in: username and password (USER_SRP_AUTH, so the Cognito client
//               and the SRP code load), a TOTP code (SOFTWARE_TOKEN_MFA), signed in; everything until idle again
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const USER_POOL_ID = 'us-east-1_AbCdEf123';
export const CLIENT_ID = '1h57kf5cpq17m0eml12EXAMPLE';
const NETWORK_IDLE_MS = 800;

// A recorded PASSWORD_VERIFIER challenge (any valid one does: the page computes a claim, the script accepts it).
const CHALLENGE = {
  SRP_B:
    '80e90e6ec5e5cc02bdb5db56d9ddf79e169dd9335e6a38314a3fc2c945c47f86b5fd9522edd0b7d66b07277450bbb9b6077825fc8adb6e28aaa8af34bdd3826ed765e7783675477083f903f58c76e7412d0fd27c5456017e24dafcbf4648b141bd7b91828a3b2291f4197cec787a76302a79ff5d42f993d3e9cb6b7573d18ec6b32e445f613946c9a9e6454d408949d046e6b147af0a90385c1e729e1346c82574d5c60beab6f3d0d432e0e0be1a44d3bae6cfe58ae4c85fb7b9f57763ef5faa1706db39cd363b4bca9cd9facd12c073b000d3d7c4b9fa952b25adf1df23a1c7d3273583e29d0362ad2cd1838cc12f2f19d18d8ecf8fa097aa4b0078ee36964d4a87e50dd4c750685b2a71d5071ea9e272d94c5e287391ac4b2bed871719602ac4ccd0398e73dfd6b4321bcbf06def11eaafcc12b41ef2147599065de1132cbbc93ff2ef18120989ea2e2bb45f2f2b4afa3aa541f91252a26bdef0fa6a8d3bfa6eb3d61a3edf56e63f5738b0700c66dc54eda14b1148f8bcb8972e4ac6bbacf5',
  SALT: '176588f4b9a74811766dfc26578d21d0',
  SECRET_BLOCK: 'c2VjcmV0LWJsb2Nr',
};

const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An unsigned JWT with the claims the engine reads (it never verifies signatures: Cognito's TLS answer is trusted). */
function jwt(claims) {
  const now = Math.floor(Date.now() / 1000);
  return `${b64url({ alg: 'none' })}.${b64url({ iat: now, exp: now + 3600, ...claims })}.x`;
}

/** The scripted Cognito: sign-in with SRP, then a TOTP code, then tokens. */
function cognito(target, input) {
  const username = 'reader';
  if (target === 'InitiateAuth') {
    return { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { ...CHALLENGE, USER_ID_FOR_SRP: username, USERNAME: username } };
  }
  if (target === 'RespondToAuthChallenge' && input.ChallengeName === 'PASSWORD_VERIFIER') {
    return { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 'session-1', ChallengeParameters: { USERNAME: username } };
  }
  if (target === 'RespondToAuthChallenge' && input.ChallengeName === 'SOFTWARE_TOKEN_MFA') {
    const common = { sub: 'sub-1', iss: `https://cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}` };
    return {
      AuthenticationResult: {
        IdToken: jwt({ ...common, aud: CLIENT_ID, token_use: 'id', 'cognito:username': username }),
        AccessToken: jwt({ ...common, client_id: CLIENT_ID, token_use: 'access', username }),
        RefreshToken: 'refresh-1',
        ExpiresIn: 3600,
        TokenType: 'Bearer',
      },
      ChallengeParameters: {},
    };
  }
  return undefined;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

/** The plain English page: one authenticator, the script tag, nothing else. */
const signInPage = (host) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in</title>` +
  `<script type="module" src="/cdn/cognito-elements.js"></script></head><body>` +
  `<cognito-authenticator user-pool-id="${USER_POOL_ID}" client-id="${CLIENT_ID}" storage="memory" ` +
  `endpoint="http://${host}/cognito"></cognito-authenticator></body></html>`;

/**
 * Serves on 127.0.0.1 (ephemeral port): `/` or `/index.html` is `html(host)`, `/cdn/…` the files of `cdnDir`, and a
 * POST to `/cognito` the scripted Cognito. Nothing is cacheable.
 */
export async function serveCdnPage(cdnDir, html = signInPage) {
  cdnDir = path.resolve(cdnDir);
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (request.method === 'POST' && pathname === '/cognito') {
      let body = '';
      for await (const chunk of request) body += chunk;
      const target = String(request.headers['x-amz-target'] ?? '').split('.').pop();
      const answer = cognito(target, JSON.parse(body || '{}'));
      response.writeHead(answer ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1', 'cache-control': 'no-store' });
      return void response.end(JSON.stringify(answer ?? { __type: 'InvalidParameterException', message: `not scripted: ${target}` }));
    }
    if (pathname === '/' || pathname === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
      return void response.end(html(request.headers.host));
    }
    const file = path.join(cdnDir, path.normalize(decodeURIComponent(pathname.replace(/^\/cdn\//, '/'))));
    if (!pathname.startsWith('/cdn/') || !file.startsWith(cdnDir + path.sep) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(await readFile(file));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

function weigh(bodies) {
  const files = [...bodies].map(([url, body]) => ({
    file: new URL(url).pathname.replace(/^\/cdn\//, ''),
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length,
  }));
  files.sort((a, b) => a.file.localeCompare(b.file));
  const sum = (key) => files.reduce((n, f) => n + f[key], 0);
  return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/** Type into an input as a user does (value + input event), found in the light DOM. */
async function type(page, selector, text) {
  const input = await page.waitForSelector(selector, { visible: true, timeout: 20_000 });
  await input.click();
  await input.type(text);
}

/**
 * Loads the English page in a fresh headless Chromium and records what it fetches: `{ page, firstPaint, journey }`,
 * each `{ files: [{ file, raw, gzip, brotli }], raw, gzip, brotli }`.
 */
export async function measurePageBytes(cdnDir, { chromePath = CHROME_PATH } = {}) {
  const server = await serveCdnPage(cdnDir);
  const browser = await puppeteer.launch({
    executablePath: chromePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setCacheEnabled(false);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const bodies = new Map();
    const pending = new Set();
    page.on('response', (response) => {
      const url = response.url();
      if (!url.startsWith(server.url) || !url.endsWith('.js')) return;
      const read = response.buffer().then((body) => bodies.set(url, body));
      pending.add(read);
      read.finally(() => pending.delete(read));
    });
    const settled = async () => {
      await page.waitForNetworkIdle({ idleTime: NETWORK_IDLE_MS, timeout: 60_000 });
      await Promise.all([...pending]);
    };

    // The page: until the form is usable (the moment is taken in the page, by a MutationObserver), then until idle.
    await page.evaluateOnNewDocument(() => {
      const observer = new MutationObserver(() => {
        const input = document.querySelector('cognito-sign-in form input[name="username"]');
        if (!input || input.getClientRects().length === 0) return;
        window.__formAt = performance.now();
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${server.url}/index.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => window.__formAt !== undefined, { timeout: 30_000 });
    const formAt = await page.evaluate(() => window.__formAt);
    await settled();
    const timing = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name, e.responseEnd]));
    const arrivedBy = new Map(timing);
    const pageBodies = new Map(bodies);
    const firstPaint = new Map([...pageBodies].filter(([url]) => (arrivedBy.get(url) ?? Infinity) <= formAt));

    // The journey: sign in with a password (SRP), answer the TOTP challenge, signed in.
    await type(page, 'cognito-sign-in input[name="username"]', 'reader');
    await type(page, 'cognito-sign-in input[name="password"]', 'correct horse battery staple');
    await page.keyboard.press('Enter');
    await type(page, 'input[name="code"]', '123456');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('input[name="code"]'), { timeout: 30_000 });
    await settled();
    if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
    return { page: weigh(pageBodies), firstPaint: weigh(firstPaint), journey: weigh(bodies), browser: await browser.version() };
  } finally {
    await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
    await server.close();
  }
}
