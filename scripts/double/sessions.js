// Challenge sessions, which cognito-local does not check (it accepts any Session string, however old).
//
// Session: the string InitiateAuth / RespondToAuthChallenge return with a challenge is valid for 3 minutes; after
// that RespondToAuthChallenge answers NotAuthorizedException "Invalid session for the user, session is expired.",
// and a Session the server never issued "Invalid session for the user.":
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
//   (Session: "... The session expires after 3 minutes" - AuthSessionValidity, default 3 minutes, on the app client:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UserPoolClientType.html)
import { notAuthorized } from './errors.js';

export const SESSION_TTL_MS = 3 * 60_000;

export function createSessions({ clock }) {
  const issued = new Map(); // Session → issuedAt (double clock)
  return {
    /** Remembers the Session of a challenge answer the double passes on. */
    record(answer) {
      if (answer?.status === 200 && typeof answer.json?.Session === 'string') issued.set(answer.json.Session, clock.now());
      const now = clock.now();
      for (const [s, at] of issued) if (now - at > 4 * SESSION_TTL_MS) issued.delete(s);
    },
    /** Throws Cognito's error for a Session that was never issued or is older than 3 minutes. */
    check(session) {
      const at = issued.get(session);
      if (at === undefined) throw notAuthorized('Invalid session for the user.');
      if (clock.now() - at > SESSION_TTL_MS) throw notAuthorized('Invalid session for the user, session is expired.');
    },
  };
}
