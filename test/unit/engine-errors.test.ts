// The engine entry's authError and toAuthError (src/engine-errors.ts): Cognito's exceptions and their English are
// known from the first call, although inside the elements they come with the lazily loaded Cognito client.
import { expect } from 'chai';
import { authError, toAuthError } from '../../src/index.js';

describe('engine entry: authError and toAuthError without the Cognito client', () => {
  it('an error only Cognito raises has its English at the first call', () => {
    expect(authError('incorrect-credentials').message).to.equal('Incorrect username or password.');
  });

  it("a Cognito exception keeps its meaning and English (no 'unknown')", () => {
    const err = toAuthError({ name: 'CodeMismatchException', message: 'Invalid verification code provided, please try again.' });
    expect(err.code).to.equal('code-mismatch');
    expect(err.message).to.equal('Invalid code. Check it and try again.');
    expect(toAuthError({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' }, 'change-password').code).to.equal(
      'current-password-incorrect',
    );
  });
});
