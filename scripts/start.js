#!/usr/bin/env node
// `npm start`: the demo with the embedded emulator. Starts the Cognito double (scripts/double/, in front of
// cognito-local) from the seed (fresh state every start, on a free port) and Vite's dev server for demo/, prints the URL
// and the demo users, and stops both on Ctrl-C. The Live story signs in with SRP and has the account page against it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { describeEmulator, startEmulator } from './emulator.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const emulator = await startEmulator({ quiet: false });

// ---- FEDERATION (issue 5): the local OAuth 2.0 server for the Live story's identity providers ---------------------
// oauth2-mock-server at Cognito's paths, on 127.0.0.1. The Live story routes an @acme.example email to it (domain,
// identity-providers, redirect-uri: see demo/shell.ts liveDefaults()) and signs in with the code it sends back.
import { startOAuthServer } from './oauth-server.js';
const oauth = await startOAuthServer();
/** @type {{ domain: string, identityProviders: { name: string, label?: string, identifiers?: string[] }[] }} */
const federation = { domain: oauth.url, identityProviders: [{ name: 'AcmeSAML', label: 'Acme', identifiers: ['acme.example'] }] };
const stopFederation = () => oauth.stop();
// ---- end FEDERATION -----------------------------------------------------------------------------------------------

/** The demo reads the emulator's address and pools (and the OAuth server, if any) from this virtual module. */
// The Live story's pools: the seed's, plus the double's passwordless pool (USER_AUTH: passkeys, email and SMS codes).
const livePools = { ...emulator.seed.pools, ...(emulator.seed.doublePools?.passwordless ? { passwordless: emulator.seed.doublePools.passwordless } : {}) };
const demoEnv = {
  name: 'cognito-elements-demo-env',
  resolveId: (id) => (id === 'virtual:demo-env' ? '\0virtual:demo-env' : undefined),
  load: (id) =>
    id === '\0virtual:demo-env'
      ? `export default ${JSON.stringify({ endpoint: emulator.endpoint, pools: livePools, code: emulator.seed.code, federation })};`
      : undefined,
};

let server;
try {
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'info',
    plugins: [demoEnv],
    server: { host: 'localhost', port: Number(process.env.PORT) || 5173, strictPort: false, open: false },
  });
  await server.listen();
} catch (e) {
  await Promise.allSettled([emulator.stop(), stopFederation()]);
  throw e;
}

const url = `${server.resolvedUrls?.local?.[0] ?? 'http://localhost:5173/'}demo/`;
console.log(describeEmulator(emulator, emulator.seed.code));
console.log(`Demo: ${url}   (the Live story runs on this emulator; every other story needs no server)`);
console.log(`Identity provider: on the Live story, any @acme.example email signs in through the local OAuth server at ${oauth.url}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the demo and cognito-local...');
  await Promise.allSettled([server.close(), emulator.stop(), stopFederation()]);
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
