// The Cognito double: an HTTP server in front of cognito-local. It answers the operations and enforces the rules
// cognito-local lacks (each handler cites the Cognito API Reference page it follows) and forwards everything else,
// byte for byte, to cognito-local, which keeps pools, clients, users, passwords and codes.
//
//   const double = await startDouble({ upstream: 'http://127.0.0.1:9229', dir, seed });  // dir: cognito-local's cwd
//   double.endpoint  // give this to clients instead of cognito-local's address
//   await double.stop();
//
// Control endpoint (tests only; answered to loopback callers only, never forwarded):
//   POST /__double/clock {"advanceMs": 180000}  → {"now": <epoch ms>}   moves the double's clock forward
//   POST /__double/clock {"reset": true}        → {"now": <epoch ms>}   back to real time
//   GET  /__double/clock                        → {"now": <epoch ms>}
import http from 'node:http';
import { createClock } from './clock.js';
import { maskDeliveries } from './delivery.js';
import { CognitoError } from './errors.js';
import { createHandlers } from './handlers.js';
import { createStore } from './store.js';

const HOST = '127.0.0.1';
const CORS = { 'access-control-allow-origin': '*' };
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res, status, json, headers = {}) {
  const body = JSON.stringify(json);
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', ...CORS, ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export async function startDouble({ upstream, dir, seed = {}, port = 0, clock = createClock(), code = seed.code ?? '123456' }) {
  const store = createStore(dir);

  /** Calls cognito-local with one operation; its answer as { status, json }. */
  async function callUpstream(operation, body) {
    const res = await fetch(upstream, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = { __type: 'InternalErrorException', message: text };
    }
    return { status: res.status, json };
  }

  // Tokens name the double as their issuer (scripts/emulator.js sets cognito-local's IssuerDomain to it); known once
  // the server listens.
  let endpoint = '';
  const handlers = createHandlers({ store, clock, upstream: callUpstream, seed, code, issuerDomain: () => endpoint, upstreamUrl: upstream });

  /** Forwards a request unchanged (method, path, headers, body) and streams cognito-local's answer back. */
  function forward(req, res, body) {
    const target = new URL(req.url, upstream);
    const headers = { ...req.headers, host: target.host };
    const out = http.request(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', (error) => send(res, 502, { __type: 'InternalErrorException', message: `cognito-local: ${error.message}` }));
    out.end(body);
  }

  async function handle(req, res) {
    const body = await readBody(req);
    const url = new URL(req.url, 'http://double');
    if (url.pathname === '/__double/clock') {
      if (!LOOPBACK.has(req.socket.remoteAddress)) return send(res, 403, { message: 'loopback only' });
      if (req.method === 'POST') {
        try {
          const control = JSON.parse(body.toString('utf8') || '{}');
          if (control.reset === true) clock.reset();
          else clock.advance(Number(control.advanceMs));
        } catch (error) {
          return send(res, 400, { message: error.message });
        }
      }
      return send(res, 200, { now: clock.now() });
    }
    const operation = req.method === 'POST' && url.pathname === '/' ? String(req.headers['x-amz-target'] ?? '').split('.')[1] : undefined;
    const handler = operation && handlers[operation];
    if (!handler) return forward(req, res, body);
    let input;
    try {
      input = JSON.parse(body.toString('utf8') || '{}');
    } catch {
      return send(res, 400, { __type: 'SerializationException', message: 'Request body is not valid JSON' });
    }
    try {
      const answer = await handler(input);
      // A handler returns either its own output (200) or cognito-local's answer to a call it made ({ status, json }).
      const { status, json } = answer && 'status' in answer && 'json' in answer ? answer : { status: 200, json: answer };
      send(res, status, status === 200 ? maskDeliveries(json) : json, status === 200 ? {} : { 'x-amzn-errortype': String(json.__type ?? '') });
    } catch (error) {
      if (error instanceof CognitoError) {
        return send(res, 400, { __type: error.type, message: error.message }, { 'x-amzn-errortype': error.type });
      }
      send(res, 500, { __type: 'InternalErrorException', message: String(error?.message ?? error) });
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) send(res, 500, { __type: 'InternalErrorException', message: String(error?.message ?? error) });
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  endpoint = `http://${HOST}:${server.address().port}`;
  return {
    endpoint,
    port: server.address().port,
    clock,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
