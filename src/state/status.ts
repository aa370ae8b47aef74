import type { AuthError } from '../errors.js';

/** Informational messages a screen shows above its form (translated as `notices.<notice>`). */
export type Notice =
  | 'signed-out'
  | 'password-changed'
  | 'account-confirmed'
  | 'code-resent'
  | 'password-reset-required'
  | 'totp-enabled'
  /** The sign-in form after the user deleted their account (src/account/). */
  | 'account-deleted'
  /** A passkey was registered (src/flow/passkey.ts). */
  | 'passkey-created'
  /** This device is forgotten: the next sign-in asks for MFA again (src/flow/devices.ts). */
  | 'device-forgotten';

/** What every state carries beside its screen. */
export interface Status {
  /** A request is in flight: the screen marks its buttons aria-disabled (focus stays), ignores presses and shows progress. */
  busy: boolean;
  error?: AuthError;
  notice?: Notice;
}

/** MFA methods as Cognito names them in MFAS_CAN_CHOOSE, MFAS_CAN_SETUP and challenge names. */
export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/** Where Cognito sent a code (CodeDeliveryDetails, or a challenge's CODE_DELIVERY_* parameters). */
export interface CodeDelivery {
  /** `EMAIL` or `SMS`. */
  medium: string;
  /** Masked by Cognito, e.g. `a***@e***.com` or `+*******0100`. */
  destination: string;
  attribute?: string;
}
