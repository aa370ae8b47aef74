// The size budget of the script-tag build (issue: distribution and performance), checked on every `npm test` so size
// never regresses silently. The numbers come from scripts/size.js, the same code `npm run bench` prints.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { transform } from 'esbuild';
import { chunkName, kb, measureCdn, screenNames, SIZE_TARGETS } from '../../scripts/size.js';
import { ensureBuild, root } from '../../scripts/ensure-build.js';

const cdn = path.join(root, 'dist', 'cdn');

describe('size of dist/cdn (the script-tag build)', () => {
  let size;
  before(async () => {
    ensureBuild();
    size = await measureCdn(cdn, { screens: await screenNames(root) });
  });

  const list = (part) => part.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ');

  test(`(a) what the sign-in form needs before first paint is at most ${kb(SIZE_TARGETS.firstPaintGzip)} gzip`, () => {
    assert.ok(
      size.firstPaint.gzip <= SIZE_TARGETS.firstPaintGzip,
      `first paint is ${kb(size.firstPaint.gzip)} gzip (target ${kb(SIZE_TARGETS.firstPaintGzip)}): ${list(size.firstPaint)}`,
    );
  });

  test(`(b) a whole English journey loads at most ${kb(SIZE_TARGETS.journeyGzip)} gzip`, () => {
    assert.ok(
      size.journey.gzip <= SIZE_TARGETS.journeyGzip,
      `the journey is ${kb(size.journey.gzip)} gzip (target ${kb(SIZE_TARGETS.journeyGzip)}): ${list(size.journey)}`,
    );
  });

  test('the first paint never waits for the AWS SDK, SRP, the QR encoder, other screens or other locales', async () => {
    const names = size.firstPaint.files.map((f) => chunkName(f.file));
    const screens = (await screenNames(root)).filter((s) => s !== 'sign-in');
    const lazy = names.filter((n) => ['sdk', 'srp', 'qrcode', ...screens].includes(n) || n.startsWith('locale-'));
    assert.deepEqual(lazy, [], `statically imported by the entry: ${lazy.join(', ')}`);
    // By content too, so a chunk renamed or merged into another cannot hide the SDK: its service's wire name.
    for (const { file } of size.firstPaint.files) {
      const code = await readFile(path.join(cdn, file), 'utf8');
      assert.ok(!code.includes('AWSCognitoIdentityProviderService'), `${file} holds the AWS SDK`);
    }
  });

  test('every file of the script-tag build is fully minified', async () => {
    // Minifying again with esbuild must gain next to nothing (Vite's lib mode, which keeps whitespace, left 15-20%).
    // Template literals (Lit's html``) keep their text as written: their whitespace is content.
    for (const { file, raw } of size.all.files) {
      const code = await readFile(path.join(cdn, file), 'utf8');
      const again = (await transform(code, { minify: true, format: 'esm', target: 'es2022' })).code.length;
      assert.ok(raw <= again * 1.1, `${file}: ${raw} bytes, ${again} once minified again: not minified`);
    }
  });
});
