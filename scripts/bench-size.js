// `npm run bench -- size`: bytes (raw, gzip -9, brotli) of the script-tag build. What an English page fetches in
// Chromium until idle, before its form is usable, and through a sign-in with TOTP (scripts/page-bytes.js); then (a)
// and (b) of scripts/size.js, read from the built files (the same numbers `npm test` holds to their targets).
import path from 'node:path';
import { ensureBuild } from './ensure-build.js';
import { chromePath, root } from './bench-util.js';
import { measurePageBytes } from './page-bytes.js';
import { kb, measureCdn, screenNames, SIZE_TARGETS } from './size.js';

/**
 * Bytes, gzip -9 (and raw, brotli): what a plain English page really fetches in Chromium until the network is idle,
 * the part of it that arrived before the form was usable, and a whole sign-in with a TOTP code (scripts/page-bytes.js);
 * then (a) and (b) of scripts/size.js, read from the built files. Each against its target.
 */
export async function benchSize() {
  ensureBuild();
  const cdn = path.join(root, 'dist', 'cdn');
  const [fetched, size] = [await measurePageBytes(cdn, { chromePath }), await measureCdn(cdn, { screens: await screenNames(root) })];
  const parts = [
    ['size: English page until network idle (Chromium)', fetched.page, SIZE_TARGETS.pageGzip],
    ['size: before the form is usable (Chromium)', fetched.firstPaint, SIZE_TARGETS.firstPaintGzip],
    ['size: sign-in + TOTP journey (Chromium)', fetched.journey, SIZE_TARGETS.signInJourneyGzip],
    ['size (a) first paint, static imports', size.firstPaint, SIZE_TARGETS.firstPaintGzip],
    ['size (b) sign-up to TOTP sign-in, file list', size.journey, SIZE_TARGETS.journeyGzip],
  ];
  const rows = [];
  for (const [label, part, target] of parts) {
    rows.push({
      bench: `${label}, gzip -9`,
      ours: kb(part.gzip),
      target: `<= ${kb(target)} ${part.gzip <= target ? 'ok' : 'OVER'}`,
    });
    rows.push({ bench: `${label}, raw / brotli`, ours: `${kb(part.raw)} / ${kb(part.brotli)}` });
  }
  const summary = (part) => ({
    raw: part.raw,
    gzip: part.gzip,
    brotli: part.brotli,
    files: part.files,
  });
  const within = parts.every(([, part, target]) => part.gzip <= target);
  return {
    rows,
    json: {
      unit: 'bytes',
      page: summary(fetched.page),
      beforeForm: summary(fetched.firstPaint),
      signInJourney: summary(fetched.journey),
      firstPaint: summary(size.firstPaint),
      journey: summary(size.journey),
      allChunks: { raw: size.all.raw, gzip: size.all.gzip, brotli: size.all.brotli },
      targets: SIZE_TARGETS,
      withinTargets: within,
      browser: fetched.browser,
      date: new Date().toISOString(),
    },
  };
}
