import { toAuthError } from '../errors.js';
import type { Runner } from './runner.js';

/** A journey module's loader that keeps the module once loaded, so later intents run synchronously, as before. */
export type JourneyLoader<M> = (() => Promise<M>) & { loaded?: M };

/** Starts loading a journey ahead of its first intent; a failure shows only if that intent still cannot load it. */
export function preload(load: () => Promise<unknown>): void {
  load().catch(() => undefined);
}

/** `imports`: the journeys this one imports statically (already evaluated with it), marked loaded right after. */
function once<M>(load: () => Promise<M>, imports: JourneyLoader<unknown>[] = []): JourneyLoader<M> {
  const loader: JourneyLoader<M> = () =>
    loader.loaded
      ? Promise.resolve(loader.loaded)
      : load().then((m) => {
          for (const other of imports) preload(other);
          return (loader.loaded = m);
        });
  return loader;
}

// The journeys a password-only sign-in never reaches are modules loaded with import() (issue 17: the first paint
// stays small). Each is loaded by the challenge that leads to it (challenge-router.ts) or by its first intent
// (AuthFlow); the import() calls stay literal, so the bundler makes one chunk per journey. hosted.ts loads with
// import() when a flow has a `domain` (auth-flow.ts starts it at construction, so it is there before the user clicks
// a provider). MFA, sign-up and reset are preloaded instead, so no user waits for them: MFA (the most common step
// after a password) when a sign-in starts, in parallel with InitiateAuth; sign-up and reset when their screen is
// shown (AuthFlow.goTo). Their intents set busy first (the runner) and await the module inside the work, so a first
// submit still shows busy at once, and its field errors as soon as the (already loaded) module answers.
export const mfaJourney = once(() => import('./mfa.js'));
export const signUpJourney = once(() => import('./sign-up.js'));
export const resetJourney = once(() => import('./reset-password.js'));
export const mfaSetupJourney = once(() => import('./mfa-setup.js'));
export const newPasswordJourney = once(() => import('./new-password.js'));
export const passkeyJourney = once(() => import('./passkey.js'));
export const userAuthJourney = once(() => import('./user-auth.js'), [passkeyJourney]);
export const devicesJourney = once(() => import('./devices.js'));
export const verifyJourney = once(() => import('./verify-attributes.js'));

/**
 * Calls `intent` with its journey's module: at once when it is loaded (as a static import would), else once it is. A
 * module that cannot load (offline before it was ever fetched, a deploy that replaced the chunks) lands in
 * `state.error` and an `error` event like a failed request: intents never throw.
 */
export function withJourney<M, R>(runner: Runner, load: JourneyLoader<M>, intent: (module: M) => R | Promise<R>, fallback: R): Promise<R> {
  if (load.loaded) return Promise.resolve(intent(load.loaded));
  return load().then(intent, (e: unknown) => {
    const error = toAuthError(e);
    runner.set({ ...runner.state, busy: false, error });
    runner.emit({ type: 'error', error, screen: runner.state.screen });
    return fallback;
  });
}
