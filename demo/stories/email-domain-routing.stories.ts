// Federation: when every SAML/OIDC provider has identifiers (email domains), one email box replaces their buttons,
// and the domain after the last "@" picks the provider (Cognito's `idp_identifier`), as the hosted UI does.
import '../../components/screens/sign-in.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Federation/Email-domain routing', 'cognito-sign-in');

const providers = [
  { name: 'AcmeSAML', label: 'Acme', identifiers: ['acme.example', 'acme.example.co.uk'] },
  { name: 'GlobexOIDC', label: 'Globex', identifiers: ['globex.example'] },
];
const options = { usernameAttributes: 'email', domain: 'https://auth.example.com', identityProviders: providers };
const state = { screen: 'sign-in' as const, username: '', busy: false };

export const Empty = screenStory('cognito-sign-in', { options, state });
export const Filled = screenStory('cognito-sign-in', { options, state, fill: { email: 'ada@acme.example' } });
export const Invalid = screenStory('cognito-sign-in', {
  name: 'Invalid (no provider for the domain)',
  options,
  state: { ...state, username: 'ada@unknown.example', error: error('oauth-no-provider', 'email') },
  fill: { email: 'ada@unknown.example' },
});
export const Busy = screenStory('cognito-sign-in', { options, state: { ...state, busy: true }, fill: { email: 'ada@acme.example' } });
export const ServerError = screenStory('cognito-sign-in', {
  name: 'Server error',
  options,
  state: { ...state, error: error('oauth-invalid-grant') },
});
export const ContinueWith = screenStory('cognito-sign-in', {
  name: 'From the username (idp-routing="auto")',
  options: { ...options, idpRouting: 'auto' },
  state,
  fill: { username: 'ada@globex.example' },
});
export const EmailBoxOnly = screenStory('cognito-sign-in', {
  name: 'Email box only (hide-native)',
  options: { ...options, hideNative: true },
  state,
});
