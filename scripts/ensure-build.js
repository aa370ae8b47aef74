// For what measures or packs the built package (test/node/*.test.js, scripts/bench.js): dist/ must match the sources.
// scripts/test.js builds right before the node tests; run alone, a missing or stale dist/ is rebuilt first.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const INPUTS = ['src', 'components', 'typings', 'themes', 'package.json', 'vite.config.ts', 'tsconfig.build.json', 'scripts/build.js', 'custom-elements-manifest.config.mjs'];

function newest(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(file).map((f) => newest(path.join(file, f))));
}

/** Builds dist/ unless it is newer than every input of the build. */
export function ensureBuild() {
  const marker = path.join(root, 'dist', 'custom-elements.json'); // written last by scripts/build.js
  const built = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  if (built && built >= Math.max(...INPUTS.map((f) => newest(path.join(root, f))))) return;
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.js')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}
