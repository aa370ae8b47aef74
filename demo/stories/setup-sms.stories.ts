// <cognito-setup-sms>: the phone number for SMS MFA during MFA_SETUP (the page's server adds it).
import '../../components/screens/setup-sms.js';
import { error, screenMeta, screenStory } from '../story-kit.js';

export default screenMeta('Screens/Set up SMS', 'cognito-setup-sms');

const base = { screen: 'setup-sms' as const, username: 'ada' };

export const Empty = screenStory('cognito-setup-sms', { state: { ...base, busy: false } });
export const Filled = screenStory('cognito-setup-sms', { state: { ...base, busy: false }, fill: { phone_number: '+14155550100' } });
export const Invalid = screenStory('cognito-setup-sms', {
  state: { ...base, busy: false, error: error('invalid-phone-number', 'phone_number') },
  fill: { phone_number: '4155550100' },
});
export const Busy = screenStory('cognito-setup-sms', { state: { ...base, busy: true }, fill: { phone_number: '+14155550100' } });
export const ServerError = screenStory('cognito-setup-sms', {
  name: 'Server error',
  state: { ...base, busy: false, error: error('sms-configuration') },
  fill: { phone_number: '+14155550100' },
});
