import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import pkg from './package.json' with { type: 'json' };

const root = fileURLToPath(new URL('.', import.meta.url));
const dependencies = Object.keys(pkg.dependencies);
const isDependency = (id: string) => dependencies.some((d) => id === d || id.startsWith(`${d}/`));

/**
 * Two library builds (scripts/build.js runs both):
 * - `npm` (default): ES modules for bundlers, dependencies left as imports; entries `index` (registers the elements)
 *   and `engine` (no elements, no side effects).
 * - `cdn`: one self-contained `dist/cdn/cognito-elements.js` for a <script type="module"> tag; everything else it
 *   needs (the AWS SDK, screens, QR code) is split into chunks beside it and loaded relative to its own URL.
 */
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    root,
    publicDir: false,
    build: {
      outDir: cdn ? 'dist/cdn' : 'dist',
      emptyOutDir: cdn,
      target: 'es2022',
      sourcemap: true,
      minify: true,
      lib: {
        entry: cdn ? { 'cognito-elements': 'components/index.ts' } : { index: 'components/index.ts', engine: 'src/index.ts' },
        formats: ['es'],
      },
      rollupOptions: {
        external: cdn ? [] : isDependency,
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  };
});
