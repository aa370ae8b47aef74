// Sessions against the Cognito double (issue 13: defects 1, 2, 3): refresh in an app client with device tracking and
// in one with refresh-token rotation, and sign-out local by default, global when asked. Each test also checks, with a
// raw request, that the double really enforces the rule it relies on, so a pass means the engine met the rule.
import { expect } from 'chai';
import { MemoryStorage } from '../../src/session/index.js';
import type { AuthFlow } from '../../src/index.js';
import { until } from '../support/until.js';
import { DeviceStore } from '../../src/session/device-store.js';
import { endpoint, flowFor, seed, signInAs, signInName, type SeedUser } from './env.js';

const POOL = 'plain' as const;
const clients = seed.pools[POOL].clients ?? {};
const u = seed.users;

/** One raw Cognito request: the status and the answer's exception name. */
async function raw(operation: string, body: object): Promise<{ status: number; type: string; json: Record<string, unknown> }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  const type = String(response.headers.get('x-amzn-errortype') ?? json.__type ?? '');
  return { status: response.status, type: type.slice(type.lastIndexOf('#') + 1).split(':')[0]!, json };
}

function issuedAt(jwt: string): number {
  const payload = jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
  return (JSON.parse(atob(payload)) as { iat: number }).iat;
}

/** Tokens issued within the same second may be identical: wait until the clock has moved past this one's iat. */
async function nextSecond(flow: AuthFlow): Promise<void> {
  const iat = issuedAt(flow.session!.tokens.accessToken);
  await until(() => Math.floor(Date.now() / 1000) > iat, { what: 'the next second', timeout: 3000, interval: 50 });
}

async function signedIn(user: SeedUser, clientId?: string, storage = new MemoryStorage()): Promise<AuthFlow> {
  const flow = flowFor(POOL, clientId ? { clientId } : {}, storage);
  await signInAs(flow, POOL, user);
  expect(flow.state.screen, JSON.stringify(flow.state.error)).to.equal('signed-in');
  return flow;
}

describe('sessions against the Cognito double', () => {
  it('device tracking: the device key from sign-in goes with every refresh, also after a reload', async () => {
    const clientId = clients.devices?.clientId;
    expect(clientId, 'the seed has a device-tracking client').to.be.a('string');
    const storage = new MemoryStorage();
    const flow = await signedIn(u.deviceuser!, clientId, storage);
    const { deviceKey, refreshToken } = flow.session!.tokens;
    expect(deviceKey, 'NewDeviceMetadata kept with the session').to.be.a('string');

    // The rule the engine must meet: without the device key the refresh is refused.
    const bare = await raw('GetTokensFromRefreshToken', { ClientId: clientId, RefreshToken: refreshToken });
    expect(bare.type).to.equal('NotAuthorizedException');

    await nextSecond(flow);
    const before = flow.session!.tokens.accessToken;
    const after = await flow.refresh();
    expect(after, 'refresh failed').to.not.equal(undefined);
    expect(after!.tokens.accessToken).to.not.equal(before);
    expect(after!.tokens.deviceKey).to.equal(deviceKey);

    const reloaded = flowFor(POOL, { clientId }, storage);
    expect(await reloaded.restore()).to.equal(true);
    await nextSecond(reloaded);
    expect(await reloaded.refresh(), 'refresh after a reload failed').to.not.equal(undefined);
    expect(reloaded.state.screen).to.equal('signed-in');
  });

  it('a remembered device forgotten on the server: the next sign-in on this browser works as a new device\'s, with no error', async () => {
    const clientId = clients.devices?.clientId;
    expect(clientId, 'the seed has a device-tracking client').to.be.a('string');
    const user = u.deviceuser!;
    for (const authFlow of ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'] as const) {
      const storage = new MemoryStorage();
      const first = flowFor(POOL, { clientId, authFlow }, storage);
      await signInAs(first, POOL, user);
      expect(first.state.screen, JSON.stringify(first.state.error)).to.equal('signed-in');
      const stale = first.session!.tokens.deviceKey!;
      expect(new DeviceStore(storage, clientId!).device(signInName(POOL, user))?.deviceKey, 'remembered on this browser').to.equal(stale);
      // Forgotten behind this browser's back (another browser's "Forget this device", an admin), then signed out.
      const forgot = await raw('ForgetDevice', { AccessToken: first.session!.tokens.accessToken, DeviceKey: stale });
      expect(forgot.status, JSON.stringify(forgot.json)).to.equal(200);
      await first.signOut();

      // The rule the engine must meet: Cognito refuses the forgotten key once the password is right.
      const refused = await raw('InitiateAuth', {
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: signInName(POOL, user), PASSWORD: user.password, DEVICE_KEY: stale },
      });
      expect(refused.type).to.equal('ResourceNotFoundException');

      const next = flowFor(POOL, { clientId, authFlow }, storage);
      const errors: unknown[] = [];
      next.onEvent((e) => e.type === 'error' && errors.push(e.error));
      await signInAs(next, POOL, user);
      expect(next.state.screen, `${authFlow}: ${JSON.stringify(next.state.error)}`).to.equal('signed-in');
      expect(next.state.error).to.equal(undefined);
      expect(errors).to.deep.equal([]);
      const fresh = next.session!.tokens.deviceKey;
      expect(fresh, 'a new device').to.be.a('string').and.not.equal(stale);
      expect(new DeviceStore(storage, clientId!).device(signInName(POOL, user))?.deviceKey).to.equal(fresh);
      await next.signOut();
    }
  });

  it('opt-in pools: a device the user chose not to remember is the same device at the next sign-in, not a new one', async () => {
    const clientId = clients.optin?.clientId;
    expect(clientId, 'the seed has an opt-in client').to.be.a('string');
    const user = u.optinuser!;
    const storage = new MemoryStorage();
    const keys: string[] = [];
    for (let n = 0; n < 2; n++) {
      const flow = flowFor(POOL, { clientId }, storage);
      await signInAs(flow, POOL, user);
      expect(flow.state.screen, 'not remembered: MFA each time').to.equal('mfa-code');
      await flow.submitMfaCode({ code: seed.code, rememberDevice: false });
      expect(flow.state.screen, JSON.stringify(flow.state.error)).to.equal('signed-in');
      keys.push(flow.session!.tokens.deviceKey!);
      const listed = await raw('ListDevices', { AccessToken: flow.session!.tokens.accessToken });
      const mine = (listed.json.Devices as { DeviceKey: string }[]).filter((d) => keys.includes(d.DeviceKey));
      expect(mine.map((d) => d.DeviceKey), 'one device for this browser in the user\'s list').to.deep.equal([keys[0]]);
      await flow.signOut();
    }
    expect(keys[1]).to.equal(keys[0]);
  });

  it('rotation: refresh uses GetTokensFromRefreshToken and keeps each new refresh token', async () => {
    const clientId = clients.rotation?.clientId;
    expect(clientId, 'the seed has a rotation client').to.be.a('string');
    const flow = await signedIn(u.rotator!, clientId);
    const first = flow.session!.tokens.refreshToken!;

    // The rule: a rotation client refuses REFRESH_TOKEN_AUTH.
    const refused = await raw('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: first } });
    expect(refused.status).to.equal(400);

    await nextSecond(flow);
    const once = await flow.refresh();
    expect(once, 'refresh failed').to.not.equal(undefined);
    const second = once!.tokens.refreshToken!;
    expect(second, 'a new refresh token').to.not.equal(first);

    await nextSecond(flow);
    const twice = await flow.refresh();
    expect(twice, 'refresh with the rotated token failed').to.not.equal(undefined);
    expect(twice!.tokens.refreshToken).to.not.equal(second);
    expect(flow.state.screen).to.equal('signed-in');

    // The first refresh token was rotated out: it no longer works.
    const old = await raw('GetTokensFromRefreshToken', { ClientId: clientId, RefreshToken: first });
    expect(old.status).to.equal(400);
  });

  it('sign-out is local by default: another session of the same user goes on', async () => {
    const here = await signedIn(u.globalout!);
    const elsewhere = await signedIn(u.globalout!);
    const revoked = here.session!.tokens.refreshToken!;
    await here.signOut();
    expect(here.state.screen).to.equal('sign-in');
    // This session's refresh token was revoked ...
    const again = await raw('GetTokensFromRefreshToken', { ClientId: seed.pools[POOL].clientId, RefreshToken: revoked });
    expect(again.type).to.equal('NotAuthorizedException');
    // ... the other one still refreshes.
    await nextSecond(elsewhere);
    expect(await elsewhere.refresh(), 'the other session was ended').to.not.equal(undefined);
    await elsewhere.signOut();
  });

  it('signOut({ global: true }) ends the other sessions of the user', async () => {
    const here = await signedIn(u.globalout!);
    const elsewhere = await signedIn(u.globalout!);
    const ended: string[] = [];
    elsewhere.onEvent((e) => {
      if (e.type === 'signed-out') ended.push(e.reason);
    });
    await here.signOut({ global: true });
    expect(here.state.screen).to.equal('sign-in');
    await elsewhere.refresh();
    expect(elsewhere.state.screen).to.equal('sign-in');
    expect(ended).to.deep.equal(['refresh-failed']);
  });
});
