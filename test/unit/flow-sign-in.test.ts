import { expect } from 'chai';
import type { PasswordClaimInput } from '../../src/crypto/srp-user.js';
import { createSrpSession } from '../../src/crypto/srp-user.js';
import { authResult, CLIENT, exception, harness, POOL } from '../support/fake-cognito.js';

const PASSWORD = 'Correct-Horse-9';

/** An SRP session double that records what the flow asks of it. */
function recordingSrp(claims: PasswordClaimInput[]) {
  return () => ({
    A: 'a1b2c3',
    passwordClaim: async (p: PasswordClaimInput) => {
      claims.push(p);
      return { PASSWORD_CLAIM_SIGNATURE: 'sig==', PASSWORD_CLAIM_SECRET_BLOCK: p.challenge.SECRET_BLOCK, TIMESTAMP: 'Sat Nov 21 12:00:00 UTC 2026' };
    },
  });
}

describe('AuthFlow sign-in', () => {
  it('USER_SRP_AUTH: sends SRP_A, then answers PASSWORD_VERIFIER as USER_ID_FOR_SRP with the password claim', async () => {
    const claims: PasswordClaimInput[] = [];
    const h = harness({ authFlow: 'USER_SRP_AUTH', usernameAttributes: 'email' }, { createSrpSession: recordingSrp(claims) });
    h.cognito
      .on('initiateAuth', () => ({
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeParameters: { SRP_B: 'bb', SALT: 'cc', SECRET_BLOCK: 'c2VjcmV0', USER_ID_FOR_SRP: 'sub-123', USERNAME: 'sub-123' },
      }))
      .on('respondToAuthChallenge', () => authResult('sub-123'));

    await h.flow.signIn({ username: ' ada@example.com ', password: PASSWORD });

    expect(h.cognito.callsOf('initiateAuth')).to.deep.equal([
      { AuthFlow: 'USER_SRP_AUTH', ClientId: CLIENT, AuthParameters: { USERNAME: 'ada@example.com', SRP_A: 'a1b2c3' } },
    ]);
    expect(claims).to.have.length(1);
    expect(claims[0]).to.deep.include({ userPoolId: POOL, userIdForSrp: 'sub-123', password: PASSWORD });
    expect(claims[0]!.challenge).to.deep.equal({ SRP_B: 'bb', SALT: 'cc', SECRET_BLOCK: 'c2VjcmV0' });
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.deep.equal([
      {
        ClientId: CLIENT,
        ChallengeName: 'PASSWORD_VERIFIER',
        Session: undefined,
        ChallengeResponses: {
          USERNAME: 'sub-123',
          PASSWORD_CLAIM_SIGNATURE: 'sig==',
          PASSWORD_CLAIM_SECRET_BLOCK: 'c2VjcmV0',
          TIMESTAMP: 'Sat Nov 21 12:00:00 UTC 2026',
        },
      },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('USER_SRP_AUTH: refuses an invalid SRP_B without answering the challenge', async () => {
    const vectors = (await (await fetch('/__shared/srp-vectors-invalid.json')).json()) as
      | { challenge: { SRP_B: string; SALT: string; SECRET_BLOCK: string } }[]
      | { vectors: { challenge: { SRP_B: string; SALT: string; SECRET_BLOCK: string } }[] };
    const list = Array.isArray(vectors) ? vectors : vectors.vectors;
    const h = harness({ authFlow: 'USER_SRP_AUTH' }, { createSrpSession: () => createSrpSession('1234567890abcdef') });
    h.cognito.on('initiateAuth', () => ({
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: { ...list[0]!.challenge, USER_ID_FOR_SRP: 'ada' },
    }));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.screen).to.equal('sign-in');
    expect(h.flow.state.error?.code).to.equal('srp-invalid-challenge');
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.have.length(0);
  });

  it('USER_PASSWORD_AUTH: signs in, stores tokens under the client id, and tells listeners', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => authResult('sub-9'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });

    expect(h.cognito.callsOf('initiateAuth')).to.deep.equal([
      { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT, AuthParameters: { USERNAME: 'ada', PASSWORD } },
    ]);
    const state = h.flow.state;
    expect(state.screen).to.equal('signed-in');
    if (state.screen !== 'signed-in') return;
    expect(state.session.claims.email).to.equal('ada@example.com');
    expect(state.session.username).to.equal('sub-9');
    expect(state.session.tokens.expiresAt).to.equal(h.clock.now() + 3600_000);
    const stored = JSON.parse(h.storage.getItem(`cognito-elements.${CLIENT}.tokens`)!);
    expect(stored.refreshToken).to.equal(state.session.tokens.refreshToken);
    expect(h.events.map((e) => e.type)).to.deep.equal(['signed-in']);
    expect(h.states.map((s) => [s.screen, s.busy])).to.deep.equal([
      ['sign-in', true],
      ['sign-in', true],
      ['signed-in', false],
    ]);
  });

  it('adds SECRET_HASH from the page callback to every request that needs it', async () => {
    const asked: string[] = [];
    const secretHash = async (u: string) => {
      asked.push(u);
      return `hash-of-${u}`;
    };
    const claims: PasswordClaimInput[] = [];
    const h = harness({ authFlow: 'USER_SRP_AUTH', secretHash }, { createSrpSession: recordingSrp(claims) });
    h.cognito
      .on('initiateAuth', () => ({ ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { SRP_B: 'b', SALT: 's', SECRET_BLOCK: 'x', USER_ID_FOR_SRP: 'uid-1' } }))
      .on('respondToAuthChallenge', () => ({ ChallengeName: 'SMS_MFA', Session: 's2', ChallengeParameters: { USER_ID_FOR_SRP: 'uid-1' } }), () => authResult());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.submitMfaCode({ code: '123456' });
    expect((h.cognito.callsOf('initiateAuth')[0]!.AuthParameters as Record<string, string>).SECRET_HASH).to.equal('hash-of-ada');
    const answers = h.cognito.callsOf('respondToAuthChallenge').map((c) => (c.ChallengeResponses as Record<string, string>).SECRET_HASH);
    expect(answers).to.deep.equal(['hash-of-uid-1', 'hash-of-uid-1']);
    expect(asked).to.include('ada');
  });

  for (const [name, message] of [
    ['NotAuthorizedException', 'Incorrect username or password.'],
    ['UserNotFoundException', 'User does not exist.'],
    ['InvalidPasswordException', 'Invalid password'],
  ] as const) {
    it(`${name} shows the same "incorrect username or password" error (no user enumeration)`, async () => {
      const h = harness();
      h.cognito.on('initiateAuth', () => exception(name, message));
      await h.flow.signIn({ username: 'ada', password: 'wrong' });
      expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'ada', busy: false });
      expect(h.flow.state.error?.code).to.equal('incorrect-credentials');
      const event = h.events.find((e) => e.type === 'error');
      expect(event && event.type === 'error' && event.error.code).to.equal('incorrect-credentials');
    });
  }

  it('"Password attempts exceeded" says to wait, without counting tries', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => exception('NotAuthorizedException', 'Password attempts exceeded'));
    await h.flow.signIn({ username: 'ada', password: 'wrong' });
    expect(h.flow.state.error?.code).to.equal('too-many-failed-attempts');
  });

  it('refuses to send an empty username or password', async () => {
    const h = harness();
    await h.flow.signIn({ username: '  ', password: PASSWORD });
    expect(h.flow.state.error).to.deep.include({ code: 'required-field', field: 'username' });
    await h.flow.signIn({ username: 'ada', password: '' });
    expect(h.flow.state.error).to.deep.include({ code: 'required-field', field: 'password' });
    expect(h.cognito.calls).to.have.length(0);
  });

  it('UserNotConfirmedException: resends a code, confirms, then finishes signing in with the password typed', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => exception('UserNotConfirmedException', 'User is not confirmed.'), () => authResult())
      .on('resendConfirmationCode', () => ({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com', AttributeName: 'email' } }))
      .on('confirmSignUp', () => ({}));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('resendConfirmationCode')).to.deep.equal([{ ClientId: CLIENT, Username: 'ada' }]);
    expect(h.flow.state).to.deep.include({ screen: 'confirm-sign-up', username: 'ada' });
    expect(h.flow.state.screen === 'confirm-sign-up' && h.flow.state.delivery).to.deep.equal({
      medium: 'EMAIL',
      destination: 'a***@e***.com',
      attribute: 'email',
    });
    await h.flow.confirmSignUp({ code: ' 123456 ' });
    expect(h.cognito.callsOf('confirmSignUp')).to.deep.equal([{ ClientId: CLIENT, Username: 'ada', ConfirmationCode: '123456' }]);
    expect(h.cognito.callsOf('initiateAuth')[1]).to.deep.equal({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: CLIENT,
      AuthParameters: { USERNAME: 'ada', PASSWORD },
    });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('UserNotConfirmedException: still goes to confirmation when the resend fails, and says why', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => exception('UserNotConfirmedException'))
      .on('resendConfirmationCode', () => exception('LimitExceededException', 'Attempt limit exceeded'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    const state = h.flow.state;
    expect(state.screen).to.equal('confirm-sign-up');
    expect(state.screen === 'confirm-sign-up' && state.resendError?.code).to.equal('limit-exceeded');
  });

  it('PasswordResetRequiredException sends a reset code, then goes to confirm-forgot-password', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => exception('PasswordResetRequiredException', 'Password reset required for the user'))
      .on('forgotPassword', () => ({ CodeDeliveryDetails: { Destination: 'a***@e***.com', DeliveryMedium: 'EMAIL' } }));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('forgotPassword')).to.have.length(1);
    expect(h.flow.state).to.deep.include({ screen: 'confirm-forgot-password', username: 'ada', notice: 'password-reset-required' });
  });

  it('ignores a second submit while the first is in flight', async () => {
    const h = harness();
    let release!: () => void;
    h.cognito.on('initiateAuth', () => new Promise((r) => (release = () => r(authResult()))));
    const first = h.flow.signIn({ username: 'ada', password: PASSWORD });
    const second = h.flow.signIn({ username: 'ada', password: PASSWORD });
    await new Promise((r) => setTimeout(r, 0));
    release();
    await Promise.all([first, second]);
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(1);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('drops the answer to a request the user moved away from', async () => {
    const h = harness();
    let release!: () => void;
    h.cognito.on('initiateAuth', () => new Promise((r) => (release = () => r(authResult()))));
    const pending = h.flow.signIn({ username: 'ada', password: PASSWORD });
    await new Promise((r) => setTimeout(r, 0));
    h.flow.goTo('sign-up');
    release();
    await pending;
    expect(h.flow.state).to.deep.include({ screen: 'sign-up', busy: false });
    expect(h.events).to.have.length(0);
    expect(h.storage.getItem(`cognito-elements.${CLIENT}.tokens`)).to.equal(null);
  });

  it('never puts the password in state or events', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => exception('UserNotConfirmedException'))
      .on('resendConfirmationCode', () => ({ CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'x' } }));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(JSON.stringify(h.states)).not.to.include(PASSWORD);
    expect(JSON.stringify(h.events)).not.to.include(PASSWORD);
  });
});

describe('AuthFlow transport failures', () => {
  it('"Try again" re-sends exactly the same request after a network failure', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => {
      throw new TypeError('Failed to fetch');
    }, () => authResult());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.flow.state.error).to.deep.include({ code: 'network' });
    expect(h.flow.state.error?.retryable).to.equal(true);
    await h.flow.retry();
    const calls = h.cognito.callsOf('initiateAuth');
    expect(calls).to.have.length(2);
    expect(calls[1]).to.deep.equal(calls[0]);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('retry does nothing after a non-transport error (a wrong code is never re-sent by itself)', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => exception('NotAuthorizedException', 'Incorrect username or password.'));
    await h.flow.signIn({ username: 'ada', password: 'wrong' });
    await h.flow.retry();
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(1);
  });

  it('while offline nothing is sent; the error says so, and Try again sends once back online', async () => {
    let online = false;
    const h = harness({}, { isOnline: () => online });
    h.cognito.on('initiateAuth', () => authResult());
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.calls).to.have.length(0);
    expect(h.flow.state.error).to.deep.include({ code: 'offline' });
    online = true;
    await h.flow.retry();
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(1);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('moving to another screen forgets the failed request', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => {
      throw new TypeError('Failed to fetch');
    });
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    h.flow.goTo('sign-up');
    h.flow.goTo('sign-in');
    await h.flow.retry();
    expect(h.cognito.callsOf('initiateAuth')).to.have.length(1);
  });
});

describe('AuthFlow in step with other authenticators and tabs', () => {
  it('flows sharing a storage follow each other: sign-in is adopted, sign-out signs the other out (no requests)', async () => {
    const a = harness();
    const storage = a.storage;
    const b = harness({}, { storage });
    a.cognito.on('initiateAuth', () => authResult('uid-7')).on('revokeToken', () => ({})).on('globalSignOut', () => ({}));
    await a.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(b.flow.state.screen).to.equal('signed-in');
    expect(b.events.map((e) => e.type)).to.deep.equal(['signed-in']);
    expect(b.events[0]!.type === 'signed-in' && b.events[0]!.restored).to.equal(true);
    await a.flow.signOut();
    expect(b.flow.state.screen).to.equal('sign-in');
    expect(b.events.at(-1)).to.deep.equal({ type: 'signed-out', reason: 'other-tab' });
    expect(b.cognito.calls).to.have.length(0);
    a.flow.dispose();
    b.flow.dispose();
  });

  it('another tab clearing the storage signs this one out when it syncs (the storage event)', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => authResult('uid-7'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    h.storage.removeItem(h.flow.storageKey);
    h.flow.syncFromStorage();
    expect(h.flow.state.screen).to.equal('sign-in');
    expect(h.events.at(-1)).to.deep.equal({ type: 'signed-out', reason: 'other-tab' });
    h.flow.syncFromStorage();
    expect(h.events.filter((e) => e.type === 'signed-out')).to.have.length(1);
  });

  it('a disposed flow no longer follows the others', async () => {
    const a = harness();
    const b = harness({}, { storage: a.storage });
    b.flow.dispose();
    a.cognito.on('initiateAuth', () => authResult());
    await a.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(b.flow.state.screen).to.equal('sign-in');
  });
});
