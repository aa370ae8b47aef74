/**
 * The signed-in side of the engine: tokens and their claims (tokens.ts), storage and the one stored-value wrapper
 * (storage.ts), the tokens' store shared by every flow of a page (token-store.ts), the refresh calls (refreshers.ts),
 * the session's owner (manager.ts) and the clock its timers run on (clock.ts).
 */
export * from './clock.js';
export * from './manager.js';
export * from './refreshers.js';
export * from './storage.js';
export * from './token-store.js';
export * from './tokens.js';
