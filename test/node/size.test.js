// The size budget of the script-tag build (issues 8 and 17), checked on every `npm test` so size never regresses
// silently. What a page downloads is measured in headless Chromium, from the responses it really gets
// (scripts/page-bytes.js); the first paint's static imports and (b) are read from the built files (scripts/size.js).
// `npm run bench -- size` prints the same numbers.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { transform } from 'esbuild';
import { measurePageBytes } from '../../scripts/page-bytes.js';
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

  test(`(b) a whole English journey (sign-up to a TOTP sign-in, by the file list) loads at most ${kb(SIZE_TARGETS.journeyGzip)} gzip`, () => {
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

describe('what a plain English page downloads, measured in Chromium', () => {
  let bytes;
  before(async () => {
    ensureBuild();
    bytes = await measurePageBytes(cdn);
  });

  const list = (part) => part.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ');
  const I18NEXT = /(^|\/)(i18next|locale-)/;

  test(`the sign-in page, until the network is idle, is at most ${kb(SIZE_TARGETS.pageGzip)} gzip, without i18next`, () => {
    const i18next = bytes.page.files.filter((f) => I18NEXT.test(f.file)).map((f) => f.file);
    assert.deepEqual(i18next, [], 'an English page with no overrides fetched i18next or a locale');
    assert.ok(bytes.page.gzip <= SIZE_TARGETS.pageGzip, `the page fetched ${kb(bytes.page.gzip)} gzip (target ${kb(SIZE_TARGETS.pageGzip)}): ${list(bytes.page)}`);
  });

  test(`what arrived before the form was usable (its critical path) is at most ${kb(SIZE_TARGETS.firstPaintGzip)} gzip`, () => {
    assert.ok(bytes.firstPaint.files.length > 0, 'nothing arrived before the form: the measure is broken');
    assert.ok(
      bytes.firstPaint.gzip <= SIZE_TARGETS.firstPaintGzip,
      `${kb(bytes.firstPaint.gzip)} gzip before the form (target ${kb(SIZE_TARGETS.firstPaintGzip)}): ${list(bytes.firstPaint)}`,
    );
  });

  test(`a whole English sign-in (password by SRP, then a TOTP code) downloads at most ${kb(SIZE_TARGETS.signInJourneyGzip)} gzip`, () => {
    const names = bytes.journey.files.map((f) => chunkName(f.file));
    for (const chunk of ['srp', 'sdk', 'mfa-code']) assert.ok(names.includes(chunk), `the journey never fetched ${chunk}: ${names.join(', ')}`);
    assert.ok(!bytes.journey.files.some((f) => I18NEXT.test(f.file)), 'an English sign-in fetched i18next or a locale');
    assert.ok(
      bytes.journey.gzip <= SIZE_TARGETS.signInJourneyGzip,
      `the sign-in fetched ${kb(bytes.journey.gzip)} gzip (target ${kb(SIZE_TARGETS.signInJourneyGzip)}): ${list(bytes.journey)}`,
    );
  });
});
