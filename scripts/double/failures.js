// Lockout after repeated failed sign-ins, which cognito-local does not do. Cognito: after five failed password
// attempts it locks the user out temporarily - 1 s, doubling with each further failure up to about 15 minutes - and
// answers NotAuthorizedException "Password attempts exceeded" meanwhile; a successful sign-in resets the count:
//   https://docs.aws.amazon.com/cognito/latest/developerguide/authentication.html (lockout behavior for failed sign-in attempts)
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html (NotAuthorizedException)
// The count is per user, across USER_PASSWORD_AUTH and USER_SRP_AUTH; the lockout runs on the double's clock.
import { notAuthorized } from './errors.js';

export const FREE_ATTEMPTS = 5;
const MAX_LOCK_MS = 15 * 60_000;

export function createFailures({ clock }) {
  const byUser = new Map(); // "<poolId>/<username>" → { count, lockedUntil }
  const key = (poolId, username) => `${poolId}/${username}`;
  return {
    /** Throws "Password attempts exceeded" while the user is locked out. */
    check(poolId, username) {
      const entry = byUser.get(key(poolId, username));
      if (entry && clock.now() < entry.lockedUntil) throw notAuthorized('Password attempts exceeded');
    },
    failed(poolId, username) {
      const entry = byUser.get(key(poolId, username)) ?? { count: 0, lockedUntil: 0 };
      entry.count++;
      if (entry.count >= FREE_ATTEMPTS) entry.lockedUntil = clock.now() + Math.min(1000 * 2 ** (entry.count - FREE_ATTEMPTS), MAX_LOCK_MS);
      byUser.set(key(poolId, username), entry);
    },
    succeeded(poolId, username) {
      byUser.delete(key(poolId, username));
    },
  };
}
