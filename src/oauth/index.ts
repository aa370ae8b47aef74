/**
 * The OAuth 2.0 side of sign-in (identity providers through Cognito's domain), one concept per file: PKCE and state
 * (pkce.ts), the authorize and logout URLs (authorize-url.ts, urls.ts), the way back (callback.ts), the pending
 * authorization (pending.ts), /oauth2/token and /oauth2/revoke (token-endpoint.ts), and HostedSignIn, which ties them
 * together (its lazily loaded half: grant.ts).
 */
export * from './authorize-url.js';
export * from './callback.js';
export * from './hosted-sign-in.js';
export * from './pending.js';
export * from './pkce.js';
export * from './token-endpoint.js';
export * from './urls.js';
