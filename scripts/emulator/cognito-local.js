// Runs cognito-local (node_modules/cognito-local) as a child process in a temporary state directory: writes its
// files, starts it, waits for /health, keeps its last output lines, and makes sure it and its directory go away with
// this process (stop(), exit, SIGINT/SIGTERM, and a watchdog in the child for when this process is killed outright).
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 3_000;
const LOG_LINES_KEPT = 200;

/** Where cognito-local is installed (its defaults for new pools are read from there too). */
export const cognitoLocalDir = path.dirname(require.resolve('cognito-local/package.json'));
const startScript = path.join(cognitoLocalDir, 'lib', 'bin', 'start.js');

const WATCHDOG = `const quit = () => {
  try { require('node:fs').rmSync(__dirname, { recursive: true, force: true }); } catch {}
  process.exit(0);
};
process.stdin.on('end', quit);
process.stdin.on('error', quit);
process.stdin.resume();
`;

const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Every emulator this process started and has not stopped yet; see the exit/signal handlers below.
const running = new Set();
let handlersInstalled = false;

function installProcessHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // Last resort (synchronous): the process is going away, whatever the reason.
  process.on('exit', () => {
    for (const instance of running) instance.killSync();
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    const onSignal = async () => {
      await Promise.allSettled([...running].map((instance) => instance.stop()));
      // If nobody else handles the signal, restore Node's default behaviour (terminate with that signal).
      if (process.listenerCount(signal) === 1) {
        process.off(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}

/**
 * A fresh temporary directory holding cognito-local's state: `files` ({ 'config.json': ..., 'db/<PoolId>.json': ... },
 * paths relative to .cognito/) and the watchdog the child preloads. Nothing is left behind if writing fails.
 * @returns {Promise<string>} the directory
 */
export async function prepareStateDir(files) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cognito-local-'));
  try {
    await mkdir(path.join(dir, '.cognito', 'db'), { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      await writeFile(path.join(dir, '.cognito', name), `${JSON.stringify(content, null, 2)}\n`);
    }
    // Preloaded into the emulator: when our end of its stdin closes, i.e. when this process stops it or dies in any
    // way (even SIGKILL), the emulator deletes its temporary directory and exits.
    await writeFile(path.join(dir, 'parent-watchdog.cjs'), WATCHDOG);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

/**
 * Starts cognito-local in `dir` (from prepareStateDir) on `port` and waits until it answers /health. On failure it is
 * stopped (and `dir` deleted) before the error is thrown; stop() also deletes `dir`.
 * @param {{ dir: string, port: number, code: string, quiet: boolean }} options
 * @returns {Promise<{ endpoint: string, output: () => string, stop: () => Promise<void> }>}
 */
export async function startCognitoLocal({ dir, port, code, quiet }) {
  const endpoint = `http://${HOST}:${port}`;

  const child = spawn(process.execPath, ['--require', path.join(dir, 'parent-watchdog.cjs'), startScript], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST,
      CODE: String(code),
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.on('error', () => {});

  const lines = [];
  const consume = (stream) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      pending += chunk;
      const parts = pending.split(/\r?\n/);
      pending = parts.pop();
      for (const line of parts) {
        lines.push(stripAnsi(line));
        if (lines.length > LOG_LINES_KEPT) lines.shift();
        if (!quiet) console.log(`[cognito-local] ${line}`);
      }
    });
  };
  consume(child.stdout);
  consume(child.stderr);
  const output = () => lines.join('\n');

  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (codeOrNull, signal) => {
      exitInfo = { code: codeOrNull, signal };
      resolve(exitInfo);
    });
    child.on('error', (error) => {
      exitInfo = { error };
      lines.push(String(error));
      resolve(exitInfo);
    });
  });

  let stopping = null;
  const instance = {
    killSync() {
      running.delete(instance);
      if (!exitInfo) {
        try {
          child.kill('SIGKILL');
        } catch {}
      }
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {}
    },
    stop() {
      stopping ??= (async () => {
        if (!exitInfo) {
          child.stdin.end();
          child.kill('SIGTERM');
          const timer = sleep(STOP_GRACE_MS).then(() => 'timeout');
          if ((await Promise.race([exited, timer])) === 'timeout') {
            child.kill('SIGKILL');
            await exited;
          }
        }
        running.delete(instance);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
  running.add(instance);
  installProcessHandlers();

  const lastLines = () => lines.slice(-20).join('\n') || '(no output)';
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exitInfo) {
      await instance.stop();
      const how = exitInfo.error
        ? `failed to start (${exitInfo.error.message})`
        : `exited with ${exitInfo.signal ?? `code ${exitInfo.code}`}`;
      throw new Error(`cognito-local ${how} before answering ${endpoint}/health. Last output:\n${lastLines()}`);
    }
    try {
      const res = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(
        `cognito-local did not answer ${endpoint}/health within ${START_TIMEOUT_MS / 1000} s. Last output:\n${lastLines()}`,
      );
    }
    await sleep(100);
  }
  return { endpoint, output, stop: () => instance.stop() };
}
