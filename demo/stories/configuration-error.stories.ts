// <cognito-authenticator> with a configuration mistake: it names the attribute to fix instead of failing silently.
import '../../components/authenticator.js';
import { EXAMPLE_CLIENT, EXAMPLE_POOL, authenticatorStory, frameArgTypes, frameArgs, type FrameArgs } from '../story-kit.js';
import type { Meta } from '../csf.js';

export default { title: 'Screens/Configuration error', component: 'cognito-authenticator', args: { ...frameArgs }, argTypes: frameArgTypes } satisfies Meta<FrameArgs>;

export const MissingUserPool = authenticatorStory({ name: 'Missing user-pool-id', attributes: { 'client-id': EXAMPLE_CLIENT } });

export const MalformedUserPool = authenticatorStory({
  name: 'Malformed user-pool-id',
  attributes: { 'user-pool-id': 'my-user-pool', 'client-id': EXAMPLE_CLIENT },
});

export const InsecureEndpoint = authenticatorStory({
  name: 'Endpoint not https',
  attributes: { 'user-pool-id': EXAMPLE_POOL, 'client-id': EXAMPLE_CLIENT, endpoint: 'http://cognito.example.com' },
});

export const BadPasswordPolicy = authenticatorStory({
  name: 'password-policy not JSON',
  attributes: { 'user-pool-id': EXAMPLE_POOL, 'client-id': EXAMPLE_CLIENT, 'password-policy': '{MinimumLength: 8' },
});
