import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import pkg from './package.json' with { type: 'json' };

const root = fileURLToPath(new URL('.', import.meta.url));
const dependencies = Object.keys(pkg.dependencies);
const isDependency = (id: string) => dependencies.some((d) => id === d || id.startsWith(`${d}/`));

/**
 * Chunk names say what a chunk holds, so the size bench (scripts/size.js) and a person reading a network panel can
 * tell them apart: `locale-de-…` for a locale, `qrcode-…` for the QR encoder, `sdk-…` for the Cognito client
 * (src/api/transport.ts: Cognito's JSON API over fetch, in place of the AWS SDK; the name is the one tests know),
 * `srp-…` for the SRP code (src/crypto/srp-user.ts and the maths it imports),
 * `i18next-…` for i18next (src/i18n-next.ts, loaded right after the first paint).
 */
function chunkName(chunk: { name: string; facadeModuleId: string | null; moduleIds: readonly string[] }): string {
  const id = chunk.facadeModuleId ?? '';
  const locale = /\/src\/locales\/([\w-]+)\.ts$/.exec(id);
  if (locale && locale[1] !== 'index') return `chunks/locale-${locale[1]}-[hash].js`;
  if (/\/node_modules\/qrcode\//.test(id)) return 'chunks/qrcode-[hash].js';
  if (/\/src\/api\/transport\.ts$/.test(id)) return 'chunks/sdk-[hash].js';
  if (/\/src\/crypto\/srp-user\.ts$/.test(id)) return 'chunks/srp-[hash].js';
  if (/\/src\/i18n-next\.ts$/.test(id)) return 'chunks/i18next-[hash].js';
  return 'chunks/[name]-[hash].js';
}

/**
 * Two library builds (scripts/build.js runs both, then the declarations and the custom-elements manifest):
 * - `npm` (default): ES modules for bundlers, dependencies left as imports; entries `index` (registers the elements),
 *   `engine` (no elements, no side effects) and `account` (`<cognito-account>` and its sections, on demand). Whitespace is kept (Vite's lib mode): the app's bundler minifies.
 * - `cdn`: `dist/cdn/cognito-elements.js` for a <script type="module"> tag, dependencies bundled, fully minified.
 *   Everything the first paint does not need (Cognito client, SRP, screens, QR code, locales, i18next, the
 *   identity-provider UI, the customization-css sanitizer) is split into chunks in `dist/cdn/chunks/`, imported with
 *   relative specifiers, so they load from beside the entry wherever it is served.
 */
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  // scripts/build.js builds into a staging folder and swaps it in whole, so nothing ever reads a half-built dist/.
  const out = process.env.COGNITO_ELEMENTS_OUT_DIR ?? 'dist';
  return {
    root,
    publicDir: false,
    build: {
      outDir: cdn ? `${out}/cdn` : out,
      emptyOutDir: cdn,
      target: 'es2022',
      sourcemap: true,
      minify: true,
      lib: {
        entry: cdn ? { 'cognito-elements': 'components/cdn.ts' } : { index: 'components/index.ts', engine: 'src/index.ts', account: 'components/account/index.ts' },
        formats: ['es'],
      },
      rollupOptions: {
        external: cdn ? [] : isDependency,
        // What the entry imports statically goes into the entry itself, so the first paint costs one request, not a
        // waterfall of entry -> shared chunks; the lazy chunks then import those shared modules from the entry. That
        // adds (minified) exports to the entry, which Vite's lib mode forbids by default ('strict').
        ...(cdn ? { preserveEntrySignatures: 'allow-extension' as const } : {}),
        onLog(level, log, handler) {
          // Expected in the npm build: the engine entry exports createSrpSession, so srp-user.ts stays in the shared
          // chunk and src/flow/auth-flow.ts's import() of it only defers the call there. The script-tag build splits it out.
          if (!cdn && log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' && log.message.includes('src/crypto/srp-user.ts')) return;
          handler(level, log);
        },
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: chunkName,
          // Lib mode minifies ES output without removing whitespace and keeps /* @__PURE__ */ annotations, both for a
          // bundler that never comes for the script-tag build: there, minify fully and drop every comment (the bundled
          // packages' licences go to dist/cdn/THIRD-PARTY-LICENSES.txt, see scripts/build.js).
          ...(cdn ? { minify: true, comments: false } : {}),
          // One file for the first paint. Rolldown (Vite 8) leaves a module the entry and a lazy chunk share in a
          // common chunk of its own whenever its chunk-merging pass sees a risk of a cycle (it did for lit, the
          // directives, errors, English and the password policy once slots-place.ts and the account chunk came:
          // 6 extra requests before the form, +2 KB gzip, one chunk too small to minify). This group puts every
          // module the entry needs statically (`$initial`) into the entry itself; lazy chunks import them from it.
          ...(cdn ? { codeSplitting: { groups: [{ name: 'cognito-elements', tags: ['$initial' as const] }] } } : {}),
        },
      },
    },
  };
});
