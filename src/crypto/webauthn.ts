/**
 * Passkeys in the browser: the engine's WebAuthn seam (`WebAuthnSeam`, what src/flow/passkey.ts calls) and its DOM
 * implementation (`createBrowserWebAuthn`), which turns Cognito's JSON options into navigator.credentials.get/create
 * arguments (base64url -> ArrayBuffer) and the credential back into the JSON Cognito expects (ArrayBuffer ->
 * base64url). The engine imports only the types; the element passes the factory in, loaded with import() on first use.
 */

/** A JSON object as WebAuthn's *JSON dictionaries carry it (binary members as base64url strings). */
export type WebAuthnJson = { [key: string]: unknown };

/** Why a ceremony did not give a credential; each has its own error code and message (src/flow/passkey.ts). */
export type WebAuthnFailureReason =
  /** NotAllowedError / AbortError: the user closed the dialog, or no passkey of this device matched. */
  | 'cancelled'
  /** The ceremony ran for its whole `timeout`. */
  | 'timeout'
  /** No PublicKeyCredential, or the authenticator cannot do what the options ask (NotSupportedError). */
  | 'not-supported'
  /** SecurityError: the page's origin does not match the relying party (a configuration problem). */
  | 'security'
  /** InvalidStateError: at create(), this authenticator already holds a passkey of the account. */
  | 'invalid-state'
  | 'unknown';

export class WebAuthnFailure extends Error {
  readonly reason: WebAuthnFailureReason;
  constructor(reason: WebAuthnFailureReason, message: string = reason) {
    super(message);
    this.name = 'WebAuthnFailure';
    this.reason = reason;
  }
}

/**
 * The engine's WebAuthn seam. `get` takes PublicKeyCredentialRequestOptionsJSON (Cognito's CREDENTIAL_REQUEST_OPTIONS)
 * and resolves to AuthenticationResponseJSON; `create` takes PublicKeyCredentialCreationOptionsJSON
 * (StartWebAuthnRegistration) and resolves to RegistrationResponseJSON. Both reject with a WebAuthnFailure.
 */
export interface WebAuthnSeam {
  supported(): boolean;
  get(options: WebAuthnJson): Promise<WebAuthnJson>;
  create(options: WebAuthnJson): Promise<WebAuthnJson>;
}

// ---- codecs ------------------------------------------------------------------------------------------------------

export function base64urlToBuffer(value: string): ArrayBuffer {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(value.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function bufferToBase64url(buffer: ArrayBuffer | ArrayBufferView): string {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

type Descriptor = { id?: unknown; [key: string]: unknown };

const descriptors = (list: unknown): Descriptor[] | undefined =>
  Array.isArray(list) ? list.map((d: Descriptor) => ({ ...d, id: base64urlToBuffer(String(d.id)) })) : undefined;

/** PublicKeyCredentialRequestOptionsJSON -> PublicKeyCredentialRequestOptions. */
export function requestOptionsFromJson(json: WebAuthnJson): PublicKeyCredentialRequestOptions {
  const options = { ...json, challenge: base64urlToBuffer(String(json.challenge)) } as Record<string, unknown>;
  const allow = descriptors(json.allowCredentials);
  if (allow) options.allowCredentials = allow;
  return options as unknown as PublicKeyCredentialRequestOptions;
}

/** PublicKeyCredentialCreationOptionsJSON -> PublicKeyCredentialCreationOptions. */
export function creationOptionsFromJson(json: WebAuthnJson): PublicKeyCredentialCreationOptions {
  const user = (json.user ?? {}) as Record<string, unknown>;
  const options = {
    ...json,
    challenge: base64urlToBuffer(String(json.challenge)),
    user: { ...user, id: base64urlToBuffer(String(user.id)) },
  } as Record<string, unknown>;
  const exclude = descriptors(json.excludeCredentials);
  if (exclude) options.excludeCredentials = exclude;
  return options as unknown as PublicKeyCredentialCreationOptions;
}

/** The credential as RegistrationResponseJSON / AuthenticationResponseJSON (what toJSON() gives where it exists). */
export function credentialToJson(credential: PublicKeyCredential): WebAuthnJson {
  const r = credential.response as AuthenticatorResponse & Record<string, unknown>;
  const response: WebAuthnJson = { clientDataJSON: bufferToBase64url(r.clientDataJSON) };
  for (const key of ['authenticatorData', 'signature', 'userHandle', 'attestationObject'] as const) {
    const value = r[key];
    if (value instanceof ArrayBuffer) response[key] = bufferToBase64url(value);
  }
  const transports = (r as { getTransports?: () => string[] }).getTransports;
  if (typeof transports === 'function') response.transports = transports.call(r);
  const publicKey = (r as { getPublicKey?: () => ArrayBuffer | null }).getPublicKey;
  if (typeof publicKey === 'function') {
    const key = publicKey.call(r);
    if (key) response.publicKey = bufferToBase64url(key);
  }
  const algorithm = (r as { getPublicKeyAlgorithm?: () => number }).getPublicKeyAlgorithm;
  if (typeof algorithm === 'function') response.publicKeyAlgorithm = algorithm.call(r);
  const authenticatorData = (r as { getAuthenticatorData?: () => ArrayBuffer }).getAuthenticatorData;
  if (typeof authenticatorData === 'function' && !response.authenticatorData) {
    response.authenticatorData = bufferToBase64url(authenticatorData.call(r));
  }
  return {
    id: credential.id,
    rawId: bufferToBase64url(credential.rawId),
    type: credential.type,
    response,
    clientExtensionResults: credential.getClientExtensionResults?.() ?? {},
    ...(credential.authenticatorAttachment ? { authenticatorAttachment: credential.authenticatorAttachment } : {}),
  };
}

/** A DOMException (or anything thrown by navigator.credentials) as a WebAuthnFailure; `timedOut` tells the two NotAllowed apart. */
export function failureOf(error: unknown, timedOut: boolean): WebAuthnFailure {
  if (error instanceof WebAuthnFailure) return error;
  const name = typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name) : '';
  const message = error instanceof Error ? error.message : String(error);
  const reason: WebAuthnFailureReason =
    name === 'NotAllowedError' || name === 'AbortError'
      ? timedOut
        ? 'timeout'
        : 'cancelled'
      : name === 'NotSupportedError'
        ? 'not-supported'
        : name === 'SecurityError'
          ? 'security'
          : name === 'InvalidStateError'
            ? 'invalid-state'
            : 'unknown';
  return new WebAuthnFailure(reason, message);
}

/**
 * The seam over navigator.credentials. Browsers report a timeout and a cancel alike (NotAllowedError): one that came
 * after the options' whole `timeout` is called a timeout. `now` is for tests.
 */
export function createBrowserWebAuthn(now: () => number = () => Date.now()): WebAuthnSeam {
  const credentials = () => globalThis.navigator?.credentials;
  const run = async (json: WebAuthnJson, call: () => Promise<Credential | null>): Promise<WebAuthnJson> => {
    const started = now();
    const timeout = typeof json.timeout === 'number' ? json.timeout : undefined;
    try {
      const credential = await call();
      if (!credential) throw new WebAuthnFailure('cancelled');
      return credentialToJson(credential as PublicKeyCredential);
    } catch (e) {
      throw failureOf(e, timeout !== undefined && now() - started >= timeout);
    }
  };
  return {
    supported: () => typeof globalThis.PublicKeyCredential === 'function' && typeof credentials()?.get === 'function',
    get: (json) => run(json, () => credentials()!.get({ publicKey: requestOptionsFromJson(json) })),
    create: (json) => run(json, () => credentials()!.create({ publicKey: creationOptionsFromJson(json) })),
  };
}
