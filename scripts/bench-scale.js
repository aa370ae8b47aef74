// `npm run bench -- scale`: many authenticators on one page (issue 17), in headless Chromium, from dist/cdn.
//
// (1) 50 <cognito-authenticator> elements on one page: time until all 50 sign-in forms are usable, the main thread's
//     blocking meanwhile (long tasks over 50 ms, as Lighthouse counts total blocking time), and afterwards how fast the
//     page answers: typing into the 50th form, keydown to the next frame (median of 20).
// (2) 200 attach/detach cycles of one authenticator (create, append, wait for its form, remove): after each 20 cycles,
//     with garbage collected (CDP HeapProfiler.collectGarbage), the JS heap in use (Runtime.getHeapUsage), the event
//     listeners and DOM nodes alive (Memory.getDOMCounters), and the timers pending (setTimeout/setInterval, counted by
//     a wrapper installed before the page's scripts). Reported: each count's slope per cycle (least squares over the
//     samples after the first, so one-off caches such as the first screen's chunk do not count as growth).
import { CLIENT_ID, serveCdnPage, USER_POOL_ID } from './page-bytes.js';

const MANY = 50;
const CYCLES = 200;
const SAMPLE_EVERY = 20;

const authenticatorHtml = (host, n) =>
  `<cognito-authenticator user-pool-id="${USER_POOL_ID}" client-id="${CLIENT_ID}" storage="memory" endpoint="http://${host}/cognito"></cognito-authenticator>`.repeat(n);

const page = (body) => (host) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>scale</title>` +
  `<script type="module" src="/cdn/cognito-elements.js"></script></head><body>${body(host)}</body></html>`;

/** Installed before the page's scripts: long tasks, and the timers pending now. */
function instrument() {
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
  const pending = new Set();
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
  window.setTimeout = function (fn, ...rest) {
    const id = st.call(window, (...args) => {
      pending.delete(id);
      return typeof fn === 'function' ? fn(...args) : undefined;
    }, ...rest);
    pending.add(id);
    return id;
  };
  window.clearTimeout = (id) => (pending.delete(id), ct.call(window, id));
  window.setInterval = function (...args) {
    const id = si.apply(window, args);
    pending.add(id);
    return id;
  };
  window.clearInterval = (id) => (pending.delete(id), ci.call(window, id));
  window.__pendingTimers = () => pending.size;
}

/** Least-squares slope of ys over xs. */
function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : 0;
}

const round = (n, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function manyOnOnePage(browser, cdn) {
  const server = await serveCdnPage(cdn, page((host) => authenticatorHtml(host, MANY)));
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await tab.setCacheEnabled(false);
    await tab.evaluateOnNewDocument(instrument);
    await tab.goto(`${server.url}/index.html`, { waitUntil: 'domcontentloaded' });
    await tab.waitForFunction(
      (n) => document.querySelectorAll('cognito-sign-in form input[name="username"]').length === n,
      { timeout: 60_000, polling: 'mutation' },
      MANY,
    );
    const allFormsMs = await tab.evaluate(() => performance.now());
    await tab.waitForNetworkIdle({ idleTime: 500, timeout: 60_000 });
    // Responsiveness once settled: a key typed into the last form, to the frame that shows it.
    const input = (await tab.$$('cognito-sign-in input[name="username"]')).at(-1);
    await input.focus();
    const latencies = [];
    for (let i = 0; i < 20; i++) {
      await tab.evaluate(() => {
        window.__keyAt = undefined;
        document.addEventListener('keydown', () => (window.__keyAt = performance.now()), { once: true, capture: true });
      });
      await tab.keyboard.type('a');
      latencies.push(await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - window.__keyAt)))));
    }
    const typed = await tab.evaluate((el) => el.value.length, input);
    const longTasks = await tab.evaluate(() => window.__longTasks);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      authenticators: MANY,
      allFormsUsableMs: round(allFormsMs),
      longTasks: longTasks.length,
      longestTaskMs: round(Math.max(0, ...longTasks)),
      totalBlockingMs: round(longTasks.reduce((n, d) => n + Math.max(0, d - 50), 0)),
      keyToFrameMedianMs: round(sorted[sorted.length >> 1]),
      keyToFrameMaxMs: round(sorted.at(-1)),
      typedCharacters: typed,
    };
  } finally {
    await context.close();
    await server.close();
  }
}

async function attachDetach(browser, cdn) {
  const server = await serveCdnPage(cdn, page(() => ''));
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await tab.evaluateOnNewDocument(instrument);
    const cdp = await tab.createCDPSession();
    await tab.goto(`${server.url}/index.html`, { waitUntil: 'load' });
    await tab.waitForFunction(() => customElements.get('cognito-authenticator') !== undefined);
    const endpoint = `${server.url}/cognito`;
    const cycle = (n) =>
      tab.evaluate(
        async (count, ids) => {
          for (let i = 0; i < count; i++) {
            const el = document.createElement('cognito-authenticator');
            el.setAttribute('user-pool-id', ids.pool);
            el.setAttribute('client-id', ids.client);
            el.setAttribute('storage', 'memory');
            el.setAttribute('endpoint', ids.endpoint);
            document.body.append(el);
            while (!el.querySelector('cognito-sign-in form input[name="username"]')) await new Promise((r) => requestAnimationFrame(r));
            el.remove();
          }
          await new Promise((r) => setTimeout(r, 0));
        },
        n,
        { pool: USER_POOL_ID, client: CLIENT_ID, endpoint },
      );
    const sample = async (cycles) => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
      const timers = await tab.evaluate(() => window.__pendingTimers());
      return { cycles, heapBytes: usedSize, nodes, listeners: jsEventListeners, timers };
    };
    const samples = [await sample(0)];
    for (let done = 0; done < CYCLES; done += SAMPLE_EVERY) {
      await cycle(SAMPLE_EVERY);
      samples.push(await sample(done + SAMPLE_EVERY));
    }
    const steady = samples.slice(1);
    const per = (key) => round(slope(steady.map((s) => s.cycles), steady.map((s) => s[key])), 3);
    return {
      cycles: CYCLES,
      samples,
      heapBytesPerCycle: per('heapBytes'),
      listenersPerCycle: per('listeners'),
      nodesPerCycle: per('nodes'),
      timersPerCycle: per('timers'),
    };
  } finally {
    await context.close();
    await server.close();
  }
}

/** The bench: rows for the table and the JSON for bench/results.json. */
export async function benchScale(context, { cdn }) {
  const browser = await context.browser();
  const many = await manyOnOnePage(browser, cdn);
  const cycles = await attachDetach(browser, cdn);
  const first = cycles.samples[1];
  const last = cycles.samples.at(-1);
  const growth = (key) => `${first[key]} -> ${last[key]}`;
  return {
    rows: [
      { bench: `scale: ${MANY} authenticators, all forms usable`, ours: `${many.allFormsUsableMs} ms` },
      { bench: `scale: ${MANY} authenticators, total blocking (long tasks)`, ours: `${many.totalBlockingMs} ms (${many.longTasks})` },
      { bench: `scale: ${MANY} authenticators, key -> frame (median/max)`, ours: `${many.keyToFrameMedianMs} / ${many.keyToFrameMaxMs} ms` },
      { bench: `scale: ${CYCLES} attach/detach, heap slope`, ours: `${cycles.heapBytesPerCycle} B/cycle`, target: `${(first.heapBytes / 1e6).toFixed(2)} -> ${(last.heapBytes / 1e6).toFixed(2)} MB` },
      { bench: `scale: ${CYCLES} attach/detach, listeners`, ours: `${cycles.listenersPerCycle}/cycle`, target: growth('listeners') },
      { bench: `scale: ${CYCLES} attach/detach, pending timers`, ours: `${cycles.timersPerCycle}/cycle`, target: growth('timers') },
      { bench: `scale: ${CYCLES} attach/detach, DOM nodes`, ours: `${cycles.nodesPerCycle}/cycle`, target: growth('nodes') },
    ],
    json: { many, cycles, browser: await context.browserVersion(), date: new Date().toISOString() },
  };
}
