// What the account unit tests share: a signed-in AuthFlow over the recording fake (test/support/fake-cognito.ts) and
// an AccountFlow over the same fake, clock and session, with the states and events each one reports.
import { AccountFlow, type AccountEvent, type AccountOptions, type AccountState } from '../../src/account/index.js';
import type { AuthOptions } from '../../src/config.js';
import type { FlowEvent } from '../../src/state/index.js';
import type { Tokens } from '../../src/session/index.js';
import { authResult, harness, jwt, type Harness } from '../support/fake-cognito.js';

export const ACCESS = (h: Harness) => h.flow.session!.tokens.accessToken;

export interface AccountHarness extends Harness {
  account: AccountFlow;
  accountStates: AccountState[];
  accountEvents: AccountEvent[];
}

/** GetUser's answer for Ada, with `extra` attributes (strings) and MFA settings. */
export function getUserAnswer(attributes: Record<string, string> = {}, mfa: { list?: string[]; preferred?: string } = {}) {
  const all = { sub: 'ada', email: 'ada@example.com', email_verified: 'true', given_name: 'Ada', ...attributes };
  return {
    Username: 'ada',
    UserAttributes: Object.entries(all).map(([Name, Value]) => ({ Name, Value })),
    ...(mfa.list ? { UserMFASettingList: mfa.list } : {}),
    ...(mfa.preferred ? { PreferredMfaSetting: mfa.preferred } : {}),
  };
}

/** Tokens for Ada, valid for an hour on the harness's clock (`idClaims` added to the ID token's). */
export function adaTokens(h: Harness, idClaims: Record<string, unknown> = {}): Tokens {
  const result = authResult('ada').AuthenticationResult;
  const idToken = jwt({ sub: 'ada', 'cognito:username': 'ada', email: 'ada@example.com', token_use: 'id', ...idClaims });
  return { idToken, accessToken: result.AccessToken, refreshToken: result.RefreshToken, tokenType: 'Bearer', expiresAt: h.clock.now() + 3_600_000 };
}

/** Starts Ada's session as a sign-in would end (AuthFlow.signInWithTokens: stored, `signed-in`). */
export function signInAda(h: Harness, idClaims: Record<string, unknown> = {}): void {
  h.flow.signInWithTokens(adaTokens(h, idClaims), { origin: 'cognito' });
}

/** Signs Ada in (USER_PASSWORD_AUTH through the fake), then builds the account flow on the same seams. */
export async function signedInAccount(options: AccountOptions = {}, authOptions: AuthOptions = {}, signIn = true): Promise<AccountHarness> {
  const h = harness({ signUpAttributes: 'given_name email', ...authOptions });
  if (signIn) signInAda(h);
  const account = new AccountFlow(h.flow, options, { api: h.cognito.api, clock: h.clock });
  const accountStates: AccountState[] = [];
  const accountEvents: AccountEvent[] = [];
  account.subscribe((s) => accountStates.push(s));
  account.onEvent((e) => accountEvents.push(e));
  return { ...h, account, accountStates, accountEvents };
}

/** The operations sent after sign-in, in order. */
export const sentAfterSignIn = (h: Harness) => h.cognito.calls.filter((c) => c.op !== 'initiateAuth').map((c) => c.op);

export const signedOutEvents = (events: FlowEvent[]) => events.filter((e) => e.type === 'signed-out');
