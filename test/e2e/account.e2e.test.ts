// The account flow (src/account/) end to end against the Cognito double: a fresh user per test, signed up and signed
// in through the engine, then their own account changed through AccountFlow over real HTTP.
import { expect } from 'chai';
import { AccountFlow } from '../../src/account/index.js';
import type { AuthFlow } from '../../src/index.js';
import { MemoryStorage } from '../../src/session/index.js';
import type { FlowEvent } from '../../src/state/index.js';
import { flowFor, freshIdentity, freshTotp, seed } from './env.js';

const CODE = seed.code;
const PASSWORD = 'Account-Pass-123!';
const NEW_PASSWORD = 'Account-NewPass-456!';

/** Signs up a new user of the plain pool and signs them in (confirmation code, then the password kept on the page). */
async function newUser(tag: string): Promise<{ flow: AuthFlow; username: string; email: string; events: FlowEvent[] }> {
  const id = freshIdentity(tag);
  const flow = flowFor('plain', { signUpAttributes: 'email' });
  const events: FlowEvent[] = [];
  flow.onEvent((e) => events.push(e));
  flow.goTo('sign-up');
  await flow.signUp({ username: id.username, password: PASSWORD, attributes: { email: id.email } });
  expect(flow.state.screen, JSON.stringify(flow.state.error)).to.equal('confirm-sign-up');
  await flow.confirmSignUp({ code: CODE });
  expect(flow.state.screen, JSON.stringify(flow.state.error)).to.equal('signed-in');
  return { flow, ...id, events };
}

async function signIn(username: string, password: string, options = {}): Promise<AuthFlow> {
  const flow = flowFor('plain', options, new MemoryStorage());
  await flow.signIn({ username, password });
  return flow;
}

describe('account (e2e)', function () {

  it('change the password, then sign in with the new one (the old one is refused)', async () => {
    const { flow, username } = await newUser('acpw');
    const account = new AccountFlow(flow);
    await account.changePassword({ currentPassword: 'Wrong-Pass-123!', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(account.state.password.error?.code).to.equal('current-password-incorrect');
    await account.changePassword({ currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(account.state.password, JSON.stringify(account.state.password.error)).to.deep.include({ notice: 'password-changed', error: undefined });
    expect((await signIn(username, NEW_PASSWORD)).state.screen).to.equal('signed-in');
    const old = await signIn(username, PASSWORD);
    expect(old.state.error?.code).to.equal('incorrect-credentials');
  });

  it('add an authenticator app, sign in with a code from it, then remove it', async () => {
    const { flow, username } = await newUser('actotp');
    const account = new AccountFlow(flow);
    await account.startTotpSetup();
    const secret = account.state.mfa.totpSetup?.secret;
    expect(secret, JSON.stringify(account.state.mfa.error)).to.be.a('string');
    await account.verifyTotp({ code: await freshTotp(secret!), deviceName: 'Test phone' });
    expect(account.state.mfa, JSON.stringify(account.state.mfa.error)).to.deep.include({ notice: 'totp-enabled', error: undefined });
    expect(account.state.user).to.deep.include({ mfaEnabled: ['SOFTWARE_TOKEN_MFA'], mfaPreferred: 'SOFTWARE_TOKEN_MFA' });

    const again = await signIn(username, PASSWORD);
    expect(again.state).to.deep.include({ screen: 'mfa-code', mfaType: 'SOFTWARE_TOKEN_MFA' });
    await again.submitMfaCode({ code: await freshTotp(secret!) });
    expect(again.state.screen, JSON.stringify(again.state.error)).to.equal('signed-in');

    const second = new AccountFlow(again);
    await second.load();
    await second.setMfaEnabled({ type: 'SOFTWARE_TOKEN_MFA', enabled: false });
    expect(second.state.user?.mfaEnabled, JSON.stringify(second.state.mfa.error)).to.deep.equal([]);
    expect((await signIn(username, PASSWORD)).state.screen).to.equal('signed-in');
  });

  it('change the email: unverified until the code is entered; verify-attributes asks for it at the next sign-in', async () => {
    const { flow, username, email } = await newUser('acmail');
    const account = new AccountFlow(flow, { attributes: 'email' });
    const changed = email.replace('@', '.new@');
    await account.updateProfile({ attributes: { email: changed } });
    expect(account.state.profile, JSON.stringify(account.state.profile.error)).to.deep.include({ notice: 'code-sent' });
    expect(account.state.profile.verifying.map((v) => v.attribute)).to.deep.equal(['email']);
    expect(account.state.profile.verifying[0]?.delivery?.destination).to.match(/\*\*\*/);
    expect(account.state.user).to.deep.include({ unverified: ['email'] });
    expect(account.state.user?.attributes.email).to.equal(changed);

    // Signed in elsewhere with verifyAttributes: asked to verify the new address, there and then.
    const other = await signIn(username, PASSWORD, { verifyAttributes: 'email' });
    expect(other.state).to.deep.include({ screen: 'verify-attributes', attribute: 'email', value: changed });
    await other.sendAttributeCode();
    expect(other.state, JSON.stringify(other.state.error)).to.deep.include({ codeSent: true });
    await other.verifyAttribute({ code: '000000' });
    expect(other.state.error?.code).to.equal('code-mismatch');
    await other.verifyAttribute({ code: CODE });
    expect(other.state.screen, JSON.stringify(other.state.error)).to.equal('signed-in');
    expect(other.session?.claims.email_verified).to.equal(true);

    // The account page sees it verified on its next load.
    await account.load();
    expect(account.state.user).to.deep.include({ unverified: [] });
  });

  it('verify a changed email from the account page', async () => {
    const { flow, email } = await newUser('acverify');
    const account = new AccountFlow(flow, { attributes: 'email' });
    await account.updateProfile({ attributes: { email: email.replace('@', '.v2@') } });
    await account.sendVerificationCode({ attribute: 'email' });
    expect(account.state.profile.notice, JSON.stringify(account.state.profile.error)).to.equal('code-sent');
    await account.verifyAttribute({ attribute: 'email', code: CODE });
    expect(account.state.profile, JSON.stringify(account.state.profile.error)).to.deep.include({ notice: 'attribute-verified', verifying: [] });
    expect(account.state.user).to.deep.include({ unverified: [] });
    expect(flow.session?.claims.email_verified).to.equal(true);
  });

  it('delete the account: signed out ("deleted"), then the user cannot sign in', async () => {
    const { flow, username, events } = await newUser('acdel');
    const account = new AccountFlow(flow);
    const updates: string[] = [];
    account.onEvent((e) => e.type === 'account-updated' && updates.push(e.section));
    await account.deleteAccount({ confirmation: 'remove', expected: 'DELETE' });
    expect(account.state.deleteAccount.error?.code).to.equal('confirmation-mismatch');
    await account.deleteAccount({ confirmation: 'delete', expected: 'DELETE' }); // in any case
    expect(updates).to.deep.equal(['deleted']);
    expect(events.filter((e) => e.type === 'signed-out')).to.deep.equal([{ type: 'signed-out', reason: 'deleted' }]);
    expect(flow.state).to.deep.include({ screen: 'sign-in', notice: 'account-deleted' });
    expect(account.state.status).to.equal('signed-out');
    const after = await signIn(username, PASSWORD);
    expect(after.state.screen).to.equal('sign-in');
    expect(after.state.error?.code).to.equal('incorrect-credentials');
  });

  it('sign out everywhere: the other session is refused at its next request and ends, saying why', async () => {
    const { flow, username } = await newUser('acglobal');
    const elsewhere = await signIn(username, PASSWORD);
    const otherAccount = new AccountFlow(elsewhere);
    await new AccountFlow(flow).signOutEverywhere();
    expect(flow.session).to.equal(undefined);
    await otherAccount.load();
    expect(otherAccount.state.status).to.equal('signed-out');
    expect(otherAccount.state.error?.code).to.equal('session-revoked');
    expect(elsewhere.state.screen).to.equal('sign-in');
  });
});
