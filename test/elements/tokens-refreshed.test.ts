// <cognito-authenticator> events that carry the engine's news to the page: `cognito-tokens-refreshed` when the
// session's tokens are renewed (a page that keeps tokens must get the new ones, never the refresh token), and the
// `cognito-error` message, which must be the very text the screen shows for the error, in the element's language.
// The engine runs on a fake Cognito and a fake clock, given through the element's one seam, `createFlow`.
import { expect } from 'chai';
import type { CognitoAuthenticator } from '../../components/authenticator.js';
import type { CognitoErrorDetail, TokensRefreshedDetail } from '../../components/types.js';
import { authResult, FakeClock, FakeCognito } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import { type } from './helpers.js';
import { fakeAuthenticators } from './fake-authenticator.js';

let cognito = new FakeCognito();
let clock = new FakeClock();

/** The real element, with its engine on the fake Cognito and clock. */
const { create, removeAll } = fakeAuthenticators('test-tokens-authenticator', () => ({ api: cognito.api, clock }));

async function signIn(el: CognitoAuthenticator): Promise<void> {
  const form = await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form');
  type(form, 'username', 'ada');
  type(form, 'password', 'correct horse battery');
  form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
  await until(() => el.getAttribute('screen') === 'signed-in', 'signed in');
}

beforeEach(() => {
  cognito = new FakeCognito();
  clock = new FakeClock();
});

afterEach(() => {
  removeAll();
});

describe('<cognito-authenticator> cognito-tokens-refreshed', () => {
  it('fires with the new id and access tokens (never the refresh token) and updates the element\'s session', async () => {
    const first = authResult('sub-1');
    const renewed = authResult('sub-1', { RefreshToken: undefined });
    cognito.on('initiateAuth', () => first);
    cognito.on('getTokensFromRefreshToken', () => renewed);
    const el = await create();
    const seen: CustomEvent<TokensRefreshedDetail>[] = [];
    // Bubbling and composed: a page listens on the document.
    const listener = (e: CustomEvent<TokensRefreshedDetail>) => seen.push(e);
    document.addEventListener('cognito-tokens-refreshed', listener);
    try {
      await signIn(el);
      expect(el.session?.tokens.accessToken).to.equal(first.AuthenticationResult.AccessToken);
      const firstExpiry = el.session!.tokens.expiresAt;

      // The engine renews the tokens on its own before they expire (ExpiresIn 3600 s): let the clock get there.
      await clock.advance(3600_000);
      await until(() => seen.length > 0, 'cognito-tokens-refreshed');

      const refreshCall = cognito.callsOf('getTokensFromRefreshToken')[0];
      expect(refreshCall, 'a GetTokensFromRefreshToken request was sent').to.include({ RefreshToken: first.AuthenticationResult.RefreshToken });
      const event = seen[0];
      expect(event.target).to.equal(el);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.username).to.equal('sub-1');
      expect(event.detail.claims).to.include({ sub: 'sub-1', email: 'ada@example.com' });
      expect(Object.keys(event.detail.tokens).sort()).to.deep.equal(['accessToken', 'expiresAt', 'idToken']);
      expect(event.detail.tokens.idToken).to.equal(renewed.AuthenticationResult.IdToken);
      expect(event.detail.tokens.accessToken).to.equal(renewed.AuthenticationResult.AccessToken);
      expect(event.detail.tokens.expiresAt).to.be.above(firstExpiry);
      expect(event.detail.tokens.expiresAt).to.equal(el.session?.tokens.expiresAt);
      expect(JSON.stringify(event.detail)).not.to.contain(first.AuthenticationResult.RefreshToken);

      // The element's session and state follow: a page reading `el.session` gets the new tokens, the old refresh
      // token is kept for the next renewal, and the user stays signed in.
      expect(el.session?.tokens.accessToken).to.equal(renewed.AuthenticationResult.AccessToken);
      expect(el.session?.tokens.refreshToken).to.equal(first.AuthenticationResult.RefreshToken);
      expect(el.getAttribute('screen')).to.equal('signed-in');
      expect(el.flow?.state).to.deep.include({ screen: 'signed-in' });
      expect((el.flow?.state as { session?: { tokens: { accessToken: string } } }).session?.tokens.accessToken).to.equal(
        renewed.AuthenticationResult.AccessToken,
      );
    } finally {
      document.removeEventListener('cognito-tokens-refreshed', listener);
    }
  });
});

describe('<cognito-authenticator> cognito-error message', () => {
  async function errorOnEmptyPassword(attrs: Record<string, string> = {}) {
    const el = await create(attrs);
    const errors: CognitoErrorDetail[] = [];
    el.addEventListener('cognito-error', (e) => errors.push(e.detail));
    const form = await until(() => el.querySelector('cognito-sign-in form'), 'the sign-in form');
    type(form, 'username', 'ada');
    form.querySelector<HTMLButtonElement>('.submitButton-customizable')!.click();
    const banner = await until(() => el.querySelector('cognito-sign-in [role="alert"]'), 'the error banner');
    await until(() => errors.length > 0, 'cognito-error');
    return { banner: banner.textContent!.trim(), error: errors[0] };
  }

  it('is the text the screen shows for the error (English)', async () => {
    const { banner, error } = await errorOnEmptyPassword();
    expect(error).to.deep.include({ code: 'required-field', field: 'password', screen: 'sign-in' });
    expect(error.message).to.equal(banner);
    expect(error.message).to.equal('Enter your password.');
  });

  it('is the text the screen shows, in the element\'s language', async () => {
    const { banner, error } = await errorOnEmptyPassword({ lang: 'de' });
    expect(error.code).to.equal('required-field');
    expect(error.message).to.equal(banner);
    expect(error.message).to.equal('Geben Sie Ihr Passwort ein.');
  });
});
