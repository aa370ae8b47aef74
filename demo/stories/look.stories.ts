// Issue 18, "what users see first": one story per fix, to look at in every theme (scripts/screenshots.js takes them at
// 320 and 1280 px). Each names what to look for.
// The sign-in screen's ones are here; the others sit with their screen's stories, named after their item: Signed in
// "1. …", MFA code: SMS "2. …", Sign up "3. …", Select MFA "4. …", MFA code: TOTP "10. …", Set up TOTP "Copy …".
import '../../components/screens/sign-in.js';
import type { StoryObj } from '../csf.js';
import { HOSTED_UI_DEFAULT_CSS } from '../hosted-ui-template.js';
import { EXAMPLE_LOGO, EXAMPLE_PASSWORD, error, screenMeta, screenStory, type FrameArgs } from '../story-kit.js';

export default screenMeta('Look/What users see first', 'cognito-sign-in');

/** The example logo redrawn for dark banners (white text), for `logo-dark`. */
const EXAMPLE_LOGO_DARK = EXAMPLE_LOGO.replace(encodeURIComponent('#1f2937'), encodeURIComponent('#f9fafb'));


/** A screen story always under AWS's default hosted-UI CSS (what most pools have), whatever the CSS panel says. */
function underAwsTemplate(story: StoryObj<FrameArgs>): StoryObj<FrameArgs> {
  return { ...story, render: (args, context) => story.render!({ ...args, customizationCss: HOSTED_UI_DEFAULT_CSS }, context) };
}

// 4. Messages in the words of the field shown.
export const EmailMessage = screenStory('cognito-sign-in', {
  name: '4. "Enter your email address." under Email',
  options: { usernameAttributes: 'email' },
  state: { screen: 'sign-in', username: '', busy: false, error: error('required-field', 'username') },
});
// 5. Touch targets: the eye inside the field, 44 px links.
export const EyeInTheField = screenStory('cognito-sign-in', {
  name: '5. Eye inside the field, 44 px targets',
  state: { screen: 'sign-in', username: 'ada@example.com', busy: false },
  fill: { password: EXAMPLE_PASSWORD },
});

// 6. Offline: one styled notice, no second banner.
export const Offline: StoryObj<FrameArgs> = {
  ...screenStory('cognito-sign-in', { name: '6. Offline, said once', state: { screen: 'sign-in', username: 'ada', busy: false, error: error('offline') } }),
  args: { offline: true },
};

// 7. Dark theme: logo-dark on the banner; without it, the logo on a light plate.
export const LogoDark: StoryObj<FrameArgs> = {
  ...screenStory('cognito-sign-in', { name: '7. logo-dark (on theme="dark")', state: { screen: 'sign-in', username: '', busy: false } }),
  args: { logoDark: EXAMPLE_LOGO_DARK },
};

// 8. Identity providers: buttons, then "or", then the sentence about passwords; marks aligned; one primary button.
export const Providers = screenStory('cognito-sign-in', {
  name: '8. Providers, "or", then the password form',
  options: { usernameAttributes: 'email', domain: 'https://auth.example.com', identityProviders: [{ name: 'Google' }, { name: 'LoginWithAmazon' }, { name: 'SignInWithApple' }] },
  state: { screen: 'sign-in', username: '', busy: false },
});
export const EmailRoutingOnePrimary = screenStory('cognito-sign-in', {
  name: '8. Email-domain routing: one primary button',
  options: { usernameAttributes: 'email', domain: 'https://auth.example.com', identityProviders: [{ name: 'AcmeSAML', label: 'Acme', identifiers: ['acme.example'] }] },
  state: { screen: 'sign-in', username: '', busy: false },
});

// 9. AWS's default hosted-UI CSS: 44 px floors, the invalid marker, AA error text, the "or" rules.
export const AwsTemplate = underAwsTemplate(
  screenStory('cognito-sign-in', {
    name: "9. AWS's default hosted-UI CSS",
    options: { usernameAttributes: 'email', domain: 'https://auth.example.com', identityProviders: [{ name: 'Google' }] },
    // Sign-in never says whether an account exists (no enumeration): the field error here is the empty email.
    state: { screen: 'sign-in', username: '', busy: false, error: error('required-field', 'username') },
  }),
);

// Smaller: legal text in another direction than the page (dir=auto).
export const RtlLegalText: StoryObj<FrameArgs> = {
  ...screenStory('cognito-sign-in', { name: 'Legal text in Arabic on an English page (dir=auto)', state: { screen: 'sign-in', username: '', busy: false } }),
  args: { legalText: 'بتسجيل الدخول، فإنك توافق على شروط الخدمة وسياسة الخصوصية.' },
};
