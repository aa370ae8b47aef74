// The ID token's user claims as Cognito writes them. cognito-local puts only `email`, `email_verified` (as
// Boolean("false") === true: an unverified address reads as verified) and the custom attributes in the ID token;
// Cognito puts every standard attribute the app client may read, with `email_verified` / `phone_number_verified` as
// booleans of the attribute's "true" / "false":
//   https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
// The double re-signs the ID token of every sign-in and refresh it passes on with those claims, with cognito-local's
// own key (so the JWKS still verifies it) and the same header, times, audience and issuer.
import { createRequire } from 'node:module';
import path from 'node:path';
import { unverifiedClaims } from './tokens.js';

const require = createRequire(import.meta.url);
const cognitoLocalDir = path.dirname(require.resolve('cognito-local/package.json'));
const jwt = require(require.resolve('jsonwebtoken', { paths: [cognitoLocalDir] }));
const { pem } = require(path.join(cognitoLocalDir, 'lib', 'keys', 'cognitoLocal.private.json'));

// Standard attributes Cognito writes into the ID token (by default every one is readable by an app client).
const STANDARD = [
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name', 'nickname',
  'phone_number', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
];
const VERIFIED = ['email_verified', 'phone_number_verified'];

export function createIdTokens({ store }) {
  /** The IdToken of an AuthenticationResult with the user's claims as Cognito writes them; the rest unchanged. */
  async function correct(result) {
    const claims = unverifiedClaims(result?.IdToken);
    if (!claims || claims.token_use !== 'id') return result;
    const poolId = String(claims.iss ?? '').split('/').pop();
    let user;
    try {
      user = await store.user(poolId, String(claims['cognito:username'] ?? claims.sub ?? ''));
    } catch {
      return result;
    }
    if (!user) return result;
    const next = { ...claims };
    delete next.email_verified;
    for (const a of user.Attributes ?? []) {
      if (STANDARD.includes(a.Name)) next[a.Name] = a.Value;
      if (VERIFIED.includes(a.Name)) next[a.Name] = a.Value === 'true';
    }
    const header = JSON.parse(Buffer.from(result.IdToken.split('.')[0], 'base64url').toString('utf8'));
    // exp, iat, aud and iss stay as they are in the payload; only the claims above change.
    return { ...result, IdToken: jwt.sign(next, pem, { algorithm: 'RS256', keyid: header.kid ?? 'CognitoLocal' }) };
  }

  return {
    correct,
    /** A handler's answer (its own output or cognito-local's { status, json }) with its AuthenticationResult corrected. */
    async answer(answer) {
      const wrapped = answer && 'status' in answer && 'json' in answer;
      const json = wrapped ? answer.json : answer;
      if (!json?.AuthenticationResult) return answer;
      const fixed = { ...json, AuthenticationResult: await correct(json.AuthenticationResult) };
      return wrapped ? { ...answer, json: fixed } : fixed;
    },
  };
}
