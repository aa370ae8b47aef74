// The framework example apps (test/frameworks/<app>/): each has its own package.json and package-lock.json, so the
// library's own install stays lean, and takes cognito-elements the way a user's app does: from the package tarball
// (`npm pack` of this repository, at test/frameworks/.pack/cognito-elements.tgz; package.json says
// "cognito-elements": "file:../.pack/cognito-elements.tgz"), installed with `npm ci` and built with the framework's
// usual tooling (`npm run build`: Vite, or the Angular CLI). scripts/test.js calls prepareApps() before the frameworks
// tests, once dist/ is built.
//
//   node test/frameworks/apps.js                  pack, install and build every app (what the tests need)
//   node test/frameworks/apps.js react vue        the same for some apps
//   node test/frameworks/apps.js --update-locks   after changing an app's or the library's dependencies: `npm install`
//                                                 in each app, rewriting its package-lock.json (then commit the locks)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const packDir = path.join(here, '.pack');
const tarball = path.join(packDir, 'cognito-elements.tgz');
const STAMP = '.cognito-elements-install';

/** Every app folder, in the order they are built and tested. */
export const APPS = ['react', 'vue', 'svelte', 'angular'].filter((app) => existsSync(path.join(here, app, 'package.json')));

/** Runs a command; resolves with its exit code and its output (kept, and shown only when it fails). */
function run(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
    child.on('error', (e) => resolve({ code: 1, output: e.message }));
  });
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;

/** `npm pack` of the built package (dist/ must be built: no prepack rebuild here). */
export async function pack() {
  const dest = path.join(packDir, `tmp-${process.pid}`);
  mkdirSync(dest, { recursive: true });
  try {
    const result = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], root);
    if (result.code !== 0) throw new Error(`npm pack failed:\n${result.output}`);
    const [{ filename }] = JSON.parse(result.output.slice(result.output.indexOf('[')));
    renameSync(path.join(dest, filename), tarball);
  } finally {
    rmSync(dest, { recursive: true, force: true });
  }
}

/**
 * Several people may run the tests in one work tree at once: one of them prepares the apps at a time (a folder as
 * the lock, holding the owner's pid; a lock whose owner is gone is taken over).
 */
async function withLock(work) {
  mkdirSync(packDir, { recursive: true });
  const lock = path.join(packDir, 'lock');
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return error.code === 'EPERM';
    }
  };
  for (const start = Date.now(); ; ) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      let owner = 0;
      try {
        owner = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // Just created, pid not written yet.
      }
      if ((owner && !alive(owner)) || Date.now() - start > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A hash of the app's own files (not node_modules/, dist/ or the tests), to skip a build whose inputs are unchanged. */
function sourcesHash(dir) {
  const hash = createHash('sha256');
  const walk = (sub) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(rel);
      } else if (!entry.name.endsWith('.test.ts')) {
        hash.update(`${rel}\0`).update(readFileSync(path.join(dir, rel))).update('\0');
      }
    }
  };
  walk('');
  return hash.digest('hex');
}

/**
 * npm records the tarball's integrity in the lock, and `npm ci` then installs whatever its cache holds under that
 * hash: the package as it was when the lock was written. Without it, npm ci extracts the tarball as it is now.
 */
function dropPackageIntegrity(dir) {
  const file = path.join(dir, 'package-lock.json');
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  const entry = lock.packages?.['node_modules/cognito-elements'];
  if (entry?.integrity) {
    delete entry.integrity;
    writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  }
}

function installStamp(dir) {
  return `${sha256(path.join(dir, 'package-lock.json'))} ${sha256(tarball)}\n`;
}

/** Installs the app from its lock file (unless node_modules already holds exactly this lock and tarball). */
async function install(dir) {
  const stampFile = path.join(dir, 'node_modules', STAMP);
  const stamp = installStamp(dir);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { code: 0, output: '', skipped: true };
  const ci = () => run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir);
  let result = await ci();
  // A second try is cheap next to a failed run (once seen: npm ci stopping half-way, "Cannot cd into node_modules/…").
  if (result.code !== 0) result = await ci();
  if (result.code !== 0) return result;
  // The app must run the package just built, not a copy from npm's cache.
  const installed = path.join(dir, 'node_modules', 'cognito-elements', 'dist', 'index.js');
  if (!existsSync(installed) || sha256(installed) !== sha256(path.join(root, 'dist', 'index.js'))) {
    return { code: 1, output: `${installed} is not the package just built: does package-lock.json record an integrity for cognito-elements? Run node test/frameworks/apps.js --update-locks` };
  }
  writeFileSync(stampFile, stamp);
  return result;
}

/** Builds the app (unless dist/ was built from the same sources, lock and tarball). */
async function build(dir) {
  const stampFile = path.join(dir, 'dist', STAMP);
  const stamp = `${sourcesHash(dir)} ${installStamp(dir)}`;
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return { code: 0, output: '', skipped: true };
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  const result = await run('npm', ['run', 'build'], dir);
  // A failed build leaves no dist/: the app's tests then fail rather than run an old build.
  if (result.code !== 0) rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  else writeFileSync(stampFile, stamp);
  return result;
}

/**
 * Installs and builds each app. Resolves with one result per app: { app, ok, install, build, output } (times as
 * text; output only when something failed).
 */
export function prepareApps(apps = APPS, { log = console.log } = {}) {
  return withLock(async () => {
    await pack();
    // The installs wait mostly on the network and the disk: side by side. The builds need the CPU: one after another.
    const start = Date.now();
    const installs = await Promise.all(
      apps.map(async (app) => {
        const result = await install(path.join(here, app));
        return { ...result, time: result.skipped ? 'up to date' : seconds(start) };
      }),
    );
    const results = [];
    for (const [i, app] of apps.entries()) {
      const installed = installs[i];
      const result = { app, ok: false, install: installed.time, build: '-' };
      if (installed.code !== 0) {
        rmSync(path.join(here, app, 'dist'), { recursive: true, force: true });
        result.output = `npm ci failed:\n${installed.output}`;
      } else {
        const buildStart = Date.now();
        const built = await build(path.join(here, app));
        result.build = built.skipped ? 'up to date' : seconds(buildStart);
        if (built.code !== 0) result.output = `npm run build failed:\n${built.output}`;
        else result.ok = true;
      }
      log(`  ${app}: install ${result.install}, build ${result.build}${result.ok ? '' : ': FAILED'}`);
      if (result.output) log(result.output.split('\n').slice(-60).join('\n'));
      results.push(result);
    }
    return results;
  });
}

/** `npm install` in each app: rewrites its package-lock.json against the freshly packed package. */
export function updateLocks(apps = APPS) {
  return withLock(async () => {
    await pack();
    for (const app of apps) {
      const dir = path.join(here, app);
      rmSync(path.join(dir, 'node_modules', 'cognito-elements'), { recursive: true, force: true });
      const result = await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir);
      if (result.code !== 0) throw new Error(`${app}: npm install failed:\n${result.output}`);
      dropPackageIntegrity(dir);
      rmSync(path.join(dir, 'node_modules', STAMP), { force: true });
      console.log(`  ${app}: package-lock.json updated`);
    }
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const apps = args.filter((a) => !a.startsWith('--'));
  const unknown = apps.filter((a) => !APPS.includes(a));
  if (unknown.length) {
    console.error(`unknown app ${unknown.join(', ')} (${APPS.join(', ')})`);
    process.exit(2);
  }
  if (!existsSync(path.join(root, 'dist', 'index.js'))) {
    console.error('dist/ is not built: npm run build first');
    process.exit(1);
  }
  if (args.includes('--update-locks')) {
    await updateLocks(apps.length ? apps : APPS);
  } else {
    const results = await prepareApps(apps.length ? apps : APPS);
    process.exit(results.every((r) => r.ok) ? 0 : 1);
  }
}
