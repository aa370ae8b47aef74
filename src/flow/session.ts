import { authError, toAuthError } from '../errors.js';
import { clearLibraryKeys, type StorageLike } from '../session/storage.js';
import type { TokenOrigin } from '../session/refreshers.js';
import type { Tokens, UserSession } from '../session/tokens.js';
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
 * Signs out this device: local state and storage are cleared at once, whatever the network does, and this refresh
 * token is revoked. With `global: true`, GlobalSignOut first ends the user's sessions on every device and app; when it
 * fails, this device is signed out all the same, an `error` event is emitted and the promise rejects with the error.
 * Nothing here reads a token: an access token that is not a JWT signs out like any other.
 */
export async function signOut(
  flow: FlowCore,
  storage: StorageLike,
  options: { global?: boolean; logout?: boolean; reason?: SignOutReason },
): Promise<void> {
  const session = flow.sessions.session;
  // A session from an identity provider also lives on Cognito's domain: /logout ends it (when logout-uri is set).
  const hostedLogout = session && flow.sessions.origin === 'hosted' && options.logout !== false ? flow.hosted : undefined;
  flow.runner.supersede();
  const done = flow.sessions.signOut(options.global === true);
  // Every key the library wrote, in every storage, not only the tokens.
  clearLibraryKeys(flow.config.clientId, [storage]);
  sessionEnded(flow, options.reason ?? 'user');
  try {
    await done;
  } catch (e) {
    const error = toAuthError(e);
    flow.runner.emit({ type: 'error', error, screen: flow.runner.state.screen });
    throw error;
  } finally {
    hostedLogout?.logout();
  }
}

/** The tokens expired and could not be renewed for a network reason: the signed-in state shows the stale session. */
export function sessionStale(flow: FlowCore, session: UserSession): void {
  const state = flow.runner.state;
  if (state.screen === 'signed-in') flow.runner.set({ ...state, session });
}

/** Whether two sessions are the same user: the `sub` claim when both have one (it never changes), else the username. */
function sameUser(a: UserSession, b: UserSession): boolean {
  const subA = a.claims.sub;
  const subB = b.claims.sub;
  return typeof subA === 'string' && typeof subB === 'string' ? subA === subB : a.username === b.username;
}

/**
 * Re-reads the stored tokens after another authenticator on the page or another tab changed them: a sign-out there
 * signs out here (through sessionEnded), a sign-in there signs in here. The same user's renewed tokens are adopted
 * quietly; another user's are a change of user, told as `signed-out` ('other-tab') then `signed-in`, so a page that
 * keeps "who is signed in" never goes on believing the previous user is.
 */
export function syncFromStorage(flow: FlowCore): void {
  const before = flow.sessions.session;
  const adopted = flow.sessions.sync();
  if (!adopted) return;
  const switched = before !== undefined && !sameUser(before, adopted);
  const state = flow.runner.state;
  // Mid-way through adding an authenticator app, or verifying an email after sign-in, the same user's newer tokens are
  // used without leaving the screen (the intents read the session, not the state).
  if (!switched && ((state.screen === 'setup-totp' && state.signedIn) || state.screen === 'verify-attributes')) return;
  const wasSignedIn = state.screen === 'signed-in';
  flow.runner.supersede();
  if (switched) flow.runner.emit({ type: 'signed-out', reason: 'other-tab' });
  enterSignedIn(flow, adopted, true, wasSignedIn && !switched);
}

/** The session is over (signed out here or elsewhere, or it could not be refreshed): back to sign-in, saying why. */
export function sessionEnded(flow: FlowCore, reason: SignOutReason): void {
  const state = flow.runner.state;
  const username = state.screen === 'signed-in' || state.screen === 'verify-attributes' ? '' : state.username;
  backToSignIn(flow, username, {
    notice: reason === 'user' ? 'signed-out' : reason === 'deleted' ? 'account-deleted' : undefined,
    error:
      reason === 'refresh-failed' || reason === 'expired'
        ? authError('session-expired')
        : reason === 'revoked'
          ? authError('session-revoked')
          : undefined,
  });
  flow.runner.emit({ type: 'signed-out', reason });
}
