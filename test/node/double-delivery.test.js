// Rule 2 of the Cognito double (scripts/double/delivery.js): every delivery destination Cognito returns is masked -
// CodeDeliveryDetails.Destination (SignUp, ForgotPassword, ResendConfirmationCode) and the MFA challenge parameter
// CODE_DELIVERY_DESTINATION (SMS_MFA after a password, after SRP, after SELECT_MFA_TYPE).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { maskDestination } from '../../scripts/double/delivery.js';
import { call, useDouble } from './double-harness.js';

const ctx = useDouble();
const plain = () => ctx.seed.pools.plain;
const email = () => ctx.seed.pools.email;

describe('double rule 2: masked delivery destinations (API_CodeDeliveryDetailsType)', () => {
  it('masks an email as a***@e*** and a phone number as +*******0100', () => {
    assert.equal(maskDestination('alice@example.com'), 'a***@e***');
    assert.equal(maskDestination('+15555550100'), '+*******0100');
  });

  it('SignUp', async () => {
    const res = await call(ctx.endpoint, 'SignUp', {
      ClientId: plain().clientId,
      Username: 'maskedsignup',
      Password: 'Masked-Pass-123!',
      UserAttributes: [{ Name: 'email', Value: 'maskedsignup@example.com' }],
    });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.deepEqual(res.json.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'm***@e***' });
  });

  it('ForgotPassword', async () => {
    const u = ctx.seed.users.forgot;
    const res = await call(ctx.endpoint, 'ForgotPassword', { ClientId: email().clientId, Username: u.email });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.CodeDeliveryDetails.Destination, 'f***@e***');
  });

  it('ResendConfirmationCode', async () => {
    const u = ctx.seed.users.unconfirmed;
    const res = await call(ctx.endpoint, 'ResendConfirmationCode', { ClientId: plain().clientId, Username: u.username });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.CodeDeliveryDetails.Destination, 'u***@e***');
  });

  it('SMS_MFA after USER_PASSWORD_AUTH', async () => {
    const u = ctx.seed.users.sms;
    const res = await call(ctx.endpoint, 'InitiateAuth', {
      ClientId: plain().clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: u.username, PASSWORD: u.password },
    });
    assert.equal(res.json.ChallengeName, 'SMS_MFA');
    assert.equal(res.json.ChallengeParameters.CODE_DELIVERY_DESTINATION, '+*******0101');
  });

  it('SMS_MFA after SELECT_MFA_TYPE', async () => {
    const u = ctx.seed.users.both;
    const init = await call(ctx.endpoint, 'InitiateAuth', {
      ClientId: plain().clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: u.username, PASSWORD: u.password },
    });
    assert.equal(init.json.ChallengeName, 'SELECT_MFA_TYPE');
    const res = await call(ctx.endpoint, 'RespondToAuthChallenge', {
      ClientId: plain().clientId,
      ChallengeName: 'SELECT_MFA_TYPE',
      Session: init.json.Session,
      ChallengeResponses: { USERNAME: u.username, ANSWER: 'SMS_MFA' },
    });
    assert.equal(res.json.ChallengeName, 'SMS_MFA', JSON.stringify(res.json));
    assert.equal(res.json.ChallengeParameters.CODE_DELIVERY_DESTINATION, '+*******0102');
  });

  it('SMS_MFA after USER_SRP_AUTH, as amazon-cognito-identity-js receives it', async () => {
    const u = ctx.seed.users.sms;
    const pool = new CognitoUserPool({ UserPoolId: plain().id, ClientId: plain().clientId, endpoint: ctx.endpoint });
    const user = new CognitoUser({ Username: u.username, Pool: pool });
    const params = await new Promise((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: u.username, Password: u.password }), {
        onSuccess: () => reject(new Error('signed in without MFA')),
        onFailure: reject,
        mfaRequired: (_name, p) => resolve(p),
      }),
    );
    assert.equal(params.CODE_DELIVERY_DESTINATION, '+*******0101');
  });
});
