// What the script-tag build's first paint is made of (issues 8 and 17), by the source maps of its files: the sign-in
// form never waits for i18next (an English page never loads it: test/node/size.test.js checks what Chromium fetches),
// the identity-provider UI (loaded with identity providers) or the customization-css sanitizer (loaded with
// customization-css). scripts/size.js weighs the same files.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { measureCdn, screenNames } from '../../scripts/size.js';
import { ensureBuild, root } from '../../scripts/ensure-build.js';

const cdn = path.join(root, 'dist', 'cdn');

/** Every source file bundled into the first paint, as paths relative to the package root. */
async function firstPaintSources() {
  const size = await measureCdn(cdn, { screens: await screenNames(root) });
  const sources = new Set();
  for (const { file } of size.firstPaint.files) {
    const map = JSON.parse(await readFile(path.join(cdn, `${file}.map`), 'utf8'));
    const dir = path.dirname(path.join(cdn, file));
    for (const source of map.sources) sources.add(path.relative(root, path.resolve(dir, map.sourceRoot ?? '', source)).split(path.sep).join('/'));
  }
  return [...sources];
}

describe('the first paint of dist/cdn', () => {
  let sources;
  before(async () => {
    ensureBuild();
    sources = await firstPaintSources();
  });

  test('holds the sign-in form, the first-paint English and the built-in phrase lookup', () => {
    // English comes in parts (src/locales/en/*.ts): only the part the sign-in form and the frame show is eager.
    for (const file of ['components/screens/sign-in.ts', 'src/locales/en/first-paint.ts', 'src/i18n-lite.ts']) {
      assert.ok(sources.includes(file), `${file} is not in the first paint: ${sources.join(', ')}`);
    }
  });

  test('holds neither i18next, nor the identity-provider UI, nor the customization-css sanitizer, nor other locales or later English', () => {
    const lazy = sources.filter((s) =>
      /^node_modules\/i18next\/|^src\/i18n-next\.ts$|^components\/parts\/(idp-buttons|federation-ui)\.ts$|^components\/customization\.ts$|^src\/locales\/(?!en\/first-paint\.ts$)/.test(s),
    );
    assert.deepEqual(lazy, [], `in the first paint: ${lazy.join(', ')}`);
  });
});
