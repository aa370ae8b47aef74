// Challenge steps the double runs itself (USER_AUTH, one-time codes, passkeys, device SRP, the sign-up Session): each
// answer that needs another request carries a fresh Session, which names the state of that step. Like every challenge
// Session (sessions.js) it is valid for 3 minutes; a Session is consumed by the step it was issued for.
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html (Session)
import { randomBytes } from 'node:crypto';
import { notAuthorized } from './errors.js';

export function createSteps({ sessions }) {
  const states = new Map(); // Session → { step, ...state }

  return {
    /** A new Session for `state` (which names its `step`), recorded as a challenge session. */
    issue(state) {
      const Session = randomBytes(96).toString('base64');
      sessions.record({ status: 200, json: { Session } });
      states.set(Session, state);
      return Session;
    },
    /** True when the double issued `session` (for any step), whatever its age. */
    owns: (session) => states.has(session),
    /**
     * The state of a Session issued for one of `steps`, checked (3 minutes) and consumed, or the same errors as for
     * any other Session. `keep`: leave it usable (a wrong one-time code may be typed again).
     */
    take(session, steps, { keep = false } = {}) {
      sessions.check(session);
      const state = states.get(session);
      if (!state || !steps.includes(state.step)) throw notAuthorized('Invalid session for the user.');
      if (!keep) states.delete(session);
      return state;
    },
    drop: (session) => states.delete(session),
  };
}
