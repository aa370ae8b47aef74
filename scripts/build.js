#!/usr/bin/env node
// `npm run build`:
//   dist/index.js, dist/engine.js, dist/chunks/   the npm build (ES modules, dependencies left as imports)
//   dist/cdn/cognito-elements.js, dist/cdn/chunks/ the script-tag build (self-contained, fully minified)
//   dist/types/                                    declarations, with the React 19 and Vue typings (typings/)
//   dist/react.js, dist/vue.js                     `cognito-elements/react` / `/vue`: the main entry plus those typings
//   dist/custom-elements.json                      the custom elements manifest (package.json `customElements`)
//   dist/cdn/THIRD-PARTY-LICENSES.txt              licences of the packages bundled into the script-tag build
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
// Everything is built into a staging folder, then swapped in for dist/ at the end: a test, bench or dev server
// reading dist/ while a build runs (several people share one work tree) sees the old build or the new one, never
// half of one.
const staging = `dist.building-${process.pid}`;
const dist = path.join(root, staging);
process.env.COGNITO_ELEMENTS_OUT_DIR = staging;
process.on('exit', () => rmSync(dist, { recursive: true, force: true }));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build failed: ${path.basename(command)} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

rmSync(dist, { recursive: true, force: true });

try {
  await build({ root, mode: 'production', logLevel: 'warn' });
  await build({ root, mode: 'cdn', logLevel: 'warn' });
} catch (error) {
  console.error(error);
  process.exit(1);
}

run(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json', '--outDir', path.join(staging, 'types')]);

// The framework typings (typings/*.d.ts) are hand-written: they augment 'react' and 'vue', which this package does not
// depend on. Copied to dist/types/typings/, their `../components/…` imports resolve to the generated declarations.
cpSync(path.join(root, 'typings'), path.join(dist, 'types', 'typings'), { recursive: true });
for (const framework of ['react', 'vue']) {
  writeFileSync(
    path.join(dist, `${framework}.js`),
    `// cognito-elements/${framework}: registers the elements, like cognito-elements, and brings the ${framework} typings.\nexport * from './index.js';\n`,
  );
}

writeFileSync(path.join(dist, 'cdn', 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses());

// Last, so its time stamp says when the build finished (scripts/ensure-build.js compares it with the sources').
run(process.execPath, [path.join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js'), 'analyze', '--outdir', staging]);

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
renameSync(dist, path.join(root, 'dist'));

console.log(`built dist/ (npm), dist/cdn/ (script tag), dist/types/, dist/custom-elements.json in ${((Date.now() - started) / 1000).toFixed(1)} s`);

/**
 * The minifier drops licence comments, so the licences of every package bundled into dist/cdn (read from the source
 * maps) go into one file beside it.
 */
function thirdPartyLicenses() {
  const packages = new Map();
  const cdn = path.join(dist, 'cdn');
  for (const file of readdirSync(cdn, { recursive: true })) {
    if (!String(file).endsWith('.js.map')) continue;
    const map = JSON.parse(readFileSync(path.join(cdn, String(file)), 'utf8'));
    for (const source of map.sources ?? []) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source.replaceAll('\\', '/'));
      if (!match) continue;
      const dir = path.join(root, 'node_modules', match[1]);
      if (packages.has(match[1]) || !existsSync(dir)) continue;
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      const licenseFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
      packages.set(match[1], {
        version: pkg.version,
        license: typeof pkg.license === 'string' ? pkg.license : (pkg.license?.type ?? 'see package'),
        text: licenseFile ? readFileSync(path.join(dir, licenseFile), 'utf8').trim() : '',
      });
    }
  }
  const sections = [...packages.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, p]) => `${name}@${p.version} (${p.license})\n\n${p.text || '(no licence file in the package)'}\n`);
  return `Packages bundled into cognito-elements.js and its chunks:\n\n${sections.join('\n' + '-'.repeat(78) + '\n\n')}`;
}
