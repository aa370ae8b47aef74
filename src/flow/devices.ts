import type { DeviceSrpSession } from '../crypto/srp-device.js';
import { AuthError, authError } from '../errors.js';
import type { Tokens } from '../session/tokens.js';
import type { ChallengeHandler } from './challenge-router.js';
import type { FlowCore } from './core.js';
import { addEnglish } from '../i18n-english.js';
import devicesEnglish from '../locales/en/devices.js';

// Remembered devices: ConfirmDevice (and UpdateDeviceStatus in opt-in pools) after a sign-in that returned
// NewDeviceMetadata, the automatic DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER answers, and ForgetDevice. The device's
// keys and password live in the device store (src/session/device-store.ts), which survives sign-out. Loaded with
// import() only when Cognito sends device metadata or a device challenge.

/** The device SRP exchange between DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER (one sign-in at a time per flow). */
const exchanges = new WeakMap<FlowCore, DeviceSrpSession>();

/** "Chrome on macOS" from the browser, when the page gives no `deviceName`: a label in the user's device list only. */
export function browserDeviceName(): string | undefined {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string; brands?: { brand: string }[] } }) | undefined;
  if (!nav) return undefined;
  const data = nav.userAgentData;
  const brand = data?.brands?.map((b) => b.brand).find((b) => !/not.?a.?brand|chromium/i.test(b));
  const ua = nav.userAgent ?? '';
  const browser = brand ?? (/Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : 'Browser');
  const platform = data?.platform || (/Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Mac/.test(ua) ? 'macOS' : /Windows/.test(ua) ? 'Windows' : /Linux/.test(ua) ? 'Linux' : '');
  return (platform ? `${browser} on ${platform}` : browser).slice(0, 256);
}

/**
 * The device part of a successful sign-in, before the session starts. A new device (NewDeviceMetadata, in `tokens`)
 * is confirmed with a fresh verifier; in opt-in pools (UserConfirmationNecessary) the user's "Remember this device"
 * answer is sent, if the MFA screen asked. A remembered device (its DEVICE_KEY was sent) is put beside the tokens, so
 * every refresh sends it: the store is the one source of the device, the tokens carry a copy for refresh. Nothing here
 * can fail the sign-in: a device that is not confirmed is only not remembered.
 */
export async function deviceOfSignIn(flow: FlowCore, tokens: Tokens, fresh: boolean, username: string): Promise<Tokens> {
  const store = await flow.devices();
  const { deviceKey, deviceGroupKey } = tokens;
  if (!fresh || !deviceKey || !deviceGroupKey) {
    const known = flow.context.deviceKey;
    if (!known) return tokens;
    return { ...tokens, deviceKey: known, deviceGroupKey: store.read(username).deviceGroupKey ?? tokens.deviceGroupKey };
  }
  try {
    const { createDeviceVerifier } = await import('../crypto/srp-device.js');
    const verifier = createDeviceVerifier(deviceGroupKey, deviceKey);
    const AccessToken = tokens.accessToken;
    const name = flow.deviceName() ?? browserDeviceName();
    const confirmed = await flow.api.confirmDevice({
      AccessToken,
      DeviceKey: deviceKey,
      DeviceSecretVerifierConfig: { PasswordVerifier: verifier.PasswordVerifier, Salt: verifier.Salt },
      ...(name ? { DeviceName: name } : {}),
    });
    let remembered = !confirmed.UserConfirmationNecessary;
    const answer = flow.context.rememberDevice;
    if (confirmed.UserConfirmationNecessary && answer !== undefined) {
      await flow.api.updateDeviceStatus({ AccessToken, DeviceKey: deviceKey, DeviceRememberedStatus: answer ? 'remembered' : 'not_remembered' });
      remembered = answer;
    }
    store.update(username, { deviceKey, deviceGroupKey, devicePassword: verifier.devicePassword, remembered });
  } catch {
    // Not confirmed: Cognito asks for MFA next time, as for any unknown device.
  }
  return tokens;
}

/** DEVICE_SRP_AUTH: Cognito asks the remembered device to prove itself (no screen): DEVICE_KEY and a new SRP_A. */
export const deviceSrpAuth: ChallengeHandler = async (response, { flow, username }) => {
  const device = (await flow.devices()).device(username);
  if (!device) throw authError('unsupported-challenge', { cognitoName: response.ChallengeName });
  const { createDeviceSrpSession } = await import('../crypto/srp-device.js');
  const srp = createDeviceSrpSession();
  exchanges.set(flow, srp);
  const user = response.ChallengeParameters?.USERNAME;
  return { answer: { ...(user ? { USERNAME: user } : {}), DEVICE_KEY: device.deviceKey, SRP_A: srp.A } };
};

/** DEVICE_PASSWORD_VERIFIER: the claim from the device's password, at the flow's clock (Cognito checks TIMESTAMP). */
export const devicePasswordVerifier: ChallengeHandler = async (response, { flow, username }) => {
  const device = (await flow.devices()).device(username);
  const srp = exchanges.get(flow);
  exchanges.delete(flow);
  if (!device || !srp) throw authError('unsupported-challenge', { cognitoName: response.ChallengeName });
  const p = response.ChallengeParameters ?? {};
  let claim;
  try {
    claim = srp.claim({ ...device, challenge: { SRP_B: p.SRP_B ?? '', SALT: p.SALT ?? '', SECRET_BLOCK: p.SECRET_BLOCK ?? '' }, now: flow.clock.now() });
  } catch (e) {
    throw authError('srp-invalid-challenge', { cognitoMessage: e instanceof Error ? e.message : undefined });
  }
  return { answer: { ...(p.USERNAME ? { USERNAME: p.USERNAME } : {}), ...claim, DEVICE_KEY: device.deviceKey } };
};

/**
 * Whether a sign-in that sent a remembered device's DEVICE_KEY failed because Cognito no longer knows that device
 * (forgotten from another browser, removed by an admin, the pool recreated); if so the device (its key and password)
 * is dropped from this browser's store and the sign-in may run again once, without it, as a new device's (MFA again
 * if the pool asks for it). Cognito refuses such a key with ResourceNotFoundException "Device does not exist." once
 * the password is proven: at the PASSWORD_VERIFIER answer of USER_SRP_AUTH, at InitiateAuth of USER_PASSWORD_AUTH
 * (amazon-cognito-identity-js, issue #200 and CognitoUser.authenticateUserDefaultAuth; Amplify JS
 * retryOnResourceNotFoundException; the message also reads "Device with key … does not exist in device pool …",
 * aws-sdk-ios #5339). Any other failure (a wrong password, throttling, the network) is not the device's: false.
 */
export async function staleDevice(flow: FlowCore, username: string, error: unknown): Promise<boolean> {
  const deviceKey = flow.context.deviceKey;
  const gone = error instanceof AuthError && error.cognitoName === 'ResourceNotFoundException' && /device/i.test(error.cognitoMessage ?? '');
  if (!deviceKey || !gone) return false;
  const store = await flow.devices();
  store.forgetDevice(username);
  store.forgetDeviceKey(deviceKey);
  flow.context.deviceKey = undefined;
  exchanges.delete(flow);
  // Once: a storage that would not let go of the device would only send it again.
  return store.device(username)?.deviceKey !== deviceKey;
}

/**
 * "Forget this device": ForgetDevice with the session's device key, then the store drops the device (keys and
 * password) for every username on this browser that used it. Stays signed in, with the notice `device-forgotten`.
 */
export function forgetDevice(flow: FlowCore): Promise<void> {
  addEnglish(devicesEnglish); // the notice's English, off the first paint
  return flow.runner.run(['signed-in'], async (guard) => {
    const session = flow.sessions.session;
    if (!session) throw authError('not-signed-in');
    const deviceKey = session.tokens.deviceKey;
    if (deviceKey) await guard(flow.api.forgetDevice({ AccessToken: session.tokens.accessToken, DeviceKey: deviceKey }));
    const store = await flow.devices();
    store.forgetDevice(flow.runner.state.username);
    if (deviceKey) store.forgetDeviceKey(deviceKey);
    flow.runner.set({ ...flow.runner.state, busy: false, notice: 'device-forgotten' });
  });
}
