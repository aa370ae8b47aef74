// <cognito-verify-attributes>: "Verify your email address" after sign-in (verify-attributes), before and after the
// code is sent, required (no skip), a wrong code, and the phone number.
import '../../components/screens/verify-attributes.js';
import type { UserSession } from '../../src/session/tokens.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/Verify contact', 'cognito-verify-attributes');

// The screen shows nothing of the session: a placeholder stands in for the tokens a real sign-in has.
const session = { username: 'ada', claims: { email: 'ada@example.com' }, tokens: {} } as unknown as UserSession;
const base = { screen: 'verify-attributes' as const, username: 'ada', session, attribute: 'email' as const, value: 'ada@example.com', remaining: [], codeSent: false, required: false, busy: false };
const sent = { ...base, codeSent: true, delivery: { medium: 'EMAIL', destination: 'a***@e***.com' } };

export const Email = screenStory('cognito-verify-attributes', { state: base, options: { verifyAttributes: 'email' } });
export const CodeSent = screenStory('cognito-verify-attributes', { name: 'Code sent', state: sent });
export const Required = screenStory('cognito-verify-attributes', { name: 'Required (no skip)', state: { ...base, required: true } });
export const WrongCode = screenStory('cognito-verify-attributes', { name: 'Wrong code', state: { ...sent, error: error('code-mismatch', 'code') } });
export const Sending = screenStory('cognito-verify-attributes', { name: 'Sending (progress)', state: { ...base, busy: true } });
export const Phone = screenStory('cognito-verify-attributes', { name: 'Phone number', state: { ...base, attribute: 'phone_number', value: '+14155550100' } });
