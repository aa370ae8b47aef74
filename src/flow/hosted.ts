import { authError } from '../errors.js';
import { routeEmail } from '../idp-routing.js';
import { installOAuthErrors } from '../oauth/english.js';
import type { CodeGrant } from '../oauth/pending.js';
import { KeepSignedInStorage } from '../session/storage.js';
import type { FlowCore } from './core.js';
import { startSession } from './session.js';
import { fail, required } from './steps.js';

// Sign-in with an identity provider: the OAuth 2.0 authorization code flow with PKCE (see src/oauth/).

// The English of the oauth-* errors comes with this chunk: everything that raises them (redeem, fail below) runs here.
installOAuthErrors();

/**
 * "Keep me signed in" (config.keepSignedIn) at a provider sign-in: `keep`, the box's value, is chosen here as
 * AuthFlow.signIn chooses it, and returned to be kept with the pending sign-in, since the tokens arrive on the page
 * after the redirect, a new one. Undefined (nothing recorded) without the option or without a value.
 */
function keepChoice(flow: FlowCore, keep: boolean | undefined): boolean | undefined {
  if (keep === undefined || !(flow.storage instanceof KeepSignedInStorage)) return undefined;
  flow.storage.choose(keep);
  return keep;
}

/**
 * Sends the user to Cognito's /oauth2/authorize for `provider` (identity_provider): Google, a SAML name, …
 * `keepSignedIn`: the "Keep me signed in" box on the form the user left from (see keepChoice).
 */
export function signInWithProvider(flow: FlowCore, provider: string, options: { lang?: string; keepSignedIn?: boolean } = {}): Promise<void> {
  return flow.runner.run(['sign-in'], async () => {
    const hosted = flow.hosted;
    if (!hosted) throw authError('configuration');
    await hosted.begin({ identityProvider: provider, keepSignedIn: keepChoice(flow, options.keepSignedIn) }, options.lang);
    flow.runner.set({ ...flow.runner.state, busy: false });
  });
}

/**
 * Sends the user to the SAML/OIDC provider that lists the email's domain as an identifier (idp_identifier). No match
 * is an `oauth-no-provider` error on `email`; with the user pool form shown, the address moves to its username.
 * `keepSignedIn` as for signInWithProvider.
 */
export function signInWithEmail(flow: FlowCore, input: { email: string; lang?: string; keepSignedIn?: boolean }): Promise<void> {
  return flow.runner.run(['sign-in'], async () => {
    const hosted = flow.hosted;
    if (!hosted) throw authError('configuration');
    const email = required(input.email, 'email');
    const route = routeEmail(hosted.config.providers, email);
    if (!route) {
      if (!hosted.config.hideNative) flow.runner.set({ ...flow.runner.state, username: email });
      fail('oauth-no-provider', 'email');
    }
    // The address is kept with the state and verifier (this tab's sessionStorage, never the URL): an error return
    // gives it back.
    await hosted.begin({ idpIdentifier: route.identifier, keepSignedIn: keepChoice(flow, input.keepSignedIn), email }, input.lang);
    flow.runner.set({ ...flow.runner.state, busy: false });
  });
}

/**
 * Finishes a sign-in with an identity provider when `url` is Cognito's redirect back to `redirect-uri` and a sign-in
 * started in this tab is waiting for it; resolves false, doing nothing, for any other URL, and for a callback nobody
 * here is waiting for (a link, a replay): that one must not show an error over the screen or the stored session.
 * `toSignIn` brings the flow to the sign-in screen first.
 */
export async function completeHostedSignIn(flow: FlowCore, url: string, toSignIn: () => void): Promise<boolean> {
  const hosted = flow.hosted;
  const callback = hosted?.callback(url);
  if (!hosted || !callback) return false;
  // The way back lands on sign-in, whatever entry screen the page asked for.
  const screen = flow.runner.state.screen;
  if (screen === 'sign-up' || screen === 'forgot-password') toSignIn();
  // Back with an error from a sign-in this tab started with the email box (the state is the one it sent): the address
  // returns to the sign-in state (the username, as when no provider matches), and the screen to the box, so trying
  // again is one press. An error return uses the record up anyway (redeem takes it, then throws), so it is taken here,
  // where the address can be read; a value that is not a string is ignored (storage is not trusted).
  const pending = callback.kind === 'error' ? hosted.pending.take() : undefined;
  const email = callback.kind === 'error' && typeof pending?.email === 'string' && callback.state === pending.state ? pending.email : undefined;
  // Redeemed once; "Try again" after a transport failure re-sends the same exchange.
  let grant: CodeGrant | undefined;
  await flow.runner.run(['sign-in'], async (guard) => {
    if (email) flow.runner.set({ ...flow.runner.state, username: email });
    grant ??= hosted.redeem(callback);
    // The box's value recorded with the pending sign-in this tab started (not the URL's: a link cannot choose), so
    // the tokens go where a password sign-in with that box would put them, for the session's lifetime.
    keepChoice(flow, grant.keepSignedIn);
    const tokens = await guard(hosted.exchange(grant));
    startSession(flow, tokens, 'hosted');
  });
  return true;
}
