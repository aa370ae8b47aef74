// Rule D of the Cognito double (scripts/double/devices.js, scripts/double/refresh.js): device tracking on an app client
// - NewDeviceMetadata on sign-in, refresh bound to the device key, ConfirmDevice / ListDevices / GetDevice /
// UpdateDeviceStatus / ForgetDevice on the signed-in user's devices.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { call, useDouble } from './double-harness.js';

const ctx = useDouble();
const devicesClient = () => ctx.seed.pools.plain.clients.devices.clientId;
const signIn = async (clientId, user, DEVICE_KEY) => {
  const { status, json } = await call(ctx.endpoint, 'InitiateAuth', {
    ClientId: clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: user.username, PASSWORD: user.password, ...(DEVICE_KEY ? { DEVICE_KEY } : {}) },
  });
  assert.equal(status, 200, JSON.stringify(json));
  return json.AuthenticationResult;
};
const refresh = (clientId, REFRESH_TOKEN, DEVICE_KEY) =>
  call(ctx.endpoint, 'InitiateAuth', {
    ClientId: clientId,
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    AuthParameters: { REFRESH_TOKEN, ...(DEVICE_KEY ? { DEVICE_KEY } : {}) },
  });
const INVALID_REFRESH = { __type: 'NotAuthorizedException', message: 'Invalid Refresh Token' };
const verifierConfig = { PasswordVerifier: Buffer.from('verifier').toString('base64'), Salt: Buffer.from('salt').toString('base64') };
const attr = (device, name) => device.DeviceAttributes.find((a) => a.Name === name)?.Value;

describe('double rule D: device tracking (NewDeviceMetadata, DEVICE_KEY on refresh)', () => {
  it('a device-tracking client returns NewDeviceMetadata; the pool\'s other client does not', async () => {
    const u = ctx.seed.users.deviceuser;
    const tracked = await signIn(devicesClient(), u);
    assert.match(tracked.NewDeviceMetadata.DeviceKey, new RegExp(`^${ctx.seed.region}_[0-9a-f-]{36}$`));
    assert.ok(tracked.NewDeviceMetadata.DeviceGroupKey);
    const untracked = await signIn(ctx.seed.pools.plain.clientId, u);
    assert.equal(untracked.NewDeviceMetadata, undefined);
  });

  it('REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken need the session\'s DEVICE_KEY', async () => {
    const u = ctx.seed.users.deviceuser;
    const tokens = await signIn(devicesClient(), u);
    const key = tokens.NewDeviceMetadata.DeviceKey;
    assert.deepEqual((await refresh(devicesClient(), tokens.RefreshToken)).json, INVALID_REFRESH);
    assert.deepEqual((await refresh(devicesClient(), tokens.RefreshToken, `${ctx.seed.region}_00000000-0000-4000-8000-000000000000`)).json, INVALID_REFRESH);
    const ok = await refresh(devicesClient(), tokens.RefreshToken, key);
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.ok(ok.json.AuthenticationResult.AccessToken);

    const viaGetTokens = (DeviceKey) =>
      call(ctx.endpoint, 'GetTokensFromRefreshToken', { ClientId: devicesClient(), RefreshToken: tokens.RefreshToken, ...(DeviceKey ? { DeviceKey } : {}) });
    assert.deepEqual((await viaGetTokens()).json, INVALID_REFRESH);
    assert.equal((await viaGetTokens(key)).status, 200);
  });

  it('ConfirmDevice, ListDevices, GetDevice, UpdateDeviceStatus, ForgetDevice; a known DEVICE_KEY gets no new device', async () => {
    const u = ctx.seed.users.deviceuser;
    const tokens = await signIn(devicesClient(), u);
    const { AccessToken } = tokens;
    const DeviceKey = tokens.NewDeviceMetadata.DeviceKey;
    // Not confirmed yet: not listed.
    assert.deepEqual((await call(ctx.endpoint, 'ListDevices', { AccessToken })).json, { Devices: [] });
    const missing = await call(ctx.endpoint, 'ConfirmDevice', { AccessToken, DeviceKey, DeviceName: 'Laptop' });
    assert.equal(missing.json.__type, 'InvalidParameterException');
    const unknown = await call(ctx.endpoint, 'ConfirmDevice', { AccessToken, DeviceKey: `${ctx.seed.region}_nope`, DeviceSecretVerifierConfig: verifierConfig });
    assert.equal(unknown.json.__type, 'ResourceNotFoundException');

    const confirmed = await call(ctx.endpoint, 'ConfirmDevice', { AccessToken, DeviceKey, DeviceSecretVerifierConfig: verifierConfig, DeviceName: 'Laptop' });
    assert.deepEqual(confirmed, { status: 200, json: { UserConfirmationNecessary: false } });
    const { json: listed } = await call(ctx.endpoint, 'ListDevices', { AccessToken });
    assert.equal(listed.Devices.length, 1);
    assert.equal(listed.Devices[0].DeviceKey, DeviceKey);
    assert.equal(attr(listed.Devices[0], 'device_name'), 'Laptop');
    assert.equal(attr(listed.Devices[0], 'device_status'), 'valid');
    assert.equal(attr(listed.Devices[0], 'dev:device_remembered_status'), 'remembered');
    assert.equal(typeof listed.Devices[0].DeviceCreateDate, 'number');

    assert.equal((await call(ctx.endpoint, 'UpdateDeviceStatus', { AccessToken, DeviceKey, DeviceRememberedStatus: 'sometimes' })).json.__type, 'InvalidParameterException');
    assert.deepEqual(await call(ctx.endpoint, 'UpdateDeviceStatus', { AccessToken, DeviceKey, DeviceRememberedStatus: 'not_remembered' }), { status: 200, json: {} });
    const { json: got } = await call(ctx.endpoint, 'GetDevice', { AccessToken, DeviceKey });
    assert.equal(attr(got.Device, 'dev:device_remembered_status'), 'not_remembered');

    // Signing in again from this device (DEVICE_KEY): no new device, and the session is bound to this one.
    const again = await signIn(devicesClient(), u, DeviceKey);
    assert.equal(again.NewDeviceMetadata, undefined);
    assert.equal((await refresh(devicesClient(), again.RefreshToken, DeviceKey)).status, 200);
    assert.deepEqual((await refresh(devicesClient(), again.RefreshToken)).json, INVALID_REFRESH);

    // Another user cannot see or forget it.
    const other = await signIn(devicesClient(), ctx.seed.users.signin);
    assert.deepEqual((await call(ctx.endpoint, 'ListDevices', { AccessToken: other.AccessToken })).json, { Devices: [] });
    assert.equal((await call(ctx.endpoint, 'ForgetDevice', { AccessToken: other.AccessToken, DeviceKey })).json.__type, 'ResourceNotFoundException');

    assert.deepEqual(await call(ctx.endpoint, 'ForgetDevice', { AccessToken, DeviceKey }), { status: 200, json: {} });
    assert.deepEqual((await call(ctx.endpoint, 'ListDevices', { AccessToken })).json, { Devices: [] });
    assert.equal((await call(ctx.endpoint, 'GetDevice', { AccessToken, DeviceKey })).json.__type, 'ResourceNotFoundException');
  });

  it('a DEVICE_KEY the user has no device for: ResourceNotFoundException "Device does not exist." once the password is right', async () => {
    const u = ctx.seed.users.deviceuser;
    const tokens = await signIn(devicesClient(), u);
    const DeviceKey = tokens.NewDeviceMetadata.DeviceKey;
    await call(ctx.endpoint, 'ConfirmDevice', { AccessToken: tokens.AccessToken, DeviceKey, DeviceSecretVerifierConfig: verifierConfig });
    assert.equal((await call(ctx.endpoint, 'ForgetDevice', { AccessToken: tokens.AccessToken, DeviceKey })).status, 200);
    const attempt = (DEVICE_KEY, PASSWORD = u.password) =>
      call(ctx.endpoint, 'InitiateAuth', { ClientId: devicesClient(), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: u.username, PASSWORD, DEVICE_KEY } });
    for (const key of [DeviceKey, `${ctx.seed.region}_00000000-0000-4000-8000-000000000000`]) {
      assert.deepEqual(await attempt(key), { status: 400, json: { __type: 'ResourceNotFoundException', message: 'Device does not exist.' } });
    }
    // A wrong password is still only that; without the key the sign-in is a new device's.
    assert.equal((await attempt(DeviceKey, 'Wrong-Password-1')).json.__type, 'NotAuthorizedException');
    const fresh = await signIn(devicesClient(), u);
    assert.notEqual(fresh.NewDeviceMetadata.DeviceKey, DeviceKey);
  });
});
