// "Verify contact after sign-in" (AuthFlow, verifyAttributes / verifyAttributesRequired) at the CognitoApi seam:
// the verify-attributes state from the ID token's claims, GetUserAttributeVerificationCode, VerifyUserAttribute, skip.
import { expect } from 'chai';
import { parseConfig } from '../../src/config.js';
import { authResult, exception, harness, jwt, type Harness } from '../support/fake-cognito.js';
import { adaTokens, signInAda } from './account-support.js';

const unverified = { email_verified: false };
const phone = { phone_number: '+14155550100', phone_number_verified: false };

function renewed(claims: Record<string, unknown>) {
  const result = authResult('ada').AuthenticationResult;
  return { AuthenticationResult: { ...result, IdToken: jwt({ sub: 'ada', 'cognito:username': 'ada', email: 'ada@example.com', token_use: 'id', ...claims }) } };
}

const types = (h: Harness) => h.events.map((e) => e.type);

describe('AuthFlow: verify contact after sign-in', () => {
  it('is off by default: an unverified email signs in as ever', () => {
    const h = harness();
    signInAda(h, unverified);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('rejects an attribute that cannot be verified', () => {
    expect(() => parseConfig({ userPoolId: 'us-east-1_A1', clientId: 'abc', verifyAttributes: 'given_name' })).to.throw(/verify-attributes/);
  });

  it('an unverified email: signed-in fires, the state asks to verify it; a verified one goes straight to signed-in', () => {
    const h = harness({ verifyAttributes: 'email' });
    signInAda(h, unverified);
    expect(types(h)).to.deep.equal(['signed-in']);
    expect(h.flow.state).to.deep.include({ screen: 'verify-attributes', attribute: 'email', value: 'ada@example.com', remaining: [], codeSent: false, required: false, busy: false });
    expect(h.cognito.calls).to.deep.equal([]);
    const verified = harness({ verifyAttributes: 'email' });
    signInAda(verified, { email_verified: true });
    expect(verified.flow.state.screen).to.equal('signed-in');
  });

  it('a restored session is not asked again', async () => {
    const h = harness({ verifyAttributes: 'email' });
    h.storage.setItem(h.flow.storageKey, JSON.stringify(adaTokens(h, unverified)));
    expect(await h.flow.restore()).to.equal(true);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('send code, enter it: VerifyUserAttribute, fresh tokens, then the next attribute, then signed-in (no second signed-in)', async () => {
    const h = harness({ verifyAttributes: ['email', 'phone_number'] });
    h.cognito
      .on('getUserAttributeVerificationCode', () => ({ CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'a***@e***' } }))
      .on('verifyUserAttribute', () => ({}))
      .on('getTokensFromRefreshToken', () => renewed({ email_verified: true, ...phone }), () => renewed({ email_verified: true, ...phone, phone_number_verified: true }));
    signInAda(h, { ...unverified, ...phone });
    const token = h.flow.session!.tokens.accessToken;
    expect(h.flow.state).to.deep.include({ screen: 'verify-attributes', attribute: 'email', remaining: ['phone_number'] });
    await h.flow.sendAttributeCode();
    expect(h.cognito.callsOf('getUserAttributeVerificationCode')).to.deep.equal([{ AccessToken: token, AttributeName: 'email' }]);
    expect(h.flow.state).to.deep.include({ codeSent: true, delivery: { medium: 'EMAIL', destination: 'a***@e***', attribute: 'email' }, notice: undefined });
    await h.flow.sendAttributeCode();
    expect(h.flow.state.notice).to.equal('code-resent');
    await h.flow.verifyAttribute({ code: '123456' });
    expect(h.cognito.callsOf('verifyUserAttribute')).to.deep.equal([{ AccessToken: token, AttributeName: 'email', Code: '123456' }]);
    expect(h.flow.state).to.deep.include({ screen: 'verify-attributes', attribute: 'phone_number', value: '+14155550100', codeSent: false });
    await h.flow.verifyAttribute({ code: '654321' });
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.flow.state.screen === 'signed-in' && h.flow.state.session.claims.phone_number_verified).to.equal(true);
    expect(types(h)).to.deep.equal(['signed-in', 'tokens-refreshed', 'tokens-refreshed']);
  });

  it('a wrong or expired code stays on the screen with the error on the code field', async () => {
    const h = harness({ verifyAttributes: 'email' });
    h.cognito.on(
      'verifyUserAttribute',
      () => exception('CodeMismatchException', 'Invalid verification code provided, please try again.'),
      () => exception('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
    );
    signInAda(h, unverified);
    await h.flow.verifyAttribute({ code: '111111' });
    expect(h.flow.state).to.deep.include({ screen: 'verify-attributes' });
    expect(h.flow.state.error).to.deep.include({ code: 'code-mismatch', field: 'code' });
    await h.flow.verifyAttribute({ code: '111111' });
    expect(h.flow.state.error?.code).to.equal('code-expired');
  });

  it('skip: signed-in without a request; impossible when required', async () => {
    const h = harness({ verifyAttributes: 'email' });
    signInAda(h, unverified);
    await h.flow.skipAttributeVerification();
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.cognito.calls).to.deep.equal([]);
    const required = harness({ verifyAttributes: 'email', verifyAttributesRequired: true });
    signInAda(required, unverified);
    await required.flow.skipAttributeVerification();
    expect(required.flow.state).to.deep.include({ screen: 'verify-attributes', required: true });
  });

  it('sign-out from the screen clears the session and goes back to sign-in', async () => {
    const h = harness({ verifyAttributes: 'email', verifyAttributesRequired: true });
    h.cognito.on('revokeToken', () => ({}));
    signInAda(h, unverified);
    await h.flow.signOut();
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: '', notice: 'signed-out' });
    expect(h.flow.session).to.equal(undefined);
  });
});
