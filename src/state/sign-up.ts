import type { AuthError } from '../errors.js';
import type { CodeDelivery } from './status.js';

export interface SignUpState {
  screen: 'sign-up';
  username: string;
}

export interface ConfirmSignUpState {
  screen: 'confirm-sign-up';
  username: string;
  delivery?: CodeDelivery;
  /** Asking for a code failed (after a sign-in of an unconfirmed account): the screen still asks for one. */
  resendError?: AuthError;
}
