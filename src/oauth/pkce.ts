/** PKCE (RFC 7636, S256 only) and the `state` of an authorization request: random values from WebCrypto. */

export function base64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomBase64Url(crypto: Crypto, byteLength: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteLength)));
}

/** A PKCE code_verifier: 32 random bytes, base64url (43 characters of the unreserved set, as RFC 7636 §4.1 asks). */
export function createCodeVerifier(crypto: Crypto = globalThis.crypto): string {
  return randomBase64Url(crypto, 32);
}

/** The S256 code_challenge: BASE64URL(SHA256(ASCII(code_verifier))) (RFC 7636 §4.2). */
export async function codeChallengeS256(verifier: string, crypto: Crypto = globalThis.crypto): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** A 128-bit random `state`, base64url (22 characters). */
export function createState(crypto: Crypto = globalThis.crypto): string {
  return randomBase64Url(crypto, 16);
}
