import { createCognitoApi } from '../api/client.js';
import type { CognitoApi } from '../api/operations.js';
import { withRequestExtras } from '../api/request-extras.js';
import type { AuthConfig } from '../config.js';
import type { WebAuthnSeam } from '../crypto/webauthn.js';
// Type only: the SRP module is loaded with import() at the first SRP sign-in, so the first paint never waits for it.
import type { createSrpSession as defaultSrp } from '../crypto/srp-user.js';
import { HostedSignIn, type OAuthDeps } from '../oauth/hosted-sign-in.js';
import { systemClock, type Clock } from '../session/clock.js';
import { deviceRecordKey } from '../session/device-key.js';
import type { DeviceStore } from '../session/device-store.js';
import { SessionManager } from '../session/manager.js';
import { storageFor, type StorageLike } from '../session/storage.js';
import { tokenChanges, TokenStore, type TokenChange } from '../session/token-store.js';
import { followAuth } from './challenge-router.js';
import { FlowContext } from './context.js';
import type { FlowCore } from './core.js';
import { Runner } from './runner.js';
import { sessionEnded, sessionStale, syncFromStorage } from './session.js';

// The wiring behind an AuthFlow (auth-flow.ts, the facade): from the config and the page's seams to the FlowCore every
// journey works with. Built once per flow; nothing here is an intent.

export interface FlowDeps {
  api?: CognitoApi;
  /** Whether the browser believes it is online (default: navigator.onLine). Nothing is sent while offline. */
  isOnline?: () => boolean;
  storage?: StorageLike;
  /** Time, timers and randomness: the refresh schedule, and the SRP TIMESTAMP of a PASSWORD_VERIFIER answer. */
  clock?: Clock;
  createSrpSession?: typeof defaultSrp;
  /** Identity providers (OAuth 2.0): fetch, the storage of the pending state and verifier, and `navigate`. */
  oauth?: OAuthDeps;
  /**
   * Passkeys: the WebAuthn seam, or a function that loads it (the element passes `() => import(…webauthn.js)
   * .then((m) => m.createBrowserWebAuthn())`, so the first paint never carries it). Absent: no passkeys.
   */
  webauthn?: WebAuthnSeam | (() => Promise<WebAuthnSeam>);
  /** The DeviceName ConfirmDevice registers (default: from the browser, e.g. "Chrome on macOS"). */
  deviceName?: () => string | undefined;
}

/**
 * The flow's core; its runner and sessions again (AuthFlow's most used parts); the storage its tokens live in (sign-out
 * and "Keep me signed in" need it); and the function that stops listening for token changes (dispose). A tuple, not
 * an object: the first paint carries this, and a tuple's names are minified away.
 */
export function createFlowCore(config: AuthConfig, deps: FlowDeps): [FlowCore, Runner, SessionManager, StorageLike, () => void] {
  // ClientMetadata and threat protection data are added to every request in one place (src/api/request-extras.ts).
  const api = withRequestExtras(deps.api ?? createCognitoApi(config), config);
  // Cognito's error English and exception table come with the fetch client's chunk; a page's own client never loads
  // that chunk, so they are fetched here (long before its first answer can be an error).
  if (deps.api) void import('../api/cognito-errors.js').then((m) => m.installCognitoErrors()).catch(() => undefined);
  const clock = deps.clock ?? systemClock;
  const context = new FlowContext();
  const isOnline = deps.isOnline ?? (() => globalThis.navigator?.onLine !== false);
  const runner = new Runner(context, isOnline);
  const storage = deps.storage ?? storageFor(config.storage, config.keepSignedIn);
  const store = new TokenStore(storage, config.clientId);
  const hosted =
    config.federation &&
    new HostedSignIn(config.clientId, config.federation, { timeoutMs: config.timeoutMs, now: () => clock.now(), ...deps.oauth });
  // Another authenticator on the page changed this client's tokens (another tab: the element's `storage` listener).
  const onTokenChange = (e: Event) => {
    if (store.concerns((e as CustomEvent<TokenChange>).detail)) syncFromStorage(core);
  };
  tokenChanges.addEventListener('change', onTokenChange);
  const sessions = new SessionManager({
    api,
    store,
    clientId: config.clientId,
    clock,
    secretHash: config.secretHash,
    refreshCall: config.refreshCall,
    revokeToken: config.revokeToken,
    isOnline,
    refreshers: hosted && { hosted: hosted.refresher },
    originStorage: storage,
    onEnded: (reason) => sessionEnded(core, reason),
    onRefreshed: (session) => {
      if (runner.state.screen === 'signed-in') runner.set({ ...runner.state, session });
      runner.emit({ type: 'tokens-refreshed', session });
    },
    onStale: (session) => sessionStale(core, session),
  });
  let srp = deps.createSrpSession;
  let devices: Promise<DeviceStore> | undefined;
  let webauthn: WebAuthnSeam | Promise<WebAuthnSeam> | undefined;
  const seam = deps.webauthn;
  const core: FlowCore = {
    config,
    api,
    sessions,
    clock,
    runner,
    context,
    hosted,
    storage,
    srp: async () => (srp ??= (await import('../crypto/srp-user.js')).createSrpSession),
    // The device store shares the tokens' storage, under a key sign-out leaves alone (device-store.ts says why).
    devices: () => (devices ??= import('../session/device-store.js').then((m) => new m.DeviceStore(storage, config.clientId))),
    hasDevice: (username) => {
      try {
        return storage.getItem(deviceRecordKey(config.clientId, username)) !== null;
      } catch {
        return false;
      }
    },
    webauthn: async () => seam && (webauthn ??= typeof seam === 'function' ? seam() : seam),
    deviceName: () => deps.deviceName?.(),
    follow: (response, username, guard) => followAuth(core, response, username, guard),
  };
  return [core, runner, sessions, storage, () => tokenChanges.removeEventListener('change', onTokenChange)];
}
