/** Adding an authenticator app: during an MFA_SETUP challenge, or by a signed-in user. */
export interface SetupTotpState {
  screen: 'setup-totp';
  username: string;
  /** The shared secret (base32), shown as text for manual entry and encoded in `uri` for the QR code. */
  secret: string;
  uri: string;
  /** True when a signed-in user adds an authenticator app; false during an MFA_SETUP challenge. */
  signedIn: boolean;
}

/** SMS set-up in MFA_SETUP: the phone number the page's server adds to the account. */
export interface SetupSmsState {
  screen: 'setup-sms';
  username: string;
}
