import type { DeviceType, WebAuthnCredentialDescription } from '../api/types.js';
import { authError } from '../errors.js';
import { fail } from '../flow/steps.js';
import type { Guard } from '../flow/runner.js';
import type { AccountCore } from './core.js';
import type { AccountDevice, Passkey } from './state.js';

// Passkeys and devices: ListWebAuthnCredentials / DeleteWebAuthnCredential (adding one is the registration function the
// page gives, see RegisterPasskeyFn), ListDevices / ForgetDevice / UpdateDeviceStatus.
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListWebAuthnCredentials.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteWebAuthnCredential.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListDevices.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgetDevice.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateDeviceStatus.html

// The largest pages Cognito serves (MaxResults 20 for passkeys, Limit 60 for devices); a few pages at most.
const PASSKEY_PAGE = 20;
const DEVICE_PAGE = 60;
const MAX_PAGES = 10;

/** Cognito's dates are seconds since the epoch (or, through some SDKs, ISO strings): ms, or undefined. */
function ms(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

function passkeyFrom(c: WebAuthnCredentialDescription): Passkey {
  return {
    id: c.CredentialId,
    name: c.FriendlyCredentialName ?? '',
    createdAt: ms(c.CreatedAt),
    relyingPartyId: c.RelyingPartyId,
    attachment: c.AuthenticatorAttachment,
    transports: c.AuthenticatorTransports,
  };
}

async function listPasskeys(core: AccountCore, guard: Guard): Promise<void> {
  const passkeys: Passkey[] = [];
  let NextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const paging = { MaxResults: PASSKEY_PAGE, ...(NextToken ? { NextToken } : {}) };
    const answer = await guard(core.call((AccessToken) => core.api.listWebAuthnCredentials({ AccessToken, ...paging })));
    passkeys.push(...(answer.Credentials ?? []).map(passkeyFrom));
    NextToken = answer.NextToken;
    if (!NextToken) break;
  }
  core.patch('passkeys', { passkeys });
}

export function loadPasskeys(core: AccountCore): Promise<void> {
  return core.run('passkeys', (guard) => listPasskeys(core, guard));
}

/**
 * The AuthFlow's own registration (AuthFlow.createPasskey: StartWebAuthnRegistration, the WebAuthn seam's create,
 * CompleteWebAuthnRegistration, src/flow/passkey.ts), its failure thrown so it lands in the passkeys section.
 */
async function registerThroughAuthFlow(core: AccountCore): Promise<void> {
  if (core.auth.state.screen !== 'signed-in') throw authError('not-signed-in');
  await core.auth.createPasskey();
  const error = core.auth.state.error;
  if (error) throw error;
}

/** Creates a passkey (the page's registerPasskey, else the AuthFlow's), then lists them again. */
export function addPasskey(core: AccountCore): Promise<void> {
  return core.run('passkeys', async (guard) => {
    const register = core.settings.registerPasskey;
    await guard(core.call((accessToken) => (register ? register(accessToken) : registerThroughAuthFlow(core))));
    await listPasskeys(core, guard);
    core.emit({ type: 'account-updated', section: 'passkeys' });
    return 'passkey-added';
  });
}

export function deletePasskey(core: AccountCore, input: { id: string }): Promise<void> {
  return core.run('passkeys', async (guard) => {
    if (!input.id) fail('invalid-parameter', 'passkey');
    await guard(core.call((AccessToken) => core.api.deleteWebAuthnCredential({ AccessToken, CredentialId: input.id })));
    await listPasskeys(core, guard);
    core.emit({ type: 'account-updated', section: 'passkeys' });
    return 'passkey-deleted';
  });
}

/** The device key of this browser's session (NewDeviceMetadata at sign-in, kept beside the tokens). */
const thisDeviceKey = (core: AccountCore): string | undefined => core.auth.session?.tokens.deviceKey;

function deviceFrom(d: DeviceType, current: string | undefined): AccountDevice | undefined {
  if (!d.DeviceKey) return undefined;
  const attribute = (name: string) => d.DeviceAttributes?.find((a) => a.Name === name)?.Value;
  return {
    key: d.DeviceKey,
    name: attribute('device_name') || undefined,
    // Cognito names it dev:device_remembered_status; some answers leave out the prefix.
    remembered: (attribute('dev:device_remembered_status') ?? attribute('device_remembered_status')) === 'remembered',
    lastUsed: ms(d.DeviceLastAuthenticatedDate),
    createdAt: ms(d.DeviceCreateDate),
    current: d.DeviceKey === current,
  };
}

async function listDevices(core: AccountCore, guard: Guard): Promise<void> {
  const devices: AccountDevice[] = [];
  const current = thisDeviceKey(core);
  let PaginationToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const next = { Limit: DEVICE_PAGE, ...(PaginationToken ? { PaginationToken } : {}) };
    const answer = await guard(core.call((AccessToken) => core.api.listDevices({ AccessToken, ...next })));
    for (const d of answer.Devices ?? []) {
      const device = deviceFrom(d, current);
      if (device) devices.push(device);
    }
    PaginationToken = answer.PaginationToken;
    if (!PaginationToken) break;
  }
  // This device first, then the most recently used.
  devices.sort((a, b) => Number(b.current) - Number(a.current) || (b.lastUsed ?? 0) - (a.lastUsed ?? 0));
  core.patch('devices', { devices });
}

export function loadDevices(core: AccountCore): Promise<void> {
  return core.run('devices', (guard) => listDevices(core, guard));
}

/** This browser's own device, through the AuthFlow (ForgetDevice, and its device store forgets key and password). */
async function forgetThroughAuthFlow(core: AccountCore): Promise<void> {
  await core.auth.forgetDevice();
  const error = core.auth.state.error;
  if (error) throw error;
}

/**
 * ForgetDevice: the next sign-in on it asks for MFA again. This browser's own device is forgotten through the AuthFlow
 * (AuthFlow.forgetDevice, src/flow/devices.ts), which also drops the device key and password it keeps, or, when the
 * page gives `forgetThisDevice`, by ForgetDevice here and then that function.
 */
export function forgetDevice(core: AccountCore, input: { key: string }): Promise<void> {
  return core.run('devices', async (guard) => {
    if (!input.key) fail('invalid-parameter', 'device');
    const current = input.key === thisDeviceKey(core);
    const own = core.settings.forgetThisDevice;
    if (current && !own) await guard(core.call(() => forgetThroughAuthFlow(core)));
    else await guard(core.call((AccessToken) => core.api.forgetDevice({ AccessToken, DeviceKey: input.key })));
    if (current) own?.();
    core.patch('devices', { devices: core.state.devices.devices?.filter((d) => d.key !== input.key) });
    core.emit({ type: 'account-updated', section: 'devices' });
    return 'device-forgotten';
  });
}

/** UpdateDeviceStatus: a remembered device may skip MFA at sign-in (where the pool allows it). */
export function setDeviceRemembered(core: AccountCore, input: { key: string; remembered: boolean }): Promise<void> {
  return core.run('devices', async (guard) => {
    if (!input.key) fail('invalid-parameter', 'device');
    const DeviceRememberedStatus = input.remembered ? 'remembered' : 'not_remembered';
    await guard(core.call((AccessToken) => core.api.updateDeviceStatus({ AccessToken, DeviceKey: input.key, DeviceRememberedStatus })));
    core.patch('devices', { devices: core.state.devices.devices?.map((d) => (d.key === input.key ? { ...d, remembered: input.remembered } : d)) });
    core.emit({ type: 'account-updated', section: 'devices' });
    return 'device-updated';
  });
}
