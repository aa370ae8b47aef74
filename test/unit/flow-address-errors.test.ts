import { expect } from 'chai';
import { exception, harness } from '../support/fake-cognito.js';
import type { AuthOptions } from '../../src/config.js';

const PASSWORD = 'Correct-Horse-9';
const EMAIL_DELIVERY = { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'a***@e***.com', AttributeName: 'email' } };

// In a pool whose usernames are email addresses (or phone numbers) the screens ask for that, so the refusals name it:
// "username" would be a word the user never saw.
const POOLS: { name: string; options: AuthOptions; username: string; exists: string; notFound: string; english: [string, string] }[] = [
  {
    name: 'email usernames',
    options: { usernameAttributes: 'email' },
    username: 'ada@example.com',
    exists: 'email-exists',
    notFound: 'email-not-found',
    english: ['An account with this email address already exists.', 'We could not find an account with that email address.'],
  },
  {
    name: 'phone usernames',
    options: { usernameAttributes: 'phone_number' },
    username: '+15555550100',
    exists: 'phone-exists',
    notFound: 'phone-not-found',
    english: ['An account with this phone number already exists.', 'We could not find an account with that phone number.'],
  },
  {
    name: 'plain usernames',
    options: {},
    username: 'ada',
    exists: 'username-exists',
    notFound: 'user-not-found',
    english: ['An account with this username already exists.', 'We could not find an account with that username.'],
  },
  {
    name: 'email or phone usernames',
    options: { usernameAttributes: ['email', 'phone_number'] },
    username: 'ada@example.com',
    exists: 'username-exists',
    notFound: 'user-not-found',
    english: ['An account with this username already exists.', 'We could not find an account with that username.'],
  },
];

for (const pool of POOLS) {
  describe(`Refusals that name the username, with ${pool.name}`, () => {
    it(`SignUp refused with UsernameExistsException -> ${pool.exists}, on the username field`, async () => {
      const h = harness(pool.options);
      h.cognito.on('signUp', () => exception('UsernameExistsException', 'User already exists'));
      h.flow.goTo('sign-up');
      await h.flow.signUp({ username: pool.username, password: PASSWORD });
      expect(h.flow.state).to.deep.include({ screen: 'sign-up', busy: false });
      expect(h.flow.state.error).to.deep.include({
        code: pool.exists,
        message: pool.english[0],
        field: 'username',
        cognitoName: 'UsernameExistsException',
        cognitoMessage: 'User already exists',
      });
      expect(h.events.filter((e) => e.type === 'error').map((e) => e.type === 'error' && e.error.code)).to.deep.equal([pool.exists]);
    });

    it(`ForgotPassword refused with UserNotFoundException -> ${pool.notFound}`, async () => {
      const h = harness(pool.options);
      h.cognito.on('forgotPassword', () => exception('UserNotFoundException', 'Username/client id combination not found.'));
      h.flow.goTo('forgot-password');
      await h.flow.forgotPassword({ username: pool.username });
      expect(h.flow.state).to.deep.include({ screen: 'forgot-password', busy: false });
      expect(h.flow.state.error).to.deep.include({
        code: pool.notFound,
        message: pool.english[1],
        field: 'username',
        cognitoName: 'UserNotFoundException',
      });
    });

    it(`ConfirmForgotPassword refused with UserNotFoundException -> ${pool.notFound}`, async () => {
      const h = harness(pool.options);
      h.cognito
        .on('forgotPassword', () => EMAIL_DELIVERY)
        .on('confirmForgotPassword', () => exception('UserNotFoundException', 'Username/client id combination not found.'));
      h.flow.goTo('forgot-password');
      await h.flow.forgotPassword({ username: pool.username });
      await h.flow.confirmForgotPassword({ code: '123456', password: PASSWORD });
      expect(h.flow.state).to.deep.include({ screen: 'confirm-forgot-password', busy: false });
      expect(h.flow.state.error).to.deep.include({ code: pool.notFound, message: pool.english[1] });
    });
  });
}

describe('Refusals unrelated to the username', () => {
  it('keep their own code in an email pool', async () => {
    const h = harness({ usernameAttributes: 'email' });
    h.cognito.on('signUp', () => exception('InvalidPasswordException', 'Password did not conform with policy'));
    h.flow.goTo('sign-up');
    await h.flow.signUp({ username: 'ada@example.com', password: PASSWORD });
    expect(h.flow.state.error?.code).to.equal('invalid-password');
  });
});
