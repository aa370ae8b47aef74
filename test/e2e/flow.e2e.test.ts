// Whole flows of the engine against the Cognito double (or, with `npm run test:live`, a real user pool): real HTTP,
// real codes, and USER_SRP_AUTH, the product's default, for every sign-in but the one that checks USER_PASSWORD_AUTH.
import { expect } from 'chai';
import { MemoryStorage } from '../../src/session/index.js';
import type { AuthFlow } from '../../src/index.js';
import { until } from '../support/until.js';
import {
  cognitoUsername,
  endpoint,
  flowFor,
  freshIdentity,
  freshTotp,
  POOLS,
  seed,
  serverNow,
  signInAs,
  signInName,
  totp,
  type PoolKey,
  type SeedUser,
} from './env.js';

const CODE = seed.code;
const u = seed.users;

/** The flow is signed in as `user` of `pool`: the right account, not just some account. */
function expectSignedInAs(flow: AuthFlow, pool: PoolKey, user: SeedUser): void {
  const s = flow.state;
  expect(s.screen, JSON.stringify(s.error)).to.equal('signed-in');
  if (s.screen !== 'signed-in') return;
  expect(s.session.username, 'username').to.equal(cognitoUsername(pool, user));
  expect(s.session.claims.sub, 'sub').to.equal(user.sub);
  expect(s.session.claims.email, 'email').to.equal(user.email);
}

/** The Cognito operations a block sends, with InitiateAuth's AuthFlow and RespondToAuthChallenge's ChallengeName. */
async function recordingCalls(block: () => Promise<void>): Promise<string[]> {
  const calls: string[] = [];
  const original = window.fetch;
  window.fetch = (input, init) => {
    const target = new Headers(init?.headers).get('x-amz-target')?.split('.').pop() ?? '?';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { AuthFlow?: string; ChallengeName?: string }) : {};
    calls.push([target, body.AuthFlow ?? body.ChallengeName].filter(Boolean).join(' '));
    return original(input, init);
  };
  try {
    await block();
  } finally {
    window.fetch = original;
  }
  return calls;
}

/** Seconds since the epoch a JWT was issued at. */
function issuedAt(jwt: string): number {
  const payload = jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
  return (JSON.parse(atob(payload)) as { iat: number }).iat;
}

for (const pool of POOLS) {
  describe(`e2e engine (${pool} pool)`, () => {
    it('signs in with USER_SRP_AUTH (the default) and gets tokens for the right user', async () => {
      const flow = flowFor(pool);
      const calls = await recordingCalls(() => signInAs(flow, pool, u.signin!));
      // The password never travels: SRP_A out, PASSWORD_VERIFIER answered with a claim.
      expect(calls.slice(0, 2)).to.deep.equal(['InitiateAuth USER_SRP_AUTH', 'RespondToAuthChallenge PASSWORD_VERIFIER']);
      const s = flow.state;
      expect(s.screen, JSON.stringify(s.error)).to.equal('signed-in');
      if (s.screen !== 'signed-in') return;
      expect(s.session.username).to.equal(cognitoUsername(pool, u.signin!));
      expect(s.session.claims.email).to.equal(u.signin!.email);
      expect(s.session.tokens.refreshToken).to.be.a('string');
      expect(s.session.tokens.expiresAt).to.be.greaterThan(Date.now() + 30 * 60_000);
    });

    it('signs in with USER_PASSWORD_AUTH when the page asks for it', async () => {
      const flow = flowFor(pool, { authFlow: 'USER_PASSWORD_AUTH' });
      const calls = await recordingCalls(() => signInAs(flow, pool, u.signin!));
      expect(calls[0]).to.equal('InitiateAuth USER_PASSWORD_AUTH');
      expect(calls).not.to.include('RespondToAuthChallenge PASSWORD_VERIFIER');
      expectSignedInAs(flow, pool, u.signin!);
    });

    it('a wrong password shows incorrect-credentials', async () => {
      const flow = flowFor(pool);
      await flow.signIn({ username: signInName(pool, u.wrongpass!), password: 'Not-The-Password-1' });
      expect(flow.state.screen).to.equal('sign-in');
      expect(flow.state.error?.code).to.equal('incorrect-credentials');
    });

    it('an unknown user shows the same error as a wrong password', async () => {
      const flow = flowFor(pool);
      await flow.signIn({ username: pool === 'email' ? 'nobody@example.com' : 'nobody', password: 'Whatever-123!' });
      expect(flow.state.error?.code).to.equal('incorrect-credentials');
    });

    it('sign-up -> confirm with the code -> signed in', async () => {
      const id = freshIdentity(`su${pool}`);
      const flow = flowFor(pool, { signUpAttributes: pool === 'plain' ? 'email given_name custom:team' : 'given_name custom:team' });
      const events: string[] = [];
      flow.onEvent((e) => events.push(e.type));
      flow.goTo('sign-up');
      await flow.signUp({
        username: pool === 'email' ? id.email : id.username,
        password: 'SignUp-Pass-123!',
        confirmPassword: 'SignUp-Pass-123!',
        attributes: { ...(pool === 'plain' ? { email: id.email } : {}), given_name: 'Ada', 'custom:team': 'core' },
      });
      const s = flow.state;
      expect(s.screen, JSON.stringify(s.error)).to.equal('confirm-sign-up');
      expect(s.screen === 'confirm-sign-up' && s.delivery?.medium).to.equal('EMAIL');
      await flow.confirmSignUp({ code: '000000' });
      expect(flow.state.error?.code).to.equal('code-mismatch');
      await flow.confirmSignUp({ code: CODE });
      const done = flow.state;
      expect(done.screen, JSON.stringify(done.error)).to.equal('signed-in');
      // cognito-local puts only email and custom attributes in the id token (Cognito puts all readable ones).
      expect(done.screen === 'signed-in' && done.session.claims['custom:team']).to.equal('core');
      expect(done.screen === 'signed-in' && done.session.claims.email).to.equal(id.email);
      expect(events).to.deep.equal(['signed-up', 'error', 'signed-in']);
    });

    it('an unconfirmed user is taken to confirmation, then signed in with the password typed', async () => {
      const flow = flowFor(pool);
      await flow.signIn({ username: signInName(pool, u.unconfirmed!), password: u.unconfirmed!.password });
      const s = flow.state;
      expect(s.screen).to.equal('confirm-sign-up');
      // Cognito sends no code on a failed sign-in: the flow asks for one (the Cognito double answers
      // ResendConfirmationCode, which cognito-local lacks) and says where it went.
      if (s.screen !== 'confirm-sign-up') return;
      expect(s.resendError, JSON.stringify(s.resendError)).to.equal(undefined);
      expect(s.delivery?.medium).to.equal('EMAIL');
      await flow.confirmSignUp({ code: CODE });
      expect(flow.state.screen, JSON.stringify(flow.state.error)).to.equal('signed-in');
    });

    it('SOFTWARE_TOKEN_MFA with a real RFC 6238 code', async () => {
      const flow = flowFor(pool);
      await flow.signIn({ username: signInName(pool, u.totp!), password: u.totp!.password });
      const { secret, deviceName } = u.totp!.totp!;
      expect(flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'SOFTWARE_TOKEN_MFA', ...(deviceName ? { deviceName } : {}) });
      await flow.submitMfaCode({ code: '000000' === (await totp(secret)) ? '111111' : '000000' });
      expect(flow.state.error?.code).to.equal('code-mismatch');
      await flow.submitMfaCode({ code: await freshTotp(secret) });
      expectSignedInAs(flow, pool, u.totp!);
    });

    it('SMS_MFA with the code sent to the phone', async () => {
      const flow = flowFor(pool);
      await flow.signIn({ username: signInName(pool, u.sms!), password: u.sms!.password });
      const s = flow.state;
      expect(s).to.deep.include({ screen: 'mfa-code', mfaType: 'SMS_MFA' });
      expect(s.screen === 'mfa-code' && s.delivery?.medium).to.equal('SMS');
      await flow.submitMfaCode({ code: CODE });
      expectSignedInAs(flow, pool, u.sms!);
    });

    it('SELECT_MFA_TYPE: choose SMS, then answer it', async () => {
      const flow = flowFor(pool);
      await flow.signIn({ username: signInName(pool, u.both!), password: u.both!.password });
      expect(flow.state).to.deep.include({ screen: 'select-mfa', options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] });
      await flow.selectMfa('SMS_MFA');
      expect(flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'SMS_MFA' });
      await flow.submitMfaCode({ code: CODE });
      expectSignedInAs(flow, pool, u.both!);
    });

    it('NEW_PASSWORD_REQUIRED for an admin-created user, then the new password works', async () => {
      const flow = flowFor(pool);
      await flow.signIn({ username: signInName(pool, u.newpass!), password: u.newpass!.password });
      expect(flow.state.screen).to.equal('new-password');
      await flow.completeNewPassword({ password: u.newpass!.newPassword!, confirmPassword: u.newpass!.newPassword! });
      expectSignedInAs(flow, pool, u.newpass!);
      const again = flowFor(pool);
      await again.signIn({ username: signInName(pool, u.newpass!), password: u.newpass!.newPassword! });
      expectSignedInAs(again, pool, u.newpass!);
    });

    it('forgot password -> code -> new password -> sign in with it', async () => {
      const flow = flowFor(pool);
      flow.goTo('forgot-password');
      await flow.forgotPassword({ username: signInName(pool, u.forgot!) });
      const s = flow.state;
      expect(s.screen, JSON.stringify(s.error)).to.equal('confirm-forgot-password');
      expect(s.screen === 'confirm-forgot-password' && s.delivery?.medium).to.equal('EMAIL');
      await flow.confirmForgotPassword({ code: '999999', password: u.forgot!.newPassword!, confirmPassword: u.forgot!.newPassword! });
      expect(flow.state.error?.code).to.equal('code-mismatch');
      await flow.confirmForgotPassword({ code: CODE, password: u.forgot!.newPassword!, confirmPassword: u.forgot!.newPassword! });
      expect(flow.state).to.deep.include({ screen: 'sign-in', notice: 'password-changed' });
      await flow.signIn({ username: signInName(pool, u.forgot!), password: u.forgot!.newPassword! });
      expectSignedInAs(flow, pool, u.forgot!);
    });

    it('refreshes tokens (GetTokensFromRefreshToken, no rotation) and keeps the refresh token', async () => {
      const flow = flowFor(pool);
      await signInAs(flow, pool, u.refresh!);
      const before = flow.session!;
      // Tokens issued within the same second may be identical: wait until the server's clock has moved past their iat.
      const iat = issuedAt(before.tokens.accessToken);
      await until(async () => Math.floor((await serverNow()) / 1000) > iat, { what: 'the next second', timeout: 3000, interval: 50 });
      const after = await flow.refresh();
      expect(after, 'refresh failed').to.not.equal(undefined);
      expect(after!.tokens.accessToken).to.not.equal(before.tokens.accessToken);
      expect(after!.tokens.refreshToken).to.equal(before.tokens.refreshToken);
      expect(after!.username).to.equal(before.username);
    });

    it('restores a stored session in a new flow without asking for the password', async () => {
      const storage = new MemoryStorage();
      const first = flowFor(pool, {}, storage);
      await signInAs(first, pool, u.restore!);
      expect(first.state.screen).to.equal('signed-in');
      const second = flowFor(pool, {}, storage);
      expect(await second.restore()).to.equal(true);
      expectSignedInAs(second, pool, u.restore!);
    });

    it('sign-out clears the session and revokes the refresh token', async () => {
      const storage = new MemoryStorage();
      const flow = flowFor(pool, {}, storage);
      await signInAs(flow, pool, u.signout!);
      const refreshToken = flow.session!.tokens.refreshToken!;
      const reasons: string[] = [];
      flow.onEvent((e) => e.type === 'signed-out' && reasons.push(e.reason));
      await flow.signOut();
      expect(flow.state).to.deep.include({ screen: 'sign-in', notice: 'signed-out' });
      expect(reasons).to.deep.equal(['user']);
      expect(flow.session).to.equal(undefined);
      // The revoked refresh token no longer works.
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
        body: JSON.stringify({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: seed.pools[pool].clientId, AuthParameters: { REFRESH_TOKEN: refreshToken } }),
      });
      expect(res.status).to.equal(400);
    });

    it('a signed-in user sets up TOTP, and the next sign-in asks for it', async () => {
      const flow = flowFor(pool, { totpIssuer: 'cognito-elements tests' });
      await flow.signIn({ username: signInName(pool, u.totpsetup!), password: u.totpsetup!.password });
      await flow.setUpTotp();
      const s = flow.state;
      expect(s.screen, JSON.stringify(s.error)).to.equal('setup-totp');
      if (s.screen !== 'setup-totp') return;
      expect(s.uri).to.match(/^otpauth:\/\/totp\/cognito-elements%20tests:/);
      await flow.verifyTotp({ code: await totp(s.secret), deviceName: 'Test phone' });
      expect(flow.state).to.deep.include({ screen: 'signed-in', notice: 'totp-enabled' });
      const next = flowFor(pool);
      await next.signIn({ username: signInName(pool, u.totpsetup!), password: u.totpsetup!.password });
      expect(next.state).to.deep.include({ screen: 'mfa-code', mfaType: 'SOFTWARE_TOKEN_MFA', deviceName: 'Test phone' });
      // Cognito accepts a TOTP code once per 30-second window ("Your software token has already been used once."),
      // and the code above was just used: move the Cognito double's clock to the next window and answer with that
      // window's code, then put the clock back for the tests after this one (their codes follow the real time).
      const clock = (body: object) => fetch(`${endpoint}/__double/clock`, { method: 'POST', body: JSON.stringify(body) });
      const { now } = (await (await clock({ advanceMs: 30_000 })).json()) as { now: number };
      try {
        await next.submitMfaCode({ code: await totp(s.secret, now) });
      } finally {
        await clock({ reset: true });
      }
      expect(next.state.screen).to.equal('signed-in');
    });
  });
}
