import { createCognitoApi } from '../api/client.js';
import type { CognitoApi } from '../api/operations.js';
import { STANDARD_ATTRIBUTES, ConfigError } from '../config.js';
import { AuthError, authError, FIELD_OF_ERROR, toAuthError } from '../errors.js';
import type { AuthFlow } from '../flow/auth-flow.js';
import type { Guard } from '../flow/runner.js';
import { fail } from '../flow/steps.js';
import { systemClock, type Clock } from '../session/clock.js';
import type { MfaType } from '../state/index.js';
import type { AccountCore, AccountSettings, RegisterPasskeyFn } from './core.js';
import { addPasskey, deletePasskey, forgetDevice, loadDevices, loadPasskeys, setDeviceRemembered } from './devices.js';
import { reloadUser, sendVerificationCode, updateProfile, verifyAttribute, type ProfileInput } from './profile.js';
import {
  cancelTotpSetup,
  changePassword,
  setMfaEnabled,
  setPreferredMfa,
  startTotpSetup,
  verifyTotp,
  type ChangePasswordInput,
} from './security.js';
import type { AccountEvent, AccountNotice, AccountSection, AccountState } from './state.js';

export interface AccountOptions {
  /** The attributes the user may edit (standard and `custom:`; as `sign-up-attributes`). Default: sign-up's. */
  attributes?: string | readonly string[] | null;
  /** The MFA methods the pool allows and the page offers to turn on (default: SOFTWARE_TOKEN_MFA). */
  mfaTypes?: string | readonly string[] | null;
  /** Creates a passkey (see RegisterPasskeyFn); default: the AuthFlow's own (AuthFlow.createPasskey, its WebAuthn seam). */
  registerPasskey?: RegisterPasskeyFn | null;
  /**
   * Called after this browser's own device was forgotten by ForgetDevice here; default: it is forgotten through the
   * AuthFlow (AuthFlow.forgetDevice), which also drops the device key and password it keeps.
   */
  forgetThisDevice?: (() => void) | null;
}

export interface AccountDeps {
  /** Default: a fetch client for the AuthFlow's configuration (tests pass the same fake as the AuthFlow's). */
  api?: CognitoApi;
  clock?: Clock;
  isOnline?: () => boolean;
}

// Renew first when the access token has less than this left.
const FRESH_MS = 60_000;
const MFA_TYPES: readonly MfaType[] = ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'];
const CUSTOM_ATTRIBUTE = /^custom:[\w-]{1,20}$/;
const SECTIONS: readonly AccountSection[] = ['profile', 'password', 'mfa', 'passkeys', 'devices', 'sessions', 'deleteAccount'];
/** Thrown inside an intent whose answer arrived after the session ended or changed; never reaches the state. */
const SUPERSEDED = Symbol('superseded');

function list(value: string | readonly string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? value.split(/[\s,]+/) : [...value]).map((s) => s.trim()).filter(Boolean);
}

function settingsFrom(options: AccountOptions, signUpAttributes: string[]): AccountSettings {
  const attributes = options.attributes === undefined || options.attributes === null ? signUpAttributes : [...new Set(list(options.attributes))];
  for (const a of attributes) {
    if (!(STANDARD_ATTRIBUTES as readonly string[]).includes(a) && !CUSTOM_ATTRIBUTE.test(a)) {
      throw new ConfigError('attributes', `"${a}" is neither a standard Cognito attribute nor custom:<name>`);
    }
  }
  const mfaTypes = list(options.mfaTypes ?? 'SOFTWARE_TOKEN_MFA');
  for (const m of mfaTypes) {
    if (!MFA_TYPES.includes(m as MfaType)) throw new ConfigError('mfa-types', `"${m}" is not SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP`);
  }
  return {
    attributes,
    mfaTypes: mfaTypes as MfaType[],
    registerPasskey: options.registerPasskey ?? undefined,
    forgetThisDevice: options.forgetThisDevice ?? undefined,
  };
}

/**
 * The signed-in user's own account, over an AuthFlow's session: one state with a status per section (see state.ts)
 * and the intents the `<cognito-account>` sections call. Every request carries a fresh access token (renewed through
 * the AuthFlow first when it is about to expire); a revoked session signs the AuthFlow out (`signed-out`, reason
 * `revoked`). With no one signed in the state is `signed-out` and every intent does nothing. Intents never throw.
 */
export class AccountFlow {
  readonly #auth: AuthFlow;
  readonly #core: AccountCore;
  readonly #settings: AccountSettings;
  readonly #isOnline: () => boolean;
  readonly #listeners = new Set<(state: AccountState, previous: AccountState) => void>();
  readonly #eventListeners = new Set<(event: AccountEvent) => void>();
  readonly #stop: (() => void)[] = [];
  #state: AccountState;
  /** Bumped when the session ends or changes user: answers to older requests are dropped. */
  #generation = 0;
  /** Why the session is ending, set just before the account flow signs the AuthFlow out. */
  #ending: AuthError | undefined;

  constructor(auth: AuthFlow, options: AccountOptions = {}, deps: AccountDeps = {}) {
    this.#auth = auth;
    this.#settings = settingsFrom(options, auth.config.signUpAttributes);
    this.#isOnline = deps.isOnline ?? (() => globalThis.navigator?.onLine !== false);
    this.#state = this.#initial();
    const api = deps.api ?? createCognitoApi(auth.config);
    const clock = deps.clock ?? systemClock;
    const self = this;
    this.#core = {
      auth,
      api,
      config: auth.config,
      settings: this.#settings,
      clock,
      get state() {
        return self.#state;
      },
      run: (section, work) => this.#run(section, work),
      call: (send) => this.#call(send, clock),
      patch: (section, change) => this.#set({ ...this.#state, [section]: { ...this.#state[section], ...change } }),
      set: (change) => this.#set({ ...this.#state, ...change }),
      emit: (event) => this.#emit(event),
    };
    this.#stop.push(
      auth.subscribe(() => this.#follow()),
      auth.onEvent((event) => {
        if (event.type === 'signed-out' && !this.#ending) {
          // The state may have followed the AuthFlow's state change already (it comes before the event): add why.
          if (event.reason === 'revoked') this.#ending = authError('session-revoked');
          else if (event.reason === 'refresh-failed' || event.reason === 'expired') this.#ending = authError('session-expired');
          if (this.#ending && this.#state.status === 'signed-out' && !this.#auth.session) this.#set({ ...this.#state, error: this.#ending });
        }
        this.#follow();
      }),
    );
    this.#follow();
  }

  get state(): AccountState {
    return this.#state;
  }

  subscribe(fn: (state: AccountState, previous: AccountState) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  onEvent(fn: (event: AccountEvent) => void): () => void {
    this.#eventListeners.add(fn);
    return () => this.#eventListeners.delete(fn);
  }

  /** Stops following the AuthFlow; call when the account element is gone for good. */
  dispose(): void {
    for (const stop of this.#stop.splice(0)) stop();
  }

  // ---- state ------------------------------------------------------------------------------------------------------

  #initial(error?: AuthError): AccountState {
    const session = this.#auth.session;
    return {
      status: session ? 'ready' : 'signed-out',
      username: session?.username ?? '',
      error: session ? undefined : error,
      profile: { busy: false, editable: this.#settings.attributes, verifying: [] },
      password: { busy: false },
      mfa: { busy: false, available: this.#settings.mfaTypes },
      // The page's registration, or the AuthFlow's (AuthFlow.createPasskey), which needs a browser with WebAuthn.
      passkeys: { busy: false, canAdd: Boolean(this.#settings.registerPasskey) || 'PublicKeyCredential' in globalThis },
      devices: { busy: false },
      sessions: { busy: false },
      deleteAccount: { busy: false },
    };
  }

  #set(state: AccountState): void {
    const previous = this.#state;
    this.#state = state;
    for (const fn of this.#listeners) fn(state, previous);
  }

  #emit(event: AccountEvent): void {
    for (const fn of this.#eventListeners) fn(event);
  }

  /** Follows the AuthFlow's session: signed out, signed in, or another user (then everything starts again). */
  #follow(): void {
    const session = this.#auth.session;
    const { status, username } = this.#state;
    if (!session && status === 'ready') {
      this.#generation++;
      this.#set(this.#initial(this.#ending));
    } else if (session && (status === 'signed-out' || session.username !== username)) {
      this.#generation++;
      this.#ending = undefined;
      this.#set(this.#initial());
    }
  }

  // ---- running intents ---------------------------------------------------------------------------------------------

  async #run(section: AccountSection, work: (guard: Guard) => Promise<AccountNotice | void>): Promise<void> {
    if (this.#state.status !== 'ready' || this.#state[section].busy) return;
    const patch = (change: object) => this.#set({ ...this.#state, [section]: { ...this.#state[section], ...change } });
    if (!this.#isOnline()) return patch({ error: authError('offline'), notice: undefined });
    const generation = this.#generation;
    const guard: Guard = async (promise) => {
      const value = await promise;
      if (generation !== this.#generation) throw SUPERSEDED;
      return value;
    };
    patch({ busy: true, error: undefined, notice: undefined });
    try {
      const notice = await work(guard);
      if (generation === this.#generation) patch({ busy: false, notice: notice ?? undefined });
    } catch (e) {
      if (e === SUPERSEDED || generation !== this.#generation) return;
      let error = toAuthError(e);
      const field = FIELD_OF_ERROR[error.code];
      if (!error.field && field) error = error.withField(field);
      if (error.code === 'session-revoked') return this.#endRevoked(error);
      patch({ busy: false, error });
      this.#emit({ type: 'error', error, section });
    }
  }

  /** Cognito refused the access token (signed out everywhere, or by an administrator): sign this page out, saying why. */
  async #endRevoked(error: AuthError): Promise<void> {
    this.#ending = error;
    await this.#auth.signOut({ reason: 'revoked' }).catch(() => undefined);
  }

  /** The access token of the session, renewed first when near expiry; SUPERSEDED when the session has ended. */
  async #token(clock: Clock): Promise<string> {
    let session = this.#auth.session;
    if (session && (session.stale || session.tokens.expiresAt - clock.now() < FRESH_MS)) session = await this.#auth.refresh();
    if (!session) throw SUPERSEDED;
    // Expired and not renewed for a network reason: say so ("Try again" once back online), send nothing.
    if (session.tokens.expiresAt <= clock.now()) throw authError('network');
    return session.tokens.accessToken;
  }

  async #call<T>(send: (accessToken: string) => Promise<T>, clock: Clock): Promise<T> {
    try {
      return await send(await this.#token(clock));
    } catch (e) {
      if (!(e instanceof AuthError) || e.code !== 'session-expired') throw e;
      // Cognito found the token expired (a device clock that is off): renew once and send again.
      const session = await this.#auth.refresh();
      if (!session) throw SUPERSEDED;
      return send(session.tokens.accessToken);
    }
  }

  // ---- profile (profile.ts) ------------------------------------------------------------------------------------------

  /** GetUser: `state.user` (attributes, unverified email/phone, MFA settings). The sections call it when shown. */
  load(): Promise<void> {
    return this.#run('profile', async (guard) => {
      await reloadUser(this.#core, guard);
    });
  }

  /** UpdateUserAttributes (and DeleteUserAttributes for cleared fields); a changed email or phone is sent a code. */
  updateProfile(input: ProfileInput): Promise<void> {
    return updateProfile(this.#core, input);
  }

  /** GetUserAttributeVerificationCode: a (new) code to verify the email address or phone number. */
  sendVerificationCode(input: { attribute: 'email' | 'phone_number' }): Promise<void> {
    return sendVerificationCode(this.#core, input);
  }

  /** VerifyUserAttribute with the code the user typed. */
  verifyAttribute(input: { attribute: 'email' | 'phone_number'; code: string }): Promise<void> {
    return verifyAttribute(this.#core, input);
  }

  // ---- password and two-step verification (security.ts) --------------------------------------------------------------

  /** ChangePassword with the pool's policy and the confirmation checked first. */
  changePassword(input: ChangePasswordInput): Promise<void> {
    return changePassword(this.#core, input);
  }

  /** SetUserMFAPreference: turns a method on (one the page offers) or off. */
  setMfaEnabled(input: { type: MfaType; enabled: boolean }): Promise<void> {
    return setMfaEnabled(this.#core, input);
  }

  /** SetUserMFAPreference: the method Cognito asks for first. */
  setPreferredMfa(input: { type: MfaType }): Promise<void> {
    return setPreferredMfa(this.#core, input);
  }

  /** AssociateSoftwareToken: adds or replaces the authenticator app (`state.mfa.totpSetup`). */
  startTotpSetup(): Promise<void> {
    return startTotpSetup(this.#core);
  }

  cancelTotpSetup(): void {
    cancelTotpSetup(this.#core);
  }

  /** VerifySoftwareToken with the app's first code, then TOTP is turned on. */
  verifyTotp(input: { code: string; deviceName?: string }): Promise<void> {
    return verifyTotp(this.#core, input);
  }

  // ---- passkeys and devices (devices.ts) ---------------------------------------------------------------------------

  loadPasskeys(): Promise<void> {
    return loadPasskeys(this.#core);
  }

  addPasskey(): Promise<void> {
    return addPasskey(this.#core);
  }

  deletePasskey(input: { id: string }): Promise<void> {
    return deletePasskey(this.#core, input);
  }

  loadDevices(): Promise<void> {
    return loadDevices(this.#core);
  }

  forgetDevice(input: { key: string }): Promise<void> {
    return forgetDevice(this.#core, input);
  }

  setDeviceRemembered(input: { key: string; remembered: boolean }): Promise<void> {
    return setDeviceRemembered(this.#core, input);
  }

  // ---- sessions and deletion ---------------------------------------------------------------------------------------

  /** Signs out of this device (AuthFlow.signOut). */
  signOut(): Promise<void> {
    return this.#auth.signOut().catch(() => undefined);
  }

  /**
   * GlobalSignOut (every device and app), after renewing the access token if needed. This device is signed out
   * whatever happens; when GlobalSignOut failed, the signed-out state's `error` says other devices may still be in.
   */
  signOutEverywhere(): Promise<void> {
    return this.#run('sessions', async (guard) => {
      await guard(this.#token(this.#core.clock));
      try {
        await this.#auth.signOut({ global: true });
      } catch (e) {
        // Signed out here already (the state followed): other devices may still be signed in, say so.
        this.#ending = toAuthError(e);
        if (this.#state.status === 'signed-out') this.#set({ ...this.#state, error: this.#ending });
      }
    });
  }

  /**
   * DeleteUser, once the user typed the confirmation word the element shows (`expected`, compared but for case,
   * surrounding spaces and the spellings keyboards differ in, see `asTyped`); then this device is signed out
   * (`signed-out` with reason `deleted`): a deleted user has no session left anywhere. Fires `account-updated`
   * (`deleted`) before `signed-out`.
   */
  deleteAccount(input: { confirmation: string; expected: string }): Promise<void> {
    return this.#run('deleteAccount', async (guard) => {
      const expected = asTyped(input.expected);
      if (!expected || asTyped(input.confirmation) !== expected) fail('confirmation-mismatch', 'confirmation');
      await guard(this.#core.call((AccessToken) => this.#core.api.deleteUser({ AccessToken })));
      this.#emit({ type: 'account-updated', section: 'deleted' });
      await this.#auth.signOut({ reason: 'deleted' }).catch(() => undefined);
    });
  }
}

/**
 * The confirmation word as any keyboard may type it: NFKC (full-width letters of an East Asian input method are
 * letters), Romanian s/t with a cedilla as with a comma below (older layouts type the cedilla), Devanagari candrabindu
 * as anusvara (हटाएँ is commonly typed हटाएं), and in any case: a screen reader does not say that "DELETE" is in
 * capitals, so "delete" must match (WCAG 3.3.3). The case folding holds in every language, whatever the page's:
 * Turkish İ lower-cases to i + U+0307 outside Turkish rules and its I/ı pair differs from i/İ, so all four are one i
 * ("SİL", "sil", "SIL", "sıl"); German ß and ẞ are ss; Greek final ς is σ, and Greek loses its accents (capitals
 * are written without them: ΔΙΑΓΡΑΦΗ is typed διαγραφή in lower case).
 */
function asTyped(word: string): string {
  const folds: Record<string, string> = { 'ş': 'ș', 'ţ': 'ț', '\u0901': '\u0902', 'ı': 'i', 'ß': 'ss', 'ς': 'σ' };
  return word
    .trim()
    .normalize('NFKC')
    .toLowerCase()
    .replace(/i\u0307/g, 'i')
    .replace(/[şţ\u0901ıßς]/g, (c) => folds[c]!)
    .normalize('NFD')
    .replace(/([\u0370-\u03ff])[\u0300-\u036f]+/g, '$1')
    .normalize('NFC');
}

export { SECTIONS as ACCOUNT_SECTIONS };
