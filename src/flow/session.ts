import { authError } from '../errors.js';
import { clearLibraryKeys, type StorageLike } from '../session/storage.js';
import type { TokenOrigin } from '../session/refreshers.js';
import { decodeJwt, type Tokens, type UserSession } from '../session/tokens.js';
import type { SignOutReason } from '../state/index.js';
import type { FlowCore } from './core.js';
import { backToSignIn, enterSignedIn } from './steps.js';

// The session intents: restore, sign out, adopt another tab's or authenticator's tokens, and the end of a session.

/** Starts a session from tokens (an OAuth code exchange, or tokens obtained elsewhere) and enters signed-in. */
export function startSession(flow: FlowCore, tokens: Tokens, origin: TokenOrigin): UserSession {
  const session = flow.sessions.start(tokens, origin);
  enterSignedIn(flow, session, false);
  return session;
}

/** Signs in from stored tokens, refreshing them first if they are about to expire. Resolves true when signed in. */
export async function restore(flow: FlowCore): Promise<boolean> {
  const seq = flow.runner.supersede();
  const session = await flow.sessions.restore();
  if (!session || seq !== flow.runner.seq) return false;
  enterSignedIn(flow, session, true);
  return true;
}

/**
 * Signs out: local state and storage are cleared at once, whatever the network does; then the refresh token is
 * revoked and, unless `global` is false, every session is ended where the access token allows it.
 */
export async function signOut(flow: FlowCore, storage: StorageLike, options: { global?: boolean; logout?: boolean }): Promise<void> {
  const session = flow.sessions.session;
  const scope = session ? String(decodeJwt(session.tokens.accessToken).scope ?? '') : '';
  const global = options.global ?? scope.split(' ').includes('aws.cognito.signin.user.admin');
  // A session from an identity provider also lives on Cognito's domain: /logout ends it (when logout-uri is set).
  const hostedLogout = session && flow.sessions.origin === 'hosted' && options.logout !== false ? flow.hosted : undefined;
  flow.runner.supersede();
  const done = flow.sessions.signOut(global);
  // Every key the library wrote, in every storage, not only the tokens.
  clearLibraryKeys(flow.config.clientId, [storage]);
  sessionEnded(flow, 'user');
  await done;
  hostedLogout?.logout();
}

/**
 * Re-reads the stored tokens after another authenticator on the page or another tab changed them: a sign-out there
 * signs out here (through sessionEnded), a sign-in there signs in here.
 */
export function syncFromStorage(flow: FlowCore): void {
  const adopted = flow.sessions.sync();
  const state = flow.runner.state;
  // Mid-way through adding an authenticator app the newer tokens are used without leaving the screen.
  if (!adopted || (state.screen === 'setup-totp' && state.signedIn)) return;
  const wasSignedIn = state.screen === 'signed-in';
  flow.runner.supersede();
  enterSignedIn(flow, adopted, true, wasSignedIn);
}

/** The session is over (signed out here or elsewhere, or it could not be refreshed): back to sign-in, saying why. */
export function sessionEnded(flow: FlowCore, reason: SignOutReason): void {
  const state = flow.runner.state;
  const username = state.screen === 'signed-in' ? '' : state.username;
  backToSignIn(flow, username, {
    notice: reason === 'user' ? 'signed-out' : undefined,
    error: reason === 'refresh-failed' || reason === 'expired' ? authError('session-expired') : undefined,
  });
  flow.runner.emit({ type: 'signed-out', reason });
}
