// EMAIL_OTP and SMS_OTP as first factors of choice-based sign-in (USER_AUTH), which cognito-local does not have.
//
// Choosing EMAIL_OTP / SMS_OTP (RespondToAuthChallenge SELECT_CHALLENGE with ANSWER, or InitiateAuth USER_AUTH with
// PREFERRED_CHALLENGE) sends a code and answers ChallengeName EMAIL_OTP / SMS_OTP with ChallengeParameters
// CODE_DELIVERY_DELIVERY_MEDIUM (EMAIL / SMS) and CODE_DELIVERY_DESTINATION (masked, as every destination: delivery.js);
// the user answers with EMAIL_OTP_CODE / SMS_OTP_CODE:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html (ChallengeName)
// A code goes only to a verified address: EMAIL_OTP needs email_verified, SMS_OTP phone_number_verified
// (https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html).
// Every code the emulator sends is the seed's `code` (scripts/emulator.js); a wrong one is CodeMismatchException
// "Invalid code or auth state for the user." and the same Session may try again (until it expires).
import { CognitoError } from './errors.js';
import { maskDestination } from './delivery.js';
import { attribute } from './store.js';

export const OTP_CODE_MISMATCH = 'Invalid code or auth state for the user.';

const MEDIA = {
  EMAIL_OTP: { attr: 'email', verified: 'email_verified', medium: 'EMAIL', answer: 'EMAIL_OTP_CODE' },
  SMS_OTP: { attr: 'phone_number', verified: 'phone_number_verified', medium: 'SMS', answer: 'SMS_OTP_CODE' },
};

/** True when `user` can get a one-time code through `challenge` (EMAIL_OTP / SMS_OTP): a verified address. */
export function canReceive(user, challenge) {
  const m = MEDIA[challenge];
  return Boolean(m && attribute(user, m.attr) && attribute(user, m.verified) === 'true');
}

export function createOneTimeCodes({ code }) {
  return {
    /**
     * "Sends" the code (the seed's `code`, which tests know) and returns the challenge parameters. `user` null: an
     * unknown user (PreventUserExistenceErrors), who gets a made-up destination and a code that never matches.
     */
    send(user, challenge, typed) {
      const m = MEDIA[challenge];
      const destination = user ? attribute(user, m.attr) : m.medium === 'EMAIL' && String(typed).includes('@') ? typed : '+0000000000';
      return { CODE_DELIVERY_DELIVERY_MEDIUM: m.medium, CODE_DELIVERY_DESTINATION: maskDestination(destination) };
    },
    /** Checks the answer to an EMAIL_OTP / SMS_OTP challenge; throws CodeMismatchException when it is wrong. */
    check(challenge, responses, known) {
      const typed = responses?.[MEDIA[challenge].answer];
      if (!known || String(typed ?? '') !== String(code)) throw new CognitoError('CodeMismatchException', OTP_CODE_MISMATCH);
    },
  };
}
