// <cognito-verify-attributes>: "Verify your email address" after sign-in: send the code, enter it, skip (or not).
import { expect } from 'chai';
import '../../components/screens/verify-attributes.js';
import { authResult, jwt } from '../support/fake-cognito.js';
import { expectAccessible, harness, mount, submit, type } from './helpers.js';
import { until } from '../support/until.js';

function unverifiedSignIn(required = false) {
  const h = harness({ verifyAttributes: 'email', verifyAttributesRequired: required });
  const result = authResult();
  result.AuthenticationResult.IdToken = jwt({ sub: 'user-sub-1', 'cognito:username': 'user-sub-1', email: 'ada@example.com', email_verified: false, token_use: 'id' });
  h.cognito.on('initiateAuth', () => result, () => authResult());
  return h;
}

describe('<cognito-verify-attributes>', () => {
  it('sends a code, then verifies it: the requests sent, then signed in', async () => {
    const h = unverifiedSignIn();
    h.cognito.on('getUserAttributeVerificationCode', () => ({ CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com' } }));
    h.cognito.on('verifyUserAttribute', () => ({}));
    h.cognito.on('getTokensFromRefreshToken', () => authResult());
    await h.flow.signIn({ username: 'ada', password: 'Passw0rd!' });
    expect(h.flow.state.screen).to.equal('verify-attributes');
    const el = await mount<HTMLElement>('cognito-verify-attributes', h.flow);
    expect(el.textContent).to.contain('Verify your email address').and.contain('ada@example.com');
    expect(el.querySelector('[data-action="skip"]')).to.exist;
    await expectAccessible(el);
    await submit(el);
    await until(() => el.querySelector('[name="code"]'), 'the code field');
    expect(h.cognito.callsOf('getUserAttributeVerificationCode')[0]).to.deep.include({ AttributeName: 'email' });
    expect(el.textContent).to.contain('a***@e***.com');
    type(el, 'code', '123456');
    await submit(el);
    await until(() => h.flow.state.screen === 'signed-in', 'signed in');
    expect(h.cognito.callsOf('verifyUserAttribute')[0]).to.deep.include({ AttributeName: 'email', Code: '123456' });
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('required: no "Skip for now"', async () => {
    const h = unverifiedSignIn(true);
    await h.flow.signIn({ username: 'ada', password: 'Passw0rd!' });
    const el = await mount<HTMLElement>('cognito-verify-attributes', h.flow);
    expect(el.querySelector('[data-action="skip"]')).to.equal(null);
  });

  it('skip: signed in without a request', async () => {
    const h = unverifiedSignIn();
    await h.flow.signIn({ username: 'ada', password: 'Passw0rd!' });
    const el = await mount<HTMLElement>('cognito-verify-attributes', h.flow);
    el.querySelector<HTMLElement>('[data-action="skip"]')!.click();
    await until(() => h.flow.state.screen === 'signed-in', 'signed in');
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.cognito.callsOf('getUserAttributeVerificationCode')).to.have.length(0);
  });
});
