// <cognito-setup-totp>: the QR code and secret from AssociateSoftwareToken, then VerifySoftwareToken.
import '../../components/screens/setup-totp.js';
import { otpauthUri } from '../../src/flow/mfa-setup.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/Set up TOTP', 'cognito-setup-totp');

// An example secret (RFC 4648 base32 of "12345678901234567890", RFC 6238's test key): never a real user's.
const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const base = {
  screen: 'setup-totp' as const,
  username: 'ada@example.com',
  secret,
  uri: otpauthUri(secret, 'ada@example.com', 'Example Co'),
  signedIn: false,
};

export const Empty = screenStory('cognito-setup-totp', { state: { ...base, busy: false } });
export const Filled = screenStory('cognito-setup-totp', {
  state: { ...base, busy: false },
  fill: { code: '287082', device_name: 'Pixel 9' },
  click: ['show-secret'],
});
export const Invalid = screenStory('cognito-setup-totp', {
  state: { ...base, busy: false, error: error('invalid-code-format', 'code') },
  fill: { code: '2870' },
});
export const Busy = screenStory('cognito-setup-totp', { state: { ...base, busy: true }, fill: { code: '287082' } });
export const ServerError = screenStory('cognito-setup-totp', {
  name: 'Server error',
  state: { ...base, busy: false, error: error('totp-verification-failed', 'code') },
  fill: { code: '287082' },
});
export const SignedInUser = screenStory('cognito-setup-totp', {
  name: 'Signed-in user adds an app',
  state: { ...base, busy: false, signedIn: true },
});

// Smaller: the TOTP key with a Copy button, aligned with the fields.
export const CopyKey = screenStory('cognito-setup-totp', {
  name: 'Copy the TOTP key',
  state: {
    screen: 'setup-totp',
    username: 'ada',
    busy: false,
    secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
    uri: 'otpauth://totp/Example:ada?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example',
    signedIn: false,
  },
  click: ['show-secret'],
});
