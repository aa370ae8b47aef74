import type { AuthConfig, SignInMethod } from '../config.js';
import type { HostedSignIn } from '../oauth/hosted-sign-in.js';
import type { SessionManager } from '../session/manager.js';
import type { TokenOrigin } from '../session/refreshers.js';
import { KeepSignedInStorage, tokensKey, type StorageLike } from '../session/storage.js';
import type { Tokens, UserSession } from '../session/tokens.js';
import type { AuthState, FlowEvent, MfaType, Screen, SignOutReason } from '../state/index.js';
import type { FlowCore } from './core.js';
import { createFlowCore, type FlowDeps } from './flow-core.js';
// MFA, sign-up and reset are preloaded; MFA set-up, new password, passwordless, passkeys, devices and verify-contact
// load on first use (journeys.ts).
import * as journeys from './journeys.js';
import type { Guard, Runner } from './runner.js';
import { restore, signOut, startSession, syncFromStorage } from './session.js';
import { signIn } from './sign-in.js';
import type { SignUpInput } from './sign-up.js';

export type { FlowDeps } from './flow-core.js';

// Identity providers (hosted.ts) load with import(): only a flow with a `domain` fetches them, as soon as it is built.
// `loaded` lets later intents run at once (journeys.ts); a later call's import() resolves to the same module.
const hostedJourney: journeys.JourneyLoader<typeof import('./hosted.js')> = () =>
  import('./hosted.js').then((m) => (hostedJourney.loaded = m));

/**
 * The whole sign-in journey as a state machine: the public facade. Screens render `state` and call the intent
 * methods, each of which delegates to its journey's module in this folder; every Cognito call goes through the
 * CognitoApi seam. Intents never throw: failures land in `state.error` (and an `error` event).
 */
export class AuthFlow {
  readonly config: AuthConfig;
  readonly #core: FlowCore;
  readonly #runner: Runner;
  readonly #sessions: SessionManager;
  readonly #storage: StorageLike;
  readonly #stopSync: () => void;

  constructor(config: AuthConfig, deps: FlowDeps = {}) {
    this.config = config;
    // The wiring (api, storage, sessions, the runner, the seams) is flow-core.ts's; this class only delegates.
    [this.#core, this.#runner, this.#sessions, this.#storage, this.#stopSync] = createFlowCore(config, deps);
    if (this.#core.hosted) journeys.preload(hostedJourney);
  }

  /** Runs an intent of a journey loaded on first use (journeys.ts); `fallback` if the module cannot load. */
  #lazy<M, R = void>(load: journeys.JourneyLoader<M>, intent: (module: M) => R | Promise<R>, fallback?: R): Promise<R> {
    return journeys.withJourney(this.#runner, load, intent, fallback as R);
  }

  /**
   * Runs an intent of a preloaded journey (MFA, sign-up, reset; journeys.ts): busy at once, as with a static import,
   * then the module (loaded long before, normally) does the work. A module that cannot load is the intent's error.
   */
  #preloaded<M>(screens: Screen[], load: journeys.JourneyLoader<M>, work: (module: M, guard: Guard) => Promise<void>): Promise<void> {
    return this.#runner.run(screens, async (guard) => work(load.loaded ?? (await load()), guard));
  }

  get state(): AuthState {
    return this.#runner.state;
  }

  get session(): UserSession | undefined {
    return this.#sessions.session;
  }

  /** Calls `fn` on every state change; returns the unsubscribe function. */
  subscribe(fn: (state: AuthState, previous: AuthState) => void): () => void {
    return this.#runner.subscribe(fn);
  }

  onEvent(fn: (event: FlowEvent) => void): () => void {
    return this.#runner.onEvent(fn);
  }

  // ---- navigation ----------------------------------------------------------------------------------------------

  /** Moves between the entry screens. Drops any half-finished challenge and any in-flight answer. */
  goTo(screen: 'sign-in' | 'sign-up' | 'forgot-password', username = this.state.username): void {
    // A signed-in user (also one adding an authenticator app) is not sent back to the entry screens: sign out first.
    if (this.state.screen === 'signed-in' || this.#sessions.session) return;
    this.#runner.supersede();
    this.#runner.forget();
    this.#runner.set({ screen, username, busy: false });
    // Their journeys load while the user types, so the first submit finds them there (journeys.ts).
    if (screen === 'sign-up') journeys.preload(journeys.signUpJourney);
    if (screen === 'forgot-password') journeys.preload(journeys.resetJourney);
  }

  /**
   * "Try again" after a transport failure (offline, network, timeout, server error): sends the same request again,
   * with what the user had typed. Does nothing after any other outcome: code submissions never repeat by themselves.
   */
  retry(): Promise<void> {
    const again = this.#runner.retryLast;
    if (!again || this.state.busy || !this.state.error?.retryable) return Promise.resolve();
    return again();
  }

  // ---- sign-in and its challenges (sign-in.ts, mfa.ts, mfa-setup.ts, new-password.ts) ----------------------------

  /**
   * With `signInMethods` (choice-based sign-in) the password is optional: see chooseSignInMethod. `keepSignedIn` (the
   * "Keep me signed in" box, config.keepSignedIn) decides where this sign-in's tokens are kept, for the session's
   * lifetime, whichever intent ends it: this one, or a later step of the same sign-in (a method chosen, the password
   * step, a one-time code, a passkey, MFA), which all store through the same storage.
   */
  signIn(input: { username: string; password?: string; keepSignedIn?: boolean }): Promise<void> {
    if (input.keepSignedIn !== undefined && this.#storage instanceof KeepSignedInStorage) this.#storage.choose(input.keepSignedIn);
    // MFA loads in parallel with InitiateAuth, long before Cognito can ask for a code (journeys.ts).
    journeys.preload(journeys.mfaJourney);
    return signIn(this.#core, input);
  }

  /**
   * "Keep me signed in" as it stands (the box's first state, then the user's last choice), so a sign-in form shown
   * again (back from a later step, after sign-out) shows the box as the user left it; undefined without the option.
   */
  get keepSignedIn(): boolean | undefined {
    return this.config.keepSignedIn && this.#storage instanceof KeepSignedInStorage ? this.#storage.keep : undefined;
  }

  /** Answers SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP with the code the user typed. */
  submitMfaCode(input: { code: string; rememberDevice?: boolean }): Promise<void> {
    return this.#preloaded(['mfa-code'], journeys.mfaJourney, (m, guard) => m.submitMfaCode(this.#core, input, guard));
  }

  // ---- choice-based sign-in, passkeys, remembered devices (user-auth.ts, passkey.ts, devices.ts; loaded on use) ---

  /** sign-in-method (and "another way" from sign-in-password / sign-in-code): signs in with `method`. */
  chooseSignInMethod(method: SignInMethod): Promise<void> {
    return this.#lazy(journeys.userAuthJourney, (m) => m.chooseSignInMethod(this.#core, method));
  }

  /** sign-in-password: the password, when the user chose `password` without having typed it. */
  submitSignInPassword(input: { password: string }): Promise<void> {
    return this.#lazy(journeys.userAuthJourney, (m) => m.submitSignInPassword(this.#core, input));
  }

  /** sign-in-code: answers EMAIL_OTP / SMS_OTP (the first factor) with the code the user typed. */
  submitSignInCode(input: { code: string }): Promise<void> {
    return this.#lazy(journeys.userAuthJourney, (m) => m.submitSignInCode(this.#core, input));
  }

  /** sign-in-code: sends a new code (a new USER_AUTH with the same method). */
  resendSignInCode(): Promise<void> {
    return this.#lazy(journeys.userAuthJourney, (m) => m.resendSignInCode(this.#core));
  }

  /** passkey-prompt, or signed-in ("Create a passkey" on the account screen): registers a passkey. */
  createPasskey(): Promise<void> {
    return this.#lazy(journeys.passkeyJourney, (m) => m.createPasskey(this.#core));
  }

  /** passkey-prompt: "Not now", or "Don't ask again on this device" with `dontAskAgain`. */
  skipPasskey(options: { dontAskAgain?: boolean } = {}): Promise<void> {
    return this.#lazy(journeys.passkeyJourney, (m) => m.skipPasskey(this.#core, options));
  }

  /** signed-in: "Forget this device" (ForgetDevice); the next sign-in asks for MFA again. */
  forgetDevice(): Promise<void> {
    return this.#lazy(journeys.devicesJourney, (m) => m.forgetDevice(this.#core));
  }

  /** Answers SELECT_MFA_TYPE. */
  selectMfa(mfaType: MfaType): Promise<void> {
    return this.#preloaded(['select-mfa'], journeys.mfaJourney, (m, guard) => m.selectMfa(this.#core, mfaType, guard));
  }

  /** Picks the method to set up in an MFA_SETUP challenge; EMAIL_OTP needs the address to send codes to. */
  chooseMfaSetup(mfaType: MfaType, input: { email?: string } = {}): Promise<void> {
    return this.#lazy(journeys.mfaSetupJourney, (m) => m.chooseMfaSetup(this.#core, mfaType, input));
  }

  /** Adds an authenticator app for the signed-in user (AssociateSoftwareToken with the access token). */
  setUpTotp(): Promise<void> {
    return this.#lazy(journeys.mfaSetupJourney, (m) => m.setUpTotp(this.#core));
  }

  /** Leaves authenticator-app set-up started by a signed-in user, back to the signed-in state. */
  cancelTotpSetup(): void {
    void this.#lazy(journeys.mfaSetupJourney, (m) => m.cancelTotpSetup(this.#core));
  }

  /** Verifies the first TOTP code, then finishes MFA_SETUP (or, when signed in, makes TOTP the preferred MFA). */
  verifyTotp(input: { code: string; deviceName?: string }): Promise<void> {
    return this.#lazy(journeys.mfaSetupJourney, (m) => m.verifyTotp(this.#core, input));
  }

  /** SMS set-up in MFA_SETUP: the page's server adds the phone number, then sign-in starts again. */
  setUpSms(input: { phoneNumber: string }): Promise<void> {
    return this.#lazy(journeys.mfaSetupJourney, (m) => m.setUpSms(this.#core, input));
  }

  /** Answers NEW_PASSWORD_REQUIRED with the new password and the attributes Cognito asked for. */
  completeNewPassword(input: { password: string; confirmPassword?: string; attributes?: Record<string, string> }): Promise<void> {
    return this.#lazy(journeys.newPasswordJourney, (m) => m.completeNewPassword(this.#core, input));
  }

  // ---- sign-up (sign-up.ts) and password reset (reset-password.ts), both preloaded on their screens --------------

  /**
   * SignUp. With email or phone usernames the username is that address, and it is also sent as the attribute.
   * Unconfirmed accounts go to confirmation; auto-confirmed ones are signed in with the password just typed.
   */
  signUp(input: SignUpInput): Promise<void> {
    return this.#preloaded(['sign-up'], journeys.signUpJourney, (m, guard) => m.signUp(this.#core, input, guard));
  }

  /** ConfirmSignUp; then signs in with the password typed earlier on this page, if there was one. */
  confirmSignUp(input: { code: string }): Promise<void> {
    return this.#preloaded(['confirm-sign-up'], journeys.signUpJourney, (m, guard) => m.confirmSignUp(this.#core, input, guard));
  }

  resendSignUpCode(): Promise<void> {
    return this.#preloaded(['confirm-sign-up'], journeys.signUpJourney, (m, guard) => m.resendSignUpCode(this.#core, guard));
  }

  forgotPassword(input: { username: string }): Promise<void> {
    const screens: Screen[] = ['forgot-password', 'confirm-forgot-password'];
    return this.#preloaded(screens, journeys.resetJourney, (m, guard) => m.forgotPassword(this.#core, input, guard));
  }

  /** Sends a new reset code to the same user. */
  resendForgotPasswordCode(): Promise<void> {
    return this.forgotPassword({ username: this.state.username });
  }

  confirmForgotPassword(input: { code: string; password: string; confirmPassword?: string }): Promise<void> {
    return this.#preloaded(['confirm-forgot-password'], journeys.resetJourney, (m, guard) => m.confirmForgotPassword(this.#core, input, guard));
  }

  // ---- verify contact after sign-in (verify-attributes.ts, loaded on first use) ----------------------------------

  /** verify-attributes: sends a code to the email address or phone number being verified (again, when one was sent). */
  sendAttributeCode(): Promise<void> {
    return this.#lazy(journeys.verifyJourney, (m) => m.sendAttributeCode(this.#core));
  }

  /** verify-attributes: VerifyUserAttribute with the code the user typed; then the next attribute, or signed-in. */
  verifyAttribute(input: { code: string }): Promise<void> {
    return this.#lazy(journeys.verifyJourney, (m) => m.verifyAttribute(this.#core, input));
  }

  /** verify-attributes: leaves the attribute unverified for now; does nothing when `verifyAttributesRequired`. */
  skipAttributeVerification(): Promise<void> {
    return this.#lazy(journeys.verifyJourney, (m) => m.skipAttributeVerification(this.#core));
  }

  // ---- session (session.ts) ----------------------------------------------------------------------------------------

  /** Signs in from stored tokens, refreshing them first if they are about to expire. Resolves true when signed in. */
  restore(): Promise<boolean> {
    return restore(this.#core);
  }

  /**
   * Renews the tokens now (it also runs by itself before expiry; call it when back online to renew a `stale` session).
   * GetTokensFromRefreshToken or REFRESH_TOKEN_AUTH, see the `refreshCall` option.
   */
  refresh(): Promise<UserSession | undefined> {
    return this.#sessions.refresh();
  }

  /**
   * Signs out this device: local state and storage are cleared at once, whatever the network does; then this refresh
   * token is revoked. `global: true` first sends GlobalSignOut (every device and app of the user); if that fails, this
   * device is still signed out, an `error` event fires and the promise rejects with the AuthError. `reason` (default
   * `user`) is the `signed-out` event's: the account flow passes `deleted` after DeleteUser and `revoked` when Cognito
   * refused the access token; the sign-in form then says so (notice `account-deleted`, error `session-revoked`).
   */
  signOut(options: { global?: boolean; logout?: boolean; reason?: Extract<SignOutReason, 'user' | 'deleted' | 'revoked'> } = {}): Promise<void> {
    return signOut(this.#core, this.#storage, options);
  }

  /** Starts a session from tokens obtained elsewhere (an OAuth code exchange): stores them and fires `signed-in`. */
  signInWithTokens(tokens: Tokens, options: { origin?: TokenOrigin } = {}): UserSession {
    this.#runner.supersede();
    return startSession(this.#core, tokens, options.origin ?? 'hosted');
  }

  /**
   * Re-reads the stored tokens after another authenticator on the page (automatic) or another tab (the element calls
   * this on the window's `storage` event) changed them: a sign-out there signs out here, a sign-in there signs in here.
   */
  syncFromStorage(): void {
    syncFromStorage(this.#core);
  }

  /** The storage key of this flow's tokens (for listening to other tabs). */
  get storageKey(): string {
    return tokensKey(this.config.clientId);
  }

  /** Stops timers and listeners; call when the flow's element is gone for good. */
  dispose(): void {
    this.#stopSync();
    this.#sessions.dispose();
  }

  // ---- identity providers (hosted.ts; OAuth 2.0 authorization code flow with PKCE, see src/oauth/) ---------------

  /** The OAuth 2.0 side of sign-in, when identity providers (a `domain`) are configured. */
  get hosted(): HostedSignIn | undefined {
    return this.#core.hosted;
  }

  /**
   * Sends the user to Cognito's /oauth2/authorize for `provider` (identity_provider): Google, a SAML name, …
   * `keepSignedIn` (the "Keep me signed in" box, config.keepSignedIn) is kept with the pending sign-in and decides,
   * as at signIn, where the tokens go when completeHostedSignIn redeems its callback.
   */
  signInWithProvider(provider: string, options: { lang?: string; keepSignedIn?: boolean } = {}): Promise<void> {
    return this.#lazy(hostedJourney, (m) => m.signInWithProvider(this.#core, provider, options));
  }

  /**
   * Sends the user to the SAML/OIDC provider that lists the email's domain as an identifier (idp_identifier). No match
   * is an `oauth-no-provider` error on `email`; with the user pool form shown, the address moves to its username.
   * `keepSignedIn` as for signInWithProvider.
   */
  signInWithEmail(input: { email: string; lang?: string; keepSignedIn?: boolean }): Promise<void> {
    return this.#lazy(hostedJourney, (m) => m.signInWithEmail(this.#core, input));
  }

  /**
   * Finishes a sign-in with an identity provider when `url` is Cognito's redirect back to `redirect-uri`: checks the
   * state against the one kept in this tab (used once), exchanges the code with the PKCE verifier at /oauth2/token and
   * signs in. Resolves false, doing nothing, for any other URL or when no sign-in from this tab is pending (a
   * planted `?code=`/`?error=` link). Failures land in `state.error` on the sign-in screen.
   */
  completeHostedSignIn(url: string): Promise<boolean> {
    // Any other URL resolves false at once, without loading anything (nor failing to: no error over the screen).
    if (!this.#core.hosted?.callback(url)) return Promise.resolve(false);
    return this.#lazy(hostedJourney, (m) => m.completeHostedSignIn(this.#core, url, () => this.goTo('sign-in')), false);
  }
}
