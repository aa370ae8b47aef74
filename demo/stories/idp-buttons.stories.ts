// Federation: social and SAML/OIDC identity providers on the sign-in screen, laid out and classed as Cognito's
// hosted UI does (socialButton-customizable, idpButton-customizable under idpDescription-customizable).
import '../../components/screens/sign-in.js';
import { EXAMPLE_PASSWORD, error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Federation/IdP buttons', 'cognito-sign-in');

const social = [{ name: 'Google' }, { name: 'Facebook' }, { name: 'LoginWithAmazon' }, { name: 'SignInWithApple' }];
const options = {
  usernameAttributes: 'email',
  domain: 'https://auth.example.com',
  identityProviders: [...social, { name: 'AcmeSAML', label: 'Acme corporate ID' }],
};
const state = { screen: 'sign-in' as const, username: '', busy: false };

export const Empty = screenStory('cognito-sign-in', { options, state });
export const Filled = screenStory('cognito-sign-in', {
  options,
  state: { ...state, username: 'ada@example.com' },
  fill: { password: EXAMPLE_PASSWORD },
});
export const Invalid = screenStory('cognito-sign-in', { options, state: { ...state, error: error('required-field', 'username') } });
export const Busy = screenStory('cognito-sign-in', { options, state: { ...state, busy: true } });
export const ServerError = screenStory('cognito-sign-in', {
  name: 'Server error',
  options,
  state: { ...state, error: error('oauth-access-denied') },
});
export const SocialOnly = screenStory('cognito-sign-in', {
  name: 'Social providers only',
  options: { ...options, identityProviders: social.slice(0, 2) },
  state,
});
export const IdpsOnly = screenStory('cognito-sign-in', {
  name: 'Providers only (hide-native)',
  options: { ...options, hideNative: true, identityProviders: [{ name: 'Google' }, { name: 'AcmeSAML', label: 'Acme corporate ID' }, { name: 'GlobexOIDC', label: 'Globex' }] },
  state,
});
