#!/usr/bin/env node
// `npm start`: the demo with the embedded emulator. Starts cognito-local from the seed (fresh state every start, on a
// free port) and Vite's dev server for demo/, prints the URL and the demo users, and stops both on Ctrl-C.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { describeEmulator, startEmulator } from './emulator.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const emulator = await startEmulator({ quiet: false });

/** The demo reads the emulator's address and pools from this virtual module. */
const demoEnv = {
  name: 'cognito-elements-demo-env',
  resolveId: (id) => (id === 'virtual:demo-env' ? '\0virtual:demo-env' : undefined),
  load: (id) =>
    id === '\0virtual:demo-env'
      ? `export default ${JSON.stringify({ endpoint: emulator.endpoint, pools: emulator.seed.pools, code: emulator.seed.code })};`
      : undefined,
};

let server;
try {
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'info',
    plugins: [demoEnv],
    server: { host: '127.0.0.1', port: Number(process.env.PORT) || 5173, strictPort: false, open: false },
  });
  await server.listen();
} catch (e) {
  await emulator.stop();
  throw e;
}

const url = `${server.resolvedUrls?.local?.[0] ?? 'http://127.0.0.1:5173/'}demo/`;
console.log(describeEmulator(emulator, emulator.seed.code));
console.log(`Demo: ${url}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the demo and cognito-local...');
  await Promise.allSettled([server.close(), emulator.stop()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
