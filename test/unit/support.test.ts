// The shared test helpers (test/support/): if they could not fail, no test built on them could.
import { expect } from 'chai';
import { OPERATIONS } from '../../src/api/operations.js';
import { AuthError } from '../../src/errors.js';
import { FakeClock } from '../support/clock.js';
import { exception, FakeCognito } from '../support/fake-cognito.js';
import { until } from '../support/until.js';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  expect.fail('expected a rejection');
}

describe('test/support: until', () => {
  it('resolves to the first truthy value of the condition, sync or async', async () => {
    let n = 0;
    expect(await until(() => (++n >= 3 ? `after ${n}` : null))).to.equal('after 3');
    expect(await until(async () => 42)).to.equal(42);
  });

  it('fails with what it waited for once the timeout passes', async () => {
    const started = Date.now();
    const error = await rejection(until(() => false, { what: 'the impossible', timeout: 50 }));
    expect(error.message).to.equal('timed out after 50 ms waiting for the impossible');
    expect(Date.now() - started).to.be.at.least(50);
  });
});

describe('test/support: FakeClock', () => {
  it('runs due timers in order only when advanced, and cancels cleared ones', async () => {
    const clock = new FakeClock(1000);
    const ran: string[] = [];
    clock.setTimeout(() => ran.push('b'), 200);
    clock.setTimeout(() => ran.push('a'), 100);
    const cancelled = clock.setTimeout(() => ran.push('never'), 150);
    clock.clearTimeout(cancelled);
    expect(clock.pending).to.equal(2);
    await clock.advance(99);
    expect(ran).to.deep.equal([]);
    await clock.advance(101);
    expect(ran).to.deep.equal(['a', 'b']);
    expect(clock.now()).to.equal(1200);
    expect(clock.pending).to.equal(0);
  });
});

describe('test/support: FakeCognito', () => {
  it('offers exactly the operations of src/api/operations.ts', () => {
    expect(Object.keys(new FakeCognito().api).sort()).to.deep.equal(Object.keys(OPERATIONS).sort());
  });

  it('gives an exception the error context of the production table (VerifySoftwareToken: Session vs AccessToken)', async () => {
    const cognito = new FakeCognito().on('verifySoftwareToken', () => exception('ExpiredCodeException'));
    const inChallenge = await rejection(cognito.api.verifySoftwareToken({ Session: 's', UserCode: '123456' }));
    const signedIn = await rejection(cognito.api.verifySoftwareToken({ AccessToken: 't', UserCode: '123456' }));
    expect(inChallenge).to.be.instanceOf(AuthError);
    expect((inChallenge as AuthError).code).to.equal('session-expired');
    expect((signedIn as AuthError).code).to.equal('code-expired');
  });

  it('records every request and fails an unscripted one', async () => {
    const cognito = new FakeCognito();
    const error = await rejection(cognito.api.signUp({ ClientId: 'c', Username: 'u', Password: 'p' }));
    expect((error as AuthError).cognitoMessage).to.equal('no handler for signUp');
    expect(cognito.callsOf('signUp')).to.deep.equal([{ ClientId: 'c', Username: 'u', Password: 'p' }]);
  });
});
