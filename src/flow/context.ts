import type { SrpSession } from '../crypto/srp-user.js';

/**
 * What the flow must remember between screens but never shows (none of it is ever part of the state). The password
 * lives here only from the moment it is typed until the user is signed in (or leaves the journey), so confirmation
 * and set-up can finish signing in. One forget() drops all of it: a field added here is forgotten with the rest.
 */
export class FlowContext {
  password: string | undefined;
  /** Cognito's `Session` of the challenge being answered. */
  cognitoSession: string | undefined;
  /** `USER_ID_FOR_SRP`: the username challenge answers carry (may differ from what the user typed). */
  userIdForSrp: string | undefined;
  /** The ChallengeName being answered, if any. */
  challengeName: string | undefined;
  /** The SRP exchange of a USER_SRP_AUTH sign-in, until its PASSWORD_VERIFIER is answered. */
  srp: SrpSession | undefined;

  forget(): void {
    this.password = undefined;
    this.cognitoSession = undefined;
    this.userIdForSrp = undefined;
    this.challengeName = undefined;
    this.srp = undefined;
  }
}
