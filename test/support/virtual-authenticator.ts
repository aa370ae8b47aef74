// The DevTools virtual authenticator (web-test-runner.config.js, plugin `webauthn-virtual-authenticator`), seen from a
// test: real navigator.credentials.create/get ceremonies in headless Chromium, with a platform authenticator that
// verifies the user (or refuses to), holds resident credentials, and can be inspected.
import { executeServerCommand } from '@web/test-runner-commands';

export interface VirtualCredential {
  credentialId: string;
  rpId: string;
  userHandle?: string;
  signCount: number;
  isResidentCredential: boolean;
}

const send = <T>(payload: Record<string, unknown>): Promise<T> => executeServerCommand<T, Record<string, unknown>>('webauthn', payload);

export const virtualAuthenticator = {
  /** Adds a ctap2 internal authenticator with resident keys and user verification (replacing any earlier one). */
  add: (options: Record<string, unknown> = {}) => send<{ authenticatorId: string }>({ action: 'add', options }),
  /** false: the next ceremony fails as a user who dismisses the dialog (NotAllowedError); true: the user is verified. */
  setUserVerified: (userVerified: boolean) => send<boolean>({ action: 'user-verified', userVerified }),
  credentials: () => send<VirtualCredential[]>({ action: 'credentials' }),
  clear: () => send<boolean>({ action: 'clear' }),
  remove: () => send<boolean>({ action: 'remove' }),
};

/** base64url (WebAuthn's JSON encoding) -> the decoded JSON, for clientDataJSON. */
export function decodeClientData(value: string): { type: string; challenge: string; origin: string } {
  const text = atob(value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '='));
  return JSON.parse(text) as { type: string; challenge: string; origin: string };
}
