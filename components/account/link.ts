import type { ReactiveController } from 'lit';
import { AccountFlow, type AccountOptions } from '../../src/account/index.js';
import type { AuthFlow } from '../../src/flow/auth-flow.js';

/** What the link needs of its element (a section or `<cognito-account>`). */
export interface AccountLinkHost extends HTMLElement {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
  /** An AccountFlow given by the page or by the `<cognito-account>` around it: used as is, never disposed here. */
  readonly account: AccountFlow | undefined;
  /** An AuthFlow given by the page: the session to use, in place of the authenticator's. */
  readonly flow: AuthFlow | undefined;
  /** The id of the `<cognito-authenticator>` whose session to use (the `for` attribute). */
  readonly for: string | null;
  /** The options of an AccountFlow this element makes itself. */
  accountOptions(): AccountOptions;
  /** Called whenever the AccountFlow in use changes (or appears, or goes). */
  linked(account: AccountFlow | undefined, auth: AuthFlow | undefined): void;
}

// Events after which the authenticator's engine may be another object (it restarts when an engine option changes)
// or has just been made (the authenticator was defined or connected after this element).
const AUTH_EVENTS = ['cognito-screen-change', 'cognito-signed-in', 'cognito-signed-out'] as const;

/**
 * Finds the session an account element works on and keeps one AccountFlow over it:
 * 1. `account` (an AccountFlow the page or `<cognito-account>` set) wins;
 * 2. else `flow` (an AuthFlow the page set);
 * 3. else the authenticator named by `for="id"`, else the nearest `<cognito-authenticator>` around the element, else
 *    the first one on the page: its `flow`, so the account uses the very session (same client, same storage) that
 *    signed the user in, and follows its sign-out, renewals and other tabs.
 * The AccountFlow it makes itself is disposed when the element leaves the page or the session source changes.
 */
export class AccountLink implements ReactiveController {
  readonly #host: AccountLinkHost;
  #own: AccountFlow | undefined;
  #ownFor: AuthFlow | undefined;
  #current: AccountFlow | undefined;
  #auth: AuthFlow | undefined;
  readonly #recheck = () => this.refresh();
  /** Why no AccountFlow could be made (its options are wrong). */
  configError: Error | undefined;

  constructor(host: AccountLinkHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The AccountFlow in use, if any. */
  get account(): AccountFlow | undefined {
    return this.#current;
  }

  /** The AuthFlow under it, when known (its password policy, for one). */
  get auth(): AuthFlow | undefined {
    return this.#auth;
  }

  hostConnected(): void {
    for (const type of AUTH_EVENTS) document.addEventListener(type, this.#recheck);
    void customElements.whenDefined('cognito-authenticator').then(this.#recheck);
    this.refresh();
  }

  hostDisconnected(): void {
    for (const type of AUTH_EVENTS) document.removeEventListener(type, this.#recheck);
    this.#dispose();
    this.#set(undefined, undefined);
  }

  /** The authenticator this element uses: `for`, else the nearest around it, else the page's first. */
  #authenticator(): (Element & { flow?: AuthFlow }) | null {
    const host = this.#host;
    if (host.for) return (host.getRootNode() as Document | ShadowRoot).getElementById?.(host.for) ?? document.getElementById(host.for);
    return host.closest('cognito-authenticator') ?? document.querySelector('cognito-authenticator');
  }

  /** Re-reads where the session comes from; call when `account`, `flow` or `for` changed. */
  refresh(): void {
    const host = this.#host;
    if (!host.isConnected) return;
    if (host.account) {
      this.#dispose();
      this.#set(host.account, host.flow ?? this.#authenticator()?.flow);
      return;
    }
    const auth = host.flow ?? this.#authenticator()?.flow;
    if (auth !== this.#ownFor) {
      this.#dispose();
      if (auth) {
        try {
          this.#own = new AccountFlow(auth, host.accountOptions());
          this.configError = undefined;
        } catch (e) {
          // A wrong `attributes` or `mfa-types`: said on the element (as the authenticator says its own), nothing sent.
          this.configError = e instanceof Error ? e : new Error(String(e));
        }
        this.#ownFor = auth;
      }
    }
    this.#set(this.#own, auth);
  }

  /** Makes the AccountFlow again (its options changed). */
  rebuild(): void {
    this.#dispose();
    this.refresh();
  }

  #dispose(): void {
    this.#own?.dispose();
    this.#own = undefined;
    this.#ownFor = undefined;
  }

  #set(account: AccountFlow | undefined, auth: AuthFlow | undefined): void {
    if (account === this.#current && auth === this.#auth) return;
    this.#current = account;
    this.#auth = auth;
    this.#host.linked(account, auth);
  }
}
