/**
 * Where the device record of one user of one app client is stored (src/session/device-store.ts). Its own tiny module
 * because sign-in asks "is there a device?" before every InitiateAuth: that check must not wait for the device store's
 * chunk. The prefix is outside `cognito-elements.<clientId>.`, the one sign-out clears: a device outlives its sessions.
 */
export function deviceRecordKey(clientId: string, username: string): string {
  return `cognito-elements-device.${clientId}.${username}`;
}
