// The page's own content on the screens (issue 18): children of <cognito-authenticator> with
// slot="<screen>-header|footer|before-submit" (or header/footer/before-submit for every screen) show in place on
// their screen. They stay the page's nodes: listeners and state survive screen changes.
import '../../components/authenticator.js';
import { EXAMPLE_POOL, authenticatorStory, frameArgTypes, frameArgs, type FrameArgs } from '../story-kit.js';
import type { Meta } from '../csf.js';

export default { title: 'Shape the sign-up/Slots', component: 'cognito-authenticator', args: { ...frameArgs }, argTypes: frameArgTypes } satisfies Meta<FrameArgs>;

function el(tag: string, slot: string, text: string, className = 'demo-slot'): HTMLElement {
  const node = document.createElement(tag);
  node.slot = slot;
  node.className = className;
  node.textContent = text;
  return node;
}

export const Slots = authenticatorStory({
  name: 'Header, before submit, footer',
  attributes: { 'user-pool-id': EXAMPLE_POOL, 'client-id': 'storyslots00000000000001', storage: 'memory' },
  children: () => {
    const trust = document.createElement('label');
    trust.slot = 'sign-in-before-submit';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'trust_device';
    trust.append(box, ' Trust this device for 30 days');
    const help = el('p', 'footer', 'Need help? ');
    const link = document.createElement('a');
    link.href = 'https://example.com/help';
    link.textContent = 'Contact support';
    help.append(link);
    return [
      el('p', 'sign-in-header', 'Welcome back to Example Co.'),
      el('p', 'sign-up-header', 'Create your Example Co account in a minute.'),
      trust,
      el('p', 'sign-up-before-submit', 'We never share your email address.'),
      help,
    ];
  },
  script: [
    '<!-- Children with a slot attribute show on their screen, in place; <screen> is the screen attribute\'s value. -->',
    '<cognito-authenticator user-pool-id="…" client-id="…">',
    '  <p slot="sign-in-header">Welcome back to Example Co.</p>',
    '  <label slot="sign-in-before-submit"><input type="checkbox" name="trust_device"> Trust this device</label>',
    '  <p slot="footer">Need help? <a href="/help">Contact support</a></p>',
    '</cognito-authenticator>',
  ].join('\n'),
});
