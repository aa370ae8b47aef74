// Masked delivery destinations and ResendConfirmationCode.
//
// Cognito never returns the address a code went to in full: CodeDeliveryDetails.Destination (SignUp, ForgotPassword,
// ResendConfirmationCode, GetUserAttributeVerificationCode, UpdateUserAttributes) and the MFA challenge parameter
// CODE_DELIVERY_DESTINATION are masked, e.g. "a***@e***" for alice@example.com and "+*******0100" for +15555550100:
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CodeDeliveryDetailsType.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignUp.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html
//   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RespondToAuthChallenge.html
// cognito-local returns them in clear; the double masks every one on the way out.
import { CognitoError, invalidParameter } from './errors.js';
import { attribute } from './store.js';

/** "alice@example.com" → "a***@e***"; "+15555550100" → "+*******0100"; anything already masked stays as it is. */
export function maskDestination(value) {
  const s = String(value ?? '');
  if (s.includes('***')) return s;
  const at = s.indexOf('@');
  if (at > 0) return `${s[0]}***@${s[at + 1] ?? ''}***`;
  if (/^\+?\d+$/.test(s)) return s.replace(/\d(?=\d{4})/g, '*');
  return s ? `${s[0]}***` : s;
}

const maskDetails = (d) => (d && typeof d === 'object' && 'Destination' in d ? { ...d, Destination: maskDestination(d.Destination) } : d);

/** The same answer with every delivery destination masked. */
export function maskDeliveries(json) {
  if (!json || typeof json !== 'object') return json;
  const out = { ...json };
  if (out.CodeDeliveryDetails) out.CodeDeliveryDetails = maskDetails(out.CodeDeliveryDetails);
  if (Array.isArray(out.CodeDeliveryDetailsList)) out.CodeDeliveryDetailsList = out.CodeDeliveryDetailsList.map(maskDetails);
  if (out.ChallengeParameters?.CODE_DELIVERY_DESTINATION) {
    out.ChallengeParameters = { ...out.ChallengeParameters, CODE_DELIVERY_DESTINATION: maskDestination(out.ChallengeParameters.CODE_DELIVERY_DESTINATION) };
  }
  return out;
}

/** Where Cognito sends a sign-up code: the email if the pool verifies email and the user has one, else the phone. */
function confirmationDelivery(user, options) {
  const verified = options.AutoVerifiedAttributes ?? [];
  const email = attribute(user, 'email');
  const phone = attribute(user, 'phone_number');
  if (email && (verified.includes('email') || !phone)) return { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email };
  if (phone) return { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: phone };
  return null;
}

/**
 * ResendConfirmationCode, which cognito-local lacks:
 *   https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ResendConfirmationCode.html
 * A confirmed user gets InvalidParameterException "User is already confirmed."; an unknown one UserNotFoundException,
 * or (PreventUserExistenceErrors ENABLED, as the seed's clients) a made-up delivery to the name typed. Every code the
 * emulator sends is the seed's `code`, which cognito-local already stored as the user's ConfirmationCode, so nothing
 * changes in its state.
 */
export function createResend({ store }) {
  return async function resendConfirmationCode(req) {
    if (!req.Username) throw invalidParameter('Missing required parameter Username');
    const client = await store.client(req.ClientId);
    if (!client) throw new CognitoError('ResourceNotFoundException', `User pool client ${req.ClientId} does not exist.`);
    const { Options = {} } = await store.pool(client.UserPoolId);
    const user = await store.user(client.UserPoolId, req.Username);
    if (!user) {
      if (client.PreventUserExistenceErrors !== 'ENABLED') throw new CognitoError('UserNotFoundException', 'Username/client id combination not found.');
      const email = String(req.Username).includes('@');
      return { CodeDeliveryDetails: { AttributeName: email ? 'email' : 'phone_number', DeliveryMedium: email ? 'EMAIL' : 'SMS', Destination: email ? req.Username : '+0000000000' } };
    }
    if (user.UserStatus !== 'UNCONFIRMED') throw invalidParameter('User is already confirmed.');
    const details = confirmationDelivery(user, Options);
    if (!details) throw invalidParameter('No email or phone number to send a confirmation code to.');
    return { CodeDeliveryDetails: details };
  };
}
