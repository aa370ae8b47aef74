// Issue 16, item 8: the SMS set-up hook (`smsMfaSetup`) runs before the user has any token, so the page's server
// cannot tell from `{ username, phoneNumber }` who is asking: following the old recipe, it would set any user's phone
// number. Cognito offers a server no way to tell whose MFA_SETUP Session it holds, so the hook is given what a server
// CAN check with documented calls: the password the user just proved (AdminInitiateAuth with it must answer
// MFA_SETUP for that user), with the challenge's Session and Cognito's username (USER_ID_FOR_SRP). Recipe:
// README "SMS MFA set-up during sign-in".
import { expect } from 'chai';
import '../../components/screens/setup-mfa.js';
import '../../components/screens/setup-sms.js';
import type { SmsMfaSetupFn } from '../../src/config.js';
import { harness, mount, submit, type } from './helpers.js';
import { until } from '../support/until.js';

const PASSWORD = 'Pass-word-1';

describe('issue 16.8: what the SMS set-up hook is given', () => {
  it('the user\'s Cognito username, the number, the MFA_SETUP Session and the password to verify on the server', async () => {
    const requests: Parameters<SmsMfaSetupFn>[0][] = [];
    const h = harness({ smsMfaSetup: async (r) => void requests.push({ ...r }) });
    h.cognito.on(
      'initiateAuth',
      () => ({ ChallengeName: 'MFA_SETUP', Session: 'mfa-setup-session', ChallengeParameters: { USER_ID_FOR_SRP: 'cognito-ada', MFAS_CAN_SETUP: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' } }),
      () => ({ ChallengeName: 'SMS_MFA', Session: 's9', ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******0101' } }),
    );
    await h.flow.signIn({ username: 'ada@example.com', password: PASSWORD });
    await h.flow.chooseMfaSetup('SMS_MFA');
    const el = await mount('cognito-setup-sms', h.flow);
    type(el, 'phone_number', '+1 (415) 555-0101');
    await submit(el);
    expect(requests).to.deep.equal([
      { username: 'cognito-ada', phoneNumber: '+14155550101', session: 'mfa-setup-session', password: PASSWORD },
    ]);
    // Nothing of it shows on the page.
    expect(el.innerHTML).not.to.contain(PASSWORD);
    expect(el.innerHTML).not.to.contain('mfa-setup-session');
    // The sign-in restarts and Cognito asks for the SMS code (its journey may still be loading: wait for the screen).
    await until(() => h.flow.state.screen === 'mfa-code', 'the SMS code step');
    expect(h.flow.state).to.deep.include({ screen: 'mfa-code', mfaType: 'SMS_MFA' });
  });
});
