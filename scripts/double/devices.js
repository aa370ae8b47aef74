// Device tracking, which cognito-local does not have.
//
// With device tracking on (seed: `deviceTracking` on an app client), a sign-in's AuthenticationResult carries
// NewDeviceMetadata { DeviceKey: "<region>_<uuid>", DeviceGroupKey }, unless the sign-in named a device of the user
// (DEVICE_KEY). The session is bound to that device: REFRESH_TOKEN_AUTH / GetTokensFromRefreshToken without its
// DEVICE_KEY are NotAuthorizedException "Invalid Refresh Token" (refresh.js):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AuthenticationResultType.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NewDeviceMetadataType.html
//   https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
// ConfirmDevice stores the device (DeviceSecretVerifierConfig { PasswordVerifier, Salt }, DeviceName) and answers
// UserConfirmationNecessary (true when the pool remembers devices only on the user's prompt: seed
// `deviceTracking: "opt-in"`); ListDevices, GetDevice, ForgetDevice and UpdateDeviceStatus (remembered /
// not_remembered) act on the signed-in user's devices:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmDevice.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListDevices.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetDevice.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgetDevice.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateDeviceStatus.html
// The double keeps devices in memory, per pool and user (a restart forgets them, as it forgets every session).
import { randomBytes, randomUUID } from 'node:crypto';
import { CognitoError, invalidParameter } from './errors.js';

const STATUSES = new Set(['remembered', 'not_remembered']);
const notFound = () => new CognitoError('ResourceNotFoundException', 'Device does not exist.');

export function createDevices({ clock, region }) {
  const byUser = new Map(); // "<poolId>/<username>" → Map DeviceKey → device
  const devicesOf = (poolId, username) => {
    const key = `${poolId}/${username}`;
    if (!byUser.has(key)) byUser.set(key, new Map());
    return byUser.get(key);
  };
  const seconds = () => clock.now() / 1000;

  function describe(d) {
    return {
      DeviceKey: d.key,
      DeviceAttributes: [
        { Name: 'device_status', Value: 'valid' },
        ...(d.name ? [{ Name: 'device_name', Value: d.name }] : []),
        { Name: 'dev:device_remembered_status', Value: d.status },
        { Name: 'last_ip_used', Value: '127.0.0.1' },
      ],
      DeviceCreateDate: d.created,
      DeviceLastModifiedDate: d.modified,
      DeviceLastAuthenticatedDate: d.lastAuthenticated,
    };
  }
  function confirmed(poolId, username, key) {
    const d = devicesOf(poolId, username).get(key);
    if (!d || !d.confirmed) throw notFound();
    return d;
  }

  return {
    /**
     * The device a finished sign-in is bound to: the user's device named by DEVICE_KEY, or a new one (returned as
     * NewDeviceMetadata). Null when the app client does not track devices.
     */
    signIn(client, poolId, username, deviceKey) {
      if (!client?.DeviceTracking) return null;
      const devices = devicesOf(poolId, username);
      const known = deviceKey && devices.get(deviceKey);
      if (known) {
        known.lastAuthenticated = seconds();
        return { key: known.key };
      }
      const d = { key: `${region}_${randomUUID()}`, groupKey: `-${randomBytes(6).toString('base64url')}`, confirmed: false, status: 'not_remembered', created: seconds() };
      d.modified = d.created;
      d.lastAuthenticated = d.created;
      devices.set(d.key, d);
      return { key: d.key, metadata: { DeviceKey: d.key, DeviceGroupKey: d.groupKey } };
    },

    /** The user's device named `key` (with its verifier, salt, group key and status), or null: for device-srp.js. */
    find: (poolId, username, key) => (key ? devicesOf(poolId, username).get(key) ?? null : null),

    /** ConfirmDevice for the signed-in user (`claims` of a verified access token). */
    confirm(claims, client, req) {
      const d = devicesOf(claims.poolId, claims.username).get(req.DeviceKey);
      if (!d) throw notFound();
      const config = req.DeviceSecretVerifierConfig;
      if (!config?.PasswordVerifier || !config?.Salt) throw invalidParameter('Missing required parameter DeviceSecretVerifierConfig');
      const optIn = client?.DeviceTracking === 'opt-in';
      Object.assign(d, { confirmed: true, verifier: config.PasswordVerifier, salt: config.Salt, name: req.DeviceName ?? d.name, status: optIn ? 'not_remembered' : 'remembered', modified: seconds() });
      return { UserConfirmationNecessary: optIn };
    },
    list(claims, req) {
      const all = [...devicesOf(claims.poolId, claims.username).values()].filter((d) => d.confirmed);
      const start = Number(req.PaginationToken ?? 0) || 0;
      const limit = Math.min(Math.max(Number(req.Limit ?? 60) || 60, 1), 60);
      const page = all.slice(start, start + limit);
      return { Devices: page.map(describe), ...(start + limit < all.length ? { PaginationToken: String(start + limit) } : {}) };
    },
    get: (claims, req) => ({ Device: describe(confirmed(claims.poolId, claims.username, req.DeviceKey)) }),
    forget(claims, req) {
      confirmed(claims.poolId, claims.username, req.DeviceKey);
      devicesOf(claims.poolId, claims.username).delete(req.DeviceKey);
      return {};
    },
    updateStatus(claims, req) {
      if (!STATUSES.has(req.DeviceRememberedStatus)) throw invalidParameter('DeviceRememberedStatus must be remembered or not_remembered');
      const d = confirmed(claims.poolId, claims.username, req.DeviceKey);
      d.status = req.DeviceRememberedStatus;
      d.modified = seconds();
      return {};
    },
  };
}
