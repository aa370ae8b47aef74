import { AuthError, authError } from '../errors.js';
import type { AuthState, MfaType } from '../state/index.js';
import type { ChallengeHandler } from './challenge-router.js';
import type { FlowCore } from './core.js';
import { mfaList } from './mfa.js';
import type { Guard } from './runner.js';
import { signInWith } from './sign-in.js';
import { answerChallenge, fail, required } from './steps.js';
import { readCode, TOTP_CODE } from './code.js';

// Setting up MFA: in an MFA_SETUP challenge at sign-in (TOTP, email or SMS), or an authenticator app for a signed-in
// user.

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The otpauth:// URI an authenticator app reads from the set-up QR code (Key Uri Format). */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const query = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${query.toString()}`;
}

export const mfaSetupStep: ChallengeHandler = async (response, { flow, username, guard }) => {
  // SMS needs a phone number on the account, which only the page's server can add (see SmsMfaSetupFn), and only once
  // it has checked the password the user just signed in with: without one in hand, SMS is not offered.
  const canAddPhone = Boolean(flow.config.smsMfaSetup && flow.context.password);
  const options = mfaList(response.ChallengeParameters?.MFAS_CAN_SETUP).filter((m) => m !== 'SMS_MFA' || canAddPhone);
  if (options.length === 0) throw authError('unsupported-challenge', { cognitoName: response.ChallengeName });
  if (options.length === 1 && options[0] === 'SOFTWARE_TOKEN_MFA') {
    await associateTotp(flow, username, guard);
    return { done: true };
  }
  return { show: { screen: 'setup-mfa', options } };
};

/** Picks the method to set up in an MFA_SETUP challenge; EMAIL_OTP needs the address to send codes to. */
export function chooseMfaSetup(flow: FlowCore, mfaType: MfaType, input: { email?: string } = {}): Promise<void> {
  return flow.runner.run(['setup-mfa'], async (guard) => {
    const state = flow.runner.state as Extract<AuthState, { screen: 'setup-mfa' }>;
    if (!state.options.includes(mfaType)) fail('invalid-parameter', 'mfa');
    if (mfaType === 'SOFTWARE_TOKEN_MFA') return associateTotp(flow, state.username, guard);
    if (mfaType === 'SMS_MFA') return flow.runner.set({ screen: 'setup-sms', username: state.username, busy: false });
    const email = required(input.email ?? '', 'email');
    if (!EMAIL.test(email)) fail('invalid-parameter', 'email');
    const response = await guard(answerChallenge(flow, 'MFA_SETUP', { EMAIL: email }));
    await flow.follow(response, state.username, guard);
  });
}

/** AssociateSoftwareToken: in MFA_SETUP with the challenge's Session, or for the signed-in user with the access token. */
async function associateTotp(flow: FlowCore, username: string, guard: Guard): Promise<void> {
  const signedIn = flow.sessions.session;
  const answer = await guard(
    flow.api.associateSoftwareToken(signedIn ? { AccessToken: signedIn.tokens.accessToken } : { Session: flow.context.cognitoSession }),
  );
  if (!answer.SecretCode) throw authError('unknown');
  if (answer.Session) flow.context.cognitoSession = answer.Session;
  const issuer = flow.config.totpIssuer ?? (globalThis.location?.hostname || 'Cognito');
  const account = signedIn ? String(signedIn.claims.email ?? signedIn.username) : username;
  flow.runner.set({
    screen: 'setup-totp',
    username,
    secret: answer.SecretCode,
    uri: otpauthUri(answer.SecretCode, account, issuer),
    signedIn: Boolean(signedIn),
    busy: false,
  });
}

/** Adds an authenticator app for the signed-in user (AssociateSoftwareToken with the access token). */
export function setUpTotp(flow: FlowCore): Promise<void> {
  return flow.runner.run(['signed-in'], (guard) => associateTotp(flow, flow.runner.state.username, guard));
}

/** Leaves authenticator-app set-up started by a signed-in user, back to the signed-in state. */
export function cancelTotpSetup(flow: FlowCore): void {
  const state = flow.runner.state;
  const session = flow.sessions.session;
  if (state.screen !== 'setup-totp' || !state.signedIn || !session) return;
  flow.runner.supersede();
  flow.runner.set({ screen: 'signed-in', username: session.username, session, busy: false });
}

/** Verifies the first TOTP code, then finishes MFA_SETUP (or, when signed in, makes TOTP the preferred MFA). */
export function verifyTotp(flow: FlowCore, input: { code: string; deviceName?: string }): Promise<void> {
  return flow.runner.run(['setup-totp'], async (guard) => {
    const state = flow.runner.state as Extract<AuthState, { screen: 'setup-totp' }>;
    const code = readCode(input.code, TOTP_CODE);
    const deviceName = input.deviceName?.trim() || undefined;
    const signedIn = flow.sessions.session;
    const auth = state.signedIn && signedIn ? { AccessToken: signedIn.tokens.accessToken } : { Session: flow.context.cognitoSession };
    let verified;
    try {
      verified = await guard(flow.api.verifySoftwareToken({ ...auth, UserCode: code, FriendlyDeviceName: deviceName }));
    } catch (e) {
      // A rejected first code is most often a device clock that is off: say so.
      if (e instanceof AuthError && e.code === 'code-mismatch') throw authError('totp-verification-failed', { field: 'code' });
      throw e;
    }
    if (verified.Status && verified.Status !== 'SUCCESS') throw authError('totp-verification-failed', { field: 'code' });
    if (state.signedIn && signedIn) {
      await guard(
        flow.api.setUserMfaPreference({ AccessToken: signedIn.tokens.accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }),
      );
      flow.runner.set({ screen: 'signed-in', username: signedIn.username, session: signedIn, busy: false, notice: 'totp-enabled' });
      return;
    }
    const response = await guard(answerChallenge(flow, 'MFA_SETUP', {}, verified.Session ?? flow.context.cognitoSession));
    await flow.follow(response, state.username, guard);
  });
}

/** SMS set-up in MFA_SETUP: the page's server adds the phone number, then sign-in starts again. */
export function setUpSms(flow: FlowCore, input: { phoneNumber: string }): Promise<void> {
  return flow.runner.run(['setup-sms'], async (guard) => {
    const state = flow.runner.state as Extract<AuthState, { screen: 'setup-sms' }>;
    const phoneNumber = required(input.phoneNumber, 'phone_number').replace(/[\s()-]/g, '');
    if (!E164.test(phoneNumber)) fail('invalid-phone-number', 'phone_number');
    const hook = flow.config.smsMfaSetup;
    const password = flow.context.password;
    const session = flow.context.cognitoSession;
    // The server verifies the caller with the password (SmsMfaSetupRequest): without it, or without the challenge,
    // there is nothing a server could check, so nothing is sent.
    if (!hook || !password || !session) throw authError('unsupported-challenge');
    await guard(hook({ username: flow.context.userIdForSrp ?? state.username, phoneNumber, session, password }));
    await signInWith(flow, state.username, password, guard);
  });
}
