// <cognito-authenticator> once a user is signed in: its own minimal view, or the page's children.
import '../../components/authenticator.js';
import { EXAMPLE_POOL, authenticatorStory, frameArgTypes, frameArgs, type FrameArgs } from '../story-kit.js';
import type { Meta } from '../csf.js';
import { TokenStore } from '../../src/session/index.js';

export default { title: 'Screens/Signed in', component: 'cognito-authenticator', args: { ...frameArgs }, argTypes: frameArgTypes } satisfies Meta<FrameArgs>;

// Each story has its own app client id, so its stored session is its own.
const CLIENT = 'storysignedin0000000001';
const CLIENT_WITH_CONTENT = 'storysignedin0000000002';

function b64url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Puts an example session in sessionStorage, where the element looks for a stored session when it starts: it then
 * shows the signed-in view without any request. The tokens are unsigned examples, not credentials: nothing accepts
 * them, and they carry no refresh token, so signing out sends nothing either.
 */
function storeExampleSession(clientId: string): void {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: '6f1c2a8e-example', 'cognito:username': 'ada', email: 'ada@example.com', iat: now, exp: now + 3600 };
  const token = (use: string) => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ ...claims, token_use: use })}.example`;
  const tokens = { idToken: token('id'), accessToken: token('access'), tokenType: 'Bearer', expiresAt: Date.now() + 3_600_000 };
  new TokenStore(sessionStorage, clientId).save(tokens);
}

export const DefaultView = authenticatorStory({
  name: 'Default view',
  attributes: { 'user-pool-id': EXAMPLE_POOL, 'client-id': CLIENT, storage: 'session' },
  before: () => storeExampleSession(CLIENT),
});

export const PageContent = authenticatorStory({
  name: "The page's own content",
  attributes: { 'user-pool-id': EXAMPLE_POOL, 'client-id': CLIENT_WITH_CONTENT, storage: 'session' },
  before: () => storeExampleSession(CLIENT_WITH_CONTENT),
  children: () => {
    const section = document.createElement('section');
    section.className = 'demo-member-area';
    const h = document.createElement('h2');
    h.textContent = 'Welcome back, Ada';
    const p = document.createElement('p');
    p.textContent = 'Children of <cognito-authenticator> are the page’s own: they show only while a user is signed in.';
    const out = document.createElement('button');
    out.type = 'button';
    out.textContent = 'Sign out';
    out.addEventListener('click', () => void (section.closest('cognito-authenticator') as { signOut?: () => Promise<void> } | null)?.signOut?.());
    section.append(h, p, out);
    return [section];
  },
  script: `<script type="module">\n  const auth = document.querySelector('cognito-authenticator');\n  auth.addEventListener('cognito-signed-in', (e) => console.log('signed in as', e.detail.claims.email));\n</script>`,
});

// 1. A slow network: the element's window waits for its theme (no white flash on a dark page); the page's children
//    stay hidden until sign-in. Before the script, themes/preload.css (README) hides them and keeps the space.
export const DarkFirstPaint = authenticatorStory({
  name: '1. Dark page, private children hidden',
  attributes: { 'user-pool-id': 'us-east-1_AbCdEf123', 'client-id': '1h57kf5cpq17m0eml12EXAMPLE', theme: 'dark', storage: 'memory', endpoint: 'http://127.0.0.1:9' },
  children: () => [Object.assign(document.createElement('p'), { textContent: 'Only signed-in users see this' })],
});
