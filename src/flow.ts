import type { InitiateAuthResponse } from './cognito-types.js';
import { challengeStep, CODE_RESPONSE_KEY, newPasswordResponses, otpauthUri, type MfaType } from './challenges.js';
import { createCognitoApi, type CognitoApi } from './cognito.js';
import type { AuthConfig } from './config.js';
import { AuthError, authError, FIELD_OF_ERROR, toAuthError, type AuthErrorCode } from './errors.js';
import { isPasswordValid } from './password-policy.js';
import { SessionManager, systemClock, type Clock } from './session-manager.js';
import { clearLibraryKeys, decodeJwt, storageFor, tokenChanges, tokensKey, TokenStore, tokensFrom, type StorageLike, type TokenChange, type UserSession } from './session.js';
// Type only: srp.ts is loaded with import() at the first SRP sign-in, so the sign-in form's first paint never waits for it.
import type { createSrpSession as defaultSrp } from './srp.js';
import type { AuthState, FlowEvent, Screen, SignOutReason } from './state.js';
import { HostedSignIn, type CodeGrant, type OAuthDeps } from './oauth.js';
import { routeEmail } from './idp-routing.js';
import type { TokenOrigin } from './session-manager.js';
import type { Tokens } from './session.js';

export interface FlowDeps {
  api?: CognitoApi;
  /** Whether the browser believes it is online (default: navigator.onLine). Nothing is sent while offline. */
  isOnline?: () => boolean;
  storage?: StorageLike;
  clock?: Clock;
  createSrpSession?: typeof defaultSrp;
  /** Identity providers (OAuth 2.0): fetch, the storage of the pending state and verifier, and `navigate`. */
  oauth?: OAuthDeps;
}

type AuthResponse = InitiateAuthResponse;

/** Thrown inside an intent whose answer arrived after the user moved on; never reaches the state. */
const SUPERSEDED = Symbol('superseded');

const CODE = /^\d{4,10}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function fail(code: AuthErrorCode, field?: string): never {
  throw authError(code, { field });
}

function required(value: string, field: string): string {
  const v = value.trim();
  if (!v) fail('required-field', field);
  return v;
}

/**
 * The whole sign-in journey as a state machine. Screens render `state` and call the intent methods; every Cognito call
 * goes through the CognitoApi seam. Intents never throw: failures land in `state.error` (and an `error` event).
 */
export class AuthFlow {
  readonly config: AuthConfig;
  readonly #api: CognitoApi;
  readonly #sessions: SessionManager;
  #srp: typeof defaultSrp | undefined;
  readonly #clock: Clock;
  readonly #listeners = new Set<(state: AuthState, previous: AuthState) => void>();
  readonly #eventListeners = new Set<(event: FlowEvent) => void>();
  #state: AuthState = { screen: 'sign-in', username: '', busy: false };
  /** Bumped by every intent and navigation: answers to older requests are dropped. */
  #seq = 0;
  readonly #isOnline: () => boolean;
  readonly #stopSync: () => void;
  readonly #storage: StorageLike;
  /** Sends the last failed request again (set only after a transport failure; cleared by any other intent). */
  #retry: (() => Promise<void>) | undefined;

  // What the flow must remember between screens but never shows. The password lives here only from the moment it is
  // typed until the user is signed in (or leaves the journey), so confirmation and set-up can finish signing in.
  #password: string | undefined;
  #cognitoSession: string | undefined;
  #userIdForSrp: string | undefined;
  #challengeName: string | undefined;
  readonly #hosted: HostedSignIn | undefined;

  constructor(config: AuthConfig, deps: FlowDeps = {}) {
    this.config = config;
    this.#api = deps.api ?? createCognitoApi(config);
    this.#srp = deps.createSrpSession;
    this.#clock = deps.clock ?? systemClock;
    this.#isOnline = deps.isOnline ?? (() => globalThis.navigator?.onLine !== false);
    const tokenStorage = deps.storage ?? storageFor(config.storage);
    this.#storage = tokenStorage;
    const store = new TokenStore(tokenStorage, config.clientId);
    const federation = config.federation;
    this.#hosted = federation
      ? new HostedSignIn(config.clientId, federation, { timeoutMs: config.timeoutMs, now: () => this.#clock.now(), ...deps.oauth })
      : undefined;
    const onTokenChange = (e: Event) => {
      if (store.concerns((e as CustomEvent<TokenChange>).detail)) this.syncFromStorage();
    };
    tokenChanges.addEventListener('change', onTokenChange);
    this.#stopSync = () => tokenChanges.removeEventListener('change', onTokenChange);
    this.#sessions = new SessionManager({
      api: this.#api,
      store,
      clientId: config.clientId,
      clock: this.#clock,
      secretHash: config.secretHash,
      refreshers: this.#hosted ? { hosted: this.#hosted.refresher } : undefined,
      originStorage: tokenStorage,
      onEnded: (reason) => this.#ended(reason),
      onRefreshed: (session) => {
        if (this.#state.screen === 'signed-in') this.#set({ ...this.#state, session });
        this.#emit({ type: 'tokens-refreshed', session });
      },
    });
  }

  get state(): AuthState {
    return this.#state;
  }

  get session(): UserSession | undefined {
    return this.#sessions.session;
  }

  /** Calls `fn` on every state change; returns the unsubscribe function. */
  subscribe(fn: (state: AuthState, previous: AuthState) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  onEvent(fn: (event: FlowEvent) => void): () => void {
    this.#eventListeners.add(fn);
    return () => this.#eventListeners.delete(fn);
  }

  // ---- navigation ----------------------------------------------------------------------------------------------

  /** Moves between the entry screens. Drops any half-finished challenge and any in-flight answer. */
  goTo(screen: 'sign-in' | 'sign-up' | 'forgot-password', username = this.#state.username): void {
    // A signed-in user (also one adding an authenticator app) is not sent back to the entry screens: sign out first.
    if (this.#state.screen === 'signed-in' || this.#sessions.session) return;
    this.#seq++;
    this.#forget();
    this.#set({ screen, username, busy: false });
  }

  /**
   * "Try again" after a transport failure (offline, network, timeout, server error): sends the same request again,
   * with what the user had typed. Does nothing after any other outcome: code submissions never repeat by themselves.
   */
  retry(): Promise<void> {
    const again = this.#retry;
    if (!again || this.#state.busy || !this.#state.error?.retryable) return Promise.resolve();
    return again();
  }

  // ---- sign-in ---------------------------------------------------------------------------------------------------

  signIn(input: { username: string; password: string }): Promise<void> {
    return this.#run(['sign-in'], async (guard) => {
      const username = required(input.username, 'username');
      if (!input.password) fail('required-field', 'password');
      this.#password = input.password;
      this.#set({ ...this.#state, username });
      await this.#signInWith(username, input.password, guard);
    }, (error, username) => this.#signInFailed(error, username));
  }

  async #signInWith(username: string, password: string, guard: Guard): Promise<void> {
    const { clientId, userPoolId } = this.config;
    let response: AuthResponse;
    if (this.config.authFlow === 'USER_PASSWORD_AUTH') {
      response = await guard(
        this.#api.initiateAuth({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: username, PASSWORD: password, ...(await this.#secretHash('SECRET_HASH', username)) },
        }),
      );
    } else {
      const srp = (this.#srp ??= (await import('./srp.js')).createSrpSession)();
      const init = await guard(
        this.#api.initiateAuth({
          AuthFlow: 'USER_SRP_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: username, SRP_A: srp.A, ...(await this.#secretHash('SECRET_HASH', username)) },
        }),
      );
      if (init.ChallengeName !== 'PASSWORD_VERIFIER') {
        response = init;
      } else {
        const p = init.ChallengeParameters ?? {};
        const userId = p.USER_ID_FOR_SRP ?? username;
        let claim;
        try {
          claim = await srp.passwordClaim({
            userPoolId,
            userIdForSrp: userId,
            password,
            challenge: { SRP_B: p.SRP_B ?? '', SALT: p.SALT ?? '', SECRET_BLOCK: p.SECRET_BLOCK ?? '' },
          });
        } catch (e) {
          throw authError('srp-invalid-challenge', { cognitoMessage: e instanceof Error ? e.message : undefined });
        }
        response = await guard(
          this.#api.respondToAuthChallenge({
            ClientId: clientId,
            ChallengeName: 'PASSWORD_VERIFIER',
            Session: init.Session,
            ChallengeResponses: { USERNAME: userId, ...claim, ...(await this.#secretHash('SECRET_HASH', userId)) },
          }),
        );
      }
    }
    this.#userIdForSrp = undefined;
    await this.#afterAuth(response, username, guard);
  }

  /** Where a failed sign-in leads: unconfirmed accounts to confirmation, reset accounts to a new password. */
  async #signInFailed(error: AuthError, username: string): Promise<AuthState | undefined> {
    if (error.code === 'user-not-confirmed') {
      // Cognito sends no code on a failed sign-in: ask for one, and go to confirmation even if that fails.
      try {
        const sent = await this.#api.resendConfirmationCode({
          ClientId: this.config.clientId,
          Username: username,
          ...(await this.#secretHash('SecretHash', username)),
        });
        return { screen: 'confirm-sign-up', username, busy: false, delivery: delivery(sent.CodeDeliveryDetails) };
      } catch (e) {
        return { screen: 'confirm-sign-up', username, busy: false, resendError: toAuthError(e) };
      }
    }
    if (error.code === 'password-reset-required') {
      this.#password = undefined;
      return { screen: 'confirm-forgot-password', username, busy: false, notice: 'password-reset-required' };
    }
    // The hosted UI clears the password after a failed sign-in; nothing of it stays here either.
    this.#password = undefined;
    return undefined;
  }

  /** Follows an InitiateAuth/RespondToAuthChallenge answer: tokens mean signed in, anything else is a challenge. */
  async #afterAuth(response: AuthResponse, username: string, guard: Guard): Promise<void> {
    if (response.AuthenticationResult) {
      const session = this.#sessions.start(tokensFrom(response.AuthenticationResult, this.#now()));
      this.#forget();
      this.#set({ screen: 'signed-in', username: session.username, session, busy: false });
      this.#emit({ type: 'signed-in', session, restored: false });
      return;
    }
    const name = response.ChallengeName ?? '';
    const params = response.ChallengeParameters ?? {};
    this.#cognitoSession = response.Session;
    this.#challengeName = name;
    this.#userIdForSrp = params.USER_ID_FOR_SRP ?? this.#userIdForSrp ?? username;
    const step = challengeStep(name, params);
    if (step.screen === 'setup-mfa') {
      // SMS needs a phone number on the account, which only the page's server can add (see SmsMfaSetupFn).
      const options = step.options.filter((m) => m !== 'SMS_MFA' || this.config.smsMfaSetup);
      if (options.length === 0) throw authError('unsupported-challenge', { cognitoName: name });
      if (options.length === 1 && options[0] === 'SOFTWARE_TOKEN_MFA') {
        await this.#associateTotp(username, guard);
        return;
      }
      this.#set({ screen: 'setup-mfa', options, username, busy: false });
      return;
    }
    this.#set({ ...step, username, busy: false });
  }

  #answer(challengeName: string, responses: Record<string, string>, session = this.#cognitoSession) {
    return this.#secretHash('SECRET_HASH', this.#userIdForSrp ?? '').then((hash) =>
      this.#api.respondToAuthChallenge({
        ClientId: this.config.clientId,
        ChallengeName: challengeName as never,
        Session: session,
        ChallengeResponses: { USERNAME: this.#userIdForSrp ?? '', ...responses, ...hash },
      }),
    );
  }

  // ---- challenges ------------------------------------------------------------------------------------------------

  /** Answers SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP with the code the user typed. */
  submitMfaCode(input: { code: string }): Promise<void> {
    return this.#run(['mfa-code'], async (guard) => {
      const state = this.#state as Extract<AuthState, { screen: 'mfa-code' }>;
      const code = required(input.code, 'code').replace(/\s/g, '');
      if (!CODE.test(code)) fail('invalid-code-format', 'code');
      const response = await guard(this.#answer(state.mfaType, { [CODE_RESPONSE_KEY[state.mfaType]]: code }));
      await this.#afterAuth(response, state.username, guard);
    });
  }

  /** Answers SELECT_MFA_TYPE. */
  selectMfa(mfaType: MfaType): Promise<void> {
    return this.#run(['select-mfa'], async (guard) => {
      const state = this.#state as Extract<AuthState, { screen: 'select-mfa' }>;
      if (!state.options.includes(mfaType)) fail('invalid-parameter', 'mfa');
      const response = await guard(this.#answer('SELECT_MFA_TYPE', { ANSWER: mfaType }));
      await this.#afterAuth(response, state.username, guard);
    });
  }

  /** Picks the method to set up in an MFA_SETUP challenge; EMAIL_OTP needs the address to send codes to. */
  chooseMfaSetup(mfaType: MfaType, input: { email?: string } = {}): Promise<void> {
    return this.#run(['setup-mfa'], async (guard) => {
      const state = this.#state as Extract<AuthState, { screen: 'setup-mfa' }>;
      if (!state.options.includes(mfaType)) fail('invalid-parameter', 'mfa');
      if (mfaType === 'SOFTWARE_TOKEN_MFA') return this.#associateTotp(state.username, guard);
      if (mfaType === 'SMS_MFA') return this.#set({ screen: 'setup-sms', username: state.username, busy: false });
      const email = required(input.email ?? '', 'email');
      if (!EMAIL.test(email)) fail('invalid-parameter', 'email');
      const response = await guard(this.#answer('MFA_SETUP', { EMAIL: email }));
      await this.#afterAuth(response, state.username, guard);
    });
  }

  async #associateTotp(username: string, guard: Guard): Promise<void> {
    const signedIn = this.#sessions.session;
    const answer = await guard(
      this.#api.associateSoftwareToken(signedIn ? { AccessToken: signedIn.tokens.accessToken } : { Session: this.#cognitoSession }),
    );
    if (!answer.SecretCode) throw authError('unknown');
    if (answer.Session) this.#cognitoSession = answer.Session;
    const issuer = this.config.totpIssuer ?? (globalThis.location?.hostname || 'Cognito');
    const account = signedIn ? String(signedIn.claims.email ?? signedIn.username) : username;
    this.#set({
      screen: 'setup-totp',
      username,
      secret: answer.SecretCode,
      uri: otpauthUri(answer.SecretCode, account, issuer),
      signedIn: Boolean(signedIn),
      busy: false,
    });
  }

  /** Adds an authenticator app for the signed-in user (AssociateSoftwareToken with the access token). */
  setUpTotp(): Promise<void> {
    return this.#run(['signed-in'], (guard) => this.#associateTotp(this.#state.username, guard));
  }

  /** Leaves authenticator-app set-up started by a signed-in user, back to the signed-in state. */
  cancelTotpSetup(): void {
    const session = this.#sessions.session;
    if (this.#state.screen !== 'setup-totp' || !this.#state.signedIn || !session) return;
    this.#seq++;
    this.#set({ screen: 'signed-in', username: session.username, session, busy: false });
  }

  /** Verifies the first TOTP code, then finishes MFA_SETUP (or, when signed in, makes TOTP the preferred MFA). */
  verifyTotp(input: { code: string; deviceName?: string }): Promise<void> {
    return this.#run(['setup-totp'], async (guard) => {
      const state = this.#state as Extract<AuthState, { screen: 'setup-totp' }>;
      const code = required(input.code, 'code').replace(/\s/g, '');
      if (!/^\d{6}$/.test(code)) fail('invalid-code-format', 'code');
      const deviceName = input.deviceName?.trim() || undefined;
      const signedIn = this.#sessions.session;
      const auth = state.signedIn && signedIn ? { AccessToken: signedIn.tokens.accessToken } : { Session: this.#cognitoSession };
      let verified;
      try {
        verified = await guard(this.#api.verifySoftwareToken({ ...auth, UserCode: code, FriendlyDeviceName: deviceName }));
      } catch (e) {
        // A rejected first code is most often a device clock that is off: say so.
        if (e instanceof AuthError && e.code === 'code-mismatch') throw authError('totp-verification-failed', { field: 'code' });
        throw e;
      }
      if (verified.Status && verified.Status !== 'SUCCESS') throw authError('totp-verification-failed', { field: 'code' });
      if (state.signedIn && signedIn) {
        await guard(
          this.#api.setUserMfaPreference({
            AccessToken: signedIn.tokens.accessToken,
            SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
          }),
        );
        this.#set({ screen: 'signed-in', username: signedIn.username, session: signedIn, busy: false, notice: 'totp-enabled' });
        return;
      }
      const response = await guard(this.#answer('MFA_SETUP', {}, verified.Session ?? this.#cognitoSession));
      await this.#afterAuth(response, state.username, guard);
    });
  }

  /** SMS set-up in MFA_SETUP: the page's server adds the phone number, then sign-in starts again. */
  setUpSms(input: { phoneNumber: string }): Promise<void> {
    return this.#run(['setup-sms'], async (guard) => {
      const state = this.#state as Extract<AuthState, { screen: 'setup-sms' }>;
      const phoneNumber = required(input.phoneNumber, 'phone_number').replace(/[\s()-]/g, '');
      if (!E164.test(phoneNumber)) fail('invalid-phone-number', 'phone_number');
      const hook = this.config.smsMfaSetup;
      if (!hook) throw authError('unsupported-challenge');
      await guard(hook({ username: this.#userIdForSrp ?? state.username, phoneNumber }));
      const password = this.#password;
      if (!password) {
        this.#forget();
        return this.#set({ screen: 'sign-in', username: state.username, busy: false, notice: 'phone-number-saved' });
      }
      await this.#signInWith(state.username, password, guard);
    });
  }

  /** Answers NEW_PASSWORD_REQUIRED with the new password and the attributes Cognito asked for. */
  completeNewPassword(input: { password: string; confirmPassword?: string; attributes?: Record<string, string> }): Promise<void> {
    return this.#run(['new-password'], async (guard) => {
      const state = this.#state as Extract<AuthState, { screen: 'new-password' }>;
      this.#checkNewPassword(input.password, input.confirmPassword);
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(input.attributes ?? {})) attributes[k] = v.trim();
      for (const name of state.requiredAttributes) if (!attributes[name]) fail('required-field', name);
      this.#password = input.password;
      const response = await guard(this.#answer('NEW_PASSWORD_REQUIRED', newPasswordResponses(input.password, attributes)));
      await this.#afterAuth(response, state.username, guard);
    });
  }

  #checkNewPassword(password: string, confirmPassword: string | undefined): void {
    if (!password) fail('required-field', 'password');
    if (!isPasswordValid(this.config.passwordPolicy, password)) fail('password-policy', 'password');
    if (confirmPassword !== undefined && confirmPassword !== password) fail('passwords-do-not-match', 'confirm_password');
  }

  // ---- sign-up ---------------------------------------------------------------------------------------------------

  /**
   * SignUp. With email or phone usernames the username is that address, and it is also sent as the attribute.
   * Unconfirmed accounts go to confirmation; auto-confirmed ones are signed in with the password just typed.
   */
  signUp(input: {
    username: string;
    password: string;
    confirmPassword?: string;
    attributes?: Record<string, string>;
    /** Attributes that must not be empty (checked in form order, before anything is sent). */
    requiredAttributes?: string[];
  }): Promise<void> {
    return this.#run(['sign-up'], async (guard) => {
      const username = required(input.username, 'username');
      const attributes: Record<string, string> = {};
      for (const [k, v] of Object.entries(input.attributes ?? {})) if (v.trim()) attributes[k] = v.trim();
      for (const name of input.requiredAttributes ?? []) if (!attributes[name]) fail('required-field', name);
      this.#checkNewPassword(input.password, input.confirmPassword);
      const kinds = this.config.usernameAttributes;
      if (kinds.length > 0) {
        const kind = kinds.length === 1 ? kinds[0]! : username.includes('@') ? 'email' : 'phone_number';
        attributes[kind] ??= username;
      }
      this.#set({ ...this.#state, username });
      const result = await guard(
        this.#api.signUp({
          ClientId: this.config.clientId,
          Username: username,
          Password: input.password,
          UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
          ...(await this.#secretHash('SecretHash', username)),
        }),
      );
      this.#emit({ type: 'signed-up', username, userSub: result.UserSub, confirmed: Boolean(result.UserConfirmed) });
      this.#password = input.password;
      if (result.UserConfirmed) return this.#signInWith(username, input.password, guard);
      this.#set({ screen: 'confirm-sign-up', username, busy: false, delivery: delivery(result.CodeDeliveryDetails) });
    });
  }

  /** ConfirmSignUp; then signs in with the password typed earlier on this page, if there was one. */
  confirmSignUp(input: { code: string }): Promise<void> {
    return this.#run(['confirm-sign-up'], async (guard) => {
      const username = this.#state.username;
      const code = required(input.code, 'code').replace(/\s/g, '');
      if (!CODE.test(code)) fail('invalid-code-format', 'code');
      await guard(
        this.#api.confirmSignUp({
          ClientId: this.config.clientId,
          Username: username,
          ConfirmationCode: code,
          ...(await this.#secretHash('SecretHash', username)),
        }),
      );
      const password = this.#password;
      if (password) return this.#signInWith(username, password, guard);
      this.#set({ screen: 'sign-in', username, busy: false, notice: 'account-confirmed' });
    });
  }

  resendSignUpCode(): Promise<void> {
    return this.#run(['confirm-sign-up'], async (guard) => {
      const username = this.#state.username;
      const sent = await guard(
        this.#api.resendConfirmationCode({
          ClientId: this.config.clientId,
          Username: username,
          ...(await this.#secretHash('SecretHash', username)),
        }),
      );
      this.#set({ screen: 'confirm-sign-up', username, busy: false, delivery: delivery(sent.CodeDeliveryDetails), notice: 'code-resent' });
    });
  }

  // ---- password reset --------------------------------------------------------------------------------------------

  forgotPassword(input: { username: string }): Promise<void> {
    return this.#run(['forgot-password', 'confirm-forgot-password'], async (guard) => {
      const username = required(input.username, 'username');
      const resend = this.#state.screen === 'confirm-forgot-password';
      const sent = await guard(
        this.#api.forgotPassword({
          ClientId: this.config.clientId,
          Username: username,
          ...(await this.#secretHash('SecretHash', username)),
        }),
      );
      this.#set({
        screen: 'confirm-forgot-password',
        username,
        busy: false,
        delivery: delivery(sent.CodeDeliveryDetails),
        notice: resend ? 'code-resent' : undefined,
      });
    });
  }

  /** Sends a new reset code to the same user. */
  resendForgotPasswordCode(): Promise<void> {
    return this.forgotPassword({ username: this.#state.username });
  }

  confirmForgotPassword(input: { code: string; password: string; confirmPassword?: string }): Promise<void> {
    return this.#run(['confirm-forgot-password'], async (guard) => {
      const username = this.#state.username;
      const code = required(input.code, 'code').replace(/\s/g, '');
      if (!CODE.test(code)) fail('invalid-code-format', 'code');
      this.#checkNewPassword(input.password, input.confirmPassword);
      await guard(
        this.#api.confirmForgotPassword({
          ClientId: this.config.clientId,
          Username: username,
          ConfirmationCode: code,
          Password: input.password,
          ...(await this.#secretHash('SecretHash', username)),
        }),
      );
      this.#forget();
      this.#set({ screen: 'sign-in', username, busy: false, notice: 'password-changed' });
    });
  }

  // ---- session -----------------------------------------------------------------------------------------------------

  /** Signs in from stored tokens, refreshing them first if they are about to expire. Resolves true when signed in. */
  async restore(): Promise<boolean> {
    const seq = ++this.#seq;
    const session = await this.#sessions.restore();
    if (!session || seq !== this.#seq) return false;
    this.#forget();
    this.#set({ screen: 'signed-in', username: session.username, session, busy: false });
    this.#emit({ type: 'signed-in', session, restored: true });
    return true;
  }

  /** REFRESH_TOKEN_AUTH now (it also runs by itself before expiry). */
  async refresh(): Promise<UserSession | undefined> {
    return this.#sessions.refresh();
  }

  /**
   * Signs out: local state and storage are cleared at once, whatever the network does; then the refresh token is
   * revoked and, unless `global` is false, every session is ended where the access token allows it.
   */
  async signOut(options: { global?: boolean; logout?: boolean } = {}): Promise<void> {
    const session = this.#sessions.session;
    const scope = session ? String(decodeJwt(session.tokens.accessToken).scope ?? '') : '';
    const global = options.global ?? scope.split(' ').includes('aws.cognito.signin.user.admin');
    // A session from an identity provider also lives on Cognito's domain: /logout ends it (when logout-uri is set).
    const hostedLogout = session && this.#sessions.origin === 'hosted' && options.logout !== false ? this.#hosted : undefined;
    this.#seq++;
    const done = this.#sessions.signOut(global);
    // Every key the library wrote, in every storage, not only the tokens.
    clearLibraryKeys(this.config.clientId, [this.#storage]);
    this.#ended('user');
    await done;
    hostedLogout?.logout();
  }

  // ---- identity providers (OAuth 2.0 authorization code flow with PKCE; see oauth.ts) ----------------------------

  /** The OAuth 2.0 side of sign-in, when identity providers (a `domain`) are configured. */
  get hosted(): HostedSignIn | undefined {
    return this.#hosted;
  }

  /** Sends the user to Cognito's /oauth2/authorize for `provider` (identity_provider): Google, a SAML name, … */
  signInWithProvider(provider: string, options: { lang?: string } = {}): Promise<void> {
    return this.#run(['sign-in'], async () => {
      const hosted = this.#hosted;
      if (!hosted) throw authError('configuration');
      await hosted.begin({ identityProvider: provider }, options.lang);
      this.#set({ ...this.#state, busy: false });
    });
  }

  /**
   * Sends the user to the SAML/OIDC provider that lists the email's domain as an identifier (idp_identifier). No match
   * is an `oauth-no-provider` error on `email`; with the user pool form shown, the address moves to its username.
   */
  signInWithEmail(input: { email: string; lang?: string }): Promise<void> {
    return this.#run(['sign-in'], async () => {
      const hosted = this.#hosted;
      if (!hosted) throw authError('configuration');
      const email = required(input.email, 'email');
      const route = routeEmail(hosted.config.providers, email);
      if (!route) {
        if (!hosted.config.hideNative) this.#set({ ...this.#state, username: email });
        fail('oauth-no-provider', 'email');
      }
      await hosted.begin({ idpIdentifier: route.identifier }, input.lang);
      this.#set({ ...this.#state, busy: false });
    });
  }

  /**
   * Finishes a sign-in with an identity provider when `url` is Cognito's redirect back to `redirect-uri`: checks the
   * state against the one kept in this tab (used once), exchanges the code with the PKCE verifier at /oauth2/token and
   * signs in. Resolves false, doing nothing, for any other URL. Failures land in `state.error` on the sign-in screen.
   */
  async completeHostedSignIn(url: string): Promise<boolean> {
    const hosted = this.#hosted;
    const callback = hosted?.callback(url);
    if (!hosted || !callback) return false;
    // The way back lands on sign-in, whatever entry screen the page asked for.
    if (this.#state.screen === 'sign-up' || this.#state.screen === 'forgot-password') this.goTo('sign-in');
    // Redeemed once; "Try again" after a transport failure re-sends the same exchange.
    let grant: CodeGrant | undefined;
    await this.#run(['sign-in'], async (guard) => {
      grant ??= hosted.redeem(callback);
      const tokens = await guard(hosted.exchange(grant));
      this.#signedIn(tokens, 'hosted');
    });
    return true;
  }

  /** Starts a session from tokens obtained elsewhere (an OAuth code exchange): stores them and fires `signed-in`. */
  signInWithTokens(tokens: Tokens, options: { origin?: TokenOrigin } = {}): UserSession {
    this.#seq++;
    return this.#signedIn(tokens, options.origin ?? 'hosted');
  }

  #signedIn(tokens: Tokens, origin: TokenOrigin): UserSession {
    const session = this.#sessions.start(tokens, origin);
    this.#forget();
    this.#set({ screen: 'signed-in', username: session.username, session, busy: false });
    this.#emit({ type: 'signed-in', session, restored: false });
    return session;
  }

  /**
   * Re-reads the stored tokens after another authenticator on the page (automatic) or another tab (the element calls
   * this on the window's `storage` event) changed them: a sign-out there signs out here, a sign-in there signs in here.
   */
  syncFromStorage(): void {
    const adopted = this.#sessions.sync();
    // Mid-way through adding an authenticator app the newer tokens are used without leaving the screen.
    if (!adopted || (this.#state.screen === 'setup-totp' && this.#state.signedIn)) return;
    const wasSignedIn = this.#state.screen === 'signed-in';
    this.#seq++;
    this.#forget();
    this.#set({ screen: 'signed-in', username: adopted.username, session: adopted, busy: false });
    if (!wasSignedIn) this.#emit({ type: 'signed-in', session: adopted, restored: true });
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

  #ended(reason: SignOutReason): void {
    this.#forget();
    const username = this.#state.screen === 'signed-in' ? '' : this.#state.username;
    this.#set({
      screen: 'sign-in',
      username,
      busy: false,
      notice: reason === 'user' ? 'signed-out' : undefined,
      error: reason === 'refresh-failed' || reason === 'expired' ? authError('session-expired') : undefined,
    });
    this.#emit({ type: 'signed-out', reason });
  }

  // ---- machinery -------------------------------------------------------------------------------------------------

  #now(): number {
    return this.#clock.now();
  }

  async #secretHash<K extends string>(key: K, username: string): Promise<Partial<Record<K, string>>> {
    if (!this.config.secretHash) return {};
    return { [key]: await this.config.secretHash(username) } as Record<K, string>;
  }

  /** Forgets everything kept between challenge screens. */
  #forget(): void {
    this.#retry = undefined;
    this.#password = undefined;
    this.#cognitoSession = undefined;
    this.#userIdForSrp = undefined;
    this.#challengeName = undefined;
  }

  /**
   * Runs one intent: ignored while another is in flight (double submit) or on the wrong screen; busy while it runs;
   * any failure becomes `state.error`, unless `recover` maps it to another screen.
   */
  async #run(
    screens: Screen[],
    work: (guard: Guard) => Promise<void>,
    recover?: (error: AuthError, username: string) => Promise<AuthState | undefined>,
  ): Promise<void> {
    if (this.#state.busy || !screens.includes(this.#state.screen)) return;
    const seq = ++this.#seq;
    this.#retry = undefined;
    if (!this.#isOnline()) {
      // Known to be offline: say so before sending anything, and let "Try again" send it once back online.
      this.#retry = () => this.#run(screens, work, recover);
      this.#set({ ...this.#state, busy: false, error: authError('offline'), notice: undefined });
      return;
    }
    const guard: Guard = async (promise) => {
      const value = await promise;
      if (seq !== this.#seq) throw SUPERSEDED;
      return value;
    };
    this.#set({ ...this.#state, busy: true, error: undefined, notice: undefined });
    try {
      await work(guard);
    } catch (e) {
      if (e === SUPERSEDED || seq !== this.#seq) return;
      let error = toAuthError(e);
      const field = FIELD_OF_ERROR[error.code];
      if (!error.field && field) error = error.withField(field);
      const username = this.#state.username;
      let next: AuthState | undefined;
      if (error.code === 'session-expired' && this.#challengeName) {
        // A challenge answered after Cognito's 3-minute session: start again from sign-in, saying why.
        this.#forget();
        next = { screen: 'sign-in', username, busy: false, error };
      } else if (recover) {
        next = await recover(error, username);
        if (seq !== this.#seq) return;
      }
      this.#set(next ?? { ...this.#state, busy: false, error });
      if (error.retryable && !next) this.#retry = () => this.#run(screens, work, recover);
      if (this.#state.error === error) this.#emit({ type: 'error', error, screen: this.#state.screen });
    }
  }

  #set(state: AuthState): void {
    const previous = this.#state;
    this.#state = state;
    for (const fn of this.#listeners) fn(state, previous);
  }

  #emit(event: FlowEvent): void {
    for (const fn of this.#eventListeners) fn(event);
  }
}

type Guard = <T>(promise: Promise<T>) => Promise<T>;

function delivery(d: { DeliveryMedium?: string; Destination?: string; AttributeName?: string } | undefined) {
  if (!d?.Destination) return undefined;
  return { medium: d.DeliveryMedium ?? 'EMAIL', destination: d.Destination, attribute: d.AttributeName };
}
