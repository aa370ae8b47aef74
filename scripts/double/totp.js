// TOTP codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second windows) judged on the double's clock, each accepted once.
//
// Cognito accepts a code of the current window or an adjacent one (clock drift, typing time) and refuses a code of a
// window it has already accepted for that user: RespondToAuthChallenge SOFTWARE_TOKEN_MFA / VerifySoftwareToken answer
// ExpiredCodeException "Your software token has already been used once." (e.g. signing in again within the same 30 s,
// or right after VerifySoftwareToken with the same code):
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html (ExpiredCodeException)
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_VerifySoftwareToken.html
//   https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
// cognito-local checks codes against the real time only and accepts a code any number of times; the double judges them
// itself (its clock, once per window) and then hands cognito-local a code of the real current window, which it accepts.
import { createHmac } from 'node:crypto';
import { CognitoError } from './errors.js';

export const WINDOW_MS = 30_000;
/** Windows either side of the current one that are still accepted. */
const DRIFT = 1;
export const ALREADY_USED = 'Your software token has already been used once.';

function base32(secret) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of String(secret).replace(/=+$/, '').toUpperCase()) {
    const i = alphabet.indexOf(ch);
    if (i < 0) continue;
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The code of window `counter`. */
export function codeAt(secret, counter) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', base32(secret)).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The code of the real current window: what cognito-local accepts after the double has judged the user's code. */
export const realTimeCode = (secret) => codeAt(secret, Math.floor(Date.now() / WINDOW_MS));

export function createTotp({ clock }) {
  const lastUsed = new Map(); // "<poolId>/<username>" → the last window accepted for that user

  return {
    /**
     * Judges `code` for a user: true if it belongs to the current window (± DRIFT) and that window was not used yet
     * (then the window is spent); false if it matches no window; ExpiredCodeException if its window was used.
     */
    accept(userKey, secret, code) {
      if (!secret || !/^\d{6}$/.test(String(code ?? ''))) return false;
      const now = Math.floor(clock.now() / WINDOW_MS);
      for (let counter = now - DRIFT; counter <= now + DRIFT; counter++) {
        if (codeAt(secret, counter) !== code) continue;
        if (counter <= (lastUsed.get(userKey) ?? -Infinity)) throw new CognitoError('ExpiredCodeException', ALREADY_USED);
        lastUsed.set(userKey, counter);
        return true;
      }
      return false;
    },
  };
}
