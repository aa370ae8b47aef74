#!/usr/bin/env node
// A real OAuth 2.0 server for the federation tests: oauth2-mock-server's request handler, with its endpoints at
// Cognito's paths (/oauth2/authorize, /oauth2/token, /oauth2/revoke, /oauth2/userInfo), on 127.0.0.1 only.
//
//   import { startOAuthServer } from './scripts/oauth-server.js';
//   const oauth = await startOAuthServer();   // { url, stop }
//
//   node scripts/oauth-server.js [--port N]    (runs until Ctrl-C)
//
// oauth2-mock-server does the OAuth work: it issues a code at /oauth2/authorize and redirects to redirect_uri with it
// and the state, remembers the PKCE challenge, and at /oauth2/token checks the code_verifier against the S256
// challenge and signs real JWTs. A thin layer in front adds what Cognito does and the mock does not, so the tests see
// Cognito's answers:
//   - a code is redeemed once, only with the redirect_uri and client_id it was issued for, and only with a
//     code_verifier when a code_challenge was sent (the mock skips PKCE when the verifier is missing): else
//     `invalid_grant`, as Cognito answers; the mock's own PKCE refusal (`invalid_request`) becomes `invalid_grant` too;
//   - id tokens carry Cognito's claims (cognito:username, email, identities), access tokens username and client_id;
//   - GET /logout?client_id&logout_uri redirects to logout_uri, as Cognito's /logout does.
// And test-only endpoints (CORS open, as the browser tests call them):
//   GET  /__oauth/log                         every authorize, token, revoke and logout request: parameters, status, error
//   POST /__oauth/next-error?error=…[&error_description=…]
//                                             the next /oauth2/authorize redirects back with that error, no code
import http from 'node:http';
import { OAuth2Issuer, OAuth2Service } from 'oauth2-mock-server';

const HOST = '127.0.0.1';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
    'cache-control': 'no-store',
    ...CORS,
    ...headers,
  });
  res.end(text);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startOAuthServer({ port = 0, host = HOST } = {}) {
  const issuer = new OAuth2Issuer();
  await issuer.keys.generate('RS256');
  const service = new OAuth2Service(issuer, {
    authorize: '/oauth2/authorize',
    token: '/oauth2/token',
    revoke: '/oauth2/revoke',
    userinfo: '/oauth2/userInfo',
    // Cognito's /logout takes logout_uri, not post_logout_redirect_uri: answered below, the mock's is out of the way.
    endSession: '/__oauth/endsession',
  });

  /** code -> what it was issued for */
  const codes = new Map();
  /** refresh token -> the identity it was issued to */
  const refreshTokens = new Map();
  const log = [];
  let nextError;

  const identityFor = (q) => {
    const domain = q.get('idp_identifier') ?? 'example.com';
    const provider = q.get('identity_provider') ?? (q.get('idp_identifier') ? 'CorporateSAML' : 'COGNITO');
    return { provider, email: `johndoe@${domain}`, username: `${provider}_johndoe`, scope: q.get('scope') ?? 'openid' };
  };

  service.on('beforeAuthorizeRedirect', (redirect, req) => {
    const q = new URL(req.url, 'http://oauth.invalid').searchParams;
    const code = redirect.url.searchParams.get('code');
    if (nextError) {
      redirect.url.searchParams.delete('code');
      redirect.url.searchParams.set('error', nextError.error);
      if (nextError.description) redirect.url.searchParams.set('error_description', nextError.description);
      nextError = undefined;
      return;
    }
    if (code) {
      codes.set(code, {
        clientId: q.get('client_id'),
        redirectUri: q.get('redirect_uri'),
        challenge: q.get('code_challenge') ?? undefined,
        identity: identityFor(q),
        used: false,
      });
    }
  });

  service.on('beforeTokenSigning', (token, req) => {
    const identity = req.identity ?? identityFor(new URLSearchParams());
    const p = token.payload;
    const clientId = req.body?.client_id;
    if (p.aud === clientId) {
      // The id token (the mock sets aud to the client id on it).
      Object.assign(p, {
        token_use: 'id',
        email: identity.email,
        'cognito:username': identity.username,
        identities: [{ providerName: identity.provider, providerType: 'SAML', userId: 'johndoe' }],
      });
    } else {
      Object.assign(p, { token_use: 'access', username: identity.username, client_id: clientId, scope: identity.scope });
    }
  });

  /** What Cognito refuses before the mock ever sees the request. */
  const refuse = (params) => {
    if (params.grant_type === 'refresh_token') {
      return refreshTokens.has(params.refresh_token) ? undefined : 'invalid_grant';
    }
    if (params.grant_type !== 'authorization_code') return undefined;
    const issued = codes.get(params.code);
    if (!issued) return 'invalid_grant';
    const used = issued.used;
    issued.used = true;
    if (used) return 'invalid_grant';
    if (issued.clientId !== params.client_id) return 'invalid_client';
    if (issued.redirectUri !== params.redirect_uri) return 'invalid_grant';
    if (issued.challenge && !params.code_verifier) return 'invalid_grant';
    return undefined;
  };

  const handler = service.requestHandler;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://oauth.invalid');
    try {
      if (req.method === 'OPTIONS' && url.pathname.startsWith('/__oauth/')) return send(res, 204, '');
      if (url.pathname === '/__oauth/log') return send(res, 200, log);
      if (url.pathname === '/__oauth/next-error' && req.method === 'POST') {
        nextError = { error: url.searchParams.get('error') ?? 'server_error', description: url.searchParams.get('error_description') ?? undefined };
        return send(res, 200, { ok: true });
      }
      if (url.pathname === '/logout' && req.method === 'GET') {
        const target = url.searchParams.get('logout_uri');
        log.push({ endpoint: 'logout', params: Object.fromEntries(url.searchParams) });
        if (!target || !url.searchParams.get('client_id')) return send(res, 400, { error: 'invalid_request' });
        return send(res, 302, '', { location: target });
      }
      if (url.pathname === '/oauth2/authorize' && req.method === 'GET') {
        const entry = { endpoint: 'authorize', params: Object.fromEntries(url.searchParams) };
        log.push(entry);
        res.on('finish', () => {
          entry.status = res.statusCode;
          entry.location = res.getHeader('location');
        });
      }
      if (url.pathname === '/oauth2/revoke' && req.method === 'POST') {
        const params = Object.fromEntries(new URLSearchParams(await readBody(req)));
        log.push({ endpoint: 'revoke', contentType: req.headers['content-type'], params });
        req.body = params;
      }
      if (url.pathname === '/oauth2/token' && req.method === 'POST') {
        const raw = await readBody(req);
        const params = Object.fromEntries(new URLSearchParams(raw));
        const entry = { endpoint: 'token', contentType: req.headers['content-type'], params };
        log.push(entry);
        const refused = refuse(params);
        if (refused) {
          entry.status = 400;
          entry.error = refused;
          return send(res, 400, { error: refused });
        }
        // The body is read: body-parser sees a finished request and keeps this one.
        req.body = params;
        req.identity = params.grant_type === 'refresh_token' ? refreshTokens.get(params.refresh_token) : codes.get(params.code)?.identity;
        const end = res.end;
        res.end = function (chunk, ...rest) {
          let text = typeof chunk === 'string' || Buffer.isBuffer(chunk) ? chunk.toString() : '';
          let body;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          if (res.statusCode === 400 && body?.error === 'invalid_request' && /code_verifier|code_challenge/.test(String(body.error_description))) {
            // The mock refused the PKCE proof: Cognito says invalid_grant.
            body = { error: 'invalid_grant', error_description: body.error_description };
            text = JSON.stringify(body);
            res.setHeader('content-length', Buffer.byteLength(text));
            chunk = text;
          }
          if (res.statusCode === 200 && typeof body?.refresh_token === 'string') refreshTokens.set(body.refresh_token, req.identity);
          entry.status = res.statusCode;
          // A 200 for a code issued with a challenge means the mock checked code_verifier against it (S256).
          if (res.statusCode === 200 && params.grant_type === 'authorization_code' && codes.get(params.code)?.challenge) entry.pkce = 'verified';
          entry.error = body?.error;
          entry.description = body?.error_description;
          return end.call(this, chunk, ...rest);
        };
      }
      handler(req, res);
    } catch (error) {
      if (!res.headersSent) send(res, 500, { error: 'server_error', error_description: String(error?.message ?? error) });
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const url = `http://${host}:${address.port}`;
  issuer.url = url;
  return {
    url,
    port: address.port,
    log,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--port');
  const oauth = await startOAuthServer({ port: i > 0 ? Number(process.argv[i + 1]) : 0 });
  console.log(`oauth2-mock-server (Cognito paths) on ${oauth.url}`);
  const stop = () => void oauth.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
