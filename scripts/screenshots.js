#!/usr/bin/env node
// Screenshots of the demo's stories, for whoever changes styles next: every chosen story in three themes at 320 and
// 1280 px, as PNG files in shots/ (git-ignored). Look at them before and after a change to the CSS.
//
//   node scripts/screenshots.js [--build] [--story ID_OR_PREFIX …] [--theme classic,modern,dark] [--width 320,1280]
//                               [--lang en] [--out shots] [--css aws]
//
// It serves dist-demo/ (`npm run build:demo`; --build, or a missing dist-demo, builds it first) and drives headless
// Chromium ($CHROME_PATH or /usr/bin/chromium) through puppeteer-core, which @web/test-runner-chrome brings along.
// --css aws applies AWS's default hosted-UI CSS template to every story (the demo's Cognito CSS panel holds it).
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const args = process.argv.slice(2);
  const values = [];
  for (let i = 0; i < args.length; i++) if (args[i] === `--${name}` && args[i + 1]) values.push(...args[i + 1].split(','));
  return values.length ? values : fallback;
}
const flag = (name) => process.argv.includes(`--${name}`);

const site = path.join(root, 'dist-demo');
const out = path.resolve(root, option('out', ['shots'])[0]);
const themes = option('theme', ['classic', 'modern', 'dark']);
const widths = option('width', ['320', '1280']);
const lang = option('lang', ['en'])[0];
const wanted = option('story', []);
const css = option('css', [''])[0];

if (flag('build') || !existsSync(path.join(site, 'index.html'))) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-demo.js')], { stdio: 'inherit', env: { ...process.env, QUIET: '1' } });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

let puppeteer;
try {
  puppeteer = (await import('puppeteer-core')).default;
} catch {
  console.error('puppeteer-core is not installed (it comes with @web/test-runner-chrome): run npm install.');
  process.exit(1);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const file = path.join(site, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
  const target = file.endsWith(path.sep) || url.pathname === '/' ? path.join(file, 'index.html') : file;
  if (!target.startsWith(site)) return void res.writeHead(403).end();
  try {
    res.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' }).end(await readFile(target));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'],
});
try {
  const page = await browser.newPage();
  // Wide enough for the shell's sidebar beside a 1280 px canvas.
  await page.setViewport({ width: 1700, height: 1100 });
  await page.goto(base, { waitUntil: 'networkidle0' });
  const all = await page.$$eval('[data-story-id]', (links) => links.map((a) => a.getAttribute('data-story-id')));
  const ids = wanted.length ? all.filter((id) => wanted.some((w) => id === w || id.startsWith(w))) : all;
  if (!ids.length) throw new Error(`no story matches ${wanted.join(', ')}; there are: ${all.join(' ')}`);
  await mkdir(out, { recursive: true });
  let count = 0;
  for (const id of ids) {
    for (const theme of themes) {
      for (const width of widths) {
        const url = new URL(base);
        url.searchParams.set('story', id);
        url.searchParams.set('theme', theme);
        url.searchParams.set('width', width);
        if (lang !== 'en') url.searchParams.set('lang', lang);
        await page.goto(url.href, { waitUntil: 'networkidle0' });
        if (css === 'aws') await useAwsTemplate(page);
        // Rendered, fonts in, theme sheet adopted (the window is painted), QR codes drawn.
        await page.waitForFunction(
          () =>
            document.querySelector('.shell-story')?.childElementCount &&
            document.fonts.status === 'loaded' &&
            [...document.querySelectorAll('.shell-story .cognito-frame')].every((f) => getComputedStyle(f).visibility === 'visible') &&
            ![...document.querySelectorAll('.cognito-qr')].some((q) => q.getAttribute('data-status') === 'loading'),
          { timeout: 10_000 },
        );
        // The story alone on the page, at the chosen width (the shell's canvas scrolls; a screenshot should not).
        await page.evaluate(
          (w, dark) => {
            const story = document.querySelector('.shell-story');
            const shot = document.createElement('div');
            shot.id = 'shot';
            shot.style.cssText = `box-sizing:border-box;width:${w}px;padding:24px 0;background:${dark ? '#0e0f12' : '#f3f4f6'}`;
            shot.append(story);
            document.body.replaceChildren(shot);
            document.body.style.cssText = 'margin:0;overflow:visible;height:auto;display:block';
          },
          Number(width),
          theme === 'dark',
        );
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const viewport = await page.$('#shot');
        const file = path.join(out, `${id}--${theme}--${width}${css ? `--${css}` : ''}${lang !== 'en' ? `--${lang}` : ''}.png`);
        await viewport.screenshot({ path: file, captureBeyondViewport: true });
        count++;
      }
    }
  }
  console.log(`${count} screenshot(s) in ${path.relative(root, out) || '.'}/`);
} finally {
  await browser.close();
  server.close();
}

/** Ticks "Apply to the stories" in the Cognito CSS panel, which holds AWS's default template, as a visitor would. */
async function useAwsTemplate(page) {
  const applied = await page.evaluate(() => {
    const box = document.getElementById('css-apply');
    if (!box) return false;
    if (!box.checked) box.click();
    return true;
  });
  if (!applied) throw new Error('the demo has no Cognito CSS panel to apply AWS\'s template with');
  await page.waitForNetworkIdle({ idleTime: 100 });
}
