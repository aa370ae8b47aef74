// Promises the README makes that no other test held the engine to: SecretHash on every request that needs it (the
// exact request), what signOut() sends by default, and a refresh reaching the flow's state.
import { expect } from 'chai';
import { authResult, CLIENT, harness } from '../support/fake-cognito.js';

const PASSWORD = 'Correct-Horse-9';
const secretHash = (username: string) => `h(${username})`;
const EMAIL_DELIVERY = { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com', AttributeName: 'email' } };

describe('SecretHash when the app client has a secret', () => {
  it('USER_PASSWORD_AUTH: InitiateAuth carries SECRET_HASH for the username typed', async () => {
    const h = harness({ authFlow: 'USER_PASSWORD_AUTH', secretHash });
    h.cognito.on('initiateAuth', () => authResult('ada'));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.cognito.callsOf('initiateAuth')).to.deep.equal([
      { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: CLIENT, AuthParameters: { USERNAME: 'ada', PASSWORD, SECRET_HASH: 'h(ada)' } },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('ForgotPassword, its resend and ConfirmForgotPassword carry SecretHash', async () => {
    const h = harness({ secretHash });
    h.cognito.on('forgotPassword', () => EMAIL_DELIVERY).on('confirmForgotPassword', () => ({}));
    h.flow.goTo('forgot-password');
    await h.flow.forgotPassword({ username: 'ada' });
    await h.flow.resendForgotPasswordCode();
    expect(h.cognito.callsOf('forgotPassword')).to.deep.equal([
      { ClientId: CLIENT, Username: 'ada', SecretHash: 'h(ada)' },
      { ClientId: CLIENT, Username: 'ada', SecretHash: 'h(ada)' },
    ]);
    await h.flow.confirmForgotPassword({ code: '123456', password: PASSWORD, confirmPassword: PASSWORD });
    expect(h.cognito.callsOf('confirmForgotPassword')).to.deep.equal([
      { ClientId: CLIENT, Username: 'ada', ConfirmationCode: '123456', Password: PASSWORD, SecretHash: 'h(ada)' },
    ]);
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', notice: 'password-changed' });
  });
});

describe('signOut() by default', () => {
  it('is local: revokes this refresh token and sends no GlobalSignOut, even when the access token may (issue 13, defect 3)', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => authResult('ada')).on('revokeToken', () => ({})).on('globalSignOut', () => ({}));
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    // authResult's access token carries aws.cognito.signin.user.admin: it could sign out everywhere, and must not.
    const { refreshToken } = h.flow.session!.tokens;
    await h.flow.signOut();
    expect(h.cognito.callsOf('revokeToken')).to.deep.equal([{ ClientId: CLIENT, Token: refreshToken }]);
    expect(h.cognito.callsOf('globalSignOut')).to.deep.equal([]);
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', notice: 'signed-out' });
    expect(h.flow.session).to.equal(undefined);
    expect(h.events.filter((e) => e.type === 'signed-out').map((e) => (e as { reason: string }).reason)).to.deep.equal(['user']);

    const everywhere = harness();
    everywhere.cognito.on('initiateAuth', () => authResult('ada')).on('revokeToken', () => ({})).on('globalSignOut', () => ({}));
    await everywhere.flow.signIn({ username: 'ada', password: PASSWORD });
    const tokens = everywhere.flow.session!.tokens;
    await everywhere.flow.signOut({ global: true });
    expect(everywhere.cognito.callsOf('globalSignOut')).to.deep.equal([{ AccessToken: tokens.accessToken }]);
    expect(everywhere.cognito.callsOf('revokeToken')).to.deep.equal([{ ClientId: CLIENT, Token: tokens.refreshToken }]);
  });

  it('{ global: false } never signs out elsewhere', async () => {
    const local = harness();
    local.cognito.on('initiateAuth', () => authResult('ada')).on('revokeToken', () => ({}));
    await local.flow.signIn({ username: 'ada', password: PASSWORD });
    await local.flow.signOut({ global: false });
    expect(local.cognito.callsOf('revokeToken')).to.have.length(1);
    expect(local.cognito.callsOf('globalSignOut')).to.deep.equal([]);
  });
});

describe('a refresh reaches the flow state', () => {
  it('refresh(): GetTokensFromRefreshToken, then state.session holds the new tokens (the refresh token kept)', async () => {
    const h = harness();
    const first = authResult('ada');
    const renewed = authResult('ada');
    delete (renewed.AuthenticationResult as { RefreshToken?: string }).RefreshToken;
    h.cognito.on('initiateAuth', () => first).on('getTokensFromRefreshToken', () => renewed);
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    await h.flow.refresh();
    expect(h.cognito.callsOf('getTokensFromRefreshToken')).to.deep.equal([
      { ClientId: CLIENT, RefreshToken: first.AuthenticationResult.RefreshToken },
    ]);
    const state = h.flow.state;
    expect(state.screen).to.equal('signed-in');
    if (state.screen !== 'signed-in') return;
    expect(state.session.tokens.accessToken).to.equal(renewed.AuthenticationResult.AccessToken);
    expect(state.session.tokens.idToken).to.equal(renewed.AuthenticationResult.IdToken);
    expect(state.session.tokens.refreshToken).to.equal(first.AuthenticationResult.RefreshToken);
    expect(h.states.at(-1)).to.equal(state);
    expect(h.events.filter((e) => e.type === 'tokens-refreshed')).to.have.length(1);
  });

  it('the refresh before expiry (on the clock) updates state.session too', async () => {
    const h = harness();
    const renewed = authResult('ada');
    h.cognito.on('initiateAuth', () => authResult('ada')).on('getTokensFromRefreshToken', () => renewed);
    await h.flow.signIn({ username: 'ada', password: PASSWORD });
    expect(h.clock.pending, 'a refresh is scheduled').to.equal(1);
    await h.clock.advance(3600_000);
    expect(h.cognito.callsOf('initiateAuth').map((c) => c.AuthFlow)).to.deep.equal(['USER_PASSWORD_AUTH']);
    expect(h.cognito.callsOf('getTokensFromRefreshToken')).to.have.length(1);
    const state = h.flow.state;
    expect(state.screen === 'signed-in' && state.session.tokens.accessToken).to.equal(renewed.AuthenticationResult.AccessToken);
  });
});
