#!/usr/bin/env node
// `npm run build`: the npm build (dist/index.js, dist/engine.js), the script-tag build (dist/cdn/), and type
// declarations (dist/types/).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });

await build({ root, mode: 'production', logLevel: 'warn' });
await build({ root, mode: 'cdn', logLevel: 'warn' });

const tsc = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
console.log('built dist/ (npm), dist/cdn/ (script tag), dist/types/ (declarations)');
