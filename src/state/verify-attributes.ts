import type { UserSession } from '../session/tokens.js';
import type { CodeDelivery } from './status.js';

/** The contact attributes a user can be asked to verify after sign-in (`verifyAttributes` option). */
export type VerifiableAttribute = 'email' | 'phone_number';

/**
 * After sign-in, the user's email address or phone number (as listed in `verifyAttributes`) is not verified yet:
 * "Verify your email" with send code / enter code / skip. The user is signed in already (`signed-in` has fired, the
 * session is in storage); this screen stands between that and the signed-in state. Account recovery needs a verified
 * contact: this is how a pool keeps "forgot password" working for its users.
 */
export interface VerifyAttributesState {
  screen: 'verify-attributes';
  username: string;
  session: UserSession;
  /** The attribute being verified now (the first still unverified of those asked for). */
  attribute: VerifiableAttribute;
  /** Its current value, as in the ID token's claims (the screen may show it, masked or not: it is the user's own). */
  value: string;
  /** Those still to verify after this one. */
  remaining: VerifiableAttribute[];
  /** Where the code went, once sent (GetUserAttributeVerificationCode); absent until the user asks for one. */
  delivery?: CodeDelivery;
  /** Whether a code has been sent in this state: the screen shows the code field then. */
  codeSent: boolean;
  /** `verifyAttributesRequired`: no skip. */
  required: boolean;
}
