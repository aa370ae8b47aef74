import type { WebAuthnFailureReason, WebAuthnJson, WebAuthnSeam } from '../crypto/webauthn.js';
import { AuthError, authError, type AuthErrorCode } from '../errors.js';
import type { UserSession } from '../session/tokens.js';
import type { ChallengeHandler } from './challenge-router.js';
import type { FlowCore } from './core.js';
import { parseJson } from './mfa.js';
import { enterSignedIn, fail } from './steps.js';

// Passkeys: the WEB_AUTHN challenge (sign-in) and registration (StartWebAuthnRegistration -> create ->
// CompleteWebAuthnRegistration), offered after a sign-in without one. The browser is reached only through the
// WebAuthnSeam (src/crypto/webauthn.ts). Loaded with import() on first use.

const FAILURE_CODE: Record<WebAuthnFailureReason, AuthErrorCode> = {
  cancelled: 'passkey-cancelled',
  timeout: 'passkey-timeout',
  'not-supported': 'passkey-not-supported',
  security: 'passkey-failed',
  'invalid-state': 'passkey-exists',
  unknown: 'passkey-failed',
};

/** What the seam threw, as an AuthError (a seam that throws anything else is `passkey-failed`). */
function passkeyError(e: unknown, creating: boolean): AuthError {
  const reason = (e as { reason?: WebAuthnFailureReason } | null)?.reason;
  let code = (reason && FAILURE_CODE[reason]) || 'passkey-failed';
  // InvalidStateError at get() is no "already registered": only create() can find a passkey already there.
  if (code === 'passkey-exists' && !creating) code = 'passkey-failed';
  return authError(code, { cognitoMessage: e instanceof Error ? e.message : undefined });
}

// Creating a passkey happens when the user is signed in already (the prompt, the account's "Add a passkey"), where
// "choose another way to sign in", the sign-in codes' advice, is wrong: each failure a creation shares with sign-in
// (the seam's, a browser without WebAuthn, Cognito's refusal at CompleteWebAuthnRegistration) has a creation code.
const CREATION_CODE: Partial<Record<AuthErrorCode, AuthErrorCode>> = {
  'passkey-cancelled': 'passkey-create-cancelled',
  'passkey-timeout': 'passkey-create-timeout',
  'passkey-not-supported': 'passkey-create-not-supported',
  'passkey-failed': 'passkey-create-failed',
};

/** A creation's failure with its creation code; anything else (a refused token, offline, a superseded run) unchanged. */
function creationError(e: unknown): unknown {
  const code = e instanceof AuthError ? CREATION_CODE[e.code] : undefined;
  if (!code) return e;
  const { cognitoName, cognitoMessage, status } = e as AuthError;
  return authError(code, { cognitoName, cognitoMessage, status });
}

/** The seam, or `passkey-not-supported` when the page gave none or the browser has no WebAuthn. */
export async function requireWebAuthn(flow: FlowCore): Promise<WebAuthnSeam> {
  const seam = await flow.webauthn();
  if (!seam?.supported()) throw authError('passkey-not-supported');
  return seam;
}

/** WEB_AUTHN: CREDENTIAL_REQUEST_OPTIONS -> navigator.credentials.get (the seam) -> CREDENTIAL (JSON string). */
export const webAuthnStep: ChallengeHandler = async (response, { flow }) => {
  const seam = await requireWebAuthn(flow);
  const options = parseJson<WebAuthnJson | undefined>(response.ChallengeParameters?.CREDENTIAL_REQUEST_OPTIONS, undefined);
  if (!options) throw authError('unsupported-challenge', { cognitoName: 'WEB_AUTHN' });
  // Cognito lists the user's passkeys; none listed means none registered: no dialog that can only fail.
  if (Array.isArray(options.allowCredentials) && options.allowCredentials.length === 0) throw authError('passkey-not-found');
  let credential: WebAuthnJson;
  try {
    credential = await seam.get(options);
  } catch (e) {
    throw passkeyError(e, false);
  }
  flow.context.usedPasskey = true;
  return { answer: { CREDENTIAL: JSON.stringify(credential) } };
};

/**
 * Whether to offer "Create a passkey" after this sign-in: the page wants the prompt (`passkeyPrompt`), the sign-in did
 * not use a passkey, the browser can make one, and the user did not say "don't ask again" (or make one) on this device.
 */
export async function shouldOfferPasskey(flow: FlowCore, username: string): Promise<boolean> {
  if (!flow.config.passkeyPrompt || flow.context.usedPasskey) return false;
  const seam = await flow.webauthn();
  if (!seam?.supported()) return false;
  // Under the name typed (the prompt's "Don't ask again") or Cognito's own (a passkey made later, signed in: the
  // account page knows no typed name; in email and phone pools the two differ).
  const store = await flow.devices();
  const signedIn = flow.sessions.session?.username;
  return !(store.read(username).noPasskeyPrompt || (signedIn && store.read(signedIn).noPasskeyPrompt));
}

/**
 * The prompt between sign-in and `signed-in`. The user IS signed in (the session has started): `signed-in` fires
 * now, with the tokens, so a page never waits on the prompt or misses the event; leaving the prompt fires nothing.
 */
export function offerPasskey(flow: FlowCore, session: UserSession, username: string): void {
  flow.runner.forget();
  flow.runner.set({ screen: 'passkey-prompt', username, session, busy: false });
  flow.runner.emit({ type: 'signed-in', session, restored: false });
}

function toSignedIn(flow: FlowCore, session: UserSession, notice?: 'passkey-created'): void {
  enterSignedIn(flow, session, false, true);
  if (notice) flow.runner.set({ ...flow.runner.state, notice });
}

/**
 * "Create a passkey": from the prompt, or asked by a signed-in user (the account screen). StartWebAuthnRegistration ->
 * the seam's create -> CompleteWebAuthnRegistration; then signed-in with the notice `passkey-created`. A failure stays
 * on the same screen with its error, a `passkey-create-*` code where sign-in has its own (the prompt can still be skipped).
 */
export function createPasskey(flow: FlowCore): Promise<void> {
  return flow.runner.run(['passkey-prompt', 'signed-in'], async (guard) => {
    const session = flow.sessions.session;
    if (!session) fail('not-signed-in');
    const username = flow.runner.state.username;
    const AccessToken = session.tokens.accessToken;
    try {
      const seam = await requireWebAuthn(flow);
      const started = await guard(flow.api.startWebAuthnRegistration({ AccessToken }));
      if (!started.CredentialCreationOptions) throw authError('unsupported-operation');
      const credential = await seam.create(started.CredentialCreationOptions).catch((e: unknown) => {
        throw passkeyError(e, true);
      });
      await guard(flow.api.completeWebAuthnRegistration({ AccessToken, Credential: credential }));
    } catch (e) {
      throw creationError(e);
    }
    (await flow.devices()).update(username, { noPasskeyPrompt: true });
    toSignedIn(flow, flow.sessions.session ?? session, 'passkey-created');
  });
}

/** "Not now" (this sign-in only) or, with `dontAskAgain`, "Don't ask again on this device" (kept in the device store). */
export async function skipPasskey(flow: FlowCore, options: { dontAskAgain?: boolean }): Promise<void> {
  const state = flow.runner.state;
  if (state.screen !== 'passkey-prompt' || state.busy) return;
  if (options.dontAskAgain) (await flow.devices()).update(state.username, { noPasskeyPrompt: true });
  toSignedIn(flow, flow.sessions.session ?? state.session);
}
