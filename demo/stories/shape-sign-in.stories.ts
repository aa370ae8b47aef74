// Sign-in options of issue 18: "Keep me signed in" (keep-signed-in), and what goes with every request for the pool's
// Lambda triggers and threat protection (clientMetadata, userContextData / AWS's collection script).
import '../../components/authenticator.js';
import { EXAMPLE_POOL, authenticatorStory, frameArgTypes, frameArgs, type FrameArgs } from '../story-kit.js';
import type { Meta } from '../csf.js';

export default { title: 'Shape the sign-up/Sign-in options', component: 'cognito-authenticator', args: { ...frameArgs }, argTypes: frameArgTypes } satisfies Meta<FrameArgs>;

export const KeepSignedIn = authenticatorStory({
  name: 'Keep me signed in',
  attributes: { 'user-pool-id': EXAMPLE_POOL, 'client-id': 'storykeep000000000000001', 'keep-signed-in': '' },
  script: '<!-- Ticked: tokens in localStorage (kept across restarts). Unticked: sessionStorage (this tab only). storage="session" starts it unticked. -->',
});

export const RequestExtras = authenticatorStory({
  name: 'ClientMetadata and threat protection',
  attributes: { 'user-pool-id': EXAMPLE_POOL, 'client-id': 'storyextras0000000000001', storage: 'memory' },
  script: [
    '<!-- AWS\'s collection script: when it is on the page, UserContextData.EncodedData goes with sign-in, sign-up and reset calls. -->',
    '<script src="https://amazon-cognito-assets.us-east-1.amazoncognito.com/amazon-cognito-advanced-security-data.min.js"></script>',
    '<script type="module">',
    "  const auth = document.querySelector('cognito-authenticator');",
    '  // For the pool\'s Lambda triggers, with every request that takes ClientMetadata:',
    "  auth.clientMetadata = ({ operation }) => ({ source: 'web', operation });",
    '  // Or your own collector instead of AWS\'s script:',
    '  // auth.userContextData = (username) => myCollector.encode(username);',
    '</script>',
  ].join('\n'),
});
