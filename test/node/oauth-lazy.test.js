// The OAuth 2.0 code that only runs once a user picks an identity provider or comes back from one (src/oauth/grant.ts:
// PKCE, the authorize URL, /oauth2/token and /oauth2/revoke; src/flow/hosted.ts) is a lazy chunk, not first paint:
// most pages have no `domain`. HostedSignIn itself (callback check, pending state, logout URL) stays, so
// `AuthFlow.hosted` is still there synchronously.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { measureCdn, screenNames } from '../../scripts/size.js';
import { ensureBuild, root } from '../../scripts/ensure-build.js';

const cdn = path.join(root, 'dist', 'cdn');

describe('identity providers in dist/cdn', () => {
  let sources;
  before(async () => {
    ensureBuild();
    const size = await measureCdn(cdn, { screens: await screenNames(root) });
    sources = [];
    for (const { file } of size.firstPaint.files) {
      const map = JSON.parse(await readFile(path.join(cdn, `${file}.map`), 'utf8'));
      const dir = path.dirname(path.join(cdn, file));
      for (const s of map.sources) sources.push(path.relative(root, path.resolve(dir, map.sourceRoot ?? '', s)).split(path.sep).join('/'));
    }
  });

  test('the first paint holds HostedSignIn but not the code grant, PKCE, the token endpoint or the IdP journey', () => {
    assert.ok(sources.includes('src/oauth/hosted-sign-in.ts'), `HostedSignIn is not in the first paint: ${sources.join(', ')}`);
    const lazy = sources.filter((s) => /^src\/oauth\/(grant|pkce|token-endpoint|authorize-url)\.ts$|^src\/flow\/hosted\.ts$/.test(s));
    assert.deepEqual(lazy, [], `in the first paint: ${lazy.join(', ')}`);
  });
});
