import { deviceRecordKey } from './device-key.js';
import { KeepSignedInStorage, StoredJson, type StorageLike } from './storage.js';

/**
 * What this browser knows about itself for one user of one app client. It identifies the DEVICE, not a session, so it
 * survives sign-out on purpose: its key prefix (`cognito-elements-device.`) is outside the one sign-out clears
 * (`cognito-elements.<clientId>.`, see clearLibraryKeys), and only "Forget this device" (ForgetDevice) or a refusal of
 * the device by Cognito removes it. It is kept in the page's `storage` (where the tokens go by default), so a page that
 * keeps nothing beyond the tab (`session`) or the page (`memory`) remembers devices no longer either. "Keep me signed
 * in" does not move it: that box is about the session, and a device Cognito remembers but whose password left with a
 * closed tab would stay in the user's device list, orphaned.
 */
export interface DeviceRecord {
  /** NewDeviceMetadata.DeviceKey: sent as DEVICE_KEY at sign-in and refresh. */
  deviceKey?: string;
  deviceGroupKey?: string;
  /** The device's random SRP password (never the user's): it answers DEVICE_PASSWORD_VERIFIER. */
  devicePassword?: string;
  /** Cognito remembers the device (it may skip MFA): always-remember pools, or the user said so in opt-in pools. */
  remembered?: boolean;
  /** "Don't ask again on this device" for the passkey prompt, or a passkey was created here. */
  noPasskeyPrompt?: boolean;
}


const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function parse(v: Record<string, unknown>): DeviceRecord {
  const record: DeviceRecord = {};
  if (text(v.deviceKey)) record.deviceKey = text(v.deviceKey);
  if (text(v.deviceGroupKey)) record.deviceGroupKey = text(v.deviceGroupKey);
  if (text(v.devicePassword)) record.devicePassword = text(v.devicePassword);
  if (v.remembered === true) record.remembered = true;
  if (v.noPasskeyPrompt === true) record.noPasskeyPrompt = true;
  return record;
}

/** The device records of one app client, one per username as the user types it (that is what sign-in knows first). */
export class DeviceStore {
  readonly #storage: StorageLike;
  readonly #clientId: string;

  constructor(storage: StorageLike, clientId: string) {
    this.#storage = storage instanceof KeepSignedInStorage ? storage.home : storage;
    this.#clientId = clientId;
  }

  #entry(username: string): StoredJson<DeviceRecord> {
    return new StoredJson(this.#storage, deviceRecordKey(this.#clientId, username), parse);
  }

  read(username: string): DeviceRecord {
    return username ? (this.#entry(username).read() ?? {}) : {};
  }

  /** The device a sign-in can use: one with its key, group key and password (else Cognito's device SRP cannot work). */
  device(username: string): Required<Pick<DeviceRecord, 'deviceKey' | 'deviceGroupKey' | 'devicePassword'>> | undefined {
    const { deviceKey, deviceGroupKey, devicePassword } = this.read(username);
    return deviceKey && deviceGroupKey && devicePassword ? { deviceKey, deviceGroupKey, devicePassword } : undefined;
  }

  /** Merges `change` into the record; a storage that refuses (quota, blocked) only means the device is not remembered. */
  update(username: string, change: Partial<DeviceRecord>): void {
    if (!username) return;
    try {
      this.#entry(username).write({ ...this.read(username), ...change });
    } catch {
      // Nothing to do: the next sign-in simply asks for MFA again.
    }
  }

  /** Drops the device (keys and password) but keeps the user's passkey-prompt choice. */
  forgetDevice(username: string): void {
    const { noPasskeyPrompt } = this.read(username);
    if (noPasskeyPrompt) this.#write(username, { noPasskeyPrompt });
    else this.#entry(username).remove();
  }

  /** Drops the device with this key under every username of this client (the signed-in state knows no typed name). */
  forgetDeviceKey(deviceKey: string): void {
    const prefix = deviceRecordKey(this.#clientId, '');
    const storage = this.#storage;
    const usernames: string[] = [];
    try {
      for (let i = 0; i < (storage.length ?? 0); i++) {
        const key = storage.key?.(i);
        if (key?.startsWith(prefix)) usernames.push(key.slice(prefix.length));
      }
    } catch {
      return;
    }
    for (const username of usernames) if (this.read(username).deviceKey === deviceKey) this.forgetDevice(username);
  }

  #write(username: string, record: DeviceRecord): void {
    try {
      this.#entry(username).write(record);
    } catch {
      // As in update().
    }
  }
}
