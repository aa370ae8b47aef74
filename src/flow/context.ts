import type { SignInMethod } from '../config.js';
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
  /** USER_AUTH: the challenge answered is a first factor (an EMAIL_OTP is then a sign-in code, not MFA). */
  firstFactor: boolean | undefined;
  /** USER_AUTH: the methods offered to this user (Cognito's ∩ the page's), kept for "Sign in another way". */
  methods: SignInMethod[] | undefined;
  /** The DEVICE_KEY this sign-in sent (a remembered device), so its session refreshes with it too. */
  deviceKey: string | undefined;
  /** The user's answer to "Remember this device" (opt-in pools), from the MFA code intent. */
  rememberDevice: boolean | undefined;
  /** A passkey answered this sign-in: no "Create a passkey" prompt after it. */
  usedPasskey: boolean | undefined;
  /** SignUp's Session, for ConfirmSignUp to return one that signs the new user in (USER_AUTH). */
  signUpSession: string | undefined;

  forget(): void {
    this.password = undefined;
    this.cognitoSession = undefined;
    this.userIdForSrp = undefined;
    this.challengeName = undefined;
    this.srp = undefined;
    this.firstFactor = undefined;
    this.methods = undefined;
    this.deviceKey = undefined;
    this.rememberDevice = undefined;
    this.usedPasskey = undefined;
    this.signUpSession = undefined;
  }
}
