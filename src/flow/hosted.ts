import { authError } from '../errors.js';
import { routeEmail } from '../idp-routing.js';
import { installOAuthErrors } from '../oauth/english.js';
import type { CodeGrant } from '../oauth/pending.js';
import type { FlowCore } from './core.js';
import { startSession } from './session.js';
import { fail, required } from './steps.js';

// Sign-in with an identity provider: the OAuth 2.0 authorization code flow with PKCE (see src/oauth/).

// The English of the oauth-* errors comes with this chunk: everything that raises them (redeem, fail below) runs here.
installOAuthErrors();

/** Sends the user to Cognito's /oauth2/authorize for `provider` (identity_provider): Google, a SAML name, … */
export function signInWithProvider(flow: FlowCore, provider: string, options: { lang?: string } = {}): Promise<void> {
  return flow.runner.run(['sign-in'], async () => {
    const hosted = flow.hosted;
    if (!hosted) throw authError('configuration');
    await hosted.begin({ identityProvider: provider }, options.lang);
    flow.runner.set({ ...flow.runner.state, busy: false });
  });
}

/**
 * Sends the user to the SAML/OIDC provider that lists the email's domain as an identifier (idp_identifier). No match
 * is an `oauth-no-provider` error on `email`; with the user pool form shown, the address moves to its username.
 */
export function signInWithEmail(flow: FlowCore, input: { email: string; lang?: string }): Promise<void> {
  return flow.runner.run(['sign-in'], async () => {
    const hosted = flow.hosted;
    if (!hosted) throw authError('configuration');
    const email = required(input.email, 'email');
    const route = routeEmail(hosted.config.providers, email);
    if (!route) {
      if (!hosted.config.hideNative) flow.runner.set({ ...flow.runner.state, username: email });
      fail('oauth-no-provider', 'email');
    }
    await hosted.begin({ idpIdentifier: route.identifier }, input.lang);
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
  // Redeemed once; "Try again" after a transport failure re-sends the same exchange.
  let grant: CodeGrant | undefined;
  await flow.runner.run(['sign-in'], async (guard) => {
    grant ??= hosted.redeem(callback);
    const tokens = await guard(hosted.exchange(grant));
    startSession(flow, tokens, 'hosted');
  });
  return true;
}
